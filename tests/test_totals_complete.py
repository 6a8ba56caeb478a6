"""District figures that never mislead (issue 9): every case the district officer saw, with the
expected numbers worked out by hand here, never by calling the code under test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xz_desktop.domain import progress
from xz_desktop.domain.aggregation import Aggregator, FigureSet
from xz_desktop.domain.catalog_rows import catalog_from_rows
from xz_desktop.domain.checks import Entry, Severity, check_unit_period
from xz_desktop.domain.periods import Period
from xz_desktop.domain.totals import district_totals, total_row
from xz_desktop.domain.trajectory import completion, expected
from xz_desktop.services import pivot

from .synthetic import UNITS, row, synthetic_catalog


def on_track(ind, value, year):
    """The verdict's rule (domain/progress.py) for ``value`` at ``year`` on the catalog's trajectory; None: none."""
    goal = expected(ind, year, plan=CAT.plan)
    return None if value is None or goal is None else progress.on_track(ind, value, goal)


CAT = synthetic_catalog()


def _catalog(overlaps=()):
    """The synthetic catalog plus: a department's count over the towns' population, R&D per 10k
    employed (both from the towns), and latent targets (an at-least target below its base, caps)."""
    indicators = [
        row(
            "talent",
            "stock",
            name="人才资源总量",
            display="万人",
            display_factor="0.0001",
            decimals=2,
            reported_by="geographic",
            base_2020="12.21",
            target_2025="14.71",
            target_sense="min",
            trajectory="compound",
        ),
        row("physicians", "stock", name="执业医师数", reported_by="health"),
        row("population", "stock", name="常住人口", reported_by="geographic"),
        row(
            "physicians_per_1000",
            "ratio",
            name="每千常住人口执业医师数",
            numerator="physicians",
            denominator="population",
            scale="1000",
            decimals=2,
            target_2025="3.23",
            target_sense="min",
            min="",
        ),
        row("rd", "stock", name="R&D人员", entry="人年", reported_by="geographic"),
        row("employed", "stock", name="从业人员", reported_by="geographic"),
        row(
            "rd_per_10k",
            "ratio",
            name="每万名从业人员中R&D人员",
            numerator="rd",
            denominator="employed",
            scale="10000",
            decimals=1,
            base_2020="158.8",
            target_2025="200",
            target_sense="min",
            min="",
        ),
        row(
            "floor", "stock", name="保有量", reported_by="health", base_2020="100", target_2025="80", target_sense="min"
        ),
        row(
            "cap", "stock", name="上限指标", reported_by="health", base_2020="80", target_2025="100", target_sense="max"
        ),
        row("waste", "stock", name="能耗", reported_by="health", base_2020="100", target_2025="80", target_sense="max"),
        row(
            "grads",
            "flow",
            name="新引进大学生",
            display="万名",
            display_factor="0.0001",
            reported_by="geographic",
            target_2025="6",
            target_basis="cumulative",
            target_sense="min",
        ),
    ]
    return catalog_from_rows(indicators, UNITS, [], overlaps=overlaps)


CAT9 = _catalog()


def agg(*figures, catalog=CAT9, carry_forward=False):
    return Aggregator(catalog, FigureSet(figures), carry_forward=carry_forward)


def rows(a, period, catalog=CAT9):
    return {r.code: r for r in district_totals(catalog, a, period)}


def pairs(missing):
    return [(m.unit, m.period) for m in missing]


# -- 1. a total missing a town gets no verdict; carry-forward gives an estimate ------------------


def test_total_missing_a_town_is_incomplete_and_gets_no_verdict():
    # big reported 2024, small only up to 2023 (like 洪合镇 before its package is merged).
    a = agg(("big", "talent", "2024", 100_000), ("small", "talent", "2023", 45_000))
    r = rows(a, "2024")["talent"]
    assert r.value == pytest.approx(10.0)  # 100 000 人 = 10.00 万人: shown, but …
    assert r.complete is False and r.verdict == "incomplete" and r.on_track is None
    assert pairs(r.missing) == [("small", "2024")] and not r.estimated
    # The same figure once small is in: 14.5 万人 against 12.21 × (14.71/12.21)^(4/5) ≈ 14.19 → on track.
    full = rows(agg(("big", "talent", "2024", 100_000), ("small", "talent", "2024", 45_000)), "2024")["talent"]
    goal = 12.21 * (14.71 / 12.21) ** 0.8
    assert full.expected == pytest.approx(goal) and full.value == pytest.approx(14.5)
    assert full.complete and full.verdict == "on_track" and full.on_track is True
    assert full.completion == pytest.approx((14.5 - 12.21) / (14.71 - 12.21))


def test_carry_forward_is_an_estimate_and_says_which_unit_and_year():
    figures = (
        ("big", "talent", "2024", 100_000),
        ("small", "talent", "2022", 30_000),
        ("small", "talent", "2023", 45_000),
    )
    off = rows(agg(*figures), "2024")["talent"]
    assert off.verdict == "incomplete"  # off by default
    r = rows(agg(*figures, carry_forward=True), "2024")["talent"]
    assert r.value == pytest.approx(14.5)  # 100 000 + small's latest earlier figure 45 000 (2023, not 2022)
    assert r.estimated and r.complete and r.missing == []
    assert [(c.unit, c.period, c.from_period) for c in r.carried] == [("small", "2024", "2023")]
    assert r.verdict == "on_track" and r.on_track is True
    # Behind, also as an estimate: 100 000 + 20 000 = 12.0 万人 < 14.19.
    behind = rows(
        agg(("big", "talent", "2024", 100_000), ("small", "talent", "2023", 20_000), carry_forward=True), "2024"
    )
    assert behind["talent"].verdict == "behind" and behind["talent"].estimated


def test_carry_forward_never_invents_a_period_nobody_reported():
    a = agg(("big", "talent", "2023", 100_000), ("small", "talent", "2023", 45_000), carry_forward=True)
    assert a.value("talent", "2024").value is None and not a.value("talent", "2024").carried


def test_carry_forward_never_invents_a_flow_or_a_unit_that_never_reported():
    a = agg(
        ("big", "grads", "2023", 1000),
        ("small", "grads", "2022", 500),
        ("big", "talent", "2024", 1),
        carry_forward=True,
    )
    assert pairs(a.value("grads", "2023").missing) == [("small", "2023")]
    assert pairs(a.value("talent", "2024").missing) == [("small", "2024")]  # nothing earlier to carry


# -- 3. ratios -----------------------------------------------------------------------------


def test_department_count_over_towns_population_exists_only_when_both_are_complete():
    # The health bureau counts 2 990 physicians district-wide; the towns have 800 000 + 200 000 residents.
    partial = agg(("health", "physicians", "2021", 2990), ("big", "population", "2021", 800_000))
    v = partial.value("physicians_per_1000", "2021")
    # The old way gave 2990 / 800 000 × 1000 = 3.74 ("target exceeded"): no figure at all now.
    assert v.value is None and not v.complete and pairs(v.missing) == [("small", "2021")]
    assert v.numerator == 2990 and v.denominator == 800_000  # the components' own rows
    r = rows(partial, "2021")["physicians_per_1000"]
    assert r.verdict == "incomplete" and r.on_track is None
    full = agg(
        ("health", "physicians", "2021", 2990),
        ("big", "population", "2021", 800_000),
        ("small", "population", "2021", 200_000),
    )
    r = rows(full, "2021")["physicians_per_1000"]
    assert r.value == pytest.approx(2.99) and r.complete
    assert r.completion == pytest.approx(2.99 / 3.23)  # 93 %: no base at all, value ÷ target
    assert r.base_source == "none"


def test_same_reporter_ratio_sums_units_that_gave_both_and_its_parts_equal_their_rows():
    # big: R&D 2 344 人年, 从业人员 100 000; small gave R&D 170 but no 从业人员.
    a = agg(("big", "rd", "2023", 2344), ("big", "employed", "2023", 100_000), ("small", "rd", "2023", 170))
    r = rows(a, "2023")
    ratio = r["rd_per_10k"]
    assert ratio.value == pytest.approx(2344 / 100_000 * 10_000)  # 234.4 from the units that gave both
    assert not ratio.complete and pairs(ratio.missing) == [("small", "2023")] and ratio.verdict == "incomplete"
    # One report, one set of numbers: the ratio's numerator is R&D人员's own row (2 344 + 170 = 2 514).
    assert r["rd"].value == 2514 and ratio.numerator == 2514 and ratio.denominator == r["employed"].value == 100_000
    b = pivot.breakdown(CAT9, a, "rd_per_10k", "2023")
    assert b.total["rd"] == 2514 and b.total["employed"] == 100_000
    # … and the sums the ratio was taken over are their own, labelled line.
    assert b.used == {"rd": 2344, "employed": 100_000, "value": pytest.approx(234.4)}


# -- 4. sums equal their parts -------------------------------------------------------------


def test_sum_equals_its_parts_as_shown():
    # 2023: big 博士 300 硕士 2 859; small gave 博士 36 and no 硕士.
    a = Aggregator(
        CAT,
        FigureSet([("big", "phd", "2023", 300), ("big", "master", "2023", 2859), ("small", "phd", "2023", 36)]),
    )
    r = {x.code: x for x in district_totals(CAT, a, "2023")}
    assert r["phd"].value == 336 and r["master"].value == 2859
    assert r["phd_master"].value == 336 + 2859 == 3195  # not 3 172 (dropping small from the sum but not from 博士)
    assert not r["phd_master"].complete and pairs(r["phd_master"].missing) == [("small", "2023")]
    assert r["phd_master"].verdict == "incomplete" and r["phd_master"].on_track is None
    b = pivot.breakdown(CAT, a, "phd_master", "2023")
    assert b.total == {"phd": 336, "master": 2859, "value": 3195}
    assert sum(r.values["value"] for r in b.rows if r.values["value"] is not None) == 3195


# -- 2 (cumulatives) and 5 (half-years) ------------------------------------------------------


def test_cumulative_is_incomplete_when_an_earlier_year_missed_a_unit():
    a = agg(
        ("big", "grads", "2021", 1000),
        ("small", "grads", "2021", 200),
        ("big", "grads", "2022", 1100),  # small missing in 2022
        ("big", "grads", "2023", 1200),
        ("small", "grads", "2023", 300),
    )
    r = rows(a, "2023")["grads"]
    assert r.value == pytest.approx(0.15)  # this year's 1 500 名, in 万名
    assert r.value_complete  # this year's own figure is complete …
    assert r.cumulative == pytest.approx((1200 + 1100 + 1500) * 0.0001)  # 3 800 名 = 0.38 万名
    assert not r.complete and pairs(r.missing) == [("small", "2022")]  # … the five-year total is not
    assert r.verdict == "incomplete"


def test_stock_given_only_for_the_first_half_is_not_a_year_end_figure():
    a = agg(("big", "talent", "2023H1", 110), ("small", "talent", "2023", 50), ("big", "talent", "2022H2", 90))
    v = a.value("talent", "2023")
    assert v.value == 50 and pairs(v.missing) == [("big", "2023")] and v.units_reported == ["small"]
    assert a.value("talent", "2022").value == 90  # a second half is the year-end


def test_flow_given_for_one_half_is_not_the_year_and_the_unit_has_not_reported():
    a = agg(("big", "grads", "2023H1", 300), ("small", "grads", "2023", 200))
    v = a.value("grads", "2023")
    assert v.value == 200 and v.units_reported == ["small"] and v.units_missing == ["big"]
    assert pairs(v.missing) == [("big", "2023H2")]
    both = agg(("big", "grads", "2023H1", 300), ("big", "grads", "2023H2", 400), ("small", "grads", "2023", 200))
    assert both.value("grads", "2023").value == 900 and both.value("grads", "2023").complete


def test_halves_that_disagree_with_the_year_of_a_flow_are_an_error_at_entry():
    # 2023H1 70 + 2023H2 60 = 130 beside a year of 100.
    same_year = {"2023H1": {"grads": Entry(70)}, "2023H2": {"grads": Entry(60)}}
    found = check_unit_period(CAT, "big", "2023", {"grads": Entry(100)}, {}, same_year=same_year)
    errors = [f for f in found if f.severity is Severity.ERROR]
    assert len(errors) == 1 and errors[0].indicator == "grads"
    assert "130" in errors[0].text() and "100" in errors[0].text()
    # From a half's side too, and never for a stock (its year-end is its second half, not a sum).
    found = check_unit_period(
        CAT,
        "big",
        "2023H1",
        {"grads": Entry(70)},
        {},
        same_year={"2023": {"grads": Entry(100)}, "2023H2": {"grads": Entry(60)}},
    )
    assert [f.indicator for f in found if f.severity is Severity.ERROR] == ["grads"]
    agree = {"2023H1": {"grads": Entry(40)}, "2023H2": {"grads": Entry(60)}}
    assert not check_unit_period(CAT, "big", "2023", {"grads": Entry(100)}, {}, same_year=agree)
    stock = {"2023H1": {"talent": Entry(70)}, "2023H2": {"talent": Entry(60)}}
    assert not [
        f
        for f in check_unit_period(CAT, "big", "2023", {"talent": Entry(60)}, {}, same_year=stock)
        if f.severity is Severity.ERROR
    ]


def test_half_year_is_judged_at_mid_year_not_against_the_year_end():
    a = agg(("big", "talent", "2023H1", 100_000), ("small", "talent", "2023H1", 33_000))
    r = rows(a, "2023H1")["talent"]
    assert r.value == pytest.approx(13.3)
    # Mid-2023 is 2.5 years into the plan: 12.21 × (14.71/12.21)^(2.5/5) ≈ 13.40, not the year-end 13.69.
    assert r.expected == pytest.approx(12.21 * (14.71 / 12.21) ** 0.5)
    assert r.verdict == "behind"
    ahead = rows(agg(("big", "talent", "2023H1", 100_000), ("small", "talent", "2023H1", 35_000)), "2023H1")["talent"]
    assert ahead.verdict == "on_track"  # 13.5 ≥ 13.40, though below the year-end 13.69
    # A five-year cumulative at mid-year: 2021 + 2022 + 2023H1 against 6 × 2.5/5 = 3 万名.
    c = agg(*[(u, "grads", y, 5000) for u in ("big", "small") for y in ("2021", "2022", "2023H1")])
    g = rows(c, "2023H1")["grads"]
    assert g.cumulative == pytest.approx(3.0) and g.expected == pytest.approx(3.0) and g.verdict == "on_track"


# -- 6. one definition of completion ----------------------------------------------------------


def test_completion_base_is_the_plan_else_the_stored_2020_figure_else_none():
    figures = [
        ("health", "physicians", "2020", 1800),
        ("big", "population", "2020", 600_000),
        ("small", "population", "2020", 150_000),
    ]
    figures += [
        ("health", "physicians", "2023", 2400),
        ("big", "population", "2023", 620_000),
        ("small", "population", "2023", 180_000),
    ]
    r = rows(agg(*figures), "2023")
    ratio = r["physicians_per_1000"]
    base = 1800 / 750_000 * 1000  # 2.40, the district's stored 2020 figure
    value = 2400 / 800_000 * 1000  # 3.00
    assert ratio.base_source == "stored" and ratio.base == pytest.approx(base)
    assert ratio.completion == pytest.approx((value - base) / (3.23 - base))
    assert ratio.expected == pytest.approx(base + (3.23 - base) * 3 / 5)
    assert ratio.verdict == ("on_track" if value >= base + (3.23 - base) * 3 / 5 else "behind")
    assert r["rd_per_10k"].base_source == "plan" and r["rd_per_10k"].base == 158.8
    # An incomplete 2020 figure is no base: small lacks its 2020 population.
    r = rows(agg(*[f for f in figures if f[:3] != ("small", "population", "2020")]), "2023")["physicians_per_1000"]
    assert r.base_source == "none" and r.completion == pytest.approx(value / 3.23) and r.verdict == "no_target"


def test_at_least_target_below_its_base_and_caps_agree_with_their_verdicts():
    floor, cap, waste = CAT9.indicator("floor"), CAT9.indicator("cap"), CAT9.indicator("waste")
    # At least 80 from a base of 100: a floor to hold, not a fall to travel.
    assert expected(floor, 2023, plan=CAT.plan) == 80
    assert completion(floor, 70) == pytest.approx(70 / 80) and on_track(floor, 70, 2023) is False  # was 150 %, ✗
    assert completion(floor, 90) == 1.0 and on_track(floor, 90, 2023) is True
    # At most 100 from a base of 80: a cap to stay under.
    assert completion(cap, 95) == 1.0 and on_track(cap, 95, 2023) is True  # was 75 % and ✗ 落后
    assert completion(cap, 105) == pytest.approx(100 / 105) and on_track(cap, 105, 2023) is False
    # At most 80 from 100: a real reduction, linear: 88 expected in 2023.
    assert expected(waste, 2023, plan=CAT.plan) == pytest.approx(88)
    assert completion(waste, 85) == pytest.approx(0.75) and on_track(waste, 85, 2023) is True
    assert completion(waste, 90) == pytest.approx(0.5) and on_track(waste, 90, 2023) is False
    r = rows(agg(("health", "floor", "2023", 70), ("health", "cap", "2023", 95)), "2023")
    assert r["floor"].verdict == "behind" and r["floor"].completion < 1
    assert r["cap"].verdict == "on_track" and r["cap"].completion == 1.0


@settings(max_examples=200, deadline=None)
@given(
    st.floats(1, 1000),
    st.floats(1, 1000),
    st.floats(0, 2000),
    st.sampled_from(["min", "max"]),
    st.integers(2021, 2025),
)
def test_completion_at_or_above_the_time_progress_is_exactly_on_track(base, target, value, sense, year):
    ind = catalog_from_rows(
        [row("x", "stock", reported_by="health", base_2020=base, target_2025=target, target_sense=sense)], UNITS
    ).indicator("x")
    goal = expected(ind, year, plan=CAT.plan)
    done, due = completion(ind, value), completion(ind, goal)
    if abs(value - goal) < 1e-6 * max(1.0, abs(goal)):
        return  # on the line: rounding decides
    assert on_track(ind, value, year) == (done >= due - 1e-12)


# -- 7. overlapping units --------------------------------------------------------------------


def test_a_unit_inside_others_is_shown_but_not_added_twice():
    cat = _catalog(overlaps=[{"unit": "small", "indicator": "talent", "note": "区域在大镇内"}])
    a = agg(("big", "talent", "2023", 120_000), ("small", "talent", "2023", 20_000), catalog=cat)
    v = a.value("talent", "2023")
    assert v.value == 120_000 and v.complete  # small's 20 000 are already inside big's figure
    assert {c.unit: (c.value, c.counted) for c in v.contributions} == {"big": (120_000, True), "small": (20_000, False)}
    # Not expected to report it either: its absence does not make the district figure incomplete.
    assert agg(("big", "talent", "2023", 120_000), catalog=cat).value("talent", "2023").complete
    # Other indicators of the same unit still add up.
    b = agg(("big", "population", "2023", 1000), ("small", "population", "2023", 500), catalog=cat)
    assert b.value("population", "2023").value == 1500
    table = pivot.unit_table(cat, a, "2023")
    assert table.value("small", "talent") == 20_000 and table.district["talent"] == 120_000


def test_overlap_must_name_a_unit_that_reports_a_summed_indicator():
    from xz_desktop.domain.messages import XzError

    for bad in (
        {"unit": "nobody", "indicator": "talent"},
        {"unit": "small", "indicator": "nothing"},
        {"unit": "health", "indicator": "talent"},  # health does not report 人才资源总量
        {"unit": "small", "indicator": "physicians_per_1000"},  # computed, not summed
    ):
        with pytest.raises(XzError):
            _catalog(overlaps=[bad])


def test_total_row_json_contract():
    a = agg(("big", "talent", "2024", 100_000), ("small", "talent", "2023", 45_000))
    data = total_row(CAT9.indicator("talent"), a, Period(2024)).as_json()
    assert data["complete"] is False and data["verdict"] == "incomplete" and data["estimated"] is False
    assert data["missing"] == [{"unit": "small", "period": "2024"}] and data["on_track"] is None
    none = total_row(CAT9.indicator("population"), a, Period(2024)).as_json()
    assert none["verdict"] == "no_target" and none["on_track"] is None
