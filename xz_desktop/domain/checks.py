"""审核: the checks on a unit's figures, as Chinese report software has them.

逻辑性审核 (errors) must be fixed: range, sign, a numerator without its denominator,
internal consistency such as 博士 + 硕士 ≤ 人才资源总量. 合理性审核 (warnings) may stand
with a written explanation (说明): a jump from last year beyond the indicator's
threshold, a value outside its usual range. The same functions serve the form, the
CLI's ``xz check``, packaging and the district's merge.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from itertools import compress, repeat
from typing import NamedTuple, cast

from .aggregation import Columns
from .catalog import Aggregation, Catalog, Indicator, Rule
from .limits import MAX_COUNT, MAX_MAGNITUDE
from .messages import QT_TRANSLATE_NOOP, Message, Translate
from .numbers import format_number, format_typed, is_whole

# A numerator typed before its denominator: an error of the period as a whole (a blank to fill),
# not of the figure just typed.
NEEDS_DENOMINATOR = QT_TRANSLATE_NOOP("checks", "填了{numerator}，缺少计算“{ratio}”所需的{denominator}")


class Severity(str, Enum):
    ERROR = "error"  # 逻辑性审核
    WARNING = "warning"  # 合理性审核


@dataclass(frozen=True)
class Finding:
    unit: str
    indicator: str
    period: str
    severity: Severity
    message: Message
    explained: bool = False
    # An error only because a figure is not filled yet (a denominator still blank): while the clerk is still
    # filling the form it is shown as 未填; once they ask to check, leave the form or package, an error.
    pending: bool = False

    @property
    def blocking(self) -> bool:
        """Whether it stops a package: every error, and a warning without 说明."""
        return self.severity is Severity.ERROR or not self.explained

    def text(self, translate: Translate | None = None) -> str:
        return self.message.format(translate)


class Entry(NamedTuple):
    """What a unit has for one indicator in one period (a named tuple: the totals check a year of them)."""

    value: float | None
    explanation: str = ""


# A 说明 must say something in words: at least this many letters (Chinese characters count one each).
# "6200" — a figure typed into the 说明 by mistake — or "1人" is no explanation.
MIN_EXPLANATION_LETTERS = 2


def explanation_problem(text: str) -> Message | None:
    """Why ``text`` cannot stand as a 说明 (None when it can, or when it is blank: a 说明 cleared)."""
    text = text.strip()
    if not text:
        return None
    letters = sum(1 for ch in text if ch.isalpha())
    if letters >= MIN_EXPLANATION_LETTERS:
        return None
    if not letters:
        return Message(
            "checks",
            QT_TRANSLATE_NOOP("checks", "说明“{text}”只是数字或符号，不能作为说明；请用文字写明变动原因"),
            {"text": text},
        )
    return Message(
        "checks",
        QT_TRANSLATE_NOOP("checks", "说明“{text}”太短，请用至少 {n} 个字写明变动原因"),
        {"text": text, "n": MIN_EXPLANATION_LETTERS},
    )


def is_explanation(text: str) -> bool:
    """Whether ``text`` explains a warning: not blank and not refused by :func:`explanation_problem`."""
    return bool(text.strip()) and explanation_problem(text) is None


def _fmt(ind: Indicator, value: float) -> str:
    return f"{format_typed(value)}{ind.entry_measure}"


def ceiling(ind: Indicator) -> float:
    """The largest magnitude a figure of ``ind`` can have: beyond it no figure is stored, by any way in
    (a count's :data:`MAX_COUNT` unless the catalog sets its own ``max``; any other's :data:`MAX_MAGNITUDE`)."""
    return MAX_COUNT if ind.is_count and ind.max is None else MAX_MAGNITUDE


def beyond_ceiling(ind: Indicator, value: float | None) -> bool:
    """Whether ``value`` is no possible figure of ``ind`` (not finite, or beyond :func:`ceiling`)."""
    return value is not None and (not math.isfinite(value) or abs(value) > ceiling(ind))


def beyond_ceiling_message(ind: Indicator, value: float) -> Message:
    return Message(
        "checks",
        QT_TRANSLATE_NOOP("checks", "{name}填了 {value}，超出可能的范围（绝对值不超过 {bound}）"),
        {"name": ind.name, "value": repr(value), "bound": format_number(ceiling(ind))},
    )


def value_findings(
    ind: Indicator, value: float | None, previous: float | None, *, warnings: bool = True
) -> list[tuple[Severity, Message]]:
    """The checks that need nothing but the value itself and last year's (``warnings=False``: the errors only)."""
    if value is None:
        return []
    found: list[tuple[Severity, Message]] = []
    if beyond_ceiling(ind, value):
        return [(Severity.ERROR, beyond_ceiling_message(ind, value))]
    if ind.is_count and not is_whole(value):
        return [
            (
                Severity.ERROR,
                Message(
                    "checks",
                    QT_TRANSLATE_NOOP("checks", "{name}是个数（{measure}），应为整数（填了 {value}）"),
                    {"name": ind.name, "measure": ind.entry_measure, "value": format_typed(value)},
                ),
            )
        ]
    if ind.min is not None and value < ind.min:
        template = (
            QT_TRANSLATE_NOOP("checks", "{name}不能为负数（填了 {value}）")
            if ind.min == 0
            else QT_TRANSLATE_NOOP("checks", "{name}不能小于 {bound}（填了 {value}）")
        )
        found.append(
            (
                Severity.ERROR,
                Message("checks", template, {"name": ind.name, "value": _fmt(ind, value), "bound": _fmt(ind, ind.min)}),
            )
        )
    if ind.max is not None and value > ind.max:
        found.append(
            (
                Severity.ERROR,
                Message(
                    "checks",
                    QT_TRANSLATE_NOOP("checks", "{name}不能大于 {bound}（填了 {value}）"),
                    {"name": ind.name, "value": _fmt(ind, value), "bound": _fmt(ind, ind.max)},
                ),
            )
        )
    if found or not warnings:
        return found
    low, high = ind.usual_min, ind.usual_max
    if (low is not None and value < low) or (high is not None and value > high):
        found.append(
            (
                Severity.WARNING,
                Message(
                    "checks",
                    QT_TRANSLATE_NOOP("checks", "{name} {value} 超出通常范围（{low}–{high}），请填写说明"),
                    {
                        "name": ind.name,
                        "value": _fmt(ind, value),
                        "low": "" if low is None else _fmt(ind, low),
                        "high": "" if high is None else _fmt(ind, high),
                    },
                ),
            )
        )
    if ind.yoy_threshold is not None and previous not in (None, 0):
        change = (value - previous) / abs(previous)
        if abs(change) > ind.yoy_threshold:
            found.append(
                (
                    Severity.WARNING,
                    Message(
                        "checks",
                        QT_TRANSLATE_NOOP(
                            "checks",
                            "{name}比上年{direction} {change:.0%}（上年 {previous}），超过 {threshold:.0%}，请填写说明",
                        ),
                        {
                            "name": ind.name,
                            "direction": "增长" if change > 0 else "下降",
                            "change": abs(change),
                            "previous": _fmt(ind, previous),
                            "threshold": ind.yoy_threshold,
                        },
                    ),
                )
            )
    return found


def check_unit_period(
    catalog: Catalog,
    unit: str,
    period: str,
    entries: Mapping[str, Entry],
    previous: Mapping[str, float | None] | None = None,
    *,
    same_year: Mapping[str, Mapping[str, Entry]] | None = None,
    errors_only: bool = False,
) -> list[Finding]:
    """Every check on one unit's figures for one period (``errors_only``: the 逻辑性 ones only).

    ``entries`` maps indicator codes to what the unit stored (missing codes are blanks);
    ``previous`` maps codes to the same unit's figure a year earlier; ``same_year`` maps the
    other periods of the same year (``2023``, ``2023H1``, ``2023H2``) to the unit's entries there,
    so that a flow's halves that disagree with its year are an error (see :func:`year_siblings`).
    Every 合理性 check is a warning, so ``errors_only`` (which needs no ``previous``) finds
    exactly the errors the full run finds.
    """
    previous = previous or {}
    findings: list[Finding] = []

    def add(code: str, severity: Severity, message: Message) -> None:
        explained = is_explanation(entries.get(code, Entry(None)).explanation)
        pending = message.template == NEEDS_DENOMINATOR and _present(entries, code) is None
        findings.append(
            Finding(unit, code, period, severity, message, explained and severity is Severity.WARNING, pending)
        )

    for code, entry in entries.items():
        if not catalog.has_indicator(code):
            add(
                code,
                Severity.ERROR,
                Message("checks", QT_TRANSLATE_NOOP("checks", "目录中没有指标“{code}”"), {"code": code}),
            )
            continue
        found = value_findings(catalog.indicator(code), entry.value, previous.get(code), warnings=not errors_only)
        for severity, message in found:
            add(code, severity, message)
    _check_ratio_components(catalog, unit, entries, add)
    _check_rules(catalog, entries, previous, add)
    if same_year:
        _check_halves(catalog, period, entries, same_year, add)
    return findings


def year_siblings(period: str) -> list[str]:
    """The other periods of ``period``'s year: a year's halves, or a half's year and other half."""
    year = period[:4]
    return [p for p in (year, f"{year}H1", f"{year}H2") if p != period]


def _check_halves(
    catalog: Catalog,
    period: str,
    entries: Mapping[str, Entry],
    same_year: Mapping[str, Mapping[str, Entry]],
    add: Callable[[str, Severity, Message], None],
) -> None:
    """逻辑性: a flow's first half plus its second half must equal its whole year, when all three are stored."""
    year = period[:4]
    periods = {period: entries, **{p: same_year.get(p, {}) for p in year_siblings(period)}}
    if not all(periods.values()):
        return  # the year and both halves are needed: one of them holds nothing
    for code in entries:
        if not catalog.has_indicator(code) or catalog.indicator(code).aggregation is not Aggregation.FLOW:
            continue
        whole, h1, h2 = (_present(periods[p], code) for p in (year, f"{year}H1", f"{year}H2"))
        if whole is None or h1 is None or h2 is None:
            continue
        if abs(h1 + h2 - whole) > 1e-9 * max(1.0, abs(whole)):
            ind = catalog.indicator(code)
            add(
                code,
                Severity.ERROR,
                Message(
                    "checks",
                    QT_TRANSLATE_NOOP(
                        "checks", "{name}上半年 {h1} + 下半年 {h2} = {halves}，与全年 {whole} 不一致，请核对后修改"
                    ),
                    {
                        "name": ind.name,
                        "h1": _fmt(ind, h1),
                        "h2": _fmt(ind, h2),
                        "halves": _fmt(ind, h1 + h2),
                        "whole": _fmt(ind, whole),
                    },
                ),
            )


def _present(entries: Mapping[str, Entry], code: str | None) -> float | None:
    entry = entries.get(code) if code else None
    return None if entry is None else entry.value


# Records a finding: (indicator code, severity, message).
_Add = Callable[[str, Severity, Message], None]


def _check_ratio_components(catalog: Catalog, unit: str, entries: Mapping[str, Entry], add: _Add) -> None:
    seen: set[tuple[str, str]] = set()
    for ratio in catalog.indicators:
        if ratio.aggregation is not Aggregation.RATIO:
            continue
        num, den = cast(str, ratio.numerator), cast(str, ratio.denominator)  # Catalog.validate: a ratio names both
        if (num, den) in seen:
            continue
        seen.add((num, den))
        n, d = _present(entries, num), _present(entries, den)
        # Only where this unit reports both: a department's figure never needs a town's.
        if n is not None and d is None and _reports_both(catalog, unit, num, den):
            add(
                den,
                Severity.ERROR,
                Message(
                    "checks",
                    NEEDS_DENOMINATOR,
                    {
                        "numerator": catalog.indicator(num).name,
                        "ratio": ratio.name,
                        "denominator": catalog.indicator(den).name,
                    },
                ),
            )
        elif n not in (None, 0) and d == 0:
            add(
                den,
                Severity.ERROR,
                Message(
                    "checks",
                    QT_TRANSLATE_NOOP("checks", "{denominator}为 0，无法计算“{ratio}”"),
                    {"ratio": ratio.name, "denominator": catalog.indicator(den).name},
                ),
            )


def _reports_both(catalog: Catalog, unit: str, num: str, den: str) -> bool:
    return catalog.has_unit(unit) and all(catalog.reports(unit, catalog.indicator(c)) for c in (num, den))


class _Broken(NamedTuple):
    """A rule ``Σparts ≤ Σtotal`` that does not hold (a ``≥`` rule read the other way round)."""

    rule: Rule
    parts: tuple[str, ...]
    total: tuple[str, ...]


def _sides(rule: Rule) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(parts, total) of ``rule``: the side that must be the smaller is the parts."""
    return (rule.left, rule.right) if rule.op == "<=" else (rule.right, rule.left)


# How far a figure must have moved from last year (a factor of 1.5 either way) to be taken as the mistyped one.
_JUMP = math.log(1.5)


def _jump(value: float | None, before: float | None) -> float:
    """How far ``value`` moved from ``before`` (|ln ratio|); 0 when either is missing or not positive."""
    if value is None or before is None or value <= 0 or before <= 0:
        return 0.0
    return abs(math.log(value / before))


def likely_mistyped(broken: list[_Broken], entries: Mapping[str, Entry], previous: Mapping[str, float | None]) -> str:
    """The cell the clerk most likely mistyped among rules broken against one total.

    1. Last year decides when it can: the total or a part common to every broken rule that moved furthest
       from its previous figure, if by a factor of 1.5 or more (5,800 typed for 58,000 moved by 10).
    2. Else a part common to every broken rule that alone exceeds the total (博士 20,000 against 10,000).
    3. Else the total: a total too small breaks rules with different parts, and is the one cell they share.
    """
    total = broken[0].total
    common = set(broken[0].parts).intersection(*(b.parts for b in broken[1:]))
    values = {code: _present(entries, code) for code in (*total, *common)}
    total_value = sum(v or 0.0 for code, v in values.items() if code in total)
    candidates = [*total, *sorted(common)]  # the total first: it wins a tie
    jumps = {code: _jump(values[code], previous.get(code)) for code in candidates}
    furthest = max(candidates, key=lambda c: jumps[c])
    if jumps[furthest] >= _JUMP:
        return furthest
    alone = [c for c in sorted(common) if (values[c] or 0.0) > total_value]
    if alone:
        return max(alone, key=lambda c: values[c] or 0.0)
    return total[0]


def _named(catalog: Catalog, codes: tuple[str, ...], entries: Mapping[str, Entry]) -> str:
    """“博士 20,000 + 硕士 500 = 20,500”: each figure by name, and the sum when there are several."""
    shown = [f"{catalog.indicator(c).name} {format_typed(_present(entries, c) or 0.0)}" for c in codes]
    if len(codes) == 1:
        return shown[0]
    return " + ".join(shown) + f" = {format_typed(sum(_present(entries, c) or 0.0 for c in codes))}"


def _check_rules(
    catalog: Catalog, entries: Mapping[str, Entry], previous: Mapping[str, float | None], add: _Add
) -> None:
    broken: dict[tuple[str, ...], list[_Broken]] = {}
    for rule in catalog.rules:
        left = [_present(entries, c) for c in rule.left]
        right = [_present(entries, c) for c in rule.right]
        if any(v is None for v in left + right):
            continue  # a part or the total not filled yet: nothing to say about the rule
        lsum, rsum = sum(cast(list[float], left)), sum(cast(list[float], right))  # no None: skipped above
        ok = lsum <= rsum + 1e-9 if rule.op == "<=" else lsum >= rsum - 1e-9
        if not ok:
            parts, total = _sides(rule)
            broken.setdefault(total, []).append(_Broken(rule, parts, total))
    for group in broken.values():
        # Every rule broken against the same total points at the same likely mistyped cell.
        suspect = likely_mistyped(group, entries, previous)
        for b in group:
            add(
                suspect,
                Severity.ERROR,
                Message(
                    "checks",
                    QT_TRANSLATE_NOOP("checks", "{message}：{parts}，超过{total}；最可能填错的是“{suspect}”"),
                    {
                        "message": b.rule.message,
                        "parts": _named(catalog, b.parts, entries),
                        "total": _named(catalog, b.total, entries),
                        "suspect": catalog.indicator(suspect).name,
                    },
                ),
            )


@dataclass
class CheckSummary:
    """Counts a form's summary line shows."""

    filled: int = 0
    missing: int = 0
    errors: int = 0
    warnings: int = 0
    unexplained: int = 0
    pending: int = 0  # of the errors, those that are only a figure not filled yet (Finding.pending)

    @property
    def blocking(self) -> int:
        return self.errors + self.unexplained


def summarise(catalog: Catalog, unit: str, entries: Mapping[str, Entry], findings: list[Finding]) -> CheckSummary:
    expected = [i.code for i in catalog.indicators_for_unit(unit)]
    filled = sum(1 for c in expected if _present(entries, c) is not None)
    return CheckSummary(
        filled=filled,
        missing=len(expected) - filled,
        errors=sum(1 for f in findings if f.severity is Severity.ERROR),
        warnings=sum(1 for f in findings if f.severity is Severity.WARNING),
        unexplained=sum(1 for f in findings if f.severity is Severity.WARNING and not f.explained),
        pending=sum(1 for f in findings if f.severity is Severity.ERROR and f.pending),
    )


# -- a year's 逻辑性 errors, over columns --------------------------------------------------------------
# The district's totals mark every reporting unit's period that holds a 逻辑性 error. At province scale a
# year is 1,300 unit-periods of 72 figures; almost none holds an error. The checks below look at whole
# columns (one indicator's figures of every unit) for anything that *could* be an error — a superset of the
# errors — and :func:`check_unit_period` itself decides for those unit-periods only: it stays the one
# authority of what an error is.


def unit_periods_with_errors(catalog: Catalog, columns: Columns) -> set[tuple[str, str]]:
    """The (unit, period) pairs of ``columns`` whose figures hold a 逻辑性 error.

    ``columns``: period → indicator → unit → figure (None: a blank, which is an entry too) of whole years
    (each period with the other periods of its year, if any is stored). The same pairs as
    :func:`check_unit_period` with ``errors_only`` and ``same_year`` over every unit-period; an error never
    depends on a 说明, so none is needed.
    """
    found: set[tuple[str, str]] = set()
    for unit, period in _could_err(catalog, columns):
        own = _entries_of(columns, unit, period)
        same_year = {s: _entries_of(columns, unit, s) for s in year_siblings(period)}
        if any(
            f.severity is Severity.ERROR
            for f in check_unit_period(catalog, unit, period, own, same_year=same_year, errors_only=True)
        ):
            found.add((unit, period))
    return found


def _entries_of(columns: Columns, unit: str, period: str) -> dict[str, Entry]:
    return {code: Entry(col[unit]) for code, col in columns.get(period, {}).items() if unit in col}


def _could_err(catalog: Catalog, columns: Columns) -> set[tuple[str, str]]:
    """Every (unit, period) that :func:`check_unit_period` could find a 逻辑性 error in, and perhaps more."""
    suspects: set[tuple[str, str]] = set()
    for period, by_code in columns.items():
        # Figures alone (value_findings): outside the indicator's bounds, or a count that is not whole.
        present: dict[str, dict[str, float]] = {}
        for code, col in by_code.items():
            if not catalog.has_indicator(code):
                suspects.update((u, period) for u in col)  # 目录中没有指标: even a blank
                continue
            ind = catalog.indicator(code)
            bound = float(MAX_COUNT if ind.is_count and ind.max is None else MAX_MAGNITUDE)
            low = -bound if ind.min is None else max(-bound, ind.min)
            high = bound if ind.max is None else min(bound, ind.max)
            values = cast(
                dict[str, float], {u: v for u, v in col.items() if v is not None} if None in col.values() else col
            )
            present[code] = values
            if values and _within(values.values(), low, high, whole=ind.is_count):
                continue  # the usual case, decided over the column at once
            if ind.is_count:
                # NaN fails every comparison; a whole number equals its floor
                suspects.update((u, period) for u, v in values.items() if not (low <= v <= high and v == math.floor(v)))
            else:
                suspects.update((u, period) for u, v in values.items() if not low <= v <= high)
        none: dict[str, float] = {}
        # A ratio's numerator without its denominator, or over a zero one (_check_ratio_components).
        for ratio in catalog.indicators:
            if ratio.aggregation is Aggregation.RATIO and ratio.numerator and ratio.denominator:
                dens = present.get(ratio.denominator, none)
                suspects.update(
                    (u, period) for u in present.get(ratio.numerator, none) if u not in dens or dens[u] == 0
                )
        # Σleft op Σright over the units that gave every figure of the rule (_check_rules).
        for rule in catalog.rules:
            codes = [*rule.left, *rule.right]
            if not codes:
                continue  # 0 op 0 holds
            cols = [present.get(c, none) for c in codes]
            fewest: dict[str, float] = min(cols, key=len)
            units = list(set(fewest).intersection(*cols))  # the units that gave every figure of the rule
            if not units:
                continue  # (and a code of the rule may have no column)
            # Each unit's Σleft and Σright, its figures added in the rule's order, a column at a time in C.
            lsums, rsums = (_sums(present, side, units) for side in (rule.left, rule.right))
            # without the checks' 1e-9 allowance: a superset of their errors
            broken = map(operator.gt if rule.op == "<=" else operator.lt, lsums, rsums)
            suspects.update(zip(compress(units, broken), repeat(period)))
    suspects |= _halves_could_err(catalog, columns)
    return suspects


def _sums(present: Mapping[str, Mapping[str, float]], codes: Collection[str], units: list[str]) -> Iterator[float]:
    """Each of ``units``' sum of its figures of ``codes`` (every one present), added in ``codes``' order."""
    if not codes:
        return repeat(0, len(units))  # sum([]) of each: 0 (an int compares as 0.0)
    return map(sum, zip(*(map(present[c].__getitem__, units) for c in codes)))


def _within(values: Collection[float], low: float, high: float, *, whole: bool) -> bool:
    """Whether every one of ``values`` (some) lies in [low, high] — and is whole, if ``whole`` — decided in C:
    a sum that is finite has no NaN or infinity among its terms, and then min and max compare as numbers.
    False when that cannot be said (the caller then looks at each)."""
    total = sum(values)
    if total != total or math.isinf(total) or not (low <= min(values) and max(values) <= high):
        return False
    if not whole:
        return True
    try:
        return all(map(float.is_integer, values))
    except TypeError:  # not every one a float
        return False


def _halves_could_err(catalog: Catalog, columns: Columns) -> set[tuple[str, str]]:
    """A flow's halves that do not add up to its year, where a unit has entries in the year and both halves
    (_check_halves): each of the three periods."""
    suspects: set[tuple[str, str]] = set()
    years = {p[:4] for p in columns}
    for year in years:
        periods = (year, f"{year}H1", f"{year}H2")
        if not all(columns.get(p) for p in periods):
            continue
        whole, first, second = (columns[p] for p in periods)
        for code, col in whole.items():
            if not catalog.has_indicator(code) or catalog.indicator(code).aggregation is not Aggregation.FLOW:
                continue
            h1s, h2s = first.get(code, {}), second.get(code, {})
            for u, w in col.items():
                a, b = h1s.get(u), h2s.get(u)
                if w is not None and a is not None and b is not None and a + b != w:
                    suspects.update((u, p) for p in periods)
    return suspects
