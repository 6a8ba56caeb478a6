"""合并上报包: preview, merge, un-merge, and the merge log, in the district's database.

Each package is merged atomically (its own transaction, or its own savepoint in a batch of
:data:`PACKAGES_PER_COMMIT` committed together): its row in ``package``, its figures in
``package_value`` (provenance), the district figures the rule gives (see
:mod:`package_rules`), its conflicts and its log line land together or not at all. A
refused package writes nothing, not even a log line. A preview (``dry_run``) is the real
merge of every file in one transaction that is then rolled back, so what it shows is
exactly what merging would do.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...store import Store
from ...store.base import Key, is_disk_full
from ...store.database import now_iso
from ...store.merge_log import LogEntry, LogLine
from ...store.packages import MergedPackage
from ..boundary import user_error
from ..progress import SILENT, Cancelled, Progress
from ..signing.seal import check_seal
from .engine import KeyChange, recompute
from .lock import lock_problem, record_submission, record_withdrawal, unit_state
from .package_file import (
    NIL_KEY,
    SIGNED_FORMAT,
    SUFFIX,
    Package,
    canonical_bytes,
    claimed_unit,
    file_digest,
    read_manifest,
    read_package,
)
from .submission import district_problems, known_catalogs
from .verify import verify_package

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
    resubmission: bool = False  # it arrived after the district returned (one of) its periods
    nil: bool = False  # a nil report (空表上报)
    # ``unit`` is what the file's manifest claims; True once the signature of that unit's enrolled key
    # proved it. A refused file's unit is often only a claim ("" when not even that could be read).
    unit_verified: bool = False

    def as_json(self, *, with_changes: bool = False) -> dict:
        data: dict[str, object] = {
            "file": self.file,
            "unit": self.unit,
            "status": self.status,
            "package_id": self.package_id,
            "periods": self.periods,
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "resubmission": self.resubmission,
            "nil": self.nil,
            "unit_verified": self.unit_verified,
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


def _refused(path: Path, exc: XzError, unit: str = "", verified: bool = False) -> PackageResult:
    lines = exc.lines()
    return PackageResult(
        str(path), unit, REFUSED, reason=lines[0], details=lines[1:], message=exc.message, unit_verified=verified
    )


def _not_written(store: Store, path: Path, exc: BaseException, unit: str = "", verified: bool = False) -> PackageResult:
    """A package whose writing failed: said of that package, never of the database (other packages of the same
    run may be merged and committed; the database keeps them)."""
    if is_disk_full(exc):
        return _refused(
            path,
            XzError(
                Message(
                    "packages",
                    QT_TRANSLATE_NOOP("packages", "{file} 未能写入（磁盘已满）：它的数据一条也没有写入"),
                    {"file": path.name},
                )
            ),
            unit,
            verified,
        )
    return _refused(path, user_error(exc, store.path, what=f"merging {path.name}"), unit, verified)


def in_form_order(store: Store, changes: list[Change]) -> list[Change]:
    """``changes`` as the form lists them: by unit, period, then the catalog's order of indicators."""
    place = {ind.code: i for i, ind in enumerate(store.catalog().indicators)}
    return sorted(changes, key=lambda c: (c.unit, c.period, place.get(c.indicator, len(place)), c.indicator))


def _change(c: KeyChange, incoming: float | None = None) -> Change:
    return Change(
        *c.key,
        c.kind,
        None if c.before is None else c.before.value,
        None if c.after is None else c.after.value,
        None if c.before is None else c.before.source,
        None if c.after is None else c.after.source,
        incoming,
    )


def dry_run_open(store: Store) -> bool:
    """Whether a preview's outer transaction is open (an error inside it ends the preview, not one package)."""
    return bool(store.in_transaction)


def _signed_as_claimed(store: Store, package: Package) -> bool:
    try:
        verify_package(store, package)
    except XzError:
        return False
    return True


def unchanged_by_digest(store: Store, path: Path) -> PackageResult | None:
    """UNCHANGED for a file whose bytes are exactly those a package in force was merged from; None otherwise.

    When a package is merged, the SHA-256 of the file's bytes that were read and verified (manifest, every
    figure, checksum, signature) is recorded with it (migration 007); a file with the same digest is that
    file, byte for byte, so none of it needs reading or checking again. Only the signing key is looked at:
    if it was revoked since, the file goes the full way (and is refused there). Any other byte gives another
    digest, and the full read.
    """
    digest = file_digest(path)
    if digest is None:
        return None
    match = store.packages.by_digest(digest)
    if match is None:
        return None
    key = store.keys.in_force(match.unit)
    if key is None or key.key_id != match.key_id:
        return None
    return PackageResult(
        str(path),
        match.unit,
        UNCHANGED,
        match.package_id,
        list(match.periods),
        unchanged=match.value_count,
        unit_verified=True,
    )


def unchanged_by_manifest(store: Store, path: Path) -> PackageResult | None:
    """UNCHANGED for a file identical to a package in force, recognised cheaply; None otherwise.

    Its manifest names the package and its checksum; its figures, read as stored (not checked one by
    one, no checksum computed over them), must equal the figures the district holds for that package,
    and the signature is checked over its manifest and those figures. Anything that differs in any way
    (a figure, a manifest row, a re-signed copy, a damaged file) goes the full way: read, verify,
    refuse or merge. Most of a re-merge's time was the full read and checks of a file already merged.
    """
    head = read_manifest(path)
    if head is None:
        return None
    m = head.manifest
    known_package = store.packages.get(m.package_id)
    if known_package is None or not known_package.in_force or known_package.checksum != head.checksum:
        return None
    rows = store.packages.values_of(m.package_id)
    if len(rows) != known_package.value_count or head.rows != rows:
        return None
    signed = canonical_bytes(head.fields, rows)  # what the checksum and the signature cover
    if m.format_version < SIGNED_FORMAT or hashlib.sha256(signed).hexdigest() != head.checksum:
        return None
    try:
        check_seal(store, m.unit, m.key_id, head.signature, signed, file=path.name)
    except XzError:
        return None
    # The seal was checked just above: the unit is proven, as on the full path.
    return PackageResult(
        str(path), m.unit, UNCHANGED, m.package_id, list(m.periods), unchanged=len(rows), unit_verified=True
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
    base = PackageResult(str(package.path), m.unit, MERGED, m.package_id, list(m.periods), unit_verified=True)
    # Package id and checksum first: a verified file identical to a package in force changes nothing,
    # so the checks of every figure (most of a merge's time) are not run again (issue 14: a re-merge of
    # unchanged packages costs a small part of a fresh one; benchmarks/bench_scale.py measures it).
    # The signature is still checked (it is not covered by the checksum): a re-signed copy is refused below.
    known_package = store.packages.get(m.package_id)
    same = known_package is not None and known_package.checksum == package.checksum and known_package.in_force
    if same and _signed_as_claimed(store, package):
        base.status, base.unchanged = UNCHANGED, len(package.rows)
        return base
    problems = district_problems(store, package, known)
    if problems:
        head = Message(
            "packages",
            QT_TRANSLATE_NOOP("packages", "{file} 不予合并：{reason}"),
            {"file": package.path.name, "reason": problems[0].format()},
        )
        return _refused(package.path, XzError(head, details=problems[1:]), m.unit, _signed_as_claimed(store, package))
    if known_package is not None and known_package.checksum != package.checksum:
        return _refused(
            package.path,
            XzError(
                Message(
                    "packages",
                    QT_TRANSLATE_NOOP("packages", "{file} 与已合并的同编号上报包内容不同，不予合并"),
                    {"file": package.path.name},
                )
            ),
            m.unit,
            verified=True,  # district_problems verified its signature
        )
    locked = lock_problem(store, m.unit, m.periods)  # an accepted period takes no package until it is reopened
    if locked is not None:
        head = Message(
            "packages",
            QT_TRANSLATE_NOOP("packages", "{file} 不予合并：{reason}"),
            {"file": package.path.name, "reason": locked.format()},
        )
        return _refused(package.path, XzError(head), m.unit, verified=True)
    by = by or store.author
    stamp = now_iso()
    nil_reason = package.extra.get(NIL_KEY)
    base.nil = nil_reason is not None
    with store.transaction(), store.merge_guard():
        base.resubmission = record_submission(store, m.unit, m.periods, m.package_id, nil_reason, stamp, by)
        # evaluated before its rows are stored: the arriving rows are passed in rather than read back
        changes = recompute(store, m.unit, (), package.rows, m.package_id, m.exported_at)
        if known_package is None:
            store.packages.add(
                MergedPackage(
                    m.package_id,
                    m.unit,
                    list(m.periods),
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
                package.rows,
            )
        else:  # taken back out earlier, merged again
            store.packages.reinstate(m.package_id, stamp, by, package.path.name, package.rows)
        if package.file_sha256:
            store.packages.record_digest(m.package_id, package.file_sha256, m.key_id)
        _count(base, changes, collect, {r.key: r.value for r in package.rows})
        base.changes = in_form_order(store, base.changes)
        store.log.append(
            LogLine(
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
                base.resubmission,
            )
        )
    return base


def _count(
    result: PackageResult, changes: list[KeyChange], collect: bool, incoming: dict[Key, float | None] | None = None
) -> None:
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


# Packages merged per commit. Each package stays atomic in its own savepoint (it lands whole or not at all); a
# commit per package wrote every page its figures touch in the period index once per package (issue 14).
PACKAGES_PER_COMMIT = 10


def iter_merge(
    store: Store,
    paths: Iterable[str | Path],
    *,
    by: str | None = None,
    progress: Progress = SILENT,
    collect: bool = True,
) -> Iterator[PackageResult]:
    """Merge files one by one (each atomically), yielding each result; progress between packages.

    Outside a preview the packages are committed a few at a time, each in its own savepoint inside the
    batch's transaction; a result is yielded only once its batch is committed, so a package reported
    merged is in the database. A cancel commits the packages merged so far.
    """
    files = package_files(paths)
    known = known_catalogs(store)
    undigested = store.packages.undigested_in_force() > 0  # merged before migration 007
    batched = not store.in_transaction  # a preview's outer transaction is left as it is
    pending: list[PackageResult] = []  # results of the batch not yet committed, in file order

    def lost(exc: BaseException) -> None:
        """The batch's transaction is gone (a commit that failed, a full disk): its merges did not land."""
        for n, r in enumerate(pending):
            if r.status == MERGED:
                pending[n] = _not_written(store, Path(r.file), exc, r.unit, r.unit_verified)

    def commit() -> None:
        if batched and store.in_transaction:
            try:
                store.commit()
            except Exception as exc:
                store.rollback()
                lost(exc)

    with store.bulk_writes():
        try:
            for index, path in enumerate(files):
                progress.step(index, len(files), path.name)
                if batched and len(pending) >= PACKAGES_PER_COMMIT:
                    commit()
                    yield from pending
                    pending.clear()
                if batched and not store.in_transaction:
                    try:
                        store.begin()
                    except Exception as exc:  # e.g. another program holds the database: this file is not merged
                        pending.append(_not_written(store, path, exc))
                        continue
                pending.append(
                    _merge_one(
                        store, path, by=by, collect=collect, known=known, undigested=undigested, preview=not batched
                    )
                )
                if batched and not store.in_transaction:  # the error that refused it ended the batch
                    lost(RuntimeError("the transaction was rolled back"))
            commit()
            yield from pending
            pending.clear()
            progress.step(len(files), len(files), "")
        except Cancelled:
            commit()  # what is merged so far stays merged
            yield from pending
            pending.clear()
            raise
        finally:
            if batched and store.in_transaction:  # left early (the caller stopped, or an error): keep what landed
                commit()


def _merge_one(
    store: Store,
    path: Path,
    *,
    by: str | None,
    collect: bool,
    known: dict[str, set[str]],
    undigested: bool,
    preview: bool,
) -> PackageResult:
    """One file's result: recognised unchanged, refused, or merged (in its own transaction or savepoint)."""
    # The very file a package in force was merged from: recognised by its digest, nothing re-read.
    again = unchanged_by_digest(store, path)
    # A file claiming a package in force merged before digests were kept: its manifest and
    # signature over the figures held suffice (its figures are not checked one by one).
    if again is None and undigested:
        again = unchanged_by_manifest(store, path)
    if again is not None:
        return again
    try:
        package = read_package(path)
    except XzError as exc:  # say whom it claims to be from (unverified), so the district knows whom to ask
        return _refused(path, exc, claimed_unit(path))
    except Exception as exc:  # one failing package never stops the others: it is refused, with the reason
        return _refused(path, user_error(exc, store.path, what=f"reading {path.name}"), claimed_unit(path))
    try:
        return merge_package(store, package, by=by, collect=collect, known=known)
    except Cancelled:
        raise
    except XzError as exc:
        return _refused(path, exc, package.unit)
    except Exception as exc:  # e.g. a full disk: this package's savepoint rolled back, go on with the next
        if preview and dry_run_open(store):  # an error inside a preview ends the preview
            raise
        return _not_written(store, path, exc, package.unit)


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
                "packages",
                QT_TRANSLATE_NOOP("packages", "这是“{own}”的填报数据库；上报包只能合并到区级汇总数据库"),
                {"own": store.describe()},
            )
        )
        return MergeReport([_refused(p, exc) for p in files], dry_run)
    report = MergeReport([], dry_run)
    with store.rolled_back() if dry_run else contextlib.nullcontext():
        try:
            for result in iter_merge(store, files, by=by, progress=progress, collect=collect):
                report.results.append(result)
        except Cancelled:
            if dry_run:
                raise
            report.cancelled = True
            done = {r.file for r in report.results}
            report.results.extend(PackageResult(str(p), "", NOT_DONE) for p in files if str(p) not in done)
        except Exception as exc:
            # A result is yielded only once committed: with none yet, nothing landed and the error is the
            # whole answer. After some, those stay reported as merged (they are in the database) and only
            # the files not yet reported are named as not written, never the run as "nothing changed".
            if dry_run or not report.results:
                raise
            done = {r.file for r in report.results}
            report.results.extend(_not_written(store, p, exc) for p in files if str(p) not in done)
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
    known = store.packages.get(package_id)
    if known is None:
        raise XzError(
            Message(
                "packages", QT_TRANSLATE_NOOP("packages", "没有编号为 {id} 的已合并上报包"), {"id": package_id[:60]}
            )
        )
    if known.unmerged_at is not None:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "上报包 {file} 已于 {at} 撤销合并"),
                {"file": known.file, "at": known.unmerged_at},
            )
        )
    locked = lock_problem(store, known.unit, known.periods)
    if locked is not None:
        raise XzError(locked)
    by = by or store.author
    stamp = now_iso()
    result = UnmergeResult(package_id, known.unit, known.file)
    before = {p: unit_state(store, known.unit, p) for p in known.periods}
    with store.transaction(), store.merge_guard():
        keys = store.packages.take_out(package_id, stamp, by)
        for c in recompute(store, known.unit, keys):
            if c.conflict_open:
                result.conflicts += 1
            elif c.kind == "delete":
                result.removed += 1
            elif c.kind == "update":
                result.restored += 1
            else:
                result.unchanged += 1
        store.log.append(
            LogLine(
                stamp,
                by,
                "unmerge",
                known.file,
                package_id,
                known.unit,
                known.periods,
                "unmerged",
                0,
                result.restored,
                result.unchanged,
                result.conflicts,
                result.removed,
            )
        )
        record_withdrawal(store, known.unit, list(known.periods), before, package_id, stamp, by)
    return result


def find_package(store: Store, text: str) -> str:
    """A package id from an id, a unique prefix of one, or a merged file's name."""
    ids = store.packages.find(text)
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "没有找到上报包“{text}”（可用 xz log 查看已合并的上报包）"),
                {"text": text[:60]},
            )
        )
    raise XzError(
        Message(
            "packages", QT_TRANSLATE_NOOP("packages", "“{text}”对应多个上报包，请写出完整编号"), {"text": text[:60]}
        )
    )


def merge_log(store: Store, limit: int | None = None) -> list[LogEntry]:
    """The merge log, newest first."""
    return store.log.entries(limit)
