"""汇总 → 单位与指标目录…: the aggregating database edits its own units and indicators' thresholds.

Three tabs: the units (name, type, contact and phone edited in place; add, retire, reactivate by
button), the indicators' thresholds (edited in place), and the history of every change. Each edit
goes through :mod:`..services.catalog_edit` on the window's own connection, then the window
announces ``Changes(catalog=True)``; a refusal is shown in the dialog, in the interface's language,
and the database is as it was. Only in an aggregating database: a unit's copy has no such entry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.catalog import Indicator, Unit
from ...domain.catalog_edits import CatalogRevision, FieldChange, label
from ...domain.timefmt import local_time
from ...services import catalog_edit
from ..common.changes import Changes
from ..common.i18n import error_lines, message_text
from ..common.rows_model import BAD, MUTED, Column, RowsModel
from ..common.views import read_only_table

if TYPE_CHECKING:
    from ..main_window import MainWindow

CATALOG = Changes(catalog=True)


@dataclass(frozen=True)
class EditColumn:
    """A column of an editable table: its header, its text, and the field an edit of it changes (None: fixed)."""

    header: str
    text: Callable[[Any], str]
    field: str | None = None


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)


class EditTableModel(QAbstractTableModel):
    """Rows (units or indicators) whose editable cells send each edit to ``commit(row, field, text)``.

    ``commit`` returns whether the edit was accepted; a refused edit leaves the cell as it was.
    """

    def __init__(
        self,
        columns: Sequence[EditColumn],
        commit: Callable[[Any, str, str], bool],
        muted: Callable[[Any], bool] = lambda row: False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._commit = commit
        self._muted = muted

    def set_rows(self, rows: Sequence[Any]) -> None:
        """The rows anew; the same rows (by code) in the same order are updated in place, so a cell being
        edited keeps its editor (a reset would close it and lose what is typed)."""
        rows = list(rows)
        if [r.code for r in rows] == [r.code for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.columns[index.column()].field is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and self._muted(row):
            return QBrush(MUTED)
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = self.columns[index.column()]
        row = self.rows[index.row()]
        text = "" if value is None else str(value).strip()
        if column.field is None or text == column.text(row):
            return False
        return self._commit(row, column.field, text)


class AddUnitDialog(QDialog):
    """新增单位: code, name, kind, contact, phone; the service checks them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新增单位"))
        self.code = QLineEdit(self)
        self.code.setObjectName("add_unit_code")
        self.code.setPlaceholderText(self.tr("小写字母、数字、下划线；市级、省级为六位行政区划代码"))
        self.name = QLineEdit(self)
        self.name.setObjectName("add_unit_name")
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("镇街（填报各镇街都报的指标）"), "geographic")
        self.kind.addItem(self.tr("部门"), "sector")
        self.contact = QLineEdit(self)
        self.phone = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("代码"), self.code)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("类别"), self.kind)
        form.addRow(self.tr("联系人"), self.contact)
        form.addRow(self.tr("电话"), self.phone)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def fields(self) -> dict[str, str]:
        return {
            "code": self.code.text().strip(),
            "name": self.name.text().strip(),
            "kind": str(self.kind.currentData()),
            "contact": self.contact.text().strip(),
            "phone": self.phone.text().strip(),
        }


class CatalogDialog(QDialog):
    """单位与指标目录: the units, the thresholds and the history of this aggregating database's catalog."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle(self.tr("单位与指标目录"))
        self.resize(1000, 620)
        self.version = QLabel(self)
        self.version.setObjectName("catalog_version")
        self.problem = QLabel(self)
        self.problem.setObjectName("catalog_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {BAD.name()}")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._units_tab(), self.tr("单位"))
        self.tabs.addTab(self._thresholds_tab(), self.tr("指标阈值"))
        self.tabs.addTab(self._history_tab(), self.tr("修改记录"))
        hint = QLabel(
            self.tr(
                "双击单元格修改。每次修改生成新的目录版本；用“汇总 → 导出目录文件”把新目录发给各单位"
                "（回执也带着现行目录）。单位代码、类别，指标的代码、汇总方式和计量单位是目录的含义，不能修改。"
            ),
            self,
        )
        hint.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.version)
        layout.addWidget(hint)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(close)
        window.watch(self, CATALOG, self.reload)
        self.reload()

    # -- the tabs ---------------------------------------------------------------------------
    def _units_tab(self) -> QWidget:
        page = QWidget(self)
        self.units = EditTableModel(
            [
                EditColumn(self.tr("代码"), lambda u: u.code),
                EditColumn(self.tr("名称"), lambda u: u.name, "name"),
                EditColumn(
                    self.tr("类别"), lambda u: self.tr("镇街") if u.kind.value == "geographic" else self.tr("部门")
                ),
                EditColumn(self.tr("类型"), lambda u: message_text(catalog_edit.unit_type_label(u.type)), "type"),
                EditColumn(self.tr("联系人"), lambda u: u.contact, "contact"),
                EditColumn(self.tr("电话"), lambda u: u.phone, "phone"),
                EditColumn(self.tr("状态"), lambda u: self.tr("在用") if u.active else self.tr("停用")),
            ],
            self._commit_unit,
            muted=lambda u: not u.active,
            parent=self,
        )
        self.units_view = self._editable_view(page, self.units)
        self.units_view.setObjectName("units_table")
        self.units_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.add_button = QPushButton(self.tr("新增单位(&A)…"), page)
        self.add_button.clicked.connect(lambda: self.add_unit())
        self.retire_button = QPushButton(self.tr("停用(&R)"), page)
        self.retire_button.setToolTip(self.tr("停用后不再计入报送情况，也不再合并它的上报包；它的数值保留"))
        self.retire_button.clicked.connect(lambda: self.set_active(False))
        self.reactivate_button = QPushButton(self.tr("恢复(&E)"), page)
        self.reactivate_button.clicked.connect(lambda: self.set_active(True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.retire_button)
        buttons.addWidget(self.reactivate_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.units_view, 1)
        layout.addLayout(buttons)
        return page

    def _thresholds_tab(self) -> QWidget:
        page = QWidget(self)
        self.indicators = EditTableModel(
            [
                EditColumn(self.tr("代码"), lambda i: i.code),
                EditColumn(self.tr("指标"), lambda i: i.name),
                EditColumn(self.tr("填报计量单位"), lambda i: i.entry_measure),
                EditColumn(self.tr("最小值"), lambda i: _number(i.min), "min"),
                EditColumn(self.tr("最大值"), lambda i: _number(i.max), "max"),
                EditColumn(self.tr("常见范围下限"), lambda i: _number(i.usual_min), "usual_min"),
                EditColumn(self.tr("常见范围上限"), lambda i: _number(i.usual_max), "usual_max"),
                EditColumn(self.tr("同比变化阈值"), lambda i: _number(i.yoy_threshold), "yoy_threshold"),
                EditColumn(self.tr("备注"), lambda i: i.note, "note"),
            ],
            self._commit_threshold,
            parent=self,
        )
        self.indicators_view = self._editable_view(page, self.indicators)
        self.indicators_view.setObjectName("thresholds_table")
        layout = QVBoxLayout(page)
        layout.addWidget(self.indicators_view, 1)
        layout.addWidget(QLabel(self.tr("数值按填报计量单位；同比变化阈值 0.3 表示 30%；清空单元格即取消该项。"), page))
        return page

    def _history_tab(self) -> QWidget:
        page = QWidget(self)
        self.history = RowsModel(
            [
                Column(self.tr("版本"), lambda r: r[0].version),
                Column(self.tr("时间"), lambda r: local_time(r[0].changed_at)),
                Column(self.tr("修改人"), lambda r: r[0].changed_by),
                Column(self.tr("单位/指标"), lambda r: r[1].code),
                Column(self.tr("项目"), lambda r: message_text(label(r[1].field))),
                Column(self.tr("旧值"), lambda r: r[1].old),
                Column(self.tr("新值"), lambda r: r[1].new),
            ],
            parent=self,
        )
        self.history_view = read_only_table(page, self.history)
        self.history_view.setObjectName("history_table")
        layout = QVBoxLayout(page)
        layout.addWidget(self.history_view)
        return page

    def _editable_view(self, parent: QWidget, model: EditTableModel) -> QTableView:
        view = read_only_table(parent, model)
        view.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked
            | QTableView.EditTrigger.EditKeyPressed
            | QTableView.EditTrigger.AnyKeyPressed
        )
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        return view

    # -- reading ----------------------------------------------------------------------------
    def reload(self) -> None:
        store = self.window_.store
        catalog = store.catalog()
        self.version.setText(self.tr("现行目录版本：{version}").format(version=catalog.version))
        current = self.units_view.currentIndex()
        self.units.set_rows(catalog.units)
        self.indicators.set_rows(catalog.indicators)
        rows: list[tuple[CatalogRevision, FieldChange]] = [
            (r, c) for r in catalog_edit.history(store) for c in r.changes
        ]
        self.history.set_rows(rows)
        if current.isValid():
            self.units_view.setCurrentIndex(self.units.index(current.row(), current.column()))
        self._update_buttons()

    def current_unit(self) -> Unit | None:
        unit: Unit | None = self.units.row_at(self.units_view.currentIndex().row())
        return unit

    def _update_buttons(self) -> None:
        unit = self.current_unit()
        self.retire_button.setEnabled(unit is not None and unit.active)
        self.reactivate_button.setEnabled(unit is not None and not unit.active)

    # -- changing ---------------------------------------------------------------------------
    def _run(self, change: Callable[[], CatalogRevision | None]) -> bool:
        """One change through the service on the window's connection; True when accepted."""
        try:
            made = change()
        except Exception as exc:  # the service refused: said in the dialog, the database unchanged
            self.problem.setText("\n".join(error_lines(exc)))
            return False
        self.problem.clear()
        if made is not None:
            self.window_.announce(CATALOG, origin=self)  # every page listing units or indicators reloads
            self.window_.update_title()
            self.reload()  # in place: the units and indicators keep their rows (see EditTableModel.set_rows)
        return True

    def _commit_unit(self, unit: Unit, field: str, text: str) -> bool:
        store = self.window_.store
        if field == "type":  # a known type typed in words (as shown) is stored as its code
            shown = {message_text(catalog_edit.unit_type_label(code)): code for code in catalog_edit.UNIT_TYPES}
            text = shown.get(text, text)
        return self._run(lambda: catalog_edit.edit_unit(store, unit.code, {field: text}))

    def _commit_threshold(self, indicator: Indicator, field: str, text: str) -> bool:
        store = self.window_.store
        return self._run(lambda: catalog_edit.set_thresholds(store, indicator.code, {field: text}))

    def add_unit(self, fields: dict[str, str] | None = None) -> bool:
        """新增单位…: ask for the unit (unless ``fields`` are given) and add it."""
        if fields is None:
            dialog = AddUnitDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            fields = dialog.fields()
        store = self.window_.store
        given = dict(fields)
        return self._run(
            lambda: catalog_edit.add_unit(
                store,
                given.get("code", ""),
                given.get("name", ""),
                kind=given.get("kind", "geographic"),
                contact=given.get("contact", ""),
                phone=given.get("phone", ""),
            )
        )

    def set_active(self, active: bool) -> bool:
        unit = self.current_unit()
        if unit is None:
            return False
        store = self.window_.store
        return self._run(lambda: catalog_edit.edit_unit(store, unit.code, {"active": "1" if active else "0"}))


def open_catalog_dialog(window: MainWindow) -> CatalogDialog:
    dialog = CatalogDialog(window)
    dialog.setObjectName("catalog_dialog")
    dialog.show()
    return dialog
