"""Where each unit × period stands at the district (报送情况, `xz status`, the Excel and the report's 报送情况), and
what a form shows of the decision. :class:`RoundStatus` is the one record of a unit × period: its round state
(submitted is "not 未报送"), its packages and how many of its figures are filled in."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from ...domain.periods import Period
from ...domain.round import State, late_days, parse_due, today_local
from ...store import Store
from ..packages.lock import is_locked, lock_problem, record_submission, record_withdrawal, state_of, unit_state

__all__ = [
    "PeriodReview",
    "RoundStatus",
    "is_locked",
    "lock_problem",
    "period_review",
    "record_submission",
    "record_withdrawal",
    "round_status",
    "state_of",
    "unit_state",
]


@dataclass
class RoundStatus:
    """One unit's period as the 报送情况 page and ``xz status`` show it."""

    unit: str
    name: str
    kind: str
    state: str  # State value
    due: str | None
    submitted_at: str | None  # export time of the first package in force for the period
    last_submitted_at: str | None
    merged_at: str | None  # when the district merged the latest of them
    late_days: int | None  # None when on time or nothing is due yet
    reason: str | None  # a returned period's overall reason
    figure_reasons: dict[str, str] = field(default_factory=dict)
    decided_at: str | None = None
    decided_by: str | None = None
    nil_reason: str | None = None  # the latest package is a nil report with this 说明
    resubmitted: bool = False  # submitted again after a return
    packages: int = 0
    package_file: str | None = None
    author: str | None = None
    contact: str = ""
    phone: str = ""
    values: int = 0  # figures the district holds for the unit and period (blanks excluded)
    expected: int = 0  # indicators the unit is to report

    @property
    def missing(self) -> int:
        return max(self.expected - self.values, 0)

    @property
    def submitted(self) -> bool:
        return self.state != State.NOT_SUBMITTED.value

    @property
    def to_chase(self) -> bool:
        """On the 催报 list: not submitted, or returned and not resubmitted."""
        return self.state in (State.NOT_SUBMITTED.value, State.RETURNED.value)

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["submitted"] = self.submitted
        data["nil"] = self.nil_reason is not None
        data["missing"] = self.missing
        return data


def round_status(store: Store, period: Period | str, today: date | None = None) -> list[RoundStatus]:
    """One row per active unit, in the catalog's order.

    ``period`` is a :class:`Period`; the canonical text (``"2024"``) is still taken from services/plan, which
    issue 20 is rewriting (the report and the assessment pass ``str(year)``)."""
    key = str(period)  # as the store holds it
    today = today or today_local()
    due = store.review.due(key)
    due_day = parse_due(due.due) if due else None
    submissions = store.review.submissions(key)
    decisions = {d.unit: d for d in store.review.decisions(period=key)}
    filled, expected = _counts(store, key)
    out = []
    for unit in store.catalog().active_units():
        sub, dec = submissions.get(unit.code), decisions.get(unit.code)
        state = state_of(dec, sub)
        returned = dec is not None and dec.state == State.RETURNED.value
        still = state is State.RETURNED  # a resubmission's old reasons are history (the review log keeps them)
        out.append(
            RoundStatus(
                unit=unit.code,
                name=unit.name,
                kind=unit.kind.value,
                state=state.value,
                due=due.due if due else None,
                submitted_at=sub.first_exported_at if sub else None,
                last_submitted_at=sub.last_exported_at if sub else None,
                merged_at=sub.last_merged_at if sub else None,
                late_days=late_days(due_day, sub.first_exported_at if sub else None, today),
                reason=dec.reason if still and dec else None,
                figure_reasons=dict(dec.figure_reasons) if still and dec else {},
                decided_at=dec.decided_at if dec else None,
                decided_by=dec.decided_by if dec else None,
                nil_reason=sub.nil_reason if sub else None,
                resubmitted=returned and state is State.SUBMITTED,
                packages=sub.packages if sub else 0,
                package_file=sub.last_file if sub else None,
                author=sub.author if sub else None,
                contact=unit.contact,
                phone=unit.phone,
                values=filled.get(unit.code, 0),
                expected=expected.get(unit.code, 0),
            )
        )
    return out


def _counts(store: Store, period: str) -> tuple[dict[str, int], dict[str, int]]:
    """Per active unit: how many of the indicators it is to report hold a figure for ``period``, and how many
    it is to report."""
    catalog = store.catalog()
    present = store.values.reported(period)
    active = [u.code for u in catalog.active_units()]
    reported: dict[str, set[str]] = {u: set() for u in active}
    for ind in catalog.indicators:
        if ind.is_entered:
            for u in catalog.reporting(ind, active):
                reported[u].add(ind.code)
    filled = {u: len(present.get(u, set()) & codes) for u, codes in reported.items()}
    return filled, {u: len(codes) for u, codes in reported.items()}


@dataclass(frozen=True)
class PeriodReview:
    """The district's decision on one unit's period as a form shows it (in a unit's copy: from its last receipt)."""

    state: str  # returned or accepted
    reason: str
    figure_reasons: dict[str, str]
    decided_at: str
    decided_by: str
    due: str | None

    @property
    def locked(self) -> bool:
        return self.state == State.ACCEPTED.value

    def as_json(self) -> dict[str, object]:
        return {**asdict(self), "locked": self.locked}


def period_review(store: Store, unit: str, period: str) -> PeriodReview | None:
    """The decision on ``unit``'s ``period``, if the district has made one (and, at the district, it still stands)."""
    decision = store.review.decision(unit, period)
    due = store.review.due(period)
    if decision is None:
        return None
    if store.is_district and unit_state(store, unit, period) is State.SUBMITTED:
        return None  # returned, and resubmitted since: the reasons are history now
    return PeriodReview(
        decision.state,
        decision.reason,
        dict(decision.figure_reasons),
        decision.decided_at,
        decision.decided_by,
        due.due if due else None,
    )
