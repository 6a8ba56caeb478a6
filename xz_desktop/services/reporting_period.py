"""The period every page of the window opens on, decided here once (issue 12: one period across tabs)."""

from __future__ import annotations

from datetime import date

from ..domain.periods import parse_period
from ..store import Store
from .form import default_period


def periods_with_data(store: Store) -> list[str]:
    """Periods with a stored figure or a merged package, in order (H1 < H2 < the year)."""
    found = set(store.values.periods())
    for package in store.packages.in_force():
        found.update(package.periods)
    return sorted({str(parse_period(p)) for p in found}, key=parse_period)


def initial_period(store: Store, today: date | None = None) -> str:
    """The latest period within the plans (up to the newest plan's target year) that has figures or packages;
    else the current reporting period (last year's annual form, :func:`.form.default_period`)."""
    plans = store.plans()
    within = [p for p in periods_with_data(store) if parse_period(p).year <= plans[-1].target_year]
    return within[-1] if within else default_period(plans, today)
