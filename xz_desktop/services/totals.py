"""District totals of a database for a period."""

from __future__ import annotations

from ..domain.aggregation import Aggregator, Missing, collector_paused
from ..domain.catalog import Aggregation, Catalog
from ..domain.checks import unit_periods_with_errors
from ..domain.periods import Period, parse_period
from ..domain.totals import VERDICT_NO_TARGET, TotalRow, district_totals
from ..domain.trajectory import BASE_NONE, BASE_STORED
from ..domain.verdicts import label
from ..store import Store
from ..store.values import FigureSelection
from .kept_totals import kept_totals


def error_keys(store: Store, period: Period | str) -> set[tuple[str, str]]:
    """The (unit, period) pairs of ``period``'s year that hold a 逻辑性 error in this database.

    The same errors :func:`~.checking.findings_for` gives each unit-period, from the year's figures
    read in one query (the 合理性 checks, all warnings, are not run).
    """
    period = parse_period(period) if isinstance(period, str) else period
    return unit_periods_with_errors(store.catalog_for(period), store.values.columns(year_periods(period.year)))


def mark_errors(store: Store, rows: list[TotalRow], period: Period | str) -> list[TotalRow]:
    """Say on every row which of its reporting units' periods hold a 逻辑性 error."""
    period = parse_period(period) if isinstance(period, str) else period
    return marked(rows, error_keys(store, period), period)


def marked(rows: list[TotalRow], keys: set[tuple[str, str]], period: Period) -> list[TotalRow]:
    """:func:`mark_errors` with the year's :func:`error_keys` already found."""
    if not keys:
        return rows
    own = {str(period)} | ({f"{period.year}H1", f"{period.year}H2"} if period.is_year else set())
    # Each unit's errors, found once and in order: a row then looks up only the units it shares with them
    # instead of scanning every error (rows × errors, quadratic at province scale).
    by_unit: dict[str, list[Missing]] = {}
    for u, p in sorted(keys):  # tuples sort in C; the records' order is the same (unit, period)
        if p in own:
            by_unit.setdefault(u, []).append(Missing(u, p))
    for row in rows:
        shared = by_unit.keys() & set(row.units_reported)
        row.errors = [m for u in sorted(shared) for m in by_unit[u]]
    return rows


def aggregator_for(store: Store, *, carry_forward: bool = False) -> Aggregator:
    """Every figure of ``store``; ``carry_forward`` turns on 沿用上期 (off by default: the district's choice)."""
    return Aggregator(store.catalog(), store.values.figure_set(), carry_forward=carry_forward)


# -- the figures a report needs -----------------------------------------------------
# A large database holds years of history; a report of one period reads a few of them. Each
# aggregator below is the ordinary :class:`Aggregator` over only the figures its report reads
# (``tests/test_pivot.py`` and ``tests/test_totals_selected.py`` prove the figures equal those of
# the whole set), so time and memory follow the period asked for, not the number of stored figures.


def year_periods(year: int) -> frozenset[str]:
    """A year and its halves."""
    return frozenset({str(year), f"{year}H1", f"{year}H2"})


def depends_on(catalog: Catalog, code: str) -> frozenset[str]:
    """``code`` and every indicator it is computed from, however deep."""
    seen: set[str] = set()
    todo = [code]
    while todo:
        c = todo.pop()
        if c not in seen:
            seen.add(c)
            todo.extend(p.code for p in catalog.components(catalog.indicator(c)))
    return frozenset(seen)


def totals_selections(catalog: Catalog, period: Period) -> list[FigureSelection]:
    """What :func:`district_totals` of ``period`` reads: every indicator in the period (a year with its
    halves), the base year's figures of what growth rates start from, and the plan's earlier years of
    flows with a cumulative target (all of the plan of ``catalog``)."""
    base_year = catalog.plan.base_year
    own = year_periods(period.year)  # a stock's second half may be its year-end figure; H2 ends the year
    selections = [FigureSelection(own)]
    growth = frozenset().union(
        *(
            depends_on(catalog, i.growth_of)
            for i in catalog.indicators
            if i.aggregation is Aggregation.GROWTH and i.growth_of
        )
    )
    if growth:
        selections.append(FigureSelection(year_periods(base_year), growth))
    # Targets without a plan base (or whose base is no year's figure) are measured from the district's stored
    # figure of the base year.
    stored_base = frozenset().union(
        *(
            depends_on(catalog, i.code)
            for i in catalog.indicators
            if i.target is not None and (i.base is None or not i.base_is_year) and not i.is_cumulative
        )
    )
    if stored_base:
        selections.append(FigureSelection(year_periods(base_year), stored_base))
    cumulative = frozenset(i.code for i in catalog.indicators if i.is_cumulative)
    earlier = frozenset().union(*(year_periods(y) for y in range(base_year + 1, period.year)))
    if cumulative and earlier:
        selections.append(FigureSelection(earlier, cumulative))
    return selections


def judging_catalog(store: Store, period: Period | str, plan: str | None = None) -> Catalog:
    """The catalog that judges ``period``: the plan ``plan`` (a code) when one is asked for, else the plan whose
    years contain the period (:meth:`~..store.core.StoreCore.catalog_for`)."""
    return store.catalog(plan) if plan is not None else store.catalog_for(period)


def totals_aggregator(
    store: Store, period: Period, *, carry_forward: bool = False, plan: str | None = None
) -> Aggregator:
    """An aggregator holding only what the totals of ``period`` read (the same totals as :func:`aggregator_for`).

    With carry-forward (沿用上期) any earlier stock figure may stand in, so every figure is read.
    """
    catalog = judging_catalog(store, period, plan)
    if carry_forward:
        return Aggregator(catalog, store.values.figure_set(), carry_forward=True)
    return Aggregator(catalog, store.values.figure_set(*totals_selections(catalog, period)))


def year_aggregator(store: Store, year: int) -> Aggregator:
    """An aggregator holding one year's figures (and its halves): enough for :func:`unit_table` of that year."""
    return Aggregator(store.catalog_for(year), store.values.figure_set(FigureSelection(year_periods(year))))


def year_figures(
    store: Store, period: Period, *, carry_forward: bool = False, plan: str | None = None
) -> tuple[Aggregator, set[tuple[str, str]]]:
    """:func:`totals_aggregator` of ``period`` and the year's :func:`error_keys`, the year's figures read once.

    The year (with its halves) is what both need: its figures are read once, with the other selections
    the totals read, checked for 逻辑性 errors, and given to the figure set as they were read.
    """
    catalog = judging_catalog(store, period, plan)
    own = year_periods(period.year)
    with collector_paused():  # hundreds of thousands of figures read: see collector_paused
        if carry_forward:
            errors = unit_periods_with_errors(catalog, store.values.columns(own))
            return Aggregator(catalog, store.values.figure_set(), carry_forward=True), errors
        columns = store.values.columns(own, *totals_selections(catalog, period))
        errors = unit_periods_with_errors(catalog, {p: columns[p] for p in own if p in columns})
        return Aggregator(catalog, store.values.figure_set(columns=columns)), errors


def totals(store: Store, period: str, *, carry_forward: bool = False, plan: str | None = None) -> list[TotalRow]:
    """Every indicator's district value for ``period`` against the plan that judges it (or the plan ``plan``),
    with its units' errors.

    The totals kept for the database as it is (:func:`kept_totals`), else computed (:func:`computed_totals`).
    """
    parsed = parse_period(period)
    return kept_totals(store, parsed, carry_forward, plan) or computed_totals(
        store, parsed, carry_forward=carry_forward, plan=plan
    )


def computed_totals(
    store: Store, period: Period, *, carry_forward: bool = False, plan: str | None = None
) -> list[TotalRow]:
    """:func:`totals` computed from the figures: only those the period's totals read (:func:`totals_selections`)."""
    aggregator, errors = year_figures(store, period, carry_forward=carry_forward, plan=plan)
    return marked(district_totals(aggregator.catalog, aggregator, period), errors, period)


def _by_unit(catalog: Catalog, pairs: list[tuple[str, str]]) -> str:
    """“洪合镇（2024）、区文广旅体局（2022、2023）”: units in catalog order with their periods."""
    periods: dict[str, list[str]] = {}
    for unit, period in pairs:
        periods.setdefault(unit, []).append(period)

    def order(unit: str) -> tuple[int, str]:
        return (catalog.unit(unit).sort, unit) if catalog.has_unit(unit) else (10**6, unit)

    def name(unit: str) -> str:
        return catalog.unit(unit).name if catalog.has_unit(unit) else unit

    return "、".join(
        f"{name(u)}（{'、'.join(sorted(set(ps)))}）" for u, ps in sorted(periods.items(), key=lambda kv: order(kv[0]))
    )


def missing_text(catalog: Catalog, row: TotalRow) -> str:
    """Chinese: what keeps the row's figure from being complete (empty when complete)."""
    if row.complete:
        return ""
    return "不完整：缺 " + _by_unit(catalog, [(m.unit, m.period) for m in row.missing])


def carried_text(catalog: Catalog, row: TotalRow) -> str:
    """Chinese: which units' earlier figures stand in (沿用上期), empty when none."""
    if not row.carried:
        return ""
    return "估：" + "、".join(
        f"{catalog.unit(c.unit).name if catalog.has_unit(c.unit) else c.unit}{c.period}沿用{c.from_period}"
        for c in row.carried
    )


def verdict_text(row: TotalRow) -> str:
    """Chinese: the row's verdict in the one set of words (domain/verdicts.py); blank without a target."""
    return "" if row.verdict == VERDICT_NO_TARGET else str(label(row.verdict, row.estimated))


def errors_text(catalog: Catalog, row: TotalRow) -> str:
    """Chinese: which reporting units' periods behind the row hold a 逻辑性 error."""
    if not row.errors:
        return ""
    return "含未通过逻辑性审核的数值：" + _by_unit(catalog, [(m.unit, m.period) for m in row.errors])


def notes_text(catalog: Catalog, row: TotalRow) -> str:
    """Chinese: 不完整 / 估 / 错误 / 无基数 notes of a row, joined."""
    parts = [missing_text(catalog, row), carried_text(catalog, row), errors_text(catalog, row)]
    if row.target is not None and row.base_source == BASE_NONE:
        parts.append("无基数（完成率 = 实际 ÷ 目标）")
    elif row.base_source == BASE_STORED:
        parts.append(f"基数取本库{row.base_year}年全区值")
    return "；".join(p for p in parts if p)
