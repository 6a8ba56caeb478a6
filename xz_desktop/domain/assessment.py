"""考核: a unit's yearly score from its progress against its own targets, by a scheme kept as data.

The scheme (``resources/plan/assessment.json``, read by :func:`parse_scheme`) says which indicators
count for the geographic units and for each department, with weights, and how a score follows from
progress. The method, worked by hand, is in docs/plan.md:

* 进度比 r = (figure − start) ÷ (expected − start): 1 means exactly on the year's trajectory point
  of the unit's own target (start = the unit's 2020 figure, 0 for a cumulative flow);
* a count (人, 个) moves in whole steps, so its expected point is the whole number the trajectory has
  passed (应达 1.8 个 → 1 due; the 2nd is due when the path reaches 2), decided once in domain/progress.py
  (:func:`~.progress.due`) and carried by the unit's progress record, so the unit progress page and the
  score agree: each whole milestone met earns its share, not all or nothing. When no new one is due yet,
  r = 1 + (figure − start) ÷ (target − start);
* an item's points = weight × min(cap, max(floor, r)); an incomplete figure scores ``missing`` × weight
  (不报不得分) and says so;
* score = full_score × Σ points ÷ Σ weights of the items the unit has a target for,
  plus bonus items (at most ``bonus_cap`` in all) minus deductions (at most ``deduction_cap``);
* rank: within each kind of unit, by the score shown (2 decimals), equal scores sharing a rank;
  a unit with no complete item (未报 or 数据不全) and a unit without targets are listed apart, unranked.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .messages import QT_TRANSLATE_NOOP, Message, XzError
from .targets import BEHIND, INCOMPLETE, UnitProgress

SCORE_DECIMALS = 2

# Why a unit has no score (and so no rank): JSON's ``unscored``.
NOT_REPORTED = "not_reported"  # 未报: no figure at all for any item it is scored on
DATA_INCOMPLETE = "incomplete"  # 数据不全: figures, but no item complete
NO_TARGETS = "no_target"  # 未下达目标
UNSCORED_TEXT = {NOT_REPORTED: "未报", DATA_INCOMPLETE: "数据不全", NO_TARGETS: "未下达目标"}


@dataclass(frozen=True)
class SchemeItem:
    indicator: str
    weight: float


@dataclass(frozen=True)
class Scheme:
    full_score: float
    floor: float
    cap: float
    missing: float
    bonus_cap: float
    deduction_cap: float
    geographic: tuple[SchemeItem, ...]
    units: Mapping[str, tuple[SchemeItem, ...]] = field(default_factory=dict)

    def items_for(self, unit: str, kind: str, targeted: Sequence[str]) -> list[SchemeItem]:
        """The items a unit is scored on: its own list, the geographic list, else each targeted indicator equally."""
        if unit in self.units:
            return list(self.units[unit])
        if kind == "geographic":
            return list(self.geographic)
        return [SchemeItem(code, 1.0) for code in targeted]


@dataclass(frozen=True)
class Adjustment:
    """A bonus (points > 0) or deduction (points < 0) entered by the district, with its reason."""

    unit: str
    period: str
    points: float
    reason: str
    id: int = 0


@dataclass(frozen=True)
class ScoreItem:
    indicator: str
    weight: float
    ratio: float | None  # 进度比, None when it cannot be computed
    points: float | None  # None: the unit has no target for it (not counted)
    status: str  # on_track | behind | incomplete | no_target
    target: float | None = None
    value: float | None = None
    expected: float | None = None
    due: float | None = None  # the expected point the ratio used: a count's whole milestone, else ``expected``


@dataclass(frozen=True)
class UnitScore:
    unit: str
    kind: str
    score: float | None  # None: see ``unscored`` (未下达目标, 未报, 数据不全), so no score and no rank
    items: tuple[ScoreItem, ...]
    bonus: float
    deduction: float
    adjustments: tuple[Adjustment, ...]
    complete: bool  # every counted item had a complete figure
    rank: int | None = None
    unscored: str | None = None  # NOT_REPORTED, DATA_INCOMPLETE or NO_TARGETS when score is None


_EPS = 1e-9


def schedule_ratio(p: UnitProgress, start: float | None) -> float | None:
    """(figure − start) ÷ (due − start); ``due`` is the progress record's (a count's whole milestone).

    When nothing is due beyond the start: a count gets 1 + (figure − start) ÷ (target − start) (kept its start,
    plus credit for any step already taken toward the target); any other figure 1 if met, else 0.
    """
    due = p.due if p.due is not None else p.expected
    if p.value is None or due is None or start is None:
        return None
    span = due - start
    if abs(span) <= _EPS:
        if p.whole and abs(p.target - start) > _EPS:
            return 1.0 + (p.value - start) / (p.target - start)
        if p.whole:
            return 1.0 if p.value >= start - _EPS else 0.0
        return 1.0 if p.verdict != BEHIND else 0.0
    return (p.value - start) / span


def score_unit(
    scheme: Scheme,
    unit: str,
    kind: str,
    progress: Mapping[str, UnitProgress],
    starts: Mapping[str, float | None],
    adjustments: Sequence[Adjustment] = (),
    reported: bool = True,
) -> UnitScore:
    """One unit's score. ``progress``: its progress per indicator it has a target for (a count's record carries
    its whole milestone as ``due``); ``starts``: the trajectory starts; ``reported``: whether the unit reported anything for the year (未报 when not and nothing is complete)."""
    items: list[ScoreItem] = []
    counted_weight = 0.0
    points_sum = 0.0
    complete = True
    any_complete = any_figure = False
    for item in scheme.items_for(unit, kind, list(progress)):
        p = progress.get(item.indicator)
        if p is None:
            items.append(ScoreItem(item.indicator, item.weight, None, None, "no_target"))
            continue
        counted_weight += item.weight
        any_figure = any_figure or p.value is not None
        if p.verdict == INCOMPLETE:
            complete = False
            pts = scheme.missing * item.weight
            items.append(ScoreItem(item.indicator, item.weight, None, pts, INCOMPLETE, p.target, p.value, p.expected))
            points_sum += pts
            continue
        start = starts.get(item.indicator)
        ratio = schedule_ratio(p, start)
        if ratio is None or start is None or p.expected is None:
            items.append(ScoreItem(item.indicator, item.weight, None, None, "no_target", p.target, p.value, p.expected))
            counted_weight -= item.weight
            continue
        any_complete = True
        due = p.due if p.due is not None else p.expected
        # The record's verdict, judged against the same due point as the ratio: the words and the points agree.
        status = p.verdict
        pts = item.weight * min(scheme.cap, max(scheme.floor, ratio))
        points_sum += pts
        items.append(ScoreItem(item.indicator, item.weight, ratio, pts, status, p.target, p.value, p.expected, due))
    mine = [a for a in adjustments if a.unit == unit]
    bonus = min(scheme.bonus_cap, sum(a.points for a in mine if a.points > 0))
    deduction = min(scheme.deduction_cap, -sum(a.points for a in mine if a.points < 0))
    unscored = None
    if counted_weight <= 0:
        unscored = NO_TARGETS
    elif not any_complete:  # nothing to score on: listed apart, never ranked last with 0
        unscored = DATA_INCOMPLETE if any_figure and reported else NOT_REPORTED
    if unscored is not None:
        return UnitScore(unit, kind, None, tuple(items), bonus, deduction, tuple(mine), complete, None, unscored)
    base = scheme.full_score * points_sum / counted_weight
    return UnitScore(unit, kind, base + bonus - deduction, tuple(items), bonus, deduction, tuple(mine), complete)


def rank_scores(scores: Sequence[UnitScore]) -> list[UnitScore]:
    """Rank within each kind by the score as shown; equal shown scores share a rank (1, 2, 2, 4).

    A unit without a score (no targets, 未报, 数据不全) is listed after its kind, unranked.
    """
    out: list[UnitScore] = []
    for kind in dict.fromkeys(s.kind for s in scores):
        scored = [(round(s.score, SCORE_DECIMALS), s) for s in scores if s.kind == kind and s.score is not None]
        scored.sort(key=lambda pair: -pair[0])
        previous: float | None = None
        rank = 0
        for position, (shown, s) in enumerate(scored, start=1):
            if shown != previous:
                rank, previous = position, shown
            out.append(_with_rank(s, rank))
        out += [s for s in scores if s.kind == kind and s.score is None]
    return out


def _with_rank(s: UnitScore, rank: int) -> UnitScore:
    return replace(s, rank=rank)


# -- the scheme as data ------------------------------------------------------------------------


def _refuse(where: str, what: str) -> XzError:
    return XzError(
        Message(
            "assessment", QT_TRANSLATE_NOOP("assessment", "考核方案 {file} 有误：{what}"), {"file": where, "what": what}
        )
    )


def _number(data: Mapping[str, Any], key: str, where: str, *, low: float = 0.0, high: float = 1e6) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _refuse(where, f"“{key}”应为数字")
    if not low <= float(value) <= high:
        raise _refuse(where, f"“{key}”应在 {low:g} 到 {high:g} 之间")
    return float(value)


def _items(raw: Any, where: str, known: set[str]) -> tuple[SchemeItem, ...]:
    if not isinstance(raw, list) or not raw:
        raise _refuse(where, "指标清单应为非空列表")
    out = []
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("indicator"), str):
            raise _refuse(where, "每一项应有 indicator 与 weight")
        if entry["indicator"] not in known:
            raise _refuse(where, f"目录中没有指标“{entry['indicator']}”")
        out.append(SchemeItem(entry["indicator"], _number(entry, "weight", where, low=1e-9)))
    return tuple(out)


def parse_scheme(data: Any, where: str, indicators: set[str], units: set[str]) -> Scheme:
    """Validate the scheme's JSON: numbers in range, indicators and units that exist."""
    if not isinstance(data, dict):
        raise _refuse(where, "应为 JSON 对象")
    completion = data.get("completion")
    if not isinstance(completion, dict):
        raise _refuse(where, "缺少 completion")
    floor = _number(completion, "floor", where, high=10)
    cap = _number(completion, "cap", where, high=10)
    if cap < floor:
        raise _refuse(where, "cap 不能小于 floor")
    per_unit = data.get("units", {})
    if not isinstance(per_unit, dict):
        raise _refuse(where, "units 应为对象")
    for code in per_unit:
        if code not in units:
            raise _refuse(where, f"没有填报单位“{code}”")
    return Scheme(
        full_score=_number(data, "full_score", where, low=1e-9),
        floor=floor,
        cap=cap,
        missing=_number(data, "missing", where, high=1),
        bonus_cap=_number(data, "bonus_cap", where),
        deduction_cap=_number(data, "deduction_cap", where),
        geographic=_items(data.get("geographic"), where, indicators),
        units={code: _items(raw, where, indicators) for code, raw in per_unit.items()},
    )
