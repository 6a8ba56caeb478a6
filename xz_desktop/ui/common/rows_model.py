"""Read-only table models for the package, merge, conflict and status views.

One small :class:`RowsModel` serves every table: a list of row objects and a list of
:class:`Column` (header, how to get the text, alignment, optional colour). Views never
hold hand-filled items; they show a model that is replaced when the data is reloaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.numbers import format_typed
from ...domain.timefmt import local_time

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
GOOD, BAD, WARN, MUTED = QColor("#1b5e20"), QColor("#b71c1c"), QColor("#8a5a00"), QColor("#616161")


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    align: Qt.AlignmentFlag = LEFT
    color: Callable[[Any], QColor | None] | None = None
    tooltip: Callable[[Any], str] | None = None


class RowsModel(QAbstractTableModel):
    """Rows of plain objects shown through column definitions."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Any] = (), parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = list(rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].header
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None


def number(value: float | None, measure: str = "") -> str:
    """A figure as the clerk reads it: thousands separators, “空” for a blank."""
    if value is None:
        return QCoreApplication.translate("MergeModels", "空")
    return format_typed(value) + measure


def when(stamp: str | None) -> str:
    """A stored UTC time as ``2024-01-15 09:30`` in the clerk's local time."""
    return local_time(stamp, seconds=False)
