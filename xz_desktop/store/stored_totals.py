"""District totals kept as computed (``stored_totals``, migration 008) until anything they are made of changes.

The migration's triggers delete every kept row in the same transaction as any change of the figures, the
conflicts or the catalog, so a kept row is always the totals of the database as it is. What is kept is the
text :meth:`put` was given (the rows as ``xz totals --json`` gives them); what the rows mean is
``services.totals``' business. Writing kept totals is not a change of the data: :meth:`put` tells the store,
whose :meth:`~.core.StoreCore.version` (under which the window keeps what it computed) does not move.

The file is hostile like any other (docs/totals.md, 留存的汇总): a kept row is read only when

- its seal is right: an HMAC-SHA256, under a secret the caller holds outside the database, of the row (period,
  沿用上期, program, both texts) and of a :func:`fingerprint` of what the totals are made of as it was when the row
  was written. A row edited in the file, or put back after a change, is not read.
- the triggers that delete kept rows (migration 008) and those that write the audit (001) are in the file
  exactly as the migrations created them (:meth:`StoredTotals.guarded`). A trigger dropped or changed: nothing
  kept is read.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
import sqlite3
import zlib
from typing import NamedTuple

from ..paths import migrations_dir
from .base import now_iso
from .core import StoreCore

SEAL_BYTES = 32  # the HMAC-SHA256 before the compressed rows in the ``rows`` column
MAX_STORED_BYTES = 64 * 1024 * 1024  # a kept text larger than this (after decompressing) is not read: computed afresh


def _packed(text: str | None) -> bytes | None:
    return None if text is None else zlib.compress(text.encode("utf-8"), 6)


# The triggers a kept row relies on: those deleting it with any change (008) and those writing the audit (001),
# whose last id is part of the fingerprint.
_GUARDS = re.compile(r"CREATE TRIGGER ((?:stored_totals_gone|value_audit)_\w+)\b.*?\bEND\b", re.DOTALL | re.IGNORECASE)


def _normal(sql: str) -> str:
    return " ".join(sql.replace(";", " ; ").split())


@functools.cache
def guard_triggers() -> dict[str, str]:
    """Name → SQL (whitespace normalised) of every trigger a kept row relies on, as the migrations create them."""
    found: dict[str, str] = {}
    for path in sorted(migrations_dir().glob("[0-9][0-9][0-9]_*.sql")):
        for match in _GUARDS.finditer(path.read_text(encoding="utf-8")):
            found[match.group(1)] = _normal(match.group(0))
    return found


def _seal(secret: bytes, key: TotalsKey, fingerprint: bytes, rows: bytes, table: bytes | None) -> bytes:
    mac = hmac.new(secret, digestmod=hashlib.sha256)
    for part in (key.period.encode(), b"1" if key.carry_forward else b"0", key.program.encode(), fingerprint):
        mac.update(len(part).to_bytes(8, "big") + part)
    mac.update(hashlib.sha256(rows).digest())
    mac.update(b"\0" if table is None else b"\1" + hashlib.sha256(table).digest())
    return mac.digest()


class TotalsKey(NamedTuple):
    """Which totals: a period, with or without 沿用上期, computed by which program (version and format)."""

    period: str
    carry_forward: bool
    program: str


class StoredTotals:
    """``store.stored_totals``."""

    def __init__(self, store: StoreCore):
        self.store = store

    @property
    def _conn(self) -> sqlite3.Connection:
        return self.store.conn

    def get(self, key: TotalsKey, secret: bytes) -> str | None:
        """The kept totals of ``key``, or ``None``: none kept, kept by another program, not sealed with
        ``secret`` for the database as it is, or unreadable."""
        found = self._read(key, secret)
        return None if found is None else found[0]

    def get_table(self, key: TotalsKey, secret: bytes) -> str | None:
        """The units × indicators table kept with the totals of ``key``, or ``None`` (as :meth:`get`)."""
        found = self._read(key, secret)
        return None if found is None else found[1]

    def unsealed(self, key: TotalsKey) -> tuple[str | None, str | None] | None:
        """The texts kept for ``key`` whatever their seal (``xz check`` compares them with the totals computed):
        ``None`` when none are kept; a text that cannot be read is ``None``."""
        row = self._row(key)
        if row is None:
            return None
        return _inflated(row[1][SEAL_BYTES:]) if isinstance(row[1], bytes) else None, _inflated(row[2])

    def _row(self, key: TotalsKey) -> tuple[object, object, object] | None:
        try:
            row = self._conn.execute(
                "SELECT program, rows, unit_table FROM stored_totals WHERE period = ? AND carry_forward = ?",
                (key.period, int(key.carry_forward)),
            ).fetchone()
        except sqlite3.Error:  # no such table: a database opened without its upgrade
            return None
        return None if row is None or row[0] != key.program else (row[0], row[1], row[2])

    def _read(self, key: TotalsKey, secret: bytes) -> tuple[str, str | None] | None:
        row = self._row(key)
        if row is None or not secret or not isinstance(row[1], bytes) or len(row[1]) <= SEAL_BYTES:
            return None
        table = row[2]
        if table is not None and not isinstance(table, bytes):
            return None
        seal, rows = row[1][:SEAL_BYTES], row[1][SEAL_BYTES:]
        try:
            if not self.guarded() or not hmac.compare_digest(seal, _seal(secret, key, self.fingerprint(), rows, table)):
                return None
        except sqlite3.Error:  # a table the fingerprint reads is missing: a database not of this program
            return None
        text = _inflated(rows)
        return None if text is None else (text, _inflated(table))

    def guarded(self) -> bool:
        """Whether every trigger a kept row relies on is in the file as the migrations created it."""
        return not self.missing_guards()

    def missing_guards(self) -> list[str]:
        """The names of the triggers a kept row relies on that are missing or changed in the file."""
        try:
            present = {
                str(name): _normal(str(sql))
                for name, sql in self._conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            }
        except sqlite3.Error:
            return sorted(guard_triggers())
        return sorted(name for name, sql in guard_triggers().items() if present.get(name) != sql)

    def fingerprint(self) -> bytes:
        """What totals are made of, cheaply: the last audit row (every change of a figure writes one), the
        conflicts' last id and how many await a decision, and the catalog and meta tables whole (small)."""
        digest = hashlib.sha256()
        conn = self._conn
        counters = conn.execute(
            "SELECT (SELECT max(id) FROM audit), (SELECT max(id) FROM conflict), "
            "(SELECT count(*) FROM conflict WHERE resolved_at IS NULL)"
        ).fetchone()
        digest.update(repr(tuple(counters)).encode())
        tables = (
            ("meta", "key"),
            ("unit", "code"),
            ("plan", "code"),
            ("indicator", "plan, code"),
            ("indicator_history", "plan, indicator, year"),
            ("rule", "rowid"),
        )
        for table, order in tables:
            digest.update(table.encode())
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                digest.update(repr(tuple(row)).encode())
        return digest.digest()

    def put(
        self,
        key: TotalsKey,
        text: str,
        secret: bytes,
        *,
        table: str | None = None,
        computed_at: tuple[int, int],
    ) -> bool:
        """Keep ``text`` as the totals of ``key`` (and ``table`` as its units × indicators table) if the database
        is still as it was when they were computed.

        ``computed_at`` is the store's :meth:`~.core.StoreCore.version` from before the totals were read:
        the check and the write are one transaction holding the write lock, so no change can slip between.
        Returns whether they were kept; a database that cannot take the write (read-only, busy, full) keeps
        nothing and nothing else happens: kept totals only save time. They are sealed with ``secret``; no
        secret, or triggers missing (nothing would delete them): nothing is kept.
        """
        conn = self._conn
        if conn.in_transaction or not secret:
            return False  # never inside another transaction: its rollback would take the row back out
        before = conn.total_changes
        waits = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
        try:
            # Never wait for another writer (a merge of the window's own worker): keeping totals only saves time,
            # and this runs on the window's GUI thread.
            conn.execute("PRAGMA busy_timeout = 0")
            conn.execute("BEGIN IMMEDIATE")
            try:
                if self.store.version() != computed_at or not self.guarded():
                    conn.execute("ROLLBACK")
                    return False
                rows, packed_table = _packed(text) or b"", _packed(table)
                seal = _seal(secret, key, self.fingerprint(), rows, packed_table)
                conn.execute(
                    "INSERT OR REPLACE INTO stored_totals (period, carry_forward, program, rows, unit_table, computed_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (key.period, int(key.carry_forward), key.program, seal + rows, packed_table, now_iso()),
                )
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            return False
        finally:
            conn.execute(f"PRAGMA busy_timeout = {waits}")
            self.store.derived_changes(conn.total_changes - before)
        return True

    def periods(self) -> list[TotalsKey]:
        """What is kept now (for tests and the log)."""
        try:
            rows = self._conn.execute("SELECT period, carry_forward, program FROM stored_totals ORDER BY period")
            return [TotalsKey(str(p), bool(c), str(g)) for p, c, g in rows]
        except sqlite3.Error:  # no such table: a database opened without its upgrade (as in _read)
            return []


def _inflated(blob: object) -> str | None:
    """The text of a compressed ``blob``; ``None`` when it is not one, or inflates past :data:`MAX_STORED_BYTES`."""
    if not isinstance(blob, bytes):
        return None
    try:
        inflater = zlib.decompressobj()
        data = inflater.decompress(blob, MAX_STORED_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            return None  # larger than any real totals, or cut short
        return data.decode("utf-8")
    except (zlib.error, UnicodeDecodeError):
        return None
