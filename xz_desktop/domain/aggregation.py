"""Turning units' figures into district figures, by each indicator's aggregation.

All values here are in the indicator's entry measure; conversion to the display
measure happens when a figure is shown. ``None`` is a missing figure throughout and
is never treated as zero.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from .catalog import Aggregation, Catalog, Indicator
from .periods import PLAN_BASE_YEAR, Period, parse_period

Key = tuple[str, str, str]  # (unit, indicator, period)


@dataclass(frozen=True)
class Figure:
    """One stored figure: a unit's value of an indicator for a period."""

    unit: str
    indicator: str
    period: str
    value: float | None


class FigureSet:
    """Units' figures indexed for aggregation; ``disputed`` keys mark unresolved conflicts."""

    def __init__(self, figures: Iterable[Figure | tuple[str, str, str, float | None]], disputed: Iterable[Key] = ()):
        self._by_series: dict[tuple[str, str], dict[Period, float]] = defaultdict(dict)
        for fig in figures:
            unit, indicator, period, value = (
                (fig.unit, fig.indicator, fig.period, fig.value) if isinstance(fig, Figure) else fig
            )
            if value is not None:
                self._by_series[(indicator, unit)][parse_period(period)] = float(value)
        self.disputed: set[Key] = set(disputed)

    def series(self, indicator: str, unit: str) -> dict[Period, float]:
        return self._by_series.get((indicator, unit), {})

    def units_with(self, indicator: str) -> set[str]:
        return {u for (i, u), series in self._by_series.items() if i == indicator and series}

    def is_disputed(self, unit: str, indicator: str, period: Period) -> bool:
        if not self.disputed:
            return False
        if not period.is_year:
            return (unit, indicator, str(period)) in self.disputed
        return any(
            (unit, indicator, str(p)) in self.disputed for p in (period, Period(period.year, 1), Period(period.year, 2))
        )


@dataclass
class UnitContribution:
    unit: str
    value: float | None
    numerator: float | None = None
    denominator: float | None = None


@dataclass
class DistrictValue:
    """A district figure with where it came from."""

    indicator: str
    period: str
    value: float | None
    units_reported: list[str] = field(default_factory=list)
    units_missing: list[str] = field(default_factory=list)
    contributions: list[UnitContribution] = field(default_factory=list)
    disputed: bool = False
    numerator: float | None = None
    denominator: float | None = None


def unit_value(aggregation: Aggregation, series: dict[Period, float], period: Period) -> float | None:
    """One unit's figure of an entered indicator for ``period``.

    A half-year is taken as stored. For a year, a stock (and a district figure) is
    its year-end value, or the latest half reported; a flow is the whole-year value,
    or the sum of the halves reported.
    """
    if not series:
        return None
    if not period.is_year:
        return series.get(period)
    if period in series:
        return series[period]
    halves = [series[p] for p in (Period(period.year, 1), Period(period.year, 2)) if p in series]
    if not halves:
        return None
    return sum(halves) if aggregation is Aggregation.FLOW else halves[-1]


def _sum(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


class Aggregator:
    """District figures for any indicator and period, from a :class:`FigureSet`."""

    def __init__(self, catalog: Catalog, figures: FigureSet):
        self.catalog = catalog
        self.figures = figures
        self._cache: dict[tuple[str, str], DistrictValue] = {}

    def value(self, code: str, period: Period | str) -> DistrictValue:
        period = parse_period(period) if isinstance(period, str) else period
        key = (code, str(period))
        if key not in self._cache:
            self._cache[key] = self._compute(self.catalog.indicator(code), period)
        return self._cache[key]

    def cumulative(self, code: str, year: int) -> float | None:
        """A flow summed over the plan years up to ``year`` (2021…year)."""
        values = [self.value(code, Period(y)).value for y in range(PLAN_BASE_YEAR + 1, year + 1)]
        return _sum(values)

    # -- per kind ---------------------------------------------------------
    def _compute(self, ind: Indicator, period: Period) -> DistrictValue:
        if ind.aggregation is Aggregation.RATIO:
            return self._ratio(ind, period)
        if ind.aggregation is Aggregation.SUM:
            return self._sum_of_parts(ind, period)
        if ind.aggregation is Aggregation.GROWTH:
            return self._growth(ind, period)
        return self._entered(ind, period)

    def _unit_values(self, ind: Indicator, period: Period) -> dict[str, float | None]:
        """Each reporting unit's figure; retired units count for the periods they reported."""
        expected = [u.code for u in self.catalog.reporters(ind)]
        others = [
            u
            for u in sorted(self.figures.units_with(ind.code))
            if u not in expected and self.catalog.has_unit(u) and self.catalog.reports(u, ind)
        ]
        return {u: unit_value(ind.aggregation, self.figures.series(ind.code, u), period) for u in expected + others}

    def _entered(self, ind: Indicator, period: Period) -> DistrictValue:
        per_unit = self._unit_values(ind, period)
        if ind.aggregation is Aggregation.DISTRICT:
            # Reported once by its owner: a copy from anyone else must not be summed in.
            owner = ind.reported_by[0]
            per_unit = {owner: per_unit.get(owner)}
        reported = [u for u, v in per_unit.items() if v is not None]
        missing = [u for u, v in per_unit.items() if v is None and self.catalog.unit(u).active]
        return DistrictValue(
            ind.code,
            str(period),
            _sum(per_unit[u] for u in reported),
            reported,
            missing,
            [UnitContribution(u, v) for u, v in per_unit.items()],
            disputed=any(self.figures.is_disputed(u, ind.code, period) for u in reported),
        )

    def _paired(
        self, components: list[Indicator], period: Period
    ) -> tuple[list[dict[str, float | None]], list[str], list[str]] | None:
        """Per-unit values of components reported by the same units, or None if they differ."""
        reporter_sets = {frozenset(u.code for u in self.catalog.reporters(c)) for c in components}
        if len(reporter_sets) != 1 or any(c.aggregation.is_derived for c in components):
            return None
        values = [self._unit_values(c, period) for c in components]
        units = list(dict.fromkeys(u for v in values for u in v))  # a retired unit may have only some
        values = [{u: v.get(u) for u in units} for v in values]
        complete = [u for u in units if all(v.get(u) is not None for v in values)]
        missing = [u for u in units if u not in complete and self.catalog.unit(u).active]
        return values, complete, missing

    def _ratio(self, ind: Indicator, period: Period) -> DistrictValue:
        # Catalog.validate: a ratio names both.
        num_ind, den_ind = (
            self.catalog.indicator(cast(str, ind.numerator)),
            self.catalog.indicator(cast(str, ind.denominator)),
        )
        paired = self._paired([num_ind, den_ind], period)
        if paired is not None:
            (nums, dens), complete, missing = paired
            # Σnumerator / Σdenominator over the units that gave both: never a mean of ratios.
            num, den = _sum(nums[u] for u in complete), _sum(dens[u] for u in complete)
            contributions = [UnitContribution(u, _scaled(nums[u], dens[u], ind.scale), nums[u], dens[u]) for u in nums]
        else:
            n, d = self.value(num_ind.code, period), self.value(den_ind.code, period)
            num, den = n.value, d.value
            complete = sorted(set(n.units_reported) | set(d.units_reported))
            missing = sorted(set(n.units_missing) | set(d.units_missing))
            contributions = []
        disputed = any(self.value(c.code, period).disputed for c in (num_ind, den_ind))
        return DistrictValue(
            ind.code,
            str(period),
            _scaled(num, den, ind.scale),
            complete,
            missing,
            contributions,
            disputed,
            numerator=num,
            denominator=den,
        )

    def _sum_of_parts(self, ind: Indicator, period: Period) -> DistrictValue:
        parts = self.catalog.components(ind)
        paired = self._paired(parts, period)
        if paired is not None:
            values, complete, missing = paired
            total = _sum(sum(cast(float, v[u]) for v in values) for u in complete)  # complete: none is None
            contributions = [
                UnitContribution(u, sum(cast(float, v[u]) for v in values) if u in complete else None)
                for u in values[0]
            ]
        else:
            subs = [self.value(p.code, period) for p in parts]
            total = None if any(s.value is None for s in subs) else sum(cast(float, s.value) for s in subs)
            complete = sorted(set().union(*(s.units_reported for s in subs)))
            missing = sorted(set().union(*(s.units_missing for s in subs)))
            contributions = []
        disputed = any(self.value(p.code, period).disputed for p in parts)
        return DistrictValue(ind.code, str(period), total, complete, missing, contributions, disputed)

    def _growth(self, ind: Indicator, period: Period) -> DistrictValue:
        base_ind = self.catalog.indicator(cast(str, ind.growth_of))  # Catalog.validate: a growth names its base
        now = self.value(base_ind.code, period)
        years = period.year - PLAN_BASE_YEAR
        base = self.value(base_ind.code, Period(PLAN_BASE_YEAR)).value
        if base is None:
            base = base_ind.to_entry(base_ind.base_2020)
        rate = compound_growth(base, now.value, years)
        return DistrictValue(ind.code, str(period), rate, now.units_reported, now.units_missing, [], now.disputed)


def _scaled(num: float | None, den: float | None, scale: float) -> float | None:
    if num is None or den is None or den == 0:
        return None
    return num / den * scale


def compound_growth(base: float | None, now: float | None, years: int) -> float | None:
    """Average annual growth in percent from ``base`` to ``now`` over ``years`` years."""
    if base is None or now is None or years <= 0 or base <= 0 or now < 0:
        return None
    ratio: float = (now / base) ** (1 / years)  # both positive: a real root (typeshed says Any)
    return (ratio - 1) * 100
