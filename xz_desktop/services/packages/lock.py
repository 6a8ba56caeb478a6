"""The district's decisions as the merge sees them: the state of a unit's period, the lock of an accepted one,
and the review-log lines a merge or an un-merge writes (in its own transaction, beside the merge guard).

The round's pages and commands (``services/round``) build on these; the merge needs nothing else of them.
"""

from __future__ import annotations

from ...domain.messages import QT_TRANSLATE_NOOP, Message
from ...domain.round import State, derive_state
from ...domain.timefmt import local_time
from ...store import Store
from ...store.review import Decision, Submission


def state_of(decision: Decision | None, submission: Submission | None) -> State:
    return derive_state(
        decision.state if decision else None,
        decision.decided_at if decision else None,
        submission is not None,
        submission.last_merged_at if submission else None,
    )


def unit_state(store: Store, unit: str, period: str) -> State:
    return state_of(store.review.decision(unit, period), store.review.submissions(period, unit).get(unit))


def locked_message(store: Store, decision: Decision) -> Message:
    catalog = store.catalog()
    name = catalog.unit(decision.unit).name if catalog.has_unit(decision.unit) else decision.unit
    return Message(
        "packages",
        QT_TRANSLATE_NOOP(
            "packages",
            "“{unit}”{period} 已于 {at} 由 {by} 验收并锁定；区里重新开放（xz review --reopen）之前不接受新的上报包",
        ),
        {
            "unit": name,
            "period": decision.period,
            "at": local_time(decision.decided_at, seconds=False),
            "by": decision.decided_by,
        },
    )


def lock_problem(store: Store, unit: str, periods: tuple[str, ...] | list[str]) -> Message | None:
    """Why a package (or an un-merge) of ``unit`` for ``periods`` may not change the district: an accepted period."""
    for period in periods:
        decision = store.review.decision(unit, period)
        if decision is not None and decision.state == State.ACCEPTED.value:
            return locked_message(store, decision)
    return None


def record_submission(
    store: Store, unit: str, periods: tuple[str, ...], package_id: str, nil_reason: str | None, stamp: str, by: str
) -> bool:
    """Inside a merge's transaction, before the package is stored: log the state change of each period.

    Returns whether the package is a resubmission after a return (of any of its periods).
    """
    resubmission = False
    for period in periods:
        before = unit_state(store, unit, period)
        if nil_reason is not None:
            store.review.add_nil_report(package_id, unit, period, nil_reason)
        if before is State.RETURNED:
            resubmission = True
            action = "resubmit"
        elif before is State.NOT_SUBMITTED:
            action = "nil" if nil_reason is not None else "submit"
        else:
            continue  # a further package of a submitted period: no change of state
        store.review.append_log(
            stamp,
            by,
            action,
            unit,
            period,
            before.value,
            State.SUBMITTED.value,
            nil_reason or "",
            package_id=package_id,
        )
    return resubmission


def record_withdrawal(
    store: Store, unit: str, periods: list[str], before: dict[str, State], package_id: str, stamp: str, by: str
) -> None:
    """After an un-merge (same transaction): log each period that has no package left."""
    for period in periods:
        after = unit_state(store, unit, period)
        if after != before.get(period):
            store.review.append_log(
                stamp, by, "withdraw", unit, period, before[period].value, after.value, package_id=package_id
            )


def is_locked(store: Store, unit: str, period: str) -> bool:
    decision = store.review.decision(unit, period)
    return decision is not None and decision.state == State.ACCEPTED.value
