"""The 汇总 page through real widgets: choose a year, select an indicator, see contributions and
chart; export the workbook through the action; import a filled Excel form through the menu."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from xz_desktop.services.excel.template import COL_CODE, COL_VALUE, FIRST_ROW, SHEET_FORM, write_template
from xz_desktop.store import open_store
from xz_desktop.ui.common import settings
from xz_desktop.ui.main_window import MainWindow
from xz_desktop.ui.totals import actions as totals_actions
from xz_desktop.ui.totals.model import TotalsModel

from .excel_support import demo_db  # noqa: F401 - fixture
from .ui_form_support import idle


@pytest.fixture(autouse=True)
def _settings(tmp_path):
    settings.use_folder(tmp_path / "settings")


@pytest.fixture
def window(qtbot, demo_db):
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    assert w.period_choice.period == "2025"  # the window opens on the latest year with figures …
    w.period_choice.choose("2024")  # … these tests look at the year 洪合镇 has not sent
    w.resize(1400, 860)
    w.show()
    w.show_page("totals")
    idle(qtbot, w)  # the figures are computed on a worker once the page is shown
    yield w
    w.close()


def click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    view.scrollTo(view.model().index(row, 0))
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_choose_year_select_indicator_see_contributions_and_chart(qtbot, window, qtmodeltester):
    page = window.page("totals")
    qtmodeltester.check(page.model)
    assert page.year_box.currentData() == 2024
    page.year_box.setFocus()
    qtbot.keyClick(page.year_box, Qt.Key.Key_Up)  # the keyboard chooses the year
    idle(qtbot, window)
    assert page.year_box.currentData() == 2023
    header = page.model.headerData(TotalsModel.VALUE, Qt.Orientation.Horizontal)
    assert header == "2023年\n实际"  # two lines: the figures, not the header, set the width

    row = page.model.row_of("physicians_per_1000")
    click_row(qtbot, page.view, row)
    idle(qtbot, window)  # the chart's history
    assert page.selected_code() == "physicians_per_1000"
    headers = [
        page.breakdown_model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.breakdown_model.columnCount())
    ]
    assert any("执业（助理）医师数" in h for h in headers) and any(
        "常住人口" in h for h in headers
    )  # numerator and denominator
    last = page.breakdown_model.rowCount() - 1
    assert page.breakdown_model.index(last, 0).data() == "全区"
    assert page.chart.actual.count() >= 3 and page.chart.trajectory.count() >= 1 and page.chart.target.count() == 1
    assert [p.x() for p in page.chart.actual.points()][-2:] == [2023, 2025]  # every complete year on the line …
    # … and 2024, without 洪合镇's population, has no district ratio at all: no point, and the chart says why.
    assert page.chart.incomplete.count() == 0 and "2024年数据不全" in page.chart_note.text()

    click_row(qtbot, page.view, page.model.row_of("talent_total"))
    idle(qtbot, window)
    points = [(p.x(), round(p.y(), 2)) for p in page.chart.actual.points()]
    assert points[0] == (2015, 8.94) and points[1] == (2020, 12.21)
    assert page.chart.trajectory.count() == 6  # 2020 … 2025
    mark = page.model.index(page.model.row_of("talent_total"), TotalsModel.MARK).data()
    assert mark in ("✓ 达到进度", "✗ 落后进度")  # words, not colour alone
    qtbot.keyClick(page.year_box, Qt.Key.Key_Down)
    idle(qtbot, window)
    assert page.selected_code() == "talent_total"  # the selection survives a change of year
    assert "洪合镇" in page.missing.text()
    # 2024 without 洪合镇: 不完整, no verdict, and on the chart a hollow point apart from the line.
    assert page.model.index(page.model.row_of("talent_total"), TotalsModel.MARK).data() == "数据不全"
    assert [p.x() for p in page.chart.incomplete.points()] == [2024]
    assert 2024 not in [p.x() for p in page.chart.actual.points()] and "空心点" in page.chart_note.text()


def test_group_rows_span_the_table_and_cannot_be_selected(window):
    page = window.page("totals")
    assert page.model.is_group(0) and page.view.columnSpan(0, 0) == page.model.columnCount()
    assert not page.model.flags(page.model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable


def test_export_through_the_action_writes_the_file(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "导出" / "汇总.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.findChild(QAction, "action_export_excel").trigger()
    qtbot.waitUntil(lambda: getattr(window, "last_export", None) is not None, timeout=30000)
    assert target.is_file()
    assert window.last_export.period == "2024"
    wb = openpyxl.load_workbook(target, read_only=True)
    assert wb.sheetnames[0] == "表2主要指标"


def test_pivot_page_shows_units_by_indicators(qtbot, window, qtmodeltester):
    page = window.page("pivot")
    window.show_page("pivot")
    idle(qtbot, window)
    qtmodeltester.check(page.model)
    model = page.model
    assert model.rowCount() == len(window.store.catalog().active_units()) + 1
    assert model.headerData(model.rowCount() - 1, Qt.Orientation.Vertical) == "全区"
    page.year_box.setCurrentIndex(page.year_box.findData(2022))
    idle(qtbot, window)
    assert model.table.period == "2022"


def test_import_excel_form_through_the_menu(qtbot, window, tmp_path, monkeypatch):
    form = tmp_path / "honghe.xlsx"
    write_template(window.store, "honghe", "2024", form)
    wb = openpyxl.load_workbook(form)
    ws = wb[SHEET_FORM]
    for r in range(FIRST_ROW, ws.max_row + 1):
        if ws[f"{COL_CODE}{r}"].value == "academician_workstation":
            ws[f"{COL_VALUE}{r}"] = 4
    wb.save(form)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(form), ""))
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    window.findChild(QAction, "action_import_excel").trigger()
    qtbot.waitUntil(lambda: getattr(window, "last_import", None) is not None, timeout=20000)
    assert "洪合镇" in asked[0] and "2024" in asked[0]
    with open_store(window.store_path) as store:
        assert store.values.get("honghe", "academician_workstation", "2024").value == 4
    page = window.page("totals")
    idle(qtbot, window)
    breakdown = page.breakdown_model.breakdown
    assert breakdown is not None  # the page reloaded on data_changed


def test_refused_form_shows_the_error_and_changes_nothing(qtbot, window, tmp_path, monkeypatch):
    junk = tmp_path / "junk.xlsx"
    junk.write_text("不是工作簿")
    shown = []
    monkeypatch.setattr(window, "show_error", lambda exc, title=None: shown.append(str(exc)))
    totals_actions.import_excel(window, str(junk))
    assert shown and "不是 Excel 工作簿" in shown[0]
