"""One aggregation of a year, computed on a worker and shared by the 汇总 and 分单位数据 pages.

At province scale a year's totals take seconds: the window must neither compute them while it
is built nor freeze while they are computed. :class:`YearReports` runs
``services.pivot.year_report`` on a worker thread with its own connection (no progress dialog:
the page stays usable and shows the figures when they arrive) and keeps the last reports, keyed
by year, 沿用上期 and the database's version, so the second page asking for the same year gets
the first page's aggregation at once. Any write to the database (this window's connection or
another one, e.g. a worker's merge) changes the version, so a stale report is never shown.
Totals computed here are kept in the database (``services.kept_totals.keep_totals``, from the GUI thread's
connection: the worker's is read-only) for the next to ask, this window or ``xz totals``.

:class:`LazyPage` is the other half: a page that computes only when it is visible; a change
announced while it is hidden marks it stale and it reloads when it is next shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ...domain.periods import Period
from ...services.kept_totals import keep_totals
from ...services.pivot import YearReport, year_report
from ..common.changes import NOTHING
from ..common.tasks import Task, start

if TYPE_CHECKING:
    from ..main_window import MainWindow

KEEP = 4  # reports kept (years back and forth): each holds the totals and the table only, ≈10 MB at province scale


class ReportKey(NamedTuple):
    year: int
    carry_forward: bool
    version: tuple[int, int]


def store_version(window: MainWindow) -> tuple[int, int]:
    """Changes when anyone writes the database: this connection's writes, or another connection's commits."""
    return window.store.version()


class YearReports(QObject):
    """The window's year reports; ask with :meth:`request`."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self._done: dict[ReportKey, YearReport] = {}
        self._waiting: dict[ReportKey, list[Callable[[YearReport], None]]] = {}

    def cached(self, year: int, carry_forward: bool) -> YearReport | None:
        """The report of ``year`` if it is computed for the database as it is now."""
        return self._done.get(ReportKey(year, carry_forward, store_version(self.window_)))

    def request(
        self,
        year: int,
        carry_forward: bool,
        deliver: Callable[[YearReport], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``deliver(report)`` in the GUI thread: at once when it is computed, else when the worker is done."""
        key = ReportKey(year, carry_forward, store_version(self.window_))
        report = self._done.get(key)
        if report is not None:
            deliver(report)
            return
        if key in self._waiting:
            self._waiting[key].append(deliver)
            return
        self._waiting[key] = [deliver]
        window = self.window_
        path = window.store_path

        def job(progress: Any) -> YearReport:
            from ...store import open_store

            _table_modules()
            with open_store(path, read_only=True) as store:  # the worker's own connection
                return year_report(store, year, carry_forward=carry_forward)

        def succeeded(result: YearReport) -> None:
            self._done[key] = result
            while len(self._done) > KEEP:
                self._done.pop(next(iter(self._done)))
            waiting = self._waiting.pop(key, [])
            if key.version != store_version(window):
                # Written while it was computed: this report may be older than one already shown (two workers
                # of one year finish in any order), so each page asks again for the database as it is now.
                result.to_keep = None  # and its totals are not kept
                for fn in waiting:
                    self.request(year, carry_forward, fn, failed)
                return
            keep(window, result, key)
            for fn in waiting:
                fn(result)

        def failure(exc: BaseException) -> None:
            self._waiting.pop(key, None)
            (failed or window.report_failure)(exc)

        run_quietly(window, job, succeeded, failure)


def _table_modules() -> None:
    """numpy and pandas (the units × indicators table's), imported before the first report is computed, without the
    source lines PySide6's import hook reads of each module imported while it is installed (``inspect.getsource``,
    cached by ``linecache``: ≈33 MB for numpy and pandas at the window's peak, which nothing of ours reads)."""
    import sys

    if "pandas" in sys.modules:
        return
    import linecache

    import numpy  # noqa: F401
    import pandas  # noqa: F401

    linecache.clearcache()


def keep(window: MainWindow, report: YearReport, key: ReportKey) -> None:
    """Keep a report's computed totals in the window's database (derived rows: the store's version stays)."""
    texts, report.to_keep = report.to_keep, None  # the report is kept in memory without its texts
    if texts is not None:
        period = Period(key.year)
        keep_totals(window.store, period, key.carry_forward, texts.rows, table=texts.table, computed_at=key.version)


def run_quietly(
    window: MainWindow, job: Callable[[Any], Any], on_success: Callable[[Any], None], on_failure: Callable[[Any], None]
) -> Task:
    """``job`` on a worker without a progress dialog, tracked by the window (closing it cancels the job)."""
    task = Task(job)

    def alive(slot: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(arg: Any) -> None:
            # A window closed meanwhile has closed its store (and abandoned the task): nothing is delivered to it.
            if not task.abandoned and shiboken6.isValid(window) and not getattr(window, "_closed", False):
                slot(arg)

        return call

    task.signals.succeeded.connect(alive(on_success))
    task.signals.failed.connect(alive(on_failure))
    window.track(task, NOTHING)  # before the start: a quick job's end must not be missed
    return start(task)


def reports_of(window: MainWindow) -> YearReports:
    """The window's one :class:`YearReports` (made when first asked for)."""
    reports = window.year_reports
    if not isinstance(reports, YearReports):
        reports = window.year_reports = YearReports(window)
    return reports


class LazyPage:
    """For a page (a QWidget) whose ``refresh()`` is costly: run it only while the page is visible.

    ``reload()`` (what the window's watchers call) refreshes a visible page, and only marks a
    hidden one stale; ``showEvent`` refreshes a stale page when it appears.
    """

    _stale = True

    def reload(self) -> None:
        widget: QWidget = self  # type: ignore[assignment]  # mixed into QWidget subclasses
        if widget.isVisible():
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:  # pragma: no cover - every page defines it
        raise NotImplementedError

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)  # type: ignore[misc]  # QWidget's
        if self._stale:
            self._stale = False
            self.refresh()
