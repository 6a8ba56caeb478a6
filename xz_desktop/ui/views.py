"""Widgets shared by the pages: a read-only table of rows, a year chooser."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from ..domain.periods import plan_years
from ..services import pivot
from ..store import Store
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
    """Every year with figures plus the plan's years, showing the window's ``chosen`` period's year."""
    fill_period_box(box, sorted(set(pivot.years_with_data(store)) | set(plan_years())), chosen)
