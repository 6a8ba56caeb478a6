"""District totals for one period set against the plan: the figure leaders ask for.

Every row carries the one progress record of :mod:`.progress` (value, complete, missing, base,
expected, completion, verdict, estimated), flattened into the fields ``xz totals --json`` has always
given: only a complete figure gets a verdict (:data:`VERDICT_ON_TRACK` / :data:`VERDICT_BEHIND`) and a
completion; an incomplete one is :data:`VERDICT_INCOMPLETE` ("数据不全"), never 落后进度, with
``completion`` and ``on_track`` None. A figure completed by carrying a missing unit's earlier stock
figure forward (沿用上期) is ``estimated`` and its verdict is an estimate (估).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from itertools import chain, starmap
from operator import itemgetter
from typing import Any

from .aggregation import Aggregator, Carried, DistrictValue, Missing, collector_paused
from .catalog import Catalog, Indicator
from .periods import Period, parse_period
from .plans import Plan, YearValue
from .progress import (
    VERDICT_BEHIND,
    VERDICT_INCOMPLETE,
    VERDICT_NO_TARGET,
    VERDICT_ON_TRACK,
    Progress,
    district_progress,
)
from .trajectory import BASE_NONE, Base, resolve_base

__all__ = ["VERDICT_BEHIND", "VERDICT_INCOMPLETE", "VERDICT_NO_TARGET", "VERDICT_ON_TRACK", "TotalRow"]


@dataclass
class TotalRow:
    code: str
    name: str
    category: str
    source: str
    table1_seq: int | None
    table2_seq: int | None
    measure: str
    decimals: int
    aggregation: str
    value: float | None  # the period's district value, display measure
    cumulative: float | None  # flows with a cumulative target: the plan's first year … this period
    progress_value: float | None  # what is set against the target (cumulative or value)
    plan: str  # the code of the plan that judges the period (its catalog's)
    base_year: int  # the plan's base year: ``plan_base`` is its figure (or, base_span "plan", its plan's total)
    target_year: int  # the plan's target year: ``target`` is for it
    plan_base: float | None  # the plan's base value (display measure), as the catalog gives it
    base_span: str  # "year" (a year's figure) or "plan" (the preceding plan's total)
    target: float | None
    history: list[YearValue]  # the plan's earlier values (表1's 2015 column …)
    target_sense: str | None
    expected: float | None
    completion: float | None
    on_track: bool | None  # None unless the verdict is on_track or behind
    units_reported: list[str]
    units_missing: list[str]
    disputed: bool
    numerator: float | None = None
    denominator: float | None = None
    # Completeness of the figure judged (the cumulative for a five-year target, else the value).
    complete: bool = True
    verdict: str = VERDICT_NO_TARGET
    estimated: bool = False
    missing: list[Missing] = field(default_factory=list)
    carried: list[Carried] = field(default_factory=list)
    base: float | None = None  # the base completion is measured from (display measure)
    base_source: str = BASE_NONE  # plan | stored | zero | none (无基数)
    value_complete: bool = True  # the period's own value (differs from ``complete`` for cumulatives)
    # Reporting units' periods that hold a 逻辑性 error (e.g. left by a conflict's resolution): the
    # figure includes them and says so (filled in by ``services.totals.mark_errors``).
    errors: list[Missing] = field(default_factory=list)

    def plan_values(self) -> dict[str, float | None]:
        """The plan's values under the names of the plan folder's columns (``base_2015``, ``base_2020``,
        ``target_2025`` for the 十四五): what ``xz totals --json`` has always named them."""
        named: dict[str, float | None] = {f"base_{h.year}": h.value for h in self.history}
        named[f"base_{self.base_year}"] = self.plan_base
        named[f"target_{self.target_year}"] = self.target
        return named

    def as_json(self) -> dict[str, Any]:
        """What :func:`dataclasses.asdict` gives, built without its deep copies (a row lists every reporting unit)."""
        return {name: _plain(getattr(self, name)) for name in _ROW_FIELDS}

    @classmethod
    def from_json(cls, data: Any) -> TotalRow:
        """The row :meth:`as_json` gave ``data``; ``ValueError`` unless every field is there with its type."""
        if not isinstance(data, dict) or set(data) != set(_ROW_FIELDS):
            raise ValueError("not a total row")
        values = {name: _field_value(name, data[name]) for name in _ROW_FIELDS}
        return cls(**values)


_ROW_FIELDS = tuple(f.name for f in fields(TotalRow))

# What each field of a row read back may hold (the types of its annotation, JSON's view of them).
_NUMBER = (int, float)
_MAX_EXACT = 2**53  # integers a float holds exactly: no total, sequence or count is larger
_ROW_TYPES: dict[str, tuple[type, ...]] = {
    "code": (str,),
    "name": (str,),
    "category": (str,),
    "source": (str,),
    "measure": (str,),
    "aggregation": (str,),
    "verdict": (str,),
    "base_source": (str,),
    "plan": (str,),
    "base_span": (str,),
    "base_year": (int,),
    "target_year": (int,),
    "table1_seq": (int, type(None)),
    "table2_seq": (int, type(None)),
    "decimals": (int,),
    "target_sense": (str, type(None)),
    "on_track": (bool, type(None)),
    "disputed": (bool,),
    "complete": (bool,),
    "estimated": (bool,),
    "value_complete": (bool,),
}
_LISTS_OF_CODES = ("units_reported", "units_missing")
_LISTS_OF_RECORDS: dict[str, type] = {"missing": Missing, "carried": Carried, "errors": Missing}


def _field_value(name: str, value: Any) -> Any:
    if name == "history":
        return _history(value)
    if name in _LISTS_OF_CODES:
        if not isinstance(value, list) or not _only(str, value):
            raise ValueError(name)
        return value
    if name in _LISTS_OF_RECORDS:
        kind = _LISTS_OF_RECORDS[name]
        return list(starmap(kind, _record_fields(name, value, _RECORD_FIELDS[kind])))
    allowed = _ROW_TYPES.get(name)
    if allowed is None:  # a number or a blank (value, cumulative, expected, completion, …)
        if value is not None and type(value) not in _NUMBER:
            raise ValueError(name)
        if type(value) is int and abs(value) > _MAX_EXACT:  # not a figure any computation gives
            raise ValueError(name)
        return value  # as it was: an int stays an int, so the row prints as it did
    if type(value) not in allowed or (type(value) is int and abs(value) > _MAX_EXACT):
        raise ValueError(name)
    return value


def _history(value: Any) -> list[YearValue]:
    """A row's ``history`` read back: records of a whole ``year`` and a number or blank ``value``."""
    if not isinstance(value, list) or not _only(dict, value):
        raise ValueError("history")
    found = []
    for item in value:
        year, number = item.get("year"), item.get("value")
        if set(item) != {"year", "value"} or type(year) is not int or not 0 < year < 10_000:
            raise ValueError("history")
        if number is not None and (type(number) not in _NUMBER or abs(number) > _MAX_EXACT):
            raise ValueError("history")
        found.append(YearValue(year, number))
    return found


def _only(kind: type, values: Iterable[Any]) -> bool:
    """Whether every one of ``values`` is exactly of type ``kind``: the types gathered in C, not a loop per entry
    (a kept row lists thousands of units at province scale)."""
    return set(map(type, values)) <= {kind}


def _record_fields(name: str, value: Any, names: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The fields of each record of the list ``value``, in ``names``' order; ``ValueError`` unless every record is a
    dict of exactly those keys with a string under each (checked over the whole list at once, as :func:`_only`)."""
    if not isinstance(value, list) or not _only(dict, value) or not set(map(len, value)) <= {len(names)}:
        raise ValueError(name)
    try:  # as many keys as names and every name found: exactly those keys
        records = list(map(itemgetter(*names), value))
    except KeyError:
        raise ValueError(name) from None
    if not _only(str, chain.from_iterable(records)):
        raise ValueError(name)
    return records


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        if _only(str, value):
            return list(value)
        return [_record(v) for v in value]
    return value


def _record(value: Any) -> Any:
    """A :class:`Missing` or :class:`Carried` as ``asdict`` gives it (their fields are strings)."""
    if type(value) in (Missing, Carried):
        return {name: getattr(value, name) for name in _RECORD_FIELDS[type(value)]}
    return asdict(value) if is_dataclass(value) and not isinstance(value, type) else value


_RECORD_FIELDS: dict[type, tuple[str, ...]] = {t: tuple(f.name for f in fields(t)) for t in (Missing, Carried)}


def display_order(ind: Indicator) -> tuple[int, int]:
    """表2 first in its order, then 表1, then the text's targets, then components."""
    if ind.table2_seq is not None:
        return (0, ind.table2_seq)
    if ind.table1_seq is not None:
        return (1, ind.table1_seq)
    return (2 if ind.target is not None else 3, 0)


def district_totals(catalog: Catalog, aggregator: Aggregator, period: Period | str) -> list[TotalRow]:
    period = parse_period(period) if isinstance(period, str) else period
    indicators = sorted(catalog.indicators, key=display_order)  # sort is stable: catalog order within a group
    with collector_paused():  # every district figure and its units' contributions: see collector_paused
        return [total_row(ind, aggregator, period) for ind in indicators]


def base_for(ind: Indicator, aggregator: Aggregator) -> Base:
    """The base completion is measured from: the plan's base-year figure, else the district's stored figure of
    the base year when it is complete, else 0 for a cumulative, else none (无基数). A base that is the preceding
    plan's total (``base_span`` "plan") is no year's figure: the stored figure of the base year stands in."""
    stored = None
    if ind.target is not None and (ind.base is None or not ind.base_is_year) and not ind.is_cumulative:
        dv = aggregator.value(ind.code, Period(aggregator.catalog.plan.base_year))
        if dv.complete and not dv.estimated:
            stored = ind.to_display(dv.value)
    return resolve_base(ind, stored)


def total_row(ind: Indicator, aggregator: Aggregator, period: Period) -> TotalRow:
    dv = aggregator.value(ind.code, period)
    value = ind.to_display(dv.value)
    judged: DistrictValue = dv
    cumulative = None
    if ind.is_cumulative and period.year > aggregator.catalog.plan.base_year:
        judged = aggregator.cumulative_value(ind.code, period)
        cumulative = ind.to_display(judged.value)
    progress_value = cumulative if ind.is_cumulative else value
    p = district_progress(
        aggregator.catalog,
        ind,
        period,
        progress_value,
        complete=judged.complete,
        base=base_for(ind, aggregator),
        missing=judged.missing,
        estimated=judged.estimated,
    )
    return _row(ind, aggregator.catalog.plan, dv, judged, value, cumulative, p)


def _row(
    ind: Indicator,
    plan: Plan,
    dv: DistrictValue,
    judged: DistrictValue,
    value: float | None,
    cumulative: float | None,
    p: Progress,
) -> TotalRow:
    """The row: the indicator, its figure and the progress record ``p`` as it is, field by field."""
    return TotalRow(
        code=ind.code,
        name=ind.name,
        category=ind.category,
        source=ind.source,
        table1_seq=ind.table1_seq,
        table2_seq=ind.table2_seq,
        measure=ind.display_measure,
        decimals=ind.decimals,
        aggregation=ind.aggregation.value,
        value=value,
        cumulative=cumulative,
        progress_value=p.value,
        plan=plan.code,
        base_year=plan.base_year,
        target_year=plan.target_year,
        plan_base=ind.base,
        base_span=ind.base_span,
        target=ind.target,
        history=list(ind.history),
        target_sense=ind.target_sense,
        expected=p.expected,
        completion=p.completion,
        on_track=p.on_track,
        units_reported=dv.units_reported,
        units_missing=dv.units_missing,
        disputed=judged.disputed or dv.disputed,
        numerator=dv.numerator,
        denominator=dv.denominator,
        complete=p.complete,
        verdict=p.verdict,
        estimated=p.estimated,
        missing=list(judged.missing),
        carried=list(judged.carried),
        base=p.base.value,
        base_source=p.base.source,
        value_complete=dv.complete,
    )
