"""修改记录: every change of one figure — who, when, from what to what, by which route."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...domain.catalog import Indicator
from ...domain.numbers import format_typed
from ...domain.timefmt import local_time
from ...services.form import edit_kind
from ...store.values import AuditEntry


class HistoryModel(QAbstractTableModel):
    COLUMNS = 8

    def __init__(self, entries: list[AuditEntry], parent=None):
        super().__init__(parent)
        self.entries = list(reversed(entries))  # newest first

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._header(section)
        return None

    def _header(self, section: int) -> str:
        return (
            self.tr("时间"),
            self.tr("操作"),
            self.tr("原值"),
            self.tr("新值"),
            self.tr("原说明"),
            self.tr("新说明"),
            self.tr("修改人"),
            self.tr("来源"),
        )[section]

    def _action(self, entry: AuditEntry) -> str:
        kind = edit_kind(entry)
        return {
            "insert": self.tr("新填"),
            "update": self.tr("修改"),
            "delete": self.tr("删除"),
            "undo": self.tr("撤销"),
            "redo": self.tr("重做"),
        }.get(kind, kind)

    def _source(self, source: str) -> str:
        known = {
            "local": self.tr("本机填报"),
            "undo": self.tr("本机填报"),
            "redo": self.tr("本机填报"),
            "import": self.tr("文件导入"),
            "demo": self.tr("示例数据"),
        }
        if source in known:
            return known[source]
        if source.startswith("package"):
            return self.tr("报送包 {name}").format(name=source.partition(":")[2] or source)
        return source

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            blank = self.tr("（空白）") if role == Qt.ItemDataRole.DisplayRole else ""
            if column == 0:
                return local_time(entry.changed_at)
            if column == 1:
                return self._action(entry)
            if column == 2:
                return blank if entry.old_value is None and entry.action != "insert" else format_typed(entry.old_value)
            if column == 3:
                return blank if entry.new_value is None and entry.action != "delete" else format_typed(entry.new_value)
            if column == 4:
                return entry.old_explanation or ""
            if column == 5:
                return entry.new_explanation or ""
            if column == 6:
                return entry.changed_by
            return self._source(entry.source)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class HistoryDialog(QDialog):
    """A read-only list of one figure's changes, newest first."""

    def __init__(
        self,
        indicator: Indicator,
        unit_name: str,
        period_text: str,
        entries: list[AuditEntry],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(self.tr("修改记录 — {name}").format(name=indicator.name))
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("{unit} · {period} · {name}（{measure}）").format(
                unit=unit_name, period=period_text, name=indicator.name, measure=indicator.entry_measure
            )
        )
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.model = HistoryModel(entries, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        if not entries:
            layout.addWidget(QLabel(self.tr("这个数值还没有填写或修改过。")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setShortcut(QKeySequence(Qt.Key.Key_Escape))
        layout.addWidget(buttons)
        self.resize(860, 360)
