"""目标分解: a district target split over units, and each unit's progress against its own target.

Plain rules, no storage. Targets and weights are in the indicator's *entry* measure (人, not 万人).

* A summable indicator (stock, flow, a sum of parts) is split in proportion to weights and rounded
  by the largest remainder (舍位平衡), so the shares add up *exactly* to the district target.
* A floor share F (保底份额) splits F of the target equally and the rest by the weights, so a unit whose
  basis is 0 (no 院士专家工作站 in 2020) still gets a target: wᵢ' = F ÷ n + (1 − F) × wᵢ ÷ Σw.
* The district may fix some units' shares by hand (手工调整); the rest of the target is split over the
  other units by the same rule, so the shares still add up exactly.
* A ratio indicator is not split: each unit gets a ratio of its own (its 2020 ratio scaled by the
  district's target over the district's base, or the district target itself where it has no base).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from .catalog import Aggregation, Indicator
from .messages import QT_TRANSLATE_NOOP, Message, XzError
from .plans import Plan, judges
from .progress import (
    VERDICT_BEHIND,
    VERDICT_INCOMPLETE,
    VERDICT_NO_TARGET,
    VERDICT_ON_TRACK,
    in_whole_steps,
    progress,
    whole_milestone,
)
from .trajectory import expected, plan_base

# Verdicts: the district totals' (domain/progress.py), no verdict on an incomplete figure.
ON_TRACK = VERDICT_ON_TRACK
BEHIND = VERDICT_BEHIND
INCOMPLETE = VERDICT_INCOMPLETE
NO_TARGET = VERDICT_NO_TARGET


@dataclass(frozen=True)
class UnitTarget:
    """A unit's own target of one indicator (entry measure); period: the plan's target year (e.g. 2025), or an
    earlier milestone year."""

    unit: str
    indicator: str
    target: float
    period: str
    method: str = "manual"


@dataclass(frozen=True)
class Share:
    unit: str
    weight: float
    target: float


def is_splittable(ind: Indicator) -> bool:
    """Whether shares of ``ind`` add up to the district's figure (ratios and growth rates do not)."""
    return ind.aggregation in (Aggregation.STOCK, Aggregation.FLOW, Aggregation.SUM)


def largest_remainder(total: int, weights: Mapping[str, float | Fraction]) -> dict[str, int]:
    """Split the whole number ``total`` in proportion to ``weights``; the parts add up to ``total`` exactly.

    Each unit first gets the whole part of its exact quota; the units left over go one each to the
    largest remainders (ties: the larger weight, then the order given). Exact arithmetic throughout.
    """
    if not weights:
        raise XzError(Message("targets", QT_TRANSLATE_NOOP("targets", "没有可分解的单位")))
    if any(not math.isfinite(float(w)) or w < 0 for w in weights.values()):
        raise XzError(Message("targets", QT_TRANSLATE_NOOP("targets", "分解依据不能为负数")))
    exact = {u: Fraction(w) for u, w in weights.items()}
    whole = sum(exact.values(), Fraction(0))
    if whole == 0:
        raise XzError(Message("targets", QT_TRANSLATE_NOOP("targets", "各单位的分解依据合计为 0，无法按比例分解")))
    quotas = {u: Fraction(total) * w / whole for u, w in exact.items()}
    parts = {u: math.floor(q) for u, q in quotas.items()}
    left = total - sum(parts.values())
    order = list(weights)
    ranked = sorted(order, key=lambda u: (-(quotas[u] - parts[u]), -exact[u], order.index(u)))
    for u in ranked[:left]:
        parts[u] += 1
    return parts


def floored_weights(weights: Mapping[str, float], floor: float) -> dict[str, Fraction]:
    """wᵢ' = F ÷ n + (1 − F) × wᵢ ÷ Σw: a share F of the target split equally, the rest by the weights.

    Exact fractions (F as written: 0.2 is 1/5). With F = 0 the weights are kept as they are.
    """
    exact = {u: Fraction(w) for u, w in weights.items()}
    if floor == 0:
        return exact
    f = Fraction(str(floor))
    whole = sum(exact.values(), Fraction(0))
    n = len(exact)
    if whole == 0:  # nothing to go by: the floor share is the whole target, split equally
        return {u: Fraction(1, n) for u in exact}
    return {u: f / n + (1 - f) * w / whole for u, w in exact.items()}


def split_target(
    ind: Indicator,
    weights: Mapping[str, float],
    *,
    resolution: float = 1.0,
    floor: float = 0.0,
    fixed: Mapping[str, float] | None = None,
) -> list[Share]:
    """Shares of ``ind``'s target in proportion to ``weights`` (entry measure), in steps of ``resolution``.

    ``floor``: the share of the target split equally (保底份额, 0 ≤ F < 1); ``fixed``: shares the district set by
    hand, which stand as they are, the rest of the target being split over the other units.
    """
    if not is_splittable(ind):
        raise XzError(
            Message("targets", QT_TRANSLATE_NOOP("targets", "“{name}”是比率或增速，不能按份额分解"), {"name": ind.name})
        )
    total = district_target_entry(ind)
    if total is None:
        raise XzError(
            Message("targets", QT_TRANSLATE_NOOP("targets", "“{name}”没有规划目标，无法分解"), {"name": ind.name})
        )
    if not 0 <= floor < 1:
        raise XzError(Message("targets", QT_TRANSLATE_NOOP("targets", "保底份额应在 0 到 1 之间（如 0.2 即 20%）")))
    steps = round(total / resolution)
    fixed = dict(fixed or {})
    fixed_steps: dict[str, int] = {}
    for unit, value in fixed.items():
        n = round(value / resolution)
        if value < 0 or not math.isfinite(value) or abs(n * resolution - value) > 1e-9 * max(1.0, abs(value)):
            raise XzError(
                Message(
                    "targets",
                    QT_TRANSLATE_NOOP("targets", "手工份额 {value} 应为不小于 0、以 {step} 为单位的数"),
                    {"value": _fmt(value), "step": _fmt(resolution)},
                )
            )
        fixed_steps[unit] = n
    rest = steps - sum(fixed_steps.values())
    others = {u: w for u, w in weights.items() if u not in fixed_steps}
    if rest < 0 or (not others and rest != 0):
        raise XzError(
            Message(
                "targets",
                QT_TRANSLATE_NOOP("targets", "手工份额合计 {sum}，与全区目标 {target} 不符，其余单位无法分得"),
                {"sum": _fmt(sum(fixed_steps.values()) * resolution), "target": _fmt(total)},
            )
        )
    parts = largest_remainder(rest, floored_weights(others, floor)) if others else {}
    parts.update(fixed_steps)
    return [Share(u, weights[u], _clean(parts[u] * resolution)) for u in weights]


def ratio_targets(ind: Indicator, unit_bases: Mapping[str, float | None], district_base: float | None) -> list[Share]:
    """Each unit's own ratio target: its 2020 ratio × (district target ÷ district base), else the district target."""
    target = ind.target
    if target is None:
        raise XzError(
            Message("targets", QT_TRANSLATE_NOOP("targets", "“{name}”没有规划目标，无法分解"), {"name": ind.name})
        )
    factor = target / district_base if district_base else None
    out = []
    for unit, base in unit_bases.items():
        own = target if base is None or factor is None else base * factor
        out.append(Share(unit, base if base is not None else 0.0, round(own, max(ind.decimals, 2))))
    return out


def district_target_entry(ind: Indicator) -> float | None:
    """The district's target (at the plan's target year) in the entry measure (14.71 万人 → 147100 人)."""
    if ind.target is None:
        return None
    return _clean(ind.target / ind.display_factor)


def _clean(x: float) -> float:
    """Drop binary noise: 147099.99999999997 → 147100.0."""
    return float(round(x, 9))


# -- the check: do shares still add up? -------------------------------------------------------


@dataclass(frozen=True)
class ShareProblem:
    indicator: str
    message: Message


def check_shares(
    ind: Indicator, targets: Sequence[UnitTarget], reporters: Sequence[str], active: Sequence[str], plan: Plan
) -> list[ShareProblem]:
    """What no longer adds up in ``plan``'s target-year shares of ``ind``: the sum, a unit without a share, a
    retired unit's share."""
    mine = [t for t in targets if t.indicator == ind.code and t.period == str(plan.target_year)]
    if not mine or not is_splittable(ind):
        return []
    problems: list[ShareProblem] = []
    have = {t.unit for t in mine}
    for unit in reporters:
        if unit not in have:
            problems.append(
                ShareProblem(
                    ind.code, Message("targets", QT_TRANSLATE_NOOP("targets", "{unit} 没有分到目标"), {"unit": unit})
                )
            )
    for t in mine:
        if t.unit not in active:
            problems.append(
                ShareProblem(
                    ind.code,
                    Message("targets", QT_TRANSLATE_NOOP("targets", "{unit} 已停用，仍有目标份额"), {"unit": t.unit}),
                )
            )
    district = district_target_entry(ind)
    in_force = _clean(sum(t.target for t in mine if t.unit in active))
    if district is not None and abs(in_force - district) > 1e-6 * max(1.0, abs(district)):
        problems.append(
            ShareProblem(
                ind.code,
                Message(
                    "targets",
                    QT_TRANSLATE_NOOP("targets", "在用单位的目标合计 {sum}，与全区目标 {target} 不符"),
                    {"sum": _fmt(in_force), "target": _fmt(district)},
                ),
            )
        )
    return problems


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4f}".rstrip("0").rstrip(".")


# -- a unit's progress against its own target --------------------------------------------------


@dataclass(frozen=True)
class UnitFigure:
    """A unit's figure for the progress of one indicator (entry measure), and whether it is complete."""

    value: float | None
    complete: bool
    missing: tuple[str, ...] = ()  # what is missing: periods or component indicators
    base: float | None = None  # the unit's figure of the plan's base year, the start of its trajectory


@dataclass(frozen=True)
class UnitProgress:
    unit: str
    indicator: str
    year: int
    target: float  # entry measure
    value: float | None
    base: float | None
    expected: float | None
    completion: float | None
    verdict: str
    missing: tuple[str, ...] = ()
    due: float | None = None  # what the verdict compared with: a count's whole milestone, else ``expected``
    start: float | None = None  # where the trajectory starts: the unit's base-year figure, 0 for a cumulative flow
    whole: bool = False  # a count on a linear path: judged by whole milestones (domain/progress.py)

    @property
    def complete(self) -> bool:
        return self.verdict != INCOMPLETE

    @property
    def target_due(self) -> float:
        """The target as the verdict will hold it in the target year: a count judged in whole steps must
        reach the whole milestone the target lies on (13,777.14 人 → 13,777), as :attr:`due` does each year."""
        if not self.whole or self.start is None:
            return self.target
        return whole_milestone(self.target, self.start, self.target)


def unit_progress(
    ind: Indicator, target: UnitTarget, figure: UnitFigure, year: int, milestone: float | None = None, *, plan: Plan
) -> UnitProgress:
    """Completion and verdict of a unit against its own target: the one progress record (domain/progress.py).

    The trajectory runs from the unit's figure of ``plan``'s base year (0 for a cumulative flow) to its own target;
    a milestone for ``year``, where the district set one, replaces the trajectory's point.
    An incomplete figure gets no verdict and no completion. A count is judged against the whole milestone
    due (domain/progress.py :func:`~.progress.due`), as the assessment scores it.
    """
    own = replace(ind, base=figure.base, target=target.target, display_factor=1.0, base_span="year")
    goal = milestone if milestone is not None else expected(own, year, plan=plan)
    start = plan_base(own)  # the unit's base-year figure, 0 for a cumulative flow
    # A unit with no figure at all has nothing to judge: 数据不全, as a partial one.
    p = progress(
        own,
        figure.value,
        complete=figure.complete and figure.value is not None,
        goal=goal,
        base=start,
        judged=judges(plan, year),
        missing=figure.missing,
        whole=in_whole_steps(ind),
    )
    return UnitProgress(
        target.unit,
        ind.code,
        year,
        target.target,
        figure.value,
        figure.base,
        p.expected,
        p.completion,
        p.verdict,
        figure.missing,
        p.due,
        start.value,
        in_whole_steps(ind),
    )


def plan_years_to(plan: Plan, year: int) -> list[int]:
    """``plan``'s first year … ``year``: the years a cumulative flow adds up."""
    return list(range(plan.first_year, year + 1))
