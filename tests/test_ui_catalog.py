"""汇总 → 单位与指标目录 through real widgets: units and thresholds edited in place, added, retired, refused in
Chinese in the dialog; only in an aggregating database's window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLineEdit

from xz_desktop.store import open_store
from xz_desktop.ui.catalog import dialog as catalog_dialog
from xz_desktop.ui.main_window import MainWindow

from .db_dump import dump


def _window(qtbot, path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    return window


def _open(qtbot, window) -> catalog_dialog.CatalogDialog:
    action = window.findChild(QAction, "action_catalog")
    assert action is not None
    action.trigger()
    dialog = window.findChild(QDialog, "catalog_dialog")
    assert isinstance(dialog, catalog_dialog.CatalogDialog)
    qtbot.addWidget(dialog)
    return dialog


def _row(model, code: str) -> int:
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == code)


def _column(model, header: str) -> int:
    return next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header)


def _type_into(qtbot, view, index, text: str) -> None:
    """Editing as a clerk does it: open the cell's editor, type, press Enter."""
    view.window().activateWindow()
    view.parentWidget().parentWidget().parentWidget().setCurrentWidget(view.parentWidget())  # the view's tab
    view.setCurrentIndex(index)
    before = set(view.viewport().findChildren(QLineEdit))  # a closed editor lingers until deleted
    view.edit(index)
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e not in before]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:  # Chinese arrives from the input method as committed text, not as key presses
        editor.setText(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(10)  # the window announces the change once the editor has closed


def test_edit_units_and_thresholds_in_the_dialog(qtbot, qtmodeltester, district_db):
    window = _window(qtbot, district_db)
    seen = []
    window.changed.connect(lambda changes, origin: seen.append(changes))
    dialog = _open(qtbot, window)
    qtmodeltester.check(dialog.units)
    qtmodeltester.check(dialog.indicators)
    first = window.store.catalog().version
    assert first in dialog.version.text()

    units = dialog.units
    row = _row(units, "xincheng")
    _type_into(qtbot, dialog.units_view, units.index(row, _column(units, "名称")), "新城街道办事处")
    _type_into(qtbot, dialog.units_view, units.index(row, _column(units, "电话")), "0573-1234")
    assert seen and all(c.catalog for c in seen)
    with open_store(district_db) as store:  # written at once, in the file
        unit = store.catalog().unit("xincheng")
        assert (unit.name, unit.phone) == ("新城街道办事处", "0573-1234")
        assert store.catalog().version != first
    assert units.index(_row(units, "xincheng"), _column(units, "名称")).data() == "新城街道办事处"

    # Retire, then reactivate, by button.
    dialog.units_view.setCurrentIndex(units.index(_row(units, "jiabei"), 1))
    assert dialog.retire_button.isEnabled() and not dialog.reactivate_button.isEnabled()
    dialog.retire_button.click()
    qtbot.wait(10)
    assert not window.store.catalog().unit("jiabei").active
    assert units.index(_row(units, "jiabei"), _column(units, "状态")).data() == "停用"
    dialog.units_view.setCurrentIndex(units.index(_row(units, "jiabei"), 1))
    dialog.reactivate_button.click()
    qtbot.wait(10)
    assert window.store.catalog().unit("jiabei").active

    # A threshold typed into its cell.
    model = dialog.indicators
    _type_into(
        qtbot, dialog.indicators_view, model.index(_row(model, "talent_total"), _column(model, "最大值")), "2000000"
    )
    assert window.store.catalog().indicator("talent_total").max == 2000000
    # The history tab lists every change, newest first.
    assert dialog.history.rowCount() >= 5
    assert dialog.history.index(0, 3).data() == "talent_total"


def test_a_refused_edit_is_said_in_the_dialog_and_changes_nothing(qtbot, district_db):
    window = _window(qtbot, district_db)
    dialog = _open(qtbot, window)
    model = dialog.indicators
    row, column = _row(model, "talent_total"), _column(model, "最小值")
    before = dump(district_db)
    _type_into(qtbot, dialog.indicators_view, model.index(row, column), "很多")
    assert "不是数字" in dialog.problem.text() and "最小值" in dialog.problem.text()
    assert model.index(row, column).data() == "0"  # the cell shows what is in force
    dialog.units_view.setCurrentIndex(dialog.units.index(0, 0))
    assert not dialog.add_unit({"code": "xincheng", "name": "重复"})
    assert "已被" in dialog.problem.text()
    assert dump(district_db) == before
    assert dialog.add_unit({"code": "xinzhen", "name": "新镇", "kind": "geographic"})
    assert dialog.problem.text() == ""
    qtbot.wait(10)
    assert _row(dialog.units, "xinzhen") >= 0


def test_add_unit_through_its_dialog(qtbot, district_db, monkeypatch):
    window = _window(qtbot, district_db)
    dialog = _open(qtbot, window)

    def fill(add):
        qtbot.keyClicks(add.code, "xinzhen")
        add.name.setText("新镇")  # committed by the input method
        add.kind.setCurrentIndex(add.kind.findData("sector"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(catalog_dialog.AddUnitDialog, "exec", fill)
    dialog.add_button.click()
    unit = window.store.catalog().unit("xinzhen")
    assert (unit.name, unit.kind.value, unit.active) == ("新镇", "sector", True)


def test_a_units_window_has_no_catalog_editing(qtbot, unit_db):
    window = _window(qtbot, unit_db)
    assert window.findChild(QAction, "action_catalog") is None
