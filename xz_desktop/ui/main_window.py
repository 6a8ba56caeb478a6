"""The main window: one open database, its pages in tabs, menus the pages fill."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget, QWidget

from ..store import Store, open_store
from .i18n import show_error
from .pages import PAGE_MODULES
from .tasks import Task, run_with_progress


class MainWindow(QMainWindow):
    # Figures changed outside the page that shows them (an import or merge in a worker): reload.
    data_changed = Signal()

    def __init__(self, store_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.store_path = Path(store_path)
        self.store: Store = open_store(self.store_path)  # the GUI thread's own connection
        self.tasks: list[Task] = []
        self._menus: dict[str, QMenu] = {}
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.setCentralWidget(self.pages)
        for key, title in (("file", self.tr("文件(&F)")), ("entry", self.tr("填报(&E)")),
                           ("district", self.tr("汇总(&D)")), ("help", self.tr("帮助(&H)"))):
            self._menus[key] = self.menuBar().addMenu(title)
        for name in PAGE_MODULES:
            importlib.import_module(name).install(self)
        self.update_title()
        self.resize(1200, 780)

    # -- what pages use -------------------------------------------------
    @property
    def is_district(self) -> bool:
        return self.store.is_district

    def menu(self, key: str) -> QMenu:
        """One of the menus: ``file``, ``entry``, ``district``, ``help``."""
        return self._menus[key]

    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        widget.setObjectName(key)
        self.pages.addTab(widget, title)

    def page(self, key: str) -> QWidget | None:
        for index in range(self.pages.count()):
            if self.pages.widget(index).objectName() == key:
                return self.pages.widget(index)
        return None

    def show_page(self, key: str) -> None:
        page = self.page(key)
        if page is not None:
            self.pages.setCurrentWidget(page)

    def show_error(self, exc: BaseException, title: str | None = None) -> None:
        show_error(self, exc, title)

    def run_task(self, title: str, job: Callable[[Any], Any], on_success: Callable[[Any], None],
                 *, changes_data: bool = False) -> Task:
        """Run ``job(progress)`` in the background; errors are shown, data reloads if it changed."""
        def succeeded(result: Any) -> None:
            if changes_data:
                self.data_changed.emit()
            on_success(result)

        task = run_with_progress(self, title, job, succeeded, self.show_error)
        self.tasks.append(task)
        task.signals.finished.connect(lambda: self.tasks.remove(task) if task in self.tasks else None)
        return task

    def update_title(self) -> None:
        demo = self.tr("【示例数据】") if self.store.is_demo else ""
        self.setWindowTitle(f"{demo}{self.store.describe()} — {self.store_path.name} — xz-desktop")

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        for task in list(self.tasks):
            task.cancel()
        self.store.close()
        super().closeEvent(event)
