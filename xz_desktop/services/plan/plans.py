"""规划: the plans a district holds, the folder that starts the next one, and putting a filled folder in force.

``xz plan-new`` (开始新规划) writes the next plan's folder from a plan held (by default the one in force):
its indicators, units, rules and overlaps, and ``plan.csv``. Each base value (``base_Y``, Y the new plan's
base year) is the district's own figure of year Y where that figure is **complete** (every expected unit
reported, nothing carried forward); where it is not, the cell is left blank and the indicator listed, so
nobody mistakes a partial sum for a base. A base that is the preceding plan's total (``base_span`` plan:
发明专利授权量 2447 = 2016–2020) becomes this plan's total (2021–2025), complete only if every year is. The
previous plan's base and history columns are carried on as history (a plan's total is no year's figure and is
not); the targets (``target_Z``) are blank for the district to set.

``xz plan-add`` (启用规划) reads a filled folder as hostile input (refusals name the file, row and column),
refuses a code held already or years overlapping a plan held, and puts the plan in force for its years as
a new catalog version, recorded in the catalog's history; the database is unchanged on refusal. The new
catalog reaches the units in the district's files (catalog file, receipt, enrolment file), which carry
every plan (services/catalog_transfer.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ...domain import catalog_edits
from ...domain.aggregation import Aggregator
from ...domain.catalog import Aggregation, Catalog, Indicator
from ...domain.catalog_edits import CatalogRevision, FieldChange
from ...domain.catalog_rows import (
    MAX_PLAN_CODE,
    MAX_PLAN_NAME,
    PLAN_FILE,
    RowReader,
    catalog_csv_texts,
    load_catalog_dir,
)
from ...domain.levels import LEVEL_FILE, level_csv_text
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.periods import Period
from ...domain.plans import MAX_PLAN_YEAR, MIN_PLAN_YEAR, SPAN_PLAN, SPAN_YEAR, Plan, YearValue
from ...store import Store
from ...store.base import now_iso

# catalog_change.field of a plan put in force: one row per indicator of the plan, "" → the plan's code
PLAN_FIELD = "plan"
EARLIEST, LATEST = MIN_PLAN_YEAR, MAX_PLAN_YEAR  # the years a plan may name: a sanity range


@dataclass(frozen=True)
class PlanSummary:
    """One plan held, as ``xz plans`` lists it."""

    code: str
    name: str
    base_year: int
    target_year: int
    indicators: int
    targets: int
    version: str
    in_force: bool

    @property
    def first_year(self) -> int:
        return self.base_year + 1

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "base_year": self.base_year,
            "target_year": self.target_year,
            "indicators": self.indicators,
            "targets": self.targets,
            "version": self.version,
            "in_force": self.in_force,
        }


@dataclass(frozen=True)
class BlankBase:
    """An indicator whose base was left blank: its base-year figure is missing or incomplete."""

    code: str
    name: str
    why: str  # "missing" (no figure) or "incomplete"
    missing_units: tuple[str, ...] = ()  # names of the units (with periods) that have not reported

    def as_json(self) -> dict[str, object]:
        return {"code": self.code, "name": self.name, "why": self.why, "missing_units": list(self.missing_units)}


@dataclass(frozen=True)
class NewPlanFolder:
    folder: Path
    plan: Plan
    from_code: str
    files: tuple[str, ...]
    indicators: int
    filled: tuple[tuple[str, float], ...]  # (indicator, base) in display measure
    blank: tuple[BlankBase, ...] = field(default_factory=tuple)

    def as_json(self) -> dict[str, object]:
        return {
            "folder": str(self.folder),
            "code": self.plan.code,
            "name": self.plan.name,
            "base_year": self.plan.base_year,
            "target_year": self.plan.target_year,
            "from": self.from_code,
            "files": list(self.files),
            "indicators": self.indicators,
            "filled": [{"code": c, "base": v} for c, v in self.filled],
            "blank": [b.as_json() for b in self.blank],
        }


@dataclass(frozen=True)
class AddedPlan:
    plan: Plan
    version: str
    previous: str
    revision: int
    indicators: int
    targets: int

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.plan.code,
            "name": self.plan.name,
            "base_year": self.plan.base_year,
            "target_year": self.plan.target_year,
            "indicators": self.indicators,
            "targets": self.targets,
            "version": self.version,
            "previous": self.previous,
            "revision": self.revision,
        }


def _refuse(template: str, **params: object) -> XzError:
    return XzError(Message("plans", template, dict(params)))


def _district_only(store: Store) -> None:
    if not store.is_district:
        raise _refuse(
            QT_TRANSLATE_NOOP("plans", "规划由区级汇总数据库维护；填报单位的数据库使用区里下发的目录，不能在这里修改")
        )


# -- the plans held -----------------------------------------------------------------


def list_plans(store: Store) -> list[PlanSummary]:
    """Every plan the database holds, by base year, with its indicator count and whether it is in force."""
    in_force = store.plan().code
    found = []
    for plan in store.plans():
        catalog = store.catalog(plan.code)
        found.append(
            PlanSummary(
                plan.code,
                plan.name,
                plan.base_year,
                plan.target_year,
                len(catalog.indicators),
                sum(1 for i in catalog.indicators if i.target is not None),
                catalog.version,
                plan.code == in_force,
            )
        )
    return found


def _overlapping(store: Store, plan: Plan) -> Plan | None:
    """A plan held whose years (first year … target year) share a year with ``plan``'s."""
    for held in store.plans():
        if held.first_year <= plan.target_year and plan.first_year <= held.target_year:
            return held
    return None


def _check_new_plan(store: Store, plan: Plan) -> None:
    """The refusals of ``plan-new``'s options: a blank or held code, a bad name, years out of order or overlapping."""
    code, name = plan.code, plan.name
    if not code or len(code) > MAX_PLAN_CODE or any(ord(c) < 32 for c in code):
        raise _refuse(
            QT_TRANSLATE_NOOP("plans", "规划代码应为不超过 {most} 字的一行文字（如 十五五）"), most=MAX_PLAN_CODE
        )
    if not name or len(name) > MAX_PLAN_NAME or any(ord(c) < 32 for c in name):
        raise _refuse(QT_TRANSLATE_NOOP("plans", "规划名称应为不超过 {most} 字的一行文字"), most=MAX_PLAN_NAME)
    if any(p.code == code for p in store.plans()):
        raise _refuse(QT_TRANSLATE_NOOP("plans", "本库已有规划“{code}”，请换一个代码"), code=code)
    for year in (plan.base_year, plan.target_year):
        if not EARLIEST <= year <= LATEST:
            raise _refuse(
                QT_TRANSLATE_NOOP("plans", "年份 {year} 不在 {earliest}–{latest} 之间"),
                year=year,
                earliest=EARLIEST,
                latest=LATEST,
            )
    if plan.target_year <= plan.base_year:
        raise _refuse(
            QT_TRANSLATE_NOOP("plans", "目标年（{target}）应晚于基期年（{base}）"),
            target=plan.target_year,
            base=plan.base_year,
        )
    held = _overlapping(store, plan)
    if held is not None:
        raise _refuse(
            QT_TRANSLATE_NOOP("plans", "规划期 {first}–{last} 与本库的 {name}（{held_first}–{held_last}）重叠"),
            first=plan.first_year,
            last=plan.target_year,
            name=held.name,
            held_first=held.first_year,
            held_last=held.target_year,
        )


# -- plan-new -------------------------------------------------------------------------


def _clean(value: float) -> float:
    """A computed figure without the float noise of its sum (0.1 + 0.2 → 0.3), twelve significant digits kept."""
    return float(f"{value:.12g}")


def _unit_names(catalog: Catalog, missing: list) -> tuple[str, ...]:
    """“洪合镇（2025）”: the missing units' names with their periods, in the catalog's order of units."""

    def order(m) -> tuple[int, str, str]:
        return (catalog.unit(m.unit).sort if catalog.has_unit(m.unit) else 10**6, m.unit, m.period)

    def name(code: str) -> str:
        return catalog.unit(code).name if catalog.has_unit(code) else code

    return tuple(f"{name(m.unit)}（{m.period}）" for m in sorted(missing, key=order))


def plan_total(ind: Indicator, catalog: Catalog, year: int) -> bool:
    """Whether ``ind``'s base at ``year`` is a plan's total: its base is the preceding plan's total
    (``base_span`` plan: 发明专利授权量 2447 = 2016–2020) and ``year`` ends ``catalog``'s plan, so the next plan's
    base is this plan's total (2021–2025), as the plan's 表1 reports it."""
    return ind.base_span == SPAN_PLAN and ind.aggregation is Aggregation.FLOW and catalog.plan.target_year == year


def district_bases(
    catalog: Catalog, aggregator: Aggregator, year: int
) -> tuple[dict[str, tuple[float, str]], list[BlankBase]]:
    """Each indicator's district figure of ``year`` in display measure, with its span, where it is complete (and
    not carried forward): a year's figure, or for a plan total (:func:`plan_total`) the sum of the plan's years,
    complete only if every year is. The others are listed with why (no figure at all, or units missing)."""
    bases: dict[str, tuple[float, str]] = {}
    blank: list[BlankBase] = []
    period = Period(year)
    for ind in catalog.indicators:
        total = plan_total(ind, catalog, year)
        dv = aggregator.cumulative_value(ind.code, period) if total else aggregator.value(ind.code, period)
        value = ind.to_display(dv.value)
        if value is not None and dv.complete and not dv.estimated:
            bases[ind.code] = (_clean(value), SPAN_PLAN if total else SPAN_YEAR)
        elif value is None and dv.complete:
            blank.append(BlankBase(ind.code, ind.name, "missing"))
        else:
            blank.append(BlankBase(ind.code, ind.name, "incomplete", _unit_names(catalog, dv.missing)))
    return bases, blank


def next_indicator(ind: Indicator, previous: Plan, plan: Plan, base: float | None, span: str = SPAN_YEAR) -> Indicator:
    """``ind`` of the ``previous`` plan as the next plan starts it: ``base`` (of ``span``) at the new base year,
    the previous plan's base and history carried on as history (years before the new base year), no target.
    A previous base that was a plan's total is not carried on as a year's history value (it is none)."""
    history = {h.year: h for h in ind.history if h.year < plan.base_year}
    if ind.base is not None and ind.base_is_year and previous.base_year < plan.base_year:
        history[previous.base_year] = YearValue(previous.base_year, ind.base)
    return replace(
        ind,
        base=base,
        target=None,
        history=tuple(history[y] for y in sorted(history)),
        base_span=span,
    )


def new_plan_folder(
    store: Store,
    *,
    code: str,
    name: str,
    base_year: int,
    target_year: int,
    folder: str | Path,
    from_plan: str | None = None,
) -> NewPlanFolder:
    """Write the folder of a new plan to fill in (see the module's text); nothing in the database changes."""
    _district_only(store)
    plan = Plan(code.strip(), name.strip(), base_year, target_year)
    _check_new_plan(store, plan)
    source = store.catalog(from_plan)  # None: the plan in force
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise _refuse(
            QT_TRANSLATE_NOOP("plans", "{path} 不是空文件夹；请选一个新的或空的文件夹"),
            path=str(folder),
        )
    aggregator = Aggregator(source, store.values.figure_set())
    bases, blank = district_bases(source, aggregator, base_year)
    indicators = [
        next_indicator(i, source.plan, plan, *bases.get(i.code, (None, SPAN_YEAR))) for i in source.indicators
    ]
    catalog = Catalog(indicators, list(source.units), list(source.rules), overlaps=list(source.overlaps), plan=plan)
    texts = catalog_csv_texts(catalog)  # plan.csv with the rest
    level = store.level()
    if level is not None:  # who the district is at the level above, as xz catalog-folder writes it
        texts[LEVEL_FILE] = level_csv_text(level)
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for file, text in texts.items():
            (folder / file).write_text(text, encoding="utf-8")
            written.append(folder / file)
    except OSError as exc:
        for path in written:  # no half folder
            path.unlink(missing_ok=True)
        raise _refuse(
            QT_TRANSLATE_NOOP("plans", "无法写入文件夹 {path}：{reason}"), path=str(folder), reason=exc.strerror or exc
        ) from exc
    return NewPlanFolder(
        folder,
        plan,
        source.plan.code,
        tuple(texts),
        len(indicators),
        tuple((i.code, bases[i.code][0]) for i in source.indicators if i.code in bases),
        tuple(blank),
    )


# -- plan-add -------------------------------------------------------------------------


def _plan_row(folder: Path) -> RowReader:
    """Blame for the plan's row: plan.csv's one row (a spreadsheet's line 2), or, in a folder without plan.csv
    (its plan read from the value columns), indicators.csv's header."""
    if (folder / PLAN_FILE).exists():
        return RowReader(PLAN_FILE, 2, {})
    return RowReader("indicators.csv", 1, {})


def _with_own_units(store: Store, catalog: Catalog) -> Catalog:
    """The folder's plan with the database's units (units are shared by every plan; they change with
    unit-add and unit-edit): a unit the database does not have is refused, naming units.csv's row."""
    held = store.catalog()
    for n, unit in enumerate(catalog.units, start=2):
        if not held.has_unit(unit.code):
            raise RowReader("units.csv", n, {}).fail(
                "code", f"本库没有单位“{unit.code}”：单位由 xz unit-add 添加，规划文件夹不能新增单位"
            )
    combined = Catalog(
        list(catalog.indicators),
        list(held.units),
        list(catalog.rules),
        overlaps=list(catalog.overlaps),
        plan=catalog.plan,
    )
    combined.validate()
    return combined


def add_plan_folder(store: Store, folder: str | Path, by: str | None = None) -> AddedPlan:
    """Put the plan of ``folder`` in force for its years, as a new catalog version (one transaction)."""
    _district_only(store)
    folder = Path(folder)
    if not folder.is_dir():
        raise _refuse(QT_TRANSLATE_NOOP("plans", "找不到规划文件夹 {path}"), path=str(folder))
    catalog = load_catalog_dir(folder)
    plan = catalog.plan
    with store.transaction():
        store.forget_catalog()
        if any(p.code == plan.code for p in store.plans()):
            raise _plan_row(folder).fail("code", f"本库已有规划“{plan.code}”")
        held = _overlapping(store, plan)
        if held is not None:
            raise _plan_row(folder).fail(
                "base_year",
                f"规划期 {plan.first_year}–{plan.target_year} 与本库的 {held.name}"
                f"（{held.first_year}–{held.target_year}）重叠",
            )
        catalog = _with_own_units(store, catalog)
        previous = store.catalog().version
        revision = store.catalog_revision() + 1
        version = store.add_plan(catalog)  # the database's new catalog version: of every plan it holds
        record = CatalogRevision(
            revision,
            version,
            previous,
            now_iso(),
            by or store.author,
            tuple(FieldChange(catalog_edits.INDICATOR, i.code, PLAN_FIELD, "", plan.code) for i in catalog.indicators),
        )
        store.catalog_history.record(record)
    return AddedPlan(
        plan,
        version,
        previous,
        revision,
        len(catalog.indicators),
        sum(1 for i in catalog.indicators if i.target is not None),
    )
