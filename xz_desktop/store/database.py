"""Opening, creating and describing an xz-desktop database."""

from __future__ import annotations

import functools
import os
import sqlite3
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..domain.catalog import Catalog
from ..domain.catalog_rows import load_catalog_dir
from ..domain.incoming import NotRegularFile, open_regular
from ..domain.levels import Level, level_meta, load_level
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..paths import catalog_dir
from . import migrations
from .base import now_iso, translate_sqlite_error
from .conflicts import ConflictTable
from .core import ROLE_DISTRICT, ROLE_UNIT, StoreCore, default_author, insert_rows, write_catalog
from .lock import window_lock_holder
from .packages import PackageTable
from .values import ValueTable

if TYPE_CHECKING:
    from .candidates import CandidateTable
    from .catalog_history import CatalogHistory
    from .keys import KeyTable
    from .merge_log import MergeLog
    from .review import ReviewTable
    from .stored_totals import StoredTotals
    from .targets import TargetTable

__all__ = [
    "ROLE_DISTRICT",
    "ROLE_UNIT",
    "Store",
    "create_store",
    "default_author",
    "now_iso",
    "open_store",
    "translate_sqlite_error",
]

BUSY_TIMEOUT_MS = 5000


class Store(StoreCore):
    """One open database. Use from one thread only: open another in a worker.

    The tables are reached through managers, one per table family (as Anki's ``Collection``):
    ``values`` (figures, their history), ``packages`` (merged and exported packages),
    ``candidates`` (district corrections and decisions the merge weighs), ``conflicts``,
    ``log`` (the merge log), ``review`` (the reporting round: due dates, decisions, the review log),
    ``targets`` (unit targets and assessment adjustments), ``keys`` (the signing keys: own key pair,
    trusted public keys), ``catalog_history`` (the catalog's own revisions), ``stored_totals`` (totals kept as computed); meta and the catalog are :class:`StoreCore`'s. Only the store's modules
    use ``conn``.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None):
        super().__init__(conn, path)
        self.packages = PackageTable(self)
        self.conflicts = ConflictTable(self, self.packages)
        self.values = ValueTable(self, self.conflicts)

    # The other managers are made (and their modules imported) when first used: a command that never
    # touches them (``xz import``, ``xz totals``) does not load them.
    @functools.cached_property
    def candidates(self) -> CandidateTable:
        from .candidates import CandidateTable

        return CandidateTable(self)

    @functools.cached_property
    def log(self) -> MergeLog:
        from .merge_log import MergeLog

        return MergeLog(self)

    @functools.cached_property
    def review(self) -> ReviewTable:
        from .review import ReviewTable

        return ReviewTable(self)

    @functools.cached_property
    def keys(self) -> KeyTable:
        from .keys import KeyTable

        return KeyTable(self)

    @functools.cached_property
    def targets(self) -> TargetTable:
        from .targets import TargetTable

        return TargetTable(self)

    @functools.cached_property
    def catalog_history(self) -> CatalogHistory:
        from .catalog_history import CatalogHistory

        return CatalogHistory(self)

    @functools.cached_property
    def stored_totals(self) -> StoredTotals:
        from .stored_totals import StoredTotals

        return StoredTotals(self)


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


def _refuse_locked(path: Path) -> None:
    """Refuse to write a database a window (another process) has open: it holds ``DB.lock``."""
    holder = window_lock_holder(path)
    if holder is not None:
        raise XzError(
            Message(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "数据库 {path} 正在计算机“{host}”上由 {app}（进程 {pid}）打开，为免两处同时修改，未写入任何内容。"
                    "请先关闭那个窗口；只读的命令（如 xz totals、xz status）仍可使用",
                ),
                {"path": str(path), "host": holder.host or "?", "app": holder.app or "xz-desktop", "pid": holder.pid},
            )
        )


def _refuse_read_only_medium(path: Path) -> None:
    """A database on a read-only medium (or without write permission) cannot take a write: say so plainly."""
    folder = path.parent if str(path.parent) else Path(".")
    if not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
        raise XzError(
            Message(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "数据库 {path} 所在位置是只读的（光盘、写保护的 U 盘，或没有写入权限的文件夹），无法写入。"
                    "请把它复制到本机可写的文件夹；只读的命令（如 xz totals、xz status）仍可使用",
                ),
                {"path": str(path)},
            )
        )


def _read_header(path: Path) -> bytes:
    try:
        with open_regular(path) as fh:  # a pipe or device named as the database: refused, never waited on
            header = fh.read(16)
    except (FileNotFoundError, NotRegularFile):
        raise XzError(
            Message("store", QT_TRANSLATE_NOOP("store", "数据库文件 {path} 不存在"), {"path": str(path)})
        ) from None
    except OSError as exc:
        raise XzError(
            Message(
                "store",
                QT_TRANSLATE_NOOP("store", "无法读取 {path}：{reason}"),
                {"path": str(path), "reason": exc.strerror or exc},
            )
        ) from exc
    if header != b"SQLite format 3\x00":
        # An empty file too: opening it would turn it into a database before refusing it.
        raise XzError(
            Message(
                "store", QT_TRANSLATE_NOOP("store", "{path} 不是有效的数据库文件，或文件已损坏"), {"path": str(path)}
            )
        )
    return header


def _open_read_only(path: Path, *, scratch: bool) -> Store:
    """A read-only view of ``path``: nothing is written to it, even when its schema is older than ours.

    An older schema (or ``scratch``: a preview that writes and rolls back) is read into memory and
    upgraded there; the file itself stays byte for byte as it was.
    """
    folder = path.parent if str(path.parent) else Path(".")
    # On a read-only medium SQLite cannot make a WAL file's shared-memory companion: read it as immutable.
    immutable = "&immutable=1" if not os.access(folder, os.W_OK) or not os.access(path, os.W_OK) else ""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{immutable}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = migrations.check_compatible(conn)
        if scratch or version != migrations.latest_version():
            memory = sqlite3.connect(":memory:")
            conn.backup(memory)
            conn.close()
            conn = memory
            conn.execute("PRAGMA foreign_keys = ON")
            migrations.migrate(conn, None)
        else:
            conn.execute("PRAGMA query_only = ON")
        store = Store(conn, path)
        if store.meta("role") not in (ROLE_UNIT, ROLE_DISTRICT):
            raise XzError(Message("store", QT_TRANSLATE_NOOP("store", "这不是 xz-desktop 的数据库")))
        return store
    except sqlite3.Error as exc:
        conn.close()
        raise translate_sqlite_error(exc, path) from exc
    except BaseException:
        conn.close()
        raise


def open_store(path: str | Path, *, migrate: bool = True, read_only: bool = False, scratch: bool = False) -> Store:
    """Open an existing database, upgrading its schema (after a backup) if it is older.

    ``read_only`` (the CLI's reading commands): the file is never created, upgraded or changed, and a
    window's lock does not stand in the way. ``scratch``: a read-only copy in memory that may be written
    (a preview); nothing reaches the file. A writing open is refused while a window of another process
    holds the database's lock, and on a read-only medium, with a message saying so.
    """
    path = Path(path)
    _read_header(path)
    if read_only or scratch:
        return _open_read_only(path, scratch=scratch)
    _refuse_foreign(path)
    _refuse_locked(path)
    _refuse_read_only_medium(path)
    conn = None
    try:
        conn = _connect(path)
        if migrate:
            migrations.migrate(conn, path)
        elif migrations.applied_version(conn) != migrations.latest_version():
            raise XzError(
                Message(
                    "store", QT_TRANSLATE_NOOP("store", "数据库 {path} 的结构版本与本程序不符"), {"path": str(path)}
                )
            )
        store = Store(conn, path)
        if store.meta("role") not in (ROLE_UNIT, ROLE_DISTRICT):
            raise XzError(Message("store", QT_TRANSLATE_NOOP("store", "这不是 xz-desktop 的数据库")))
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
    path: str | Path,
    role: str,
    unit: str | None = None,
    catalog: Catalog | None = None,
    *,
    author: str | None = None,
    level: Level | None = None,
) -> Store:
    """Create a new database for one unit (``role='unit'``) or the district.

    An aggregating database records ``level`` (who it is at the level above); without one, the
    shipped catalog's (秀洲区) when it also takes the shipped catalog.
    """
    path = Path(path)
    if role not in (ROLE_UNIT, ROLE_DISTRICT):
        raise ValueError(role)
    if path.exists() and path.stat().st_size > 0:
        raise XzError(Message("store", QT_TRANSLATE_NOOP("store", "文件 {path} 已存在，不会覆盖"), {"path": str(path)}))
    if role == ROLE_DISTRICT and level is None and catalog is None:
        level = load_level(catalog_dir())
    catalog = catalog or load_catalog_dir(catalog_dir())
    if role == ROLE_UNIT:
        if not unit or not catalog.has_unit(unit):
            raise XzError(Message("store", QT_TRANSLATE_NOOP("store", "没有填报单位“{code}”"), {"code": unit or ""}))
    elif unit:
        raise XzError(Message("store", QT_TRANSLATE_NOOP("store", "区级汇总数据库不属于某个单位")))
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = None
    try:
        conn = _connect(path)
        migrations.migrate(conn, path)
        store = Store(conn, path)
        with store.transaction():
            write_catalog(conn, catalog)
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
            if role == ROLE_DISTRICT and level is not None:
                meta.update(level_meta(level))
            insert_rows(conn, "meta", [{"key": k, "value": v} for k, v in meta.items()])
        return store
    except BaseException as exc:
        if conn is not None:
            conn.close()
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error):
            raise translate_sqlite_error(exc, path) from exc
        raise
