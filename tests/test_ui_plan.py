"""The 目标与考核 page and the annual report through real widgets; a unit's form shows its own targets."""

from __future__ import annotations

import pytest
from docx import Document
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog

from xz_desktop.services.plan import report
from xz_desktop.store import open_store
from xz_desktop.ui.common import settings
from xz_desktop.ui.main_window import MainWindow
from xz_desktop.ui.plan import page as plan_page

from .excel_support import demo_db  # noqa: F401 - fixture


@pytest.fixture(autouse=True)
def _settings(tmp_path):
    settings.use_folder(tmp_path / "settings")


@pytest.fixture
def window(qtbot, demo_db):
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    assert w.period_choice.period == "2025"  # the window opens on the latest year with figures …
    w.period_choice.choose("2024")  # … these tests look at the year 洪合镇 has not sent
    w.resize(1300, 820)
    w.show()
    w.show_page("plan")
    yield w
    w.close()


def test_split_through_the_dialog_then_progress_scores_and_index(qtbot, window, monkeypatch, qtmodeltester):
    page = window.page("plan")
    # The demo has split the assessed targets: 6 geographic indicators × 10 towns, and 3 each for 民政 and 司法.
    assert page is not None and page.targets_model.rowCount() == 6 * 10 + 3 + 3
    assert "一致" in page.check_label.text()

    def accept(dialog):
        dialog.indicator_box.setCurrentIndex(dialog.indicator_box.findData("academician_workstation"))
        dialog.by_box.setCurrentIndex(dialog.by_box.findData("base"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(plan_page.SplitDialog, "exec", accept)
    page.split_button.click()
    # Split again by base (no floor): the ten towns' shares replace the old ones and add up to the district's 18.
    rows = range(page.targets_model.rowCount())
    stations = [r for r in rows if page.targets_model.item(r, 1).text() == "院士专家工作站"]
    assert len(stations) == 10 and page.targets_model.rowCount() == 66
    assert sum(float(page.targets_model.item(r, 3).text()) for r in stations) == 18
    assert all(page.targets_model.item(r, 5).text() == "按 2020 年基数分解" for r in stations)  # the method in words
    assert "一致" in page.check_label.text()
    qtmodeltester.check(page.progress_model)
    assert page.progress_model.rowCount() == 12  # units with targets × indicators: 10 towns, 民政, 司法
    # 洪合镇 has not reported 2024: its progress says 数据不全, never 落后.
    honghe = next(r for r in range(12) if page.progress_model.item(r, 0).text() == "洪合镇")
    assert page.progress_model.item(honghe, 1).text() == "数据不全"
    assert page.scores_model.rowCount() == 23
    # …and it is listed as 未报, without a rank, not ranked last with 0.
    scored = {page.scores_model.item(r, 2).text(): r for r in range(23)}
    assert page.scores_model.item(scored["洪合镇"], 1).text() == ""
    assert page.scores_model.item(scored["洪合镇"], 3).text() == "未报"
    assert page.index_model.rowCount() == 10
    assert any(page.index_model.item(r, 2).text() == "不完整" for r in range(10))

    # 博士后工作站 with a floor share of 20 % and 新城街道's share set by hand to 3: the shares still add up to 16.
    def floor_and_hand(dialog):
        dialog.indicator_box.setCurrentIndex(dialog.indicator_box.findData("postdoc_workstation"))
        dialog.by_box.setCurrentIndex(dialog.by_box.findData("base"))
        dialog.floor_box.setValue(20)
        dialog.fixed_edit.setText("新城街道=3")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(plan_page.SplitDialog, "exec", floor_and_hand)
    page.split_button.click()
    rows = range(page.targets_model.rowCount())
    posts = {
        page.targets_model.item(r, 0).text(): (
            float(page.targets_model.item(r, 3).text()),
            page.targets_model.item(r, 5).text(),
        )
        for r in rows
        if page.targets_model.item(r, 1).text() == "博士后工作（流动）站"
    }
    assert len(posts) == 10 and sum(t for t, _ in posts.values()) == 16
    assert posts["新城街道"] == (3, "直接下达")  # set by hand
    assert {m for u, (_, m) in posts.items() if u != "新城街道"} == {"按 2020 年基数分解，保底份额 20%"}


def test_adjustment_needs_a_reason(qtbot, window, monkeypatch):
    page = window.page("plan")
    shown = []
    monkeypatch.setattr(window, "show_error", lambda exc, title=None: shown.append(str(exc)))

    def fill(reason):
        def accept(dialog):
            dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("xincheng"))
            dialog.points.setValue(2)
            dialog.reason.setText(reason)
            return QDialog.DialogCode.Accepted

        return accept

    monkeypatch.setattr(plan_page.AdjustmentDialog, "exec", fill("  "))
    page.adjust_button.click()
    assert shown and "理由" in shown[0]
    monkeypatch.setattr(plan_page.AdjustmentDialog, "exec", fill("举办人才峰会"))
    page.adjust_button.click()
    with open_store(window.store_path) as store:
        assert [a.reason for a in store.targets.adjustments(page.period)] == ["举办人才峰会"]


def test_annual_report_from_the_district_menu_in_the_background(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "报告.docx"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("2024年", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(report, "soffice", lambda: None)  # the Word file only; the PDF has its own test
    window.findChild(QAction, "action_annual_report").trigger()
    qtbot.waitUntil(lambda: getattr(window, "last_report", None) is not None, timeout=60_000)
    assert window.last_report.docx == target
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "2024年度评估报告" in text
    assert "未安装 LibreOffice" in window.statusBar().currentMessage()


def test_a_units_form_shows_its_own_targets(qtbot, tmp_path, catalog):
    from xz_desktop.domain.targets import UnitTarget
    from xz_desktop.store import create_store

    db = tmp_path / "unit.sqlite"
    with create_store(db, "unit", "xincheng", author="张三") as store:
        store.targets.put([UnitTarget("xincheng", "academician_workstation", 3, "2025")], "区人才办")
        store.values.write_one("xincheng", "academician_workstation", "2020", 1)
        store.values.write_one("xincheng", "academician_workstation", "2023", 2)
    w = MainWindow(db)
    qtbot.addWidget(w)
    w.show()
    form = w.page("form")
    form.open_form("xincheng", "2023")
    panel = form.targets_panel
    assert panel.isVisible()
    # From 1 to 3: the path is at 1 + 2 × 3/5 = 2.2 in 2023, so the whole milestone due is 2 stations (a count);
    # 2 is on track, as the assessment scores it; completion (2 − 1)/(3 − 1) = 50%.
    cells = [panel.model.item(0, c).text() for c in range(6)]
    assert cells == ["院士专家工作站", "3 家", "2", "2", "50.0%", "达到进度"]
    assert w.page("plan") is None  # the page is the district's
    w.close()


def test_a_count_target_is_shown_as_a_whole_number_and_other_measures_with_their_decimals(qtbot, tmp_path):
    from xz_desktop.domain.targets import UnitTarget
    from xz_desktop.store import create_store

    db = tmp_path / "unit.sqlite"
    with create_store(db, "unit", "xincheng", author="张三") as store:
        store.targets.put(
            [
                UnitTarget("xincheng", "academician_workstation", 3.6, "2025"),  # 家: a count in whole steps
                UnitTarget("xincheng", "bachelor", 13777.14, "2025"),  # 人: a count
                UnitTarget("xincheng", "labor_productivity", 20.37, "2025"),  # 万元/人: 1 decimal
            ],
            "区人才办",
        )
        for code, v2020, v2023 in [
            ("academician_workstation", 1, 2),
            ("bachelor", 12000, 13000),
            ("labor_productivity", 15.5, 18.04),
        ]:
            store.values.write_one("xincheng", code, "2020", v2020)
            store.values.write_one("xincheng", code, "2023", v2023)
    w = MainWindow(db)
    qtbot.addWidget(w)
    w.show()
    form = w.page("form")
    form.open_form("xincheng", "2023")
    panel = form.targets_panel
    cells = {panel.model.item(r, 0).text(): [panel.model.item(r, c).text() for c in (1, 2, 3)] for r in range(3)}
    # 3.6 家 from 1: the verdict in 2025 holds the whole milestone 3; in 2023 the path is at
    # 1 + 2.6 × 3/5 = 2.56, whole milestone 2.
    assert cells["院士专家工作站"] == ["3 家", "2", "2"]
    # 13,777.14 人 is a count: a whole number (no "13,777.14 人"); 2023 due 12000 + 1777.14 × 3/5 = 13066.284 → 13,066.
    assert cells["本科"] == ["13,777 人", "13,000", "13,066"]
    # 万元/人 keeps its one decimal: 20.37 → 20.4; due 15.5 + 4.87 × 3/5 = 18.422 → 18.4.
    assert cells["全员劳动生产率"] == ["20.4 万元/人", "18.0", "18.4"]
    w.close()
