"""The window's lock names a computer as Windows does: NetBIOS, upper case, cut to 15 characters.

A lock this very process wrote must never be taken for another computer's: the window would
refuse its own database ("正在计算机“XIUZHOU-RENCAIB”上由 xz-desktop 打开").
"""

from __future__ import annotations

import os
import socket

import pytest

from xz_desktop.store import lock
from xz_desktop.store.lock import window_lock_holder


@pytest.mark.parametrize(
    ("recorded", "here"),
    [
        ("xz-test-pc", "xz-test-pc"),
        ("XZ-TEST-PC", "xz-test-pc"),  # NetBIOS upper case, the DNS name as typed
        ("xz-test-pc", "XZ-TEST-PC"),
        ("XIUZHOU-RENCAIB", "XIUZHOU-RENCAIBAN-PC01"),  # "XIUZHOU-RENCAIBAN-PC01"[:15]
        ("XIUZHOU-RENCAIB", "xiuzhou-rencaiban-pc01"),
        ("xiuzhou-rencaiban-pc01", "XIUZHOU-RENCAIB"),  # either side may be the cut one
        (" XZ-TEST-PC ", "xz-test-pc"),
    ],
)
def test_the_same_computer_in_any_case_and_netbios_length(recorded, here):
    assert lock.same_computer(recorded, here)


@pytest.mark.parametrize(
    ("recorded", "here"),
    [
        ("xz-test-pc2", "xz-test-pc"),
        ("XIUZHOU-RENCAI", "XIUZHOU-RENCAIBAN-PC01"),  # 14 characters: not a NetBIOS cut, another name
        ("XIUZHOU-RENCAIX", "XIUZHOU-RENCAIBAN-PC01"),  # 15 characters, but not its first 15
        ("", "xz-test-pc"),
        ("xz-test-pc", ""),
    ],
)
def test_another_computer_is_another(recorded, here):
    assert not lock.same_computer(recorded, here)


@pytest.mark.parametrize(
    ("recorded", "here"), [("XZ-TEST-PC", "xz-test-pc"), ("XIUZHOU-RENCAIB", "XIUZHOU-RENCAIBAN-PC01")]
)
def test_a_lock_this_process_wrote_under_its_netbios_name_is_not_held_by_another(tmp_path, monkeypatch, recorded, here):
    database = tmp_path / "填报.sqlite"
    monkeypatch.setattr(socket, "gethostname", lambda: here)
    (tmp_path / "填报.sqlite.lock").write_text(f"{os.getpid()}\nxz-desktop\n{recorded}\n", encoding="utf-8")
    assert window_lock_holder(database) is None
    # and one whose process is gone on this computer is stale, whatever the case of its host name
    monkeypatch.setattr(lock, "_alive", lambda pid: False)
    (tmp_path / "填报.sqlite.lock").write_text(f"999999999\nxz-desktop\n{recorded}\n", encoding="utf-8")
    assert window_lock_holder(database) is None


def test_a_lock_from_another_computer_stays_held(tmp_path, monkeypatch):
    database = tmp_path / "填报.sqlite"
    monkeypatch.setattr(socket, "gethostname", lambda: "xz-test-pc")
    (tmp_path / "填报.sqlite.lock").write_text("999999999\nxz-desktop\nOTHER-PC\n", encoding="utf-8")
    holder = window_lock_holder(database)
    assert holder is not None and holder.host == "OTHER-PC" and holder.pid == 999999999
