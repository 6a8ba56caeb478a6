"""Enrolment in the window (issue 23, item 4): the district enrols a unit, saves its file and re-keys it;
the unit's copy made from that file shows the same district key fingerprint, with the phone check explained."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from xz_desktop.services.signing.enrolment import fingerprint, init_from_enrolment, read_enrolment
from xz_desktop.store import open_store
from xz_desktop.ui.packages import enrolment_dialog

from .ui_form_support import open_window


def test_fingerprint_groups_the_key_id_in_fours():
    assert fingerprint("3f2a9c0177b4e0d5") == "3F2A-9C01-77B4-E0D5"


def test_enrol_and_rekey_from_the_district_window_then_check_the_key_on_both_sides(
    qtbot, district_db, tmp_path, monkeypatch
):
    office = open_window(qtbot, district_db)
    action = office.findChild(QAction, "action_enrolment")
    assert action is not None and office.findChild(QAction, "action_district_key") is None
    dialog = enrolment_dialog.open_enrolment_dialog(office)
    qtbot.addWidget(dialog)
    assert "区里密钥尚未生成" in dialog.fingerprint.text()
    dialog.select("xincheng")
    assert dialog.enrol_button.isEnabled() and not dialog.rekey_button.isEnabled()

    monkeypatch.setattr(enrolment_dialog, "save_path", lambda *a, **k: tmp_path / "xincheng.xzenrol")
    first = dialog.ask_and_enrol(rekey=False)
    assert first is not None and (tmp_path / "xincheng.xzenrol").exists()
    with open_store(district_db) as store:
        district_key = store.keys.own().key_id
        assert store.keys.in_force("xincheng").key_id == first.key_id
    shown = fingerprint(district_key)
    assert shown in dialog.fingerprint.text() and "电话核对" in dialog.fingerprint.text()
    row = next(n for n, r in enumerate(dialog.rows) if r.unit == "xincheng")
    assert dialog.table.item(row, 1).text() == fingerprint(first.key_id)
    assert not dialog.enrol_button.isEnabled() and dialog.rekey_button.isEnabled()

    # Re-key: asked first; the new file names a new unit key, the old one is revoked.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(enrolment_dialog, "save_path", lambda *a, **k: tmp_path / "xincheng-2.xzenrol")
    again = dialog.ask_and_enrol(rekey=True)
    assert again is not None and again.rekeyed and again.key_id != first.key_id
    assert read_enrolment(tmp_path / "xincheng-2.xzenrol").unit_key.key_id == again.key_id
    office.close()

    # The unit's copy from the file: 帮助 → 核对区里密钥 shows the very same fingerprint.
    init_from_enrolment(tmp_path / "town.sqlite", tmp_path / "xincheng-2.xzenrol", "张三")
    clerk = open_window(qtbot, tmp_path / "town.sqlite")
    assert clerk.findChild(QAction, "action_enrolment") is None
    box = enrolment_dialog.show_district_key(clerk)
    qtbot.addWidget(box)
    assert shown in box.text() and "电话核对" in box.text()
