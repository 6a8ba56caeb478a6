"""审核 over stored figures: one unit's period, or the whole database."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.checks import (
    Entry,
    Finding,
    Severity,
    check_unit_period,
    year_siblings,
)
from ..store import Store


def same_year_entries(store: Store, unit: str, period: str) -> dict[str, dict[str, Entry]]:
    """The unit's entries in the other periods of ``period``'s year (a flow's halves against its year)."""
    return {p: store.values.entries(unit, p) for p in year_siblings(period)}


def findings_for(store: Store, unit: str, period: str) -> list[Finding]:
    """Every check on one unit's figures for one period, as the form shows them."""
    return check_unit_period(
        store.catalog_for(period),
        unit,
        period,
        store.values.entries(unit, period),
        store.values.previous(unit, period),
        same_year=same_year_entries(store, unit, period),
    )


@dataclass
class CheckReport:
    integrity: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # Chinese: kept totals that are not the totals computed now

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def unexplained_warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING and not f.explained]

    @property
    def ok(self) -> bool:
        return not self.integrity and not self.errors and not self.kept


def check_database(store: Store) -> CheckReport:
    """``PRAGMA integrity_check`` plus every check on every stored figure (``xz check`` adds
    ``services.kept_check.kept_differences``: the totals' modules import this one)."""
    report = CheckReport(integrity=store.integrity_problems())
    unknown = store.values.unknown_periods()
    # A period outside the program's years is read by nothing (the window and the totals leave it out): said
    # here, as a fault of the file, instead of stopping the check of every other figure.
    report.integrity.extend(
        f"存有本程序年份范围之外的报告期“{period}”的数字，汇总和窗口都不读取它们" for period in unknown
    )
    for unit, period in store.values.units_and_periods():
        if period not in unknown:
            report.findings.extend(findings_for(store, unit, period))
    return report


def errors_introduced(store: Store, unit: str, indicator: str, period: str, value: float | None) -> list[Finding]:
    """The 逻辑性 errors that writing ``value`` would add to ``unit``'s ``period`` (none already there)."""
    catalog = store.catalog_for(period)
    before = store.values.entries(unit, period)
    old = before.get(indicator)
    after = {**before, indicator: Entry(value, old.explanation if old else "")}
    previous = store.values.previous(unit, period)
    same_year = same_year_entries(store, unit, period)

    def errors(entries: dict[str, Entry]) -> set[tuple[str, str]]:
        return {
            (f.indicator, f.text())
            for f in check_unit_period(catalog, unit, period, entries, previous, same_year=same_year)
            if f.severity is Severity.ERROR
        }

    known = errors(before)
    # Every error the form would then show, a numerator without its denominator included (issue 24): the
    # district types the denominator first, as a unit's package carrying the numerator alone is refused.
    return [
        f
        for f in check_unit_period(catalog, unit, period, after, previous, same_year=same_year)
        if f.severity is Severity.ERROR and (f.indicator, f.text()) not in known
    ]
