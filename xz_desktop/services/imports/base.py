"""Importing figures from files: all or nothing, through the same checks as typing.

A file is read into :class:`ImportRow` objects, each knowing where it came from (a
CSV line, an Excel cell), then :func:`apply_rows` validates every row, runs the
checks on the state the import would produce, and writes only if no error appears.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import NamedTuple

from ...domain.catalog import Catalog, Indicator, Unit
from ...domain.checks import Entry, Finding, Severity, check_unit_period, explanation_problem, year_siblings
from ...domain.limits import MAX_TEXT
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.numbers import parse_number
from ...domain.periods import parse_period
from ...domain.raw_csv import READ_COLUMNS
from ...store import Store
from ...store.values import HeldFigures, ValueChange
from ..progress import SILENT, Progress

CSV_COLUMNS = READ_COLUMNS  # the raw CSV's columns an import needs (domain/raw_csv.py)
CHECKING = QT_TRANSLATE_NOOP("imports", "正在审核…")
WRITING = QT_TRANSLATE_NOOP("imports", "正在写入…")


class ImportRow(NamedTuple):
    """One figure as a file gives it (a named tuple: a file has tens of thousands)."""

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


class _Valid(NamedTuple):
    """What :func:`_validate` makes of the rows that passed: the changes (blanks left out) and where each is."""

    changes: list[ValueChange]
    wheres: list[str]  # changes[i] came from wheres[i]
    blanks: int


def _validate(store: Store, rows: list[ImportRow]) -> tuple[_Valid, list[Message]]:
    in_force = store.catalog()
    catalogs: dict[str, Catalog] = {}  # each period's plan's catalog (a 2025 row is the 十四五's, 2026 the 十五五's)
    district, own_unit = store.is_district, store.unit_code  # read once, not once per row
    problems: list[Message] = []
    changes: list[ValueChange] = []
    wheres: list[str] = []
    blanks = 0
    seen: dict[tuple[str, str, str], str] = {}
    # What depends on one part of a row only is worked out once per distinct part: a file repeats a few
    # hundred (unit, indicator) pairs, a period or two and many equal number texts over thousands of rows.
    # Units and indicators that passed their own checks (whether the unit reports the indicator is asked per row).
    units_passed: dict[str, Unit] = {}
    indicators_passed: dict[tuple[str, str], Indicator] = {}  # by (plan, code)
    # Period texts that parsed: as stored, and as the duplicate check compares them.
    periods: dict[object, tuple[str, str]] = {}
    # Number texts that parsed, per entry measure (a % sign is accepted on a percentage only).
    numbers: dict[str | None, dict[str, float | None]] = {}
    for row in rows:
        before = len(problems)
        where, unit, indicator, period_text, text, explanation = row
        known = periods.get(period_text)
        period_problem = None
        if known is None:
            try:
                known = (_period(period_text), str(period_text).strip().upper())
                store.check_year(known[0])
                periods[period_text] = known
            except XzError as exc:
                known = None
                period_problem = _problem(where, "{reason}", reason=str(exc))
        if known is None:
            catalog = in_force
        else:
            catalog = catalogs.get(known[0]) or catalogs.setdefault(known[0], store.catalog_for(known[0]))
        plan = catalog.plan.code
        known_unit, known_indicator = units_passed.get(unit), indicators_passed.get((plan, indicator))
        if known_unit is not None and known_indicator is not None and catalog.reports(known_unit, known_indicator):
            measure: str | None = known_indicator.entry_measure
        else:
            measure = _unit_indicator_problems(catalog, district, own_unit, row, problems)
            if catalog.has_unit(unit) and (district or unit == own_unit):
                units_passed[unit] = catalog.unit(unit)
            if catalog.has_indicator(indicator) and catalog.indicator(indicator).is_entered:
                indicators_passed[(plan, indicator)] = catalog.indicator(indicator)
        if period_problem is not None:
            problems.append(period_problem)
        value = None
        parsed = numbers.get(measure)
        if parsed is None:
            parsed = numbers[measure] = {}
        if type(text) is str and text in parsed:
            value = parsed[text]
        else:
            try:
                value = parse_number(text, measure)
            except XzError as exc:
                problems.append(_problem(where, "{reason}", reason=str(exc)))
            else:
                if type(text) is str:
                    parsed[text] = value
        if explanation is not None and len(explanation) > MAX_TEXT:
            problems.append(_problem(where, QT_TRANSLATE_NOOP("imports", "说明超过 {limit} 字"), limit=MAX_TEXT))
        elif explanation is not None and (refused := explanation_problem(explanation)) is not None:
            problems.append(_problem(where, "{reason}", reason=refused.format()))
        key = (unit, indicator, str(period_text).strip().upper() if known is None else known[1])
        if key in seen:
            problems.append(_problem(where, QT_TRANSLATE_NOOP("imports", "与{other}重复"), other=seen[key]))
        else:
            seen[key] = where
        if len(problems) == before and known is not None:
            if value is None:
                blanks += 1
            else:
                changes.append(ValueChange(unit, indicator, known[0], value, explanation))
                wheres.append(where)
    return _Valid(changes, wheres, blanks), problems


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
    store: Store, valid: _Valid, held: HeldFigures, progress: Progress = SILENT
) -> tuple[list[Message], list[Finding]]:
    """Errors the import would introduce, and the warnings it leaves, per unit and period.

    ``held``: what is stored for the file's units in its periods, the other periods of their years and
    the years before (:func:`_held_periods`). Each period is checked under the plan that judges it.
    """
    problems: list[Message] = []
    warnings: list[Finding] = []
    groups: dict[tuple[str, str], list[ValueChange]] = {}
    for change in valid.changes:
        group = groups.get((change.unit, change.period))
        if group is None:
            group = groups[(change.unit, change.period)] = []
        group.append(change)
    where: dict[tuple[str, str, str], str] | None = None  # made when an error needs it (a file that passes: never)
    for done, ((unit, period), group) in enumerate(groups.items()):
        progress.step(done, len(groups), CHECKING)
        catalog = store.catalog_for(period)
        before = {code: Entry(v.value, v.explanation) for code, v in held.of(unit, period).items()}
        after = dict(before)
        for c in group:
            old = before.get(c.indicator)
            after[c.indicator] = Entry(
                c.value, c.explanation if c.explanation is not None else (old.explanation if old else "")
            )
        previous = {code: v.value for code, v in held.of(unit, _previous(period)).items()}
        # The other periods of the year as they will be after the import (a flow's halves against its year).
        same_before = {
            p: {code: Entry(v.value, v.explanation) for code, v in held.of(unit, p).items()}
            for p in year_siblings(period)
        }
        same_after = {p: dict(e) for p, e in same_before.items()}
        for p, entries in same_after.items():
            for c in groups.get((unit, p), ()):
                entries[c.indicator] = Entry(c.value)
        # A unit-period holding no figure before the import holds no error either (nothing to check).
        old_errors = (
            {
                (f.indicator, f.text())
                for f in check_unit_period(
                    catalog, unit, period, before, previous, same_year=same_before, errors_only=True
                )
                if f.severity is Severity.ERROR
            }
            if before
            else set()
        )
        for finding in check_unit_period(catalog, unit, period, after, previous, same_year=same_after):
            if finding.severity is Severity.WARNING:
                warnings.append(finding)
            elif (finding.indicator, finding.text()) not in old_errors:
                if where is None:
                    where = {(c.unit, c.indicator, c.period): w for c, w in zip(valid.changes, valid.wheres)}
                place = where.get((unit, finding.indicator, period)) or "、".join(
                    w for (u, _, p), w in where.items() if u == unit and p == period
                )
                problems.append(_problem(place, "{reason}", reason=finding.text()))
    return problems, warnings


@functools.lru_cache(maxsize=256)
def _previous(period: str) -> str:
    """The same period a year earlier (``2024H1`` → ``2023H1``)."""
    return str(parse_period(period).previous())


def _held_periods(changes: list[ValueChange]) -> set[str]:
    """The periods the checks of ``changes`` read: their own, the other periods of their years, the years before."""
    own = {c.period for c in changes}
    return {q for p in own for q in (p, *year_siblings(p), _previous(p))}


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
    valid, problems = _validate(store, rows)
    result = ImportResult(skipped_blank=valid.blanks)
    changes = valid.changes
    # What is stored for the file's units, read once for the checks and the write (which reads it again
    # only if anything was written meanwhile).
    held = store.values.held({c.unit for c in changes}, _held_periods(changes))
    # Check what did parse even when other rows failed: the clerk sees every problem at once.
    check_problems, result.warnings = _check_outcome(store, valid, held, progress)
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
        written = store.values.write(changes, author, source="import", held=held)
        result.written = len(written)
        result.unchanged = len(changes) - len(written)
    return result
