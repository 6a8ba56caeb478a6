"""帮助 → 用户指南 and 帮助 → 快捷键: the user guide (docs/*.md) read inside the program, and the
window's keyboard shortcuts, listed from the window's own actions so the list cannot go stale.

The guide is the same Markdown the project keeps in docs/ (shipped beside the program: paths.docs_dir),
shown by ``QTextBrowser``: pictures are found next to the page, a link to another page of the guide
opens it here, a web link opens in the browser.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...paths import docs_dir

# The guide's pages in reading order: a clerk's first, then the district's, then the IT staff's.
GUIDE: tuple[str, ...] = (
    "window.md",
    "excel.md",
    "totals.md",
    "packages.md",
    "round.md",
    "plan.md",
    "trust.md",
    "levels.md",
    "catalog.md",
    "exchange.md",
    "install.md",
)
# Pages of docs/ written for the program's developers, not its users: not in the guide.
FOR_DEVELOPERS: tuple[str, ...] = ("ARCHITECTURE.md", "performance.md")


class GuidePage(NamedTuple):
    file: str  # the file's name in docs/
    title: str  # its first heading


def page_title(path: Path) -> str:
    """The page's first ``# `` heading (the file's name when it has none)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def guide_pages(folder: Path | None = None) -> list[GuidePage]:
    """The guide's pages that are present in ``folder`` (docs/), in :data:`GUIDE` order."""
    folder = folder or docs_dir()
    return [GuidePage(name, page_title(folder / name)) for name in GUIDE if (folder / name).is_file()]


def plain_text(text: str) -> str:
    """A menu text without its mnemonic and ellipsis: “导出 Excel 汇总表(&X)…” → “导出 Excel 汇总表”."""
    text = re.sub(r"\(&[^&]\)", "", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("…").rstrip(".").strip()


class HelpWindow(QDialog):
    """The guide: the page list on the left, the page on the right."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("xz-desktop 用户指南"))
        self.folder = (folder or docs_dir()).resolve()
        self.pages = QListWidget(self)
        self.pages.setObjectName("help_pages")
        for page in guide_pages(self.folder):
            item = QListWidgetItem(page.title, self.pages)
            item.setData(Qt.ItemDataRole.UserRole, page.file)
            item.setToolTip(page.file)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("help_browser")
        self.browser.setOpenLinks(False)  # every link goes through _follow: pages here, the web outside
        self.browser.setSearchPaths([str(self.folder)])
        self.browser.anchorClicked.connect(self._follow)
        self.browser.sourceChanged.connect(self._source_changed)
        back = QPushButton(self.tr("后退(&B)"), self)
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        self.note = QLabel(self)
        self.note.setObjectName("help_note")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        split = QSplitter(self)
        split.addWidget(self.pages)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([220, 760])
        bottom = QHBoxLayout()
        bottom.addWidget(back)
        bottom.addWidget(self.note, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.pages.currentItemChanged.connect(self._chosen)
        self.resize(1000, 700)
        if self.pages.count():
            self.pages.setCurrentRow(0)
        else:  # a damaged installation: say so rather than show an empty window
            self.browser.setPlainText(
                self.tr("找不到用户指南（{folder}）。请重新安装程序。").format(folder=self.folder)
            )

    def _chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if item is not None:
            self.show_page(self._file_of(item))

    @staticmethod
    def _file_of(item: QListWidgetItem) -> str:
        return str(item.data(Qt.ItemDataRole.UserRole))

    def current_file(self) -> str:
        """The file name (in docs/) of the page shown."""
        return Path(self.browser.source().toLocalFile()).name

    def show_page(self, name: str, fragment: str = "") -> None:
        """Show docs/``name`` (scrolled to ``fragment`` when given)."""
        url = QUrl.fromLocalFile(str(self.folder / name))
        if fragment:
            url.setFragment(fragment)
        if self.browser.source().toLocalFile() != url.toLocalFile():
            self.browser.setSource(url)
        elif fragment:
            self.browser.scrollToAnchor(fragment)
        self.note.clear()

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        if url.isRelative() and not url.path():  # "#anchor" on the page shown
            self.browser.scrollToAnchor(url.fragment())
            return
        target = self.browser.source().resolved(url)
        path = Path(target.toLocalFile()).resolve()
        if path.parent == self.folder and path.suffix == ".md" and path.is_file():
            self.show_page(path.name, target.fragment())
        else:  # the program's source files and the like: not part of the guide
            self.note.setText(self.tr("该链接指向程序的源文件，不在用户指南中：{target}").format(target=url.toString()))

    def _source_changed(self, url: QUrl) -> None:
        name = Path(url.toLocalFile()).name
        for row in range(self.pages.count()):
            item = self.pages.item(row)
            if self._file_of(item) == name and self.pages.currentRow() != row:
                self.pages.blockSignals(True)
                self.pages.setCurrentRow(row)
                self.pages.blockSignals(False)


class ShortcutRow(NamedTuple):
    where: str  # the menu path (“汇总”) or the page the action belongs to
    command: str  # the action's text without mnemonic
    keys: str  # its shortcuts, as the keyboard shows them


def _keys(action: QAction) -> str:
    return "、".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty())


def shortcut_rows(window: QMainWindow) -> list[ShortcutRow]:
    """Every action of ``window`` that has a shortcut: those of the menus in menu order, then the pages' own."""
    rows: list[ShortcutRow] = []
    seen: set[QAction] = set()

    def walk(menu: QMenu, path: list[str]) -> None:
        for action in menu.actions():
            seen.add(action)
            if action.isSeparator() or not action.isVisible():
                continue
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, [*path, plain_text(action.text())])
            elif _keys(action):
                rows.append(ShortcutRow(" → ".join(path), plain_text(action.text()), _keys(action)))

    for top in window.menuBar().actions():
        sub = top.menu()
        if top.isVisible() and isinstance(sub, QMenu):
            walk(sub, [plain_text(top.text())])
    pages = getattr(window, "pages", None)
    for action in window.findChildren(QAction):
        if action in seen or not _keys(action) or not action.text():
            continue
        where = QCoreApplication.translate("help_window", "窗口")
        owner = action.parent()
        while isinstance(owner, QWidget) and pages is not None:
            index = pages.indexOf(owner)
            if index >= 0:
                where = pages.tabText(index)
                break
            owner = owner.parentWidget()
        rows.append(ShortcutRow(where, plain_text(action.text()), _keys(action)))
    return rows


class ShortcutsDialog(QDialog):
    """帮助 → 快捷键: a table of :func:`shortcut_rows`."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setWindowTitle(self.tr("快捷键"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels([self.tr("菜单或页面"), self.tr("命令"), self.tr("快捷键")])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hint = QLabel(
            self.tr("菜单和按钮上括号里的字母：按住 Alt 再按该字母即可打开菜单或按下按钮，例如 Alt+F 打开“文件”菜单。"),
            self,
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def rows(self) -> list[ShortcutRow]:
        """What the table shows, row by row."""

        def text(r: int, c: int) -> str:
            item = self.table.item(r, c)
            return item.text() if item is not None else ""

        return [ShortcutRow(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.table.rowCount())]
