"""Opening, creating and describing an xz-desktop database."""

from __future__ import annotations

import contextlib
import getpass
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from .. import __version__
from ..domain.catalog import Catalog
from ..domain.catalog_rows import catalog_from_rows, indicator_to_row, load_catalog_dir, rule_to_row, unit_to_row
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..paths import catalog_dir
from . import migrations
from .base import S, now_iso, translate_sqlite_error
from .candidates import CandidateTable
from .conflicts import ConflictTable
from .merge_log import MergeLog
from .packages import PackageTable
from .values import ValueTable

__all__ = ["Store", "create_store", "default_author", "now_iso", "open_store", "translate_sqlite_error"]

ROLE_UNIT = "unit"
ROLE_DISTRICT = "district"
BUSY_TIMEOUT_MS = 5000


def default_author() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some Windows services; an author is still needed
        return "unknown"


class Store:
    """One open database. Use from one thread only: open another in a worker.

    The tables are reached through managers, one per table family (as Anki's ``Collection``):
    ``values`` (figures, their history), ``packages`` (merged and exported packages),
    ``candidates`` (district corrections and decisions the merge weighs), ``conflicts``,
    ``log`` (the merge log). Only the store's modules use ``conn``.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None):
        self.conn = conn
        self.path = path
        self.db = sqlite_utils.Database(conn)
        self._catalog: Catalog | None = None
        self._guarded = False
        self.values = ValueTable(self)
        self.packages = PackageTable(self)
        self.candidates = CandidateTable(self)
        self.conflicts = ConflictTable(self)
        self.log = MergeLog(self)

    # -- transactions ---------------------------------------------------
    def transaction(self) -> contextlib.AbstractContextManager[Any]:
        """One transaction (a savepoint inside another): everything in the block lands, or nothing."""
        return self.db.atomic()

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    @contextlib.contextmanager
    def merge_guard(self) -> Iterator[None]:
        """Inside a transaction: the figures written are derived by the merge, not the district's own edits.

        While it is held the capture triggers of migration 002 stand aside, and only then may
        ``values.write_merged`` write.
        """
        self.conn.execute("INSERT INTO merge_guard (active) VALUES (1)")
        self._guarded = True
        try:
            yield
        finally:
            self._guarded = False
            self.conn.execute("DELETE FROM merge_guard")

    @property
    def merge_guarded(self) -> bool:
        return self._guarded

    @contextlib.contextmanager
    def rolled_back(self) -> Iterator[None]:
        """Everything in the block is undone at its end (a preview is the real work, then rolled back)."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """Many transactions in a row, each still atomic, with fewer syncs and checkpoints.

        In WAL mode synchronous=NORMAL keeps every commit atomic and the database consistent;
        only a power cut could lose the last few commits. Checkpointing the WAL less often
        (every 64 MB instead of 4 MB) writes each page once for many transactions instead of
        once each. Outside a transaction only: inside one, the pragmas are left alone.
        """
        previous = int(self.conn.execute("PRAGMA synchronous").fetchone()[0])
        checkpoint = int(self.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        if not self.conn.in_transaction:
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA wal_autocheckpoint = 16384")
        try:
            yield
        finally:
            if not self.conn.in_transaction:
                self.conn.execute(f"PRAGMA synchronous = {previous}")
                self.conn.execute(f"PRAGMA wal_autocheckpoint = {checkpoint}")
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    # -- identity -------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def role(self) -> str:
        return self.meta("role", ROLE_DISTRICT)

    @property
    def is_district(self) -> bool:
        return self.role == ROLE_DISTRICT

    @property
    def unit_code(self) -> str | None:
        return self.meta("unit") or None

    @property
    def database_id(self) -> str:
        return self.meta("database_id", "")

    @property
    def author(self) -> str:
        return self.meta("author") or default_author()

    @property
    def is_demo(self) -> bool:
        return self.meta("demo") == "1"

    def schema_version(self) -> int:
        return migrations.applied_version(self.conn)

    def describe(self) -> str:
        """“秀洲区（汇总）” or the unit's name: what the title bar shows."""
        if self.is_district:
            return "秀洲区（区级汇总）"
        code = self.unit_code
        return self.catalog().unit(code).name if code and self.catalog().has_unit(code) else str(code)

    # -- catalog --------------------------------------------------------
    def catalog(self) -> Catalog:
        if self._catalog is None:
            q = self.conn.execute
            cols = lambda cur: [d[0] for d in cur.description]

            def rows(sql: str) -> list[dict]:
                cur = q(sql)
                names = cols(cur)
                return [dict(zip(names, r)) for r in cur.fetchall()]

            self._catalog = catalog_from_rows(
                rows("SELECT * FROM indicator ORDER BY position, code"),
                rows("SELECT * FROM unit ORDER BY sort, code"),
                rows("SELECT * FROM rule ORDER BY code"),
                version=self.meta("catalog_version", ""),
                where=str(self.path or "database"),
            )
        return self._catalog

    def replace_catalog(self, catalog: Catalog) -> None:
        """Put ``catalog`` in force, atomically. Units are retired, never deleted: figures refer to them."""
        catalog.validate()
        with self.db.atomic():
            self.conn.execute("DELETE FROM indicator")
            self.conn.execute("DELETE FROM rule")
            self.conn.execute("UPDATE unit SET active = 0")
            _write_catalog(self.db, catalog)
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES ('catalog_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (catalog.version,),
            )
        self._catalog = None

    # -- housekeeping ---------------------------------------------------
    def integrity_problems(self) -> list[str]:
        rows = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        rows += [f"外键错误：{r}" for r in self.conn.execute("PRAGMA foreign_key_check").fetchall()]
        return [] if rows == ["ok"] else [r for r in rows if r != "ok"]

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _write_catalog(db: sqlite_utils.Database, catalog: Catalog) -> None:
    rows = []
    for position, ind in enumerate(catalog.indicators):
        row = indicator_to_row(ind)
        row["position"] = position
        rows.append(row)
    db["indicator"].insert_all(rows, replace=True)
    db["unit"].upsert_all([unit_to_row(u) for u in catalog.units], pk="code")
    db["rule"].insert_all([rule_to_row(r) for r in catalog.rules], replace=True)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal" and str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = DELETE")
    return conn


def _refuse_foreign(path: Path) -> None:
    """Refuse another program's database, or a newer one, before anything is written to it.

    Opening for real switches the file to WAL, which rewrites its header: a file we are
    going to refuse must come out byte for byte as it went in.
    """
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return  # not openable read-only (e.g. WAL in a read-only folder): the real open reports it
    try:
        migrations.check_compatible(probe)
    except sqlite3.Error:
        pass  # the real open translates the same error
    finally:
        probe.close()


def open_store(path: str | Path, *, migrate: bool = True) -> Store:
    """Open an existing database, upgrading its schema (after a backup) if it is older."""
    path = Path(path)
    if not path.is_file():
        raise XzError(Message(S, QT_TRANSLATE_NOOP(S, "数据库文件 {path} 不存在"), {"path": str(path)}))
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise XzError(
            Message(
                S, QT_TRANSLATE_NOOP(S, "无法读取 {path}：{reason}"), {"path": str(path), "reason": exc.strerror or exc}
            )
        ) from exc
    if header and header != b"SQLite format 3\x00":
        raise XzError(
            Message(S, QT_TRANSLATE_NOOP(S, "{path} 不是有效的数据库文件，或文件已损坏"), {"path": str(path)})
        )
    if header:
        _refuse_foreign(path)
    conn = None
    try:
        conn = _connect(path)
        if migrate:
            migrations.migrate(conn, path)
        elif migrations.applied_version(conn) != migrations.latest_version():
            raise XzError(Message(S, QT_TRANSLATE_NOOP(S, "数据库 {path} 的结构版本与本程序不符"), {"path": str(path)}))
        store = Store(conn, path)
        if store.meta("role") not in (ROLE_UNIT, ROLE_DISTRICT):
            raise XzError(Message(S, QT_TRANSLATE_NOOP(S, "这不是 xz-desktop 的数据库")))
        return store
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise translate_sqlite_error(exc, path) from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise


def create_store(
    path: str | Path, role: str, unit: str | None = None, catalog: Catalog | None = None, *, author: str | None = None
) -> Store:
    """Create a new database for one unit (``role='unit'``) or the district."""
    path = Path(path)
    if role not in (ROLE_UNIT, ROLE_DISTRICT):
        raise ValueError(role)
    if path.exists() and path.stat().st_size > 0:
        raise XzError(Message(S, QT_TRANSLATE_NOOP(S, "文件 {path} 已存在，不会覆盖"), {"path": str(path)}))
    catalog = catalog or load_catalog_dir(catalog_dir())
    if role == ROLE_UNIT:
        if not unit or not catalog.has_unit(unit):
            raise XzError(Message(S, QT_TRANSLATE_NOOP(S, "没有填报单位“{code}”"), {"code": unit or ""}))
    elif unit:
        raise XzError(Message(S, QT_TRANSLATE_NOOP(S, "区级汇总数据库不属于某个单位")))
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = None
    try:
        conn = _connect(path)
        migrations.migrate(conn, path)
        store = Store(conn, path)
        with store.db.atomic():
            _write_catalog(store.db, catalog)
            meta = {
                "role": role,
                "unit": unit or "",
                "catalog_version": catalog.version,
                "created_at": now_iso(),
                "program_version": __version__,
                "database_id": str(uuid.uuid4()),
            }
            if author:
                meta["author"] = author
            store.db["meta"].insert_all([{"key": k, "value": v} for k, v in meta.items()], replace=True)
        return store
    except BaseException as exc:
        if conn is not None:
            conn.close()
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error):
            raise translate_sqlite_error(exc, path) from exc
        raise
