"""Driving the 填报 page from the keyboard, as a clerk does (shared by the GUI tests)."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from xz_desktop.ui.form.model import Column
from xz_desktop.ui.main_window import MainWindow


def open_window(qtbot, path: Path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def cell(page, code: str, column: Column = Column.VALUE):
    """The view's index of an indicator's cell."""
    row = page.model.row_of(code)
    assert row >= 0, code
    return page.proxy.mapFromSource(page.model.index(row, column))


def editor() -> QLineEdit:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit), f"no editor has the focus ({widget!r})"
    return widget


def type_text(qtbot, widget, text: str) -> None:
    """Keys for ASCII; what an input method commits for Chinese and full-width characters."""
    for ascii_run, chars in groupby(text, key=str.isascii):
        run = "".join(chars)
        if ascii_run:
            qtbot.keyClicks(widget, run)  # QTest can only synthesise keys it knows
        elif isinstance(widget, QLineEdit):
            event = QInputMethodEvent("", [])
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
        else:  # a full-width character typed on a cell arrives as a key with text, and opens the editor
            for ch in run:
                QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch))
                widget = QApplication.focusWidget() or widget
        widget = QApplication.focusWidget() or widget  # the first key may have opened an editor


def go_to(qtbot, page, code: str, column: Column = Column.VALUE) -> None:
    page.view.setFocus()
    page.view.setCurrentIndex(cell(page, code, column))
    qtbot.waitUntil(page.view.hasFocus)


def type_in(qtbot, page, code: str, text: str, column: Column = Column.VALUE, key=Qt.Key.Key_Return) -> None:
    """Select the cell, type ``text`` over its content (typing opens the editor), press ``key``."""
    go_to(qtbot, page, code, column)
    type_text(qtbot, page.view, text[:1])  # the first key opens the editor with that key in it
    type_text(qtbot, editor(), text[1:])
    assert editor().text() == text
    qtbot.keyClick(editor(), key)


def current(page) -> tuple[str, Column]:
    """(indicator code, column) of the view's current cell."""
    index = page.proxy.mapToSource(page.view.currentIndex())
    return page.model.form_row(index.row()).code, Column(index.column())


def shown(page, code: str, column: Column = Column.VALUE) -> str:
    return cell(page, code, column).data()


def idle(qtbot, window: MainWindow, timeout: int = 20_000) -> None:
    """Until every background job of the window (a page's figures, a chart's history) has delivered."""
    qtbot.waitUntil(lambda: not window.tasks, timeout=timeout)
