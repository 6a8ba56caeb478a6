"""Starting the program: first run, --db, --demo, refusals with a message, the lock, and a killed program."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from xz_desktop.domain.messages import XzError
from xz_desktop.store import create_store, open_store
from xz_desktop.ui import main
from xz_desktop.ui.app.first_run import FirstRunDialog
from xz_desktop.ui.common import i18n
from xz_desktop.ui.main_window import MainWindow, lock_path

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture
def errors(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(i18n, "show_error", lambda parent, exc, title=None: seen.append(i18n.error_lines(exc)[0]))
    return seen


def started(qtbot, argv):
    window = main.start(argv)
    if isinstance(window, MainWindow):
        qtbot.addWidget(window)
    return window


def fill_first_run(qtbot, unit_code: str | None, name: str):
    """When the modal first-run dialog is up, choose with the keyboard and press 创建."""

    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FirstRunDialog):  # not shown yet: try again shortly
            QTimer.singleShot(20, act)
            return
        try:
            if unit_code is None:
                assert "(&D)" in dialog.district_choice.text()
                dialog.district_choice.setFocus()
                qtbot.keyClick(dialog.district_choice, Qt.Key.Key_Space)
                assert dialog.district_choice.isChecked() and not dialog.unit_box.isEnabled()
            elif str(unit_code).endswith(".xzenrol"):
                assert dialog.enrolment_choice.isChecked()  # the recommended way is the default
                dialog.enrolment_edit.setText(str(unit_code))
            else:
                dialog.unit_choice.setChecked(True)
                dialog.unit_box.setFocus()
                while dialog.unit_box.currentData() != unit_code:
                    qtbot.keyClick(dialog.unit_box, Qt.Key.Key_Down)
            dialog.name_edit.clear()
            dialog.name_edit.insert(name)
            qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():  # a failed step must not leave a modal dialog blocking the test run
                dialog.reject()

    QTimer.singleShot(0, act)


def test_first_run_asks_whose_copy_and_creates_it(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "data" / "xz.sqlite"
    monkeypatch.setattr(main, "default_database_path", lambda: target)
    fill_first_run(qtbot, "wangdian", "李四")
    window = started(qtbot, ["--lang", "zh"])
    assert isinstance(window, MainWindow)
    assert window.store.unit_code == "wangdian" and window.store.author == "李四"
    assert window.windowTitle() == "王店镇 — xz.sqlite — xz-desktop"
    assert window.page("form").form.unit.name == "王店镇"
    assert not window.page("form").unit_box.isEnabled()
    window.close()


def test_first_run_offers_the_enrolment_file(qtbot, tmp_path):
    from xz_desktop.services.signing.enrolment import enrol
    from xz_desktop.store import create_store

    district = tmp_path / "district.sqlite"
    create_store(district, "district").close()
    with open_store(district) as store:
        made = enrol(store, "wangdian", tmp_path / "wangdian.xzenrol")
    dialog = FirstRunDialog(tmp_path / "u.sqlite")
    qtbot.addWidget(dialog)
    fill_first_run(qtbot, made.file, "李四")
    dialog.exec()
    assert dialog.district_key_id == made.district_key_id
    with open_store(tmp_path / "u.sqlite") as store:
        assert store.unit_code == "wangdian" and store.author == "李四"
        assert store.keys.own().key_id == made.key_id


def test_first_run_for_the_district(qtbot, tmp_path):
    dialog = FirstRunDialog(tmp_path / "d.sqlite")
    qtbot.addWidget(dialog)
    fill_first_run(qtbot, None, "区人才办")
    dialog.exec()
    with open_store(tmp_path / "d.sqlite") as store:
        assert store.is_district and store.author == "区人才办"


def test_first_run_needs_a_name_and_creates_nothing_without_one(qtbot, tmp_path, errors, monkeypatch):
    monkeypatch.setattr("xz_desktop.ui.app.first_run.show_error", lambda parent, exc: errors.append(str(exc)))
    dialog = FirstRunDialog(tmp_path / "u.sqlite")
    qtbot.addWidget(dialog)
    dialog.name_edit.clear()
    dialog.accept()
    assert errors and "填报人" in errors[0]
    assert not (tmp_path / "u.sqlite").exists() and dialog.result() == 0


def test_cancelling_the_first_run_leaves_no_file(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "xz.sqlite"
    monkeypatch.setattr(main, "default_database_path", lambda: target)

    def cancel():
        dialog = QApplication.activeModalWidget()
        dialog.reject() if dialog else QTimer.singleShot(20, cancel)

    QTimer.singleShot(0, cancel)
    assert started(qtbot, []) == 0
    assert not target.exists()


def test_db_that_does_not_exist_is_offered_for_creation(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "other.sqlite"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert started(qtbot, ["--db", str(target)]) == 0 and not target.exists()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    fill_first_run(qtbot, "health", "王五")
    window = started(qtbot, ["--db", str(target)])
    assert window.store.unit_code == "health"
    window.close()


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("text", "不是有效的数据库文件"),
        ("other_sqlite", "不是 xz-desktop 的数据库"),
        ("newer", "更新版本的程序"),
    ],
)
def test_bad_databases_get_a_clear_message_not_a_traceback(qtbot, tmp_path, errors, kind, expected):
    path = tmp_path / "bad.sqlite"
    if kind == "text":
        path.write_text("单位,指标\n新城街道,1\n", encoding="utf-8")
    elif kind == "other_sqlite":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    else:
        create_store(path, "district").close()
        conn = sqlite3.connect(path)
        conn.execute("INSERT INTO schema_migration VALUES (99, 'future', '2030-01-01')")
        conn.commit()
        conn.close()
    before = path.read_bytes()
    assert started(qtbot, ["--db", str(path)]) == 1
    assert errors and expected in errors[0]
    assert path.read_bytes() == before, "a refused database is left exactly as it was"
    assert not lock_path(path).exists(), "and not left locked"


HOLDER = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QLockFile
    lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)
    assert lock.tryLock(1000)
    print("locked", flush=True)
    time.sleep(60)
""")


def test_a_database_open_in_another_copy_is_refused_until_that_copy_ends(qtbot, unit_db, errors):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock_path(unit_db))], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(XzError, match="已在另一个 xz-desktop 窗口中打开") as refused:
            MainWindow(unit_db)
        # The computer is this one's name, the process the holder's id: not the other way round.
        assert f"计算机 {socket.gethostname()}，进程 {holder.pid}）" in refused.value.message.format()
        assert started(qtbot, ["--db", str(unit_db)]) == 1
        assert "已在另一个" in errors[0]
    finally:
        holder.send_signal(signal.SIGKILL)  # a crash: the lock file stays behind, stale
        holder.wait()
    assert lock_path(unit_db).exists()
    window = started(qtbot, ["--db", str(unit_db)])  # its process is gone: the stale lock is taken over
    assert isinstance(window, MainWindow)
    window.close()
    assert not lock_path(unit_db).exists()


def test_demo_opens_a_filled_district_database_marked_as_demo(qtbot):
    window = started(qtbot, ["--demo"])
    try:
        assert "示例数据" in window.windowTitle() and window.is_district
        page = window.page("form")
        page.open_form("xincheng", "2024")
        assert page.form.summary.filled == page.form.summary.filled + page.form.summary.missing
        assert page.form.summary.errors == 0
    finally:
        window.close()
        folder = window.store_path.parent
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


KILLED = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, sys.argv[2])
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from xz_desktop.ui.common import settings
    settings.use_folder(sys.argv[3])
    from tests.ui_form_support import open_window, type_in
    class Bot:  # the few qtbot calls the helpers use, without pytest
        from PySide6.QtTest import QTest as _t
        def keyClicks(self, w, text): self._t.keyClicks(w, text)
        def keyClick(self, w, key, mod=None): self._t.keyClick(w, key) if mod is None else self._t.keyClick(w, key, mod)
        def addWidget(self, w): pass
        def waitExposed(self, w): self._t.qWaitForWindowExposed(w)
        def waitUntil(self, f):
            for _ in range(200):
                if f(): return
                self._t.qWait(10)
    bot = Bot()
    window = open_window(bot, sys.argv[1])
    page = window.page("form")
    page.open_form("xincheng", "2024")
    type_in(bot, page, "phd", "31")
    type_in(bot, page, "master", "１２０")
    type_in(bot, page, "bachelor", "99")
    os.kill(os.getpid(), signal.SIGKILL)  # no close, no flush, no goodbye
""")


def test_killing_the_program_loses_no_accepted_edit(unit_db, tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", KILLED, str(unit_db), ROOT, str(tmp_path / "settings")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    with open_store(unit_db) as store:
        assert {c: store.values.get("xincheng", c, "2024").value for c in ("phd", "master", "bachelor")} == {
            "phd": 31.0,
            "master": 120.0,
            "bachelor": 99.0,
        }
        assert store.integrity_problems() == []


def test_opening_another_database_from_the_window_moves_the_lock(qtbot, unit_db, district_db):
    first = MainWindow(unit_db)
    qtbot.addWidget(first)
    assert lock_path(unit_db).exists()
    second = first.open_database(district_db)
    qtbot.addWidget(second)
    assert second is not first and second.is_district and not first.isVisible()
    assert not lock_path(unit_db).exists() and lock_path(district_db).exists()
    assert second.open_database(district_db) is second  # already open here: nothing to do
    second.close()


def _forget_demo(window: MainWindow) -> None:
    window.close()
    import shutil

    shutil.rmtree(window.store_path.parent, ignore_errors=True)


def test_first_run_offers_the_demo_made_in_the_background(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    target = tmp_path / "xz.sqlite"
    monkeypatch.setattr(main, "default_database_path", lambda: target)
    seen: dict[str, bool] = {}

    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FirstRunDialog):  # not shown yet: try again shortly
            QTimer.singleShot(20, act)
            return
        try:
            assert "示例数据" in dialog.demo_choice.text()
            qtbot.mouseClick(dialog.demo_choice, Qt.MouseButton.LeftButton)
            assert dialog.demo_choice.isChecked() and dialog.create_button.isEnabled()  # no name asked for
            qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
            # The click returned while the demo is still being made: on a worker, behind a progress dialog.
            seen["on_worker"] = dialog.isVisible() and not dialog.buttons.isEnabled()
            seen["progress"] = isinstance(dialog.demo_task.dialog, QProgressDialog)
        except BaseException:
            dialog.reject()  # a failed step must not leave a modal dialog blocking the test run
            raise

    QTimer.singleShot(0, act)
    window = started(qtbot, [])
    assert isinstance(window, MainWindow)
    try:
        assert seen == {"on_worker": True, "progress": True}
        assert window.store.is_demo and window.is_district and "【示例数据】" in window.windowTitle()
        assert not target.exists()  # the demo is no database of the clerk's
    finally:
        _forget_demo(window)


def test_the_help_menu_opens_the_demo_in_place_of_the_window(qtbot, unit_db):
    from PySide6.QtGui import QAction

    first = MainWindow(unit_db)
    qtbot.addWidget(first)
    first.show()
    first.findChild(QAction, "help_demo").trigger()
    assert first.isVisible()  # the trigger returned at once: the demo is made on a worker

    def demo_window() -> MainWindow | None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        return next((w for w in shown if w.store.is_demo), None)

    qtbot.waitUntil(lambda: demo_window() is not None, timeout=120_000)
    demo = demo_window()
    assert demo is not None
    qtbot.addWidget(demo)
    try:
        assert not first.isVisible() and "【示例数据】" in demo.windowTitle()
    finally:
        _forget_demo(demo)
