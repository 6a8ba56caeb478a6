"""Background work for the window: a service call on a QThreadPool thread, with progress and cancel.

The job is a plain function ``job(progress) -> result`` that opens its own database
connection (sqlite3 connections belong to one thread) and reports through
``progress.step``. Signals bring progress, the result or the error back to the GUI
thread. A progress dialog appears only if the job lasts longer than ``SHOW_AFTER_MS``
(short jobs do not flash a dialog), and its 取消 button or Esc asks the job to stop.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...domain.messages import XzError
from ...services.progress import Cancelled

SHOW_AFTER_MS = 600


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()


class _ThreadProgress:
    """The ``progress`` a job sees: forwards steps as signals, raises once cancelled."""

    def __init__(self, signals: _Signals, cancel_event: threading.Event):
        self._signals = signals
        self._cancel = cancel_event

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int, text: str = "") -> None:
        self._signals.progressed.emit(done, total, text)
        if self._cancel.is_set():
            raise Cancelled()


class Task(QRunnable):
    """One background job. Connect to ``signals`` before :func:`start`."""

    def __init__(self, job: Callable[[Any], Any]):
        super().__init__()
        self.setAutoDelete(False)  # the Task outlives run(): the GUI still reads its signals
        self.job = job
        self.signals = _Signals()
        self.cancel_event = threading.Event()
        # Set when the widget that asked for the job is destroyed, or the window that tracks it closes (its store is
        # closed): nothing the job sends is delivered after that, whenever its queued signals arrive.
        self.abandoned = False
        self.outcome: str | None = None  # "succeeded" or "failed" once run() is over

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        try:
            result = self.job(_ThreadProgress(self.signals, self.cancel_event))
        except BaseException as exc:  # every failure must reach the GUI, never kill the thread silently
            if not isinstance(exc, XzError):
                exc.formatted_traceback = traceback.format_exc()  # type: ignore[attr-defined]
            self.outcome = "failed"
            self.signals.failed.emit(exc)
        else:
            self.outcome = "succeeded"
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


_running: set[Task] = set()  # keep Python references alive while Qt runs them


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    _running.add(task)
    task.signals.finished.connect(lambda: _running.discard(task))
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def with_progress(
    parent: QWidget | None,
    title: str,
    job: Callable[[Any], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    *,
    cancellable: bool = True,
    owner: QObject | None = None,
) -> Task:
    """``job`` as a task behind a delayed, cancellable progress dialog; connect more, then :func:`start` it.

    If ``owner`` (default ``parent``) is destroyed while the job runs (a dialog closed, the
    window closed), the job is cancelled and nothing is delivered to the widgets that are gone.
    A slot connected after the start may miss a quick job's signals (they are emitted on the
    worker thread): connect first. The window runs its services through ``operations.StoreOp``.
    """
    task = Task(job)
    dialog = QProgressDialog(title, QCoreApplication.translate("tasks", "取消"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.canceled.connect(task.cancel)

    def progressed(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def finished() -> None:
        # reset() stops the dialog's own show-after timer, so it cannot pop up after the job.
        dialog.reset()
        dialog.close()
        dialog.deleteLater()

    def abandon(*_args) -> None:
        task.abandoned = True
        task.cancel()

    watched = owner if owner is not None else parent
    if watched is not None:
        watched.destroyed.connect(abandon)
    task.signals.progressed.connect(_while_alive(task, dialog, progressed))
    task.signals.succeeded.connect(_while_alive(task, watched, on_success))
    task.signals.failed.connect(_while_alive(task, watched, on_failure))
    # The dialog is closed whatever became of the job (abandoned too): it must never show after the job.
    task.signals.finished.connect(lambda: finished() if shiboken6.isValid(dialog) else None)
    task.dialog = dialog  # type: ignore[attr-defined]  # tests reach the dialog through the task
    return task


def _while_alive(task: Task, widget: QObject | None, slot: Callable[..., None]) -> Callable[..., None]:
    """``slot``, skipped once its owner was destroyed or ``widget``'s C++ object is gone."""

    def call(*args) -> None:
        if task.abandoned or (widget is not None and not shiboken6.isValid(widget)):
            return
        slot(*args)

    return call
