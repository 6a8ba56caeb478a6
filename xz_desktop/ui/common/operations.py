"""One way for the window to run a service: :class:`StoreOp` (after Anki's ``CollectionOp``), and :class:`Changes`.

A service call from the window runs on a worker thread with a store connection of its own
(a sqlite3 connection belongs to one thread), behind the delayed, cancellable progress
dialog of :mod:`.tasks`. A failure comes back as a translated message; a cancel as a line in
the status bar. When it is over, the window announces *what changed*, and only the pages
that show that reload::

    StoreOp(window, title, lambda store, progress: import_file(store, path, author, progress=progress),
            changes=Changes(figures=True)).success(done).run_in_background()

Pages say what they show with ``window.watch(page, Changes(figures=True), page.reload)``;
a quick edit on the window's own connection calls ``window.announce(changes, origin=page)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QObject

from ...services.progress import Progress
from ...store import Store, open_store
from .changes import NOTHING, Changes
from .tasks import Task, start, with_progress

if TYPE_CHECKING:
    from ..main_window import MainWindow

T = TypeVar("T")


class StoreOp(Generic[T]):
    """``op(store, progress)`` on a worker with its own connection to the window's database.

    ``changes`` is announced once the operation is over, also when it failed or was cancelled
    part-way (a merge keeps the packages merged before the cancel). ``success(fn)`` receives the
    result in the GUI thread; ``failure(fn)`` replaces the default message box (call
    ``window.report_failure`` from it to keep the box). ``owner`` (a dialog that asked for the
    work) receives nothing once it is destroyed, and its destruction cancels the work.
    """

    def __init__(
        self,
        window: MainWindow,
        title: str,
        op: Callable[[Store, Progress], T],
        *,
        changes: Changes = NOTHING,
        owner: QObject | None = None,
    ):
        self.window = window
        self.title = title
        self.op = op
        self.changes = changes
        self.owner = owner
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None

    def success(self, fn: Callable[[T], None]) -> StoreOp[T]:
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None]) -> StoreOp[T]:
        self._failure = fn
        return self

    def run_in_background(self) -> Task:
        window, op, changes = self.window, self.op, self.changes
        path = window.store_path

        def job(progress: Progress) -> T:
            with open_store(path) as store:  # the worker's own connection
                return op(store, progress)

        def succeeded(result: T) -> None:
            # (delivered only while the window is open: closing it abandons the task, see MainWindow.closeEvent)
            if changes:
                window.store.changed_elsewhere()  # the worker's commits: the window's cached catalog is read again
                window.announce(changes)
            if self._success is not None:
                self._success(result)

        def failed(exc: BaseException) -> None:
            if self._failure is not None:
                self._failure(exc)
            else:
                window.report_failure(exc)

        task = with_progress(window, self.title, job, succeeded, failed, owner=self.owner)
        window.track(task, changes)  # before the start: a quick job's end must not be missed
        return start(task)
