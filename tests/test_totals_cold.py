"""The cold totals (nothing stored: every figure read and aggregated) give what the plain ways give.

A year's totals read the year (with its blanks) and the other periods they need in one read — through the
index, or in one pass over the whole table when that is cheaper —, find the year's 逻辑性 errors over columns
(``check_unit_period`` deciding for the suspects) and aggregate columns of units. Each is compared here with
the plain way, computed in the test: every row of the table filtered by hand, ``check_unit_period`` on every
unit-period, ``unit_figure`` of each unit's series.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xz_desktop.domain.aggregation import (
    Aggregator,
    Carried,
    FigureSet,
    Missing,
    collector_paused,
    unit_figure,
)
from xz_desktop.domain.catalog import Aggregation, Overlap
from xz_desktop.domain.checks import Entry, Severity, check_unit_period, unit_periods_with_errors, year_siblings
from xz_desktop.domain.periods import Period, parse_period
from xz_desktop.domain.totals import district_totals
from xz_desktop.services import pivot
from xz_desktop.services.totals import error_keys, totals, totals_selections, year_figures, year_periods
from xz_desktop.store import open_store
from xz_desktop.store import values as store_values
from xz_desktop.store.values import FigureSelection, ValueChange

from .excel_support import demo_db  # noqa: F401 - fixture
from .synthetic import synthetic_catalog
from .test_scale_paths import _generated, _slow_error_keys, _whole

PERIODS = (Period(2024), Period(2023), Period(2022, 1), Period(2022, 2), Period(2021), Period(2020))


@pytest.fixture(params=["index", "scan"])
def read_by(request, monkeypatch):
    """Every read through the index, or every read of a selection as one pass over the whole table."""
    if request.param == "scan":
        monkeypatch.setattr(store_values, "SCAN_FROM_FIGURES", 0)
        monkeypatch.setattr(store_values, "SCAN_FROM_SHARE", 10**9)
    else:
        monkeypatch.setattr(store_values, "SCAN_FROM_FIGURES", 10**12)
    return request.param


def _all_rows(store) -> list[tuple[str, str, str, float | None]]:
    return store.conn.execute("SELECT unit, indicator, period, value FROM value").fetchall()


def _in(sel: FigureSelection, unit: str, indicator: str, period: str) -> bool:
    return (
        (sel.periods is None or period in sel.periods)
        and (sel.indicators is None or indicator in sel.indicators)
        and (sel.units is None or unit in sel.units)
    )


def _by_series(rows) -> dict[tuple[str, str], dict[Period, float]]:
    out: dict[tuple[str, str], dict[Period, float]] = {}
    for unit, indicator, period, value in rows:
        if value is not None:
            out.setdefault((indicator, unit), {})[parse_period(period)] = float(value)
    return out


@pytest.mark.parametrize("seed", [11, 12])
def test_one_read_of_a_year_and_its_selections_is_every_row_filtered_by_hand(district_db, read_by, seed):
    with open_store(district_db) as store:
        _generated(store, random.Random(seed))
        store.values.write([ValueChange("xincheng", "phd", "2023H1", None)], "测试")  # a blank in a half
        rows = _all_rows(store)
        catalog = store.catalog()
        for period in PERIODS:
            own = year_periods(period.year)
            selections = totals_selections(catalog, period)
            expected: dict[str, dict[str, dict[str, float | None]]] = {}
            for unit, indicator, p, value in rows:
                if p in own or (value is not None and any(_in(s, unit, indicator, p) for s in selections)):
                    expected.setdefault(p, {}).setdefault(indicator, {})[unit] = value
            assert store.values.columns(own, *selections) == expected, (period, read_by)
            # The figure set of those columns is the figure set read selection by selection.
            chosen = [r for r in rows if any(_in(s, *r[:3]) for s in selections)]
            fast = store.values.figure_set(columns=store.values.columns(own, *selections))
            assert fast._by_series == _by_series(chosen)
            assert store.values.figure_set(*selections)._by_series == _by_series(chosen)


def test_selections_of_units_and_partial_years_read_alike_both_ways(district_db, monkeypatch):
    """Selections by unit, of part of a year, of every period, overlapping ones: the pass over the whole table
    reads exactly what the index reads."""
    with open_store(district_db) as store:
        _generated(store, random.Random(13))
        rows = _all_rows(store)
        choices = [
            FigureSelection(frozenset({"2021", "2023H1", "2024H2"}), frozenset({"phd", "master"})),
            FigureSelection(frozenset({"2020", "2020H1", "2020H2", "2021"}), None, frozenset({"xincheng", "honghe"})),
            FigureSelection(frozenset({"2022", "2022H1", "2022H2"}), frozenset({"phd"})),
            FigureSelection(frozenset({"2022", "2022H1", "2022H2"}), frozenset({"master"})),
            FigureSelection(frozenset(), frozenset({"phd"})),
            FigureSelection(None, frozenset({"talent_total"}), None),
            FigureSelection(frozenset({"2019", "2019H1", "2019H2", "2020", "2020H1", "2020H2"})),
        ]
        for n in range(1, len(choices) + 1):
            selections = choices[:n] if n % 2 else choices[-n:]
            expected = _by_series([r for r in rows if any(_in(s, *r[:3]) for s in selections)])
            for scan in (False, True):
                monkeypatch.setattr(store_values, "SCAN_FROM_FIGURES", 0 if scan else 10**12)
                monkeypatch.setattr(store_values, "SCAN_FROM_SHARE", 10**9)
                assert store.values.figure_set(*selections)._by_series == expected, (n, scan)


@pytest.mark.parametrize("seed", [14, 15])
def test_cold_totals_equal_the_whole_load_read_either_way(district_db, read_by, seed):
    with open_store(district_db) as store:
        _generated(store, random.Random(seed))
        store.values.write([ValueChange("xincheng", "phd", "2024H1", 3.5)], "测试")  # a non-whole count: an error
        catalog = store.catalog()
        for period in PERIODS:
            slow = pivot.mark_errors(store, district_totals(catalog, _whole(store), period), period)
            assert [r.as_json() for r in totals(store, str(period))] == [dataclasses.asdict(r) for r in slow]
            assert error_keys(store, period) == _slow_error_keys(store, period.year)
        assert ("xincheng", "2024H1") in year_figures(store, Period(2024))[1]
        for carry in (False, True):
            report = pivot.year_report(store, 2023, carry_forward=carry)
            whole = Aggregator(catalog, store.values.figure_set(), carry_forward=carry)
            slow = pivot.mark_errors(store, district_totals(catalog, whole, Period(2023)), Period(2023))
            assert [r.as_json() for r in report.rows] == [dataclasses.asdict(r) for r in slow]


# -- the year's 逻辑性 errors over columns ------------------------------------------------------------------
_CATALOG = synthetic_catalog()
_CODES = [i.code for i in _CATALOG.indicators if i.is_entered] + ["not_in_catalog"]
_VALUES = st.sampled_from([None, 0.0, 1.0, 2.0, 3.0, 3.5, 5.0, 100.0, -1.0, 1e16, math.nan, math.inf, 12.0])


@st.composite
def _year_columns(draw):
    columns: dict[str, dict[str, dict[str, float | None]]] = {}
    units = ["big", "small", "health", "old", "nobody"]
    for period in draw(st.sets(st.sampled_from(["2023", "2023H1", "2023H2"]), min_size=1)):
        for code in draw(st.lists(st.sampled_from(_CODES), unique=True, max_size=8)):
            for unit in draw(st.lists(st.sampled_from(units), unique=True, min_size=1, max_size=4)):
                columns.setdefault(period, {}).setdefault(code, {})[unit] = draw(_VALUES)
    return columns


def _checked_one_by_one(catalog, columns) -> set[tuple[str, str]]:
    """``check_unit_period`` on every unit-period with an entry, as the totals marked errors before."""
    entries: dict[tuple[str, str], dict[str, Entry]] = {}
    for period, by_code in columns.items():
        for code, col in by_code.items():
            for unit, value in col.items():
                entries.setdefault((unit, period), {})[code] = Entry(value)
    found = set()
    for (unit, period), own in entries.items():
        same_year = {s: entries.get((unit, s), {}) for s in year_siblings(period)}
        findings = check_unit_period(catalog, unit, period, own, same_year=same_year, errors_only=True)
        if any(f.severity is Severity.ERROR for f in findings):
            found.add((unit, period))
    return found


@settings(max_examples=400, deadline=None)
@given(_year_columns())
def test_errors_over_columns_are_the_checks_of_each_unit_period(columns):
    assert unit_periods_with_errors(_CATALOG, columns) == _checked_one_by_one(_CATALOG, columns)


def test_errors_over_columns_see_every_kind_of_error():
    """One of each, worked out by hand: a rule (博士 ≤ 人才), a count not whole, a negative figure, halves
    that do not add up to the year (in all three periods), a code the catalog lacks (even blank)."""
    columns = {
        "2023": {
            "talent": {"big": 10.0, "small": 50.0},
            "phd": {"big": 9.0, "small": 5.0},  # big: 9 + 2 > 10; small has no 硕士, so no rule
            "master": {"big": 2.0},
            "grads": {"big": 10.0, "small": 7.0, "health": -1.0},
            "retired_code": {"old": None},
        },
        "2023H1": {"grads": {"big": 4.0, "small": 2.5}},
        "2023H2": {"grads": {"big": 6.0, "small": 4.0}},
    }
    # small: 2.5 is not a whole count, and 2.5 + 4 ≠ 7; big: 4 + 6 = 10 holds
    expected = {("big", "2023"), ("small", "2023"), ("small", "2023H1"), ("small", "2023H2")}
    expected |= {("health", "2023"), ("old", "2023")}  # a negative count; a code the catalog lacks
    assert unit_periods_with_errors(_CATALOG, columns) == expected == _checked_one_by_one(_CATALOG, columns)


# -- district figures from columns ---------------------------------------------------------------------------
_UNIT_CODES = ["big", "small", "health", "old"]
_PERIOD_TEXTS = ["2022", "2022H1", "2022H2", "2023", "2023H1", "2023H2", "2024"]
_FIGURE = st.tuples(
    st.sampled_from(_UNIT_CODES + ["gone"]),
    st.sampled_from([i.code for i in _CATALOG.indicators if i.is_entered] + ["not_in_catalog"]),
    st.sampled_from(_PERIOD_TEXTS),
    st.one_of(st.none(), st.integers(0, 50), st.floats(0, 1e6, allow_nan=False)),
)


def _catalog_with_overlap():
    overlap = Overlap("small", "phd", "inside 大镇")
    return dataclasses.replace(_CATALOG, overlaps=[overlap], version="")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FIGURE, max_size=60), st.booleans(), st.booleans())
def test_each_units_figure_from_columns_is_unit_figure_of_its_series(figures, carry, overlap):
    catalog = _catalog_with_overlap() if overlap else _CATALOG
    figure_set = FigureSet(figures)
    aggregator = Aggregator(catalog, figure_set, carry_forward=carry)
    series: dict[tuple[str, str], dict[Period, float]] = {}
    for unit, code, period, value in figures:
        if value is not None:  # a blank is no figure (and replaces none)
            series.setdefault((code, unit), {})[parse_period(period)] = float(value)
    assert figure_set._by_series == {k: v for k, v in series.items() if v}
    for ind in catalog.indicators:
        if not ind.is_entered:
            continue
        for text in _PERIOD_TEXTS:
            period = parse_period(text)
            values, lacking = aggregator._figures_of(ind, period, _UNIT_CODES)
            for unit in _UNIT_CODES:
                fig = unit_figure(ind.aggregation, series.get((ind.code, unit), {}), period)
                assert values[unit] == fig.value and lacking.get(unit, ()) == fig.lacking


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FIGURE, max_size=60), st.booleans(), st.booleans(), st.booleans())
def test_an_entered_figure_is_the_sum_of_its_units_worked_out_by_hand(figures, carry, overlap, disputed):
    """Reporters in catalog order, then retired units that ever reported; overlaps shown, not counted;
    沿用上期 carries an active unit's latest earlier stock figure; disputed keys mark the figure."""
    catalog = _catalog_with_overlap() if overlap else _CATALOG
    keys = {(u, c, p) for u, c, p, v in figures if v is not None}
    chosen = set(sorted(keys)[:2]) if disputed else set()
    aggregator = Aggregator(catalog, FigureSet(figures, chosen), carry_forward=carry)
    series: dict[tuple[str, str], dict[Period, float]] = {}
    for unit, code, period, value in figures:
        if value is not None:
            series.setdefault((code, unit), {})[parse_period(period)] = float(value)
    inside = {(o.unit, o.indicator) for o in catalog.overlaps}
    active = [u.code for u in catalog.active_units()]
    for ind in catalog.indicators:
        if not ind.is_entered or ind.aggregation is Aggregation.DISTRICT:
            continue
        expected_units = [u.code for u in catalog.reporters(ind) if (u.code, ind.code) not in inside]
        retired = sorted(
            u.code
            for u in catalog.units
            if not u.active
            and series.get((ind.code, u.code))
            and catalog.reports(u, ind)
            and (u.code, ind.code) not in inside
        )
        units = expected_units + [u for u in retired if u not in expected_units]
        for text in _PERIOD_TEXTS:
            period = parse_period(text)
            figs = {u: unit_figure(ind.aggregation, series.get((ind.code, u), {}), period) for u in units}
            carried = {}
            if carry and ind.aggregation is Aggregation.STOCK and any(f.value is not None for f in figs.values()):
                for u, f in figs.items():
                    earlier = [p for p in series.get((ind.code, u), {}) if p < period]
                    if f.value is None and u in active and earlier:
                        carried[u] = max(earlier)
                        figs[u] = f._replace(value=series[(ind.code, u)][max(earlier)], lacking=())
            reported = [u for u in units if figs[u].value is not None]
            dv = aggregator.value(ind.code, period)
            assert dv.units_reported == reported
            present = [figs[u].value for u in reported]
            assert dv.value == (sum(present) if present else None)
            assert dv.units_missing == [u for u in units if figs[u].value is None and u in active]
            assert dv.missing == sorted(Missing(u, p) for u in dv.units_missing for p in figs[u].lacking)
            assert dv.carried == sorted(Carried(u, text, str(p)) for u, p in carried.items())
            counted = [(c.unit, c.value, c.carried_from) for c in dv.contributions if c.counted]
            assert counted == [(u, figs[u].value, str(carried[u]) if u in carried else None) for u in units]
            shown = [(c.unit, c.value) for c in dv.contributions if not c.counted]
            inside_figures = [
                (u, unit_figure(ind.aggregation, series.get((ind.code, u.code), {}), period).value)
                for u in catalog.units
                if (u.code, ind.code) in inside and catalog.reports(u, ind)
            ]
            assert shown == [(u.code, v) for u, v in inside_figures if v is not None or u.active]
            halves = {text, f"{period.year}H1", f"{period.year}H2"} if period.is_year else {text}
            assert dv.disputed == any((u, ind.code, p) in chosen for u in reported for p in halves)


# -- the collector held off ------------------------------------------------------------------------------
def test_the_collector_is_held_off_only_meanwhile_and_nested_pauses_end_with_the_last():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller that had turned it off keeps it off
    finally:
        gc.enable()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()


@pytest.mark.parametrize("column", ["unit", "indicator"])
def test_a_code_stored_as_a_blob_does_not_stop_the_totals(demo_db, column, xz):
    import sqlite3 as sql

    clean = xz("totals", demo_db, "--period", "2023", "--json")
    conn = sql.connect(demo_db)
    unit, indicator = ("CAST('honghe' AS BLOB)", "'phd'") if column == "unit" else ("'honghe'", "CAST('phd' AS BLOB)")
    with conn:
        conn.execute(
            f"INSERT INTO value (unit, indicator, period, value, changed_at) VALUES ({unit}, {indicator}, '2023', 1, 'x')"
        )
    conn.close()
    for extra in ([], ["--carry-forward"]):
        run = xz("totals", demo_db, "--period", "2023", "--json", *extra)
        assert run.returncode == 0, run.stderr
        rows = {r["code"]: r for r in json.loads(run.stdout)}
        assert rows["phd"]["value"] is not None
    # a figure under a code no unit and no indicator has is not counted: the totals are those of the clean database
    unmarked = [{k: v for k, v in r.items() if k != "errors"} for r in json.loads(clean.stdout)]
    now = json.loads(xz("totals", demo_db, "--period", "2023", "--json").stdout)
    assert [{k: v for k, v in r.items() if k != "errors"} for r in now] == unmarked
