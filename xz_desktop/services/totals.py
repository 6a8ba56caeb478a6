"""District totals of a database for a period."""

from __future__ import annotations

from ..domain.aggregation import Aggregator, Missing
from ..domain.catalog import Catalog
from ..domain.checks import Severity
from ..domain.periods import Period, parse_period
from ..domain.totals import VERDICT_BEHIND, VERDICT_INCOMPLETE, VERDICT_ON_TRACK, TotalRow, district_totals
from ..domain.trajectory import BASE_NONE, BASE_STORED
from ..store import Store
from .checking import findings_for


def error_keys(store: Store, period: Period | str) -> set[tuple[str, str]]:
    """The (unit, period) pairs of ``period``'s year that hold a 逻辑性 error in this database."""
    period = parse_period(period) if isinstance(period, str) else period
    wanted = {str(period.year), f"{period.year}H1", f"{period.year}H2"}
    keys = set()
    for unit, p in store.values.units_and_periods():
        if p in wanted and any(f.severity is Severity.ERROR for f in findings_for(store, unit, p)):
            keys.add((unit, p))
    return keys


def mark_errors(store: Store, rows: list[TotalRow], period: Period | str) -> list[TotalRow]:
    """Say on every row which of its reporting units' periods hold a 逻辑性 error."""
    period = parse_period(period) if isinstance(period, str) else period
    keys = error_keys(store, period)
    if not keys:
        return rows
    own = {str(period)} | ({f"{period.year}H1", f"{period.year}H2"} if period.is_year else set())
    for row in rows:
        row.errors = sorted(Missing(u, p) for u, p in keys if u in row.units_reported and p in own)
    return rows


def aggregator_for(store: Store, *, carry_forward: bool = False) -> Aggregator:
    """Every figure of ``store``; ``carry_forward`` turns on 沿用上期 (off by default: the district's choice)."""
    return Aggregator(store.catalog(), store.values.figure_set(), carry_forward=carry_forward)


def totals(store: Store, period: str, *, carry_forward: bool = False) -> list[TotalRow]:
    """Every indicator's district value for ``period`` against the plan, with its units' errors."""
    rows = district_totals(store.catalog(), aggregator_for(store, carry_forward=carry_forward), period)
    return mark_errors(store, rows, period)


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
    """Chinese: the progress verdict as the CLI and the Excel print it (the window translates its own)."""
    if row.verdict == VERDICT_INCOMPLETE:
        return "数据不全"
    if row.verdict in (VERDICT_ON_TRACK, VERDICT_BEHIND):
        text = "达到进度" if row.verdict == VERDICT_ON_TRACK else "落后进度"
        return text + "（估）" if row.estimated else text
    return ""


def errors_text(catalog: Catalog, row: TotalRow) -> str:
    """Chinese: which reporting units' periods behind the row hold a 逻辑性 error."""
    if not row.errors:
        return ""
    return "含未通过逻辑性审核的数值：" + _by_unit(catalog, [(m.unit, m.period) for m in row.errors])


def notes_text(catalog: Catalog, row: TotalRow) -> str:
    """Chinese: 不完整 / 估 / 错误 / 无基数 notes of a row, joined."""
    parts = [missing_text(catalog, row), carried_text(catalog, row), errors_text(catalog, row)]
    if row.target_2025 is not None and row.base_source == BASE_NONE:
        parts.append("无基数（完成率 = 实际 ÷ 目标）")
    elif row.base_source == BASE_STORED:
        parts.append("基数取本库2020年全区值")
    return "；".join(p for p in parts if p)
