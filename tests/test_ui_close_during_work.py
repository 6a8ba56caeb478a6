"""Closing the window while a job runs (issue 24, item 7): whatever the job sends afterwards is ignored.

The window closes its store when it closes; a job's queued signals (its result, its end) may reach the GUI
thread after that. Each kind of job is held on its worker until the window is closed, then let go; the events
it queued are processed: no slot may touch the closed store. pytest-qt fails a test on an exception raised in a
slot (it captures ``sys.excepthook``): ``test_an_exception_in_a_slot_fails_a_test`` shows it does here.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, Signal

from tests.ui_form_support import idle
from xz_desktop.services.imports import import_file
from xz_desktop.services.packages.merge import merge_files
from xz_desktop.ui.common import settings, tasks
from xz_desktop.ui.common.changes import Changes
from xz_desktop.ui.common.operations import StoreOp
from xz_desktop.ui.imports import actions as import_actions
from xz_desktop.ui.main_window import MainWindow
from xz_desktop.ui.totals import year_reports

from .test_package_support import craft, district

HOLD = 30  # seconds a held job waits at most (it is let go as soon as the window is closed)


@pytest.fixture(autouse=True)
def _settings(tmp_path):
    settings.use_folder(tmp_path / "settings")


@pytest.fixture
def window(qtbot, tmp_path):
    window = MainWindow(district(tmp_path))
    qtbot.addWidget(window)
    window.show()
    idle(qtbot, window)
    yield window
    window.close()


def close_then_deliver(qtbot, window: MainWindow, task: tasks.Task, release: threading.Event) -> None:
    """Close the window while ``task`` is held, let it go, and process everything it queued."""
    assert task.outcome is None, "the job must still be running when the window closes"
    window.close()
    release.set()
    # ``tasks.start`` forgets the task in the last slot of its end signal: once it is gone, every signal the job
    # sent (progress, result, end) has been delivered to whoever was still listening.
    qtbot.waitUntil(lambda: task.outcome is not None and task not in tasks._running, timeout=HOLD * 1000)


def test_closing_during_an_import_through_the_menu(qtbot, window, tmp_path, monkeypatch):
    csv = tmp_path / "v.csv"
    csv.write_text("unit,indicator,period,value,explanation\nxincheng,phd,2024,12,\n", encoding="utf-8")
    release, written = threading.Event(), threading.Event()

    def held_import(*args, **kwargs):
        result = import_file(*args, **kwargs)  # written through the worker's own connection
        written.set()
        release.wait(HOLD)  # the window closes as the import ends
        return result

    monkeypatch.setattr(import_actions, "import_file", held_import)
    import_actions.import_csv(window, str(csv))
    [task] = window.tasks
    qtbot.waitUntil(written.is_set, timeout=HOLD * 1000)
    close_then_deliver(qtbot, window, task, release)
    assert task.outcome == "succeeded" and getattr(window, "last_import", None) is None  # nothing delivered


@pytest.mark.parametrize("fails", [False, True], ids=["merged", "failed"])
def test_closing_during_a_merge(qtbot, window, tmp_path, fails):
    package = craft(tmp_path / "a.xzpkg", [("academician_workstation", "2023", 2.0, 1)])
    release, written = threading.Event(), threading.Event()
    delivered: list[object] = []

    def op(store, progress):
        results = merge_files(store, [package], progress=progress)
        written.set()
        release.wait(HOLD)  # the window closes as the merge ends
        if fails:
            raise RuntimeError("after the merge")  # a failure after a write: the window would reload and say so
        return results

    task = (
        StoreOp(window, "…", op, changes=Changes(figures=True, packages=True, conflicts=True))
        .success(delivered.append)
        .failure(delivered.append)
        .run_in_background()
    )
    qtbot.waitUntil(written.is_set, timeout=HOLD * 1000)
    close_then_deliver(qtbot, window, task, release)
    assert task.outcome == ("failed" if fails else "succeeded") and delivered == []


def test_closing_while_a_year_report_is_computed(qtbot, window, monkeypatch):
    release = threading.Event()
    real = year_reports.year_report

    def held(store, year, **kwargs):
        release.wait(HOLD)
        return real(store, year, **kwargs)

    monkeypatch.setattr(year_reports, "year_report", held)
    shown: list[object] = []
    year_reports.reports_of(window).request(2023, False, shown.append)
    [task] = window.tasks
    close_then_deliver(qtbot, window, task, release)
    assert task.outcome == "succeeded" and shown == []


@pytest.mark.parametrize("fails", [False, True], ids=["result", "failure"])
def test_closing_during_any_quiet_job(qtbot, window, fails):
    """Every other worker of the window (a chart's history) runs as ``run_quietly``: its result or its failure."""
    release = threading.Event()
    delivered: list[object] = []

    def job(progress):
        release.wait(HOLD)
        if fails:
            raise RuntimeError("no history")
        return 1

    def touch_the_store(result):  # what the pages' slots do: read the window's store
        delivered.append(window.store.version())

    task = year_reports.run_quietly(window, job, touch_the_store, touch_the_store)
    close_then_deliver(qtbot, window, task, release)
    assert delivered == []


def test_a_job_asked_for_after_the_window_closed_delivers_nothing(qtbot, window):
    window.close()
    release = threading.Event()
    release.set()
    delivered: list[object] = []
    task = (
        StoreOp(window, "…", lambda store, progress: 1, changes=Changes(figures=True))
        .success(delivered.append)
        .run_in_background()
    )
    qtbot.waitUntil(lambda: task.outcome is not None and task not in tasks._running, timeout=HOLD * 1000)
    assert task.abandoned and delivered == [] and window.tasks == []


class _Emitter(QObject):
    fired = Signal()


@pytest.mark.xfail(strict=True, reason="shows that an exception in a slot fails a test here")
def test_an_exception_in_a_slot_fails_a_test(qtbot):
    emitter = _Emitter()

    def slot():
        raise RuntimeError("in a slot")

    emitter.fired.connect(slot)
    emitter.fired.emit()
