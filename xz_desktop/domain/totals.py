"""District totals for one period set against the plan: the figure leaders ask for."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .aggregation import Aggregator
from .catalog import Catalog, Indicator
from .periods import PLAN_BASE_YEAR, Period, parse_period
from .trajectory import progress


@dataclass
class TotalRow:
    code: str
    name: str
    category: str
    source: str
    table1_seq: int | None
    table2_seq: int | None
    measure: str
    decimals: int
    aggregation: str
    value: float | None  # the period's district value, display measure
    cumulative: float | None  # flows with a five-year target: 2021 … this period
    progress_value: float | None  # what is set against the target (cumulative or value)
    base_2015: float | None
    base_2020: float | None
    target_2025: float | None
    target_sense: str | None
    expected: float | None
    completion: float | None
    on_track: bool | None
    units_reported: list[str]
    units_missing: list[str]
    disputed: bool
    numerator: float | None = None
    denominator: float | None = None

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def display_order(ind: Indicator) -> tuple[int, int]:
    """表2 first in its order, then 表1, then the text's targets, then components."""
    if ind.table2_seq is not None:
        return (0, ind.table2_seq)
    if ind.table1_seq is not None:
        return (1, ind.table1_seq)
    return (2 if ind.target_2025 is not None else 3, 0)


def district_totals(catalog: Catalog, aggregator: Aggregator, period: Period | str) -> list[TotalRow]:
    period = parse_period(period) if isinstance(period, str) else period
    indicators = sorted(catalog.indicators, key=display_order)  # sort is stable: catalog order within a group
    return [total_row(ind, aggregator, period) for ind in indicators]


def total_row(ind: Indicator, aggregator: Aggregator, period: Period) -> TotalRow:
    dv = aggregator.value(ind.code, period)
    value = ind.to_display(dv.value)
    cumulative = None
    if ind.is_cumulative and period.year > PLAN_BASE_YEAR:
        years = aggregator.cumulative(ind.code, period.year - 1)
        cumulative = ind.to_display(_add(years, dv.value))
    progress_value = cumulative if ind.is_cumulative else value
    p = progress(ind, progress_value, period.year)
    return TotalRow(
        code=ind.code,
        name=ind.name,
        category=ind.category,
        source=ind.source,
        table1_seq=ind.table1_seq,
        table2_seq=ind.table2_seq,
        measure=ind.display_measure,
        decimals=ind.decimals,
        aggregation=ind.aggregation.value,
        value=value,
        cumulative=cumulative,
        progress_value=progress_value,
        base_2015=ind.base_2015,
        base_2020=ind.base_2020,
        target_2025=ind.target_2025,
        target_sense=ind.target_sense,
        expected=p.expected,
        completion=p.completion,
        on_track=p.on_track,
        units_reported=dv.units_reported,
        units_missing=dv.units_missing,
        disputed=dv.disputed,
        numerator=dv.numerator,
        denominator=dv.denominator,
    )


def _add(a: float | None, b: float | None) -> float | None:
    if a is None and b is None:
        return None
    return (a or 0.0) + (b or 0.0)
