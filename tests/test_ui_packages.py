"""The package windows through real widgets: export in a unit's copy; preview, merge, conflicts, status, un-merge in the district's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from xz_desktop.services.packages.package_file import read_package
from xz_desktop.store import open_store
from xz_desktop.ui.common import settings
from xz_desktop.ui.main_window import MainWindow

from .db_dump import dump
from .test_package_support import GOOD_ROWS, craft, district, town

ONE = "academician_workstation"


@pytest.fixture(autouse=True)
def _settings(tmp_path):
    settings.use_folder(tmp_path / "settings")


@pytest.fixture
def open_window(qtbot):
    windows = []

    def make(path):
        window = MainWindow(path)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for w in windows:
        w.close()


def action(window, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def column(model, header: str) -> list[str]:
    """The texts of the column headed ``header``: tests name columns as a reader does."""
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header in heads, heads
    return [model.index(r, heads.index(header)).data() for r in range(model.rowCount())]


def test_merge_dialog_previews_before_it_writes(tmp_path, qtbot, open_window):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    craft(inbox / "xincheng.xzpkg", GOOD_ROWS)
    (inbox / "broken.xzpkg").write_text("不是上报包")
    path = district(tmp_path)
    window = open_window(path)
    action(window, "merge_packages").trigger()
    dialog = window.merge_dialog
    assert not dialog.merge_button.isEnabled()

    dialog.path_edit.setFocus()
    qtbot.keyClicks(dialog.path_edit, str(inbox))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.results_model.rowCount() == 2 and not dialog.merge_button.isEnabled()

    before = dump(path)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "previewed", timeout=10_000)
    assert dump(path) == before  # the preview wrote nothing
    statuses = [dialog.results_model.index(r, 2).data() for r in range(2)]
    assert sorted(statuses) == ["可合并", "拒绝"]
    refused_row = statuses.index("拒绝")
    assert "不是上报包" in dialog.results_model.index(refused_row, 7).data()
    dialog.results.selectRow(1 - refused_row)
    assert dialog.changes_model.rowCount() == len(GOOD_ROWS)  # the diff: every figure is new
    assert dialog.changes_model.index(0, 5).data() == "新增"  # 变动 after 原值 and 新值
    assert set(column(dialog.changes_model, "报告期")) == {"2023年"}  # written as every page writes it
    assert "预览" in dialog.summary.text()

    assert dialog.merge_button.isEnabled()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "merged", timeout=10_000)
    assert "合并完成" in dialog.summary.text()
    with open_store(path) as store:
        assert store.values.get("xincheng", "phd", "2023").value == 50
    # the other pages followed: 报送情况 and the log
    window.show_page("submission_status")  # computed while shown
    status = window.page("submission_status")
    status.period.setCurrentIndex(status.period.findData("2023"))
    names = [
        status.model.index(r, 0).data()
        for r in range(status.model.rowCount())
        if status.model.index(r, 2).data() == "已报送（待审核）"
    ]
    assert names == ["新城街道"]
    log = window.page("merge_log")
    assert log.model.rowCount() == 1 and log.model.index(0, 3).data() == "xincheng.xzpkg"
    assert column(log.model, "报告期") == ["2023年"]
    # adding a file again needs a new preview before merging
    qtbot.keyClicks(dialog.path_edit, str(inbox / "xincheng.xzpkg"))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.merge_button.isEnabled() is False


def _conflicted_district(tmp_path):
    path = district(tmp_path)
    with open_store(path) as store:
        from xz_desktop.services.packages.merge import merge_files

        merge_files(store, [craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0, 1)])])
        store.values.write_one("xincheng", ONE, "2023", 3.0, author="区人才办")
        merge_files(store, [craft(tmp_path / "b.xzpkg", [(ONE, "2023", 4.0, 2)])])
        assert store.values.disputed_keys()
    return path


def test_conflict_is_decided_from_the_keyboard(tmp_path, qtbot, open_window):
    path = _conflicted_district(tmp_path)
    window = open_window(path)
    window.show_page("conflicts")
    page = window.page("conflicts")
    assert page.conflicts_model.rowCount() == 1
    assert page.candidates_model.rowCount() == 2
    assert column(page.conflicts_model, "报告期") == ["2023年"]
    assert "待处理的冲突：1" in page.summary.text()
    origins = [page.candidates_model.index(r, 0).data() for r in range(2)]
    assert origins[0].startswith("区里更正") and origins[1].startswith("上报包 b.xzpkg")
    window.activateWindow()
    page.candidates.setFocus()
    page.candidates.setCurrentIndex(page.candidates_model.index(0, 0))
    qtbot.keyClick(page.candidates, Qt.Key.Key_Down)  # the unit's 4
    assert page.candidates.currentIndex().row() == 1
    qtbot.keyClick(page.candidates, Qt.Key.Key_Return)
    with open_store(path) as store:
        assert store.values.get("xincheng", ONE, "2023").value == 4.0
        assert store.values.disputed_keys() == set()
    assert page.conflicts_model.rowCount() == 0 and "没有待处理的冲突" in page.summary.text()
    qtbot.mouseClick(page.show_resolved, Qt.MouseButton.LeftButton)
    assert page.conflicts_model.rowCount() == 1 and page.conflicts_model.index(0, 6).data() == "已处理"
    assert page.candidates_model.index(1, 6).data() == "✔ 已采用"


def test_keep_every_district_correction_at_once(tmp_path, qtbot, open_window, monkeypatch):
    path = _conflicted_district(tmp_path)
    window = open_window(path)
    page = window.page("conflicts")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.all_district, Qt.MouseButton.LeftButton)
    with open_store(path) as store:
        assert store.values.get("xincheng", ONE, "2023").value == 3.0 and not store.values.disputed_keys()


def test_unmerge_from_the_log(tmp_path, qtbot, open_window, monkeypatch):
    path = district(tmp_path)
    first = craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0, 1)])
    second = craft(tmp_path / "b.xzpkg", [(ONE, "2023", 5.0, 2)])
    with open_store(path) as store:
        from xz_desktop.services.packages.merge import merge_files

        merge_files(store, [first, second])
    window = open_window(path)
    page = window.page("merge_log")
    page.table.selectRow(0)  # newest first: b.xzpkg
    assert page.model.index(0, 3).data() == "b.xzpkg" and page.unmerge_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.unmerge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    with open_store(path) as store:
        assert store.values.get("xincheng", ONE, "2023").value == 2.0
    assert page.model.index(0, 2).data() == "撤销合并"
    assert read_package(second).package_id.startswith(page.model.index(0, 10).data()[:8])


def test_export_lists_what_to_fix_then_exports(tmp_path, qtbot, open_window):
    store = town(tmp_path, values={**{k: v for k, _, v in GOOD_ROWS}, "phd": 20000.0})
    store.close()
    window = open_window(tmp_path / "xincheng.sqlite")
    action(window, "export_package").trigger()
    dialog = window.export_dialog
    assert dialog.period_boxes["2023"].isChecked()
    target = tmp_path / "out.xzpkg"
    dialog.file_edit.selectAll()
    qtbot.keyClicks(dialog.file_edit, str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    # The refusal lists what to fix in the same 审核结果 list as the form's (tests/test_ui_findings.py jumps from it).
    qtbot.waitUntil(lambda: dialog.findings.isVisible(), timeout=10_000)
    assert "暂不能导出" in dialog.message.text() and not dialog.problems.isVisible()
    reasons = [dialog.findings.model.index(r, 5).data() for r in range(dialog.findings.model.rowCount())]
    assert any("人才资源总量" in reason for reason in reasons), reasons
    assert not target.exists()
    window.store.values.write_one("xincheng", "phd", "2023", 50)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.made is not None, timeout=10_000)
    assert target.exists() and read_package(target).manifest.periods == ("2023",)
    assert "已导出上报包" in dialog.message.text() and dialog.close_button.text() == "关闭"


def test_pages_exist_only_where_they_belong(tmp_path, open_window):
    unit = open_window(town(tmp_path).path)
    assert unit.page("conflicts") is None and unit.findChild(QAction, "merge_packages") is None
    dist = open_window(district(tmp_path))
    assert dist.page("conflicts") is not None and dist.findChild(QAction, "export_package") is None
    assert action(dist, "merge_packages").shortcut().toString() == "Ctrl+Shift+M"


def test_corrections_and_catalog_files_through_the_menus(tmp_path, qtbot, open_window, monkeypatch):
    """District: 导出更正文件 (unit picked in a list) and 导出目录文件; unit: the two imports. Dialogs answered by the test."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    path = _conflicted_district(tmp_path)
    with open_store(path) as store:
        from xz_desktop.services.packages.conflicts import list_conflicts, resolve

        resolve(store, list_conflicts(store)[0].id, 0)  # keep the district's 3
    dist = open_window(path)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("新城街道", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "fix.xzpkg"), ""))
    action(dist, "export_corrections").trigger()
    assert "1 个更正数值" in told[-1]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "catalog.xzcat"), ""))
    action(dist, "export_catalog").trigger()
    assert (tmp_path / "catalog.xzcat").exists()

    unit = open_window(town(tmp_path, values={ONE: 2.0}).path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "fix.xzpkg"), ""))
    action(unit, "import_corrections").trigger()
    assert "1 个数值已改为区里更正的数值" in told[-1]
    assert unit.store.values.get("xincheng", ONE, "2023").value == 3.0
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "catalog.xzcat"), ""))
    action(unit, "import_catalog").trigger()
    assert "无需更新" in told[-1]
