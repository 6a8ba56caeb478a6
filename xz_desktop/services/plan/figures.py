"""A unit's own figure of an indicator for a year (entry measure), with the district's rules of completeness.

A stock needs its year-end figure (the year, or its second half); a flow the year or both halves
(both: ``domain.aggregation.unit_figure``, the rule the district totals use); a cumulative flow every
year of the plan, its first year … year; a ratio both its parts; a sum every part (``domain.aggregation.derived_figure``, the
rule of the form's derived rows).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.aggregation import FigureSet, derived_figure, unit_figure
from ...domain.catalog import Aggregation, Catalog, Indicator
from ...domain.periods import Period
from ...domain.targets import UnitFigure, plan_years_to


@dataclass
class UnitFigures:
    """Figures of one database's units, read as each unit's own (not the district's) figure."""

    catalog: Catalog
    figures: FigureSet

    def entered(self, unit: str, code: str, year: int) -> float | None:
        ind = self.catalog.indicator(code)
        return unit_figure(ind.aggregation, self.figures.series(code, unit), Period(year)).value

    def figure(self, unit: str, ind: Indicator, year: int) -> UnitFigure:
        """The unit's figure that progress is measured with (a cumulative flow: the plan's first year … year)."""
        if ind.is_cumulative:
            values = {y: self.entered(unit, ind.code, y) for y in plan_years_to(self.catalog.plan, year)}
            missing = tuple(str(y) for y, v in values.items() if v is None)
            present = [v for v in values.values() if v is not None]
            return UnitFigure(sum(present) if present else None, not missing, missing, None)
        value, missing = self.year_figure(unit, ind, year)
        base, _ = self.year_figure(unit, ind, self.catalog.plan.base_year)
        return UnitFigure(value, not missing, missing, base)

    def year_figure(self, unit: str, ind: Indicator, year: int) -> tuple[float | None, tuple[str, ...]]:
        """The unit's own value of ``ind`` in ``year`` and what is missing for it (indicator codes)."""
        if ind.aggregation in (Aggregation.RATIO, Aggregation.SUM):
            return derived_figure(ind, lambda code: self.entered(unit, code, year))
        if ind.aggregation is Aggregation.GROWTH:
            return None, (ind.code,)
        value = self.entered(unit, ind.code, year)
        return value, (() if value is not None else (ind.code,))

    def reporters(self, ind: Indicator) -> list[str]:
        """The active units whose own figure of ``ind`` exists: its reporters, or those of its parts."""
        if ind.aggregation is Aggregation.GROWTH:
            return []
        if ind.aggregation.is_derived:
            sets = [[u.code for u in self.catalog.reporters(c)] for c in self.catalog.components(ind)]
            common = set(sets[0]).intersection(*map(set, sets[1:])) if sets else set()
            return [u for u in sets[0] if u in common] if sets else []
        return [u.code for u in self.catalog.reporters(ind)]
