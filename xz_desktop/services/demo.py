"""A demo district database (示例数据): every unit's plausible figures for 2020–2024.

The 2020 district figures equal the plan's (表1 and 表2); components the plan does not
print are derived from the plan's ratios (从业人员 from 每万名从业人员人才资源数, …).
Later years grow toward the 2025 targets at rates that leave some indicators on track
and some behind, so that a newcomer sees every state the program can show. Two units
have not reported 2024, so completeness has something to say. Every figure passes the
error checks; warnings carry a 说明.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import cast

from ..domain.catalog import Aggregation, Catalog, Indicator
from ..domain.checks import Severity, check_unit_period
from ..domain.targets import UnitTarget, district_target_entry
from ..store import Store, create_store, open_store
from ..store.values import ValueChange
from .packages.merge import merge_files
from .packages.submission import make_package
from .progress import SILENT, Progress
from .signing.enrolment import SUFFIX as ENROLMENT_SUFFIX
from .signing.enrolment import enrol, init_from_enrolment

YEARS = list(range(2020, 2025))
LATE_IN_2024 = ("honghe", "culture")  # have not reported the latest year yet

# 2020 figures (entry measure) of components the plan does not print, derived from its ratios,
# and the yearly growth the demo gives them.
COMPONENTS_2020: dict[str, tuple[float, float]] = {
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


def _district_series(ind: Indicator, rng: random.Random) -> dict[int, float]:
    """The district's figure of an entered indicator for each demo year (entry measure)."""
    years: dict[int, float] = {}
    if ind.is_cumulative:
        per_year = cast(float, ind.to_entry(ind.target)) / 5  # the demo's cumulative flows all have a target
        carried = 0.0
        for year in YEARS[1:]:
            carried += per_year * rng.uniform(0.8, 1.15)
            years[year] = round(carried - sum(years.values()))
        years[2020] = round(per_year * 0.9)
        return years
    base, growth = COMPONENTS_2020.get(ind.code, (None, DEFAULT_GROWTH))
    if base is None and ind.base is not None:
        base = ind.to_entry(ind.base)
    target = ind.to_entry(ind.target) if ind.target is not None else None
    if base is None:
        base = (target or 10) * rng.uniform(0.72, 0.85)
    pace = rng.uniform(0.8, 1.08)  # some indicators ahead of the trajectory, some behind
    for i, year in enumerate(YEARS):
        if target is not None and ind.code not in COMPONENTS_2020 and ind.aggregation is not Aggregation.FLOW:
            value = base + (target - base) * (i / 5) * pace
        else:
            value = base * (1 + growth * rng.uniform(0.85, 1.15)) ** i
        years[year] = value
    return years


def _apportion(total: float, weights: dict[str, float], decimals: int) -> dict[str, float]:
    """Split ``total`` by ``weights`` so the parts add up exactly (largest remainder)."""
    scale = 10**decimals
    units = round(total * scale)
    raw = {u: units * w / sum(weights.values()) for u, w in weights.items()}
    parts = {u: int(v) for u, v in raw.items()}
    for u in sorted(raw, key=lambda u: raw[u] - parts[u], reverse=True)[: units - sum(parts.values())]:
        parts[u] += 1
    return {u: p / scale for u, p in parts.items()}


def demo_figures(catalog: Catalog, seed: int = 2021) -> dict[tuple[str, str], dict[str, float]]:
    """``{(unit, period): {indicator: value}}`` for every reporting unit and demo year."""
    rng = random.Random(seed)
    figures: dict[tuple[str, str], dict[str, float]] = {}
    for ind in catalog.indicators:
        if not ind.is_entered:
            continue
        reporters = [u.code for u in catalog.reporters(ind)]
        weights = {u: WEIGHTS.get(u, 1.0) * rng.uniform(0.85, 1.15) for u in reporters}
        decimals = 1 if ind.entry_measure in ("%", "万元/人") else 0
        for year, total in _district_series(ind, rng).items():
            for unit, value in _apportion(total, weights, decimals).items():
                figures.setdefault((unit, str(year)), {})[ind.code] = value
    # A unit's total is the sum of its talent kinds, so 人才资源总量 ≥ each kind holds per unit.
    kinds = [
        "party_gov_talent",
        "business_mgmt_talent",
        "professional_tech_talent",
        "high_skilled",
        "rural_practical_talent",
        "social_work_talent",
    ]
    for values in figures.values():
        if all(k in values for k in kinds) and "talent_total" in values:
            values["talent_total"] = sum(values[k] for k in kinds)
    for unit in LATE_IN_2024:
        figures.pop((unit, "2024"), None)
    return figures


def create_demo(path: str | Path, seed: int = 2021, progress: Progress = SILENT) -> Path:
    """Create the demo district database at ``path`` (which must not exist yet).

    The figures travel as they would for real: the district enrols each unit (``xz enrol``), each
    unit's copy is set up from its enrolment file (``xz init --enrolment``), fills its figures,
    explains its warnings and exports one signed package per year, and the district merges them
    all, so the merge log, completeness, provenance and the keys have something to show.
    ``progress`` hears one step per unit and one for the merge (the window shows them while it waits).
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
    with open_store(db) as store, store.transaction():  # the unit's whole filling and export: one commit
        for period, values in sorted(periods.items()):
            store.values.write([ValueChange(unit, code, period, v) for code, v in values.items()], author=clerk)
            _explain_warnings(store, catalog, unit, period)
            out.append(make_package(store, [period], folder / f"{unit}_{period}.xzpkg", clerk).path)
    return out


def _explain_warnings(store: Store, catalog: Catalog, unit: str, period: str) -> None:
    """Give every 合理性 warning a 说明, as a careful clerk would before submitting."""
    entries = store.values.entries(unit, period)
    explained = [
        ValueChange(
            unit, f.indicator, period, entries[f.indicator].value, "示例说明：本年新认定/新引进集中，数据已核实。"
        )
        for f in check_unit_period(catalog, unit, period, entries, store.values.previous(unit, period))
        if f.severity is Severity.WARNING
    ]
    if explained:
        store.values.write(explained, author=store.author)
