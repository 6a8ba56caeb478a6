"""Issue 20, “Done when” (the core's part): a second plan (base 2025, target 2030) added to a district that holds
2021–2025 figures. Two new indicators, one dropped (博士 phd), one continued (人才资源总量 talent_total).

Every expected number is computed by hand below from the figures the test writes.

Figures: 人才资源总量 of the ten geographic units, unit i (0…9) in year Y: 12000 + 500·i + 200·(Y − 2020) 人, so the
district holds Σ = 120000 + 500·45 + 2000·(Y − 2020) = 142500 + 2000·(Y − 2020) 人:
2016 134500 · 2017 136500 · 2018 138500 · 2019 140500 · 2021 144500 · 2022 146500 · 2023 148500 · 2024 150500 ·
2025 152500 · 2026 154500 (万人: 13.45 … 15.25, 15.45). 博士 phd: unit i holds 20 + i + (Y − 2020) → Σ = 245 + 10·(Y − 2020).
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from xz_desktop.domain.catalog_rows import load_catalog_dir
from xz_desktop.paths import catalog_dir
from xz_desktop.services import pivot
from xz_desktop.services.totals import totals
from xz_desktop.store import create_store, open_store

from .conftest import GEOGRAPHIC

COLUMNS = (
    "code,name,category,source,table1_seq,table2_seq,section,entry_measure,display_measure,display_factor,decimals,"
    "aggregation,numerator,denominator,scale,parts,growth_of,target_basis,trajectory,reported_by,"
    "base_2020,base_2025,target_2030,target_sense,base_span,min,max,usual_min,usual_max,yoy_threshold,note"
)
NEXT_INDICATORS = "\n".join(
    [
        COLUMNS,
        # continued: the 2025 base is the district's own 2025 figure (152500 人 = 15.25 万人); 2030: 20.25 万人
        "talent_total,人才资源总量,人才投入,表2,1,1,表2,人,万人,0.0001,2,stock,,,,,,annual,linear,geographic,"
        "12.21,15.25,20.25,min,,0,,,,0.3,",
        # new: a stock with a 2025 base of 300 人 and a 2030 target of 1000
        "ai_talent,人工智能人才,人才投入,表2,,2,表2,人,人,1,0,stock,,,,,,annual,linear,geographic,,300,1000,min,,0,,,,,",
        # new: a five-year cumulative flow, 5000 by 2030
        "new_young,新引进青年人才,人才投入,正文,,,正文,人,人,1,0,flow,,,,,,cumulative,linear,geographic,,,5000,min,,0,,,,,",
    ]
)


def talent(i: int, year: int) -> int:
    return 12000 + 500 * i + 200 * (year - 2020)


@pytest.fixture
def two_plans(tmp_path) -> Path:
    """The district: 2016–2019 and 2021–2025 figures under the 十四五, then the 十五五 added and 2026 entered."""
    db = tmp_path / "district.sqlite"
    create_store(db, "district", author="测试").close()
    with open_store(db) as store, store.transaction():  # the fixture's figures: one commit
        for year in (2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025):
            for i, unit in enumerate(GEOGRAPHIC):
                store.values.write_one(unit, "talent_total", str(year), talent(i, year))
                if year >= 2021:
                    store.values.write_one(unit, "phd", str(year), 20 + i + (year - 2020))
    folder = tmp_path / "十五五"
    folder.mkdir()
    shutil.copy(catalog_dir() / "units.csv", folder / "units.csv")
    shutil.copy(catalog_dir() / "level.csv", folder / "level.csv")
    (folder / "plan.csv").write_text(
        "code,name,base_year,target_year\n十五五,《秀洲区人才发展“十五五”规划》,2025,2030\n", encoding="utf-8"
    )
    (folder / "indicators.csv").write_text(NEXT_INDICATORS + "\n", encoding="utf-8")
    with open_store(db) as store:
        store.add_plan(load_catalog_dir(folder))
        with store.transaction():
            for i, unit in enumerate(GEOGRAPHIC):
                store.values.write_one(unit, "talent_total", "2026", talent(i, 2026))
                store.values.write_one(unit, "ai_talent", "2026", 50)  # Σ 500
                store.values.write_one(unit, "new_young", "2026", 120)  # Σ 1200
    return db


def _rows(store, period, plan=None):
    return {r.code: r for r in totals(store, period, plan=plan)}


def test_2026_is_judged_on_the_2025_base_towards_2030(two_plans):
    with open_store(two_plans, read_only=True) as store:
        rows = _rows(store, "2026")
    assert set(rows) == {"talent_total", "ai_talent", "new_young"}  # the 十五五's indicators; 博士 dropped
    t = rows["talent_total"]
    assert (t.plan, t.base_year, t.target_year) == ("十五五", 2025, 2030)
    assert t.value == pytest.approx(15.45)
    assert (t.base, t.base_source, t.target) == (pytest.approx(15.25), "plan", 20.25)
    # linear: 15.25 + (20.25 − 15.25) × 1/5 = 16.25; completion (15.45 − 15.25) ÷ 5 = 0.04; 15.45 < 16.25: behind
    assert t.expected == pytest.approx(16.25)
    assert t.completion == pytest.approx(0.04)
    assert t.verdict == "behind" and t.on_track is False
    ai = rows["ai_talent"]  # 300 + 700 × 1/5 = 440; 500 ≥ 440; (500 − 300) ÷ 700
    assert (ai.value, ai.expected, ai.verdict) == (500, pytest.approx(440), "on_track")
    assert ai.completion == pytest.approx(200 / 700)
    young = rows["new_young"]  # cumulative from 2026: 1200 against 5000 × 1/5 = 1000
    assert (young.cumulative, young.expected, young.verdict) == (1200, pytest.approx(1000), "on_track")
    assert young.completion == pytest.approx(1200 / 5000)


def test_2024_is_still_judged_under_the_14th_plan(two_plans):
    with open_store(two_plans, read_only=True) as store:
        rows = _rows(store, "2024")
    t = rows["talent_total"]
    assert (t.plan, t.base_year, t.target_year) == ("十四五", 2020, 2025)
    assert t.value == pytest.approx(15.05) and (t.base, t.target) == (12.21, 14.71)
    # compound: 12.21 × (14.71 ÷ 12.21)^(4/5); completion (15.05 − 12.21) ÷ (14.71 − 12.21) = 2.84 ÷ 2.5 = 1.136
    assert t.expected == pytest.approx(12.21 * (14.71 / 12.21) ** 0.8)
    assert t.completion == pytest.approx(1.136)
    assert t.verdict == "on_track"
    assert rows["phd"].value == 245 + 40  # the dropped indicator, in its own plan's years
    assert "ai_talent" not in rows


def test_a_period_after_the_plans_target_year_gets_no_verdict(two_plans, tmp_path):
    with open_store(two_plans, read_only=True) as store:
        rows = _rows(store, "2026", plan="十四五")  # judged under the 十四五 on request: its targets end with 2025
    t = rows["talent_total"]
    assert t.plan == "十四五" and t.value == pytest.approx(15.45)
    assert (t.expected, t.completion, t.on_track, t.verdict) == (None, None, None, "no_target")
    # A database holding only the 十四五: 2026 is entered, never judged against the 2025 target.
    single = tmp_path / "single.sqlite"
    create_store(single, "district", author="测试").close()
    with open_store(single) as store:
        with store.transaction():
            for i, unit in enumerate(GEOGRAPHIC):
                store.values.write_one(unit, "talent_total", "2026", talent(i, 2026))
        rows = _rows(store, "2026")
    assert rows["talent_total"].value == pytest.approx(15.45)
    assert all(r.verdict == "no_target" and r.completion is None for r in rows.values())


def test_the_continued_indicators_history_runs_unbroken_across_the_plans(two_plans):
    with open_store(two_plans, read_only=True) as store:
        aggregator = pivot.indicator_aggregator(store, "talent_total", plan="十五五")
        history = pivot.history(
            store.catalog("十五五"),
            aggregator,
            "talent_total",
            2026,
            recorded=pivot.plan_figures(store, "talent_total"),
        )
    years = [y for y, _ in history.actual]
    assert years == list(range(2015, 2031))[:12]  # 2015 … 2026, every year
    values = dict(history.actual)
    assert values[2015] == 8.94  # the 十四五's history column
    assert values[2020] == 12.21  # the 十四五's base (and the 十五五's history column)
    for year in (2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2026):
        assert values[year] == pytest.approx((142500 + 2000 * (year - 2020)) / 10000), year
    assert values[2025] == 15.25  # the 十五五's base
    assert history.incomplete == [] and history.gaps == []
    assert history.plan is not None and history.plan.code == "十五五"
    assert history.trajectory[0] == (2025, 15.25) and history.trajectory[-1] == (2030, 20.25)


def test_the_dropped_indicators_figures_are_still_exported(two_plans, tmp_path, xz):
    out = tmp_path / "export.json"
    result = xz("export", two_plans, "-o", out)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    phd = [f for f in data["figures"] if f["indicator"] == "phd"]
    units = [f for f in phd if f["source"] != "aggregate"]
    assert len(units) == 10 * 5  # ten units, 2021–2025
    assert {f["measure"] for f in units} == {"人"}
    totals_ = {f["period"]: f["value"] for f in phd if f["source"] == "aggregate"}
    assert totals_ == {str(y): 245 + 10 * (y - 2020) for y in range(2021, 2026)}
    assert "phd" in {i["code"] for i in data["indicators"]} and "ai_talent" in {i["code"] for i in data["indicators"]}
    ai = [f for f in data["figures"] if f["indicator"] == "ai_talent" and f["source"] == "aggregate"]
    assert [(f["period"], f["value"]) for f in ai] == [("2026", 500)]  # a new indicator only in its plan's years
    assert not math.isnan(sum(f["value"] or 0 for f in phd))


def test_the_command_line_judges_by_the_period_or_by_the_plan_asked_for(two_plans, xz):
    result = xz("totals", two_plans, "--period", "2026", "--json")
    assert result.returncode == 0, result.stderr
    talent = {r["code"]: r for r in json.loads(result.stdout)}["talent_total"]
    # The plan's values keep the names of the plan folder's columns: base_2020, base_2025, target_2030.
    assert (talent["plan"], talent["base_2025"], talent["target_2030"], talent["base_2020"]) == (
        "十五五",
        15.25,
        20.25,
        12.21,
    )
    assert (talent["verdict"], talent["completion"]) == ("behind", pytest.approx(0.04))
    result = xz("totals", two_plans, "--period", "2026", "--plan", "十四五", "--json")
    assert result.returncode == 0, result.stderr
    talent = {r["code"]: r for r in json.loads(result.stdout)}["talent_total"]
    assert (talent["plan"], talent["target_2025"], talent["verdict"], talent["completion"]) == (
        "十四五",
        14.71,
        "no_target",
        None,
    )
    refused = xz("totals", two_plans, "--period", "2026", "--plan", "十六五")
    assert refused.returncode == 1 and "没有规划“十六五”" in refused.stderr and "Traceback" not in refused.stderr
    text = xz("totals", two_plans, "--period", "2026")
    assert text.returncode == 0 and "2030目标" in text.stdout and "《秀洲区人才发展“十五五”规划》" in text.stdout


def test_a_base_that_is_the_preceding_plans_total_is_not_drawn_as_a_years_figure(tmp_path):
    """发明专利授权量: 465 in 2015 is a year's count, 2447 the 2016–2020 total: only 2015 is a point of the trend."""
    db = tmp_path / "district.sqlite"
    create_store(db, "district", author="测试").close()
    with open_store(db) as store:
        store.values.write_one("market", "invention_patents_granted", "2021", 530)
        history = pivot.history(
            store.catalog(),
            pivot.indicator_aggregator(store, "invention_patents_granted"),
            "invention_patents_granted",
            recorded=pivot.plan_figures(store, "invention_patents_granted"),
        )
    assert history.actual == [(2015, 465.0), (2021, 530.0)]
