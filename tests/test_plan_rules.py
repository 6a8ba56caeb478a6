"""目标分解, 考核 and 人才发展指数 as plain rules: every expected number worked out by hand here."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xz_desktop.domain.assessment import Adjustment, Scheme, SchemeItem, UnitScore, rank_scores, score_unit
from xz_desktop.domain.messages import XzError
from xz_desktop.domain.talent_index import IndexIndicator, IndexPart, IndexScheme, normalise, rank_indices, unit_index
from xz_desktop.domain.targets import (
    BEHIND,
    INCOMPLETE,
    ON_TRACK,
    UnitFigure,
    UnitTarget,
    check_shares,
    largest_remainder,
    split_target,
    unit_progress,
)


def test_largest_remainder_by_hand():
    # 147100 over 10000 : 20000 : 30001 (Σ 60001). Quotas 24516.258…, 49032.516…, 73551.224…;
    # the whole parts add up to 147099, the one left goes to the largest remainder (.516: b).
    assert largest_remainder(147100, {"a": 10000, "b": 20000, "c": 30001}) == {"a": 24516, "b": 49033, "c": 73551}
    # Equal weights: 10 = 3.33… ×3 → 3, 3, 3 and the 1 left to the first of the tied remainders.
    assert largest_remainder(10, {"a": 1, "b": 1, "c": 1}) == {"a": 4, "b": 3, "c": 3}
    # 7 by 1 : 2 : 7 → 0.7, 1.4, 4.9 → 0, 1, 4 (Σ 5); the 2 left: .9 (c) then .7 (a).
    assert largest_remainder(7, {"a": 1, "b": 2, "c": 7}) == {"a": 1, "b": 1, "c": 5}
    # A unit of weight 0 gets nothing, even where a remainder is left over.
    assert largest_remainder(5, {"a": 0, "b": 1, "c": 1}) == {"a": 0, "b": 3, "c": 2}


def test_largest_remainder_refuses_what_cannot_be_split():
    with pytest.raises(XzError):
        largest_remainder(10, {"a": 0, "b": 0})
    with pytest.raises(XzError):
        largest_remainder(10, {"a": -1, "b": 2})
    with pytest.raises(XzError):
        largest_remainder(10, {})


@given(
    st.integers(min_value=0, max_value=10**9),
    st.lists(st.floats(min_value=0, max_value=1e7, allow_nan=False), min_size=1, max_size=30).filter(
        lambda ws: sum(ws) > 0
    ),
)
def test_shares_always_add_up_exactly_and_stay_within_one_of_the_quota(total, weights):
    named = {f"u{i}": w for i, w in enumerate(weights)}
    parts = largest_remainder(total, named)
    assert sum(parts.values()) == total
    whole = sum(weights)
    for unit, w in named.items():
        assert abs(parts[unit] - total * w / whole) < 1 + 1e-6


@given(st.permutations(["a", "b", "c", "d"]))
def test_the_split_does_not_depend_on_the_order_of_units_with_distinct_weights(order):
    weights = {"a": 3.0, "b": 5.0, "c": 7.0, "d": 11.0}
    assert largest_remainder(100, {u: weights[u] for u in order}) == largest_remainder(100, weights)


def test_split_target_in_entry_measure(catalog):
    talent = catalog.indicator("talent_total")  # 14.71 万人 = 147100 人
    shares = split_target(talent, {"a": 10000, "b": 20000, "c": 30001})
    assert [(s.unit, s.target) for s in shares] == [("a", 24516.0), ("b", 49033.0), ("c", 73551.0)]
    with pytest.raises(XzError):
        split_target(catalog.indicator("physicians_per_1000"), {"a": 1})  # a ratio: unit ratios, not shares


def test_check_shares_says_when_they_no_longer_add_up(catalog):
    ind = catalog.indicator("academician_workstation")  # district target 18
    targets = [UnitTarget("a", ind.code, 10, "2025"), UnitTarget("b", ind.code, 8, "2025")]
    assert check_shares(ind, targets, ["a", "b"], ["a", "b"], catalog.plan) == []
    # b retired, c added: b's 8 no longer counts, c has no share, and 10 ≠ 18.
    problems = [str(p.message) for p in check_shares(ind, targets, ["a", "c"], ["a", "c"], catalog.plan)]
    assert any("c 没有分到目标" in p for p in problems)
    assert any("b 已停用" in p for p in problems)
    assert any("10" in p and "18" in p for p in problems)


def test_unit_progress_linear_stock_and_incomplete(catalog):
    ind = catalog.indicator("academician_workstation")  # linear stock
    t = UnitTarget("a", ind.code, 7, "2025")
    # From 2 (2020) to 7 (2025): 2023 expects 2 + 5 × 3/5 = 5; a figure of 4 is behind, completion (4−2)/(7−2) = 0.4.
    p = unit_progress(ind, t, UnitFigure(4, True, (), 2), 2023, plan=catalog.plan)
    assert p.expected == pytest.approx(5)
    assert p.completion == pytest.approx(0.4)
    assert p.verdict == BEHIND
    assert unit_progress(ind, t, UnitFigure(5, True, (), 2), 2023, plan=catalog.plan).verdict == ON_TRACK
    # An incomplete figure has no verdict and no completion.
    p = unit_progress(ind, t, UnitFigure(6, False, ("2023",), 2), 2023, plan=catalog.plan)
    assert p.verdict == INCOMPLETE and p.completion is None
    # A milestone set by the district replaces the trajectory's point: 6 in 2023.
    assert unit_progress(ind, t, UnitFigure(5, True, (), 2), 2023, milestone=6, plan=catalog.plan).verdict == BEHIND


SCHEME = Scheme(
    full_score=100,
    floor=0.0,
    cap=1.2,
    missing=0.0,
    bonus_cap=5,
    deduction_cap=10,
    geographic=(SchemeItem("academician_workstation", 60), SchemeItem("new_graduates", 40)),
)


def test_scores_and_ranks_by_hand(catalog):
    aw, ng = catalog.indicator("academician_workstation"), catalog.indicator("new_graduates")

    def prog(unit, ind, target, value, base, complete=True):
        return unit_progress(
            ind,
            UnitTarget(unit, ind.code, target, "2025"),
            UnitFigure(value, complete, (), base),
            2023,
            plan=catalog.plan,
        )

    # a: stations 2 → 4 against 2 → 7 (expected 5): r = (4−2)/(5−2) = 2/3 → 60 × 2/3 = 40;
    #    graduates 600 of 1000 cumulative (expected 600): r = 1 → 40. Score 100 × 80/100 = 80.
    a = {"academician_workstation": prog("a", aw, 7, 4, 2), "new_graduates": prog("a", ng, 1000, 600, None)}
    # b: stations 1 → 5 against 1 → 6 (expected 4): r = 4/3, capped at 1.2 → 72; graduates incomplete → 0.
    #    72, plus a bonus of 3 → 75.
    b = {"academician_workstation": prog("b", aw, 6, 5, 1), "new_graduates": prog("b", ng, 500, 200, None, False)}
    # c: stations 0 → 3 against 0 → 5 (expected 3): r = 1 → 60; graduates 720 of 800 (expected 480): r = 1.5 → 48.
    #    108, less a deduction of 15 capped at 10 → 98.
    c = {"academician_workstation": prog("c", aw, 5, 3, 0), "new_graduates": prog("c", ng, 800, 720, None)}
    starts = lambda base: {"academician_workstation": base, "new_graduates": 0.0}
    adjustments = [Adjustment("b", "2023", 3, "引进顶尖团队"), Adjustment("c", "2023", -15, "迟报")]
    scores = rank_scores(
        [
            score_unit(SCHEME, "a", "geographic", a, starts(2), adjustments),
            score_unit(SCHEME, "b", "geographic", b, starts(1), adjustments),
            score_unit(SCHEME, "c", "geographic", c, starts(0), adjustments),
        ]
    )
    got = {s.unit: (round(s.score or 0, 6), s.rank, s.complete) for s in scores}
    assert got == {"a": (80.0, 2, True), "b": (75.0, 3, False), "c": (98.0, 1, True)}
    b_items = {i.indicator: i for i in next(s for s in scores if s.unit == "b").items}
    assert b_items["new_graduates"].status == INCOMPLETE and b_items["new_graduates"].points == 0


def test_equal_scores_share_a_rank_and_a_unit_without_targets_has_none():
    s = lambda unit, score: UnitScore(unit, "sector", score, (), 0, 0, (), True)
    ranked = {x.unit: x.rank for x in rank_scores([s("a", 5), s("b", 7), s("c", 5.001), s("d", 1), s("e", None)])}
    # 5 and 5.001 are both shown as 5.00: the same rank, and the next one is 4th.
    assert ranked == {"b": 1, "a": 2, "c": 2, "d": 4, "e": None}
    # No item with a target: no score at all (not 0), even with a bonus.
    alone = score_unit(SCHEME, "x", "sector", {}, {}, [Adjustment("x", "2023", 2, "x")])
    assert alone.score is None


INDEX = IndexScheme(
    2020,
    200,
    (
        IndexPart("人才规模", 0.6, (IndexIndicator("talent_total", 1.0),)),
        IndexPart(
            "人才平台",
            0.4,
            (IndexIndicator("academician_workstation", 0.5), IndexIndicator("postdoc_workstation", 0.5)),
        ),
    ),
)


def test_index_by_hand():
    # a: 10000 → 12000 = 120; stations 2 → 4 = 200; posts 1 → 1 = 100; 平台 (200+100)/2 = 150;
    #    index 0.6 × 120 + 0.4 × 150 = 132.
    a = unit_index(
        INDEX,
        "a",
        2023,
        {"talent_total": 12000, "academician_workstation": 4, "postdoc_workstation": 1},
        {"talent_total": 10000, "academician_workstation": 2, "postdoc_workstation": 1},
    )
    # b: 20000 → 21000 = 105; stations 1 → 5 = 500, capped at 200; posts 0 → 0 = 100; index 63 + 60 = 123.
    b = unit_index(
        INDEX,
        "b",
        2023,
        {"talent_total": 21000, "academician_workstation": 5, "postdoc_workstation": 0},
        {"talent_total": 20000, "academician_workstation": 1, "postdoc_workstation": 0},
    )
    # c has no 2023 talent figure: no index, no rank, and it says what is missing.
    c = unit_index(
        INDEX,
        "c",
        2023,
        {"talent_total": None, "academician_workstation": 3, "postdoc_workstation": 1},
        {"talent_total": 30001, "academician_workstation": 0, "postdoc_workstation": 1},
    )
    assert a.index == pytest.approx(132) and b.index == pytest.approx(123) and c.index is None
    assert c.missing == ("talent_total",)
    assert c.parts[1].index == pytest.approx(150)  # 0 → 3 stations: the cap (200); posts 100
    assert {i.unit: i.rank for i in rank_indices([c, b, a])} == {"a": 1, "b": 2, "c": None}


def test_normalise_edges():
    assert normalise(0, 0, 200) == 100
    assert normalise(3, 0, 200) == 200
    assert normalise(None, 5, 200) is None
    assert normalise(5, 10, 200, lower_is_better=True) == 200
    assert normalise(20, 10, 200, lower_is_better=True) == 50
