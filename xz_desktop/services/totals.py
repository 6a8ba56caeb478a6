"""District totals of a database for a period."""

from __future__ import annotations

from ..domain.aggregation import Aggregator
from ..domain.totals import TotalRow, district_totals
from ..store import Store


def aggregator_for(store: Store, *, carry_forward: bool = False) -> Aggregator:
    """Every figure of ``store``; ``carry_forward`` turns on 沿用上期 (off by default: the district's choice)."""
    return Aggregator(store.catalog(), store.values.figure_set(), carry_forward=carry_forward)


def totals(store: Store, period: str, *, carry_forward: bool = False) -> list[TotalRow]:
    """Every indicator's district value for ``period`` against the plan."""
    return district_totals(store.catalog(), aggregator_for(store, carry_forward=carry_forward), period)
