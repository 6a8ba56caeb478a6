"""审核结果 through the real widgets: the form's panel (reasons, the cell to fix, Enter or a click jumps there,
the header counts open it), the same list in the package dialog and the district's review; and the clerk's
small things around it — the editing cell's frame, Enter on the last row, Esc in the search box, the empty
form's verdict, undo recorded as 撤销, the period already submitted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from tests.test_package_support import GOOD_ROWS, craft, district, town
from tests.ui_form_support import cell, current, editor, go_to, open_window, type_in, type_text
from xz_desktop.domain.periods import Period
from xz_desktop.domain.timefmt import local_time
from xz_desktop.services import form as service
from xz_desktop.services.packages.merge import merge_files
from xz_desktop.services.packages.submission import make_package
from xz_desktop.store import open_store
from xz_desktop.ui.common.findings_panel import FindingColumn
from xz_desktop.ui.form import style
from xz_desktop.ui.form.history import HistoryModel
from xz_desktop.ui.form.model import Column
from xz_desktop.ui.round.review_page import SheetModel


@pytest.fixture
def unit_window(qtbot, unit_db):
    with open_store(unit_db) as store:  # last year's figures: the year-on-year check needs them
        service.set_value(store, "xincheng", "talent_total", Period(2023), 10000)
        service.set_value(store, "xincheng", "employed", Period(2023), 30000)
    window = open_window(qtbot, unit_db)
    page = window.page("form")
    page.open_form("xincheng", "2024")
    return window, page


def lines(panel) -> list[tuple[str, str, str, str]]:
    """What the list shows: (级别, 指标, 要改的格, 原因) per line."""
    model = panel.model
    columns = (FindingColumn.LEVEL, FindingColumn.NAME, FindingColumn.FIELD, FindingColumn.REASON)
    return [tuple(model.index(r, c).data() for c in columns) for r in range(model.rowCount())]


def in_view(view, index) -> bool:
    return view.viewport().rect().contains(view.visualRect(index))


def test_the_panel_lists_every_finding_in_words_and_updates_after_each_edit(qtbot, unit_window):
    _, page = unit_window
    assert page.findings.isVisible()
    assert page.findings.heading.text() == "审核结果：没有错误或提示" and lines(page.findings) == []

    # +100 % on last year, and 从业人员数 (the denominator of 每万名从业人员人才资源数) still blank: while the
    # clerk is filling the form, a blank is 未填, not an error.
    type_in(qtbot, page, "talent_total", "20000")
    unfilled = " · 未填 1（填完或按 Ctrl+J 审核后算作错误）"
    assert page.findings.heading.text() == "审核结果：错误 0 · 需说明 1 · 已说明 0" + unfilled
    assert page.saved_label.text().endswith("本表还有 0 处错误、1 处提示未说明，见下方“审核结果”。")
    needs = "填了人才资源总量，缺少计算“每万名从业人员人才资源数”所需的从业人员数"
    assert lines(page.findings) == [
        (
            "提示（需说明）",
            "人才资源总量",
            "说明",
            "人才资源总量比上年增长 100%（上年 10,000人），超过 30%，请填写说明",
        ),
        ("未填", "从业人员数", "本期数值", needs),
    ]
    assert "错误 0" in page.summary.text()

    type_in(qtbot, page, "talent_total", "新设人才驿站", Column.EXPLANATION)
    assert lines(page.findings)[1][0] == "提示（已说明）"
    assert page.findings.heading.text() == "审核结果：错误 0 · 需说明 0 · 已说明 1" + unfilled
    # Asking to check (F8, Ctrl+J): the blank another figure needs is an error from now on.
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F8)
    assert page.findings.heading.text() == "审核结果：错误 1 · 需说明 0 · 已说明 1"
    assert lines(page.findings)[0] == ("错误", "从业人员数", "本期数值", needs)
    assert "错误 1" in page.summary.text()
    type_in(qtbot, page, "employed", "31000")
    assert page.findings.heading.text() == "审核结果：错误 0 · 需说明 0 · 已说明 1"
    assert [line[1] for line in lines(page.findings)] == ["人才资源总量"]


def test_a_blank_still_to_fill_becomes_an_error_once_the_clerk_leaves_the_form(qtbot, unit_window):
    _, page = unit_window
    type_in(qtbot, page, "talent_total", "12000")
    assert [line[0] for line in lines(page.findings)] == ["未填"]
    page.period_box.setCurrentIndex(page.period_box.findData("2023"))  # leave 2024 (the chooser, as the clerk does) …
    page.period_box.setCurrentIndex(page.period_box.findData("2024"))  # … and come back
    assert [line[0] for line in lines(page.findings)] == ["错误"]


def test_enter_or_a_click_in_the_panel_goes_to_the_cell_clearing_the_search(qtbot, unit_window):
    _, page = unit_window
    type_in(qtbot, page, "talent_total", "20000")
    qtbot.keyClicks(page.filter_edit, "phd")  # the search (by code) hides 从业人员数, the row of the error
    assert not cell(page, "employed").isValid()

    # The panel was put away; the header's error count opens it again, with the cursor in the list.
    qtbot.mouseClick(page.findings.close_button, Qt.MouseButton.LeftButton)
    assert not page.findings.isVisible()
    qtbot.mouseClick(page.summary.errors, Qt.MouseButton.LeftButton)
    assert page.findings.isVisible()
    qtbot.waitUntil(page.findings.view.hasFocus)

    qtbot.keyClick(page.findings.view, Qt.Key.Key_Return)  # the first line: 从业人员数's error
    assert page.filter_edit.text() == ""
    assert current(page) == ("employed", Column.VALUE)
    index = page.view.currentIndex()
    assert page.view.selectionModel().isSelected(index)
    assert in_view(page.view, index) and page.view.hasFocus()

    # A click on the warning's line goes to its 说明, where it is answered.
    warning = page.findings.model.index(1, FindingColumn.NAME)
    qtbot.mouseClick(
        page.findings.view.viewport(), Qt.MouseButton.LeftButton, pos=page.findings.view.visualRect(warning).center()
    )
    assert current(page) == ("talent_total", Column.EXPLANATION)
    assert in_view(page.view, page.view.currentIndex())

    # Ctrl+J opens it from the keyboard too.
    page.set_findings_shown(False)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert page.findings.isVisible()
    qtbot.waitUntil(page.findings.view.hasFocus)


def test_the_cell_being_typed_in_has_its_own_frame_and_background(qtbot, unit_window):
    _, page = unit_window
    go_to(qtbot, page, "phd")
    type_text(qtbot, page.view, "1")  # typing opens the editor
    shot = editor().grab().toImage()
    dpr = shot.devicePixelRatio()
    middle = int(shot.height() / 2)
    assert shot.pixelColor(0, middle) == style.EDITOR_FRAME  # the frame, on the left edge
    inside = int((style.EDITOR_FRAME_WIDTH + 1) * dpr)
    assert shot.pixelColor(inside, inside) == style.EDITOR_BACK  # and its own background, not the table's white
    # A blank cell at rest looks otherwise: the table's own background.
    rest = page.view.viewport().grab().toImage()
    blank = page.view.visualRect(cell(page, "master")).center()
    resting = rest.pixelColor(int(blank.x() * rest.devicePixelRatio()), int(blank.y() * rest.devicePixelRatio()))
    assert resting != style.EDITOR_BACK and resting != style.EDITOR_FRAME
    type_text(qtbot, editor(), "a")  # not a number: the frame turns red
    shot = editor().grab().toImage()
    assert shot.pixelColor(0, middle) == style.ERROR_TEXT
    qtbot.keyClick(editor(), Qt.Key.Key_Escape)


def test_enter_on_the_last_row_goes_to_the_first_figure_still_blank(qtbot, unit_window):
    window, page = unit_window
    type_in(qtbot, page, "talent_total", "20000")
    type_in(qtbot, page, "talent_total", "新设人才驿站", Column.EXPLANATION)
    rows = [r for r in range(page.proxy.rowCount()) if cell_editable(page, r)]
    last = page.model.form_row(page.proxy.mapToSource(page.proxy.index(rows[-1], 0)).row()).code
    type_in(qtbot, page, last, "7")
    # 人才资源总量 is filled; the next figure of the form, 博士, is the first one still blank.
    assert current(page) == ("phd", Column.VALUE)
    assert editor().objectName() == "value_editor"
    qtbot.keyClick(editor(), Qt.Key.Key_Escape)


def cell_editable(page, row: int) -> bool:
    index = page.proxy.index(row, Column.VALUE)
    return bool(index.flags() & Qt.ItemFlag.ItemIsEditable)


def test_esc_in_the_search_box_clears_it_and_goes_back_to_the_figures(qtbot, unit_window):
    _, page = unit_window
    everything = page.proxy.rowCount()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.filter_edit.hasFocus)
    qtbot.keyClicks(page.filter_edit, "phd")
    assert page.proxy.rowCount() < everything
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Escape)
    assert page.filter_edit.text() == "" and page.proxy.rowCount() == everything
    qtbot.waitUntil(page.view.hasFocus)


def test_an_empty_form_gives_no_verdict_and_says_how_many_are_unfilled(qtbot, unit_db):
    window = open_window(qtbot, unit_db)
    page = window.page("form")
    page.open_form("xincheng", "2024")
    assert page.summary.verdict.text() == "尚未填报（21 项未填）"
    assert "通过" not in page.summary.text()
    type_in(qtbot, page, "phd", "5")
    assert page.summary.verdict.text() == "已填的 1 项未发现错误，尚有 20 项未填"


def test_undo_says_so_and_the_history_records_it_as_undo(qtbot, unit_db, unit_window, xz):
    _, page = unit_window
    type_in(qtbot, page, "phd", "5")
    assert page.saved_label.text().startswith("已保存：博士")
    go_to(qtbot, page, "master")
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.saved_label.text().startswith("已撤销：博士")
    qtbot.keyClick(page.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert page.saved_label.text().startswith("已重做：博士")
    with open_store(unit_db) as store:
        entries = service.value_history(store, "xincheng", "phd", Period(2024))
    assert [(e.new_value, service.edit_kind(e)) for e in entries] == [(5.0, "insert"), (None, "undo"), (5.0, "redo")]
    shown = HistoryModel(entries)  # newest first, as the dialog lists them
    assert [shown.index(r, 1).data() for r in range(3)] == ["重做", "撤销", "新填"]
    assert [shown.index(r, 7).data() for r in range(3)] == ["本机填报"] * 3
    out = xz("history", unit_db, "phd", "--period", "2024")
    assert out.returncode == 0, out.stderr
    assert "撤销" in out.stdout and "重做" in out.stdout


def test_the_form_says_when_the_period_was_packaged_and_whether_it_changed_since(qtbot, tmp_path):
    store = town(tmp_path)
    made = make_package(store, ["2023"], tmp_path / "first.xzpkg")
    exported_at = store.packages.exports()[0].exported_at
    store.close()
    window = open_window(qtbot, tmp_path / "xincheng.sqlite")
    page = window.page("form")
    page.open_form("xincheng", "2023")
    when = local_time(exported_at, seconds=False)
    assert f"本期已于 {when} 导出上报包。此后数值没有修改。" in page.review_banner.text()
    assert page.review_banner.isVisible()
    type_in(qtbot, page, "phd", "51")
    assert f"本期已于 {when} 导出上报包。此后有 1 项数值修改过，尚未报送，请重新导出上报包。" in (
        page.review_banner.text()
    )
    page.open_form("xincheng", "2024")  # nothing went out for 2024
    assert "导出上报包" not in page.review_banner.text()
    assert made.path.exists()


def test_the_banner_says_the_period_went_out_as_soon_as_the_package_is_made(qtbot, tmp_path):
    town(tmp_path).close()
    window = open_window(qtbot, tmp_path / "xincheng.sqlite")
    page = window.page("form")
    page.open_form("xincheng", "2023")
    assert "导出上报包" not in page.review_banner.text()
    window.findChild(type(window.page("form").find_action), "export_package").trigger()
    dialog = window.export_dialog
    dialog.file_edit.setText(str(tmp_path / "out.xzpkg"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.made is not None, timeout=10_000)
    when = local_time(window.store.packages.exports()[0].exported_at, seconds=False)
    # The form page was not reopened: the export's announcement alone brings the banner.
    assert f"本期已于 {when} 导出上报包。此后数值没有修改。" in page.review_banner.text()


def test_the_package_dialog_lists_what_to_fix_and_goes_to_it(qtbot, tmp_path):
    town(tmp_path, values={**{k: v for k, _, v in GOOD_ROWS}, "phd": 20000.0}).close()
    window = open_window(qtbot, tmp_path / "xincheng.sqlite")
    window.findChild(type(window.page("form").find_action), "export_package").trigger()
    dialog = window.export_dialog
    dialog.file_edit.setText(str(tmp_path / "out.xzpkg"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.findings.isVisible, timeout=10_000)
    # 博士 20000 (硕士 500, 本科 3000) against 人才资源总量 10000: two rules broken, both named on 博士's figure.
    assert lines(dialog.findings) == [
        (
            "错误",
            "博士",
            "本期数值",
            "博士、硕士、本科之和不能超过人才资源总量：博士 20,000 + 硕士 500 + 本科 3,000 = 23,500，"
            "超过人才资源总量 10,000；最可能填错的是“博士”",
        ),
        (
            "错误",
            "博士",
            "本期数值",
            "博士与硕士之和不能超过人才资源总量：博士 20,000 + 硕士 500 = 20,500，"
            "超过人才资源总量 10,000；最可能填错的是“博士”",
        ),
    ]
    assert not (tmp_path / "out.xzpkg").exists()
    # The list holds the dialog's focus: it has the keyboard as soon as the dialog is the active window, which is
    # the platform's doing (under load the offscreen platform may activate it seconds later, or not at all).
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.findings.view)
    qtbot.keyClick(dialog.findings.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    page = window.page("form")
    assert page.isVisible()  # the 填报 tab is the one shown
    assert (page.unit, page.period) == ("xincheng", "2023")
    assert current(page) == ("phd", Column.VALUE)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.view)


def test_the_district_review_shows_the_same_list_and_goes_to_the_row(qtbot, tmp_path):
    office_path = district(tmp_path)
    # A package the district takes: 人才资源总量 doubled on 2022 (10000 against 5000), with its 说明.
    rows = [(k, p, v, 1, 0, "新设人才驿站" if k == "talent_total" else "") for k, p, v in GOOD_ROWS]
    rows += [("talent_total", "2022", 5000.0), ("employed", "2022", 50000.0)]
    package = craft(tmp_path / "xincheng.xzpkg", rows, periods=("2022", "2023"))
    with open_store(office_path) as store:
        [result] = merge_files(store, [package]).results
    assert result.status == "merged", result.reason
    office = open_window(qtbot, office_path)
    page = office.page("review")
    office.show_page("review")
    page.open_review("xincheng", "2023")
    assert type(page.findings) is type(office.page("form").findings)  # one widget, both places
    assert lines(page.findings) == [
        (
            "提示（已说明）",
            "人才资源总量",
            "说明",
            "人才资源总量比上年增长 100%（上年 5,000人），超过 30%，请填写说明",
        )
    ]
    page.table.setCurrentIndex(page.model.index(page.model.rowCount() - 1, SheetModel.NAME))  # elsewhere
    first = page.findings.model.index(0, FindingColumn.NAME)
    qtbot.mouseClick(
        page.findings.view.viewport(), Qt.MouseButton.LeftButton, pos=page.findings.view.visualRect(first).center()
    )
    index = page.table.currentIndex()
    assert page.model.row_at(index.row()).code == "talent_total" and index.column() == SheetModel.CHECKS
    assert page.table.viewport().rect().intersects(QRect(page.table.visualRect(index)))


def test_the_districts_banner_counts_its_own_corrections_and_asks_no_new_package(qtbot, tmp_path):
    with town(tmp_path) as store:
        made = make_package(store, ["2023"], tmp_path / "first.xzpkg")
    office = district(tmp_path)
    with open_store(office) as store:
        assert merge_files(store, [made.path]).results[0].status == "merged"
    window = open_window(qtbot, office)
    page = window.page("form")
    page.open_form("xincheng", "2023")
    assert "收到并合并。此后数值没有修改。" in page.review_banner.text()
    type_in(qtbot, page, "phd", "51")  # the district's own correction
    text = page.review_banner.text()
    assert "收到并合并。此后区里更正过 1 项数值" in text and "重新导出" not in text
