"""Widgets shared by the pages: a read-only table of rows, a year chooser."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from ...store import Store
from .period_choice import fill_period_box

CONTENTS_PRECISION = 100  # rows a column's width is measured on (Qt's default: 1,000)


def read_only_table(parent: QWidget, model: QAbstractItemModel) -> QTableView:
    """A table of whole rows, one selected at a time, columns sized to their content."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Sized from the first rows, not a thousand: with 1,300 units every change asked each cell of every column.
    view.horizontalHeader().setResizeContentsPrecision(CONTENTS_PRECISION)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def fill_year_box(box: QComboBox, store: Store, chosen: str) -> None:
    """Every year with figures plus every plan's years, showing the window's ``chosen`` period's year."""
    from ...services import pivot  # the pages with a year chooser need it, not the window's start

    years = {y for plan in store.plans() for y in plan.years}
    fill_period_box(box, sorted(set(pivot.years_with_data(store)) | years), chosen)


def available_area(widget: QWidget) -> QRect:
    """The screen area a window of ``widget`` may take (the screen it is on, less the taskbar)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 728)


# What a window's frame adds to its client area (title bar and borders), before the frame exists to ask.
FRAME_ALLOWANCE = QSize(16, 40)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Size ``widget`` as ``width`` × ``height`` at most, and keep it (frame included) within the available
    screen: an office screen of 1024×768 shows every button without maximising."""
    area = available_area(widget)
    size = QSize(
        min(width, area.width() - FRAME_ALLOWANCE.width()), min(height, area.height() - FRAME_ALLOWANCE.height())
    )
    widget.resize(size.expandedTo(widget.minimumSize()).boundedTo(area.size()))
    keep_on_screen(widget)


def keep_on_screen(widget: QWidget) -> None:
    """Bring a window (a remembered geometry from a larger monitor) inside the available screen."""
    area = available_area(widget)
    size = widget.size().boundedTo(area.size() - FRAME_ALLOWANCE)
    if size != widget.size():
        widget.resize(size)
    x = min(max(widget.x(), area.left()), area.right() + 1 - widget.width() - FRAME_ALLOWANCE.width())
    y = min(max(widget.y(), area.top()), area.bottom() + 1 - widget.height() - FRAME_ALLOWANCE.height())
    widget.move(max(x, area.left()), max(y, area.top()))
