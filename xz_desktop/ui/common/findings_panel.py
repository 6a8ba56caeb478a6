"""审核结果: the list of findings (errors and warnings) with their reasons, the cell to fix, and a jump there.

One widget serves three places: the 填报 page (the findings of the form shown), the package dialog
(what stops the package), the district's 审核 page (the findings of the unit-period under review).
It shows :class:`~xz_desktop.services.findings.FindingItem` records the services made — no rule is
decided here — and says which one the user chose (Enter, or a click) through ``activated``; the
page it sits on knows where that cell is and goes there.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...services.findings import FindingItem, Level, counts, field_label, level_label
from ...services.form import Status, period_label
from ..form import style
from .i18n import message_text

STATUS_OF = {
    Level.ERROR: Status.ERROR,
    Level.WARNING: Status.WARNING,
    Level.UNFILLED: Status.MISSING,
    Level.EXPLAINED: Status.EXPLAINED,
}
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the FindingItem of a line


class FindingColumn(IntEnum):
    LEVEL = 0
    UNIT = 1
    PERIOD = 2
    NAME = 3
    FIELD = 4
    REASON = 5


class FindingsModel(QAbstractTableModel):
    """The lines of the list: one per finding, in the order the service gave them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[FindingItem] = []

    def set_items(self, found: Sequence[FindingItem]) -> None:
        self.beginResetModel()
        self.items = list(found)
        self.endResetModel()

    def item(self, row: int) -> FindingItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(FindingColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            FindingColumn.LEVEL: self.tr("级别"),
            FindingColumn.UNIT: self.tr("单位"),
            FindingColumn.PERIOD: self.tr("报告期"),
            FindingColumn.NAME: self.tr("指标"),
            FindingColumn.FIELD: self.tr("要改的格"),
            FindingColumn.REASON: self.tr("原因"),
        }[FindingColumn(section)]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.item(index.row())
        if item is None:
            return None
        column = FindingColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = {
                FindingColumn.LEVEL: message_text(level_label(item.level)),
                FindingColumn.UNIT: item.unit_name,
                FindingColumn.PERIOD: message_text(period_label(item.period)),
                FindingColumn.NAME: item.name,
                FindingColumn.FIELD: message_text(field_label(item.field)),
                FindingColumn.REASON: message_text(item.message),
            }[column]
            if role == Qt.ItemDataRole.ToolTipRole and column != FindingColumn.REASON:
                return None
            return text
        if role == Qt.ItemDataRole.DecorationRole and column == FindingColumn.LEVEL:
            return style.status_icon(STATUS_OF[item.level])
        if role == Qt.ItemDataRole.ForegroundRole and column == FindingColumn.LEVEL:
            return QBrush(style.status_colour(STATUS_OF[item.level]))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{message_text(level_label(item.level))} {item.name} {message_text(item.message)}"
        if role == ITEM_ROLE:
            return item
        return None


class FindingsView(QTableView):
    """Whole lines, one at a time; Enter (like a click) chooses the line under the cursor."""

    chosen = Signal(QModelIndex)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.chosen.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class FindingsPanel(QWidget):
    """A heading with the counts, and the list; ``activated`` carries the chosen FindingItem."""

    activated = Signal(object)  # FindingItem
    closed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        show_unit: bool = False,
        show_period: bool = False,
        closable: bool = False,
    ):
        super().__init__(parent)
        self.setObjectName("findings_panel")
        self.model = FindingsModel(self)
        self.view = FindingsView(self)
        self.view.setObjectName("findings_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (FindingColumn.LEVEL, 120),
            (FindingColumn.UNIT, 110),
            (FindingColumn.PERIOD, 110),
            (FindingColumn.NAME, 230),
            (FindingColumn.FIELD, 90),
        ):
            self.view.setColumnWidth(column, width)
        self.view.setColumnHidden(FindingColumn.UNIT, not show_unit)
        self.view.setColumnHidden(FindingColumn.PERIOD, not show_period)
        self.heading = QLabel(self)
        self.heading.setObjectName("findings_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel(self.tr("按回车或单击一行，转到要改的格。"), self)
        self.hint.setStyleSheet(f"color: {style.MUTED_TEXT.name()};")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading)
        top.addSpacing(12)
        top.addWidget(self.hint)
        top.addStretch(1)
        self.close_button: QToolButton | None = None
        if closable:
            self.close_button = QToolButton(self)
            self.close_button.setObjectName("findings_close")
            self.close_button.setText("×")
            self.close_button.setToolTip(self.tr("收起审核结果"))
            self.close_button.setAutoRaise(True)
            self.close_button.clicked.connect(self.closed)
            top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.view.clicked.connect(self._choose)
        self.view.chosen.connect(self._choose)
        self.set_items([])

    def set_items(self, found: Sequence[FindingItem]) -> None:
        """Show ``found`` (already in the order to read them) and say how many of each."""
        keep = self.view.currentIndex().row()  # after an edit the list is rebuilt: stay on the same line
        self.model.set_items(found)
        n = counts(found)
        if not n.total:
            text = self.tr("审核结果：没有错误或提示")
        else:
            text = self.tr("审核结果：错误 {errors} · 需说明 {warnings} · 已说明 {explained}").format(
                errors=n.errors, warnings=n.warnings, explained=n.explained
            )
            if n.unfilled:
                text += self.tr(" · 未填 {n}（填完或按 Ctrl+J 审核后算作错误）").format(n=n.unfilled)
        self.heading.setText(text)
        colour = style.ERROR_TEXT if n.errors else style.WARNING_TEXT if n.warnings else style.OK_TEXT
        self.heading.setStyleSheet(f"color: {colour.name()};")
        self.hint.setVisible(bool(n.total))
        if found:
            self.view.setCurrentIndex(self.model.index(min(max(keep, 0), len(found) - 1), FindingColumn.NAME))

    @property
    def items(self) -> list[FindingItem]:
        return self.model.items

    def focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, FindingColumn.NAME))

    def _choose(self, index: QModelIndex) -> None:
        item = self.model.item(index.row())
        if item is not None:
            self.activated.emit(item)
