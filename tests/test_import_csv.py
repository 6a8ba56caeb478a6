"""Importing a CSV: from the window (in the background, all or nothing) and cancelled at the service."""

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from xz_desktop.domain.messages import XzError
from xz_desktop.services.imports import import_file
from xz_desktop.services.progress import CancelFlag, Cancelled
from xz_desktop.store import open_store

from .db_dump import dump
from .ui_form_support import open_window


def write_csv(path, rows):
    path.write_text(
        "unit,indicator,period,value,explanation\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n",
        encoding="utf-8",
    )
    return path


def test_import_through_the_menu_writes_and_reloads(qtbot, unit_db, tmp_path, monkeypatch):
    csv = write_csv(
        tmp_path / "v.csv", [("xincheng", "phd", 2024, 12, ""), ("xincheng", "master", 2024, '"1,200"', "")]
    )
    window = open_window(qtbot, unit_db)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv), ""))
    reloaded = []
    window.changed.connect(lambda changes, origin: reloaded.append(changes))
    window.findChild(QAction, "action_import_csv").trigger()
    qtbot.waitUntil(lambda: getattr(window, "last_import", None) is not None, timeout=20000)
    assert window.last_import.written == 2 and reloaded and reloaded[0].figures
    assert "写入 2 个数值" in window.statusBar().currentMessage()
    with open_store(unit_db) as store:
        assert store.values.get("xincheng", "master", "2024").value == 1200
    window.close()


def test_refused_csv_shows_every_problem_and_changes_nothing(qtbot, unit_db, tmp_path, monkeypatch):
    csv = write_csv(tmp_path / "bad.csv", [("xincheng", "phd", 2024, 12, ""), ("xincheng", "master", 2024, "十二", "")])
    window = open_window(qtbot, unit_db)
    before = dump(unit_db)
    shown = []
    monkeypatch.setattr(window, "show_error", lambda exc, title=None: shown.append(exc))
    from xz_desktop.ui.imports.actions import import_csv

    import_csv(window, str(csv))
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert isinstance(shown[0], XzError) and "数据库未作任何修改" in str(shown[0])
    assert any("第 3 行" in str(d) for d in shown[0].details)
    assert dump(unit_db) == before
    window.close()


def test_cancelling_an_import_writes_nothing(district_db, tmp_path):
    rows = [(u, "phd", 2024, 5, "") for u in ("xincheng", "jiabei", "tanghui", "gaozhao")]
    csv = write_csv(tmp_path / "v.csv", rows)
    before = dump(district_db)
    with open_store(district_db) as store, pytest.raises(Cancelled):
        import_file(store, csv, progress=CancelFlag(cancel_after=2))
    assert dump(district_db) == before
    with open_store(district_db) as store:  # and when let through, every row lands
        flag = CancelFlag()
        assert import_file(store, csv, progress=flag).written == 4
        assert flag.steps[-1][2] == "正在写入…"


def test_unquoted_thousands_separator_is_refused_not_misread(unit_db, tmp_path):
    csv = write_csv(tmp_path / "v.csv", [("xincheng", "phd", 2024, 12, ""), ("xincheng", "master", 2024, "1,200", "")])
    before = dump(unit_db)
    with open_store(unit_db) as store, pytest.raises(XzError) as refused:
        import_file(store, csv)
    assert "第 3 行" in str(refused.value.details[0]) and "引号" in str(refused.value.details[0])
    assert dump(unit_db) == before
