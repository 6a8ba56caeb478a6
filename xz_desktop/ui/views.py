"""Widgets shared by the pages: a read-only table of rows, a year chooser."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from ..domain.periods import plan_years
from ..services import pivot
from ..store import Store


def read_only_table(parent: QWidget, model: QAbstractItemModel) -> QTableView:
    """A table of whole rows, one selected at a time, columns sized to their content."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def fill_year_box(box: QComboBox, store: Store) -> None:
    """Every year with figures plus the plan's years, keeping the current choice (at first: the latest with data)."""
    years = sorted(set(pivot.years_with_data(store)) | set(plan_years()))
    current = box.currentData() or pivot.default_year(store)
    box.blockSignals(True)  # the caller reloads once, after the box is filled
    box.clear()
    for year in years:
        box.addItem(QCoreApplication.translate("YearBox", "{year}年").format(year=year), year)
    box.setCurrentIndex(max(box.findData(current), 0))
    box.blockSignals(False)
