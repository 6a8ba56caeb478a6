"""审核结果: the findings of a unit's period as a list a clerk reads and works through.

The checks (``domain/checks.py``) say what is wrong; this module turns them into named records
the window lists (the form's findings panel, the package dialog's refusal list, the district's
review): the unit and period, the indicator and its name, the severity in words, the reason (the
check's own message), and the cell to fix — the figure for an error, its 说明 for a warning.
Worst first, then in the order the form shows the indicators, so the list reads like the form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum

from ..domain.catalog import Catalog
from ..domain.checks import CheckSummary, Finding, Severity
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.periods import parse_period
from ..store import Store


class Field(str, Enum):
    """The cell of an indicator's row a finding asks to change."""

    VALUE = "value"  # the figure itself: an error is fixed there
    EXPLANATION = "explanation"  # its 说明: a warning may stand once explained


class Level(str, Enum):
    """How serious a finding is, worst first (the order the list is sorted in)."""

    ERROR = "error"  # 逻辑性审核: must be fixed
    WARNING = "warning"  # 合理性审核 without 说明: blocks a package until explained
    UNFILLED = "unfilled"  # a figure another needs, not filled yet, while the clerk is still filling the form
    EXPLAINED = "explained"  # 合理性审核 with 说明: stands, shown for the record


LEVEL_ORDER = {Level.ERROR: 0, Level.WARNING: 1, Level.UNFILLED: 2, Level.EXPLAINED: 3}


def level_label(level: Level) -> Message:
    """The words the list shows for ``level``."""
    return Message(
        "findings",
        {
            Level.ERROR: QT_TRANSLATE_NOOP("findings", "错误"),
            Level.WARNING: QT_TRANSLATE_NOOP("findings", "提示（需说明）"),
            Level.UNFILLED: QT_TRANSLATE_NOOP("findings", "未填"),
            Level.EXPLAINED: QT_TRANSLATE_NOOP("findings", "提示（已说明）"),
        }[level],
    )


def field_label(field: Field) -> Message:
    """Which cell to change, in words."""
    return Message(
        "findings",
        {
            Field.VALUE: QT_TRANSLATE_NOOP("findings", "本期数值"),
            Field.EXPLANATION: QT_TRANSLATE_NOOP("findings", "说明"),
        }[field],
    )


@dataclass(frozen=True)
class FindingItem:
    """One line of the 审核结果 list."""

    unit: str
    unit_name: str
    period: str
    indicator: str  # the code of the indicator whose cell to fix
    name: str  # its Chinese name (the code itself when the catalog no longer has it)
    level: Level
    message: Message  # the check's own reason
    field: Field  # the cell to fix

    @property
    def blocking(self) -> bool:
        """Whether it stops a package: an error, or a warning still without 说明."""
        return self.level in (Level.ERROR, Level.WARNING)

    def text(self) -> str:
        """The reason in Chinese (the CLI's words; the window translates ``message``)."""
        return self.message.format()


@dataclass(frozen=True)
class FindingCounts:
    """How many of each, as the list's heading says."""

    errors: int
    warnings: int  # still without 说明
    explained: int
    unfilled: int = 0  # figures others need, not filled yet (only while the form is being filled)

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.explained + self.unfilled


def _level(finding: Finding, checked: bool) -> Level:
    if finding.severity is Severity.ERROR:
        return Level.UNFILLED if finding.pending and not checked else Level.ERROR
    return Level.EXPLAINED if finding.explained else Level.WARNING


def items(catalog: Catalog, findings: Iterable[Finding], *, checked: bool = True) -> list[FindingItem]:
    """``findings`` as list lines: worst first, then period, then in the form's order.

    The form groups indicators by category in the order the categories first appear in the
    catalog, the catalog's order within each (``services/form.load_form``); so does this list.
    ``checked`` False: the clerk is still filling the form, and a figure another needs that is still
    blank is 未填, not an error, until they ask to check or leave the form (:func:`while_filling`).
    """
    groups = {category: n for n, category in enumerate(dict.fromkeys(i.category for i in catalog.indicators))}
    order = {ind.code: (groups[ind.category], n) for n, ind in enumerate(catalog.indicators)}
    last = (len(groups), 0)
    out = []
    for f in findings:
        level = _level(f, checked)
        name = catalog.indicator(f.indicator).name if catalog.has_indicator(f.indicator) else f.indicator
        unit_name = catalog.unit(f.unit).name if catalog.has_unit(f.unit) else f.unit
        field = Field.EXPLANATION if level in (Level.WARNING, Level.EXPLAINED) else Field.VALUE
        out.append(FindingItem(f.unit, unit_name, f.period, f.indicator, name, level, f.message, field))
    # Periods in time order (2024年上半年 before 2024年), not as text ("2024" < "2024H1").
    return sorted(out, key=lambda i: (LEVEL_ORDER[i.level], parse_period(i.period), order.get(i.indicator, last)))


def counts(found: Iterable[FindingItem]) -> FindingCounts:
    levels = [i.level for i in found]
    return FindingCounts(
        levels.count(Level.ERROR),
        levels.count(Level.WARNING),
        levels.count(Level.EXPLAINED),
        levels.count(Level.UNFILLED),
    )


def while_filling(summary: CheckSummary, *, checked: bool) -> CheckSummary:
    """The form's counts as the clerk sees them: before they ask to check, a blank another figure needs is
    counted with the blanks (未填), not with the errors."""
    return summary if checked else replace(summary, errors=summary.errors - summary.pending)


def package_blockers(store: Store, periods: list[str]) -> list[FindingItem]:
    """What stops this unit's copy from packaging ``periods``: errors and warnings without 说明."""
    # named under the newest of the periods' plans (an indicator of an earlier plan keeps its code as its name)
    from .packages.submission import blocking_findings  # the packages' module: when a package is made

    catalog = store.catalog_for(max(periods, key=parse_period)) if periods else store.catalog()
    return items(catalog, blocking_findings(store, periods))
