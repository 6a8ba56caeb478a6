"""The form as a Qt table model: category header lines and one line per indicator.

The model only shows a :class:`~xz_desktop.services.form.Form`; an accepted edit is handed to
``commit`` (the page writes it through the service and the undo stack), and the form that
comes back replaces the old one row by row, so a view keeps its place and only the lines
that changed repaint.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont

from ...domain.messages import XzError
from ...domain.numbers import format_typed, parse_number
from ...services.form import Form, FormRow, Status, period_label
from ..common.i18n import message_text
from . import style


class Column(IntEnum):
    NAME = 0
    MEASURE = 1
    PREVIOUS = 2
    VALUE = 3
    STATUS = 4
    EXPLANATION = 5
    REVIEW = 6  # the district's reason for returning this figure (shown for a returned period)


CODE_ROLE = Qt.ItemDataRole.UserRole + 1  # the indicator's code ("" on a header line)
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2  # the category a line belongs to
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # Status.value of the row (Qt hands str enums back as str)
NAME_ROLE = Qt.ItemDataRole.UserRole + 4  # the indicator's name, for the filter
FILLED_ROLE = Qt.ItemDataRole.UserRole + 5  # whether the row's figure is filled (a zero is; a blank is not)


def status_at(index) -> Status | None:
    """The check status of the row of ``index`` (any model over ours), None on a header line."""
    value = index.data(STATUS_ROLE)
    return Status(value) if value else None


Line = FormRow | str  # a str is a category header
Commit = Callable[[FormRow, Column, object], bool]


def _lines(form: Form | None) -> list[Line]:
    lines: list[Line] = []
    for group, rows in form.groups() if form else []:
        lines.append(group)
        lines.extend(rows)
    return lines


def _translate_group(group: str) -> str:
    # Categories are catalog data (Chinese); only the program's own group name is translated.
    return QCoreApplication.translate("form", group)


class FormModel(QAbstractTableModel):
    """Lines of a form; edits go to ``commit(row, column, value) -> bool``."""

    refused = Signal(str)  # a typed text that is not a number: the reason
    form_changed = Signal()  # a new form or new figures: summary lines refresh

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form: Form | None = None
        self._lines: list[Line] = []
        self.commit: Commit | None = None
        self._bold: QFont | None = None

    # -- contents -------------------------------------------------------
    def set_form(self, form: Form | None) -> None:
        """Show ``form``; the same unit, period and rows update in place, anything else resets."""
        lines = _lines(form)
        same_shape = (
            self.form is not None
            and form is not None
            and self.form.unit.code == form.unit.code
            and self.form.period == form.period
            and len(lines) == len(self._lines)
            and all(_key(a) == _key(b) for a, b in zip(lines, self._lines))
        )
        if not same_shape:
            self.beginResetModel()
            self.form, self._lines = form, lines
            self.endResetModel()
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        else:
            old = self._lines
            self.form, self._lines = form, lines
            last = len(Column) - 1
            # One signal per run of changed lines: the view repaints only those.
            start = None
            for n, (a, b) in enumerate(zip(old, lines)):
                if a != b and start is None:
                    start = n
                if a == b and start is not None:
                    self.dataChanged.emit(self.index(start, 0), self.index(n - 1, last))
                    start = None
            if start is not None:
                self.dataChanged.emit(self.index(start, 0), self.index(len(lines) - 1, last))
        self.form_changed.emit()

    def line(self, row: int) -> Line | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def form_row(self, row: int) -> FormRow | None:
        line = self.line(row)
        return line if isinstance(line, FormRow) else None

    def row_of(self, code: str) -> int:
        return next((n for n, line in enumerate(self._lines) if isinstance(line, FormRow) and line.code == code), -1)

    def is_header(self, row: int) -> bool:
        return isinstance(self.line(row), str)

    # -- Qt model -------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            period = message_text(period_label(self.form.period)) if self.form else ""
            previous = message_text(period_label(self.form.previous_period)) if self.form else ""
            return {
                Column.NAME: self.tr("指标"),
                Column.MEASURE: self.tr("单位"),
                Column.PREVIOUS: self.tr("上期（{period}）").format(period=previous) if previous else self.tr("上期"),
                Column.VALUE: self.tr("本期（{period}）").format(period=period) if period else self.tr("本期"),
                Column.STATUS: self.tr("审核"),
                Column.EXPLANATION: self.tr("说明"),
                Column.REVIEW: self.tr("区里退回意见"),
            }[Column(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (Column.PREVIOUS, Column.VALUE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        row = self.form_row(index.row())
        if row is None:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        locked = self.form is not None and self.form.locked  # accepted by the district: read-only
        if row.editable and not locked and index.column() in (Column.VALUE, Column.EXPLANATION):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        line = self.line(index.row())
        if line is None:
            return None
        if isinstance(line, str):
            return self._header_data(line, index.column(), role)
        return self._row_data(line, Column(index.column()), role)

    def _header_data(self, group: str, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole and column == Column.NAME:
            return _translate_group(group)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(style.GROUP_BACK)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(style.GROUP_TEXT)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == GROUP_ROLE:
            return group
        if role == CODE_ROLE:
            return ""
        return None

    def _row_data(self, row: FormRow, column: Column, role: int):
        status = row.status
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, status)
        if role == Qt.ItemDataRole.EditRole:
            if column == Column.VALUE:
                return format_typed(row.value, grouping=False)
            if column == Column.EXPLANATION:
                return row.explanation
            return self._display(row, column, status)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (Column.PREVIOUS, Column.VALUE):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == Column.MEASURE:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.STATUS:
            return style.status_icon(status)
        if column == Column.REVIEW and row.return_reason:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(style.ERROR_TEXT)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(style.RETURNED_BACK)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.STATUS:
                return QBrush(style.status_colour(status))
            if column == Column.PREVIOUS or not row.editable:
                return QBrush(style.MUTED_TEXT)
            if column == Column.VALUE and status is Status.ERROR:
                return QBrush(style.ERROR_TEXT)
            if column == Column.EXPLANATION and status is Status.WARNING:
                return QBrush(style.WARNING_TEXT)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if column in (Column.VALUE, Column.STATUS) or (column == Column.EXPLANATION and status is Status.WARNING):
                return style.status_background(status)
            return QBrush(style.DERIVED_BACK) if not row.editable else None
        if role == Qt.ItemDataRole.FontRole:
            if not row.editable or (column == Column.EXPLANATION and status is Status.WARNING and not row.explanation):
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.indicator.name} {self._display(row, column, status)}"
        if role == CODE_ROLE:
            return row.code
        if role == NAME_ROLE:
            return row.indicator.name
        if role == GROUP_ROLE:
            return row.group
        if role == STATUS_ROLE:
            return status.value
        if role == FILLED_ROLE:
            return row.value is not None
        return None

    def _display(self, row: FormRow, column: Column, status: Status) -> str:
        if column == Column.NAME:
            return row.indicator.name
        if column == Column.MEASURE:
            return row.measure
        if column == Column.PREVIOUS:
            return row.shown(row.previous)
        if column == Column.VALUE:
            return row.shown(row.value)
        if column == Column.STATUS:
            return style.status_text(status)
        if column == Column.EXPLANATION:
            if not row.explanation and status is Status.WARNING:
                return self.tr("（请填写说明）")
            return row.explanation
        if column == Column.REVIEW:
            return row.return_reason
        return ""

    def _tooltip(self, row: FormRow, column: Column) -> str | None:
        lines = [message_text(f.message) for f in row.findings]
        if row.return_reason:
            lines.append(self.tr("区里退回意见：{reason}").format(reason=row.return_reason))
        if column == Column.NAME or not lines:
            ind = row.indicator
            about = [self.tr("代码：{code}").format(code=ind.code)]
            if not row.editable:
                about.append(self.tr("由本单位填报的数值自动计算，不能直接填写"))
            if ind.note:
                about.append(ind.note)
            if column == Column.NAME:
                return "\n".join(about + lines)
        return "\n".join(lines) if lines else None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.form_row(index.row())
        if row is None or role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        column = Column(index.column())
        if column == Column.VALUE:
            try:
                value = value if isinstance(value, float) else parse_number(value, row.indicator.entry_measure)
            except XzError as exc:
                self.refused.emit(message_text(exc.message))
                return False
            if value == row.value:  # None == None; 0.0 != None: a blank and a zero differ
                return True
        else:
            value = "" if value is None else str(value).strip()
            if value == row.explanation:
                return True
        return bool(self.commit(row, column, value)) if self.commit else False


def _key(line: Line) -> str:
    return f"#{line}" if isinstance(line, str) else f"{line.group}/{line.code}"
