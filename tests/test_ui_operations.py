"""The window's one way to run a service (ui/common/operations.StoreOp): own connection, delayed progress, messages, changes."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEvent, QObject

from tests.ui_form_support import idle, open_window, type_in
from xz_desktop.domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from xz_desktop.domain.periods import Period
from xz_desktop.services import form as service
from xz_desktop.services.progress import Cancelled
from xz_desktop.store import open_store
from xz_desktop.ui.common import settings, tasks
from xz_desktop.ui.common.changes import EVERYTHING, NOTHING, Changes
from xz_desktop.ui.common.operations import StoreOp
from xz_desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _settings(tmp_path):
    settings.use_folder(tmp_path / "settings")


@pytest.fixture
def window(qtbot, district_db):
    window = MainWindow(district_db)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def resets(page) -> list[int]:
    """How many times ``page``'s table was reloaded (each reload resets its model)."""
    count: list[int] = []
    page.model.modelReset.connect(lambda: count.append(1))
    return count


def page_shown(qtbot, window, key: str):
    """Page ``key`` shown and its figures computed (the 汇总 page computes only while visible, on a worker)."""
    window.show_page(key)
    idle(qtbot, window)
    return window.page(key)


def finished(qtbot, window, task) -> None:
    """Until the job's result and its end have reached the GUI thread (the window then forgets the job)."""
    qtbot.waitUntil(lambda: task.outcome is not None and task not in window.tasks, timeout=20_000)


def test_changes_combine_and_say_whether_they_are_empty():
    assert not NOTHING and EVERYTHING
    assert Changes(figures=True) | Changes(packages=True) == Changes(figures=True, packages=True)
    assert not (Changes(figures=True) & Changes(packages=True))
    assert Changes(figures=True, conflicts=True) & Changes(conflicts=True) == Changes(conflicts=True)


def test_the_service_runs_on_a_worker_with_its_own_connection(qtbot, window):
    seen = {}

    def op(store, progress):
        seen["thread"] = threading.current_thread()
        seen["store"] = store
        return store.values.periods()

    results = []
    task = StoreOp(window, "…", op).success(results.append).run_in_background()
    finished(qtbot, window, task)
    assert seen["thread"] is not threading.main_thread()
    assert seen["store"] is not window.store and results == [window.store.values.periods()]


def test_a_figure_change_reloads_only_the_pages_that_show_figures(qtbot, window):
    totals, log, status = (
        page_shown(qtbot, window, "totals"),
        window.page("merge_log"),
        window.page("submission_status"),
    )
    totals_resets, log_resets, status_resets = resets(totals), resets(log), resets(status)
    task = StoreOp(
        window,
        "…",
        lambda store, progress: service.set_value(store, "xincheng", "phd", Period(2024), 12),
        changes=Changes(figures=True),
    ).run_in_background()
    finished(qtbot, window, task)
    idle(qtbot, window)  # the totals are recomputed on a worker
    assert totals_resets, "the totals show figures"
    assert not status_resets and status._stale, "报送情况 (completeness) shows figures: hidden, it reloads when shown"
    assert not log_resets, "the merge log shows no figures: it must not reload on a figure change"
    window.show_page("submission_status")
    assert status_resets and not status._stale


def test_a_package_change_reloads_the_log_but_not_the_totals(qtbot, window):
    totals, log = window.page("totals"), window.page("merge_log")
    totals_resets, log_resets = resets(totals), resets(log)
    window.announce(Changes(packages=True))
    assert log_resets and not totals_resets


def test_the_page_that_made_a_change_is_not_reloaded_by_its_own_announcement(qtbot, window):
    totals = page_shown(qtbot, window, "totals")
    totals_resets = resets(totals)
    window.announce(Changes(figures=True), origin=totals)
    idle(qtbot, window)
    assert not totals_resets
    window.announce(Changes(figures=True))
    idle(qtbot, window)
    assert totals_resets


def test_an_edit_in_the_form_reloads_the_totals_and_not_the_merge_log(qtbot, district_db):
    window = open_window(qtbot, district_db)
    totals, log = window.page("totals"), window.page("merge_log")
    totals_resets, log_resets = resets(totals), resets(log)
    page = window.page("form")
    page.open_form("xincheng", "2024")
    type_in(qtbot, page, "phd", "12")
    qtbot.waitUntil(lambda: totals._stale, timeout=5_000)  # hidden: marked to recompute when shown
    assert not totals_resets
    window.show_page("totals")
    qtbot.waitUntil(lambda: bool(totals_resets), timeout=20_000)
    assert not log_resets
    with open_store(district_db) as store:
        assert store.values.get("xincheng", "phd", "2024").value == 12
    window.close()


def test_a_failure_shows_a_translated_message(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda exc, title=None: shown.append(exc))

    def refuse(store, progress):
        raise XzError(Message("tests", QT_TRANSLATE_NOOP("tests", "文件 {name} 不是上报包"), {"name": "a.txt"}))

    task = StoreOp(window, "…", refuse).run_in_background()
    finished(qtbot, window, task)
    assert len(shown) == 1 and str(shown[0]) == "文件 a.txt 不是上报包"


def test_an_unexpected_error_is_a_message_with_the_trace_in_the_details(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda exc, title=None: shown.append(exc))
    task = StoreOp(window, "…", lambda store, progress: 1 / 0).run_in_background()
    finished(qtbot, window, task)
    assert isinstance(shown[0], ZeroDivisionError) and "ZeroDivisionError" in shown[0].formatted_traceback


def test_a_cancel_part_way_is_a_status_line_and_still_reloads_what_changed(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda exc, title=None: shown.append(exc))
    totals_resets = resets(page_shown(qtbot, window, "totals"))

    def write_then_cancel(store, progress):
        service.set_value(store, "xincheng", "phd", Period(2024), 7)  # kept, like a package merged before the cancel
        raise Cancelled()

    task = StoreOp(window, "…", write_then_cancel, changes=Changes(figures=True)).run_in_background()
    finished(qtbot, window, task)
    idle(qtbot, window)
    assert not shown, "the clerk asked to stop: no error box"
    assert "已取消" in window.statusBar().currentMessage()
    assert totals_resets, "figures written before the cancel are shown"


def test_a_custom_failure_handler_replaces_the_message_box(qtbot, window, monkeypatch):
    shown, handled = [], []
    monkeypatch.setattr(window, "show_error", lambda exc, title=None: shown.append(exc))
    task = StoreOp(window, "…", lambda store, progress: 1 / 0).failure(handled.append).run_in_background()
    finished(qtbot, window, task)
    assert len(handled) == 1 and not shown


class _ShowSpy(QObject):
    def __init__(self):
        super().__init__()
        self.shown = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show:
            self.shown = True
        return False


def test_progress_appears_only_after_the_delay(qtbot, window):
    release = threading.Event()
    task = StoreOp(window, "正在测试…", lambda store, progress: release.wait(30)).run_in_background()
    spy = _ShowSpy()
    task.dialog.installEventFilter(spy)
    try:
        qtbot.wait(tasks.SHOW_AFTER_MS // 3)
        assert not spy.shown and not task.dialog.isVisible(), "a short job must not flash a dialog"
        qtbot.waitUntil(task.dialog.isVisible, timeout=10_000)
        assert task.dialog.labelText() == "正在测试…"
    finally:
        release.set()
    finished(qtbot, window, task)


def test_a_quick_job_never_shows_the_progress_dialog(qtbot, window):
    task = StoreOp(window, "…", lambda store, progress: None).run_in_background()
    spy = _ShowSpy()
    task.dialog.installEventFilter(spy)
    finished(qtbot, window, task)
    qtbot.wait(tasks.SHOW_AFTER_MS + 200)
    assert not spy.shown


def test_a_closed_dialog_receives_nothing_and_its_work_is_cancelled(qtbot, window):
    from PySide6.QtWidgets import QDialog

    owner = QDialog(window)
    release = threading.Event()
    results = []

    def op(store, progress):
        release.wait(30)
        progress.step(1, 2, "")  # raises Cancelled once the owner is gone
        return "done"

    task = StoreOp(window, "…", op, owner=owner).success(results.append).run_in_background()
    owner.deleteLater()
    qtbot.waitUntil(lambda: task.abandoned, timeout=5_000)
    release.set()
    finished(qtbot, window, task)
    assert task.outcome == "failed" and not results


def test_quick_jobs_are_all_seen_to_the_end(qtbot, window):
    # The window connects to a job before it starts: a job done at once still reaches the window.
    done = []
    for n in range(20):
        StoreOp(window, "…", lambda store, progress, n=n: n, changes=Changes(figures=True)).success(
            done.append
        ).run_in_background()
    qtbot.waitUntil(lambda: not window.tasks, timeout=20_000)
    assert sorted(done) == list(range(20))
