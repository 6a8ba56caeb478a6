"""Where the district should stand each year on the way from the 2020 base to the 2025 target.

One definition of completion, used everywhere (window, ``xz totals``, Excel):

    completion = (value − base) ÷ (target − base)

The base is the plan's 2020 figure, else the district's own stored (complete) 2020 figure,
else 0 for a five-year cumulative target (the count starts in 2021). Where there is no base
at all, completion is value ÷ target and the row says 无基数 (:class:`Base`). A growth rate
or a constant target is value ÷ target by nature.

A target on the far side of its base from its sense (an at-least target below the base,
an at-most cap above it) is a bound the district already meets at the base: it is held,
not travelled to. Its expected value is the bound itself every year, its completion is
1 when the bound holds and below 1 by how far it is broken, so that completion ≥ 100 %
and "on track" always agree.

Times are in years; a half-year is judged at mid-year (2023H1 → 2022.5 … 2023.0 is the
year-end): :func:`period_time`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .catalog import Aggregation, Indicator, Trajectory
from .periods import PLAN_BASE_YEAR, PLAN_TARGET_YEAR, Period

_SPAN = PLAN_TARGET_YEAR - PLAN_BASE_YEAR
# Figures are compared after rounding noise: 3.2299999 meets a target of 3.23.
_TOLERANCE = 1e-9

BASE_PLAN: Final = "plan"  # the plan's 2020 figure
BASE_STORED: Final = "stored"  # the district's stored 2020 figure (the plan gives none)
BASE_ZERO: Final = "zero"  # a five-year cumulative starts at 0
BASE_NONE: Final = "none"  # no base at all: 无基数


@dataclass(frozen=True)
class Base:
    """The base a figure is measured from (display measure) and where it comes from."""

    value: float | None
    source: str  # one of BASE_PLAN, BASE_STORED, BASE_ZERO, BASE_NONE


def plan_base(ind: Indicator) -> Base:
    """The base the catalog alone gives: 0 for a cumulative, the plan's 2020 figure, or none."""
    if ind.is_cumulative:
        return Base(0.0, BASE_ZERO)
    if ind.aggregation is Aggregation.GROWTH or ind.trajectory is Trajectory.CONSTANT:
        return Base(None, BASE_NONE)  # a rate target: nothing to travel from
    if ind.base_2020 is not None:
        return Base(ind.base_2020, BASE_PLAN)
    return Base(None, BASE_NONE)


def resolve_base(ind: Indicator, stored_2020: float | None) -> Base:
    """:func:`plan_base`, falling back to the district's stored 2020 figure (display measure)."""
    base = plan_base(ind)
    rate = ind.aggregation is Aggregation.GROWTH or ind.trajectory is Trajectory.CONSTANT
    if base.source == BASE_NONE and stored_2020 is not None and not rate:
        return Base(stored_2020, BASE_STORED)
    return base


def start_value(ind: Indicator) -> float | None:
    """The trajectory's starting point from the catalog alone (display measure): 0 for a cumulative flow."""
    return plan_base(ind).value


def period_time(period: Period) -> float:
    """When a period's figure stands: a year (or its second half) at year-end, a first half at mid-year."""
    return period.year - 0.5 if period.half == 1 else float(period.year)


def is_bound(ind: Indicator, base: float | None) -> bool:
    """Whether the target is a bound already met at the base (held, not travelled to)."""
    target = ind.target_2025
    if target is None or base is None:
        return False
    if ind.target_sense == "max":
        return target >= base
    return target <= base


_UNSET: Final = object()


def _base_of(ind: Indicator, base: object) -> float | None:
    if base is _UNSET:
        return start_value(ind)
    return base if base is None else float(base)  # type: ignore[arg-type]


def expected(ind: Indicator, year: float, base: object = _UNSET) -> float | None:
    """The value the plan requires at ``year`` (display measure), or None if it sets none.

    ``base`` is the base in force (default: the catalog's, :func:`start_value`).
    """
    target = ind.target_2025
    if target is None:
        return None
    if ind.trajectory is Trajectory.CONSTANT or ind.aggregation is Aggregation.GROWTH:
        return target
    start = _base_of(ind, base)
    if start is None:
        return target if year >= PLAN_TARGET_YEAR else None
    if is_bound(ind, start):
        return target
    t = min(max(year - PLAN_BASE_YEAR, 0), _SPAN) / _SPAN
    if ind.trajectory is Trajectory.COMPOUND and start > 0 and target > 0:
        return float(start * (target / start) ** t)
    return start + (target - start) * t


def completion(ind: Indicator, value: float | None, base: object = _UNSET) -> float | None:
    """How far ``value`` has come from the base to the target: 0 at the base, 1 at the target.

    Not clipped: above 1 means the target is exceeded, below 0 that the district fell back.
    """
    target = ind.target_2025
    if value is None or target is None:
        return None
    start = _base_of(ind, base)
    if ind.aggregation is Aggregation.GROWTH or ind.trajectory is Trajectory.CONSTANT or start is None:
        return value / target if target else None
    if is_bound(ind, start):
        if meets(ind, value, target):
            return 1.0
        if ind.target_sense == "max":
            return target / value if value > 0 else 0.0
        return value / target if target > 0 else 0.0
    return (value - start) / (target - start)


def meets(ind: Indicator, value: float, goal: float) -> bool:
    """``value`` at or beyond ``goal`` in the target's sense, after rounding noise (the verdict's comparison:
    :func:`~.progress.on_track`)."""
    if ind.target_sense == "max":
        return value <= goal + _TOLERANCE * max(1.0, abs(goal))
    return value >= goal - _TOLERANCE * max(1.0, abs(goal))
