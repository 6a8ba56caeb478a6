"""The plan's methods as a statistician would check them: whole milestones, units without data, floor shares
and hand-set shares, damped counts in the index, and chart fonts taken by file. Every number worked by hand."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import matplotlib
import pytest

from xz_desktop.domain.assessment import (
    DATA_INCOMPLETE,
    NOT_REPORTED,
    Scheme,
    SchemeItem,
    rank_scores,
    score_unit,
)
from xz_desktop.domain.messages import XzError
from xz_desktop.domain.talent_index import IndexIndicator, IndexPart, IndexScheme, normalise, unit_index
from xz_desktop.domain.targets import UnitFigure, UnitTarget, floored_weights, split_target, unit_progress

STATIONS = Scheme(
    full_score=100,
    floor=0.0,
    cap=1.2,
    missing=0.0,
    bonus_cap=5,
    deduction_cap=10,
    geographic=(SchemeItem("academician_workstation", 10),),
)


def _stations(catalog, unit: str, base: float, target: float, value: float | None, complete: bool = True):
    ind = catalog.indicator("academician_workstation")
    p = unit_progress(
        ind, UnitTarget(unit, ind.code, target, "2025"), UnitFigure(value, complete, (), base), 2024, plan=catalog.plan
    )
    return {ind.code: p}, {ind.code: base}


def test_a_count_is_scored_by_whole_milestones_not_all_or_nothing(catalog):
    assert catalog.indicator("academician_workstation").is_count  # 家
    score = lambda value, base=1, target=2: score_unit(
        STATIONS, "a", "geographic", *_stations(catalog, "a", base, target, value)
    )
    # 1 → 2 stations by 2025; 2024 expects 1 + 1 × 4/5 = 1.8: the 2nd is due only in 2025, so 1 is due.
    # Kept 1: nothing due beyond the start, r = 1 + (1 − 1)/(2 − 1) = 1 → 100 × 10 × 1 / 10 = 100 (was 0).
    one = score(1)
    assert one.score == pytest.approx(100) and one.items[0].due == 1 and one.items[0].status == "on_track"
    # 2 already: r = 1 + (2 − 1)/(2 − 1) = 2, capped at 1.2 → 120.
    assert score(2).score == pytest.approx(120)
    # Lost the one it had: r = 1 + (0 − 1)/1 = 0 → 0.
    assert score(0).score == pytest.approx(0)
    # 1 → 5: expects 1 + 4 × 4/5 = 4.2, whole milestone 4; has 3: r = (3 − 1)/(4 − 1) = 2/3 → 66.67
    # (partial credit; by the fractional point it would be 2/3.2 = 62.5).
    partial = score(3, 1, 5)
    assert partial.score == pytest.approx(200 / 3) and partial.items[0].ratio == pytest.approx(2 / 3)


def test_the_unit_progress_page_and_the_assessment_judge_a_count_alike(catalog):
    """One due point for a count, decided in domain/progress.py: the progress record and the score agree."""
    ind = catalog.indicator("academician_workstation")
    # 1 → 2 by 2025, has 1 in 2024: the path is at 1 + 1 × 4/5 = 1.8, the whole milestone passed is 1.
    kept = unit_progress(ind, UnitTarget("a", ind.code, 2, "2025"), UnitFigure(1, True, (), 1), 2024, plan=catalog.plan)
    assert kept.expected == pytest.approx(1.8) and kept.due == 1
    assert kept.verdict == "on_track"  # was 落后进度 against 1.8, while the assessment gave full marks
    assert kept.completion == pytest.approx(0.0)  # (1 − 1)/(2 − 1): the completion toward 2025 is unchanged
    [item] = score_unit(STATIONS, "a", "geographic", {ind.code: kept}, {ind.code: 1}).items
    assert (item.due, item.status, item.points) == (1, "on_track", pytest.approx(10))  # r = 1 + 0/1 = 1 → 10 × 1
    # 1 → 5, has 3: path 1 + 4 × 4/5 = 4.2, due 4; 3 < 4 is behind on both surfaces, r = (3 − 1)/(4 − 1) = 2/3.
    short = unit_progress(
        ind, UnitTarget("a", ind.code, 5, "2025"), UnitFigure(3, True, (), 1), 2024, plan=catalog.plan
    )
    assert short.due == 4 and short.verdict == "behind"
    [item] = score_unit(STATIONS, "a", "geographic", {ind.code: short}, {ind.code: 1}).items
    assert (item.due, item.status) == (4, "behind") and item.ratio == pytest.approx(2 / 3)
    # A share (%) is not counted in whole steps: it keeps the path's point.
    share = catalog.indicator("hitech_value_added_share")  # %
    p = unit_progress(
        share, UnitTarget("a", share.code, 75, "2025"), UnitFigure(73, True, (), 68), 2024, plan=catalog.plan
    )
    assert p.expected == pytest.approx(73.6) and p.due == pytest.approx(73.6)  # 68 + 7 × 4/5
    assert p.verdict == "behind"


def test_a_unit_without_data_is_listed_apart_never_ranked_last_with_zero(catalog):
    # a: 2 → 3 against 2 → 4 (2024 expects 2 + 2 × 4/5 = 3.6, whole 3): r = (3 − 2)/(3 − 2) = 1 → 100.
    a = score_unit(STATIONS, "a", "geographic", *_stations(catalog, "a", 2, 4, 3))
    # b: 1 → 1 against 1 → 5 (expects 4.2, whole 4): r = 0 → 0, a real score of 0, ranked.
    b = score_unit(STATIONS, "b", "geographic", *_stations(catalog, "b", 1, 5, 1))
    # c reported nothing this year; d reported, but its only item is incomplete (a first half only).
    c = score_unit(STATIONS, "c", "geographic", *_stations(catalog, "c", 1, 5, None, False), reported=False)
    d = score_unit(STATIONS, "d", "geographic", *_stations(catalog, "d", 1, 5, 2, False))
    ranked = {s.unit: (s.score, s.rank, s.unscored) for s in rank_scores([c, d, b, a])}
    assert ranked == {
        "a": (pytest.approx(100), 1, None),
        "b": (pytest.approx(0), 2, None),
        "c": (None, None, NOT_REPORTED),
        "d": (None, None, DATA_INCOMPLETE),
    }


def test_floor_share_by_hand(catalog):
    ind = catalog.indicator("academician_workstation")  # 2025 target 18 家
    weights = {"a": 3, "b": 1, "c": 0, "d": 0}
    # Without a floor c and d get 0 for good: 18 × 3/4 = 13.5, 18 × 1/4 = 4.5 → 14 and 4 (tie: the larger weight).
    assert [s.target for s in split_target(ind, weights)] == [14, 4, 0, 0]
    # F = 0.2 over n = 4: w' = 0.05 + 0.8 × w/4 → a 0.65, b 0.25, c 0.05, d 0.05 (Σ 1).
    assert floored_weights(weights, 0.2) == {
        "a": Fraction(13, 20),
        "b": Fraction(5, 20),
        "c": Fraction(1, 20),
        "d": Fraction(1, 20),
    }
    # Quotas 18 × w': 11.7, 4.5, 0.9, 0.9; whole parts 11 + 4 + 0 + 0 = 15; the 3 left go to the
    # largest remainders .9 (c), .9 (d), .7 (a) → 12, 4, 1, 1 (Σ 18).
    assert [s.target for s in split_target(ind, weights, floor=0.2)] == [12, 4, 1, 1]


def test_hand_set_shares_and_the_rest_still_add_up(catalog):
    ind = catalog.indicator("academician_workstation")
    weights = {"a": 3, "b": 1, "c": 0, "d": 0}
    # b set to 2 by hand; 18 − 2 = 16 over a, c, d with F = 0.2, n = 3: w' = 0.2/3 + 0.8 × w/3
    # → a 0.8667, c 0.0667, d 0.0667; quotas 13.867, 1.067, 1.067 → 13 + 1 + 1 = 15, the 1 left to a → 14.
    shares = split_target(ind, weights, floor=0.2, fixed={"b": 2})
    assert [s.target for s in shares] == [14, 2, 1, 1] and sum(s.target for s in shares) == 18
    with pytest.raises(XzError, match="手工份额合计 20"):
        split_target(ind, weights, fixed={"a": 12, "b": 8})  # 20 > 18
    with pytest.raises(XzError, match="以 1 为单位"):
        split_target(ind, weights, fixed={"a": 1.5})
    with pytest.raises(XzError, match="不符"):
        split_target(ind, {"a": 1, "b": 1}, fixed={"a": 10, "b": 7})  # every unit fixed, 17 ≠ 18


def test_damped_counts_in_the_index():
    # d = 5: 1 → 2 stations is (2 + 5)/(1 + 5) × 100 = 116.67, not 200; 0 → 3 is (3 + 5)/5 × 100 = 160.
    assert normalise(2, 1, 200, damping=5) == pytest.approx(700 / 6)
    assert normalise(3, 0, 200, damping=5) == pytest.approx(160)
    assert normalise(0, 0, 200, damping=5) == pytest.approx(100)
    scheme = IndexScheme(
        2020,
        200,
        (
            IndexPart("人才规模", 0.8, (IndexIndicator("talent_total", 1.0),)),
            IndexPart("人才平台", 0.2, (IndexIndicator("academician_workstation", 1.0, damping=5),)),
        ),
    )
    # 10000 → 11000 = 110; stations 1 → 2 = 116.67; index 0.8 × 110 + 0.2 × 116.67 = 88 + 23.33 = 111.33
    # (undamped: 0.8 × 110 + 0.2 × 200 = 128, the platform part deciding the rank).
    i = unit_index(
        scheme,
        "a",
        2024,
        {"talent_total": 11000, "academician_workstation": 2},
        {"talent_total": 10000, "academician_workstation": 1},
    )
    assert i.index == pytest.approx(88 + 0.2 * 700 / 6)


# -- the chart font, by file ---------------------------------------------------------------------

NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
RENDER = """
from matplotlib.text import Text
from xz_desktop.services.plan import charts
fig = charts.index_trend_figure({"新城街道": [(2020, 100.0), (2024, 116.6)], "嘉北街道": [(2020, 100.0), (2024, 95.0)]})
png = charts.png(fig)
assert png.startswith(b"\\x89PNG")
print(sorted({t.get_fontproperties().get_file() for t in fig.findobj(Text) if t.get_text()}))
"""


def _render(tmp_path: Path, font: str | None) -> subprocess.CompletedProcess:
    cache = tmp_path / "mplconfig"
    cache.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "XZ_CJK_FONT"}
    env["MPLCONFIGDIR"] = str(cache)  # a fresh, empty font cache: nothing may depend on an old one
    if font:
        env["XZ_CJK_FONT"] = font
    return subprocess.run([sys.executable, "-c", RENDER], capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.skipif(not NOTO.is_file(), reason="fonts-noto-cjk is not installed (.ci/run installs it)")
def test_a_chart_uses_the_cjk_font_file_with_a_fresh_matplotlib_cache(tmp_path):
    done = _render(tmp_path, None)
    assert done.returncode == 0, done.stderr
    assert "missing from font" not in done.stderr and "Glyph" not in done.stderr
    # Every text of the chart (titles, legend, ticks) is drawn with the chosen file, none by family lookup.
    assert done.stdout.strip() == repr([str(NOTO)])


def test_a_font_without_chinese_is_refused_not_drawn_as_boxes(tmp_path):
    latin = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    done = _render(tmp_path, str(latin))
    assert done.returncode != 0
    assert "缺少" in done.stderr and "方框" in done.stderr


# -- the demo: its assessed targets are split ----------------------------------------------------


def test_demo_gives_every_reporting_town_a_score_and_a_rank(tmp_path, xz):
    db = tmp_path / "demo.sqlite"
    assert xz("demo", db).returncode == 0
    done = xz("assess", db, "--period", "2024", "--json")
    assert done.returncode == 0, done.stderr
    towns = {s["unit"]: s for s in json.loads(done.stdout) if s["kind"] == "geographic"}
    assert len(towns) == 10
    # 洪合镇 has not sent 2024 (services/demo.py LATE_IN_2024): listed apart, no score, no rank, and why.
    honghe = towns.pop("honghe")
    assert (honghe["score"], honghe["rank"], honghe["unscored"], honghe["unscored_text"]) == (
        None,
        None,
        "not_reported",
        "未报",
    )
    assert all(s["score"] is not None and s["rank"] is not None for s in towns.values())
    assert sorted(s["rank"] for s in towns.values())[0] == 1
    assert {"unit", "score", "rank", "items"} <= set(honghe)
    # 博士后工作站: 8 in 2020 over 10 towns, so some had none; by base alone they would get 0 for good.
    refused = xz("targets", db, "--split", "postdoc_workstation", "--by", "base")
    assert refused.returncode == 1 and "保底份额" in refused.stdout + refused.stderr
    split = xz(
        "targets",
        db,
        "--split",
        "postdoc_workstation",
        "--by",
        "base",
        "--floor",
        "0.2",
        "--set",
        "xincheng=3",
        "--json",
    )
    assert split.returncode == 0, split.stderr
    shares = {s["unit"]: s["target"] for s in json.loads(split.stdout)}
    # Target 16; a fifth of it (3.2) equally over the 10 towns: each at least 0.32 before rounding, and
    # xincheng's 3 set by hand; the shares still add up to 16 exactly.
    assert sum(shares.values()) == 16 and shares["xincheng"] == 3


def test_a_long_indicator_name_wraps_in_its_column_header_instead_of_losing_both_ends():
    from xz_desktop.ui.totals.pivot_model import wrap_header

    # 7 Chinese characters (14 places) a line: 规模以上工业企业中有研发活动企业数占比 (18) → 7 + 7 + 4.
    assert wrap_header("规模以上工业企业中有研发活动企业数占比") == "规模以上工业企\n业中有研发活动\n企业数占比"
    # Latin letters count one place: 全社会R&D经费支出 is 3×2 + 3 + 4×2 = 17 places → 全社会R&D经费 (13;
    # with 支 it would be 15) + 支出.
    assert wrap_header("全社会R&D经费支出") == "全社会R&D经费\n支出"
    # Beyond three lines the last one ends in …; the full name is the tooltip.
    assert wrap_header("一" * 25) == "一" * 7 + "\n" + "一" * 7 + "\n" + "一" * 6 + "…"
