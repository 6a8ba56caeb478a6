"""Where a figure stands against the plan that judges it: the one progress record, decided here only.

Every surface (the 汇总 page, ``xz totals``, the Excel 表2 sheet and its chart, the annual report, the
units' progress in the form, the plan page and ``xz progress``) *renders* a :class:`Progress`; none
derives a verdict or a completion of its own. The words for a verdict are in :mod:`.verdicts`.

The rules, each in one function:

* :func:`judged_at`: whether a period can be set against the plan at all. Never a period after the plan's
  target year (no target of the plan reaches it). Within it, a year always; a first or
  second half only where the indicator's kind allows it: a stock (a count at a date) and a five-year
  cumulative flow (what has come in so far) yes, an annual flow no (half a year is not a year); a growth
  rate, a sum or a ratio by the figures it is made of; a ``district`` amount no (it is reported once a
  year by its owner: a yearly amount or a rate of yearly figures).
* :func:`on_track`: the verdict's comparison, the figure against where the plan wants it; an approximate
  target (``about``, 左右) is met within 10 % of the change planned by then (:func:`~.trajectory.meets`).
* :func:`due`: the point the verdict compares with. A unit's count (人, 家 … entered as whole numbers) on a
  linear path moves in whole steps, so what is due is the whole milestone the path has passed
  (应达 1.8 家 → 1 due; the 2nd is due when the path reaches 2); any other figure is due at the path's point.
  The unit progress page and the assessment both take it from here.
* :func:`progress`: the record. Only a complete figure of a judged period gets a verdict and a
  completion; an incomplete one keeps its value, says 数据不全 and who is missing, and gets neither.
* :func:`met_at_target`: the final evaluation's verdict (终期评估), a complete figure of the plan's
  target year (a cumulative target: the plan's first year … its target year) against the target itself:
  met or not met, in the target's sense; None on an incomplete or absent figure (never a verdict on
  partial data). :func:`final_verdict` names it for the words of :mod:`.verdicts`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from .catalog import Aggregation, Catalog, Indicator, Trajectory
from .periods import Period
from .plans import judges
from .trajectory import Base, completion, expected, meets, period_time

VERDICT_ON_TRACK: Final = "on_track"
VERDICT_BEHIND: Final = "behind"
VERDICT_INCOMPLETE: Final = "incomplete"
VERDICT_NO_TARGET: Final = "no_target"

JUDGED: Final = (VERDICT_ON_TRACK, VERDICT_BEHIND)

# The final evaluation's verdicts (终期评估): the target itself, in the plan's target year.
VERDICT_MET: Final = "met"
VERDICT_NOT_MET: Final = "not_met"


@dataclass(frozen=True)
class Progress:
    """A figure under the plan that judges it (display measure for the district, entry measure for a unit)."""

    value: float | None  # what is set against the target (a cumulative flow: the plan's first year … the period)
    complete: bool
    missing: tuple[object, ...]  # what keeps it from being complete: (unit, period) records or codes
    base: Base
    expected: float | None  # where the plan wants it by now (kept for an incomplete figure: the plan's point)
    completion: float | None  # None unless the verdict is on track or behind, or a target without one
    verdict: str
    estimated: bool = False  # completed by carrying a unit's earlier figure forward (估)
    due: float | None = None  # what the verdict compared with: ``expected``, or a count's whole milestone

    @property
    def on_track(self) -> bool | None:
        """True or False where a verdict is given, else None."""
        return self.verdict == VERDICT_ON_TRACK if self.verdict in JUDGED else None


def on_track(ind: Indicator, value: float, goal: float, base: float | None = None) -> bool:
    """THE verdict rule: ``value`` at or beyond ``goal`` in the target's sense (after rounding noise); an
    approximate target (``about``) within its tolerance of the change planned from ``base`` (see
    :func:`~.trajectory.meets`)."""
    return meets(ind, value, goal, base)


def met_at_target(
    ind: Indicator, value: float | None, target: float | None, *, complete: bool, base: float | None = None
) -> bool | None:
    """THE final verdict: a complete ``value`` of the target year at or beyond ``target`` in the target's sense
    (the same comparison as :func:`on_track`: an approximate target, 左右, within its tolerance of the change
    planned from ``base``); None when the figure is incomplete or absent, or there is no target."""
    if not complete or value is None or target is None:
        return None
    return on_track(ind, value, target, base)


def final_verdict(met: bool | None, *, has_target: bool = True) -> str:
    """The final evaluation's verdict name: met, not met, 数据不全 (no verdict), or no target."""
    if not has_target:
        return VERDICT_NO_TARGET
    if met is None:
        return VERDICT_INCOMPLETE
    return VERDICT_MET if met else VERDICT_NOT_MET


_EPS: Final = 1e-9


def whole_milestone(goal: float, start: float, target: float) -> float:
    """The last whole number the path from ``start`` toward ``target`` has passed by ``goal`` (1.8 → 1)."""
    if target >= start:
        return float(math.floor(goal + _EPS))
    return float(math.ceil(goal - _EPS))


def in_whole_steps(ind: Indicator) -> bool:
    """Whether ``ind``'s figure moves in whole steps along a linear path (a count: 人, 家 …)."""
    return ind.is_count and ind.trajectory is Trajectory.LINEAR


def due(ind: Indicator, goal: float | None, start: float | None, whole: bool) -> float | None:
    """The point the verdict compares with: ``goal``, or for a figure counted in ``whole`` steps the whole
    milestone passed (see the module's rules)."""
    if goal is None or not whole or start is None or ind.target is None:
        return goal
    return whole_milestone(goal, start, ind.target)


def judged_at(catalog: Catalog | None, ind: Indicator, period: Period) -> bool:
    """Whether ``ind``'s figure for ``period`` can be set against the plan (see the module's rules). Never a
    period after the plan's target year: no target of the plan reaches it (a later plan judges it, if any)."""
    if catalog is not None and not judges(catalog.plan, period.year):
        return False
    if period.is_year:
        return True
    return _mid_year(catalog, ind, set())


def _mid_year(catalog: Catalog | None, ind: Indicator, seen: set[str]) -> bool:
    if ind.code in seen:  # a catalog with a loop is refused when read; never judge one here
        return False
    seen = seen | {ind.code}
    kind = ind.aggregation
    if kind is Aggregation.STOCK:
        return True
    if kind is Aggregation.FLOW:
        return ind.is_cumulative
    if kind is Aggregation.DISTRICT or catalog is None:
        return False
    if kind is Aggregation.GROWTH:
        codes: Sequence[str] = [ind.growth_of or ""]
    elif kind is Aggregation.RATIO:
        codes = [ind.numerator or "", ind.denominator or ""]
    else:
        codes = list(ind.parts)
    if not codes or not all(catalog.has_indicator(c) for c in codes):
        return False
    return all(_mid_year(catalog, catalog.indicator(c), seen) for c in codes)


def progress(
    ind: Indicator,
    value: float | None,
    *,
    complete: bool,
    goal: float | None,
    base: Base,
    judged: bool = True,
    missing: Sequence[object] = (),
    estimated: bool = False,
    whole: bool = False,
) -> Progress:
    """The record of ``value`` against ``ind``'s target with the plan's point ``goal`` for the period.

    ``judged``: whether the period may be judged at all (:func:`judged_at`); not judged, the record has
    no expected point, no completion and no verdict. ``whole``: the figure moves in whole steps
    (:func:`in_whole_steps`), so the verdict compares with the whole milestone passed (:func:`due`).
    """
    if ind.target is None or not judged:
        return Progress(value, complete, tuple(missing), base, None, None, VERDICT_NO_TARGET, estimated)
    point = due(ind, goal, base.value, whole)
    if not complete:
        return Progress(value, complete, tuple(missing), base, goal, None, VERDICT_INCOMPLETE, estimated, point)
    if value is None or point is None:
        verdict = VERDICT_NO_TARGET
    else:
        verdict = VERDICT_ON_TRACK if on_track(ind, value, point, base.value) else VERDICT_BEHIND
    done = completion(ind, value, base.value)
    return Progress(value, complete, tuple(missing), base, goal, done, verdict, estimated, point)


def schedule(ind: Indicator, goal: float | None, base: float | None, done: float | None) -> float | None:
    """序时进度: the completion the plan's point ``goal`` stands for, given only beside a completion ``done``
    (a row without a completion, e.g. 数据不全, shows neither, and its bar is not drawn)."""
    if done is None or goal is None:
        return None
    return completion(ind, goal, base)


def district_progress(
    catalog: Catalog | None,
    ind: Indicator,
    period: Period,
    value: float | None,
    *,
    complete: bool,
    base: Base,
    missing: Sequence[object] = (),
    estimated: bool = False,
) -> Progress:
    """The district's figure ``value`` (display measure) for ``period`` against the plan's trajectory."""
    judged = judged_at(catalog, ind, period) and catalog is not None
    goal = expected(ind, period_time(period), base.value, plan=catalog.plan) if judged and catalog else None
    return progress(
        ind, value, complete=complete, goal=goal, base=base, judged=judged, missing=missing, estimated=estimated
    )
