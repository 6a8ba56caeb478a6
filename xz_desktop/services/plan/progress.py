"""Per-unit progress: each unit against its own targets (of the plan's target year), with milestones where the
district set them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...domain.numbers import format_figure
from ...domain.periods import parse_period
from ...domain.targets import UnitProgress, unit_progress
from ...store import Store
from ...store.values import FigureSelection
from .figures import UnitFigures


@dataclass(frozen=True)
class ProgressRow:
    """One unit × indicator: its own target and where it stands (entry measure)."""

    unit: str
    unit_name: str
    indicator: str
    indicator_name: str
    measure: str
    decimals: int
    progress: UnitProgress
    count: bool = False  # a count of people or places (人, 家 …): its target and due are whole numbers

    def shown(self, value: float | None) -> str:
        """A target, figure or due of this row as text: a count whole, any other with its decimals."""
        return format_figure(value, self.decimals, count=self.count)

    def as_json(self) -> dict[str, Any]:
        p = self.progress
        return {
            "unit": self.unit,
            "indicator": self.indicator,
            "year": p.year,
            "target": p.target,
            "value": p.value,
            "base": p.base,
            "expected": p.expected,
            "due": p.due,
            "completion": p.completion,
            "verdict": p.verdict,
            "complete": p.complete,
            "missing": list(p.missing),
        }


def unit_progress_rows(
    store: Store, period: str, unit: str | None = None, *, plan: str | None = None
) -> list[ProgressRow]:
    """Every unit target of the plan's target year (of ``unit`` only, if given) with the unit's progress in
    ``period``'s year, under the plan that judges the period (or the plan ``plan``)."""
    year = parse_period(period).year
    catalog = store.catalog(plan) if plan is not None else store.catalog_for(period)
    target_period = str(catalog.plan.target_year)
    targets = store.targets.list(unit=unit)
    if not targets:
        return []
    # Each unit is measured by its own figures: only the units with a target are read.
    figures = UnitFigures(catalog, store.values.figure_set(FigureSelection(units=frozenset(t.unit for t in targets))))
    milestones = {(t.unit, t.indicator): t.target for t in targets if t.period == str(year)}
    out = []
    for t in targets:
        if t.period != target_period or not catalog.has_indicator(t.indicator) or not catalog.has_unit(t.unit):
            continue
        ind = catalog.indicator(t.indicator)
        figure = figures.figure(t.unit, ind, year)
        p = unit_progress(ind, t, figure, year, milestones.get((t.unit, t.indicator)), plan=catalog.plan)
        out.append(
            ProgressRow(
                t.unit, catalog.unit(t.unit).name, ind.code, ind.name, ind.entry_measure, ind.decimals, p, ind.is_count
            )
        )
    order = {u.code: i for i, u in enumerate(catalog.units)}
    position = {i.code: n for n, i in enumerate(catalog.indicators)}
    out.sort(key=lambda r: (order.get(r.unit, 0), position.get(r.indicator, 0)))
    return out
