"""The final evaluation of a plan (规划终期评估): each target against the plan's target year, and the growth
over the plan's years that the next plan's 表1 prints.

A record per indicator with a target (:class:`Evaluation`) and per unit target (:class:`UnitEvaluation`),
both made from the progress records of the target year (``domain/totals``, ``domain/targets``): the value
at the target year (a cumulative target: the plan's first year … its target year), the base, and ``met``
from :func:`~.progress.met_at_target`: True or False on a complete figure, None (数据不全, with what is
missing) otherwise. No surface derives a verdict of its own: ``xz evaluate``, the 终期评估报告 and the
window's 终期评估 view render these records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from .aggregation import Missing
from .catalog import Aggregation, Indicator
from .plans import SPAN_PLAN
from .progress import final_verdict, met_at_target
from .targets import UnitProgress
from .totals import TotalRow

PERCENT: Final = "%"
POINTS: Final = "个百分点"  # the growth of a share or rate: its difference


@dataclass(frozen=True)
class YearFigure:
    """The district's figure of one of the plan's years as that year's totals give it (a cumulative target:
    the plan's first year … that year), and whether it is complete."""

    year: int
    value: float | None
    complete: bool


@dataclass(frozen=True)
class Evaluation:
    """One indicator's target against the plan's target year (display measure)."""

    code: str
    name: str
    category: str  # 一级指标 (人才投入, 人才素质 …): the next plan's 表1 groups by it
    measure: str
    decimals: int
    table1_seq: int | None
    table2_seq: int | None
    sense: str | None
    cumulative: bool  # the value is the plan's first year … target year
    rate: bool  # a growth rate over the plan's years (年均增长): the value is the rate, not a year's figure
    target: float | None
    value: float | None
    base: (
        float | None
    )  # the plan's base-year figure (the district's own where the plan gives none); None for a cumulative
    met: bool | None  # None: 数据不全 (or no figure), never a verdict on partial data
    complete: bool
    missing: tuple[Missing, ...]
    growth: float | None  # value against base: percent, or 个百分点 for a share (:func:`growth`)
    growth_unit: str  # "%" or "个百分点"
    years: tuple[
        YearFigure, ...
    ] = ()  # the base year (not for a cumulative) … the target year: the five years at a glance

    @property
    def verdict(self) -> str:
        """met / not_met / incomplete: the name :mod:`.verdicts` gives words."""
        return final_verdict(self.met, has_target=self.target is not None)

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "target": self.target,
            "value": self.value,
            "base": self.base,
            "met": self.met,
            "complete": self.complete,
            "missing": [{"unit": m.unit, "period": m.period} for m in self.missing],
            "name": self.name,
            "category": self.category,
            "measure": self.measure,
            "decimals": self.decimals,
            "table1_seq": self.table1_seq,
            "table2_seq": self.table2_seq,
            "sense": self.sense,
            "cumulative": self.cumulative,
            "rate": self.rate,
            "growth": self.growth,
            "growth_unit": self.growth_unit,
            "verdict": self.verdict,
            "years": [{"year": y.year, "value": y.value, "complete": y.complete} for y in self.years],
        }


def growth(measure: str, base: float | None, value: float | None, decimals: int) -> float | None:
    """表1's 增长率: (value − base) ÷ base in percent, of the figures as printed (``decimals``); a share or rate
    (measure %) grows by the difference of the two, in 个百分点. None without both figures or on a zero base."""
    if base is None or value is None:
        return None
    b, v = round(base, decimals), round(value, decimals)
    if measure == PERCENT:
        return round(v - b, decimals)
    if b == 0:
        return None
    return (v - b) / abs(b) * 100


def growth_unit(measure: str) -> str:
    return POINTS if measure == PERCENT else PERCENT


def year_figure(ind: Indicator, year: int, row: TotalRow) -> YearFigure:
    """``ind``'s figure of ``year`` from that year's totals row ``row``."""
    return YearFigure(year, row.progress_value, row.complete and row.progress_value is not None)


def evaluation(ind: Indicator, row: TotalRow, years: tuple[YearFigure, ...] = ()) -> Evaluation:
    """``ind``'s record at the target year from its district totals row ``row`` of that year (``years``: its
    figures of the plan's years, :func:`year_figure`)."""
    cumulative = ind.is_cumulative
    value = row.progress_value
    # A cumulative's base is 0 by nature, and a base that is the preceding plan's total is no year's figure:
    # neither has a growth to show.
    base = None if cumulative or row.base_span == SPAN_PLAN else row.base
    complete = row.complete and value is not None
    met = met_at_target(ind, value, row.target, complete=complete, base=row.base)
    return Evaluation(
        code=ind.code,
        name=ind.name,
        category=ind.category,
        measure=row.measure,
        decimals=row.decimals,
        table1_seq=ind.table1_seq,
        table2_seq=ind.table2_seq,
        sense=ind.target_sense,
        cumulative=cumulative,
        rate=ind.aggregation is Aggregation.GROWTH,
        target=row.target,
        value=value,
        base=base,
        met=met,
        complete=complete,
        missing=tuple(row.missing),
        growth=None if cumulative or not complete else growth(row.measure, base, value, row.decimals),
        growth_unit=growth_unit(row.measure),
        years=years,
    )


@dataclass(frozen=True)
class UnitEvaluation:
    """One unit's own target against its figure of the plan's target year (entry measure)."""

    unit: str
    unit_name: str
    code: str
    name: str
    measure: str
    decimals: int
    target: float  # as the verdict holds it: a count's whole milestone (:attr:`UnitProgress.target_due`)
    value: float | None
    base: float | None  # the unit's base-year figure (None for a cumulative)
    met: bool | None
    complete: bool
    missing: tuple[str, ...]  # periods or component indicators

    @property
    def verdict(self) -> str:
        return final_verdict(self.met)

    def as_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "code": self.code,
            "target": self.target,
            "value": self.value,
            "base": self.base,
            "met": self.met,
            "complete": self.complete,
            "missing": list(self.missing),
            "unit_name": self.unit_name,
            "name": self.name,
            "measure": self.measure,
            "verdict": self.verdict,
        }


def unit_evaluation(ind: Indicator, p: UnitProgress, names: Mapping[str, str]) -> UnitEvaluation:
    """A unit's record at the target year from its progress record ``p`` of that year."""
    complete = p.complete and p.value is not None
    target = p.target_due
    return UnitEvaluation(
        unit=p.unit,
        unit_name=names.get(p.unit, p.unit),
        code=ind.code,
        name=ind.name,
        measure=ind.entry_measure,
        decimals=0 if ind.is_count else ind.decimals,
        target=target,
        value=p.value,
        base=None if ind.is_cumulative else p.base,
        met=met_at_target(ind, p.value, target, complete=complete, base=p.start),
        complete=complete,
        missing=p.missing,
    )
