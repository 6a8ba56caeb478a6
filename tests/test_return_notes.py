"""Notes on figures written after 退回 travel with the return (issue 23, item 3).

A note written before 退回 became the figure's return reason; one written after it was kept on the
district's side only: the unit never saw it and ``xz status --json`` showed ``figure_reasons: {}``.
While the period stays returned, a note written, changed or removed changes the reasons the receipt
carries.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from xz_desktop.domain.periods import Period
from xz_desktop.services.form import load_form
from xz_desktop.services.packages.merge import merge_files
from xz_desktop.services.packages.submission import make_package
from xz_desktop.services.round.receipt import import_receipt, make_receipt
from xz_desktop.services.round.review import notes_travel, return_period, set_note
from xz_desktop.store import open_store
from xz_desktop.ui.round.review_page import SheetModel

from .test_package_support import district, town
from .test_ui_round import _note
from .ui_form_support import open_window


def _submitted(tmp_path):
    town(tmp_path).close()
    unit_path, district_path = tmp_path / "xincheng.sqlite", district(tmp_path)
    with open_store(unit_path) as store:
        made = make_package(store, ["2023"], tmp_path / "first.xzpkg")
    with open_store(district_path) as store:
        [result] = merge_files(store, [made.path]).results
    assert result.status == "merged", result.reason
    return unit_path, district_path


def _reasons_the_unit_gets(tmp_path, unit_path, district_path, name="receipt.xzpkg"):
    with open_store(district_path) as store:
        make_receipt(store, "xincheng", tmp_path / name)
    with open_store(unit_path) as store:
        import_receipt(store, tmp_path / name)
        form = load_form(store, "xincheng", Period(2023))
    return form.review.figure_reasons, {r.code: r.return_reason for r in form.rows if r.return_reason}


def test_notes_written_after_return_reach_the_receipt_and_the_status(tmp_path, xz):
    unit_path, district_path = _submitted(tmp_path)
    with open_store(district_path) as store:
        set_note(store, "xincheng", Period(2023), "phd", "博士人数请核实")  # before 退回: becomes a reason
        assert not notes_travel(store, "xincheng", Period(2023))
        return_period(store, "xincheng", Period(2023), "请核实", {"phd": "博士人数请核实"})
        assert notes_travel(store, "xincheng", Period(2023))
        assert set_note(store, "xincheng", Period(2023), "master", "硕士与上年差距大")  # after 退回
        assert set_note(store, "xincheng", Period(2023), "phd", "博士人数请附名单")  # changed after 退回
        decision = store.review.decision("xincheng", "2023")
        log = store.review.log("xincheng", "2023")
    # The decision itself is the one made at 退回: same reason, who and when; only the figures' reasons grew.
    assert (decision.state, decision.reason) == ("returned", "请核实")
    assert decision.figure_reasons == {"phd": "博士人数请附名单", "master": "硕士与上年差距大"}
    assert [e.details.get("amended") for e in log if e.action == "return"] == [None, True, True]

    status = json.loads(xz("status", district_path, "--period", "2023", "--json").stdout)
    row = next(r for r in status if r["unit"] == "xincheng")
    assert row["figure_reasons"] == {"phd": "博士人数请附名单", "master": "硕士与上年差距大"}

    reasons, on_rows = _reasons_the_unit_gets(tmp_path, unit_path, district_path)
    assert reasons == on_rows == {"phd": "博士人数请附名单", "master": "硕士与上年差距大"}

    # A note removed after 退回 takes its reason back out.
    with open_store(district_path) as store:
        assert set_note(store, "xincheng", Period(2023), "master", "")
    reasons, _ = _reasons_the_unit_gets(tmp_path, unit_path, district_path, "receipt2.xzpkg")
    assert reasons == {"phd": "博士人数请附名单"}


def test_a_note_typed_on_the_review_page_after_return_goes_with_the_receipt(tmp_path, qtbot):
    unit_path, district_path = _submitted(tmp_path)
    with open_store(district_path) as store:
        return_period(store, "xincheng", Period(2023), "请核实")
    office = open_window(qtbot, district_path)
    page = office.page("review")
    office.show_page("review")
    page.open_review("xincheng", "2023")
    assert "退回后写或改的区里备注也作为逐项退回意见" in page.heading.text()  # the page says which notes travel
    _note(qtbot, page, "phd", "phd 请附名单")
    with open_store(district_path) as store:
        assert store.review.decision("xincheng", "2023").figure_reasons == {"phd": "phd 请附名单"}
    index = page.model.index(page.model.row_of("phd"), SheetModel.NOTE)
    assert "phd 请附名单" in index.data(Qt.ItemDataRole.ToolTipRole)  # shown as the figure's return reason
    office.close()
    reasons, _ = _reasons_the_unit_gets(tmp_path, unit_path, district_path)
    assert reasons == {"phd": "phd 请附名单"}


def test_the_note_column_sits_beside_the_indicator_name(tmp_path, qtbot):
    _, district_path = _submitted(tmp_path)
    office = open_window(qtbot, district_path)
    office.resize(1366, 740)
    office.show_page("review")
    page = office.page("review")
    page.open_review("xincheng", "2023")
    header = page.table.horizontalHeader()
    assert header.visualIndex(SheetModel.NAME) == 0 and header.visualIndex(SheetModel.NOTE) == 1
    # Both within the table's visible width at 1366 pixels, with nothing scrolled.
    right = header.sectionViewportPosition(SheetModel.NOTE) + header.sectionSize(SheetModel.NOTE)
    assert right <= page.table.viewport().width()
