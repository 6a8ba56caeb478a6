"""On the demo without 洪合镇's 2024 package, 人才资源总量 2024 is 不完整 / 数据不全 in the CLI, the window,
the Excel and the chart; with 沿用上期 it is an estimate with a verdict marked 估 (issue 9).

The expected figures are summed here from the stored figures themselves, by hand.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from xz_desktop.store import open_store
from xz_desktop.ui.main_window import MainWindow
from xz_desktop.ui.totals.model import TotalsModel

from .excel_support import demo_db  # noqa: F401 - fixture
from .ui_form_support import idle

pd.set_option("io.excel.xlsx.reader", "openpyxl")
TOWNS = [
    "xincheng",
    "jiabei",
    "tanghui",
    "gaozhao",
    "wangjiangjing",
    "youchegang",
    "xincheng_town",
    "wangdian",
    "hitech",
]
BASE, TARGET = 12.21, 14.71
GOAL_2024 = BASE * (TARGET / BASE) ** (4 / 5)  # compound 12.21 → 14.71 over five years, four years in


def stored(db, indicator, period):
    with open_store(db) as store:
        return {v.unit: v.value for v in store.values.select(indicator=indicator, period=period) if v.value is not None}


def hand_figures(db):
    """人才资源总量 2024 without 洪合镇, and with 洪合镇's 2023 figure carried forward (万人)."""
    y2024, y2023 = stored(db, "talent_total", "2024"), stored(db, "talent_total", "2023")
    assert "honghe" not in y2024 and set(TOWNS) <= set(y2024)  # the demo: 洪合镇 has not sent 2024
    partial = sum(y2024.values()) / 10_000
    carried = (sum(y2024.values()) + y2023["honghe"]) / 10_000
    return partial, carried


def test_cli_says_incomplete_and_with_carry_forward_an_estimate(demo_db, xz):
    partial, carried = hand_figures(demo_db)
    rows = {r["code"]: r for r in json.loads(xz("totals", demo_db, "--period", "2024", "--json").stdout)}
    t = rows["talent_total"]
    assert t["value"] == pytest.approx(partial)
    assert t["complete"] is False and t["verdict"] == "incomplete" and t["on_track"] is None
    assert t["estimated"] is False and t["missing"] == [{"unit": "honghe", "period": "2024"}]
    text = xz("totals", demo_db, "--period", "2024").stdout
    line = next(x for x in text.splitlines() if x.startswith("人才资源总量"))
    assert "数据不全" in line and "不完整" in line and "洪合镇（2024）" in line and "落后进度" not in line
    assert f"{partial:.2f}" in line

    cf = {
        r["code"]: r for r in json.loads(xz("totals", demo_db, "--period", "2024", "--carry-forward", "--json").stdout)
    }
    t = cf["talent_total"]
    assert t["value"] == pytest.approx(carried) and t["estimated"] is True and t["complete"] is True
    assert t["carried"] == [{"unit": "honghe", "period": "2024", "from_period": "2023"}]
    expected_verdict = "on_track" if carried >= GOAL_2024 else "behind"
    assert t["verdict"] == expected_verdict and t["on_track"] is (expected_verdict == "on_track")
    assert t["completion"] == pytest.approx((carried - BASE) / (TARGET - BASE))
    line = next(
        x
        for x in xz("totals", demo_db, "--period", "2024", "--carry-forward").stdout.splitlines()
        if x.startswith("人才资源总量")
    )
    assert "（估）" in line and "估：洪合镇2024沿用2023" in line


def test_cli_text_prints_the_year_and_the_cumulative_in_their_own_columns(demo_db, xz):
    grads = stored(demo_db, "new_graduates", "2024")
    text = xz("totals", demo_db, "--period", "2024").stdout.splitlines()
    header = text[0].split()
    assert header[2] == "2024" and header[3] == "累计"
    line = next(x for x in text if x.startswith("新引进大学生"))
    assert f"{sum(grads.values()) / 10_000:.2f}" in line.split()[2]  # this year's figure under the year


def test_excel_table2_and_chart_say_incomplete_then_estimate(demo_db, tmp_path, xz):
    partial, carried = hand_figures(demo_db)
    out = tmp_path / "汇总.xlsx"
    assert xz("export", demo_db, "-o", out, "--period", "2024").returncode == 0
    raw = pd.read_excel(out, sheet_name="表2主要指标", header=None)
    row = raw[raw.iloc[:, -1] == "talent_total"].iloc[0]
    cells = [c for c in row if isinstance(c, str)]
    assert "数据不全" in cells and any("不完整：缺 洪合镇（2024）" in c for c in cells)
    assert pytest.approx(partial) in [c for c in row if isinstance(c, float)]
    chart = pd.read_excel(out, sheet_name="进度图", header=None)
    years = chart[chart.iloc[:, 0] == 2024].iloc[0]
    assert pd.isna(years.iloc[1]) and years.iloc[3] == pytest.approx(partial)  # apart from the line
    assert "数据不全" in list(years)

    est = tmp_path / "估.xlsx"
    assert xz("export", demo_db, "-o", est, "--period", "2024", "--carry-forward").returncode == 0
    raw = pd.read_excel(est, sheet_name="表2主要指标", header=None)
    row = raw[raw.iloc[:, -1] == "talent_total"].iloc[0]
    verdict = "达到进度（估）" if carried >= GOAL_2024 else "落后进度（估）"
    assert verdict in list(row) and any("估：洪合镇2024沿用2023" in c for c in row if isinstance(c, str))


def test_window_shows_incomplete_and_with_carry_forward_an_estimate(qtbot, demo_db):
    partial, carried = hand_figures(demo_db)
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    window.show_page("totals")
    idle(qtbot, window)  # the figures are computed on a worker once the page is shown
    page = window.page("totals")
    assert page.year_box.currentData() == 2025 and not page.carry_forward  # the latest year; off by default
    page.year_box.setCurrentIndex(page.year_box.findData(2024))  # the year 洪合镇 has not sent
    idle(qtbot, window)
    r = page.model.row_of("talent_total")
    cell = lambda col: page.model.index(r, col).data()
    assert cell(TotalsModel.MARK) == "数据不全"
    assert cell(TotalsModel.VALUE) == f"{partial:.2f}"
    assert "不完整" in cell(TotalsModel.STATUS) and "洪合镇（2024）" in cell(TotalsModel.STATUS)
    page.select_indicator("talent_total")
    idle(qtbot, window)
    assert [p.x() for p in page.chart.incomplete.points()] == [2024]
    assert page.chart.incomplete.points()[0].y() == pytest.approx(partial)
    assert "数据不全" in page.summary.text()

    qtbot.mouseClick(page.carry_box, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert page.carry_forward
    r = page.model.row_of("talent_total")
    assert cell(TotalsModel.VALUE) == f"估 {carried:.2f}"
    assert cell(TotalsModel.MARK) == ("✓ 达到进度（估）" if carried >= GOAL_2024 else "✗ 落后进度（估）")
    assert "估" in cell(TotalsModel.STATUS) and "洪合镇" in cell(TotalsModel.STATUS)
    assert page.chart.incomplete.count() == 0 and [p.x() for p in page.chart.estimated.points()] == [2024]
    window.close()
