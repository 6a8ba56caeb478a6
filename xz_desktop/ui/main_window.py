"""The main window: one open database, its pages in tabs (each built when first shown), menus from ui/pages.py.

The window holds a lock file beside its database (``QLockFile``), so a second copy of the
program, or a second window, never edits the same file: SQLite would let both write, and
the clerk would see figures change under their hands.
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple

import shiboken6
from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QWidget,
)

from .. import __version__
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..logs import log_path
from ..services.files import FileKind
from ..services.progress import Cancelled
from ..services.versions import versions
from ..store import Store, open_store
from .common import settings
from .common.changes import NOTHING, Changes
from .common.file_dialogs import default_folder, save_path
from .common.i18n import message_text, show_error
from .common.period_choice import PeriodChoice
from .common.tasks import Task
from .common.views import fit_to_screen, keep_on_screen
from .pages import ACTIONS, PAGES, START_MODULES, Page

_locks: dict[str, list] = {}  # resolved path -> [QLockFile, windows using it] (one process may reopen)
_open_windows: set[MainWindow] = set()  # windows opened from a window: Python must keep them alive


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _holder(info: object) -> tuple[str, str]:
    """(process id, computer) of a lock's holder from ``QLockFile.getLockInfo()``.

    PySide6 returns ``(pid, hostname, appname)``; some bindings put the C++ ``bool`` first,
    ``(ok, pid, hostname, appname)``. Either way the process id is the integer, the computer after it.
    """
    parts = list(info) if isinstance(info, tuple) else []
    if parts and isinstance(parts[0], bool):
        parts = parts[1:] if parts[0] else []
    if len(parts) >= 2 and isinstance(parts[0], int):
        return str(parts[0]), str(parts[1] or "?")
    return "?", "?"


def acquire_lock(path: Path) -> str:
    """Lock ``path`` for this process; :class:`XzError` when another running copy holds it."""
    key = str(Path(path).resolve())
    if key in _locks:
        _locks[key][1] += 1
        return key
    lock = QLockFile(str(lock_path(Path(path))))
    lock.setStaleLockTime(0)  # held as long as the window is open; a crashed holder is detected by its process id
    if not lock.tryLock(200):
        if lock.error() == QLockFile.LockError.LockFailedError:
            pid, host = _holder(lock.getLockInfo())
            raise XzError(
                Message(
                    "main_window",
                    QT_TRANSLATE_NOOP(
                        "main_window",
                        "数据库 {path} 已在另一个 xz-desktop 窗口中打开（计算机 {host}，进程 {pid}）。请先关闭那个窗口，两处同时修改会互相覆盖。",
                    ),
                    {"path": str(path), "host": host or "?", "pid": pid},
                )
            )
        raise XzError(
            Message(
                "main_window",
                QT_TRANSLATE_NOOP(
                    "main_window",
                    "无法在 {folder} 中建立锁文件：文件夹只读或没有权限。请把数据库复制到可以写入的文件夹再打开。",
                ),
                {"folder": str(Path(path).parent)},
            )
        )
    _locks[key] = [lock, 1]
    return key


def release_lock(key: str) -> None:
    entry = _locks.get(key)
    if entry is None:
        return
    entry[1] -= 1
    if entry[1] <= 0:
        entry[0].unlock()
        del _locks[key]


class _Watcher(NamedTuple):
    page: QObject
    wants: Changes
    reload: Callable[[], None]


class MainWindow(QMainWindow):
    # After every announced change (pages reload through ``watch``): the changes, and the page that made them.
    changed = Signal(object, object)

    def __init__(self, store_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.store_path = Path(store_path)
        self._lock_key = acquire_lock(self.store_path)
        try:
            self.store: Store = open_store(self.store_path)  # the GUI thread's own connection
        except BaseException:
            release_lock(self._lock_key)
            raise
        self._closed = False
        self.tasks: list[Task] = []
        # Files dropped on the window: the one handler (drops.py installs it) takes them, or says why not.
        self.drop_handler: Callable[[list[Path]], list[str]] | None = None
        self.setAcceptDrops(True)
        self._watchers: list[_Watcher] = []
        self._task_changes: dict[Task, Changes] = {}
        self._menus: dict[str, QMenu] = {}
        self._help: QWidget | None = None  # 帮助 → 用户指南, made when first asked for
        # What the installed parts keep on the window, every one declared here (none is hung on it from outside;
        # tests/test_ui_pages.py checks). Typed by their Qt base: the window imports no part of itself.
        self.live: QObject | None = None  # the watch on the database (app/live.LiveData)
        self.year_reports: QObject | None = None  # a year's aggregations, shared by pages (totals/year_reports)
        # The dialog or box last opened, and the 打开所在文件夹 button last offered: tests and the window reach them.
        self.merge_dialog: QDialog | None = None
        self.export_dialog: QDialog | None = None
        self.receipt_box: QMessageBox | None = None
        self.drop_box: QMessageBox | None = None
        self.open_folder_button: QPushButton | None = None
        # The result of the last file read or written in the background (an import, an export, the annual report).
        self.last_import: object = None
        self.last_export: object = None
        self.last_report: object = None
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.setCentralWidget(self.pages)
        for key, title in (
            ("file", self.tr("文件(&F)")),
            ("entry", self.tr("填报(&E)")),
            ("district", self.tr("汇总(&D)")),
            ("help", self.tr("帮助(&H)")),
        ):
            self._menus[key] = self.menuBar().addMenu(title)
        self._build_file_menu()
        self.period_choice = PeriodChoice(
            self.store, self.store_path, self
        )  # the one period the pages show (period_choice.py)
        # The pages not shown yet: their tab holds an empty stand-in until the page is first shown or asked
        # for (``page``); its module is imported then (issue 25: the window's start).
        self._waiting: dict[str, tuple[Page, QWidget]] = {}
        self._install_pages()
        self._install_actions()
        for name in START_MODULES:
            importlib.import_module(name).install(self)
        self._finish_menus()
        self._build_status_bar()
        self.update_title()
        # 1200×780 where the screen has room, never more than its available area (1024×768 office screens).
        fit_to_screen(self, 1200, 780)
        geometry = settings.get("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
            if not self.isMaximized():
                keep_on_screen(self)  # remembered on a larger monitor
        if not self.store.is_demo:  # a demo lives in a temporary folder: not one to open again
            settings.remember_database(self.store_path)

    # -- what pages use -------------------------------------------------
    @property
    def is_district(self) -> bool:
        return self.store.is_district

    def menu(self, key: str) -> QMenu:
        """One of the menus: ``file``, ``entry``, ``district``, ``help``."""
        return self._menus[key]

    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        """The page ``key`` (its module's ``install``): in its tab when the tab is waiting for it, else a new tab."""
        widget.setObjectName(key)
        waiting = self._waiting.pop(key, None)
        if waiting is None:
            self.pages.addTab(widget, title)
            return
        stand_in = waiting[1]
        index = self.pages.indexOf(stand_in)
        current = self.pages.currentIndex()
        self.pages.blockSignals(True)  # the same tab, only its widget changes: no page is left or entered
        try:
            self.pages.insertTab(index, widget, title)
            self.pages.removeTab(index + 1)
            self.pages.setCurrentIndex(current)
        finally:
            self.pages.blockSignals(False)
        stand_in.deleteLater()

    def _install_pages(self) -> None:
        """The tabs of this copy; the first is built at once, the others when first shown."""
        copy = "district" if self.is_district else "unit"
        first = True
        for page in PAGES:
            if page.copy not in (copy, "both"):
                continue
            if first:
                importlib.import_module(page.module).install(self)
                first = False
                continue
            stand_in = QWidget(self.pages)
            stand_in.setObjectName(page.key)
            self._waiting[page.key] = (page, stand_in)
            self.pages.addTab(stand_in, QCoreApplication.translate(page.context, page.title))
        self.pages.currentChanged.connect(self._tab_shown)

    def _tab_shown(self, index: int) -> None:
        widget = self.pages.widget(index)
        if widget is not None and widget.objectName() in self._waiting:
            self._build_page(widget.objectName())

    def _build_page(self, key: str) -> None:
        page, _ = self._waiting[key]
        importlib.import_module(page.module).install(self)  # its add_page takes the stand-in's tab
        self._waiting.pop(key, None)  # (an install that added nothing leaves an empty tab, as before)

    def _install_actions(self) -> None:
        """The parts' menu entries (pages.ACTIONS), their modules imported when an entry is first triggered."""
        copy = "district" if self.is_district else "unit"
        for entry in ACTIONS:
            if entry.copy not in (copy, "both"):
                continue
            action = self.menu(entry.menu).addAction(
                QCoreApplication.translate(entry.context, entry.text), partial(self._run_action, entry.call)
            )
            if entry.shortcut:
                action.setShortcut(QKeySequence(entry.shortcut))
            if entry.name:
                action.setObjectName(entry.name)

    def _run_action(self, call: str) -> None:
        """A menu entry of pages.ACTIONS: ``page:KEY`` shows the page, ``module:function`` calls it with the window."""
        where, name = call.split(":")
        if where == "page":
            self.show_page(name)
        else:
            getattr(importlib.import_module(where), name)(self)

    def page(self, key: str) -> QWidget | None:
        """The page ``key``, built first if its tab has not been shown yet."""
        if key in self._waiting:
            self._build_page(key)
        for index in range(self.pages.count()):
            widget = self.pages.widget(index)
            if widget is not None and widget.objectName() == key:
                return widget
        return None

    def show_page(self, key: str) -> None:
        page = self.page(key)
        if page is not None:
            self.pages.setCurrentWidget(page)

    def show_error(self, exc: BaseException, title: str | None = None) -> None:
        show_error(self, exc, title)

    # -- what changed ------------------------------------------------------
    def watch(self, page: QObject, wants: Changes, reload: Callable[[], None]) -> None:
        """Call ``reload`` when an announced change touches ``wants`` (what ``page`` shows)."""
        self._watchers.append(_Watcher(page, wants, reload))

    def announce(self, changes: Changes, origin: QObject | None = None) -> None:
        """The database changed (``changes``): pages that show it reload, except ``origin``, which made it."""
        self._watchers = [w for w in self._watchers if shiboken6.isValid(w.page)]
        for watcher in list(self._watchers):
            if watcher.page is not origin and changes & watcher.wants:
                watcher.reload()
        self.changed.emit(changes, origin)

    # -- background work ------------------------------------------------------
    def report_failure(self, exc: BaseException) -> None:
        """How an operation's failure reaches the clerk: a cancel in the status bar, anything else in a box."""
        if isinstance(exc, Cancelled):  # the user asked for it: say so, no error box
            self.statusBar().showMessage(message_text(exc.message), 10000)
        else:
            self.show_error(exc)

    def track(self, task: Task, changes: Changes) -> None:
        """Keep ``task`` until it is over (closing the window cancels it); see :class:`~.operations.StoreOp`."""
        if self._closed:  # the store is closed: whatever the job brings back has nowhere to go
            task.abandoned = True
            task.cancel()
            return
        self.tasks.append(task)
        self._task_changes[task] = changes
        # A bound method of the window: Qt drops the connection if the window is gone first.
        task.signals.finished.connect(self._task_finished)

    def _task_finished(self) -> None:
        """Forget the job whose end has just reached the GUI thread (its result came first); a job
        that changed figures and then failed or was cancelled part-way (a merge keeps the packages
        already merged) still makes the pages reload."""
        sender = self.sender()
        task = next((t for t in self.tasks if t.signals is sender), None)
        if task is None or self._closed:  # a queued end after the window closed its store: nothing to do
            return
        self.tasks.remove(task)
        changes = self._task_changes.pop(task, NOTHING)
        if changes:  # the operation wrote through its own connection: those commits are the window's own
            self.store.changed_elsewhere()
        if task.outcome != "succeeded" and changes:
            self.announce(changes)

    def writing(self) -> bool:
        """Whether one of the window's own operations that write is running (a reading worker is not)."""
        return any(self._task_changes.get(t) for t in self.tasks)

    def update_title(self) -> None:
        demo = self.tr("【示例数据】") if self.store.is_demo else ""
        self.setWindowTitle(f"{demo}{self.store.describe()} — {self.store_path.name} — xz-desktop")

    # -- menus ------------------------------------------------------------
    def _build_file_menu(self) -> None:
        menu = self.menu("file")
        new = menu.addAction(self.tr("新建数据库(&N)…"), self.new_database)
        new.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        open_ = menu.addAction(self.tr("打开数据库(&O)…"), self.choose_database)
        open_.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.recent_menu = menu.addMenu(self.tr("最近打开(&R)"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()

    def _finish_menus(self) -> None:
        menu = self.menu("file")
        menu.addSeparator()
        quit_ = menu.addAction(self.tr("退出(&Q)"), self.close)
        quit_.setShortcut(
            QKeySequence(QKeySequence.StandardKey.Quit)
            if not QKeySequence(QKeySequence.StandardKey.Quit).isEmpty()
            else QKeySequence("Ctrl+Q")
        )
        quit_.setMenuRole(QAction.MenuRole.QuitRole)
        help_ = self.menu("help")
        guide = help_.addAction(self.tr("用户指南(&G)…"), self.show_guide)
        guide.setShortcut(QKeySequence("F1"))
        guide.setObjectName("help_guide")
        help_.addAction(self.tr("快捷键(&K)…"), self.show_shortcuts).setObjectName("help_shortcuts")
        help_.addAction(self.tr("打开示例数据（演示用）(&D)"), self.open_demo).setObjectName("help_demo")
        help_.addSeparator()
        language = help_.addMenu(self.tr("界面语言(&L)"))
        group = QActionGroup(self)
        current = settings.get("language")
        for code, text in (("", self.tr("跟随系统")), ("zh", "中文"), ("en", "English")):
            action = language.addAction(text)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self._language_chosen)
        help_.addSeparator()
        about = help_.addAction(self.tr("关于 xz-desktop(&A)"), self.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        for menu in self._menus.values():  # a menu no page filled (汇总 in a unit's copy) is not shown
            menu.menuAction().setVisible(any(not a.isSeparator() and a.isVisible() for a in menu.actions()))

    def _build_status_bar(self) -> None:
        where = QLabel(
            self.tr("数据库：{path} · 填报人：{author}").format(path=self.store_path, author=self.store.author), self
        )
        where.setObjectName("status_database")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(where)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in settings.get("recent/databases"):
            if Path(path).exists() and Path(path).resolve() != self.store_path.resolve():
                self.recent_menu.addAction(path, partial(self.open_database, Path(path)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    def _language_chosen(self, action: QAction) -> None:
        settings.put("language", action.data() or "")
        QMessageBox.information(self, self.tr("界面语言"), self.tr("界面语言将在下次启动程序时生效。"))

    def show_guide(self) -> None:
        """帮助 → 用户指南: the guide in its own window (one per main window, raised when open)."""
        from .app.help_window import HelpWindow

        if self._help is None or not shiboken6.isValid(self._help):
            self._help = HelpWindow(self)
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()

    def show_shortcuts(self) -> None:
        """帮助 → 快捷键: every shortcut of this window, read from its actions."""
        from .app.help_window import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("关于 xz-desktop"), self.about_text())

    def about_text(self) -> str:
        """帮助 → 关于: the program's version, every file format's (as ``xz --version``), this database, the log."""
        store = self.store
        v = versions()
        return self.tr(
            "<h3>秀洲区人才发展“十四五”规划指标填报与汇总</h3>"
            "<p>程序版本 {version}</p>"
            "<p>数据库结构版本 {schema}<br/>上报包格式版本 {package}<br/>回执格式版本 {receipt}<br/>"
            "目录文件格式版本 {catalog_format}<br/>填报模板格式版本 {template}</p>"
            "<p>当前数据库：{path}（结构版本 {db_schema}，指标目录版本 {catalog}）<br/>日志文件：{log}</p>"
        ).format(
            version=__version__,
            schema=v.schema,
            package=v.package,
            receipt=v.receipt,
            catalog_format=v.catalog,
            template=v.template,
            path=html.escape(str(self.store_path)),
            db_schema=store.schema_version(),
            catalog=store.catalog().version,
            log=html.escape(str(log_path())),
        )

    # -- other databases -----------------------------------------------------
    def choose_database(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("打开数据库"),
            str(self.store_path.parent),
            self.tr("xz-desktop 数据库 (*.sqlite *.db);;所有文件 (*)"),
        )
        if chosen:
            self.open_database(Path(chosen))

    def new_database(self) -> None:
        from .app.first_run import FirstRunDialog

        chosen = save_path(
            self,
            FileKind.DATABASE,
            self.tr("新建数据库"),
            self.tr("xz-desktop 数据库 (*.sqlite)"),
            ".sqlite",
            suggested=default_folder(FileKind.DATABASE) / self.tr("新数据库.sqlite"),
        )
        if chosen is None:
            return
        dialog = FirstRunDialog(chosen, self)
        if dialog.exec() == FirstRunDialog.DialogCode.Accepted and dialog.created:
            self.open_database(dialog.created)

    def open_demo(self) -> None:
        """帮助 → 打开示例数据: a fresh demo generated in the background, then opened in place of this window."""
        from .app.demo import make_demo

        def made(path: Path) -> None:
            self.open_database(path)

        make_demo(self, made, self.report_failure)

    def open_database(self, path: Path) -> MainWindow | None:
        """Open ``path`` in a new window and close this one; this one stays when it cannot be opened."""
        if Path(path).resolve() == self.store_path.resolve():
            return self
        try:
            window = MainWindow(path)
        except XzError as exc:
            self.show_error(exc)
            return None
        _open_windows.add(window)  # nothing else holds the new top-level window
        window.show()
        self.close()
        return window

    # -- files dropped on the window ---------------------------------------------
    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.drop_handler is not None and urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        if self.drop_handler is not None:
            self.drop_handler(paths)

    def open_dropped(self, path: Path) -> bool:
        """A file dropped on the window (:mod:`.drops`): True when this copy took it, else it says why not."""
        return self.drop_handler is not None and not self.drop_handler([Path(path)])

    def closeEvent(self, event) -> None:
        if not self._closed:
            page = self.page("form")
            if page is not None and hasattr(page, "flush"):
                page.flush()
            # Every job's signals still queued (a result, its end) are ignored from now on: the store closes here.
            for task in list(self.tasks):
                task.abandoned = True
                task.cancel()
            settings.put("window/geometry", self.saveGeometry())
            self.store.close()
            release_lock(self._lock_key)
            self._closed = True
            _open_windows.discard(self)
        super().closeEvent(event)
