"""District figures arranged for reading: groups of the totals, units × indicators, one
indicator's contributions and its history from 2015 to the 2025 target.

Every figure here comes from the :class:`Aggregator` (the one source of district
figures) or from :func:`total_row`; nothing is re-aggregated, so the window, the Excel
workbook and ``xz totals --json`` always agree.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, cast

from ..domain.aggregation import Aggregator, Missing
from ..domain.catalog import Aggregation, Catalog, Indicator
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.periods import Period, parse_period
from ..domain.plans import Plan
from ..domain.totals import TotalRow, district_totals, total_row
from ..domain.trajectory import expected
from ..store import Store
from ..store.values import FigureSelection

# The aggregators of one report live with the totals (the CLI's totals must not import pandas); reports use them here.
from .kept_totals import kept_table, kept_totals, totals_text
from .reporting_period import initial_period
from .totals import (  # noqa: F401
    depends_on,
    error_keys,
    mark_errors,
    marked,
    totals_aggregator,
    totals_selections,
    year_aggregator,
    year_figures,
    year_periods,
)

if TYPE_CHECKING:  # numpy and pandas are imported when a table is made: the window starts without them
    import pandas as pd

# The totals in the order the plan presents them: 表2 first, then the other targets.
GROUPS: list[tuple[str, str]] = [
    ("table2", QT_TRANSLATE_NOOP("pivot", "“{plan}”人才发展主要指标（表2）")),
    ("targets", QT_TRANSLATE_NOOP("pivot", "规划正文中的其他目标")),
    ("table1", QT_TRANSLATE_NOOP("pivot", "“{previous}”规划指标（表1）")),
    ("components", QT_TRANSLATE_NOOP("pivot", "基础数据（计算比值所用的组成项）")),
]


def group_of(row: TotalRow | Indicator) -> str:
    """Which of :data:`GROUPS` an indicator belongs to."""
    if row.table2_seq is not None:
        return "table2"
    if row.target is not None:
        return "targets"
    if row.table1_seq is not None:
        return "table1"
    return "components"


def grouped(rows: list[TotalRow]) -> list[tuple[str, str, list[TotalRow]]]:
    """``(key, title, rows)`` per group, in :data:`GROUPS` order; the rows keep their order."""
    out = []
    for key, title in GROUPS:
        members = [r for r in rows if group_of(r) == key]
        if key == "table2":
            members.sort(key=lambda r: cast(int, r.table2_seq))  # every row of 表2 has its place
        if members:
            out.append((key, title, members))
    return out


def finite(value: float | None) -> float | None:
    """``value`` unless it is missing, NaN or infinite (which no spreadsheet may receive)."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


# -- the figures a report needs -----------------------------------------------------
# A large database holds years of history; a report of one period reads a few of them. Each
# aggregator below is the ordinary :class:`Aggregator` over only the figures its report reads
# (``tests/test_pivot.py`` proves the figures equal those of the whole set), so memory
# follows the catalog, not the number of stored figures.


def indicator_aggregator(
    store: Store, code: str, *, carry_forward: bool = False, plan: str | None = None
) -> Aggregator:
    """An aggregator holding one indicator's figures (and its components'), every period: enough for :func:`history`
    (under the plan ``plan``; None: the plan in force)."""
    catalog = store.catalog(plan)
    return Aggregator(
        catalog,
        store.values.figure_set(FigureSelection(indicators=depends_on(catalog, code))),
        carry_forward=carry_forward,
    )


def breakdown_aggregator(store: Store, code: str, year: int, *, carry_forward: bool = False) -> Aggregator:
    """An aggregator holding what :func:`breakdown` of ``code`` in ``year`` reads: that indicator and its
    components in the year and its halves (and 2020, where a growth rate starts); every period of them
    with 沿用上期, where any earlier stock figure may stand in.

    A year's report does not keep its whole aggregation (≈75 MB at province scale): the 汇总 page reads
    the one indicator it shows from this (a few thousand figures).
    """
    catalog = store.catalog_for(year)
    codes = depends_on(catalog, code)
    if carry_forward:
        return Aggregator(catalog, store.values.figure_set(FigureSelection(indicators=codes)), carry_forward=True)
    periods = year_periods(year) | year_periods(catalog.plan.base_year)
    return Aggregator(catalog, store.values.figure_set(FigureSelection(periods, codes)))


# -- units × indicators ------------------------------------------------------------


@dataclass
class UnitTable:
    """Each unit's figure of each entered indicator for one period, in the entry measure."""

    period: str
    frame: pd.DataFrame  # index: unit codes; columns: indicator codes; NaN = blank
    units: list[str]  # row order
    indicators: list[Indicator]  # column order
    unit_names: dict[str, str]
    applicable: AbstractSet[
        tuple[str, str]
    ]  # (unit, indicator) pairs the unit is expected to report (:class:`Applicable`)
    district: dict[str, float | None]  # the district figure of each column (entry measure)

    def value(self, unit: str, code: str) -> float | None:
        cell = float(self.frame.at[unit, code])
        return None if math.isnan(cell) else cell


def unit_table(catalog: Catalog, aggregator: Aggregator, period: Period | str) -> UnitTable:
    """The units × indicators table of ``period``: each unit's contribution to each column's district figure."""
    import numpy as np
    import pandas as pd

    period = parse_period(period) if isinstance(period, str) else period
    indicators = [i for i in catalog.indicators if i.is_entered]
    figures = [aggregator.value(ind.code, period) for ind in indicators]
    district = {ind.code: finite(dv.value) for ind, dv in zip(indicators, figures, strict=True)}
    units = [u.code for u in catalog.active_units()]
    listed = set(units)
    others = set().union(*(dv.shown_units() for dv in figures)) - listed  # retired units that reported
    units += sorted(others, key=lambda u: (catalog.unit(u).sort, u))
    # Filled straight into an array a column at a time (a blank stays NaN), from each column's figures by unit
    # without an object per unit: a long table pivoted by pandas cost ≈30 MB and a second at province scale. A unit
    # listed twice in a column keeps its first figure, as a pivot's "first" would (``shown_figures``).
    row_of = dict(zip(units, range(len(units))))
    matrix = np.full((len(units), len(indicators)), np.nan)
    for column, dv in enumerate(figures):
        shown = dv.shown_figures()
        if shown:
            rows = np.fromiter(map(row_of.__getitem__, shown), dtype=np.intp, count=len(shown))
            matrix[rows, column] = np.fromiter(shown.values(), dtype=float, count=len(shown))
    frame = pd.DataFrame(
        matrix, index=pd.Index(units, name="unit"), columns=pd.Index([i.code for i in indicators], name="indicator")
    )
    return UnitTable(
        str(period),
        frame,
        units,
        indicators,
        {u: catalog.unit(u).name for u in units},
        _applicable(catalog, units, indicators),
        district,
    )


class Applicable(AbstractSet[tuple[str, str]]):
    """The (unit, indicator) pairs of a table that the unit is expected to report, as a set of pairs, held as each
    indicator's units (one set shared by the indicators with the same reporters): not a pair object per unit and
    indicator (a province's year has hundreds of thousands)."""

    def __init__(self, units_of: Mapping[str, frozenset[str]]):
        self._units_of = units_of

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, tuple) or len(pair) != 2:
            return False
        units = self._units_of.get(pair[1])
        return units is not None and pair[0] in units

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return ((u, code) for code, units in self._units_of.items() for u in units)

    def __len__(self) -> int:
        return sum(map(len, self._units_of.values()))


def _applicable(catalog: Catalog, units: list[str], indicators: list[Indicator]) -> Applicable:
    """The (unit, indicator) pairs the unit is expected to report."""
    shared: dict[frozenset[str], frozenset[str]] = {}  # the indicator's reporters as the catalog names them → units
    units_of = {}
    for ind in indicators:
        key = frozenset(ind.reported_by)
        if key not in shared:
            shared[key] = frozenset(catalog.reporting(ind, units))
        units_of[ind.code] = shared[key]
    return Applicable(units_of)


# A year's table kept with its totals (``stored_totals.unit_table``, migration 008): the units in row order, each
# column's figures in that order (null for a blank) and each column's district figure; the rest is the catalog's.


def table_text(table: UnitTable) -> str:
    """The text the database keeps of ``table`` (compact JSON; a float's repr reads back as the same float)."""
    import numpy as np

    matrix = table.frame.to_numpy(dtype=float, na_value=math.nan)
    cells = matrix.astype(object)  # each cell a Python float (its repr reads back as the same float) …
    cells[np.isnan(matrix)] = None  # … and a blank None, the whole table at once
    columns = {ind.code: column for ind, column in zip(table.indicators, cells.T.tolist(), strict=True)}
    data = {"period": table.period, "units": table.units, "columns": columns, "district": table.district}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def table_from_text(catalog: Catalog, period: Period, text: str) -> UnitTable | None:
    """The table :func:`table_text` kept, or ``None`` unless it is exactly such a table of ``period`` for ``catalog``."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    indicators = [i for i in catalog.indicators if i.is_entered]
    codes = [i.code for i in indicators]
    if not isinstance(data, dict) or set(data) != {"period", "units", "columns", "district"}:
        return None
    units, columns, district = data["units"], data["columns"], data["district"]
    if data["period"] != str(period) or not isinstance(units, list) or not isinstance(columns, dict):
        return None
    if not all(type(u) is str and catalog.has_unit(u) for u in units) or len(set(units)) != len(units):
        return None
    if list(columns) != codes or not isinstance(district, dict) or list(district) != codes:
        return None
    if not all(_number(district[c]) for c in codes):
        return None
    # Each column a list of floats and nulls as table_text writes them (numpy would also take "12" or true).
    if not all(isinstance(columns[c], list) and len(columns[c]) == len(units) for c in codes):
        return None
    if not all(set(map(type, columns[c])) <= _CELL_TYPES for c in codes):
        return None
    import numpy as np
    import pandas as pd

    matrix = np.array([columns[c] for c in codes], dtype=float).reshape(len(codes), len(units))  # null → NaN
    frame = pd.DataFrame(matrix.T, index=pd.Index(units, name="unit"), columns=pd.Index(codes, name="indicator"))
    names = {u: catalog.unit(u).name for u in units}
    return UnitTable(str(period), frame, units, indicators, names, _applicable(catalog, units, indicators), district)


_CELL_TYPES = {float, type(None)}


def _number(value: object) -> bool:
    return type(value) in _CELL_TYPES


@dataclass
class YearReport:
    """A year's district figures as the 汇总 and 分单位数据 pages show them, from one aggregation."""

    year: int
    carry_forward: bool
    rows: list[TotalRow]  # the totals, with their units' errors
    table: UnitTable  # units × indicators of the year
    # The aggregation itself is not kept (one indicator's contributions: :func:`breakdown_aggregator`).
    # What the database is to keep (:func:`~.kept_totals.keep_totals`) when it was computed here; None when read kept.
    to_keep: KeptTexts | None = None


class KeptTexts(NamedTuple):
    """A computed year report as the database keeps it: :func:`~.kept_totals.totals_text` and :func:`table_text`."""

    rows: str
    table: str


def year_report(store: Store, year: int, *, carry_forward: bool = False) -> YearReport:
    """The year's totals and its units × indicators table, sharing one aggregation of only what they read.

    What the database keeps for it as it is (:func:`~.kept_totals.kept_totals` and the table kept with them) is read;
    otherwise the year's figures are read once for its 逻辑性 errors and its totals (:func:`year_figures`), the
    table comes from the same aggregation, and the report carries the texts to keep. The aggregation is dropped
    when the report is made.
    """
    catalog = store.catalog_for(year)
    period = Period(year)
    rows = kept_totals(store, period, carry_forward)
    if rows is not None:
        text = kept_table(store, period, carry_forward)
        table = table_from_text(catalog, period, text) if text is not None else None
        if table is not None:
            return YearReport(year, carry_forward, rows, table)
    aggregator, errors = year_figures(store, period, carry_forward=carry_forward)
    rows = marked(district_totals(catalog, aggregator, period), errors, period)
    table = unit_table(catalog, aggregator, period)
    return YearReport(year, carry_forward, rows, table, KeptTexts(totals_text(rows), table_text(table)))


def years_with_data(store: Store) -> list[int]:
    """Every year (a half-year counts for its year) that holds at least one figure."""
    return sorted({parse_period(p).year for p in store.values.periods()})


def default_year(store: Store) -> int:
    """The year a report opens on: the year of the window's one initial period (:mod:`.reporting_period`)."""
    return parse_period(initial_period(store)).year


# -- one indicator's contributions ---------------------------------------------------


@dataclass
class BreakdownColumn:
    key: str
    title: Message  # an indicator's name, or a translatable label
    measure: str
    decimals: int


def _name(text: str) -> Message:
    """Data (an indicator's name) in the shape of a message: it translates to itself."""
    return Message("pivot", "{name}", {"name": text})


@dataclass
class BreakdownRow:
    unit: str
    name: str
    values: dict[str, float | None]
    missing: bool = False  # expected to report and has not
    counted: bool = True  # False: already inside other units' figures, not added to the district
    carried_from: str | None = None  # 沿用上期: the period whose figure stands in (估)


@dataclass
class Breakdown:
    """Who contributed what to one district figure."""

    code: str
    period: str
    columns: list[BreakdownColumn]
    rows: list[BreakdownRow]
    total: dict[str, float | None]
    missing: list[str] = field(default_factory=list)  # unit names
    note: Message | None = None  # how the district figure is formed
    # A same-reporter ratio taken over fewer units than its parts' rows: the sums it used.
    used: dict[str, float | None] | None = None
    missing_periods: list[Missing] = field(default_factory=list)  # who lacks which period
    complete: bool = True
    estimated: bool = False


def _column(ind: Indicator, key: str | None = None) -> BreakdownColumn:
    return BreakdownColumn(
        key or ind.code, _name(ind.name), ind.entry_measure, ind.decimals if ind.display_factor == 1 else 0
    )


def breakdown(catalog: Catalog, aggregator: Aggregator, code: str, period: Period | str) -> Breakdown:
    """Each unit's contribution to ``code`` in ``period``; a ratio shows numerator and denominator."""
    period = parse_period(period) if isinstance(period, str) else period
    ind = catalog.indicator(code)
    dv = aggregator.value(code, period)
    parts = catalog.components(ind)
    if ind.aggregation is Aggregation.GROWTH:
        base = parts[0]
        inner = breakdown(catalog, aggregator, base.code, period)
        inner.code = code
        inner.note = Message(
            "pivot",
            QT_TRANSLATE_NOOP("pivot", "按“{base}”自{year}年基数起的年均增长计算，下列为各单位的该项数值"),
            {"base": base.name, "year": catalog.plan.base_year},
        )
        return inner
    if parts:
        columns = [_column(p) for p in parts] + [
            BreakdownColumn("value", _name(ind.name), ind.entry_measure, ind.decimals)
        ]
        per_part = [aggregator.value(p.code, period) for p in parts]
        by_unit = [{c.unit: c.value for c in pv.contributions} for pv in per_part]
        own = {c.unit: c.value for c in dv.contributions}
        uncounted = {c.unit for pv in per_part for c in pv.contributions if not c.counted}
        units = list(dict.fromkeys(u for d in by_unit for u in d))
        rows = [
            BreakdownRow(
                u,
                catalog.unit(u).name,
                {**{p.code: finite(d.get(u)) for p, d in zip(parts, by_unit)}, "value": finite(own.get(u))},
                counted=u not in uncounted,
            )
            for u in units
        ]
        total = {p.code: finite(pv.value) for p, pv in zip(parts, per_part)}
        total["value"] = finite(dv.value)
        used = None
        if ind.aggregation is Aggregation.RATIO and dv.contributions:
            note = Message(
                "pivot",
                QT_TRANSLATE_NOOP("pivot", "全区值 = Σ分子 ÷ Σ分母 × {scale}，只计分子、分母都已填报的单位"),
                {"scale": f"{ind.scale:g}"},
            )
            if (dv.numerator_used, dv.denominator_used) != (dv.numerator, dv.denominator):
                used = {
                    parts[0].code: finite(dv.numerator_used),
                    parts[1].code: finite(dv.denominator_used),
                    "value": finite(dv.value),
                }
        elif ind.aggregation is Aggregation.RATIO:
            note = Message(
                "pivot",
                QT_TRANSLATE_NOOP(
                    "pivot", "全区值 = 全区分子 ÷ 全区分母 × {scale}；分子、分母由不同单位填报，两者都完整才计算"
                ),
                {"scale": f"{ind.scale:g}"},
            )
        else:
            note = Message("pivot", QT_TRANSLATE_NOOP("pivot", "全区值 = 各组成项的全区值之和"))
    else:
        columns = [
            BreakdownColumn(
                "value", _name(ind.name), ind.entry_measure, 0 if ind.display_factor != 1 else ind.decimals
            ),
            BreakdownColumn("share", Message("pivot", QT_TRANSLATE_NOOP("pivot", "占全区")), "%", 1),
        ]
        district = finite(dv.value)
        used = None
        rows = []
        for c in dv.contributions:
            v = finite(c.value)
            share = v / district * 100 if v is not None and district and c.counted else None
            rows.append(
                BreakdownRow(
                    c.unit,
                    catalog.unit(c.unit).name,
                    {"value": v, "share": share},
                    counted=c.counted,
                    carried_from=c.carried_from,
                )
            )
        total = {"value": district, "share": 100.0 if district else None}
        note = (
            Message("pivot", QT_TRANSLATE_NOOP("pivot", "区级指标：只取主管单位填报的数值"))
            if ind.aggregation is Aggregation.DISTRICT
            else Message("pivot", QT_TRANSLATE_NOOP("pivot", "全区值 = 各单位之和"))
        )
    missing = set(dv.units_missing)
    for row in rows:
        row.missing = row.unit in missing
    return Breakdown(
        code,
        str(period),
        columns,
        rows,
        total,
        [catalog.unit(u).name for u in dv.units_missing],
        note,
        used,
        list(dv.missing),
        dv.complete,
        dv.estimated,
    )


# -- history for a chart -----------------------------------------------------------


@dataclass
class History:
    """An indicator from the first year a plan records (2015) through the years entered to the plan's target
    (2025) (display measure)."""

    code: str
    name: str
    measure: str
    decimals: int
    cumulative: bool
    actual: list[tuple[int, float]]  # the plans' figures (2015, 2020 …), then the district's complete figures
    trajectory: list[tuple[int, float]]  # what the plan requires each year, base year → target year
    target: float | None
    target_sense: str | None
    # Incomplete years are drawn apart (never joined to the line, so a gap cannot read as a fall).
    incomplete: list[tuple[int, float]] = field(default_factory=list)
    estimated: list[int] = field(default_factory=list)  # years of ``actual`` completed by 沿用上期 (估)
    gaps: list[int] = field(default_factory=list)  # years with figures too incomplete to give a value at all
    plan: Plan | None = None  # the plan whose trajectory and target are drawn

    @property
    def note(self) -> Message | None:
        """What the chart must say about its points, or None."""
        if self.gaps:
            years = "、".join(str(y) for y in self.gaps)
            return Message(
                "pivot",
                QT_TRANSLATE_NOOP("pivot", "{years}年数据不全，没有全区值（分子、分母须都完整），图中不画点"),
                {"years": years},
            )
        if self.incomplete and self.estimated:
            return Message(
                "pivot",
                QT_TRANSLATE_NOOP(
                    "pivot", "空心点为数据不全的年份（缺报单位未计入），不能与其他年份比较；“估”为沿用上期的估计值"
                ),
            )
        if self.incomplete:
            return Message(
                "pivot", QT_TRANSLATE_NOOP("pivot", "空心点为数据不全的年份（缺报单位未计入），不能与其他年份比较")
            )
        if self.estimated:
            return Message("pivot", QT_TRANSLATE_NOOP("pivot", "“估”为沿用上期的估计值"))
        return None


def history_end(last_year: int | None, plan: Plan) -> int:
    """The last year of a history asked for through ``last_year``: never before the plan's target year (so the
    history through any year up to it is one and the same)."""
    return max(last_year or plan.target_year, plan.target_year)


def recorded_figures(catalogs: Iterable[Catalog], code: str) -> dict[int, float]:
    """The figures the plans themselves record for ``code`` (display measure): each plan's history values and
    its base, where these are a year's figure (a base that is the preceding plan's total is no year's point).
    Where two plans record the same year, the plan whose base year it is says it, else the later plan."""
    found: dict[int, tuple[int, float]] = {}
    for catalog in catalogs:
        if not catalog.has_indicator(code):
            continue
        ind = catalog.indicator(code)
        if ind.is_cumulative:
            continue  # a cumulative flow's plan values are totals of years, not a year's figure
        plan = catalog.plan
        values = [(h.year, h.value, 0) for h in ind.history]
        if ind.base_is_year:
            values.append((plan.base_year, ind.base, 1))
        for year, value, own in values:
            if value is None:
                continue
            rank = own * 10_000 + plan.base_year
            if year not in found or rank >= found[year][0]:
                found[year] = (rank, value)
    return {year: value for year, (_, value) in sorted(found.items())}


def plan_figures(store: Store, code: str) -> dict[int, float]:
    """:func:`recorded_figures` of every plan the database holds."""
    return recorded_figures((store.catalog(p.code) for p in store.plans()), code)


def history(
    catalog: Catalog,
    aggregator: Aggregator,
    code: str,
    last_year: int | None = None,
    *,
    recorded: Mapping[int, float] | None = None,
) -> History:
    """The points of the indicator's progress chart under ``catalog``'s plan: the figures the plans record
    (``recorded``: every plan's, :func:`plan_figures`; default: this catalog's own), the district's figures of
    the other years from the first recorded one, and the plan's trajectory."""
    ind = catalog.indicator(code)
    plan = catalog.plan
    last_year = history_end(last_year, plan)
    if ind.is_cumulative:  # a running total of this plan's years: it starts at 0 in the base year
        recorded = {plan.base_year: 0.0}
    elif recorded is None:
        recorded = recorded_figures([catalog], code)
    actual: list[tuple[int, float]] = []
    incomplete: list[tuple[int, float]] = []
    estimated: list[int] = []
    gaps: list[int] = []
    first = min([*recorded, plan.base_year])
    for year in range(first, last_year + 1):
        if year in recorded:
            actual.append((year, recorded[year]))  # the plans' own figures stand for those years
            continue
        if ind.is_cumulative and year < plan.base_year:
            continue
        row = total_row(ind, aggregator, Period(year))
        if not row.complete and row.progress_value is None and row.units_reported:
            gaps.append(year)
        # A year without a figure of its own is not a point, even where a running total carries over.
        if row.value is not None and (value := finite(row.progress_value)) is not None:
            if not row.complete:
                incomplete.append((year, value))
                continue
            actual.append((year, value))
            if row.estimated:
                estimated.append(year)
    trajectory = [
        (y, e) for y in range(plan.base_year, plan.target_year + 1) if (e := expected(ind, y, plan=plan)) is not None
    ]
    return History(
        code,
        ind.name,
        ind.display_measure,
        ind.decimals,
        ind.is_cumulative,
        actual,
        trajectory,
        ind.target,
        ind.target_sense,
        incomplete,
        estimated,
        gaps,
        plan,
    )
