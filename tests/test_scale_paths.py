"""The faster paths of issue 14 give exactly what the plain ones give.

A year's totals read only the figures that year needs; the year's 逻辑性 errors come from one
query; a batch of edits reads what is stored in a few queries; the CLI's JSON is written without
the json module's indenter; a re-merge recognises a package in force from its manifest and its
figures as stored. Each is compared here with the way it was done before (computed the slow way
in the test, never by the code under test alone).
"""

from __future__ import annotations

import dataclasses
import json
import math
import random
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xz_desktop.cli.output import _finite, dumps
from xz_desktop.domain.aggregation import Aggregator
from xz_desktop.domain.checks import Severity
from xz_desktop.domain.periods import Period
from xz_desktop.domain.totals import district_totals
from xz_desktop.services import pivot
from xz_desktop.services.checking import findings_for
from xz_desktop.services.packages.merge import merge_files, unchanged_by_manifest
from xz_desktop.services.totals import error_keys, totals, totals_aggregator, year_figures
from xz_desktop.store import open_store
from xz_desktop.store.values import FigureSelection, ValueChange

from .excel_support import demo_db  # noqa: F401 - fixture
from .test_package_support import craft, district, resign, unit_key


def _whole(store) -> Aggregator:
    """Every stored figure, as the totals were computed before issue 14."""
    return Aggregator(store.catalog(), store.values.figure_set())


def _same_totals(store, period: Period) -> None:
    catalog = store.catalog()
    fast = [r.as_json() for r in district_totals(catalog, totals_aggregator(store, period), period)]
    slow = [dataclasses.asdict(r) for r in district_totals(catalog, _whole(store), period)]
    assert fast == slow


def _slow_error_keys(store, year: int) -> set[tuple[str, str]]:
    wanted = {str(year), f"{year}H1", f"{year}H2"}
    return {
        (u, p)
        for u, p in store.values.units_and_periods()
        if p in wanted and any(f.severity is Severity.ERROR for f in findings_for(store, u, p))
    }


def test_year_only_totals_and_table_equal_the_whole_load_on_the_demo(demo_db):
    with open_store(demo_db) as store:
        for year in pivot.years_with_data(store):
            _same_totals(store, Period(year))
            _same_totals(store, Period(year, 1))
        report = pivot.year_report(store, 2024)
        whole = pivot.unit_table(store.catalog(), _whole(store), Period(2024))
        assert report.table.frame.equals(whole.frame) and report.table.units == whole.units
        assert error_keys(store, "2024") == _slow_error_keys(store, 2024)


def _generated(store, rng: random.Random) -> None:
    """Random figures of every town over 2019–2024 (halves, blanks, gaps, a count that is not whole),
    then one town retired: what it reported stays in the totals of those years only."""
    catalog = store.catalog()
    towns = [u.code for u in catalog.active_units() if catalog.indicators_for_unit(u)]
    changes = []
    for year in range(2019, 2025):
        for unit in towns:
            for ind in catalog.indicators_for_unit(unit):
                if rng.random() < 0.15:
                    continue  # not reported
                periods = [str(year)] if rng.random() < 0.8 else [f"{year}H1", f"{year}H2"]
                for p in periods:
                    value = None if rng.random() < 0.03 else round(rng.uniform(0, 500), rng.choice((0, 0, 2)))
                    changes.append(ValueChange(unit, ind.code, p, value))
    store.values.write(changes, "测试")
    retired = towns[-1]
    units = [dataclasses.replace(u, active=False) if u.code == retired else u for u in catalog.units]
    store.replace_catalog(dataclasses.replace(catalog, units=units, version=""))


@pytest.mark.parametrize("seed", [1, 2])
def test_year_only_totals_equal_the_whole_load_on_generated_data(district_db, seed):
    with open_store(district_db) as store:
        _generated(store, random.Random(seed))
        for period in (Period(2024), Period(2023), Period(2022, 1), Period(2022, 2), Period(2020)):
            _same_totals(store, period)
            assert error_keys(store, period) == _slow_error_keys(store, period.year)
        catalog = store.catalog()
        for year in (2021, 2024):
            fast = pivot.year_report(store, year).table
            slow = pivot.unit_table(catalog, _whole(store), Period(year))
            assert fast.frame.equals(slow.frame) and fast.units == slow.units


@pytest.mark.parametrize("seed", [3, 4])
def test_one_indicators_breakdown_reads_the_same_as_the_whole_load(district_db, seed):
    """The 汇总 page's contributions come from :func:`pivot.breakdown_aggregator` (the report keeps no aggregation)."""
    with open_store(district_db) as store:
        _generated(store, random.Random(seed))
        catalog = store.catalog()
        for carry in (False, True):
            whole = Aggregator(catalog, store.values.figure_set(), carry_forward=carry)
            for year in (2021, 2023, 2024):
                for ind in catalog.indicators:
                    small = pivot.breakdown_aggregator(store, ind.code, year, carry_forward=carry)
                    fast = pivot.breakdown(catalog, small, ind.code, str(year))
                    slow = pivot.breakdown(catalog, whole, ind.code, str(year))
                    assert fast == slow, (ind.code, year, carry)


def test_a_years_report_keeps_the_totals_and_errors_of_the_whole_load(district_db):
    with open_store(district_db) as store:
        _generated(store, random.Random(5))
        catalog = store.catalog()
        for year in (2022, 2024):
            report = pivot.year_report(store, year)
            slow = pivot.mark_errors(store, district_totals(catalog, _whole(store), Period(year)), Period(year))
            assert [r.as_json() for r in report.rows] == [dataclasses.asdict(r) for r in slow]
            assert not hasattr(report, "aggregator")


@pytest.mark.parametrize("seed", [6, 7])
def test_the_years_figures_read_once_are_the_separate_reads(district_db, seed):
    """``year_figures`` reads the year once for the errors and the figure set: the same figures and errors."""
    with open_store(district_db) as store:
        _generated(store, random.Random(seed))
        store.values.write([ValueChange("xincheng", "phd", "2024H1", 3.5)], "测试")  # a non-whole count: an error
        for period in (Period(2024), Period(2023), Period(2022, 1), Period(2021, 2), Period(2020)):
            aggregator, errors = year_figures(store, period)
            separate = totals_aggregator(store, period)
            assert aggregator.figures._by_series == separate.figures._by_series
            assert errors == error_keys(store, period) == _slow_error_keys(store, period.year)
            assert [r.as_json() for r in totals(store, str(period))] == [
                dataclasses.asdict(r)
                for r in pivot.mark_errors(store, district_totals(store.catalog(), _whole(store), period), period)
            ]
        assert ("xincheng", "2024H1") in year_figures(store, Period(2024))[1]


def test_a_selection_by_unit_reads_only_that_units_figures(district_db):
    with open_store(district_db) as store:
        store.values.write([ValueChange("xincheng", "phd", "2023", 5), ValueChange("honghe", "phd", "2023", 7)], "测试")
        only = store.values.figure_set(FigureSelection(units=frozenset({"xincheng"})))
        assert only.series("phd", "xincheng") == {Period(2023): 5.0} and only.series("phd", "honghe") == {}


# -- a batch of edits is the same as the edits one by one ------------------------------------------------
KEYS = [("xincheng", "phd", "2023"), ("xincheng", "master", "2023"), ("honghe", "phd", "2023H1")]
change = st.builds(
    lambda k, v, e: ValueChange(*KEYS[k], v, e),
    st.integers(0, len(KEYS) - 1),
    st.one_of(st.none(), st.integers(0, 9).map(float)),
    st.one_of(st.none(), st.sampled_from(["", "说明", "另一说明"])),
)


def _table(path) -> tuple[list, list]:
    conn = sqlite3.connect(path)
    try:
        values = conn.execute(
            "SELECT unit, indicator, period, value, explanation, revision, changed_by, source FROM value "
            "ORDER BY unit, indicator, period"
        ).fetchall()
        audit = conn.execute(
            "SELECT unit, indicator, period, action, old_value, new_value, old_explanation, new_explanation, "
            "revision, changed_by, source FROM audit ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    return values, audit


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(change, min_size=1, max_size=8))
def test_a_batched_write_gives_the_same_figures_revisions_and_audit_rows_as_single_writes(tmp_path_factory, changes):
    folder = tmp_path_factory.mktemp("batch")
    batch, single = district(folder, "batch.sqlite"), district(folder, "single.sqlite")
    with open_store(batch) as store:
        store.values.write(changes, "甲")
    with open_store(single) as store:
        for c in changes:
            store.values.write([c], "甲")
    assert _table(batch) == _table(single)


# -- the CLI's JSON ----------------------------------------------------------------------------------------
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(allow_nan=True), st.text(max_size=6)
)
json_like = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=4), inner, max_size=5),
        st.dictionaries(st.integers(0, 9), inner, max_size=2),  # non-text keys: left to the json module
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(json_like)
def test_dumps_writes_what_the_json_module_writes(data):
    expected = json.dumps(_finite(data), ensure_ascii=False, indent=2, default=str, allow_nan=False)
    assert dumps(data) == expected


def test_dumps_of_a_non_finite_float_is_null_and_other_objects_are_their_text():
    assert dumps({"a": [math.inf, -math.nan, 1.5], "p": Period(2024)}) == json.dumps(
        {"a": [None, None, 1.5], "p": [2024, 3]}, ensure_ascii=False, indent=2
    )


# -- a re-merge recognises a package in force without the full read ------------------------------------------
ROWS = [("talent_total", "2023", 10000), ("employed", "2023", 50000)]


def test_an_identical_file_is_recognised_from_its_manifest_and_figures(tmp_path):
    db = district(tmp_path)
    pkg = craft(tmp_path / "a.xzpkg", ROWS)
    with open_store(db) as store:
        assert merge_files(store, [pkg]).results[0].status == "merged"
        again = unchanged_by_manifest(store, pkg)
        assert again is not None and (again.status, again.unchanged) == ("unchanged", 2)
        assert again.unit_verified  # its seal was checked: the re-merge must not call a proven unit unverified
        [remerged] = merge_files(store, [pkg]).results  # the way a re-merge takes it (the file's digest)
        assert (remerged.status, remerged.unit_verified) == ("unchanged", True)


def test_a_file_that_differs_in_a_figure_goes_the_full_way_and_is_refused(tmp_path):
    db = district(tmp_path)
    pkg = craft(tmp_path / "a.xzpkg", ROWS)
    with open_store(db) as store:
        [first] = merge_files(store, [pkg]).results
    changed = tmp_path / "b.xzpkg"
    changed.write_bytes(pkg.read_bytes())
    conn = sqlite3.connect(changed)
    with conn:
        conn.execute("UPDATE value SET value = 9999 WHERE indicator = 'employed'")
    conn.close()
    resign(changed, unit_key("xincheng")[1])  # a well-formed file, properly signed, same package id
    with open_store(db) as store:
        assert unchanged_by_manifest(store, changed) is None
        [result] = merge_files(store, [changed]).results
        assert result.status == "refused" and result.package_id in (None, first.package_id)
        assert store.values.get("xincheng", "employed", "2023").value == 50000


def test_a_copy_re_signed_by_another_key_is_not_recognised(tmp_path):
    db = district(tmp_path)
    pkg = craft(tmp_path / "a.xzpkg", ROWS)
    with open_store(db) as store:
        merge_files(store, [pkg])
    copy = tmp_path / "c.xzpkg"
    copy.write_bytes(pkg.read_bytes())
    resign(copy, unit_key("honghe")[1])  # signed, but not by xincheng's key
    with open_store(db) as store:
        assert unchanged_by_manifest(store, copy) is None
        assert merge_files(store, [copy]).results[0].status == "refused"
