"""Live data: the window notices when its database changes underneath it (issue 12, item 8).

Another connection may write to the open file: a second window of the same database, a tool that
writes while the window is open. Once a second the window asks its own connection whether anyone
else committed (``Store.changed_elsewhere``, SQLite's ``PRAGMA data_version``: SQL stays in store/);
if so it announces a :class:`~.changes.Changes` of everything, and every page that shows data
reloads through ``window.watch`` as after any other change.

Two moments wait for the next tick instead of refreshing: while a figure is being typed (the
clerk's half-typed number stays as it is), and while one of the window's own operations that write
runs — that operation announces what it changed when it is over, and the window then takes its
commits as seen (``MainWindow._task_finished``; a write by someone else in those same seconds
refreshes with it only as far as the operation's changes reach; the next outside write refreshes
everything). Workers that only read (the year reports, the chart's history) never hold the poll up.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from ..common.changes import EVERYTHING

POLL_MS = 1000  # once a second: a PRAGMA on the window's own connection costs microseconds


class LiveData(QObject):
    """Polls the window's connection and announces the changes made by others."""

    def __init__(self, window, interval: int = POLL_MS):
        super().__init__(window)
        self.window_ = window
        self.refreshes = 0  # how many outside changes were announced (the status bar says so too)
        self.timer = QTimer(self)
        self.timer.setInterval(interval)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _editing(self) -> bool:
        form = self.window_.page("form")
        delegate = getattr(form, "delegate", None)
        return delegate is not None and delegate.open_editor() is not None

    def poll(self) -> bool:
        """Announce the changes made elsewhere since the last look; True when there were some."""
        window = self.window_
        if getattr(window, "_closed", False) or self._editing():
            return False
        if window.writing():  # the window's own write: it announces its changes itself when it is over
            return False
        try:
            changed = window.store.changed_elsewhere()
        except Exception:  # the file went away or is being replaced: the next action reports it plainly
            return False
        if not changed:
            return False
        self.refreshes += 1
        window.announce(EVERYTHING, origin=self)
        window.statusBar().showMessage(self.tr("数据库已在别处更新，已刷新显示。"), 5000)
        return True


def install(window) -> None:
    """Every window watches its database (``window.live``)."""
    window.live = LiveData(window)
