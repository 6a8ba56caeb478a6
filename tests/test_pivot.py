"""Figures arranged for reading come from the aggregator unchanged: groups, units × indicators,
contributions (a ratio's numerator and denominator), and the chart's history."""

from __future__ import annotations

import pytest

from xz_desktop.domain.periods import Period
from xz_desktop.domain.totals import district_totals, total_row
from xz_desktop.services import pivot
from xz_desktop.services.totals import aggregator_for
from xz_desktop.store import open_store

from .excel_support import demo_db  # noqa: F401 - fixture


@pytest.fixture
def demo(demo_db):
    store = open_store(demo_db)
    yield store, store.catalog(), aggregator_for(store)
    store.close()


def test_groups_put_table2_first_in_its_order_then_the_other_targets(demo):
    store, catalog, agg = demo
    groups = pivot.grouped(district_totals(catalog, agg, "2024"))
    assert [key for key, _, _ in groups] == ["table2", "targets", "table1", "components"]
    assert [r.table2_seq for r in groups[0][2]] == list(range(1, 16))
    assert all(r.target is not None for r in groups[1][2])
    assert sum(len(rows) for _, _, rows in groups) == len(catalog.indicators)


def test_unit_table_is_the_aggregators_contributions(demo):
    store, catalog, agg = demo
    table = pivot.unit_table(catalog, agg, "2024")
    assert list(table.frame.index) == table.units and len(table.units) == len(catalog.active_units())
    for ind in table.indicators:
        dv = agg.value(ind.code, "2024")
        assert table.district[ind.code] == dv.value
        for c in dv.contributions:
            assert table.value(c.unit, ind.code) == c.value
    assert table.value("honghe", "talent_total") is None  # not reported in 2024: blank, not zero
    assert ("health", "talent_total") not in table.applicable


def test_ratio_breakdown_shows_numerator_and_denominator(demo):
    store, catalog, agg = demo
    b = pivot.breakdown(catalog, agg, "talent_per_10k_employed", "2023")
    assert [c.key for c in b.columns] == ["talent_total", "employed", "value"]
    row = next(r for r in b.rows if r.unit == "xincheng")
    assert row.values["value"] == pytest.approx(row.values["talent_total"] / row.values["employed"] * 10_000)
    assert b.total["value"] == agg.value("talent_per_10k_employed", "2023").value
    assert b.total["talent_total"] == agg.value("talent_total", "2023").value

    missing = pivot.breakdown(catalog, agg, "talent_total", "2024")
    assert missing.missing == ["洪合镇"]
    assert next(r for r in missing.rows if r.unit == "honghe").missing
    assert sum(r.values["share"] or 0 for r in missing.rows) == pytest.approx(100.0)


def test_history_runs_from_the_plans_figures_through_the_years_entered(demo):
    store, catalog, agg = demo
    h = pivot.history(catalog, agg, "talent_total")
    years = [y for y, _ in h.actual]
    # 2024 lacks 洪合镇: not on the line (it would read as a fall) but apart, as an incomplete point; 2025 is complete.
    assert years[:2] == [2015, 2020] and years[-2:] == [2023, 2025]
    assert [y for y, _ in h.incomplete] == [2024]
    assert dict(h.actual)[2015] == catalog.indicator("talent_total").history_value(2015)
    assert dict(h.actual)[2023] == total_row(catalog.indicator("talent_total"), agg, Period(2023)).value
    assert dict(h.actual)[2025] == total_row(catalog.indicator("talent_total"), agg, Period(2025)).value
    assert [y for y, _ in h.trajectory] == list(range(2020, 2026)) and h.trajectory[-1][1] == h.target == 14.71

    flows = pivot.history(catalog, agg, "new_graduates")  # a five-year cumulative target: starts at 0 in 2020
    assert flows.actual[0] == (2020, 0.0) and flows.cumulative
    assert [y for y, _ in flows.actual][-1] == 2023  # 2024 lacks 洪合镇 (incomplete), so does the sum up to 2025
    assert [y for y, _ in flows.incomplete] == [2024, 2025]


def test_default_year_is_the_latest_with_figures(demo, district_db):
    store, _, _ = demo
    assert pivot.default_year(store) == 2025
    with open_store(district_db) as empty:
        assert 2021 <= pivot.default_year(empty) <= 2025


def _same_table(a: pivot.UnitTable, b: pivot.UnitTable) -> bool:
    return (
        a.units == b.units
        and [i.code for i in a.indicators] == [i.code for i in b.indicators]
        and a.frame.equals(b.frame)
        and a.applicable == b.applicable
        and a.district == b.district
    )


@pytest.mark.parametrize("period", ["2020", "2021", "2022", "2023", "2024", "2024H1", "2023H2"])
def test_totals_from_only_the_figures_they_read_equal_the_totals_from_all(demo, period):
    store, catalog, agg = demo
    whole = [r.as_json() for r in district_totals(catalog, agg, period)]
    some = pivot.totals_aggregator(store, pivot.parse_period(period))
    assert [r.as_json() for r in district_totals(catalog, some, period)] == whole
    assert len(some.figures._by_series) <= len(agg.figures._by_series)


def test_year_and_indicator_aggregators_give_the_same_tables_and_history(demo):
    store, catalog, agg = demo
    for year in pivot.years_with_data(store):
        assert _same_table(
            pivot.unit_table(catalog, pivot.year_aggregator(store, year), Period(year)),
            pivot.unit_table(catalog, agg, Period(year)),
        ), year
    for code in ("talent_total", "talent_per_10k_employed", "phd_master"):
        assert pivot.history(catalog, pivot.indicator_aggregator(store, code), code) == pivot.history(
            catalog, agg, code
        )


def test_selected_figures_still_count_a_retired_unit_where_it_ever_reported(demo_db):
    with open_store(demo_db) as store, store.transaction():
        store.conn.execute("UPDATE unit SET active = 0 WHERE code = 'honghe'")  # reported before 2024, retired since
    with open_store(demo_db) as store:
        catalog, agg = store.catalog(), aggregator_for(store)
        whole = pivot.unit_table(catalog, agg, Period(2024))
        assert "honghe" in whole.units
        assert _same_table(pivot.unit_table(catalog, pivot.year_aggregator(store, 2024), Period(2024)), whole)
        assert [
            r.as_json() for r in district_totals(catalog, pivot.totals_aggregator(store, Period(2024)), "2024")
        ] == [r.as_json() for r in district_totals(catalog, agg, "2024")]


def test_selected_figures_see_a_figure_written_since(district_db):
    from xz_desktop.store.values import FigureSelection

    only_2024 = FigureSelection(frozenset({"2024"}))
    with open_store(district_db) as store:
        assert store.values.figure_set(only_2024).units_with("master") == set()
        store.values.write_one("xincheng", "master", "2019", 7.0)
        after = store.values.figure_set(only_2024)
        assert after.units_with("master") == {"xincheng"}  # any period counts, not only the selected ones
        assert after.series("master", "xincheng") == {}
