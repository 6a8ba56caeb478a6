"""Aggregation: the heart of the program. Each kind, and the wrong ways it must not take."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xz_desktop.domain.aggregation import Aggregator, FigureSet, compound_growth
from xz_desktop.domain.totals import district_totals

from .synthetic import synthetic_catalog

CAT = synthetic_catalog()


def agg(*figures, disputed=()):
    return Aggregator(CAT, FigureSet(figures, disputed))


def test_ratio_is_ratio_of_sums_never_mean_of_ratios():
    # A big town with many residents and a small one with few: the mean of ratios would be 5.5.
    a = agg(
        ("big", "doctors", "2023", 2000),
        ("big", "population", "2023", 1_000_000),
        ("small", "doctors", "2023", 90),
        ("small", "population", "2023", 10_000),
    )
    v = a.value("doctors_per_1000", "2023")
    assert v.value == pytest.approx(2090 / 1_010_000 * 1000)
    assert v.value != pytest.approx((2.0 + 9.0) / 2)
    assert v.numerator == 2090 and v.denominator == 1_010_000
    assert {c.unit: round(c.value, 3) for c in v.contributions if c.value is not None} == {"big": 2.0, "small": 9.0}


def test_ratio_leaves_out_a_unit_without_denominator_and_says_it_is_missing():
    a = agg(
        ("big", "doctors", "2023", 2000), ("big", "population", "2023", 1_000_000), ("small", "doctors", "2023", 90)
    )
    v = a.value("doctors_per_1000", "2023")
    assert v.value == pytest.approx(2.0)
    assert v.units_reported == ["big"] and v.units_missing == ["small"]


def test_stock_takes_latest_period_and_is_never_summed_across_years():
    a = agg(
        ("big", "talent", "2022", 100),
        ("big", "talent", "2023H1", 110),
        ("big", "talent", "2023", 120),
        ("small", "talent", "2023H1", 50),
    )
    # Year-end for big; small's first half is not a year-end figure: left out, and the total says so.
    year = a.value("talent", "2023")
    assert year.value == 120 and not year.complete
    assert [(m.unit, m.period) for m in year.missing] == [("small", "2023")]
    assert a.value("talent", "2022").value == 100
    assert a.value("talent", "2023H1").value == 110 + 50


def test_flow_sums_units_and_halves_and_accumulates_over_plan_years():
    a = agg(
        ("big", "grads", "2021", 1000),
        ("small", "grads", "2021", 200),
        ("big", "grads", "2022H1", 300),
        ("big", "grads", "2022H2", 400),
        ("small", "grads", "2022", 100),
    )
    assert a.value("grads", "2021").value == 1200
    assert a.value("grads", "2022").value == 800
    assert a.cumulative("grads", 2022) == 2000
    rows = {r.code: r for r in district_totals(CAT, a, "2022")}
    assert rows["grads"].value == pytest.approx(0.08)  # this year, in 万名
    assert rows["grads"].cumulative == pytest.approx(0.2)  # 2021–2022 against the five-year target
    assert rows["grads"].expected == pytest.approx(6 * 2 / 5)
    assert rows["grads"].completion == pytest.approx(0.2 / 6)


def test_zero_is_reported_blank_is_missing():
    a = agg(("big", "talent", "2023", 0), ("small", "talent", "2023", None))
    v = a.value("talent", "2023")
    assert v.value == 0 and v.units_reported == ["big"] and v.units_missing == ["small"]
    nothing = agg().value("talent", "2023")
    assert nothing.value is None  # nobody reported: missing, not zero


def test_district_indicator_reported_once_by_its_owner():
    a = agg(("health", "fund", "2023", 9500), ("big", "fund", "2023", 9500))  # a stray copy from a town
    assert a.value("fund", "2023").value == 9500


def test_sum_of_parts_per_unit():
    a = agg(("big", "phd", "2023", 10), ("big", "master", "2023", 90), ("small", "phd", "2023", 1))
    v = a.value("phd_master", "2023")
    # The sum equals its parts as shown: 博士 11 (10 + 1) + 硕士 90 = 101, incomplete without small's 硕士.
    assert a.value("phd", "2023").value == 11 and a.value("master", "2023").value == 90
    assert v.value == 11 + 90 and v.units_missing == ["small"] and not v.complete
    assert [(m.unit, m.period) for m in v.missing] == [("small", "2023")]


def test_growth_is_compound_from_the_2020_base():
    a = agg(("health", "productivity", "2023", 15.5 * 1.07**3))
    assert a.value("productivity_growth", "2023").value == pytest.approx(7.0)
    # A stored 2020 district figure wins over the catalog's base.
    b = agg(("health", "productivity", "2020", 10.0), ("health", "productivity", "2022", 12.1))
    assert b.value("productivity_growth", "2022").value == pytest.approx(10.0)
    assert compound_growth(None, 5, 2) is None and compound_growth(10, 11, 0) is None


def test_retired_unit_counts_for_the_years_it_reported_but_is_not_missing():
    a = agg(("big", "talent", "2021", 100), ("old", "talent", "2021", 30))
    v = a.value("talent", "2021")
    assert v.value == 130 and "old" in v.units_reported and "old" not in v.units_missing


def test_disputed_figure_marks_the_total():
    a = agg(("big", "doctors", "2023", 1), ("big", "population", "2023", 1000), disputed=[("big", "doctors", "2023")])
    assert a.value("doctors", "2023").disputed
    assert a.value("doctors_per_1000", "2023").disputed
    assert not a.value("population", "2023").disputed


figures = st.lists(
    st.tuples(
        st.sampled_from(["big", "small", "health", "old"]),
        st.sampled_from(["talent", "doctors", "population", "grads", "pct", "phd", "master"]),
        st.sampled_from(["2021", "2022", "2022H1", "2022H2", "2023"]),
        st.one_of(st.none(), st.integers(0, 10**6).map(float)),
    ),
    max_size=40,
    unique_by=lambda f: f[:3],
)


@settings(max_examples=60, deadline=None)
@given(figures, st.randoms())
def test_totals_do_not_depend_on_the_order_figures_arrive(figs, rnd):
    shuffled = list(figs)
    rnd.shuffle(shuffled)
    first = [r.as_json() for r in district_totals(CAT, agg(*figs), "2022")]
    second = [r.as_json() for r in district_totals(CAT, agg(*shuffled), "2022")]
    assert first == second
