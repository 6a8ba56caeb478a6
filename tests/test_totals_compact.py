"""The compact paths of the totals at province scale (issue 25): a district figure's contributions made when asked
for, each unit's figure read from the compact form by the units × indicators table, the table's applicable pairs
held per indicator, a period's indicators found by index steps, and the 逻辑性 rules' sums a column at a time.
Every expectation is worked out by hand (or, under hypothesis, by the plain left-to-right rule in the test)."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xz_desktop.domain.aggregation import Aggregator, FigureSet
from xz_desktop.domain.checks import unit_periods_with_errors
from xz_desktop.services import pivot
from xz_desktop.services.pivot import Applicable
from xz_desktop.store import open_store

from .excel_support import demo_db  # noqa: F401 - fixture
from .synthetic import synthetic_catalog

CAT = synthetic_catalog()  # units big, small (towns), health (a department), old (a retired town)


def agg(*figures, carry_forward=False):
    return Aggregator(CAT, FigureSet(figures), carry_forward=carry_forward)


def contributions(dv):
    return [(c.unit, c.value, c.carried_from, c.counted) for c in dv.contributions]


def test_an_entered_figure_lists_every_counted_unit_in_order_with_a_retired_reporter_last():
    a = agg(("big", "talent", "2023", 100), ("old", "talent", "2023", 7))
    dv = a.value("talent", "2023")
    assert dv.value == 107 and dv.units_reported == ["big", "old"] and dv.units_missing == ["small"]
    assert list(dv.shown_units()) == ["big", "small", "old"]
    assert dv.shown_figures() == {"big": 100, "old": 7}
    assert contributions(dv) == [("big", 100, None, True), ("small", None, None, True), ("old", 7, None, True)]
    assert dv.contributions is dv.contributions  # made once


def test_a_carried_figure_says_where_it_comes_from_in_its_contribution():
    a = agg(("big", "talent", "2023", 100), ("small", "talent", "2022", 50), carry_forward=True)
    dv = a.value("talent", "2023")
    assert dv.value == 150 and dv.estimated
    assert contributions(dv) == [("big", 100, None, True), ("small", 50, "2022", True)]
    assert dv.shown_figures() == {"big": 100, "small": 50}


def test_a_same_reporter_ratio_lists_each_units_parts_and_sums_only_units_with_both():
    a = agg(
        ("big", "doctors", "2023", 2000),
        ("big", "population", "2023", 1_000_000),
        ("small", "doctors", "2023", 90),
    )
    dv = a.value("doctors_per_1000", "2023")
    assert dv.value == pytest.approx(2.0) and dv.numerator_used == 2000 and dv.denominator_used == 1_000_000
    assert dv.units_reported == ["big"] and dv.units_missing == ["small"]
    assert [(c.unit, c.numerator, c.denominator) for c in dv.contributions] == [
        ("big", 2000, 1_000_000),
        ("small", 90, None),
    ]
    assert dv.contributions[0].value == pytest.approx(2.0) and dv.contributions[1].value is None
    assert dv.shown_figures() == {"big": pytest.approx(2.0)}


def test_a_sum_of_parts_adds_each_units_parts():
    a = agg(("big", "phd", "2023", 3), ("big", "master", "2023", 4), ("small", "phd", "2023", 5))
    dv = a.value("phd_master", "2023")
    assert dv.value == 12
    assert [(c.unit, c.value) for c in dv.contributions] == [("big", 7), ("small", 5)]


figure = st.one_of(st.none(), st.floats(min_value=0, max_value=1e12, allow_nan=False).map(lambda v: round(v, 3)))


@settings(max_examples=60, deadline=None)
@given(big=figure, small=figure, old=figure)
def test_the_sum_and_the_table_follow_the_units_order(big, small, old):
    """The district figure is the left-to-right sum in the units' order (big, small, then the retired old), and the
    table's cells are each unit's own figure: whichever units gave one."""
    given_ = {"big": big, "small": small, "old": old}
    a = agg(*((u, "talent", "2023", v) for u, v in given_.items() if v is not None))
    dv = a.value("talent", "2023")
    present = [u for u in ("big", "small", "old") if given_[u] is not None]
    expected = None
    for u in present:
        expected = given_[u] if expected is None else expected + given_[u]
    assert dv.value == expected  # exactly: the same additions in the same order
    assert dv.units_reported == present
    assert dv.shown_figures() == {u: given_[u] for u in present}
    table = pivot.unit_table(CAT, a, "2023")
    for u in ("big", "small", "health"):
        assert table.value(u, "talent") == given_.get(u)
    assert ("old" in table.units) == (old is not None)


def test_the_applicable_pairs_are_a_set_of_unit_and_indicator():
    pairs = Applicable({"a": frozenset({"u1", "u2"}), "b": frozenset()})
    assert ("u1", "a") in pairs and ("u2", "a") in pairs
    assert ("u1", "b") not in pairs and ("u1", "c") not in pairs and "u1" not in pairs and ("u1",) not in pairs
    assert len(pairs) == 2 and pairs == {("u1", "a"), ("u2", "a")} and set(pairs) == {("u1", "a"), ("u2", "a")}


def test_the_tables_applicable_pairs_are_each_indicators_reporters():
    table = pivot.unit_table(CAT, agg(("big", "talent", "2023", 1)), "2023")
    assert ("big", "talent") in table.applicable and ("small", "talent") in table.applicable
    assert ("health", "talent") not in table.applicable  # a department does not report a town's count
    geographic = [c for c in ("talent", "phd", "master", "doctors", "population") if c in table.frame.columns]
    assert {("big", c) for c in geographic} <= table.applicable


def test_a_rule_broken_by_one_unit_marks_only_that_units_period():
    # 博士 + 硕士 ≤ 人才资源总量: big 60 + 50 > 100; small 10 + 10 ≤ 100; health reports none of them.
    columns = {
        "2023": {
            "phd": {"big": 60.0, "small": 10.0},
            "master": {"big": 50.0, "small": 10.0},
            "talent": {"big": 100.0, "small": 100.0},
        }
    }
    assert unit_periods_with_errors(CAT, columns) == {("big", "2023")}
    # A part of the rule nobody gave in a period: no unit gave every figure of it, so no error from it.
    assert unit_periods_with_errors(CAT, {"2023": {"talent": {"big": 100.0}}}) == set()


def test_a_periods_indicators_are_those_with_a_row_in_it_blanks_included(demo_db):
    with open_store(demo_db) as store:
        found = store.values._indicators_in("2024")
        assert store.values._indicators_in("1999") == []
    conn = sqlite3.connect(demo_db)
    plain = [i for (i,) in conn.execute("SELECT DISTINCT indicator FROM value WHERE period = '2024' ORDER BY 1")]
    conn.close()
    assert found == plain and len(found) > 10
