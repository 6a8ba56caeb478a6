"""Importing figures from files: all or nothing, through the same checks as typing.

A file is read into :class:`ImportRow` objects, each knowing where it came from (a
CSV line, an Excel cell), then :func:`apply_rows` validates every row, runs the
checks on the state the import would produce, and writes only if no error appears.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ...domain.catalog import Catalog
from ...domain.checks import Entry, Finding, Severity, check_unit_period, year_siblings
from ...domain.limits import MAX_TEXT
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.numbers import parse_number
from ...domain.periods import parse_period
from ...domain.raw_csv import READ_COLUMNS
from ...store import Store
from ...store.values import UnitPeriod, ValueChange
from ..progress import SILENT, Progress

CSV_COLUMNS = READ_COLUMNS  # the raw CSV's columns an import needs (domain/raw_csv.py)
CHECKING = QT_TRANSLATE_NOOP("imports", "正在审核…")
WRITING = QT_TRANSLATE_NOOP("imports", "正在写入…")


@dataclass(frozen=True)
class ImportRow:
    where: str  # “第 3 行” or “B7”: how the user finds the row again
    unit: str
    indicator: str
    period: str
    value: object  # as read: text or number, parsed here
    explanation: str | None = None


@dataclass
class ImportResult:
    written: int = 0
    unchanged: int = 0
    skipped_blank: int = 0
    warnings: list[Finding] = field(default_factory=list)


def _problem(where: str, template: str, **params) -> Message:
    return Message("imports", QT_TRANSLATE_NOOP("imports", "{where}：") + template, {"where": where, **params})


def _validate(store: Store, rows: list[ImportRow]) -> tuple[list[tuple[ImportRow, float | None]], list[Message]]:
    catalog = store.catalog()
    district, own_unit = store.is_district, store.unit_code  # read once, not once per row
    problems: list[Message] = []
    parsed: list[tuple[ImportRow, float | None]] = []
    seen: dict[tuple[str, str, str], str] = {}
    # (unit, indicator) pairs that passed the unit and indicator checks (they depend on nothing else),
    # with the indicator's entry measure: a file repeats a few hundred pairs over thousands of rows.
    passed: dict[tuple[str, str], str] = {}
    for row in rows:
        before = len(problems)
        pair = (row.unit, row.indicator)
        measure: str | None = passed.get(pair)
        if measure is None:
            measure = _unit_indicator_problems(catalog, district, own_unit, row, problems)
            if len(problems) == before and measure is not None:
                passed[pair] = measure
        try:
            _period(row.period)
        except XzError as exc:
            problems.append(_problem(row.where, "{reason}", reason=str(exc)))
        value = None
        try:
            value = parse_number(row.value, measure)
        except XzError as exc:
            problems.append(_problem(row.where, "{reason}", reason=str(exc)))
        if row.explanation is not None and len(row.explanation) > MAX_TEXT:
            problems.append(_problem(row.where, QT_TRANSLATE_NOOP("imports", "说明超过 {limit} 字"), limit=MAX_TEXT))
        key = (row.unit, row.indicator, str(row.period).strip().upper())
        if key in seen:
            problems.append(_problem(row.where, QT_TRANSLATE_NOOP("imports", "与{other}重复"), other=seen[key]))
        seen.setdefault(key, row.where)
        if len(problems) == before:
            parsed.append((row, value))
    return parsed, problems


def _unit_indicator_problems(
    catalog: Catalog, district: bool, own_unit: str | None, row: ImportRow, problems: list[Message]
) -> str | None:
    """The checks of a row's unit and indicator (problems appended); the indicator's entry measure if known."""
    if not catalog.has_unit(row.unit):
        problems.append(_problem(row.where, QT_TRANSLATE_NOOP("imports", "没有填报单位“{code}”"), code=row.unit[:40]))
    elif not district and row.unit != own_unit:
        problems.append(
            _problem(
                row.where,
                QT_TRANSLATE_NOOP("imports", "“{name}”的数据不能导入本单位的数据库"),
                name=catalog.unit(row.unit).name,
            )
        )
    if not catalog.has_indicator(row.indicator):
        problems.append(
            _problem(row.where, QT_TRANSLATE_NOOP("imports", "目录中没有指标“{code}”"), code=row.indicator[:40])
        )
    elif not catalog.indicator(row.indicator).is_entered:
        problems.append(
            _problem(
                row.where,
                QT_TRANSLATE_NOOP("imports", "“{name}”由其他指标计算得出，不能导入"),
                name=catalog.indicator(row.indicator).name,
            )
        )
    elif catalog.has_unit(row.unit) and not catalog.reports(row.unit, catalog.indicator(row.indicator)):
        problems.append(
            _problem(
                row.where,
                QT_TRANSLATE_NOOP("imports", "“{unit}”不填报“{name}”"),
                unit=catalog.unit(row.unit).name,
                name=catalog.indicator(row.indicator).name,
            )
        )
    return catalog.indicator(row.indicator).entry_measure if catalog.has_indicator(row.indicator) else None


@functools.lru_cache(maxsize=256)
def _period(text: str) -> str:
    """A period as stored (``2024``, ``2024H1``); refuses what :func:`parse_period` refuses. A file names a
    few periods on thousands of rows: each text is parsed once."""
    return str(parse_period(text))


def _check_outcome(
    store: Store, changes: list[ValueChange], where: dict[tuple[str, str, str], str], progress: Progress = SILENT
) -> tuple[list[Message], list[Finding]]:
    """Errors the import would introduce, and the warnings it leaves, per unit and period."""
    catalog = store.catalog()
    problems: list[Message] = []
    warnings: list[Finding] = []
    groups: dict[tuple[str, str], list[ValueChange]] = {}
    for change in changes:
        groups.setdefault((change.unit, change.period), []).append(change)
    # What the checks read, for every unit and period of the file in two queries (not four per unit-period):
    # the periods themselves with the other periods of their years, and the year before.
    periods = {p for _, period in groups for p in (period, *year_siblings(period))}
    units = {unit for unit, _ in groups}
    stored = store.values.entries_in(periods, units)
    earlier = store.values.entries_in({str(parse_period(p).previous()) for _, p in groups}, units)
    for done, ((unit, period), group) in enumerate(groups.items()):
        progress.step(done, len(groups), CHECKING)
        before = stored.get(UnitPeriod(unit, period), {})
        after = dict(before)
        for c in group:
            old = before.get(c.indicator)
            after[c.indicator] = Entry(
                c.value, c.explanation if c.explanation is not None else (old.explanation if old else "")
            )
        last_year = earlier.get(UnitPeriod(unit, str(parse_period(period).previous())), {})
        previous = {code: e.value for code, e in last_year.items()}
        # The other periods of the year as they will be after the import (a flow's halves against its year).
        same_before = {p: stored.get(UnitPeriod(unit, p), {}) for p in year_siblings(period)}
        same_after = {p: dict(e) for p, e in same_before.items()}
        for (u, p), others in groups.items():
            if u == unit and p in same_after:
                for c in others:
                    same_after[p][c.indicator] = Entry(c.value)
        old_errors = {
            (f.indicator, f.text())
            for f in check_unit_period(catalog, unit, period, before, previous, same_year=same_before, errors_only=True)
            if f.severity is Severity.ERROR
        }
        for finding in check_unit_period(catalog, unit, period, after, previous, same_year=same_after):
            if finding.severity is Severity.WARNING:
                warnings.append(finding)
            elif (finding.indicator, finding.text()) not in old_errors:
                place = where.get((unit, finding.indicator, period)) or "、".join(
                    w for (u, _, p), w in where.items() if u == unit and p == period
                )
                problems.append(_problem(place, "{reason}", reason=finding.text()))
    return problems, warnings


def apply_rows(
    store: Store,
    rows: list[ImportRow],
    author: str | None = None,
    *,
    dry_run: bool = False,
    progress: Progress = SILENT,
) -> ImportResult:
    """Validate and check every row, then write them all in one transaction, or refuse all.

    ``progress`` is told of each unit and period checked; cancelling there writes nothing.
    """
    parsed, problems = _validate(store, rows)
    result = ImportResult(skipped_blank=sum(1 for _, v in parsed if v is None))
    kept = [(r, v) for r, v in parsed if v is not None]
    changes = [ValueChange(r.unit, r.indicator, _period(r.period), v, r.explanation) for r, v in kept]
    where = {(c.unit, c.indicator, c.period): r.where for c, (r, _) in zip(changes, kept)}
    # Check what did parse even when other rows failed: the clerk sees every problem at once.
    check_problems, result.warnings = _check_outcome(store, changes, where, progress)
    problems.extend(check_problems)
    if problems:
        raise XzError(
            Message(
                "imports",
                QT_TRANSLATE_NOOP("imports", "导入被拒绝，数据库未作任何修改。共 {count} 处问题："),
                {"count": len(problems)},
            ),
            details=problems,
        )
    if not dry_run:
        progress.step(1, 1, WRITING)  # the last point where cancelling is free: the write is one transaction
        written = store.values.write(changes, author, source="import")
        result.written = len(written)
        result.unchanged = len(changes) - len(written)
    return result
