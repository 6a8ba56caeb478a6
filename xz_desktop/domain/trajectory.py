"""Where the district should stand each year on the way from the plan's base (e.g. 2020) to its target (2025).

One definition of completion, used everywhere (window, ``xz totals``, Excel):

    completion = (value − base) ÷ (target − base)

The base is the plan's base-year figure, else the district's own stored (complete) figure of the base
year, else 0 for a cumulative target (the count starts in the plan's first year). A base that is not a
year's figure (``base_span`` "plan": the preceding plan's total) is no base for a year. Where there is no base
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
from .periods import Period
from .plans import Plan

# Figures are compared after rounding noise: 3.2299999 meets a target of 3.23.
_TOLERANCE = 1e-9

BASE_PLAN: Final = "plan"  # the plan's base-year figure
BASE_STORED: Final = "stored"  # the district's stored base-year figure (the plan gives none)
BASE_ZERO: Final = "zero"  # a five-year cumulative starts at 0
BASE_NONE: Final = "none"  # no base at all: 无基数


@dataclass(frozen=True)
class Base:
    """The base a figure is measured from (display measure) and where it comes from."""

    value: float | None
    source: str  # one of BASE_PLAN, BASE_STORED, BASE_ZERO, BASE_NONE


def plan_base(ind: Indicator) -> Base:
    """The base the catalog alone gives: 0 for a cumulative, the plan's base-year figure, or none (also for a
    base that is the preceding plan's total, not a year's figure)."""
    if ind.is_cumulative:
        return Base(0.0, BASE_ZERO)
    if ind.aggregation is Aggregation.GROWTH or ind.trajectory is Trajectory.CONSTANT:
        return Base(None, BASE_NONE)  # a rate target: nothing to travel from
    if ind.base is not None and ind.base_is_year:
        return Base(ind.base, BASE_PLAN)
    return Base(None, BASE_NONE)


def resolve_base(ind: Indicator, stored_base: float | None) -> Base:
    """:func:`plan_base`, falling back to the district's stored figure of the base year (display measure)."""
    base = plan_base(ind)
    rate = ind.aggregation is Aggregation.GROWTH or ind.trajectory is Trajectory.CONSTANT
    if base.source == BASE_NONE and stored_base is not None and not rate:
        return Base(stored_base, BASE_STORED)
    return base


def start_value(ind: Indicator) -> float | None:
    """The trajectory's starting point from the catalog alone (display measure): 0 for a cumulative flow."""
    return plan_base(ind).value


def period_time(period: Period) -> float:
    """When a period's figure stands: a year (or its second half) at year-end, a first half at mid-year."""
    return period.year - 0.5 if period.half == 1 else float(period.year)


def is_bound(ind: Indicator, base: float | None) -> bool:
    """Whether the target is a bound already met at the base (held, not travelled to)."""
    target = ind.target
    if target is None or base is None or ind.is_about:  # an approximate target is travelled to, never held
        return False
    if ind.target_sense == "max":
        return target >= base
    return target <= base


_UNSET: Final = object()


def _base_of(ind: Indicator, base: object) -> float | None:
    if base is _UNSET:
        return start_value(ind)
    return base if base is None else float(base)  # type: ignore[arg-type]


def expected(ind: Indicator, year: float, base: object = _UNSET, *, plan: Plan) -> float | None:
    """The value ``plan`` requires of ``ind`` at ``year`` (display measure), or None if it sets none.

    ``base`` is the base in force (default: the catalog's, :func:`start_value`).
    """
    target = ind.target
    if target is None:
        return None
    if ind.trajectory is Trajectory.CONSTANT or ind.aggregation is Aggregation.GROWTH:
        return target
    start = _base_of(ind, base)
    if start is None:
        return target if year >= plan.target_year else None
    if is_bound(ind, start):
        return target
    span = plan.target_year - plan.base_year
    t = min(max(year - plan.base_year, 0), span) / span
    if ind.trajectory is Trajectory.COMPOUND and start > 0 and target > 0:
        return float(start * (target / start) ** t)
    return start + (target - start) * t


def completion(ind: Indicator, value: float | None, base: object = _UNSET) -> float | None:
    """How far ``value`` has come from the base to the target: 0 at the base, 1 at the target.

    Not clipped: above 1 means the target is exceeded, below 0 that the district fell back.
    """
    target = ind.target
    if value is None or target is None:
        return None
    start = _base_of(ind, base)
    if ind.aggregation is Aggregation.GROWTH or ind.trajectory is Trajectory.CONSTANT or start is None:
        return value / target if target else None
    if is_bound(ind, start):
        if meets(ind, value, target, start):
            return 1.0
        if ind.target_sense == "max":
            return target / value if value > 0 else 0.0
        return value / target if target > 0 else 0.0
    return (value - start) / (target - start)


# An approximate target (左右, ``target_sense`` "about") is met within this share of the change the plan wants by
# then, short of the point it wants (docs/plan.md, 约数目标): 增加50人左右 is met by 45.
ABOUT_TOLERANCE: Final = 0.10


def meets(ind: Indicator, value: float, goal: float, base: float | None = None) -> bool:
    """``value`` at or beyond ``goal`` in the target's sense, after rounding noise (the verdict's comparison:
    :func:`~.progress.on_track`). An approximate target (``about``) is met within :data:`ABOUT_TOLERANCE` of the
    change planned by then (``goal`` − ``base``; ``goal`` itself without a base) short of ``goal``, in the direction
    the plan travels; beyond it is met too (an about target is no cap)."""
    if ind.is_about and ind.target is not None:
        change = abs(goal - base) if base is not None else abs(goal)
        slack = ABOUT_TOLERANCE * change + _TOLERANCE * max(1.0, abs(goal))
        if base is not None and ind.target < base:  # a planned fall: at or below the point, within the slack
            return value <= goal + slack
        return value >= goal - slack
    if ind.target_sense == "max":
        return value <= goal + _TOLERANCE * max(1.0, abs(goal))
    return value >= goal - _TOLERANCE * max(1.0, abs(goal))
