"""Making a submission package in a unit's copy (导出上报包), and checking one against the district.

A package holds the unit's figures for the chosen periods with their revisions, and a
manifest; it is refused while those periods have an error or an unexplained warning.
The district side (:func:`district_problems`) decides whether a verified package may be
merged into this database: right kind of database, a known unit, a catalog the district
issued, indicators the unit reports, figures that pass the error checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ... import __version__
from ...domain.checks import Entry, Finding, Severity, check_unit_period
from ...domain.levels import level_fingerprint
from ...domain.limits import MAX_TEXT
from ...domain.messages import QT_TRANSLATE_NOOP, Message, Translate, XzError
from ...domain.periods import parse_period
from ...store import Store
from ...store.database import now_iso
from ...store.packages import ExportedPackage
from ..checking import findings_for
from ..files import FileKind, check_author, clean_leftovers, owner_name, suggested_name
from ..signing.seal import own_key_id, seal
from .lock import is_locked
from .package_file import NIL_KEY, SUFFIX, Manifest, Package, PackageRow, _short, new_package_id, write_package
from .verify import verify_package


@dataclass
class MadePackage:
    path: Path
    package_id: str
    unit: str
    periods: list[str]
    values: int
    checksum: str
    skipped: list[str] = field(default_factory=list)  # indicators not in the catalog in force, not exported

    def as_json(self) -> dict:
        return {
            "file": str(self.path),
            "package_id": self.package_id,
            "unit": self.unit,
            "periods": self.periods,
            "values": self.values,
            "checksum": self.checksum,
            "skipped": self.skipped,
        }


def default_package_name(store: Store, periods: list[str], translate: Translate | None = None) -> str:
    """``新城街道_2023年_上报包_20240115.xzpkg``: the unit, the periods and the day (:func:`..files.suggested_name`)."""
    return suggested_name(FileKind.PACKAGE, SUFFIX, owner=owner_name(store), periods=periods, translate=translate)


def _periods(periods: list[str]) -> list[str]:
    if not periods:
        raise XzError(Message("packages", QT_TRANSLATE_NOOP("packages", "请选择要上报的报告期")))
    return sorted({str(parse_period(p)) for p in periods}, key=parse_period)


def blocking_findings(store: Store, periods: list[str]) -> list[Finding]:
    """What stops a package: errors and warnings without 说明, in the chosen periods."""
    unit = store.unit_code or ""
    out: list[Finding] = []
    for period in periods:
        out.extend(f for f in findings_for(store, unit, period) if f.blocking)
    return out


def make_package(
    store: Store,
    periods: list[str],
    out: str | Path | None = None,
    author: str | None = None,
    nil_reason: str | None = None,
) -> MadePackage:
    """Write the unit's figures for ``periods`` to a package file; refuse with the list of what to fix.

    ``nil_reason``: a nil report (空表上报) — the unit has nothing to report for ``periods``, and says why.
    """
    if store.is_district:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "区级汇总数据库不能导出上报包：上报包由各填报单位的数据库导出"),
            )
        )
    key_id = own_key_id(store)  # an unenrolled copy is told how to enrol before anything else
    periods = _periods(periods)
    locked = [p for p in periods if is_locked(store, store.unit_code or "", p)]
    if locked:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP(
                    "packages", "报告期 {periods} 已由区里验收并锁定，无需再报；如需修改，请联系区里重新开放"
                ),
                {"periods": "、".join(locked)},
            )
        )
    catalog = store.catalog()
    extra = {NIL_KEY: _nil_reason(store, periods, nil_reason)} if nil_reason is not None else {}
    unit = store.unit_code or ""
    names = {i.code: i.name for period in periods for i in store.catalog_for(period).indicators}
    blocking = [] if extra else blocking_findings(store, periods)
    if blocking:
        details = [
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "{period} {name}：{text}"),
                {
                    "period": f.period,
                    "name": names.get(f.indicator, f.indicator),
                    "text": f.text() + ("" if f.severity is Severity.ERROR else "（请填写说明）"),
                },
            )
            for f in blocking
        ]
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "还有 {count} 处需要处理，暂不能导出上报包："),
                {"count": len(blocking)},
            ),
            details=details,
        )
    bases = store.packages.base_revisions(unit, periods)
    rows: list[PackageRow] = []
    skipped: set[str] = set()
    for period in periods if not extra else ():
        # what the plan whose years contain the period asks of this unit
        wanted = {i.code for i in store.catalog_for(period).indicators_for_unit(unit)}
        for v in store.values.select(unit=unit, period=period):
            if v.indicator not in wanted:
                skipped.add(v.indicator)  # filled against an older catalog; the catalog in force no longer asks for it
                continue
            rows.append(
                PackageRow(
                    v.unit,
                    v.indicator,
                    v.period,
                    v.value,
                    v.explanation,
                    v.revision,
                    bases.get((v.indicator, v.period), 0),
                    v.changed_at,
                    v.changed_by,
                )
            )
    empty = [p for p in periods if not extra and not any(r.period == p and r.value is not None for r in rows)]
    if empty:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP(
                    "packages",
                    "报告期 {periods} 还没有填报任何数据，不能导出上报包（本期确无数据可报时，请空表上报并写明说明）",
                ),
                {"periods": "、".join(empty)},
            )
        )
    out = Path(out) if out else (store.path.parent if store.path else Path.cwd()) / default_package_name(store, periods)
    if out.is_dir():
        out = out / default_package_name(store, periods)
    manifest = Manifest(
        package_id=new_package_id(),
        unit=unit,
        periods=tuple(periods),
        catalog_version=catalog.version,
        schema_version=store.schema_version(),
        program_version=__version__,
        exported_at=now_iso(),
        author=check_author(author or store.author),
        source_database_id=store.database_id,
        value_count=len(rows),
        key_id=key_id,
    )
    clean_leftovers(out.parent)
    checksum = write_package(out, manifest, rows, extra, sign=lambda payload: seal(store, payload).signature)
    store.packages.record_export(
        ExportedPackage(
            manifest.package_id, str(out), list(periods), manifest.exported_at, manifest.author, len(rows), checksum
        )
    )
    return MadePackage(out, manifest.package_id, unit, periods, len(rows), checksum, sorted(skipped))


def _nil_reason(store: Store, periods: list[str], reason: str) -> str:
    """A nil report's 说明, checked: required, not too long, and the periods really have nothing filled."""
    reason = reason.strip()
    if not reason:
        raise XzError(
            Message("packages", QT_TRANSLATE_NOOP("packages", "空表上报必须写明说明（为什么本期没有可报的数据）"))
        )
    if len(reason) > MAX_TEXT:
        raise XzError(Message("packages", QT_TRANSLATE_NOOP("packages", "说明超过 {limit} 字"), {"limit": MAX_TEXT}))
    unit = store.unit_code or ""
    filled = [p for p in periods if any(v.value is not None for v in store.values.select(unit=unit, period=p))]
    if filled:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "报告期 {periods} 已填有数据，不能空表上报；请导出普通上报包"),
                {"periods": "、".join(filled)},
            )
        )
    return reason


def exports(store: Store) -> list[ExportedPackage]:
    """The packages this unit's copy has made, newest first."""
    return store.packages.exports()


# -- the district's side ------------------------------------------------------
def _problem(template: str, **params) -> Message:
    return Message("packages", template, params)


def known_catalogs(store: Store) -> dict[str, set[str]]:
    """Every catalog version the district has had in force, with its indicator codes."""
    return store.packages.known_catalogs()


def district_problems(store: Store, package: Package, known: dict[str, set[str]] | None = None) -> list[Message]:
    """Why ``package`` may not be merged into ``store`` (empty when it may)."""
    m = package.manifest
    catalog = store.catalog()
    if m.kind == "district":
        return [
            _problem(
                QT_TRANSLATE_NOOP(
                    "packages", "这是区里发给填报单位的更正文件，应在该单位的数据库中用“导入区里的更正”导入"
                )
            )
        ]
    if m.kind == "receipt":
        return [
            _problem(QT_TRANSLATE_NOOP("packages", "这是区里发给填报单位的回执，应在该单位的数据库中用“导入回执”导入"))
        ]
    if not store.is_district:
        return [
            _problem(
                QT_TRANSLATE_NOOP("packages", "这是“{own}”的填报数据库；上报包只能合并到区级汇总数据库"),
                own=store.describe(),
            )
        ]
    if not catalog.has_unit(m.unit):
        return [_problem(QT_TRANSLATE_NOOP("packages", "本区的单位名单中没有“{unit}”"), unit=_short(m.unit, 40))]
    if not catalog.unit(m.unit).active:
        return [
            _problem(
                QT_TRANSLATE_NOOP(
                    "packages",
                    "“{unit}”已停用（区里的单位名单中不再在用），它的上报包不再合并；确需合并时，请先恢复该单位（xz unit-edit 数据库 {code} --reactivate）",
                ),
                unit=catalog.unit(m.unit).name,
                code=m.unit,
            )
        ]
    try:  # who signed it comes next: nothing else a forged file says is worth reading
        verify_package(store, package)
    except XzError as exc:
        return [exc.message]
    known = known_catalogs(store) if known is None else known
    # An upward package (services/packages/upward.py) is read by the meaning of what travels upward
    # (its fingerprint is computed only for a version the district does not know by name).
    if (
        m.catalog_version not in known
        and m.catalog_version != catalog.version
        and all(m.catalog_version != level_fingerprint(store.catalog(p.code)) for p in store.plans())
    ):
        return [
            _problem(
                QT_TRANSLATE_NOOP(
                    "packages",
                    "上报包按本区从未使用过的指标目录（版本 {version}）填报；请让“{unit}”导入区里下发的目录（xz catalog-import）后重新导出",
                ),
                version=_short(m.catalog_version, 40),
                unit=catalog.unit(m.unit).name,
            )
        ]
    if NIL_KEY in package.extra:
        if not package.extra[NIL_KEY].strip():
            return [_problem(QT_TRANSLATE_NOOP("packages", "空表上报必须附说明，这个上报包的说明是空的"))]
        if any(r.value is not None for r in package.rows):
            return [_problem(QT_TRANSLATE_NOOP("packages", "上报包声明为空表上报，却含有数值"))]
    problems: list[Message] = []
    unit = catalog.unit(m.unit)
    removed = set().union(*known.values()) if known else set()
    # Each figure is checked against the plan whose years contain its period (2026: the 十五五's indicators).
    seen: set[tuple[str, str]] = set()
    for period, code in sorted({(r.period, r.indicator) for r in package.rows}, key=lambda pc: pc[1]):
        judged = store.catalog_for(period)
        if (judged.plan.code, code) in seen:
            continue
        seen.add((judged.plan.code, code))
        if not judged.has_indicator(code):
            if any(store.catalog(p.code).has_indicator(code) for p in store.plans()):
                problems.append(
                    _problem(
                        QT_TRANSLATE_NOOP(
                            "packages",
                            "指标“{code}”不属于 {period} 年所在的{plan}；请让该单位导入最新目录后重新导出",
                        ),
                        code=code,
                        period=_short(period, 10),
                        plan=judged.plan.name,
                    )
                )
            elif code in removed:
                problems.append(
                    _problem(
                        QT_TRANSLATE_NOOP(
                            "packages",
                            "指标“{code}”已不在本区现行目录中（上报包按目录版本 {version} 填报）；请让该单位导入最新目录后重新导出",
                        ),
                        code=code,
                        version=m.catalog_version,
                    )
                )
            else:
                problems.append(
                    _problem(QT_TRANSLATE_NOOP("packages", "未知的指标代码“{code}”"), code=_short(code, 40))
                )
            continue
        ind = judged.indicator(code)
        if not ind.is_entered:
            problems.append(
                _problem(QT_TRANSLATE_NOOP("packages", "“{name}”由其他指标计算得出，不应出现在上报包中"), name=ind.name)
            )
        elif not judged.reports(unit, ind):
            problems.append(
                _problem(QT_TRANSLATE_NOOP("packages", "“{unit}”不填报“{name}”"), unit=unit.name, name=ind.name)
            )
    if problems:
        return problems
    return _check_errors(store, package)


def _check_errors(store: Store, package: Package) -> list[Message]:
    """逻辑性审核 on the package's figures, as the unit had them, under each period's plan; warnings do not refuse."""
    by_period: dict[str, dict[str, Entry]] = {}
    for r in package.rows:
        by_period.setdefault(r.period, {})[r.indicator] = Entry(r.value, r.explanation)
    problems = []
    for period, entries in sorted(by_period.items()):
        previous = store.values.previous(package.unit, period)
        catalog = store.catalog_for(period)
        for f in check_unit_period(catalog, package.unit, period, entries, previous, errors_only=True):
            if f.severity is Severity.ERROR:
                problems.append(
                    _problem(
                        QT_TRANSLATE_NOOP("packages", "{period} {name}：{text}"),
                        period=period,
                        name=catalog.indicator(f.indicator).name if catalog.has_indicator(f.indicator) else f.indicator,
                        text=f.text(),
                    )
                )
    return problems
