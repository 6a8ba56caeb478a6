"""Opening, creating and describing an xz-desktop database."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from .. import __version__
from ..domain.catalog import Catalog
from ..domain.catalog_rows import load_catalog_dir
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..paths import catalog_dir
from . import migrations
from .base import now_iso, translate_sqlite_error
from .candidates import CandidateTable
from .conflicts import ConflictTable
from .core import ROLE_DISTRICT, ROLE_UNIT, StoreCore, default_author, write_catalog
from .merge_log import MergeLog
from .packages import PackageTable
from .review import ReviewTable
from .values import ValueTable

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


S = "store"  # the messages' translation context (a literal here, where the translation tool finds it)


class Store(StoreCore):
    """One open database. Use from one thread only: open another in a worker.

    The tables are reached through managers, one per table family (as Anki's ``Collection``):
    ``values`` (figures, their history), ``packages`` (merged and exported packages),
    ``candidates`` (district corrections and decisions the merge weighs), ``conflicts``,
    ``log`` (the merge log), ``review`` (the reporting round: due dates, decisions, the review log); meta and the catalog are :class:`StoreCore`'s. Only the store's
    modules use ``conn``.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None):
        super().__init__(conn, path)
        self.packages = PackageTable(self)
        self.candidates = CandidateTable(self)
        self.conflicts = ConflictTable(self, self.packages)
        self.values = ValueTable(self, self.conflicts)
        self.log = MergeLog(self)
        self.review = ReviewTable(self)


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
            write_catalog(store.db, catalog)
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
            store.db.table("meta").insert_all([{"key": k, "value": v} for k, v in meta.items()], replace=True)
        return store
    except BaseException as exc:
        if conn is not None:
            conn.close()
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error):
            raise translate_sqlite_error(exc, path) from exc
        raise
