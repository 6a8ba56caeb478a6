"""The submission package file (.xzpkg) at the SQL level: its schema, writing it, reading it read-only.

A package file is itself an SQLite database, so its SQL lives here with the rest of the
store's. What the fields mean and which values are refused (with which message) is
``services.packages.package_file``'s business; this module reports any SQLite failure as
:class:`PackageFileError` and executes nothing the file holds.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from ..domain.limits import MAX_AUTHOR, MAX_PACKAGE_FIELD, MAX_REVISION, MAX_TEXT
from .base import Key

APPLICATION_ID = 0x585A504B  # “XZPK” in the SQLite header: a package, not a database
SCHEMA = [
    "CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE value (unit TEXT NOT NULL, indicator TEXT NOT NULL, period TEXT NOT NULL, value REAL, "
    "explanation TEXT NOT NULL DEFAULT '', revision INTEGER NOT NULL, base_revision INTEGER NOT NULL DEFAULT 0, "
    "changed_at TEXT NOT NULL, changed_by TEXT NOT NULL DEFAULT '', PRIMARY KEY (unit, indicator, period)) WITHOUT ROWID",
]
# What sqlite_master may hold: our two tables and the primary-key index of the rowid table.
EXPECTED_OBJECTS = {("table", "manifest"), ("table", "value"), ("index", "sqlite_autoindex_manifest_1")}
# A receipt (回执, kind ``receipt``) also carries named texts (JSON): the decisions, due dates, the catalog.
ATTACHMENT_SCHEMA = "CREATE TABLE attachment (name TEXT PRIMARY KEY, body TEXT NOT NULL)"
ATTACHMENT_OBJECTS = {("table", "attachment"), ("index", "sqlite_autoindex_attachment_1")}
_ROW_COLUMNS = "unit, indicator, period, value, explanation, revision, base_revision, changed_at, changed_by"
# A row any field of which the reader's checks would refuse, found by SQLite in one pass (the schema is verified first).
_BAD_ROW = (
    f"(typeof(unit) != 'text' OR typeof(indicator) != 'text' OR typeof(period) != 'text' OR typeof(explanation) != 'text' "
    f"OR typeof(changed_at) != 'text' OR typeof(changed_by) != 'text' OR typeof(revision) != 'integer' "
    f"OR typeof(base_revision) != 'integer' OR typeof(value) NOT IN ('null', 'real', 'integer') "
    f"OR value IN (9e999, -9e999) OR revision < 1 OR base_revision < 0 OR revision > {MAX_REVISION} "
    f"OR base_revision > {MAX_REVISION} OR length(explanation) > {MAX_TEXT} OR length(unit) > {MAX_PACKAGE_FIELD} "
    f"OR length(indicator) > {MAX_PACKAGE_FIELD} OR length(period) > {MAX_PACKAGE_FIELD} "
    f"OR length(changed_at) > {MAX_PACKAGE_FIELD} OR length(changed_by) > {MAX_AUTHOR})"
)


class PackageRow(NamedTuple):
    """One figure in a package (a tuple: a merge reads hundreds of thousands of them)."""

    unit: str
    indicator: str
    period: str
    value: float | None
    explanation: str
    revision: int
    base_revision: int
    changed_at: str
    changed_by: str

    @property
    def key(self) -> Key:
        return (self.unit, self.indicator, self.period)


class PackageFileError(Exception):
    """SQLite could not open or read a package file; ``reason`` is its one-line explanation."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def write_package_file(
    path: Path,
    fields: dict[str, str],
    checksum: str,
    rows: Sequence[PackageRow],
    format_version: int,
    attachments: dict[str, str] | None = None,
    signature: str | None = None,
) -> None:
    """Create the package file ``path`` (which must not exist) with its manifest (and signature), figures and any attachments."""
    extra = [("checksum", checksum)] + ([("signature", signature)] if signature is not None else [])
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            # A new file under a temporary name, renamed into place only once written whole (write_package), and
            # deleted on any error: a journal on disk protects nothing here. Kept in memory (a rollback still
            # works), no sync of SQLite's own; the file is synced once below, before it may be renamed.
            conn.execute("PRAGMA journal_mode = MEMORY")
            conn.execute("PRAGMA synchronous = OFF")
            # One transaction for the whole file: each statement on its own (the pragmas, every CREATE) was a
            # commit of its own, with its syncs of the journal, the file and the folder.
            conn.execute("BEGIN IMMEDIATE")
            with conn:  # commits at the end, rolls back on an error
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {int(format_version)}")
                for statement in SCHEMA:
                    conn.execute(statement)
                conn.executemany("INSERT INTO manifest (key, value) VALUES (?, ?)", [*fields.items(), *extra])
                conn.executemany(f"INSERT INTO value ({_ROW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                if attachments:
                    conn.execute(ATTACHMENT_SCHEMA)
                    conn.executemany("INSERT INTO attachment (name, body) VALUES (?, ?)", sorted(attachments.items()))
        finally:
            conn.close()
        with path.open("rb+") as fh:  # on disk before the rename makes it the package
            os.fsync(fh.fileno())
    except sqlite3.Error as exc:
        raise PackageFileError(str(exc)) from exc


class PackageFileReader:
    """A package file opened read-only, untrusted: ``query_only``, ``trusted_schema=OFF``."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def objects(self) -> set[tuple[str, str]]:
        """(type, name) of everything in ``sqlite_master``."""
        return {(str(t), str(n)) for t, n in self._conn.execute("SELECT type, name FROM sqlite_master")}

    def table_sql(self) -> dict[str, str]:
        return {
            str(n): str(s) for n, s in self._conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        }

    def quick_check(self) -> list[str]:
        return [str(r[0]) for r in self._conn.execute("PRAGMA quick_check").fetchall()]

    def manifest(self, limit: int) -> list[tuple[object, object]]:
        """The manifest's (key, value) pairs as stored, of any type, at most ``limit``."""
        return [(k, v) for k, v in self._conn.execute(f"SELECT key, value FROM manifest LIMIT {int(limit)}")]

    def count(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM value").fetchone()[0])

    def attachments(self, limit: int) -> list[tuple[object, object]]:
        """A receipt's (name, body) pairs as stored, of any type, at most ``limit``."""
        return [(n, b) for n, b in self._conn.execute(f"SELECT name, body FROM attachment LIMIT {int(limit)}")]

    def plain_rows(self) -> list[tuple[object, ...]]:
        """The figures as stored, of any type, in key order (to compare with figures already held)."""
        return [
            tuple(r) for r in self._conn.execute(f"SELECT {_ROW_COLUMNS} FROM value ORDER BY unit, indicator, period")
        ]

    def first_bad_row(self) -> tuple[object, ...] | None:
        """The first row (in key order) any field of which the reader's checks would refuse, found by SQLite."""
        row = self._conn.execute(f"SELECT {_ROW_COLUMNS} FROM value WHERE {_BAD_ROW} LIMIT 1").fetchone()
        return None if row is None else tuple(row)

    def package_rows(self) -> list[PackageRow]:
        """The figures as :class:`PackageRow`, in key order, once :meth:`first_bad_row` has found none to refuse."""
        return list(map(PackageRow._make, self._conn.execute(f"SELECT {_ROW_COLUMNS} FROM value")))


class PackageFileOpenError(PackageFileError):
    """The file could not even be opened (as opposed to failing while read)."""


@contextmanager
def reading_package_file(path: Path) -> Iterator[PackageFileReader]:
    """Open ``path`` read-only for the block; SQLite failures come out as :class:`PackageFileError`."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise PackageFileOpenError(str(exc)) from exc
    with _reading(conn) as reader:
        yield reader


@contextmanager
def reading_package_bytes(data: bytes) -> Iterator[PackageFileReader]:
    """A package file's bytes, already read into memory, opened as a database for the block (``query_only``,
    ``trusted_schema=OFF``): what is checked is exactly these bytes, whatever happens to the file meanwhile."""
    try:
        conn = sqlite3.connect(":memory:")
    except sqlite3.Error as exc:
        raise PackageFileOpenError(str(exc)) from exc
    try:
        conn.deserialize(data)
    except (sqlite3.Error, OverflowError, BufferError) as exc:
        conn.close()
        raise PackageFileOpenError(str(exc)) from exc
    with _reading(conn) as reader:
        yield reader


@contextmanager
def _reading(conn: sqlite3.Connection) -> Iterator[PackageFileReader]:
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA trusted_schema = OFF")
        yield PackageFileReader(conn)
    except sqlite3.Error as exc:
        raise PackageFileError(str(exc)) from exc
    finally:
        conn.close()
