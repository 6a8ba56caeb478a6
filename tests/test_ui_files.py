"""Issue 12, items 3, 4, 5 and 8 through the real widgets: files a clerk can find (save dialogs, 打开所在文件夹,
drag and drop), the first run, one period across the tabs, and the window that notices outside writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from xz_desktop.services.catalog_transfer import export_catalog
from xz_desktop.store import open_store
from xz_desktop.ui.app.first_run import FirstRunDialog
from xz_desktop.ui.common import file_dialogs
from xz_desktop.ui.common.changes import Changes
from xz_desktop.ui.common.operations import StoreOp
from xz_desktop.ui.form.model import Column
from xz_desktop.ui.main_window import MainWindow

from .test_package_support import GOOD_ROWS, craft, district, town
from .ui_form_support import cell, go_to, idle, open_window, type_in, type_text

TODAY = date.today().strftime("%Y%m%d")


@pytest.fixture(autouse=True)
def folders(tmp_path, monkeypatch):
    """Documents and the desktop of a made-up user, and the application's own hidden data folder."""
    documents, desktop, appdata = tmp_path / "文档", tmp_path / "桌面", tmp_path / "appdata"
    for folder in (documents, desktop, appdata):
        folder.mkdir()
    monkeypatch.setattr(file_dialogs, "standard_folders", lambda: [str(documents), str(desktop)])
    monkeypatch.setattr(file_dialogs, "data_dir", lambda: appdata)
    return {"documents": documents, "desktop": desktop, "appdata": appdata}


@pytest.fixture
def save_dialog(monkeypatch):
    """QFileDialog.getSaveFileName answering with ``answer[0]`` and recording where it started."""
    asked: list[str] = []
    answer: list[str] = [""]

    def fake(parent, title, start, file_filter, *args, **kwargs):
        asked.append(start)
        return answer[0], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return asked, answer


@pytest.fixture
def opened(monkeypatch):
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


# -- item 3: save dialogs ---------------------------------------------------------------------


def test_the_pdf_is_offered_in_documents_under_a_chinese_name_then_in_the_folder_used(
    qtbot, unit_db, folders, save_dialog, opened, tmp_path
):
    asked, answer = save_dialog
    window = open_window(qtbot, unit_db)
    page = window.page("form")
    page.open_form("xincheng", "2023")
    out = tmp_path / "上报材料"
    out.mkdir()
    answer[0] = str(out / "新城街道 2023")  # the clerk's own name, without the suffix
    written = page.export_pdf()
    assert asked[0] == str(folders["documents"] / f"新城街道_2023年_填报表_{TODAY}.pdf")
    assert written == out / "新城街道 2023.pdf" and written.exists()
    # 打开所在文件夹 beside the message, opening the folder the file is in
    button = window.open_folder_button
    assert button.isVisible() and button.text().startswith("打开所在文件夹")
    assert str(written) in window.statusBar().currentMessage()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(out.resolve()))]
    # the next PDF starts where the last one went
    answer[0] = ""
    assert page.export_pdf() is None
    assert Path(asked[1]).parent == out
    window.close()


def test_never_the_hidden_application_folder(qtbot, unit_db, folders, save_dialog):
    asked, _ = save_dialog
    from xz_desktop.ui.common import settings

    settings.put("folders/form_pdf", str(folders["appdata"] / "inside"))
    (folders["appdata"] / "inside").mkdir()
    window = open_window(qtbot, unit_db)
    window.page("form").export_pdf()
    assert Path(asked[0]).parent == folders["documents"]
    folders["documents"].rmdir()  # no Documents folder: the desktop
    window.page("form").export_pdf()
    assert Path(asked[1]).parent == folders["desktop"]
    window.close()


def test_the_package_goes_to_documents_and_the_dialog_offers_its_folder(qtbot, tmp_path, folders, opened):
    town(tmp_path, values={k: v for k, _, v in GOOD_ROWS}).close()
    window = open_window(qtbot, tmp_path / "xincheng.sqlite")
    window.findChild(type(window.menu("file").actions()[0]), "export_package").trigger()
    dialog = window.export_dialog
    assert dialog.period_boxes["2023"].text() == "2023年"
    expected = folders["documents"] / f"新城街道_2023年_上报包_{TODAY}.xzpkg"
    assert dialog.file_edit.text() == str(expected)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.made is not None, timeout=10_000)
    assert expected.exists() and "2023年" in dialog.message.text()
    assert dialog.folder_button is not None and dialog.folder_button.isVisible()
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(folders["documents"].resolve()))]
    dialog.close()
    window.close()


def test_the_receipt_is_named_for_its_unit(qtbot, tmp_path, folders, save_dialog):
    asked, answer = save_dialog
    path = district(tmp_path)
    with open_store(path) as store:
        store.values.write_one("xincheng", "phd", "2023", 5)
    window = open_window(qtbot, path)
    window.show_page("review")  # the page computes when shown
    review = window.page("review")
    review.open_review("xincheng", "2023")
    answer[0] = str(tmp_path / "r")
    made = review.export_receipt()
    assert asked[0] == str(folders["documents"] / f"新城街道_回执_{TODAY}.xzrcpt")  # receipts' own extension
    assert made == tmp_path / "r.xzrcpt" and made.exists()
    assert window.open_folder_button.isVisible()
    window.close()


# -- item 3: drag and drop --------------------------------------------------------------------


def _drop(qtbot, window: MainWindow, *paths: Path) -> bool:
    """Drag ``paths`` over the window as a file manager does, and let go; whether the window took the drag."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = window.rect().center()
    enter = QDragEnterEvent(
        centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def test_a_package_dropped_on_the_district_opens_the_merge(qtbot, tmp_path):
    craft(tmp_path / "xincheng.xzpkg", GOOD_ROWS)
    window = open_window(qtbot, district(tmp_path))
    assert _drop(qtbot, window, tmp_path / "xincheng.xzpkg")
    dialog = window.merge_dialog
    assert dialog.isVisible() and [Path(f) for f in dialog.files] == [tmp_path / "xincheng.xzpkg"]
    dialog.close()
    window.close()


def test_a_package_dropped_while_the_merge_previews_waits_for_it(qtbot, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    first = craft(tmp_path / "a" / "xincheng.xzpkg", GOOD_ROWS)
    later = craft(tmp_path / "b" / "xincheng.xzpkg", GOOD_ROWS)
    window = open_window(qtbot, district(tmp_path))
    assert _drop(qtbot, window, first)
    dialog = window.merge_dialog
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.state == "previewing"
    _drop(qtbot, window, later)  # the preview's list must stay the list its report covers
    assert [Path(f) for f in dialog.files] == [first]
    assert "正在预览或合并" in window.drop_box.text()
    qtbot.waitUntil(lambda: dialog.state == "previewed", timeout=10_000)
    assert _drop(qtbot, window, later) and len(dialog.files) == 2 and dialog.state == "listed"
    dialog.close()
    window.close()


def test_a_catalog_dropped_on_a_unit_is_imported_and_a_package_refused(qtbot, tmp_path, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    with open_store(district(tmp_path)) as store:
        made = export_catalog(store, tmp_path / "目录.xzcat")
    town(tmp_path).close()
    craft(tmp_path / "own.xzpkg", GOOD_ROWS)
    window = open_window(qtbot, tmp_path / "xincheng.sqlite")
    assert _drop(qtbot, window, tmp_path / "目录.xzcat")
    assert told and made.version in told[0]
    assert _drop(qtbot, window, tmp_path / "own.xzpkg", tmp_path / "notes.txt")
    box = window.drop_box
    assert box.isVisible() and box.windowTitle() == "无法接收拖入的文件"
    assert "own.xzpkg 是上报包，应报送区里合并" in box.text() and "不认识的文件：notes.txt" in box.text()
    box.close()
    window.close()


def test_a_drag_that_is_not_files_is_not_taken(qtbot, unit_db):
    window = open_window(qtbot, unit_db)
    mime = QMimeData()
    mime.setText("12345")
    enter = QDragEnterEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    window.close()


# -- item 4: first run -------------------------------------------------------------------------


def test_the_first_run_makes_the_clerk_choose(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("USER", "root")
    monkeypatch.setenv("USERNAME", "root")
    dialog = FirstRunDialog(tmp_path / "u.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    create = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.unit_box.currentIndex() == -1 and dialog.unit_box.currentText() == ""
    assert dialog.name_edit.text() == "" and not create.isEnabled()
    qtbot.mouseClick(dialog.unit_choice, Qt.MouseButton.LeftButton)
    assert dialog.unit_choice.isChecked() and not create.isEnabled()  # no unit chosen yet
    type_text(qtbot, dialog.name_edit, "李四")
    assert not create.isEnabled()  # a name, but still no unit
    dialog.unit_box.setFocus()
    qtbot.keyClick(dialog.unit_box, Qt.Key.Key_Down)
    assert dialog.unit_box.currentData() is not None and create.isEnabled()
    dialog.name_edit.clear()
    assert not create.isEnabled()  # a unit, no name
    qtbot.mouseClick(dialog.district_choice, Qt.MouseButton.LeftButton)
    assert not create.isEnabled()
    type_text(qtbot, dialog.name_edit, "区人才办")
    assert create.isEnabled()
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    with open_store(tmp_path / "u.sqlite") as store:
        assert store.is_district and store.author == "区人才办"


# -- item 5: one period ------------------------------------------------------------------------


@pytest.fixture
def district_with_years(tmp_path) -> Path:
    path = district(tmp_path)
    with open_store(path) as store, store.transaction():
        for period, value in (("2021", 1), ("2022", 2), ("2023H1", 3), ("2023", 4)):
            store.values.write_one("xincheng", "phd", period, value)
    return path


def shown(window) -> dict[str, object]:
    return {
        "form": window.page("form").period,
        "totals": window.page("totals").year_box.currentData(),
        "pivot": window.page("pivot").year_box.currentData(),
        "plan": window.page("plan").year_box.currentData(),
        "status": window.page("submission_status").chosen_period,
        "review": window.page("review").chosen_period,
    }


def test_one_period_across_the_tabs(qtbot, district_with_years):
    window = open_window(qtbot, district_with_years)
    # every page opens on the latest period with figures
    assert shown(window) == {
        "form": "2023",
        "totals": 2023,
        "pivot": 2023,
        "plan": 2023,
        "status": "2023",
        "review": "2023",
    }
    window.show_page("submission_status")  # computed while shown
    status = window.page("submission_status")
    assert status.period.currentText() == "2023年"  # labelled as everywhere else
    assert window.page("totals").year_box.currentText() == "2023年"
    assert status.summary.text().startswith("2023年：")
    # chosen on 报送情况 (keyboard), shown on every page
    status.period.setFocus()
    qtbot.keyClick(status.period, Qt.Key.Key_Up)  # 2023年上半年 (it has figures) …
    assert window.page("form").period == "2023H1"
    qtbot.keyClick(status.period, Qt.Key.Key_Up)  # … 2022年
    assert shown(window) == {
        "form": "2022",
        "totals": 2022,
        "pivot": 2022,
        "plan": 2022,
        "status": "2022",
        "review": "2022",
    }
    assert window.page("form").model.headerData(Column.VALUE, Qt.Orientation.Horizontal) == "本期（2022年）"
    assert window.page("form").form.row("phd").value == 2
    # a half-year on the form: the pages of years show its year
    form = window.page("form")
    form.period_box.setCurrentIndex(form.period_box.findData("2023H1"))
    assert form.form.row("phd").value == 3
    values = shown(window)
    assert values["totals"] == values["pivot"] == values["plan"] == 2023
    assert values["status"] == values["review"] == "2023H1"  # these list the half-years with data
    # chosen on 汇总, shown on the form
    totals = window.page("totals")
    totals.year_box.setCurrentIndex(totals.year_box.findData(2021))
    assert form.period == "2021" and form.form.row("phd").value == 1
    window.close()
    # the next window of the same database opens where this one was left
    again = open_window(qtbot, district_with_years)
    assert set(shown(again).values()) == {"2021", 2021}
    again.close()


# -- item 8: live data -------------------------------------------------------------------------


def test_the_form_shows_a_figure_written_by_another_connection(qtbot, unit_db):
    window = open_window(qtbot, unit_db)
    form = window.page("form")
    form.open_form("xincheng", "2023")
    assert form.form.row("phd").value is None
    with open_store(unit_db) as other:  # another writer of the same file (a tool, a second window)
        other.values.write_one("xincheng", "phd", "2023", 77)
    qtbot.waitUntil(lambda: form.form.row("phd").value == 77, timeout=5_000)
    assert cell(form, "phd").data() == "77"
    assert window.live.refreshes == 1 and "已在别处更新" in window.statusBar().currentMessage()
    window.close()


def test_a_second_window_s_edit_reaches_the_first(qtbot, unit_db):
    first = open_window(qtbot, unit_db)
    first.page("form").open_form("xincheng", "2023")
    second = open_window(qtbot, unit_db)  # the same database in a second window of this program
    page = second.page("form")
    page.open_form("xincheng", "2023")
    type_in(qtbot, page, "phd", "42")
    qtbot.waitUntil(lambda: first.page("form").form.row("phd").value == 42, timeout=5_000)
    second.close()
    first.close()


def test_a_figure_being_typed_is_not_disturbed_by_a_refresh(qtbot, unit_db):
    window = open_window(qtbot, unit_db)
    form = window.page("form")
    form.open_form("xincheng", "2023")
    go_to(qtbot, form, "phd")
    type_text(qtbot, form.view, "1")  # the first key opens the editor
    editor = form.delegate.open_editor()
    assert editor is not None
    type_text(qtbot, editor, "2")
    with open_store(unit_db) as other:
        other.values.write_one("xincheng", "master", "2023", 5)
    assert not window.live.poll()  # waits while the clerk types
    assert form.delegate.open_editor() is editor and editor.text() == "12"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.form.row("master").value == 5, timeout=5_000)
    assert form.form.row("phd").value == 12
    window.close()


def test_an_outside_write_after_a_reading_worker_is_still_seen(qtbot, district_with_years):
    window = open_window(qtbot, district_with_years)
    window.show_page("totals")  # computes its year on a worker that only reads
    assert window.tasks and not window.writing()
    assert not window.live.poll()  # nothing written yet, the worker running is no reason to stop looking
    idle(qtbot, window)
    with open_store(district_with_years) as other:
        other.values.write_one("xincheng", "phd", "2023", 9)
    qtbot.waitUntil(lambda: window.live.refreshes == 1, timeout=5_000)
    window.close()


def test_the_window_s_own_write_is_not_taken_for_someone_else_s(qtbot, district_with_years):
    window = open_window(qtbot, district_with_years)
    idle(qtbot, window)
    done = []

    def write(store, progress):
        store.values.write_one("xincheng", "phd", "2023", 11)

    StoreOp(window, "写入", write, changes=Changes(figures=True)).success(done.append).run_in_background()
    assert window.writing() and not window.live.poll()  # waits while its own write runs
    qtbot.waitUntil(lambda: bool(done) and not window.tasks, timeout=10_000)
    assert not window.live.poll() and window.live.refreshes == 0  # its commit is the window's own
    with open_store(district_with_years) as other:
        other.values.write_one("xincheng", "phd", "2023", 12)
    assert window.live.poll() and window.live.refreshes == 1
    window.close()
