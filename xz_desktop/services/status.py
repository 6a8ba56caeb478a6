"""报送情况: per period, which units have submitted a package, when, and which have not (the round's record)."""

from __future__ import annotations

from ..domain.periods import Period, parse_period
from ..store import Store
from .round.states import RoundStatus, round_status


def submission_status(store: Store, period: Period | str) -> list[RoundStatus]:
    """One row per active unit, in the catalog's order: the one record of a unit × period
    (:class:`~.round.states.RoundStatus`: its state, packages and how many figures it filled in). Text only from
    services/plan/assess.py (see :func:`~.round.states.round_status`)."""
    return round_status(store, period)


def status_periods(store: Store) -> list[str]:
    """Periods worth showing: those with figures or packages, and every year of every plan."""
    found = set(store.values.periods())
    for p in store.packages.in_force():
        found.update(p.periods)
    found.update(str(y) for plan in store.plans() for y in plan.years)
    return sorted(found, key=parse_period)
