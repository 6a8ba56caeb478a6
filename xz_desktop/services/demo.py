"""A demo district database (示例数据): every unit's plausible figures for the plan's base year to its target year
(十四五: 2020–2025).

The base-year district figures equal the plan's (表1 and 表2); components the plan does not
print are derived from the plan's ratios (从业人员 from 每万名从业人员人才资源数, …).
The years in between grow toward the targets at rates that leave some indicators on track
and some behind, so that a newcomer sees every state the program can show. In the target year
most targets are met and a few are missed (:data:`MISSED`), with the units' 说明 saying why, so the
final evaluation (终期评估) has something to show. Two units have not reported the year before the
target year and one department has not yet reported the target year, so completeness has something
to say. Every figure passes the error checks; warnings carry a 说明.
"""

from __future__ import annotations

import math
import random
import tempfile
from pathlib import Path
from typing import cast

from ..domain.catalog import Aggregation, Catalog, Indicator
from ..domain.checks import Severity, check_unit_period
from ..domain.plans import Plan
from ..domain.targets import UnitTarget, district_target_entry
from ..store import Store, create_store, open_store
from ..store.values import ValueChange
from .packages.merge import merge_files
from .packages.submission import make_package
from .progress import SILENT, Progress
from .signing.enrolment import SUFFIX as ENROLMENT_SUFFIX
from .signing.enrolment import enrol, init_from_enrolment

LATE_BEFORE_TARGET_YEAR = ("honghe", "culture")  # have not reported the year before the target year
LATE_IN_TARGET_YEAR = ("science",)  # has not yet reported the target year: its indicators are 数据不全

# The targets the district misses in the target year (share of the target reached), with the 说明 the units
# reporting them give on their target-year figure; every other target is met (by 0.5–5 %).
MISSED: dict[str, float] = {"phd_master": 0.94, "rd_active_enterprise_share": 0.985}
SHORTFALL_NOTES: dict[str, str] = {
    "master": "示例说明：本地高校毕业生留秀比例下降，硕士研究生引进人数少于预期。",
    "phd": "示例说明：博士后工作站招收计划未完成，引进博士人数低于年初计划。",
    "rd_active_enterprises": "示例说明：受市场需求下行影响，部分小微企业暂停研发项目，有研发活动企业数增长放缓。",
}
EXPLAINING_UNITS = ("wangjiangjing", "youchegang", "wangdian")  # the units that write a shortfall's 说明

# 2020 figures (entry measure) of components the plan does not print, derived from its ratios,
# and the yearly growth the demo gives them.
COMPONENTS_AT_BASE: dict[str, tuple[float, float]] = {
    "employed": (325_426, 0.015),  # 122,100 人 / 3,752 per 10k (表1 每万名从业人员人才资源数)
    "skilled_workers": (99_718, 0.03),  # 35,300 高技能 / 35.4 % (表1)
    "rd_personnel": (5_168, 0.07),  # 158.8 per 10k employed (表2)
    "resident_population": (720_000, 0.01),
    "physicians": (1_872, 0.055),  # 2.6 per 1,000 residents
    "nurses": (2_304, 0.12),
    "general_practitioners": (252, 0.09),
    "cdc_staffing": (101, 0.06),
    "industrial_value_added": (3_000_000, 0.06),
    "hitech_value_added": (2_040_000, 0.085),  # 68.0 % (表1/表2)
    "industrial_output": (13_000_000, 0.06),
    "new_product_output": (6_760_000, 0.07),  # 52.0 % (表1)
    "industrial_enterprises": (900, 0.04),
    "rd_active_enterprises": (777, 0.055),  # 86.3 % (表2)
    "high_value_patents": (742, 0.14),  # 10.3 per 10k residents (表2)
    "local_fiscal_revenue": (274_727, 0.05),  # 9,066 / 3.3 % (表1)
    "fiscal_talent_input": (9_066, 0.04),
    "invention_patents_granted": (600, 0.08),  # 表1's 2,447 is a five-year total
    "labor_productivity": (15.5, 0.072),
    "phd": (222, 0.15),
    "master": (2_001, 0.15),
}
DEFAULT_GROWTH = 0.04

# Share of each geographic unit in the district's figures (roughly by population).
WEIGHTS = {
    "xincheng": 0.12,
    "jiabei": 0.08,
    "tanghui": 0.09,
    "gaozhao": 0.07,
    "wangjiangjing": 0.16,
    "youchegang": 0.10,
    "xincheng_town": 0.11,
    "wangdian": 0.10,
    "honghe": 0.07,
    "hitech": 0.10,
}


def _district_series(ind: Indicator, rng: random.Random, plan: Plan) -> dict[int, float]:
    """The district's figure of an entered indicator for each year from the plan's base year to the year before
    its target year (entry measure); the target year is :func:`_target_year`'s."""
    years: dict[int, float] = {}
    shown = list(range(plan.base_year, plan.target_year))
    if ind.is_cumulative:
        per_year = cast(float, ind.to_entry(ind.target)) / 5  # the demo's cumulative flows all have a target
        carried = 0.0
        for year in shown[1:]:
            carried += per_year * rng.uniform(0.8, 1.15)
            years[year] = round(carried - sum(years.values()))
        years[plan.base_year] = round(per_year * 0.9)
        return years
    base, growth = COMPONENTS_AT_BASE.get(ind.code, (None, DEFAULT_GROWTH))
    if base is None and ind.base is not None:
        base = ind.to_entry(ind.base)
    target = ind.to_entry(ind.target) if ind.target is not None else None
    if base is None:
        base = (target or 10) * rng.uniform(0.72, 0.85)
    pace = rng.uniform(0.8, 1.08)  # some indicators ahead of the trajectory, some behind
    for i, year in enumerate(shown):
        if target is not None and ind.code not in COMPONENTS_AT_BASE and ind.aggregation is not Aggregation.FLOW:
            value = base + (target - base) * (i / 5) * pace
        else:
            value = base * (1 + growth * rng.uniform(0.85, 1.15)) ** i
        years[year] = value
    return years


def _reached(code: str, rng: random.Random) -> float:
    """The share of its target an indicator reaches in the target year: :data:`MISSED`'s, else just over 1."""
    return MISSED.get(code, rng.uniform(1.005, 1.05))


def _target_year(catalog: Catalog, series: dict[str, dict[int, float]], plan: Plan, rng: random.Random) -> None:
    """Add the target year to every entered indicator's district ``series`` (entry measure).

    Each figure first grows on from the year before; then every target is set where :func:`_reached` puts it:
    an entered figure directly, a ratio through its numerator, a sum through its parts, 人才资源总量 through
    the talent kinds it is the sum of (高技能人才 stays as its own ratio target put it).
    """
    last, year = plan.target_year - 1, plan.target_year
    for code, years in series.items():
        ind = catalog.indicator(code)
        growth = COMPONENTS_AT_BASE.get(code, (None, DEFAULT_GROWTH))[1]
        years[year] = years[last] * (1 + growth * rng.uniform(0.85, 1.15))
    done: set[str] = set()
    ordered = sorted(
        (i for i in catalog.indicators if i.target is not None),
        key=lambda i: (i.code == "talent_total", i.aggregation is Aggregation.SUM),
    )
    for ind in ordered:
        goal = cast(float, ind.to_entry(ind.target)) * _reached(ind.code, rng)
        if ind.code == "talent_total":
            _talent_total(catalog, series, year, goal, done)
        elif ind.is_cumulative and ind.code in series:
            before = sum(v for y, v in series[ind.code].items() if plan.first_year <= y < year)
            series[ind.code][year] = max(round(goal - before), round(series[ind.code][last] * 0.8))
        elif ind.aggregation is Aggregation.GROWTH and ind.growth_of in series:
            start = series[ind.growth_of][plan.base_year]
            series[ind.growth_of][year] = start * (1 + goal / 100) ** (year - plan.base_year)
        elif ind.aggregation is Aggregation.RATIO and ind.numerator in series and ind.denominator in series:
            series[ind.numerator][year] = goal * series[ind.denominator][year] / (ind.scale or 1)
            done.add(ind.numerator)
        elif ind.aggregation is Aggregation.SUM and all(p in series for p in ind.parts):
            now = sum(series[p][year] for p in ind.parts)
            for p in ind.parts:
                series[p][year] *= goal / now
                done.add(p)
        elif ind.code in series:
            series[ind.code][year] = math.ceil(goal) if ind.is_count and ind.code not in MISSED else goal


def _talent_total(
    catalog: Catalog, series: dict[str, dict[int, float]], year: int, goal: float, fixed: set[str]
) -> None:
    """人才资源总量 is the sum of the talent kinds: scale the kinds no other target fixed so the sum is ``goal``."""
    kinds = [k for k in TALENT_KINDS if k in series]
    held = sum(series[k][year] for k in kinds if k in fixed)
    free = [k for k in kinds if k not in fixed]
    now = sum(series[k][year] for k in free)
    for k in free:
        series[k][year] *= (goal - held) / now


def _apportion(total: float, weights: dict[str, float], decimals: int) -> dict[str, float]:
    """Split ``total`` by ``weights`` so the parts add up exactly (largest remainder)."""
    scale = 10**decimals
    units = round(total * scale)
    raw = {u: units * w / sum(weights.values()) for u, w in weights.items()}
    parts = {u: int(v) for u, v in raw.items()}
    for u in sorted(raw, key=lambda u: raw[u] - parts[u], reverse=True)[: units - sum(parts.values())]:
        parts[u] += 1
    return {u: p / scale for u, p in parts.items()}


TALENT_KINDS = (
    "party_gov_talent",
    "business_mgmt_talent",
    "professional_tech_talent",
    "high_skilled",
    "rural_practical_talent",
    "social_work_talent",
)


def demo_plan(catalog: Catalog) -> Plan:
    """The plan the demo fills: the catalog's."""
    return catalog.plan


def demo_figures(catalog: Catalog, seed: int = 2021) -> dict[tuple[str, str], dict[str, float]]:
    """``{(unit, period): {indicator: value}}`` for every reporting unit and demo year."""
    rng = random.Random(seed)
    plan = demo_plan(catalog)
    # Each indicator's weights and its years before the target year draw from ``rng`` in the catalog's order
    # (the figures of those years are the same as the demo's before it reached the target year).
    drawn: list[tuple[Indicator, list[str], dict[str, float]]] = []
    series: dict[str, dict[int, float]] = {}
    for ind in catalog.indicators:
        if not ind.is_entered:
            continue
        reporters = [u.code for u in catalog.reporters(ind)]
        weights = {u: WEIGHTS.get(u, 1.0) * rng.uniform(0.85, 1.15) for u in reporters}
        drawn.append((ind, reporters, weights))
        series[ind.code] = _district_series(ind, rng, plan)
    _target_year(catalog, series, plan, random.Random(f"{seed}:{plan.target_year}"))
    figures: dict[tuple[str, str], dict[str, float]] = {}
    for ind, _, weights in drawn:
        decimals = 1 if ind.entry_measure in ("%", "万元/人") else 0
        for year, total in series[ind.code].items():
            for unit, value in _apportion(total, weights, decimals).items():
                figures.setdefault((unit, str(year)), {})[ind.code] = value
    # A unit's total is the sum of its talent kinds, so 人才资源总量 ≥ each kind holds per unit.
    for values in figures.values():
        if all(k in values for k in TALENT_KINDS) and "talent_total" in values:
            values["talent_total"] = sum(values[k] for k in TALENT_KINDS)
    for unit in LATE_BEFORE_TARGET_YEAR:
        figures.pop((unit, str(plan.target_year - 1)), None)
    for unit in LATE_IN_TARGET_YEAR:
        figures.pop((unit, str(plan.target_year)), None)
    return figures


def create_demo(path: str | Path, seed: int = 2021, progress: Progress = SILENT, *, next_plan: bool = False) -> Path:
    """Create the demo district database at ``path`` (which must not exist yet).

    The figures travel as they would for real: the district enrols each unit (``xz enrol``), each
    unit's copy is set up from its enrolment file (``xz init --enrolment``), fills its figures,
    explains its warnings and exports one signed package per year, and the district merges them
    all, so the merge log, completeness, provenance and the keys have something to show.
    ``progress`` hears one step per unit and one for the merge (the window shows them while it waits).
    The next plan (示例) is started on the result by :func:`.demo_next_plan.start_next_plan`.
    """
    path = Path(path)
    with create_store(path, "district", author="区人才办（演示）") as district:
        catalog = district.catalog()
        figures = demo_figures(catalog, seed)
        with tempfile.TemporaryDirectory(prefix="xz-demo-") as tmp:
            packages = []
            # One transaction for every enrolment (a commit is a sync of the file: one per unit, and one per
            # write inside each unit's copy, made most of the demo's time); the merge commits as it does for real.
            units = sorted({u for u, _ in figures})
            with district.transaction():
                for done, unit in enumerate(units):
                    progress.step(done, len(units) + 1, catalog.unit(unit).name)
                    enrolment = enrol(district, unit, Path(tmp) / f"{unit}{ENROLMENT_SUFFIX}", by="区人才办（演示）")
                    packages.extend(
                        _unit_packages(
                            Path(tmp),
                            catalog,
                            unit,
                            {p: v for (u, p), v in figures.items() if u == unit},
                            Path(enrolment.file),
                        )
                    )
            progress.step(len(units), len(units) + 1, "")
            report = merge_files(district, packages, by="区人才办（演示）", collect=False)
        refused = [r for r in report.results if r.status not in ("merged", "unchanged")]
        if refused:  # the demo's own data must pass the district's checks; anything else is a bug here
            raise RuntimeError(f"demo packages refused: {[(r.file, r.reason) for r in refused]}")
        split_assessed_targets(district)
        district.set_meta("demo", "1")
    return path


# Few towns had a 院士专家工作站 or 博士后工作站 in 2020: a fifth of those targets is split equally (保底份额),
# so a town that had none still gets one to work toward.
FLOOR_SHARES = {"academician_workstation": 0.2, "postdoc_workstation": 0.2}


def split_assessed_targets(district: Store) -> None:
    """Give every unit its own 2025 target of each indicator it is assessed on, as the district would.

    A summable indicator is split by the units' 2020 figures (舍位平衡); one a single department reports
    (区级指标) is that department's target as it stands in the plan.
    """
    from .plan.assess import load_scheme
    from .plan.targets import split

    catalog = district.catalog()
    scheme = load_scheme(district)
    codes = dict.fromkeys(
        [i.indicator for i in scheme.geographic] + [i.indicator for s in scheme.units.values() for i in s]
    )
    own: list[UnitTarget] = []
    for code in codes:
        ind = catalog.indicator(code)
        if ind.target is None:
            continue
        if ind.aggregation is Aggregation.DISTRICT:
            target = district_target_entry(ind)
            own += [
                UnitTarget(u.code, code, target, str(catalog.plan.target_year), method="plan")
                for u in catalog.reporters(ind)
                if target is not None
            ]
            continue
        split(district, code, "base", district.author, floor=FLOOR_SHARES.get(code, 0.0))
    if own:
        district.targets.put(own, district.author)


def _unit_packages(
    folder: Path, catalog: Catalog, unit: str, periods: dict[str, dict[str, float]], enrolment: Path
) -> list[Path]:
    """Set up one unit's copy from its enrolment, fill its figures, explain its warnings, export a package per year."""
    name = catalog.unit(unit).name
    clerk = f"{name}填报员"
    out = []
    db = folder / f"{unit}.sqlite"
    init_from_enrolment(db, enrolment, clerk)
    final = str(demo_plan(catalog).target_year)
    with open_store(db) as store, store.transaction():  # the unit's whole filling and export: one commit
        for period, values in sorted(periods.items()):
            store.values.write(
                [
                    ValueChange(unit, code, period, v, _shortfall_note(unit, code, period == final))
                    for code, v in values.items()
                ],
                author=clerk,
            )
            _explain_warnings(store, catalog, unit, period)
            out.append(make_package(store, [period], folder / f"{unit}_{period}.xzpkg", clerk).path)
    return out


def _shortfall_note(unit: str, code: str, final: bool) -> str | None:
    """The 说明 a unit gives on its target-year figure of an indicator behind a missed target (:data:`MISSED`)."""
    return SHORTFALL_NOTES.get(code) if final and unit in EXPLAINING_UNITS else None


def _explain_warnings(store: Store, catalog: Catalog, unit: str, period: str) -> None:
    """Give every 合理性 warning a 说明, as a careful clerk would before submitting."""
    entries = store.values.entries(unit, period)
    explained = [
        ValueChange(
            unit, f.indicator, period, entries[f.indicator].value, "示例说明：本年新认定/新引进集中，数据已核实。"
        )
        for f in check_unit_period(catalog, unit, period, entries, store.values.previous(unit, period))
        if f.severity is Severity.WARNING and not entries[f.indicator].explanation
    ]
    if explained:
        store.values.write(explained, author=store.author)
