"""A QAbstractTableModel over the pandas units × indicators table of one period."""

from __future__ import annotations

import unicodedata
from typing import cast

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...domain.numbers import format_number
from ...services.pivot import UnitTable

NA = QColor("#ededed")
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
# A column header's name wraps at this many half-width places (a Chinese character is two) over at most
# HEADER_LINES lines, then its measure: a centred one-line name wider than the column lost both its ends.
HEADER_PLACES = 14
HEADER_LINES = 3


def wrap_header(name: str, places: int = HEADER_PLACES, lines: int = HEADER_LINES) -> str:
    """``name`` in lines of at most ``places`` (Chinese characters count two); … where it is longer still."""
    out: list[str] = []
    line, used = "", 0
    for ch in name:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > places:
            out.append(line)
            line, used = "", 0
        line, used = line + ch, used + w
    out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][:-1] + "…"
    return "\n".join(out)


class PivotModel(QAbstractTableModel):
    """Units down (全区 last), entered indicators across, figures in the entry measure."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table: UnitTable | None = None

    def set_table(self, table: UnitTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.units) + 1

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.indicators)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        t = self.table
        if t is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            ind = t.indicators[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{wrap_header(ind.name)}\n（{ind.entry_measure}）"
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{ind.category} · {ind.name}（{ind.code}）"
            if role == CODE_ROLE:
                return ind.code
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("PivotModel", "全区")
                if section == len(t.units)
                else t.unit_names[t.units[section]]
            )
        return None

    def _decimals(self, column: int) -> int:
        ind = cast(UnitTable, self.table).indicators[column]  # asked only of a table shown
        return ind.decimals if ind.display_factor == 1 else 0

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        t = self.table
        code = t.indicators[index.column()].code
        total = index.row() == len(t.units)
        unit = None if total else t.units[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = t.district.get(code) if total else t.value(unit, code)
            return "" if value is None else format_number(value, self._decimals(index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and not total and (unit, code) not in t.applicable:
            return NA  # the unit does not report this indicator
        if role == Qt.ItemDataRole.FontRole and total:
            font = QFont()
            font.setBold(True)
            return font
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and not total
            and (unit, code) in t.applicable
            and t.value(unit, code) is None
        ):
            return QCoreApplication.translate("PivotModel", "未填报")
        return None
