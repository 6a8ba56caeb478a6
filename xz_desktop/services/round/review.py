"""审核: one unit's period beside last year and the previous package; 验收 (accept, locks), 退回 (return), 重新开放 (reopen).

Each decision is one transaction: the state row and its line in the review log land together.
Only the district decides; a unit's copy learns the decisions from its receipt.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from ...domain.checks import Finding, Severity
from ...domain.limits import MAX_TEXT
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.periods import Period
from ...domain.round import State
from ...store import Store
from ...store.database import now_iso
from ...store.review import Decision, Note, ReviewLogEntry
from ..checking import findings_for
from .screen import screen_period
from .states import state_of, unit_state


def _refuse(template: str, **params: object) -> XzError:
    return XzError(Message("round", template, dict(params)))


def _district(store: Store) -> None:
    if not store.is_district:
        raise _refuse(QT_TRANSLATE_NOOP("round", "审核、验收、退回和重新开放只能在区级汇总数据库中进行"))


def _unit_period(store: Store, unit: str, period: Period) -> tuple[str, str]:
    """The unit, checked, and the period's key as the store holds it."""
    _district(store)
    catalog = store.catalog()
    if not catalog.has_unit(unit):
        raise _refuse(QT_TRANSLATE_NOOP("round", "没有填报单位“{code}”"), code=unit[:40])
    return unit, str(period)


def _text(text: str | None, missing: str | None = None) -> str:
    """A reason or note, stripped; ``missing`` is the refusal when it is required and blank."""
    text = (text or "").strip()
    if missing is not None and not text:
        raise _refuse(missing)
    if len(text) > MAX_TEXT:
        raise _refuse(QT_TRANSLATE_NOOP("round", "原因或备注超过 {limit} 字"), limit=MAX_TEXT)
    return text


def _name(store: Store, unit: str) -> str:
    return store.catalog().unit(unit).name


@dataclass
class DecisionResult:
    unit: str
    period: str
    from_state: str
    to_state: str
    at: str
    by: str
    reason: str = ""
    figure_reasons: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def accept(store: Store, unit: str, period: Period, by: str | None = None) -> DecisionResult:
    """验收: the period is final and locked; later packages for it are refused until it is reopened."""
    unit, key = _unit_period(store, unit, period)
    before = unit_state(store, unit, key)
    if before is State.ACCEPTED:
        raise _refuse(QT_TRANSLATE_NOOP("round", "“{unit}”{period} 已经验收"), unit=_name(store, unit), period=key)
    if before is State.NOT_SUBMITTED:
        raise _refuse(
            QT_TRANSLATE_NOOP("round", "“{unit}”还没有报送 {period}，不能验收"), unit=_name(store, unit), period=key
        )
    conflicts = store.review.open_conflicts(unit, key)
    if conflicts:
        raise _refuse(
            QT_TRANSLATE_NOOP("round", "“{unit}”{period} 还有 {n} 个冲突待处理，处理后才能验收"),
            unit=_name(store, unit),
            period=key,
            n=conflicts,
        )
    by = by or store.author
    stamp = now_iso()
    with store.transaction():
        store.review.put_decision(Decision(unit, key, State.ACCEPTED.value, "", {}, stamp, by))
        store.review.append_log(stamp, by, "accept", unit, key, before.value, State.ACCEPTED.value)
    return DecisionResult(unit, key, before.value, State.ACCEPTED.value, stamp, by)


def return_period(
    store: Store, unit: str, period: Period, reason: str, figures: dict[str, str] | None = None, by: str | None = None
) -> DecisionResult:
    """退回: send the period back with an overall reason and optional reasons per figure."""
    unit, key = _unit_period(store, unit, period)
    reason = _text(reason, QT_TRANSLATE_NOOP("round", "请写明退回原因"))
    catalog = store.catalog()
    checked: dict[str, str] = {}
    for code, text in (figures or {}).items():
        if not catalog.has_indicator(code):
            raise _refuse(QT_TRANSLATE_NOOP("round", "未知的指标代码“{code}”"), code=code[:40])
        text = _text(text)
        if text:
            checked[code] = text
    before = unit_state(store, unit, key)
    if before is State.ACCEPTED:
        raise _refuse(
            QT_TRANSLATE_NOOP("round", "“{unit}”{period} 已验收锁定，请先重新开放再退回"),
            unit=_name(store, unit),
            period=key,
        )
    if before is State.NOT_SUBMITTED:
        raise _refuse(
            QT_TRANSLATE_NOOP("round", "“{unit}”还没有报送 {period}，无可退回"), unit=_name(store, unit), period=key
        )
    if before is State.RETURNED:
        raise _refuse(
            QT_TRANSLATE_NOOP("round", "“{unit}”{period} 已退回，尚未重新报送"), unit=_name(store, unit), period=key
        )
    by = by or store.author
    stamp = now_iso()
    with store.transaction():
        store.review.put_decision(Decision(unit, key, State.RETURNED.value, reason, checked, stamp, by))
        store.review.append_log(
            stamp, by, "return", unit, key, before.value, State.RETURNED.value, reason, {"figures": checked}
        )
    return DecisionResult(unit, key, before.value, State.RETURNED.value, stamp, by, reason, checked)


def reopen(store: Store, unit: str, period: Period, reason: str, by: str | None = None) -> DecisionResult:
    """重新开放: only an accepted period, only by the district, always with a reason."""
    unit, key = _unit_period(store, unit, period)
    reason = _text(reason, QT_TRANSLATE_NOOP("round", "请写明重新开放的原因"))
    decision = store.review.decision(unit, key)
    if decision is None or decision.state != State.ACCEPTED.value:
        raise _refuse(
            QT_TRANSLATE_NOOP("round", "“{unit}”{period} 没有验收锁定，无需重新开放"),
            unit=_name(store, unit),
            period=key,
        )
    by = by or store.author
    stamp = now_iso()
    with store.transaction():
        store.review.delete_decision(unit, key)
        after = unit_state(store, unit, key)
        store.review.append_log(stamp, by, "reopen", unit, key, State.ACCEPTED.value, after.value, reason)
    return DecisionResult(unit, key, State.ACCEPTED.value, after.value, stamp, by, reason)


def set_note(store: Store, unit: str, period: Period, indicator: str, text: str, by: str | None = None) -> bool:
    """The district's note on one figure (待核实 …); an empty text removes it.

    Before 退回 a note is the officer's working note, and 退回 sends every note as that figure's
    reason. While the period stays returned (the unit has not sent it again) a note written, changed
    or removed changes the figure's return reason too, so a receipt made afterwards carries it: a note
    written after pressing 退回 is never silently left behind. True when it did (a reason changed).
    """
    unit, key = _unit_period(store, unit, period)
    if not store.catalog().has_indicator(indicator):
        raise _refuse(QT_TRANSLATE_NOOP("round", "未知的指标代码“{code}”"), code=indicator[:40])
    text = _text(text)
    by = by or store.author
    stamp = now_iso()
    travels = False
    with store.transaction():
        store.review.put_note(unit, key, Note(indicator, text, stamp, by))
        decision = store.review.decision(unit, key)
        if decision is not None and unit_state(store, unit, key) is State.RETURNED:
            reasons = dict(decision.figure_reasons)
            if text:
                reasons[indicator] = text
            else:
                reasons.pop(indicator, None)
            if reasons != decision.figure_reasons:
                # The decision itself (who returned it, when, why) stays; only the per-figure reasons change.
                store.review.put_decision(replace(decision, figure_reasons=reasons))
                # Logged as a 退回 that stays 退回 (the log's actions are fixed by migration 003), "amended".
                store.review.append_log(
                    stamp,
                    by,
                    "return",
                    unit,
                    key,
                    State.RETURNED.value,
                    State.RETURNED.value,
                    "",
                    {"figures": {indicator: text}, "amended": True},
                )
                travels = True
    return travels


def notes_travel(store: Store, unit: str, period: Period) -> bool:
    """Whether a note written now goes to the unit as a return reason (the period is returned, not sent again)."""
    unit, key = _unit_period(store, unit, period)
    return unit_state(store, unit, key) is State.RETURNED


# -- the review sheet -------------------------------------------------------------
@dataclass(frozen=True)
class ReviewRow:
    code: str
    name: str
    measure: str
    value: float | None
    previous_year: float | None
    previous_package: float | None  # the same figure in the unit's package before the latest (None: none, or blank)
    changed_since_package: bool  # differs from the previous package
    explanation: str
    findings: tuple[Finding, ...]  # 逻辑性 errors and 合理性 warnings (with whether they are explained)
    note: str
    return_reason: str  # the reason this figure was returned with, if the period is returned
    outlier: bool
    jumped: bool
    z: float | None
    per_10k: float | None


@dataclass(frozen=True)
class ReviewSheet:
    unit: str
    unit_name: str
    period: Period
    previous_period: Period
    state: str
    decision: Decision | None
    resubmitted: bool  # submitted again after a return
    has_previous_package: bool
    nil_reason: str | None
    rows: list[ReviewRow]
    open_conflicts: int


def acceptance_summary(sheet: ReviewSheet) -> list[Message]:
    """What the officer accepts, said before 验收 locks it: the figures given, what the checks found, what the
    screen flagged, what the district noted. Counted here once, so the dialog only shows it."""
    if sheet.nil_reason is not None:
        return [
            Message("review", QT_TRANSLATE_NOOP("review", "空表上报，说明：{reason}"), {"reason": sheet.nil_reason})
        ]
    findings = [f for r in sheet.rows for f in r.findings]
    counts = {
        "filled": sum(r.value is not None for r in sheet.rows),
        "rows": len(sheet.rows),
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "unexplained": sum(f.severity is Severity.WARNING and not f.explained for f in findings),
        "explained": sum(f.severity is Severity.WARNING and f.explained for f in findings),
        "outliers": sum(r.outlier or r.jumped for r in sheet.rows),
        "changed": sum(r.changed_since_package for r in sheet.rows) if sheet.has_previous_package else 0,
        "notes": sum(bool(r.note) for r in sheet.rows),
        "conflicts": sheet.open_conflicts,
    }
    lines = [
        Message("review", QT_TRANSLATE_NOOP("review", "已填 {filled} 项（共 {rows} 项）"), counts),
        Message(
            "review",
            QT_TRANSLATE_NOOP("review", "审核：错误 {errors} 处，提示 {unexplained} 处未说明、{explained} 处已说明"),
            counts,
        ),
        Message("review", QT_TRANSLATE_NOOP("review", "离群筛查标出 {outliers} 项"), counts),
    ]
    if sheet.has_previous_package:
        lines.append(Message("review", QT_TRANSLATE_NOOP("review", "与上一个上报包相比改动 {changed} 项"), counts))
    if counts["notes"]:
        lines.append(Message("review", QT_TRANSLATE_NOOP("review", "区里备注 {notes} 条"), counts))
    if counts["conflicts"]:
        lines.append(Message("review", QT_TRANSLATE_NOOP("review", "尚有 {conflicts} 处冲突待区里裁决"), counts))
    return lines


def review_sheet(store: Store, unit: str, period: Period) -> ReviewSheet:
    """Everything the 审核 view shows of one unit's period."""
    unit, key = _unit_period(store, unit, period)
    catalog = store.catalog()
    the_unit = catalog.unit(unit)
    previous_period = period.previous()
    values = {v.indicator: v for v in store.values.select(unit=unit, period=key)}
    before = store.values.previous(unit, key)
    prior = store.review.previous_package_values(unit, key)
    notes = store.review.notes(unit, key)
    decision = store.review.decision(unit, key)
    submission = store.review.submissions(key, unit).get(unit)
    state = state_of(decision, submission)
    findings = findings_for(store, unit, key)
    screened = {r.finding.indicator: r.finding for r in screen_period(store, period, unit=unit)}
    reasons = decision.figure_reasons if decision and decision.state == State.RETURNED.value else {}
    rows = []
    for ind in catalog.indicators_for_unit(the_unit):
        if not ind.is_entered:
            continue
        v = values.get(ind.code)
        mine = [f for f in findings if f.indicator == ind.code]
        s = screened.get(ind.code)
        value = v.value if v else None
        earlier = prior.get(ind.code) if prior is not None else None
        rows.append(
            ReviewRow(
                ind.code,
                ind.name,
                ind.entry_measure,
                value,
                before.get(ind.code),
                earlier,
                prior is not None and earlier != value,
                v.explanation if v else "",
                tuple(mine),
                notes[ind.code].note if ind.code in notes else "",
                reasons.get(ind.code, ""),
                bool(s and s.outlier),
                bool(s and s.jumped),
                s.z if s else None,
                s.per_capita if s else None,
            )
        )
    returned = decision is not None and decision.state == State.RETURNED.value
    return ReviewSheet(
        unit,
        the_unit.name,
        period,
        previous_period,
        state.value,
        decision,
        returned and state is State.SUBMITTED,
        prior is not None,
        submission.nil_reason if submission else None,
        rows,
        store.review.open_conflicts(unit, key),
    )


def review_log(store: Store, unit: str | None = None, period: Period | None = None) -> list[ReviewLogEntry]:
    """Every state change and due date, oldest first."""
    return store.review.log(unit, None if period is None else str(period))
