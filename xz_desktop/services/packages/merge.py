"""合并上报包: preview, merge, un-merge, and the merge log, in the district's database.

Each package is merged in one transaction: its row in ``package``, its figures in
``package_value`` (provenance), the district figures the rule gives (see
:mod:`package_rules`), its conflicts and its log line land together or not at all. A
refused package writes nothing, not even a log line. A preview (``dry_run``) is the real
merge of every file in one transaction that is then rolled back, so what it shows is
exactly what merging would do.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...store import Store
from ...store.database import now_iso
from ..progress import SILENT, Cancelled, Progress
from .engine import KeyChange, guard, recompute
from .package_file import SUFFIX, P, Package, read_package
from .submission import district_problems, known_catalogs

MERGED, UNCHANGED, REFUSED, NOT_DONE = "merged", "unchanged", "refused", "cancelled"


@dataclass
class Change:
    """One figure a package inserts, changes or disputes (what the preview shows)."""

    unit: str
    indicator: str
    period: str
    kind: str  # insert, update, delete, unchanged, conflict
    before: float | None
    after: float | None
    before_source: str | None
    after_source: str | None
    incoming: float | None = None  # the package's own figure (for a conflict: the value in dispute)


@dataclass
class PackageResult:
    file: str
    unit: str
    status: str
    package_id: str | None = None
    periods: list[str] = field(default_factory=list)
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    reason: str | None = None
    details: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    message: Message | None = None  # the reason, translatable (the window shows it in its language)

    def as_json(self, *, with_changes: bool = False) -> dict:
        data = {
            "file": self.file,
            "unit": self.unit,
            "status": self.status,
            "package_id": self.package_id,
            "periods": self.periods,
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
        }
        if self.status == REFUSED:
            data["reason"] = self.reason
            data["details"] = self.details
        if with_changes:
            data["changes"] = [asdict(c) for c in self.changes if c.kind != "unchanged"]
        return data


@dataclass
class MergeReport:
    results: list[PackageResult]
    dry_run: bool = False
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


def package_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to merge: files as given, folders expanded to their ``*.xzpkg`` (sorted, no repeats)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.suffix.lower() == SUFFIX and f.is_file()))
        else:
            out.append(p)
    seen, unique = set(), []
    for p in out:
        key = str(p.resolve()) if p.exists() else str(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _refused(path: Path, exc: XzError, unit: str = "") -> PackageResult:
    lines = exc.lines()
    return PackageResult(str(path), unit, REFUSED, reason=lines[0], details=lines[1:], message=exc.message)


def _change(c: KeyChange, incoming: float | None = None) -> Change:
    return Change(
        *c.key,
        c.kind,
        None if c.before is None else c.before[0],
        None if c.after is None else c.after[0],
        None if c.before is None else c.before[5],
        None if c.after is None else c.after[5],
        incoming,
    )


def merge_package(
    store: Store,
    package: Package,
    *,
    by: str | None = None,
    collect: bool = True,
    known: dict[str, set[str]] | None = None,
) -> PackageResult:
    """Merge one verified package atomically; refuse (writing nothing) if the district may not take it."""
    m = package.manifest
    base = PackageResult(str(package.path), m.unit, MERGED, m.package_id, list(m.periods))
    problems = district_problems(store, package, known)
    if problems:
        head = Message(
            P,
            QT_TRANSLATE_NOOP(P, "{file} 不予合并：{reason}"),
            {"file": package.path.name, "reason": problems[0].format()},
        )
        return _refused(package.path, XzError(head, details=problems[1:]), m.unit)
    row = store.conn.execute(
        "SELECT checksum, unmerged_at FROM package WHERE package_id = ?", (m.package_id,)
    ).fetchone()
    if row is not None and row[0] != package.checksum:
        return _refused(
            package.path,
            XzError(
                Message(
                    P,
                    QT_TRANSLATE_NOOP(P, "{file} 与已合并的同编号上报包内容不同，不予合并"),
                    {"file": package.path.name},
                )
            ),
            m.unit,
        )
    if row is not None and row[1] is None:
        base.status, base.unchanged = UNCHANGED, len(package.rows)
        return base
    by = by or store.author
    stamp = now_iso()
    with store.db.atomic(), guard(store):
        if row is None:
            store.conn.execute(
                "INSERT INTO package (package_id, unit, periods, format_version, catalog_version, schema_version, program_version, "
                "exported_at, author, source_database_id, checksum, value_count, file, merged_at, merged_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    m.package_id,
                    m.unit,
                    json.dumps(list(m.periods)),
                    m.format_version,
                    m.catalog_version,
                    m.schema_version,
                    m.program_version,
                    m.exported_at,
                    m.author,
                    m.source_database_id,
                    package.checksum,
                    len(package.rows),
                    package.path.name,
                    stamp,
                    by,
                ),
            )
        else:  # taken back out earlier, merged again
            store.conn.execute(
                "UPDATE package SET unmerged_at = NULL, unmerged_by = NULL, merged_at = ?, merged_by = ?, file = ? "
                "WHERE package_id = ?",
                (stamp, by, package.path.name, m.package_id),
            )
        # evaluated before its rows are stored: the arriving rows are passed in rather than read back
        changes = recompute(store, m.unit, (), package.rows, m.package_id, m.exported_at)
        store.conn.executemany(
            "INSERT INTO package_value (package_id, unit, indicator, period, value, explanation, revision, base_revision, changed_at, changed_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(m.package_id, *r) for r in package.rows],
        )  # a PackageRow is a tuple in the table's column order
        _count(base, changes, collect, {r[:3]: r.value for r in package.rows})
        _log(
            store,
            stamp,
            by,
            "merge",
            package.path.name,
            m.package_id,
            m.unit,
            list(m.periods),
            MERGED,
            base.inserted,
            base.updated,
            base.unchanged,
            base.conflicts,
            0,
        )
    return base


def _count(result: PackageResult, changes: list[KeyChange], collect: bool, incoming: dict | None = None) -> None:
    for c in changes:
        kind = c.kind
        if kind == "conflict":
            result.conflicts += 1
        elif kind == "insert":
            result.inserted += 1
        elif kind in ("update", "delete"):
            result.updated += 1
        else:
            result.unchanged += 1
        if collect:
            result.changes.append(_change(c, (incoming or {}).get(c.key)))


def _log(
    store: Store,
    at: str,
    by: str,
    action: str,
    file: str,
    package_id: str,
    unit: str,
    periods: list[str],
    status: str,
    inserted: int,
    updated: int,
    unchanged: int,
    conflicts: int,
    removed: int,
) -> None:
    store.conn.execute(
        "INSERT INTO merge_log (at, by, action, file, package_id, unit, periods, status, inserted, updated, unchanged, "
        "conflicts, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            at,
            by,
            action,
            file,
            package_id,
            unit,
            json.dumps(periods),
            status,
            inserted,
            updated,
            unchanged,
            conflicts,
            removed,
        ),
    )


def iter_merge(
    store: Store,
    paths: Iterable[str | Path],
    *,
    by: str | None = None,
    progress: Progress = SILENT,
    collect: bool = True,
) -> Iterator[PackageResult]:
    """Merge files one by one (each atomically), yielding each result; progress between packages."""
    files = package_files(paths)
    known = known_catalogs(store)
    # Each package is its own transaction. In WAL mode synchronous=NORMAL keeps every commit atomic and the
    # database consistent; only a power cut could lose the last few merges, and their files merge again unchanged.
    # A package's figures touch pages all over the period index; checkpointing the WAL back into the database
    # less often (every 64 MB instead of 4 MB) writes each page once for many packages instead of once each.
    previous = store.conn.execute("PRAGMA synchronous").fetchone()[0]
    checkpoint = store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    if not store.conn.in_transaction:
        store.conn.execute("PRAGMA synchronous = NORMAL")
        store.conn.execute("PRAGMA wal_autocheckpoint = 16384")
    try:
        for index, path in enumerate(files):
            progress.step(index, len(files), path.name)
            try:
                package = read_package(path)
            except XzError as exc:
                yield _refused(path, exc)
                continue
            yield merge_package(store, package, by=by, collect=collect, known=known)
        progress.step(len(files), len(files), "")
    finally:
        if not store.conn.in_transaction:
            store.conn.execute(f"PRAGMA synchronous = {int(previous)}")
            store.conn.execute(f"PRAGMA wal_autocheckpoint = {int(checkpoint)}")
            store.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


def merge_files(
    store: Store,
    paths: Iterable[str | Path],
    *,
    by: str | None = None,
    progress: Progress = SILENT,
    dry_run: bool = False,
    collect: bool = True,
) -> MergeReport:
    """Merge (or, with ``dry_run``, preview) many package files; a cancel keeps what is already merged."""
    files = package_files(paths)
    if not store.is_district:
        exc = XzError(
            Message(
                P,
                QT_TRANSLATE_NOOP(P, "这是“{own}”的填报数据库；上报包只能合并到区级汇总数据库"),
                {"own": store.describe()},
            )
        )
        return MergeReport([_refused(p, exc) for p in files], dry_run)
    report = MergeReport([], dry_run)
    if dry_run:
        store.conn.execute("BEGIN")
    try:
        for result in iter_merge(store, files, by=by, progress=progress, collect=collect):
            report.results.append(result)
    except Cancelled:
        if dry_run:
            raise
        report.cancelled = True
        done = {r.file for r in report.results}
        report.results.extend(PackageResult(str(p), "", NOT_DONE) for p in files if str(p) not in done)
    finally:
        if dry_run and store.conn.in_transaction:
            store.conn.execute("ROLLBACK")
    return report


# -- un-merge and the log -------------------------------------------------------
@dataclass
class UnmergeResult:
    package_id: str
    unit: str
    file: str
    restored: int = 0  # figures back to what they were before the package
    removed: int = 0  # figures only this package had
    unchanged: int = 0  # figures another package or the district still gives the same
    conflicts: int = 0

    def as_json(self) -> dict:
        return asdict(self)


def unmerge(store: Store, package_id: str, *, by: str | None = None) -> UnmergeResult:
    """Take a merged package back out: its figures leave, the rule decides again from what remains."""
    row = store.conn.execute(
        "SELECT unit, periods, file, unmerged_at FROM package WHERE package_id = ?", (package_id,)
    ).fetchone()
    if row is None:
        raise XzError(Message(P, QT_TRANSLATE_NOOP(P, "没有编号为 {id} 的已合并上报包"), {"id": package_id[:60]}))
    unit, periods, file, unmerged_at = row
    if unmerged_at is not None:
        raise XzError(
            Message(P, QT_TRANSLATE_NOOP(P, "上报包 {file} 已于 {at} 撤销合并"), {"file": file, "at": unmerged_at})
        )
    by = by or store.author
    stamp = now_iso()
    result = UnmergeResult(package_id, unit, file)
    with store.db.atomic(), guard(store):
        keys = [
            tuple(k)
            for k in store.conn.execute(
                "SELECT unit, indicator, period FROM package_value WHERE package_id = ?", (package_id,)
            )
        ]
        store.conn.execute("DELETE FROM package_value WHERE package_id = ?", (package_id,))
        store.conn.execute(
            "UPDATE package SET unmerged_at = ?, unmerged_by = ? WHERE package_id = ?", (stamp, by, package_id)
        )
        for c in recompute(store, unit, keys):
            if c.conflict_open:
                result.conflicts += 1
            elif c.kind == "delete":
                result.removed += 1
            elif c.kind == "update":
                result.restored += 1
            else:
                result.unchanged += 1
        _log(
            store,
            stamp,
            by,
            "unmerge",
            file,
            package_id,
            unit,
            json.loads(periods),
            "unmerged",
            0,
            result.restored,
            result.unchanged,
            result.conflicts,
            result.removed,
        )
    return result


def find_package(store: Store, text: str) -> str:
    """A package id from an id, a unique prefix of one, or a merged file's name."""
    rows = store.conn.execute(
        "SELECT package_id FROM package WHERE package_id = ? OR file = ? OR package_id LIKE ? ESCAPE '\\'",
        (text, text, text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"),
    ).fetchall()
    ids = sorted({r[0] for r in rows})
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise XzError(
            Message(
                P, QT_TRANSLATE_NOOP(P, "没有找到上报包“{text}”（可用 xz log 查看已合并的上报包）"), {"text": text[:60]}
            )
        )
    raise XzError(Message(P, QT_TRANSLATE_NOOP(P, "“{text}”对应多个上报包，请写出完整编号"), {"text": text[:60]}))


@dataclass
class LogEntry:
    id: int
    at: str
    by: str
    action: str
    file: str
    package_id: str
    unit: str
    periods: list[str]
    status: str
    inserted: int
    updated: int
    unchanged: int
    conflicts: int
    removed: int
    in_force: bool  # the package is merged now (can be taken back out)

    def as_json(self) -> dict:
        return asdict(self)


def merge_log(store: Store, limit: int | None = None) -> list[LogEntry]:
    """The merge log, newest first."""
    sql = (
        "SELECT l.id, l.at, l.by, l.action, l.file, l.package_id, l.unit, l.periods, l.status, l.inserted, l.updated, l.unchanged, "
        "l.conflicts, l.removed, p.unmerged_at IS NULL AND p.package_id IS NOT NULL FROM merge_log l "
        "LEFT JOIN package p ON p.package_id = l.package_id ORDER BY l.id DESC"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [LogEntry(*r[:7], json.loads(r[7]), *r[8:14], bool(r[14])) for r in store.conn.execute(sql)]
