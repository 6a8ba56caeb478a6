"""A unit's form for one period: what the window shows, the printout prints and ``xz form`` lists.

One function reads everything a form needs (the unit's figures for the period and a year
earlier, the checks of ``domain/checks.py``) so the window, the print and the command
line show the same rows, statuses and summary. Writes go through ``store.values`` one
figure per transaction, so an accepted edit is on disk before the next keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cached_property

from ..domain.aggregation import derived_figure
from ..domain.catalog import Aggregation, Catalog, Indicator, Unit
from ..domain.checks import (
    CheckSummary,
    Entry,
    Finding,
    Severity,
    check_unit_period,
    explanation_problem,
    summarise,
)
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..domain.numbers import format_number, format_typed, parse_number
from ..domain.periods import Period, parse_period
from ..domain.periods import period_label as _period_label
from ..domain.plans import Plan, plan_in_force
from ..store import Store
from ..store.values import AuditEntry, StoredValue, ValueChange
from .checking import errors_introduced, same_year_entries
from .round.states import PeriodReview, is_locked, period_review

OTHER_GROUP = QT_TRANSLATE_NOOP("form", "其他已存数值")


class Status(str, Enum):
    """What the 审核 column says about one row, worst first."""

    ERROR = "error"  # 逻辑性审核 failed: must be fixed
    WARNING = "warning"  # 合理性审核 without 说明
    EXPLAINED = "explained"  # 合理性审核 with 说明
    MISSING = "missing"  # blank
    OK = "ok"
    DERIVED = "derived"  # computed from the unit's own figures, read-only


def status_label(status: Status) -> Message:
    """The word the 审核 column shows for ``status``."""
    return Message(
        "form",
        {
            Status.ERROR: QT_TRANSLATE_NOOP("form", "错误"),
            Status.WARNING: QT_TRANSLATE_NOOP("form", "需说明"),
            Status.EXPLAINED: QT_TRANSLATE_NOOP("form", "已说明"),
            Status.MISSING: QT_TRANSLATE_NOOP("form", "未填"),
            Status.OK: QT_TRANSLATE_NOOP("form", "通过"),
            Status.DERIVED: QT_TRANSLATE_NOOP("form", "自动计算"),
        }[status],
    )


@dataclass(frozen=True)
class FormRow:
    """One indicator on the form."""

    indicator: Indicator
    value: float | None
    explanation: str = ""
    previous: float | None = None
    findings: tuple[Finding, ...] = ()
    editable: bool = True
    revision: int = 0
    changed_at: str = ""
    changed_by: str = ""
    group: str = ""
    return_reason: str = ""  # why the district returned this figure (a returned period)

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def measure(self) -> str:
        """Entered figures are typed in the entry measure; derived ones are shown in the display measure."""
        return self.indicator.entry_measure if self.editable else self.indicator.display_measure

    @property
    def decimals(self) -> int:
        return self.indicator.decimals if not self.editable or self.indicator.display_factor == 1 else 0

    def shown(self, value: float | None) -> str:
        """``value`` as the form shows it: a typed figure with every decimal typed, a derived one rounded."""
        if value is None:
            return ""
        return format_typed(value) if self.editable else format_number(value, self.decimals)

    @cached_property  # asked for every cell on every repaint; a row never changes once made
    def status(self) -> Status:
        if not self.editable:
            return Status.DERIVED
        # A blank another figure needs (Finding.pending) is what it is: 未填; the 审核结果 says the rest.
        findings = [f for f in self.findings if not f.pending]
        if any(f.severity is Severity.ERROR for f in findings):
            return Status.ERROR
        if any(f.severity is Severity.WARNING and not f.explained for f in findings):
            return Status.WARNING
        if findings:
            return Status.EXPLAINED
        return Status.MISSING if self.value is None else Status.OK


@dataclass(frozen=True)
class Submitted:
    """This period already went out: packaged in a unit's copy, or received (merged) in the district's."""

    at: str  # UTC ISO text: when the latest package covering the period was made (unit) or merged (district)
    received: bool  # True in the district's copy (a package merged), False in a unit's (a package made)
    file: str  # the package file
    changed: tuple[str, ...] = ()  # codes of the figures changed after ``at``, in form order

    @property
    def changed_since(self) -> bool:
        return bool(self.changed)


@dataclass
class Form:
    """A unit's rows for a period, grouped by category, with the findings and their summary."""

    unit: Unit
    period: Period
    previous_period: Period
    rows: list[FormRow]
    findings: list[Finding]
    summary: CheckSummary
    other_findings: list[Finding] = field(default_factory=list)  # about figures the catalog no longer has
    review: PeriodReview | None = None  # the district's decision (returned with reasons, or accepted and locked)
    due: str | None = None  # the period's due date (截止日期), YYYY-MM-DD
    submitted: Submitted | None = None  # the latest package covering this period, and what changed since

    @property
    def locked(self) -> bool:
        """Accepted by the district: read-only until it reopens the period."""
        return self.review is not None and self.review.locked

    @property
    def returned(self) -> bool:
        return self.review is not None and self.review.state == "returned"

    def row(self, code: str) -> FormRow | None:
        return next((r for r in self.rows if r.code == code), None)

    def groups(self) -> list[tuple[str, list[FormRow]]]:
        """Rows by category, in the order the categories first appear."""
        out: dict[str, list[FormRow]] = {}
        for row in self.rows:
            out.setdefault(row.group, []).append(row)
        return list(out.items())


def derived_value(ind: Indicator, entries: dict[str, Entry]) -> float | None:
    """A ratio or sum computed from one unit's own figures (display measure); None when incomplete."""

    def own(code: str) -> float | None:
        entry = entries.get(code)
        return None if entry is None else entry.value

    return derived_figure(ind, own)[0]


def derived_for_unit(catalog: Catalog, unit: Unit) -> list[Indicator]:
    """Ratios and sums whose every component this unit reports itself."""
    found = []
    for ind in catalog.indicators:
        if ind.aggregation not in (Aggregation.RATIO, Aggregation.SUM):
            continue
        parts = catalog.components(ind)
        if parts and all(p.is_entered and catalog.reports(unit, p) for p in parts):
            found.append(ind)
    return found


def load_form(store: Store, unit: str, period: Period) -> Form:
    """Everything the form of ``unit`` for ``period`` shows, read in one go: the indicators of the plan whose
    years contain the period (a 2025 form the 十四五's, a 2026 form the 十五五's)."""
    catalog = store.catalog_for(period)
    the_unit = catalog.unit(unit)
    previous_period = period.previous()
    key = str(period)  # as the store and the checks hold it
    stored = {v.indicator: v for v in store.values.select(unit=unit, period=key)}
    before = {v.indicator: v.value for v in store.values.select(unit=unit, period=str(previous_period))}
    entries = {code: Entry(v.value, v.explanation) for code, v in stored.items()}
    findings = check_unit_period(catalog, unit, key, entries, before, same_year=same_year_entries(store, unit, key))
    by_code: dict[str, list[Finding]] = {}
    for finding in findings:
        by_code.setdefault(finding.indicator, []).append(finding)

    review = period_review(store, unit, key)
    reasons = review.figure_reasons if review is not None and not review.locked else {}
    due = store.review.due(key)

    def entered_row(ind: Indicator, group: str) -> FormRow:
        v = stored.get(ind.code)
        return FormRow(
            ind,
            v.value if v else None,
            v.explanation if v else "",
            before.get(ind.code),
            tuple(by_code.get(ind.code, ())),
            True,
            v.revision if v else 0,
            v.changed_at if v else "",
            v.changed_by if v else "",
            group,
            reasons.get(ind.code, ""),
        )

    reported = catalog.indicators_for_unit(the_unit)
    derived = {d.code for d in derived_for_unit(catalog, the_unit)}
    shown = {i.code for i in reported} | derived
    previous_entries = {code: Entry(value) for code, value in before.items()}
    rows: list[FormRow] = []
    for ind in catalog.indicators:  # catalog order keeps a derived figure among its category
        if ind.code in derived:
            rows.append(
                FormRow(
                    ind,
                    derived_value(ind, entries),
                    previous=derived_value(ind, previous_entries),
                    editable=False,
                    group=ind.category,
                )
            )
        elif ind.code in shown:
            rows.append(entered_row(ind, ind.category))
    order = {group: n for n, group in enumerate(dict.fromkeys(r.group for r in rows))}
    rows.sort(key=lambda r: order[r.group])  # stable: catalog order within a category
    # Figures stored for an indicator this unit no longer reports (the catalog changed): keep them visible.
    for code in stored:
        if code not in shown and catalog.has_indicator(code) and catalog.indicator(code).is_entered:
            rows.append(entered_row(catalog.indicator(code), OTHER_GROUP))
    known = {r.code for r in rows}
    submitted = _submitted(store, unit, key, [r for r in rows if r.editable])
    return Form(
        the_unit,
        period,
        previous_period,
        rows,
        findings,
        summarise(catalog, unit, entries, findings),
        [f for f in findings if f.indicator not in known],
        review,
        due.due if due else None,
        submitted,
    )


def _submitted(store: Store, unit: str, period: str, rows: list[FormRow]) -> Submitted | None:
    """The latest package covering ``unit``'s ``period`` and the figures changed after it, if any."""
    if store.is_district:
        received = store.review.submissions(period, unit).get(unit)
        if received is None:
            return None
        at, is_received, file = received.last_merged_at, True, received.last_file
    else:
        made = next((e for e in store.packages.exports() if period in e.periods), None)  # newest first
        if made is None:
            return None
        at, is_received, file = made.exported_at, False, made.file
    # Both times are stored as now_iso() text (UTC, milliseconds, Z): text order is time order.
    touched = [r for r in rows if r.changed_at and r.changed_at > at]
    changed = tuple(r.code for r in touched if _differs_from_sent(store, unit, period, r, at))
    return Submitted(at, is_received, file, changed)


def _differs_from_sent(store: Store, unit: str, period: str, row: FormRow, at: str) -> bool:
    """Does ``row`` now differ (value or 说明) from what it was at ``at``, when the package went out?

    Edited since is not enough: a figure changed and changed back is what the package holds. The
    first audit row after ``at`` says, in its old side, what the figure was then.
    """
    after = [e for e in store.values.history(unit, row.code, period) if e.changed_at > at]
    if not after:
        return True  # no audit row to compare with: say it changed rather than hide a change
    then = after[0]
    return then.old_value != row.value or (then.old_explanation or "") != (row.explanation or "")


# -- choices ------------------------------------------------------------


def form_units(store: Store) -> list[Unit]:
    """The units whose form this copy may open: every active unit for the district, else its own."""
    catalog = store.catalog()
    if store.is_district:
        return catalog.active_units()
    code = store.unit_code
    return [catalog.unit(code)] if code and catalog.has_unit(code) else []


def period_choices(store: Store) -> list[str]:
    """The first plan's base year (e.g. 2020) to the newest plan's target year (2025; 2030 with the 十五五), each
    year followed by its halves, plus any other stored period."""
    plans = store.plans()
    periods = []
    for year in range(plans[0].base_year, plans[-1].target_year + 1):
        periods += [str(year), f"{year}H1", f"{year}H2"]
    periods += [p for p in store.values.periods() if p not in periods]
    return sorted(set(periods), key=lambda p: (parse_period(p).year, parse_period(p).rank % 3))


def default_period(plans: list[Plan], today: date | None = None) -> str:
    """Last year's annual form (reports are filled after the year ends), within the plans: no earlier than the
    first plan's first year, no later than the newest plan's target year."""
    year = (today or date.today()).year - 1
    return str(min(max(year, plans[0].first_year), plans[-1].target_year))


def plan_now(store: Store, today: date | None = None) -> Plan:
    """The plan in force on ``today`` (:func:`~..domain.plans.plan_in_force`)."""
    return plan_in_force(store.plans(), (today or date.today()).year)


def period_label(period: Period | str) -> Message:
    """“2023年”, “2023年上半年”, “2023年下半年”: the one label of :func:`~..domain.periods.period_label`."""
    return _period_label(period)


# -- writing ------------------------------------------------------------


def _check_reports(store: Store, unit: str, indicator: str, period: Period) -> None:
    catalog = store.catalog_for(period)
    key = str(period)  # as the store holds it
    if is_locked(store, unit, key):
        raise XzError(
            Message(
                "form",
                QT_TRANSLATE_NOOP("form", "{period} 已由区里验收并锁定，数值不能再修改；如需修改，请联系区里重新开放"),
                {"period": key},
            )
        )
    ind = catalog.indicator(indicator)
    if ind.is_entered and not catalog.reports(unit, ind) and store.values.get(unit, indicator, key) is None:
        raise XzError(
            Message(
                "form",
                QT_TRANSLATE_NOOP("form", "“{unit}”不填报“{name}”"),
                {"unit": catalog.unit(unit).name, "name": ind.name},
            )
        )


# How an edit came about, as the audit's ``source`` records it: typed, or an undo/redo of a typed edit.
LOCAL_SOURCE = "local"
UNDO_SOURCE = "undo"
REDO_SOURCE = "redo"
EDIT_SOURCES = (LOCAL_SOURCE, UNDO_SOURCE, REDO_SOURCE)


def _write_one(store: Store, change: ValueChange, author: str | None, source: str) -> StoredValue | None:
    if source not in EDIT_SOURCES:
        raise ValueError(f"unknown edit source {source!r}")
    written = store.values.write([change], author, source)
    return written[0] if written else None


def set_value(
    store: Store,
    unit: str,
    indicator: str,
    period: Period,
    value: float | str | None,
    author: str | None = None,
    source: str = "local",
) -> StoredValue | None:
    """Write one figure (text is parsed as a clerk types it); the explanation stays. None if unchanged.

    ``source``: ``"local"`` for a typed figure, ``"undo"``/``"redo"`` when the window takes an edit back
    or makes it again (the history then says 撤销 / 重做, not 修改).
    """
    _check_reports(store, unit, indicator, period)
    number = parse_number(value, store.catalog_for(period).indicator(indicator).entry_measure)
    key = str(period)  # as the store holds it
    if store.is_district:
        # The district's correction goes straight into the totals (no package to stop it there):
        # it must pass the same 逻辑性 checks a unit's package does, or nothing is written.
        refused = errors_introduced(store, unit, indicator, key, number)
        if refused:
            raise XzError(
                Message(
                    "form",
                    QT_TRANSLATE_NOOP("form", "区级修改未保存：{reason}"),
                    {"reason": "；".join(f.text() for f in refused)},
                ),
                details=[f.message for f in refused],
            )
    return _write_one(store, ValueChange(unit, indicator, key, number, None), author, source)


def set_explanation(
    store: Store,
    unit: str,
    indicator: str,
    period: Period,
    text: str,
    author: str | None = None,
    source: str = "local",
) -> StoredValue | None:
    """Write the 说明 of one figure, keeping its value (a blank stays blank). None if unchanged.

    A 说明 that is only a number or too short to say anything is refused (``checks.explanation_problem``):
    a figure typed into the 说明 by mistake must not stand as an explanation.
    """
    problem = explanation_problem(text or "")
    if problem is not None:
        raise XzError(problem)
    _check_reports(store, unit, indicator, period)
    key = str(period)  # as the store holds it
    current = store.values.get(unit, indicator, key)
    change = ValueChange(unit, indicator, key, current.value if current else None, text or "")
    return _write_one(store, change, author, source)


def edit_kind(entry: AuditEntry) -> str:
    """What one audit row records: ``undo``/``redo`` for the window's 撤销 and 重做, else its action."""
    return entry.source if entry.source in (UNDO_SOURCE, REDO_SOURCE) else entry.action


def value_history(store: Store, unit: str, indicator: str, period: Period) -> list[AuditEntry]:
    """Every change of one figure, oldest first: who, when, from what to what."""
    store.catalog().unit(unit)
    return store.values.history(unit, indicator, str(period))
