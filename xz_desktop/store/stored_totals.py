"""District totals kept as computed (``stored_totals``, migration 008) until anything they are made of changes.

The migration's triggers delete every kept row in the same transaction as any change of the figures, the
conflicts or the catalog, so a kept row is always the totals of the database as it is. What is kept is the
text :meth:`put` was given (the rows as ``xz totals --json`` gives them); what the rows mean is
``services.totals``' business. Writing kept totals is not a change of the data: :meth:`put` tells the store,
whose :meth:`~.core.StoreCore.version` (under which the window keeps what it computed) does not move.
"""

from __future__ import annotations

import sqlite3
import zlib
from typing import NamedTuple

from .base import now_iso
from .core import StoreCore

MAX_STORED_BYTES = 64 * 1024 * 1024  # a kept text larger than this (after decompressing) is not read: computed afresh


def _packed(text: str | None) -> bytes | None:
    return None if text is None else zlib.compress(text.encode("utf-8"), 6)


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

    def get(self, key: TotalsKey) -> str | None:
        """The kept totals of ``key``, or ``None``: none kept, kept by another program, or unreadable."""
        return self._read(key, "rows")

    def get_table(self, key: TotalsKey) -> str | None:
        """The units × indicators table kept with the totals of ``key``, or ``None`` (as :meth:`get`)."""
        return self._read(key, "unit_table")

    def _read(self, key: TotalsKey, column: str) -> str | None:
        try:
            row = self._conn.execute(
                f"SELECT program, {column} FROM stored_totals WHERE period = ? AND carry_forward = ?",
                (key.period, int(key.carry_forward)),
            ).fetchone()
        except sqlite3.Error:  # no such table: a database opened without its upgrade
            return None
        if row is None or row[0] != key.program or not isinstance(row[1], bytes):
            return None
        try:
            inflater = zlib.decompressobj()
            data = inflater.decompress(row[1], MAX_STORED_BYTES)
            if inflater.unconsumed_tail or not inflater.eof:
                return None  # larger than any real totals, or cut short
            return data.decode("utf-8")
        except (zlib.error, UnicodeDecodeError):
            return None

    def put(self, key: TotalsKey, text: str, *, table: str | None = None, computed_at: tuple[int, int]) -> bool:
        """Keep ``text`` as the totals of ``key`` (and ``table`` as its units × indicators table) if the database
        is still as it was when they were computed.

        ``computed_at`` is the store's :meth:`~.core.StoreCore.version` from before the totals were read:
        the check and the write are one transaction holding the write lock, so no change can slip between.
        Returns whether they were kept; a database that cannot take the write (read-only, busy, full) keeps
        nothing and nothing else happens: kept totals only save time.
        """
        conn = self._conn
        if conn.in_transaction:
            return False  # never inside another transaction: its rollback would take the row back out
        before = conn.total_changes
        waits = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
        try:
            # Never wait for another writer (a merge of the window's own worker): keeping totals only saves time,
            # and this runs on the window's GUI thread.
            conn.execute("PRAGMA busy_timeout = 0")
            conn.execute("BEGIN IMMEDIATE")
            try:
                if self.store.version() != computed_at:
                    conn.execute("ROLLBACK")
                    return False
                conn.execute(
                    "INSERT OR REPLACE INTO stored_totals (period, carry_forward, program, rows, unit_table, computed_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (key.period, int(key.carry_forward), key.program, _packed(text), _packed(table), now_iso()),
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
