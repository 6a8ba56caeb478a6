"""District totals of a database for a period."""

from __future__ import annotations

from ..domain.aggregation import Aggregator
from ..domain.totals import TotalRow, district_totals
from ..store import Store


def aggregator_for(store: Store) -> Aggregator:
    return Aggregator(store.catalog(), store.values.figure_set())


def totals(store: Store, period: str) -> list[TotalRow]:
    """Every indicator's district value for ``period`` against the plan."""
    return district_totals(store.catalog(), aggregator_for(store), period)
