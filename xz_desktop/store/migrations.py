"""Numbered schema migrations from ``db/NNN_name.sql``, applied in order on open.

Each migration runs in one transaction together with its row in ``schema_migration``,
so a failure leaves the database at the previous version. Before upgrading a database
that already holds data, a copy is written beside it.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..paths import migrations_dir

_SCHEMA_MIGRATION = "CREATE TABLE IF NOT EXISTS schema_migration (number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def available_migrations(folder: Path | None = None) -> list[Migration]:
    folder = folder or migrations_dir()
    found = []
    for path in sorted(folder.glob("*.sql")):
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), path))
    numbers = [m.number for m in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations in {folder} are not numbered 001, 002, …: {numbers}")
    return found


def latest_version() -> int:
    return len(available_migrations())


def applied_version(conn: sqlite3.Connection) -> int:
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migration'").fetchone()
    if not exists:
        return 0
    return int(conn.execute("SELECT COALESCE(MAX(number), 0) FROM schema_migration").fetchone()[0])


def _has_user_tables(conn: sqlite3.Connection) -> bool:
    count = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    return int(count.fetchone()[0]) > 0


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """A consistent copy of the open database beside it, named after its schema version."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.backup{path.suffix or '.sqlite'}")
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def check_compatible(conn: sqlite3.Connection) -> int:
    """The schema version, or :class:`XzError` for a newer schema or a database that is not ours."""
    known = len(available_migrations())
    current = applied_version(conn)
    if current > known:
        raise XzError(
            Message(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "此数据库由更新版本的程序创建（结构版本 {found}，本程序只认识到 {known}），请升级程序后再打开",
                ),
                {"found": current, "known": known},
            )
        )
    if current == 0 and _has_user_tables(conn):
        raise XzError(Message("store", QT_TRANSLATE_NOOP("store", "这不是 xz-desktop 的数据库")))
    return current


def migrate(conn: sqlite3.Connection, path: Path | None) -> Path | None:
    """Bring the schema up to date; returns the backup's path if one was made."""
    migrations = available_migrations()
    current = check_compatible(conn)
    pending = migrations[current:]
    if not pending:
        return None
    backup_path = backup(conn, path, current) if current and path is not None else None
    conn.execute(_SCHEMA_MIGRATION)
    if current == 0:
        # A new, empty database: every migration in one transaction (one commit, one sync of the file instead of
        # one each); a failure leaves it empty, as one migration's failure leaves an existing one at its version.
        _apply_fresh(conn, pending)
    else:
        for migration in pending:
            _apply(conn, migration)
    return backup_path


# The schema every migration makes in an empty database, made once per process in memory (by the migrations' text)
# and copied into each new database with SQLite's backup: the schema's statements (tables rebuilt by later
# migrations, triggers) took 40–100 ms a database, and the demo makes 24. Only an empty database takes the copy;
# the result is the same schema, rows and version as applying the migrations to it.
_FRESH: dict[tuple[tuple[int, str, str], ...], sqlite3.Connection] = {}
_FRESH_LOCK = threading.Lock()


def _apply_fresh(conn: sqlite3.Connection, migrations: list[Migration]) -> None:
    """Every migration in an empty database, as :func:`_apply` does, copied from the schema made once per process;
    each migration's row records when it was applied here."""
    key = tuple((m.number, m.name, m.sql()) for m in migrations)
    with _FRESH_LOCK:
        template = _FRESH.get(key)
        if template is None:
            template = sqlite3.connect(":memory:", check_same_thread=False)  # used under the lock only
            try:
                template.execute(_SCHEMA_MIGRATION)
                _apply(template, *migrations)
            except BaseException:
                template.close()
                raise
            _FRESH.clear()
            _FRESH[key] = template
        page_size = template.execute("PRAGMA page_size").fetchone()[0]
        if conn.execute("PRAGMA page_size").fetchone()[0] != page_size or conn.in_transaction:
            _apply(conn, *migrations)  # a copy needs the same page size (in WAL mode) and no open transaction
            return
        template.backup(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("UPDATE schema_migration SET applied_at = ?", (datetime.now().isoformat(timespec="seconds"),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _apply(conn: sqlite3.Connection, *migrations: Migration) -> None:
    # executescript() would commit between statements; run them one by one inside our transaction.
    conn.execute("BEGIN IMMEDIATE")
    try:
        for migration in migrations:
            for statement in _split(migration.sql()):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migration (number, name, applied_at) VALUES (?, ?, ?)",
                (migration.number, migration.name, datetime.now().isoformat(timespec="seconds")),
            )
            conn.execute(f"PRAGMA user_version = {migration.number}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _split(script: str) -> list[str]:
    """Split a script into complete statements (triggers contain semicolons of their own)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(line.strip().startswith("--") or not line.strip() for line in buffer.splitlines()):
        raise RuntimeError("incomplete statement at the end of a migration")
    return statements
