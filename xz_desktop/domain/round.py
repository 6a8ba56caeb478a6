"""The reporting round's rules: the state of a unit's period, timeliness, and the outlier screen.

Plain Python: the store reads the rows, these functions say what they mean. The method of
the screen is written down in docs/round.md (“离群筛查”) so an officer can redo it by hand.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from enum import Enum

from .messages import QT_TRANSLATE_NOOP, Message

LOCAL_TZ = timezone(timedelta(hours=8))
# Iglewicz & Hoaglin: a modified z-score above 3.5 in absolute value is a possible outlier.
Z_LIMIT = 3.5
Z_FACTOR = 0.6745  # makes the median absolute deviation comparable to a standard deviation
MEAN_AD_FACTOR = 1.253314  # the same for the mean absolute deviation, used when the MAD is 0
MIN_UNITS = 3  # below this a spread across units means nothing: no z-score
PER_CAPITA_BASE = "employed"  # 从业人员
PER_CAPITA_SCALE = 10_000.0  # per 10,000 employed
DEFAULT_JUMP = 0.5  # a jump from last year above 50 % when the indicator sets no threshold


class State(str, Enum):
    NOT_SUBMITTED = "not_submitted"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"


def state_label(state: State) -> Message:
    return Message(
        "round",
        {
            State.NOT_SUBMITTED: QT_TRANSLATE_NOOP("round", "未报送"),
            State.SUBMITTED: QT_TRANSLATE_NOOP("round", "已报送（待审核）"),
            State.RETURNED: QT_TRANSLATE_NOOP("round", "已退回"),
            State.ACCEPTED: QT_TRANSLATE_NOOP("round", "已验收（锁定）"),
        }[state],
    )


def derive_state(decision: str | None, decided_at: str | None, submitted: bool, last_merged_at: str | None) -> State:
    """The state of a unit × period from the district's decision (if any) and the packages in force.

    A return stays a return until a package for the period is merged after it (a resubmission).
    """
    if decision == State.ACCEPTED.value:
        return State.ACCEPTED
    if decision == State.RETURNED.value:
        if submitted and last_merged_at is not None and decided_at is not None and last_merged_at > decided_at:
            return State.SUBMITTED
        return State.RETURNED
    return State.SUBMITTED if submitted else State.NOT_SUBMITTED


def parse_due(text: str) -> date:
    """A due date typed as YYYY-MM-DD; ValueError otherwise."""
    if len(text) != 10:
        raise ValueError(text)
    return date.fromisoformat(text)


def local_date(stamp: str) -> date:
    """The district's calendar day of an ISO time (``2024-01-15T16:30:00.000Z`` is 2024-01-16 in 嘉兴)."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_TZ).date()


def today_local(now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(LOCAL_TZ).date()


def late_days(due: date | None, submitted_at: str | None, today: date) -> int | None:
    """Days late against ``due``: of the first submission, or (not submitted) so far; None when on time or nothing is due."""
    if due is None:
        return None
    day = local_date(submitted_at) if submitted_at else today
    late = (day - due).days
    return late if late > 0 else None


# -- the outlier screen -------------------------------------------------------------
def median(values: list[float]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def robust_z(values: Mapping[str, float]) -> dict[str, float | None]:
    """Modified z-score of each value: 0.6745 × (x − median) / MAD (MAD: median absolute deviation).

    When the MAD is 0 (half the units report the same figure), the mean absolute deviation
    × 1.253314 stands in; when that is 0 too every value is the median and no score is given.
    Fewer than three values: no score.
    """
    if len(values) < MIN_UNITS:
        return {k: None for k in values}
    m = median(list(values.values()))
    deviations = [abs(v - m) for v in values.values()]
    mad = median(deviations)
    out: dict[str, float | None] = {}
    for key, v in values.items():
        if mad > 0:
            out[key] = Z_FACTOR * (v - m) / mad
        else:
            mean_ad = sum(deviations) / len(deviations)
            out[key] = (v - m) / (MEAN_AD_FACTOR * mean_ad) if mean_ad > 0 else None
    return out


def jump(value: float | None, previous: float | None) -> float | None:
    """Relative change from last year (0.5 is +50 %); None without both figures or from a zero."""
    if value is None or previous is None or previous == 0:
        return None
    return (value - previous) / abs(previous)


@dataclass(frozen=True)
class ScreenFinding:
    """One figure of one unit against the other units and against its own last year."""

    unit: str
    indicator: str
    value: float
    per_capita: float | None  # per 10,000 employed, when the unit reports 从业人员
    z: float | None  # robust z-score of per_capita across units
    previous: float | None
    jump: float | None
    outlier: bool  # |z| > 3.5
    jumped: bool  # |jump| above the indicator's threshold

    @property
    def flagged(self) -> bool:
        return self.outlier or self.jumped


def screen(
    figures: Mapping[tuple[str, str], float | None],
    previous: Mapping[tuple[str, str], float | None],
    thresholds: Mapping[str, float | None],
) -> list[ScreenFinding]:
    """Screen one period's figures, keyed (unit, indicator), against the units and last year.

    ``thresholds``: indicator -> its year-on-year threshold (None: :data:`DEFAULT_JUMP`); only
    indicators listed are screened.
    """
    per_capita: dict[str, dict[str, float]] = {}
    for (unit, indicator), value in figures.items():
        if indicator not in thresholds or indicator == PER_CAPITA_BASE or value is None:
            continue
        base = figures.get((unit, PER_CAPITA_BASE))
        if base:
            per_capita.setdefault(indicator, {})[unit] = value / base * PER_CAPITA_SCALE
    scores = {indicator: robust_z(by_unit) for indicator, by_unit in per_capita.items()}
    out = []
    for (unit, indicator), value in sorted(figures.items()):
        if indicator not in thresholds or value is None:
            continue
        pc = per_capita.get(indicator, {}).get(unit)
        z = scores.get(indicator, {}).get(unit)
        before = previous.get((unit, indicator))
        change = jump(value, before)
        limit = thresholds[indicator]
        limit = DEFAULT_JUMP if limit is None else limit
        out.append(
            ScreenFinding(
                unit,
                indicator,
                value,
                pc,
                z,
                before,
                change,
                z is not None and math.isfinite(z) and abs(z) > Z_LIMIT,
                change is not None and abs(change) > limit,
            )
        )
    return out
