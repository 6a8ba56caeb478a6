"""Where the district should stand each year on the way from the 2020 base to the 2025 target."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Aggregation, Indicator, Trajectory
from .periods import PLAN_BASE_YEAR, PLAN_TARGET_YEAR

_SPAN = PLAN_TARGET_YEAR - PLAN_BASE_YEAR
# Figures are compared after rounding noise: 3.2299999 meets a target of 3.23.
_TOLERANCE = 1e-9


def start_value(ind: Indicator) -> float | None:
    """The trajectory's starting point (display measure): 0 for a cumulative flow."""
    return 0.0 if ind.is_cumulative else ind.base_2020


def expected(ind: Indicator, year: int) -> float | None:
    """The value the plan requires in ``year`` (display measure), or None if it sets none."""
    target = ind.target_2025
    if target is None:
        return None
    if ind.trajectory is Trajectory.CONSTANT or ind.aggregation is Aggregation.GROWTH:
        return target
    base = start_value(ind)
    if base is None:
        return target if year >= PLAN_TARGET_YEAR else None
    t = min(max(year - PLAN_BASE_YEAR, 0), _SPAN) / _SPAN
    if ind.trajectory is Trajectory.COMPOUND and base > 0 and target > 0:
        growth: float = (target / base) ** t  # both positive: a real power (typeshed says Any)
        return base * growth
    return base + (target - base) * t


def completion(ind: Indicator, value: float | None) -> float | None:
    """How far ``value`` has come from the base to the target: 0 at the base, 1 at the target.

    Not clipped: above 1 means the target is exceeded, below 0 that the district fell back.
    """
    target = ind.target_2025
    if value is None or target is None:
        return None
    base = start_value(ind)
    if ind.aggregation is Aggregation.GROWTH or ind.trajectory is Trajectory.CONSTANT or base is None:
        return value / target if target else None
    if target == base:
        return 1.0 if _meets(ind, value, target) else 0.0
    return (value - base) / (target - base)


def on_track(ind: Indicator, value: float | None, year: int) -> bool | None:
    """Whether ``value`` is at or beyond the trajectory for ``year``; None if unknown."""
    goal = expected(ind, year)
    if value is None or goal is None:
        return None
    return _meets(ind, value, goal)


def _meets(ind: Indicator, value: float, goal: float) -> bool:
    if ind.target_sense == "max":
        return value <= goal + _TOLERANCE * max(1.0, abs(goal))
    return value >= goal - _TOLERANCE * max(1.0, abs(goal))


@dataclass(frozen=True)
class Progress:
    expected: float | None
    completion: float | None
    on_track: bool | None


def progress(ind: Indicator, value: float | None, year: int) -> Progress:
    return Progress(expected(ind, year), completion(ind, value), on_track(ind, value, year))
