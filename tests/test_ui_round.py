"""The round in the window, through real widgets: the district's 审核 view (notes, 退回 with per-figure reasons,
验收), its 报送情况 page, and the unit's form showing a returned period and an accepted, read-only one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from xz_desktop.domain.periods import Period
from xz_desktop.services.packages.merge import merge_files
from xz_desktop.services.packages.submission import make_package
from xz_desktop.store import open_store
from xz_desktop.ui.common.changes import MERGE
from xz_desktop.ui.form.model import Column
from xz_desktop.ui.round.review_page import SheetModel

from .test_package_support import district, town
from .ui_form_support import cell, open_window, type_in, type_text


def _submit(tmp_path, unit_path, district_path, name):
    with open_store(unit_path) as store:
        made = make_package(store, ["2023"], tmp_path / name)
    with open_store(district_path) as store:
        [result] = merge_files(store, [made.path]).results
    assert result.status == "merged", result.reason
    return result


def _note(qtbot, page, code: str, text: str) -> None:
    """Type a note in the 区里备注 column as an officer does (typing on the cell opens the editor)."""
    index = page.model.index(page.model.row_of(code), SheetModel.NOTE)
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    qtbot.waitUntil(page.table.hasFocus)
    type_text(qtbot, page.table, text[:1])  # the first key opens the editor with that key in it
    type_text(qtbot, QApplication.focusWidget(), text[1:])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.index(page.model.row_of(code), SheetModel.NOTE).data() == text)


def _rows(model):
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_review_view_returns_with_reasons_then_accepts_and_the_unit_sees_both(tmp_path, qtbot):
    town(tmp_path).close()
    unit_path, district_path = tmp_path / "xincheng.sqlite", district(tmp_path)
    _submit(tmp_path, unit_path, district_path, "first.xzpkg")

    office = open_window(qtbot, district_path)
    page = office.page("review")
    office.show_page("review")
    page.open_review("xincheng", "2023")
    assert page.model.sheet.state == "submitted"
    assert page.return_button.isEnabled() and page.accept_button.isEnabled() and not page.reopen_button.isEnabled()
    assert "新城街道" in page.heading.text() and "已报送（待审核）" in page.heading.text()

    # notes per figure, typed in the view, are saved at once and become the per-figure reasons of the return
    _note(qtbot, page, "phd", "phd 待核实")
    with open_store(district_path) as store:
        assert store.review.notes("xincheng", "2023")["phd"].note == "phd 待核实"
    assert page.model.index(page.model.row_of("phd"), SheetModel.NOTE).data() == "phd 待核实"

    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.isVisible() and "phd 待核实" in dialog.findChildren(type(page.heading))[0].text()
    dialog.reason.setPlainText("博士人数需要核实")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    with open_store(district_path) as store:
        decision = store.review.decision("xincheng", "2023")
    assert (decision.state, decision.reason, decision.figure_reasons) == (
        "returned",
        "博士人数需要核实",
        {"phd": "phd 待核实"},
    )
    assert page.model.sheet.state == "returned" and not page.return_button.isEnabled()

    office.show_page("submission_status")  # computed while shown
    status = office.page("submission_status")
    status.period.setCurrentIndex(status.period.findData("2023"))
    row = next(r for r in _rows(status.model) if r[0] == "新城街道")
    assert row[2] == "已退回" and row[7] == "博士人数需要核实"
    chase = [r[0] for r in _rows(status.chase_model)]
    assert "新城街道" in chase and "嘉北街道" in chase  # returned and not resubmitted; never submitted
    office.show_page("review")

    # the receipt goes to the town: its form shows the reasons, next to the figure they concern
    receipt = page.export_receipt(tmp_path / "receipt1.xzpkg")
    clerk = open_window(qtbot, unit_path)
    from xz_desktop.ui.packages.page import import_receipt_file

    assert import_receipt_file(clerk, receipt).returned == ["2023"]
    clerk.receipt_box.close()
    form = clerk.page("form")
    form.open_form("xincheng", "2023")
    assert form.review_banner.isVisible() and "博士人数需要核实" in form.review_banner.text()
    assert not form.view.isColumnHidden(Column.REVIEW)
    assert cell(form, "phd", Column.REVIEW).data() == "phd 待核实"
    assert cell(form, "master", Column.REVIEW).data() == ""
    # the clerk fixes the figure on the form (still editable) and resubmits
    type_in(qtbot, form, "phd", "48")
    with open_store(unit_path) as store:
        assert store.values.get("xincheng", "phd", "2023").value == 48
    clerk.close()
    second = _submit(tmp_path, unit_path, district_path, "second.xzpkg")
    assert second.resubmission

    office.announce(MERGE)  # merged outside the window, as another copy of the program would
    page.open_review("xincheng", "2023")
    assert page.model.sheet.resubmitted and "退回后已重新报送" in page.heading.text()
    phd = page.model.sheet.rows[page.model.row_of("phd")]
    assert (phd.value, phd.previous_package, phd.changed_since_package) == (48, 50, True)

    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    # what is accepted is said before it locks (counted by services/round/review.acceptance_summary)
    prompt = page.dialog.findChildren(type(page.heading))[0].text()
    assert "与上一个上报包相比改动 1 项" in prompt and "审核：错误 0 处" in prompt  # phd 50 → 48
    qtbot.mouseClick(page.dialog.buttons.button(page.dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    with open_store(district_path) as store:
        assert store.review.decision("xincheng", "2023").state == "accepted"
    assert page.reopen_button.isEnabled() and not page.accept_button.isEnabled()
    assert not (page.model.flags(page.model.index(0, SheetModel.NOTE)) & Qt.ItemFlag.ItemIsEditable)

    log = office.page("review_log")
    actions = [r[2] for r in _rows(log.model)]
    assert actions[:4] == ["验收", "退回后重新报送", "退回", "报送"]

    # the next receipt makes the accepted period read-only in the town's copy
    receipt = page.export_receipt(tmp_path / "receipt2.xzpkg")
    office.close()
    clerk = open_window(qtbot, unit_path)
    assert import_receipt_file(clerk, receipt).accepted == ["2023"]
    clerk.receipt_box.close()
    form = clerk.page("form")
    form.open_form("xincheng", "2023")
    assert form.form.locked and "验收并锁定" in form.review_banner.text()
    assert form.view.isColumnHidden(Column.REVIEW)
    for code in ("phd", "master"):
        for column in (Column.VALUE, Column.EXPLANATION):
            assert not (cell(form, code, column).flags() & Qt.ItemFlag.ItemIsEditable)
    form.view.setFocus()
    form.view.setCurrentIndex(cell(form, "phd"))
    qtbot.keyClicks(form.view, "7")
    qtbot.keyClick(form.view, Qt.Key.Key_Return)
    with open_store(unit_path) as store:
        assert store.values.get("xincheng", "phd", "2023").value == 48
    assert not form.clear_action.isEnabled()
    clerk.close()


@pytest.mark.parametrize("name", ["r.xzrcpt", "r.xzpkg"])  # new receipts, and one named as earlier versions did
def test_a_receipt_dropped_on_the_unit_window_is_imported(tmp_path, qtbot, name):
    town(tmp_path).close()
    unit_path, district_path = tmp_path / "xincheng.sqlite", district(tmp_path)
    _submit(tmp_path, unit_path, district_path, "first.xzpkg")
    from xz_desktop.services.round.receipt import make_receipt
    from xz_desktop.services.round.review import accept

    with open_store(district_path) as store:
        accept(store, "xincheng", Period(2023), "区人才办")
        make_receipt(store, "xincheng", tmp_path / name)
    clerk = open_window(qtbot, unit_path)
    assert clerk.acceptDrops()
    assert clerk.open_dropped(tmp_path / name)
    clerk.receipt_box.close()
    form = clerk.page("form")
    form.open_form("xincheng", "2023")
    assert form.form.locked
    assert not clerk.open_dropped(tmp_path / "notes.txt")
    clerk.close()
