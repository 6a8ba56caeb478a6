"""The 填报 page driven through real widgets: type, check, explain, undo, redo, reopen, find, refuse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui_form_support import cell, current, editor, go_to, open_window, shown, type_in, type_text
from xz_desktop.domain.periods import Period
from xz_desktop.services import form as service
from xz_desktop.store import open_store
from xz_desktop.ui.common.changes import Changes
from xz_desktop.ui.form.model import Column


@pytest.fixture
def unit_window(qtbot, unit_db):
    with open_store(unit_db) as store:  # last year's figures: the year-on-year checks need them
        service.set_value(store, "xincheng", "talent_total", Period(2023), 10000)
        service.set_value(store, "xincheng", "phd", Period(2023), 40)
        for period in (Period(2023), Period(2024)):  # the denominator of 每万名从业人员人才资源数: without it, an error
            service.set_value(store, "xincheng", "employed", period, 30000)
    window = open_window(qtbot, unit_db)
    page = window.page("form")
    page.open_form("xincheng", "2024")
    return window, page


def stored(path, code, period="2024"):
    with open_store(path) as store:
        v = store.values.get("xincheng", code, period)
        return None if v is None else (v.value, v.explanation)


def test_type_check_explain_undo_redo_and_find_everything_after_reopening(qtbot, unit_db, unit_window):
    window, page = unit_window
    assert window.windowTitle().startswith("新城街道 — xincheng.sqlite")

    # Full-width digits and a thousands separator; Enter writes at once and moves down.
    type_in(qtbot, page, "talent_total", "１２,０００")
    assert stored(unit_db, "talent_total") == (12000.0, "")
    assert shown(page, "talent_total") == "12,000"
    assert shown(page, "talent_total", Column.STATUS) == "通过"
    assert current(page) == ("phd", Column.VALUE)  # derived rows in between are skipped
    assert "已填 2/21" in page.summary.text()

    # A jump of 100 % on last year: an amber warning; Enter still goes on to the next figure.
    type_in(qtbot, page, "talent_total", "20000")
    assert shown(page, "talent_total", Column.STATUS) == "需说明"
    assert "比上年增长" in cell(page, "talent_total", Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "提示 1（未说明 1）" in page.summary.text()
    assert "请填写说明" in page.summary.verdict.text()
    assert current(page) == ("phd", Column.VALUE)

    # A negative count: a red error, counted; nothing blocks typing on.
    type_in(qtbot, page, "phd", "-3")
    assert shown(page, "phd", Column.STATUS) == "错误"
    assert "不能为负数" in cell(page, "phd", Column.VALUE).data(Qt.ItemDataRole.ToolTipRole)
    assert "错误 1" in page.summary.text()

    # The explanation, typed into the 说明 cell.
    type_in(qtbot, page, "talent_total", "新设人才驿站", Column.EXPLANATION)
    assert shown(page, "talent_total", Column.STATUS) == "已说明"
    assert stored(unit_db, "talent_total") == (20000.0, "新设人才驿站")
    assert "未说明 0" in page.summary.text()

    # Undo (Ctrl+Z) takes the explanation back out of the database; redo (Ctrl+Y) restores it.
    go_to(qtbot, page, "master")
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(unit_db, "talent_total") == (20000.0, "")
    assert shown(page, "talent_total", Column.STATUS) == "需说明"
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(unit_db, "phd") == (None, "")  # a blank again, not a zero
    qtbot.keyClick(page.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(unit_db, "phd") == (-3.0, "")
    assert stored(unit_db, "talent_total") == (20000.0, "新设人才驿站")
    assert page.undo_action.text().startswith("撤销")

    # Every undo and redo was itself a written, audited edit.
    with open_store(unit_db) as store:
        assert [h.new_value for h in store.values.history("xincheng", "phd", "2024")] == [-3.0, None, -3.0]

    # Close, reopen: every value is there.
    window.close()
    again = open_window(qtbot, unit_db)
    page = again.page("form")
    page.open_form("xincheng", "2024")
    assert shown(page, "talent_total") == "20,000"
    assert shown(page, "talent_total", Column.EXPLANATION) == "新设人才驿站"
    assert shown(page, "phd") == "-3"
    assert shown(page, "talent_total", Column.PREVIOUS) == "10,000"


def test_edits_repaint_rows_not_the_whole_model(qtbot, unit_window):
    _, page = unit_window
    resets, changed = [], []
    page.model.modelReset.connect(lambda: resets.append(1))
    page.model.dataChanged.connect(lambda a, b, roles=None: changed.append((a.row(), b.row())))
    type_in(qtbot, page, "bachelor", "300")
    assert resets == []
    row = page.model.row_of("bachelor")
    assert any(a <= row <= b for a, b in changed), "the edited row repaints"
    assert sum(b - a + 1 for a, b in changed) < page.model.rowCount() / 2


def test_a_non_number_is_refused_in_the_editor_and_never_stored(qtbot, unit_db, unit_window):
    _, page = unit_window
    go_to(qtbot, page, "master")
    qtbot.keyClicks(page.view, "1")
    qtbot.keyClicks(editor(), "2a")
    qtbot.keyClick(editor(), Qt.Key.Key_Return)
    assert editor().text() == "12a", "the editor stays open with what was typed"
    assert page.message.isVisible() and "不是数字" in page.message.text()
    assert stored(unit_db, "master") is None
    # Corrected in place, it is accepted and the refusal disappears.
    editor().setText("12")
    qtbot.keyClick(editor(), Qt.Key.Key_Return)
    assert stored(unit_db, "master") == (12.0, "")
    assert not page.message.isVisible()


def test_blank_stays_blank_zero_stays_zero_and_delete_blanks(qtbot, unit_db, unit_window):
    _, page = unit_window
    type_in(qtbot, page, "bachelor", "0")
    assert stored(unit_db, "bachelor") == (0.0, "")
    assert shown(page, "bachelor") == "0" and shown(page, "bachelor", Column.STATUS) == "通过"
    go_to(qtbot, page, "bachelor")
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert stored(unit_db, "bachelor") == (None, "")
    assert shown(page, "bachelor") == "" and shown(page, "bachelor", Column.STATUS) == "未填"


def test_tab_and_enter_visit_only_the_fields_to_fill(qtbot, unit_window):
    _, page = unit_window
    go_to(qtbot, page, "talent_total")
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    assert current(page) == ("phd", Column.VALUE)  # the next figure: not the 说明, not the computed rows
    qtbot.keyClick(page.view, Qt.Key.Key_Backtab)
    assert current(page) == ("talent_total", Column.VALUE)
    # In an editor, Tab commits and opens the next figure's editor.
    type_in(qtbot, page, "phd", "45", key=Qt.Key.Key_Tab)
    assert current(page) == ("master", Column.VALUE)
    assert page.view.state() == page.view.State.EditingState
    qtbot.keyClick(editor(), Qt.Key.Key_Escape)
    # Enter on a cell without an editor goes down to the next figure.
    go_to(qtbot, page, "master")
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert current(page) == ("bachelor", Column.VALUE)
    assert shown(page, "phd") == "45"


def test_filter_finds_by_code_and_by_name(qtbot, unit_window):
    window, page = unit_window
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.filter_edit

    def visible():
        return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]

    qtbot.keyClicks(page.filter_edit, "resident")
    assert visible() == ["基础数据", "常住人口"]
    page.filter_edit.clear()
    type_text(qtbot, page.filter_edit, "硕士")
    assert set(visible()) == {"人才素质", "博士、硕士人才", "硕士", "人才队伍提质扩容", "新引进博士、硕士青年人才"}
    # Enter in the search box goes to the first match's figure, ready to type.
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)
    assert current(page) == ("master", Column.VALUE)
    page.filter_edit.clear()
    assert page.proxy.rowCount() == page.model.rowCount()


def test_history_of_one_value_on_ctrl_h(qtbot, unit_window, monkeypatch):
    from xz_desktop.ui.form.history import HistoryDialog

    _, page = unit_window
    type_in(qtbot, page, "phd", "50")
    type_in(qtbot, page, "phd", "55")
    seen = {}

    def fake_exec(dialog):
        model = dialog.model
        seen["rows"] = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
        seen["title"] = dialog.windowTitle()
        return 0

    monkeypatch.setattr(HistoryDialog, "exec", fake_exec)
    go_to(qtbot, page, "phd")
    qtbot.keyClick(page.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert "博士" in seen["title"]
    newest, oldest = seen["rows"]
    assert newest[1:4] == ["修改", "50", "55"] and oldest[1:4] == ["新填", "", "50"]
    assert newest[6] == "张三"


def test_undo_goes_back_to_the_form_it_was_made_in(qtbot, unit_db, unit_window):
    _, page = unit_window
    type_in(qtbot, page, "phd", "70")
    page.open_form("xincheng", "2023")
    go_to(qtbot, page, "bachelor")
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (page.unit, page.period) == ("xincheng", "2024")
    assert current(page) == ("phd", Column.VALUE)
    assert stored(unit_db, "phd") is not None and stored(unit_db, "phd")[0] is None


def test_changes_made_elsewhere_reload_the_form(qtbot, unit_db, unit_window):
    window, page = unit_window
    type_in(qtbot, page, "phd", "70")
    with open_store(unit_db) as other:  # an import in a worker uses its own connection
        service.set_value(other, "xincheng", "master", Period(2024), 88)
    window.announce(Changes(figures=True))  # what the import's operation announces
    assert shown(page, "master") == "88"
    assert not page.undo_stack.canUndo(), "an undo must not blindly overwrite what the import wrote"


def test_district_copy_opens_any_units_form(qtbot, district_db):
    window = open_window(qtbot, district_db)
    page = window.page("form")
    assert page.unit_box.isEnabled()
    page.open_form("health", "2024")
    codes = {page.model.form_row(r).code for r in range(page.model.rowCount()) if page.model.form_row(r)}
    assert codes == {i.code for i in window.store.catalog().indicators_for_unit("health")}
    page.unit_box.setCurrentIndex(page.unit_box.findData("jiabei"))
    assert page.form.unit.name == "嘉北街道"
    type_in(qtbot, page, "phd", "9")
    with open_store(district_db) as store:
        assert store.values.get("jiabei", "phd", "2024").value == 9.0


def test_unit_and_period_are_remembered(qtbot, district_db):
    window = open_window(qtbot, district_db)
    page = window.page("form")
    page.unit_box.setCurrentIndex(page.unit_box.findData("honghe"))
    page.period_box.setCurrentIndex(page.period_box.findData("2023H1"))
    window.close()
    again = open_window(qtbot, district_db).page("form")
    assert (again.unit, again.period) == ("honghe", "2023H1")
    assert again.model.headerData(Column.VALUE, Qt.Orientation.Horizontal) == "本期（2023年上半年）"


def test_a_new_form_starts_on_its_first_figure(qtbot, unit_window):
    _, page = unit_window
    assert current(page) == ("talent_total", Column.VALUE)
    page.open_form("xincheng", "2023")
    assert current(page) == ("talent_total", Column.VALUE)


def test_closing_the_window_saves_the_figure_being_typed(qtbot, unit_db, unit_window):
    window, page = unit_window
    go_to(qtbot, page, "bachelor")
    qtbot.keyClicks(page.view, "7")
    qtbot.keyClicks(editor(), "7")
    window.close()  # no Enter: the window commits what is in the editor
    assert stored(unit_db, "bachelor") == (77.0, "")
