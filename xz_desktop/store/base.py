"""What every table family of the store shares: the time stamp and the translation of SQLite failures.

Kept apart from :mod:`.database` so the table modules need not import the module that
imports them (no cycle, not even inside a function).
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError

Key = tuple[str, str, str]  # (unit, indicator, period): one figure's place


def now_iso() -> str:
    """Now, as stored: UTC ISO text with milliseconds and a ``Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def translate_sqlite_error(exc: sqlite3.Error, path: Path | None) -> XzError:
    """A Chinese explanation of an SQLite failure (locked, corrupt, read-only, disk full)."""
    text = str(exc).lower()
    if "xz:locked" in text:  # the lock triggers of migration 003: an accepted period
        msg = Message(
            "store", QT_TRANSLATE_NOOP("store", "该报告期已由区里验收并锁定，数值不能再修改；需区里重新开放后才能修改")
        )
    elif "locked" in text or "busy" in text:
        msg = Message(
            "store", QT_TRANSLATE_NOOP("store", "数据库 {path} 正被另一个程序使用，请关闭后重试"), {"path": str(path)}
        )
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        msg = Message(
            "store", QT_TRANSLATE_NOOP("store", "{path} 不是有效的数据库文件，或文件已损坏"), {"path": str(path)}
        )
    elif "readonly" in text or "read-only" in text:
        msg = Message("store", QT_TRANSLATE_NOOP("store", "数据库 {path} 是只读的，无法写入"), {"path": str(path)})
    elif "full" in text:
        msg = Message(
            "store", QT_TRANSLATE_NOOP("store", "磁盘已满，未能写入；数据库 {path} 保持原样"), {"path": str(path)}
        )
    elif "disk i/o" in text:
        msg = Message(
            "store",
            QT_TRANSLATE_NOOP("store", "读写磁盘出错（U 盘被拔出或磁盘故障？），数据库 {path} 保持原样"),
            {"path": str(path)},
        )
    elif "unable to open" in text or "authoriz" in text or "permission" in text:
        msg = Message(
            "store",
            QT_TRANSLATE_NOOP("store", "无法打开数据库 {path}：所在位置只读、没有权限，或文件夹不存在"),
            {"path": str(path)},
        )
    else:
        msg = Message(
            "store",
            QT_TRANSLATE_NOOP("store", "数据库 {path} 操作失败：{reason}"),
            {"path": str(path), "reason": str(exc)},
        )
    return XzError(msg)


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` is a full disk (or quota), as SQLite or the file system says it."""
    if isinstance(exc, sqlite3.Error):
        return "full" in str(exc).lower()
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1))


def marks(values: list[str]) -> str:
    """``?, ?, ?`` for an ``IN (…)`` of ``values``."""
    return ",".join("?" * len(values))


# From this many rows on, :func:`insert_rows` goes through a temporary table (below it a plain executemany).
ONE_STATEMENT_FROM = 32


def insert_rows(
    conn: sqlite3.Connection, table: str, columns: str, rows: Sequence[Sequence[object]], tail: str = ""
) -> None:
    """``INSERT INTO table (columns) VALUES …`` for every row of ``rows``, in their order (``tail``: an upsert clause).

    Many rows are one ``INSERT … SELECT`` from a temporary table of the same columns, filled by ``executemany``:
    each statement on a table with triggers and checks opens its own statement journal, so one row per statement
    cost twice as much as the rows themselves at a thousand packages. The triggers still run for each row, in the
    same order (``ORDER BY rowid``), so the audit rows are the same; the temporary table's columns have no type, so
    each value arrives exactly as given (no conversion on the way), and it is emptied before and after, inside the
    caller's transaction (a rollback empties it too).
    """
    if len(rows) < ONE_STATEMENT_FROM:
        conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks(['?'] * columns.count(','))},?) {tail}", rows)
        return
    scratch = f"temp.xz_arriving_{table}"
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS xz_arriving_{table} ({columns})")
    conn.execute(f"DELETE FROM {scratch}")
    conn.executemany(f"INSERT INTO {scratch} ({columns}) VALUES ({marks(['?'] * columns.count(','))},?)", rows)
    # WHERE true: without it SQLite would read an upsert's ON CONFLICT as the join's ON.
    conn.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {scratch} WHERE true ORDER BY rowid {tail}")
    conn.execute(f"DELETE FROM {scratch}")


def database_error(exc: BaseException, path: Path | None) -> XzError | None:
    """The Chinese explanation of ``exc`` if it is an SQLite error (so the layers above need no sqlite3)."""
    return translate_sqlite_error(exc, path) if isinstance(exc, sqlite3.Error) else None
