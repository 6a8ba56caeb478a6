"""Turning units' figures into district figures, by each indicator's aggregation.

All values here are in the indicator's entry measure; conversion to the display
measure happens when a figure is shown. ``None`` is a missing figure throughout and
is never treated as zero.

Completeness is part of every district figure (:class:`DistrictValue`): a figure is
complete when every expected reporter has a value for everything it covers — the
year-end value of a stock, both halves or the whole year of a flow, both parts of a
ratio, every part of a sum, every plan year of a cumulative. What keeps it from being
complete is listed as :class:`Missing` (unit, period). With carry-forward (沿用上期, the
district's choice, off by default) a missing unit's latest earlier *stock* figure stands
in for it, and the figure lists it as :class:`Carried`: an estimate (估).

A unit whose figures of an indicator are already inside other units' figures (the
catalog's overlaps, e.g. a zone lying inside towns) is shown per unit but not added
into the district total, and is not expected to report for it.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, count, filterfalse
from operator import attrgetter
from types import MappingProxyType
from typing import Any, NamedTuple, cast

from .catalog import Aggregation, Catalog, Indicator
from .periods import Period, is_valid_period, parse_period

Key = tuple[str, str, str]  # (unit, indicator, period)


_paused = 0  # how many callers hold the collector off (the window computes on workers)
_pause_lock = threading.Lock()
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off meanwhile.

    A year's district figures are hundreds of thousands of small objects without reference cycles (rows
    read, figures, contributions); while they are made the collector would otherwise walk every one of
    them again and again (a third of the time of the totals at province scale). Reference counting still
    frees them; anything cyclic made meanwhile is collected once the last caller is done.
    """
    global _paused, _was_enabled
    with _pause_lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _pause_lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()


@dataclass(frozen=True)
class Figure:
    """One stored figure: a unit's value of an indicator for a period."""

    unit: str
    indicator: str
    period: str
    value: float | None


@dataclass(frozen=True, order=True)
class Missing:
    """A unit's figure for a period that keeps a district figure from being complete."""

    unit: str
    period: str


@dataclass(frozen=True, order=True)
class Carried:
    """A missing stock figure of ``unit`` for ``period`` estimated by its figure of ``from_period`` (沿用上期)."""

    unit: str
    period: str
    from_period: str


# Figures by period text, indicator code and unit code (a blank is None): what one read of the periods a
# report needs gives, in the shape the aggregation and the year's 逻辑性 checks take them.
Columns = dict[str, dict[str, dict[str, float | None]]]

_EMPTY: Mapping[str, float] = MappingProxyType({})


def _own(code: Any) -> Any:
    """One copy of a code (``sys.intern``); a code that is not text (a BLOB in a hostile database) as it is,
    so the totals still come out, with the error mark of a code the catalog does not have."""
    return sys.intern(code) if type(code) is str else code


def _copied(column: Mapping[str, float | None]) -> dict[str, float]:
    """A column's figures without its blanks, each unit's code one copy (:func:`_own`), each figure a float.

    A column read from a database is plain (text codes, float figures): copied without a Python step per figure
    (``map`` and ``zip`` run in C; a year of a province is a million figures). Anything else, one by one.
    """
    figures = column.values()
    if None in figures:
        column = {u: v for u, v in column.items() if v is not None}
        figures = column.values()
    if set(map(type, column)) <= {str} and set(map(type, figures)) <= {float}:
        return dict(zip(map(sys.intern, column), cast(Iterable[float], figures)))
    return {_own(u): float(v) for u, v in column.items() if v is not None}


class FigureSet:
    """Units' figures indexed for aggregation; ``disputed`` keys mark unresolved conflicts.

    Held as columns: per indicator and period, each unit's figure (:meth:`column`). A district figure
    looks up one column per period it covers, not one series per unit; :meth:`series` (a unit's
    figures of an indicator, every period) is indexed from the columns when it is first asked for.
    """

    def __init__(
        self,
        figures: Iterable[Figure | tuple[str, str, str, float | None]] = (),
        disputed: Iterable[Key] = (),
        *,
        columns: Columns | None = None,
    ):
        """The ``figures`` one by one, or already read as ``columns`` (then ``figures`` are not looked at).

        Given ``columns`` are taken over: each column in them is replaced by the set's own copy (its blanks left
        out), so that a province's year is not held twice while the set is made (the caller reads no blank after).
        """
        nested: Columns = {}
        adopt = columns is None  # the columns built here are kept as they are; given ones are copied
        if columns is not None:
            nested = columns
        else:
            names: dict[str, str] = {}
            for fig in figures:
                unit, indicator, period, value = (
                    (fig.unit, fig.indicator, fig.period, fig.value) if isinstance(fig, Figure) else fig
                )
                if value is None:
                    continue  # a blank is no figure (and replaces none)
                unit = names.setdefault(unit, unit)  # one copy of each code (see below)
                try:
                    nested[period][indicator][unit] = float(value)
                except KeyError:
                    nested.setdefault(period, {}).setdefault(indicator, {})[unit] = float(value)
        self._columns: dict[tuple[str, Period], dict[str, float]] = {}
        self._units: dict[str, set[str]] = {}  # indicator -> units with at least one figure
        self.disputed: set[Key] = set(disputed)
        self._series: dict[tuple[str, str], dict[Period, float]] | None = None
        self._periods: dict[str, list[Period]] = {}  # indicator -> its periods in order, when 沿用上期 asks
        # Each row read from a database brings its own copies of the unit's and indicator's codes: one
        # copy of each is kept (at province scale the copies were a third of the set's memory).
        own = _own
        for text, by_indicator in nested.items():
            if not is_valid_period(text):  # outside the program's years (another program wrote it): no figure of
                continue  # any total, as the lists leave the period out; the row itself stays in the file
            parsed = parse_period(text)
            for code, column in by_indicator.items():
                values = cast(dict[str, float], column) if adopt else _copied(column)
                if not adopt:
                    by_indicator[code] = values  # type: ignore[assignment]  # the read column is freed now
                if not values:
                    continue
                indicator = own(code)
                held = self._columns.get((indicator, parsed))
                if held is None:
                    self._columns[(indicator, parsed)] = values
                else:  # the same period written two ways ("2024h1" and "2024H1"): the later text wins
                    held.update(values)
                self._units.setdefault(indicator, set()).update(values)

    def column(self, indicator: str, period: Period) -> Mapping[str, float]:
        """Each unit's figure of ``indicator`` for exactly ``period`` (a unit without one is absent)."""
        return self._columns.get((indicator, period), _EMPTY)

    @property
    def _by_series(self) -> dict[tuple[str, str], dict[Period, float]]:
        """(indicator, unit) -> that unit's figures by period, indexed from the columns when first needed."""
        if self._series is None:
            series: dict[tuple[str, str], dict[Period, float]] = {}
            for (indicator, period), values in self._columns.items():
                for unit, value in values.items():
                    held = series.get((indicator, unit))
                    if held is None:
                        held = series[(indicator, unit)] = {}
                    held[period] = value
            self._series = series
        return self._series

    def series(self, indicator: str, unit: str) -> dict[Period, float]:
        return self._by_series.get((indicator, unit), {})

    def latest_before(self, indicator: str, unit: str, period: Period) -> tuple[Period, float] | None:
        """``unit``'s latest figure of ``indicator`` before ``period`` (what 沿用上期 carries), if any."""
        periods = self._periods.get(indicator)
        if periods is None:
            periods = self._periods[indicator] = sorted(p for (code, p) in self._columns if code == indicator)
        for p in reversed(periods):
            if p < period and unit in self._columns[(indicator, p)]:
                return p, self._columns[(indicator, p)][unit]
        return None

    def units_with(self, indicator: str, among: Collection[str] | None = None) -> set[str]:
        """The units with a figure of ``indicator``; only those of ``among`` when it is given."""
        units = self._units.get(indicator, set())
        return set(units) if among is None else {u for u in among if u in units}

    def is_disputed(self, unit: str, indicator: str, period: Period) -> bool:
        if not self.disputed:
            return False
        if not period.is_year:
            return (unit, indicator, str(period)) in self.disputed
        return any(
            (unit, indicator, str(p)) in self.disputed for p in (period, Period(period.year, 1), Period(period.year, 2))
        )


@dataclass(slots=True)  # one per unit and indicator: hundreds of thousands at province scale
class UnitContribution:
    unit: str
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    carried_from: str | None = None  # the period whose figure was used instead (估)
    counted: bool = True  # False: already inside other units' figures, not added to the district


@dataclass
class DistrictValue:
    """A district figure with where it came from and whether it is complete.

    Its units' :attr:`contributions` (one object per unit) are made when first asked for: a year's totals at
    province scale have hundreds of thousands of them and read none (the 汇总 page shows one indicator's).
    """

    indicator: str
    period: str
    value: float | None
    units_reported: list[str] = field(default_factory=list)
    units_missing: list[str] = field(default_factory=list)
    disputed: bool = False
    numerator: float | None = None  # a ratio's numerator: that indicator's own district figure
    denominator: float | None = None  # a ratio's denominator: that indicator's own district figure
    missing: list[Missing] = field(default_factory=list)
    carried: list[Carried] = field(default_factory=list)
    # A same-reporter ratio is Σ over the units that gave both parts: these sums (None otherwise).
    numerator_used: float | None = None
    denominator_used: float | None = None
    # An entered indicator's counted units with their figures (None: none), in the units' order, and the units
    # shown but not counted (inside others): what its contributions list, kept in this compact form.
    # ``by_unit`` may be the stored column itself when every counted unit has its own figure there (no copy per
    # figure): only ``units_of``, the counted units in order, are looked up in it.
    by_unit: Mapping[str, float | None] | None = field(default=None, repr=False, compare=False)
    units_of: list[str] = field(default_factory=list, repr=False, compare=False)
    uncounted: list[UnitContribution] = field(default_factory=list, repr=False, compare=False)
    # How the contributions are made (from ``by_unit`` or the parts' figures); None: there are none.
    made: Callable[[], list[UnitContribution]] | None = field(default=None, repr=False, compare=False)
    _contributions: list[UnitContribution] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def contributions(self) -> list[UnitContribution]:
        """Each unit's part of the figure, in the units' order (the counted units, then those inside others)."""
        if self._contributions is None:
            self._contributions = self.made() if self.made is not None else []
        return self._contributions

    def shown_units(self) -> Iterator[str]:
        """The units of :attr:`contributions`, in their order, without making them."""
        if self.by_unit is None:
            return (c.unit for c in self.contributions)
        return chain(self.units_of, (c.unit for c in self.uncounted))

    def shown_figures(self) -> dict[str, float]:
        """Each unit's figure as :attr:`contributions` give it (a unit listed twice: its first figure), blanks left
        out, without making them: an entered indicator's from ``by_unit`` a column at a time."""
        if self.by_unit is None:
            out: dict[str, float] = {}
            for c in self.contributions:
                if c.value is not None:
                    out.setdefault(c.unit, c.value)
            return out
        by_unit, reported = self.by_unit, self.units_reported  # reported: the counted units with a figure, in order
        out = dict(zip(reported, cast(Iterable[float], map(by_unit.__getitem__, reported))))
        for c in self.uncounted:
            if c.value is not None:
                out.setdefault(c.unit, c.value)
        return out

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def estimated(self) -> bool:
        return bool(self.carried)


class UnitFigure(NamedTuple):
    """One unit's figure for a period: its value, the periods it lacks, and any carried figure."""

    value: float | None
    lacking: tuple[str, ...] = ()
    carried_from: str | None = None


def unit_figure(aggregation: Aggregation, series: Mapping[Period, float], period: Period) -> UnitFigure:
    """THE rule of one unit's own figure of an entered indicator for ``period``, or what it lacks.

    A stock's (or a ``district`` amount's) year is its year-end value (the year, or its second half); a first
    half alone is not a year-end figure. A flow's year is the whole-year value or both halves; one half alone
    is not the year. A half-year is taken as stored (a stock's second half may be its year-end value).
    The district totals (:class:`Aggregator`), the units' progress, assessment and index
    (``services/plan/figures.py``) all take a unit's figure from here.
    """
    if period in series:
        return UnitFigure(series[period])
    year, h1, h2 = Period(period.year), Period(period.year, 1), Period(period.year, 2)
    if not period.is_year:
        if aggregation is not Aggregation.FLOW and period == h2 and year in series:
            return UnitFigure(series[year])
        return UnitFigure(None, (str(period),))
    if aggregation is Aggregation.FLOW:
        if h1 in series and h2 in series:
            return UnitFigure(series[h1] + series[h2])
        if h1 in series:
            return UnitFigure(None, (str(h2),))
        if h2 in series:
            return UnitFigure(None, (str(h1),))
        return UnitFigure(None, (str(period),))
    if h2 in series:
        return UnitFigure(series[h2])
    return UnitFigure(None, (str(period),))


def derived_figure(ind: Indicator, own: Callable[[str], float | None]) -> tuple[float | None, tuple[str, ...]]:
    """One unit's own ratio or sum from its own figures of the components (``own(code)``), and the components
    it lacks (a ratio over a zero denominator lacks its denominator). Used by the units' progress
    (``services/plan/figures.py``) and the form's derived rows (``services/form.py``)."""
    if ind.aggregation is Aggregation.RATIO:
        num_code, den_code = ind.numerator or "", ind.denominator or ""
        num, den = own(num_code), own(den_code)
        lacking = tuple(c for c, v in ((num_code, num), (den_code, den)) if v is None)
        if lacking or not den:
            return None, lacking or (den_code,)
        return (num or 0.0) / den * ind.scale, ()
    if ind.aggregation is Aggregation.SUM:
        parts = {p: own(p) for p in ind.parts}
        lacking = tuple(p for p, v in parts.items() if v is None)
        return (None if lacking else sum(v or 0.0 for v in parts.values())), lacking
    return None, (ind.code,)


def _sum(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


# The records' own order (their fields in turn) as a key: sorting by it compares tuples of strings in C,
# not records through a Python ``__lt__`` (millions of calls at province scale). The same order.
_MISSING_ORDER = attrgetter("unit", "period")
_CARRIED_ORDER = attrgetter("unit", "period", "from_period")


def _merge_missing(*groups: Iterable[Missing]) -> list[Missing]:
    return sorted(set().union(*(set(g) for g in groups)), key=_MISSING_ORDER)


def _merge_carried(*groups: Iterable[Carried]) -> list[Carried]:
    return sorted(set().union(*(set(g) for g in groups)), key=_CARRIED_ORDER)


class Aggregator:
    """District figures for any indicator and period, from a :class:`FigureSet`.

    ``carry_forward`` turns on 沿用上期: a missing unit's latest earlier stock figure is used, marked.
    """

    def __init__(self, catalog: Catalog, figures: FigureSet, *, carry_forward: bool = False):
        self.catalog = catalog
        self.figures = figures
        self.carry_forward = carry_forward
        self._cache: dict[tuple[str, str], DistrictValue] = {}
        self._counted: dict[str, list[str]] = {}  # indicator -> counted reporters (the catalog is fixed)
        self._units: dict[str, list[str]] = {}  # indicator -> the units whose figures are counted
        self._active_units: list[str] | None = None  # their codes in catalog order, listed once
        self._active = {u.code for u in catalog.units if u.active}
        self._retired = [u.code for u in catalog.units if not u.active]
        self._inside: dict[str, set[str]] = {}  # indicator -> units inside others (overlaps)
        for o in catalog.overlaps:
            self._inside.setdefault(o.indicator, set()).add(o.unit)

    def value(self, code: str, period: Period | str) -> DistrictValue:
        period = parse_period(period) if isinstance(period, str) else period
        key = (code, str(period))
        if key not in self._cache:
            self._cache[key] = self._compute(self.catalog.indicator(code), period)
        return self._cache[key]

    def cumulative(self, code: str, year: int) -> float | None:
        """A flow summed over the plan's years up to ``year`` (its first year … year)."""
        first = self.catalog.plan.first_year
        values = [self.value(code, Period(y)).value for y in range(first, year + 1)]
        return _sum(values)

    def cumulative_value(self, code: str, period: Period | str) -> DistrictValue:
        """A flow summed over the plan from its first year to the end of ``period``, complete only if every part is.

        A first half adds to the earlier whole years; a second half ends its year.
        """
        period = parse_period(period) if isinstance(period, str) else period
        base_year = self.catalog.plan.base_year
        parts = [Period(y) for y in range(base_year + 1, period.year)]
        parts.append(period if period.half == 1 else Period(period.year))
        values = [self.value(code, p) for p in parts if p.year > base_year]
        return DistrictValue(
            code,
            str(period),
            _sum(v.value for v in values),
            sorted(set().union(*(v.units_reported for v in values))) if values else [],
            sorted(set().union(*(v.units_missing for v in values))) if values else [],
            any(v.disputed for v in values),
            missing=_merge_missing(*(v.missing for v in values)),
            carried=_merge_carried(*(v.carried for v in values)),
        )

    # -- per kind ---------------------------------------------------------
    def _compute(self, ind: Indicator, period: Period) -> DistrictValue:
        if ind.aggregation is Aggregation.RATIO:
            return self._ratio(ind, period)
        if ind.aggregation is Aggregation.SUM:
            return self._sum_of_parts(ind, period)
        if ind.aggregation is Aggregation.GROWTH:
            return self._growth(ind, period)
        return self._entered(ind, period)

    def _counted_reporters(self, ind: Indicator) -> list[str]:
        """The expected reporters whose figures are added into the district (overlaps left out)."""
        counted = self._counted.get(ind.code)
        if counted is None:
            inside = self._inside.get(ind.code)
            if self._active_units is None:
                self._active_units = [u.code for u in self.catalog.active_units()]
            # :meth:`Catalog.reporters` of the active units (none for a derived indicator), as codes in their order
            reporters = [] if ind.aggregation.is_derived else self.catalog.reporting(ind, self._active_units)
            counted = list(filterfalse(inside.__contains__, reporters)) if inside else reporters
            self._counted[ind.code] = counted
        return counted

    def _units_of(self, ind: Indicator) -> list[str]:
        """The units whose figures of ``ind`` are counted: its expected reporters, then any retired unit
        that ever reported it (retired units count for the periods they reported), in that order."""
        units = self._units.get(ind.code)
        if units is None:
            if ind.aggregation is Aggregation.DISTRICT:
                # Reported once by its owner: a copy from anyone else must not be summed in.
                units = [ind.reported_by[0]]
            else:
                expected = self._counted_reporters(ind)
                # Only a retired unit can report outside the expected (active) reporters: the others are counted.
                known = set(expected)
                units = expected + [
                    u
                    for u in sorted(self.figures.units_with(ind.code, self._retired) if self._retired else ())
                    if u not in known
                    and self.catalog.has_unit(u)
                    and self.catalog.reports(u, ind)
                    and not self.catalog.is_inside_others(u, ind.code)
                ]
            self._units[ind.code] = units
        return units

    def _figures_of(
        self, ind: Indicator, period: Period, units: list[str]
    ) -> tuple[Mapping[str, float | None], dict[str, tuple[str, ...]]]:
        """Each unit's figure of an entered indicator for ``period`` (None: it has none), and for each unit
        without one the periods it lacks: :func:`unit_figure`'s rules, a column of units at a time. When every
        unit has the period's own figure, that is the stored column itself (look up ``units`` only: it may hold
        other units' figures too); otherwise a dict of exactly ``units``.

        A stock's year is its year-end value (the year, or its second half); a flow's year is the whole-year
        value or both halves; a half-year is taken as stored (a stock's second half may be its year-end value).
        """
        column, code = self.figures.column, ind.code
        stored = column(code, period)
        lacking: dict[str, tuple[str, ...]] = {}
        without = list(filterfalse(stored.__contains__, units))  # a column holds no blank: None is absent
        if not without:
            return stored, lacking
        values: dict[str, float | None] = dict(zip(units, map(stored.get, units)))
        # The other columns a unit's figure may come from (the year's halves, or the year for its second
        # half): each unit without the period's own figure gets :func:`unit_figure` of what it has there.
        year = Period(period.year)
        others = [(p, column(code, p)) for p in (year, Period(year.year, 1), Period(year.year, 2)) if p != period]
        kind = ind.aggregation
        for u in without:
            fig = unit_figure(kind, {p: c[u] for p, c in others if u in c}, period)
            if fig.value is None:
                lacking[u] = fig.lacking
            else:
                values[u] = fig.value
        return values, lacking

    def _unit_figures(
        self, ind: Indicator, period: Period
    ) -> tuple[Mapping[str, float | None], dict[str, tuple[str, ...]], dict[str, str]]:
        """Each counted unit's figure (None: lacking; as :meth:`_figures_of`), what each unit without one lacks, and
        for each figure carried forward (沿用上期) the period it comes from."""
        units = self._units_of(ind)
        values, lacking = self._figures_of(ind, period, units)
        carried: dict[str, str] = {}
        # 沿用上期 fills in for a unit missing from a period others reported; it never invents a period.
        if (
            self.carry_forward
            and ind.aggregation is Aggregation.STOCK
            and lacking
            and len(lacking) < len(units)  # some unit has a figure
        ):
            values = cast(dict[str, float | None], values)  # a dict of the units: some lack their figure
            for u in list(lacking):
                if u in self._active:
                    earlier = self.figures.latest_before(ind.code, u, period)
                    if earlier is not None:
                        values[u] = earlier[1]
                        carried[u] = str(earlier[0])
                        del lacking[u]
        return values, lacking, carried

    def _inside_others(self, ind: Indicator, period: Period) -> list[UnitContribution]:
        """Units whose figures are inside others' for ``ind``: shown, not counted."""
        out: list[UnitContribution] = []
        inside = self._inside.get(ind.code)
        if not inside:
            return out
        for u in self.catalog.units:
            if u.code in inside and self.catalog.reports(u, ind):
                value = self._figures_of(ind, period, [u.code])[0][u.code]
                if value is not None or u.active:
                    out.append(UnitContribution(u.code, value, counted=False))
        return out

    def _entered(self, ind: Indicator, period: Period) -> DistrictValue:
        values, lacking, carried_from = self._unit_figures(ind, period)
        units = self._units_of(ind)
        # A unit's figure is None exactly when it lacks one: the others are listed and summed in C, in order.
        reported = list(filterfalse(lacking.__contains__, units)) if lacking else list(units)
        present = cast(Iterable[float], map(values.__getitem__, reported))
        total: float | None = sum(present) if reported else None
        active = self._active
        active_missing = [u for u in lacking if u in active]  # in the units' order, as ``values``
        missing = sorted((Missing(u, p) for u in active_missing for p in lacking[u]), key=_MISSING_ORDER)
        carried = sorted((Carried(u, str(period), f) for u, f in carried_from.items()), key=_CARRIED_ORDER)
        uncounted = self._inside_others(ind, period)

        def made() -> list[UnitContribution]:
            if carried_from:
                out = [UnitContribution(u, values.get(u), carried_from=carried_from.get(u)) for u in units]
            else:
                out = [UnitContribution(u, values.get(u)) for u in units]
            return out + uncounted

        figures = self.figures
        return DistrictValue(
            ind.code,
            str(period),
            total,
            reported,
            active_missing,
            disputed=bool(figures.disputed) and any(figures.is_disputed(u, ind.code, period) for u in reported),
            missing=missing,
            carried=carried,
            by_unit=values,
            units_of=units,
            uncounted=uncounted,
            made=made,
        )

    def _same_reporters(self, components: list[Indicator]) -> bool:
        reporter_sets = {frozenset(self._counted_reporters(c)) for c in components}
        return len(reporter_sets) == 1 and not any(c.aggregation.is_derived for c in components)

    def _ratio(self, ind: Indicator, period: Period) -> DistrictValue:
        num_ind, den_ind = self.catalog.indicator(ind.numerator or ""), self.catalog.indicator(ind.denominator or "")
        n, d = self.value(num_ind.code, period), self.value(den_ind.code, period)
        disputed = n.disputed or d.disputed
        carried = _merge_carried(n.carried, d.carried)
        made: Callable[[], list[UnitContribution]] | None = None
        if self._same_reporters([num_ind, den_ind]):
            # Both parts are entered (``_same_reporters``): their counted units' figures are their ``by_unit``
            # (None: lacking), and their reported units those of them with a figure, in the same order.
            nums, dens = n.by_unit or {}, d.by_unit or {}
            units = list(dict.fromkeys(chain(n.units_of, d.units_of)))
            given = set(d.units_reported)
            both = list(filter(given.__contains__, n.units_reported))  # in the units' order: nums' own
            # Σnumerator / Σdenominator over the units that gave both: never a mean of ratios.
            num_used: float | None = sum(cast(Iterable[float], map(nums.__getitem__, both))) if both else None
            den_used: float | None = sum(cast(Iterable[float], map(dens.__getitem__, both))) if both else None
            active = self._active  # a part's missing units are among its own units, so among ``units``
            missing = _merge_missing(
                (m for m in n.missing if m.unit in active), (m for m in d.missing if m.unit in active)
            )
            reported = both
            lacking = []
            if missing:
                place = dict(zip(units, count()))
                lacking = sorted({m.unit for m in missing}, key=place.__getitem__)
            scale = ind.scale

            def made() -> list[UnitContribution]:
                out = []
                own_n, own_d = set(n.units_of), set(d.units_of)  # ``by_unit`` may hold other units' figures
                for u in units:
                    nv = nums.get(u) if u in own_n else None
                    dv = dens.get(u) if u in own_d else None
                    out.append(UnitContribution(u, _scaled(nv, dv, scale), nv, dv))
                return out

            value = _scaled(num_used, den_used, ind.scale)
        else:
            # Different reporters (a department's count over the towns' population): the ratio
            # exists only when both are complete, or it would be inflated.
            missing = _merge_missing(n.missing, d.missing)
            reported = sorted(set(n.units_reported) | set(d.units_reported))
            lacking = sorted(set(n.units_missing) | set(d.units_missing))
            num_used, den_used = (n.value, d.value) if not missing else (None, None)
            value = _scaled(n.value, d.value, ind.scale) if not missing else None
        return DistrictValue(
            ind.code,
            str(period),
            value,
            reported,
            lacking,
            disputed,
            numerator=n.value,
            denominator=d.value,
            missing=missing,
            carried=carried,
            numerator_used=num_used,
            denominator_used=den_used,
            made=made,
        )

    def _sum_of_parts(self, ind: Indicator, period: Period) -> DistrictValue:
        """The sum of the parts' own district figures, so that a sum always equals its parts as shown."""
        parts = self.catalog.components(ind)
        subs = [self.value(p.code, period) for p in parts]
        total = _sum(s.value for s in subs)

        def made() -> list[UnitContribution]:
            by_unit: dict[str, list[float | None]] = {}
            for s in subs:
                for c in s.contributions:
                    if c.counted:
                        by_unit.setdefault(c.unit, []).append(c.value)
            return [UnitContribution(u, _sum(vs)) for u, vs in by_unit.items()]

        return DistrictValue(
            ind.code,
            str(period),
            total,
            sorted(set().union(*(s.units_reported for s in subs))) if subs else [],
            sorted(set().union(*(s.units_missing for s in subs))) if subs else [],
            any(s.disputed for s in subs),
            missing=_merge_missing(*(s.missing for s in subs)),
            carried=_merge_carried(*(s.carried for s in subs)),
            made=made,
        )

    def _growth(self, ind: Indicator, period: Period) -> DistrictValue:
        base_ind = self.catalog.indicator(ind.growth_of or "")
        now = self.value(base_ind.code, period)
        base_year = self.catalog.plan.base_year
        years = period.year - base_year - (0.5 if period.half == 1 else 0.0)
        stored = self.value(base_ind.code, Period(base_year))
        base = stored.value if stored.complete else None
        if base is None and base_ind.base_is_year:
            base = base_ind.to_entry(base_ind.base)
        rate = compound_growth(base, now.value, years)
        return DistrictValue(
            ind.code,
            str(period),
            rate,
            now.units_reported,
            now.units_missing,
            now.disputed,
            missing=list(now.missing),
            carried=list(now.carried),
        )


def _scaled(num: float | None, den: float | None, scale: float) -> float | None:
    if num is None or den is None or den == 0:
        return None
    return num / den * scale


def compound_growth(base: float | None, now: float | None, years: float) -> float | None:
    """Average annual growth in percent from ``base`` to ``now`` over ``years`` years."""
    if base is None or now is None or years <= 0 or base <= 0 or now < 0:
        return None
    return float(((now / base) ** (1 / years) - 1) * 100)
