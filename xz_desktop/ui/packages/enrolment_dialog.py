"""单位登记 in the window: the district enrols a unit or re-keys it and saves its enrolment file; both copies
show the district key's fingerprint, which the clerk and the district read to each other on the telephone.

``services/signing/enrolment`` does the work (as for ``xz enrol``); this module only asks and shows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...domain.messages import XzError
from ...domain.timefmt import local_time
from ...services.files import FileKind
from ...services.signing.enrolment import (
    SUFFIX,
    Enrolled,
    UnitEnrolment,
    district_fingerprint,
    enrol,
    enrolments,
    fingerprint,
)
from ..common.file_dialogs import save_path
from ..common.i18n import show_error
from ..common.views import fit_to_screen


def phone_check_text(print_: str | None) -> str:
    """The fingerprint and what to do with it, the same words on both sides."""
    if print_ is None:
        return QCoreApplication.translate("enrolment_dialog", "区里密钥尚未生成：第一次登记单位时生成。")
    return QCoreApplication.translate(
        "enrolment_dialog",
        "区里密钥指纹：{print}\n"
        "单位用登记文件建好数据库后，请双方电话核对这一串字符（单位在“帮助 → 核对区里密钥”里看到同一串）。"
        "一致，说明登记文件在传递中没有被调换；不一致，请不要使用该登记文件，重新登记。",
    ).format(print=print_)


class EnrolmentDialog(QDialog):
    """The units with their keys; 登记 / 重新发放密钥 save the unit's enrolment file."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("enrolment_dialog")
        self.setWindowTitle(self.tr("单位登记与密钥"))
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("enrolment_table")
        self.table.setHorizontalHeaderLabels([self.tr("单位"), self.tr("本单位密钥"), self.tr("登记时间")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 200)
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("enrolment_fingerprint")
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(
            self.tr(
                "登记：为所选单位生成签名密钥并保存登记文件（*.xzenrol），交给该单位，用它建立本单位的数据库。"
                "重新发放密钥：单位的电脑丢失或更换时使用，旧密钥签名的上报包此后一律拒收。"
            ),
            self,
        )
        hint.setWordWrap(True)
        self.enrol_button = QPushButton(self.tr("登记并保存登记文件(&E)…"), self)
        self.rekey_button = QPushButton(self.tr("重新发放密钥(&R)…"), self)
        self.enrol_button.clicked.connect(lambda: self.ask_and_enrol(rekey=False))
        self.rekey_button.clicked.connect(lambda: self.ask_and_enrol(rekey=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.rekey_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.fingerprint)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()
        fit_to_screen(self, 640, 560)

    def reload(self, keep: str | None = None) -> None:
        store = self.window_.store
        self.rows: list[UnitEnrolment] = enrolments(store)
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            key = fingerprint(row.key_id) if row.key_id else self.tr("未登记")
            since = local_time(row.since, seconds=False) if row.since else ""
            for column, text in enumerate((row.name, key, since)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.unit)
                self.table.setItem(n, column, item)
            if row.unit == keep:
                self.table.selectRow(n)
        self.fingerprint.setText(phone_check_text(district_fingerprint(store)))
        self._update_buttons()

    def chosen(self) -> UnitEnrolment | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        row = self.chosen()
        self.enrol_button.setEnabled(row is not None and row.key_id is None)
        self.rekey_button.setEnabled(row is not None and row.key_id is not None)

    def select(self, unit: str) -> None:
        for n, row in enumerate(self.rows):
            if row.unit == unit:
                self.table.selectRow(n)

    def ask_and_enrol(self, *, rekey: bool) -> Enrolled | None:
        row = self.chosen()
        if row is None:
            return None
        if rekey:
            answer = QMessageBox.question(
                self,
                self.tr("重新发放密钥"),
                self.tr("为“{name}”重新发放密钥？旧密钥签名的上报包此后一律拒收。").format(name=row.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        path = save_path(
            self,
            FileKind.ENROLMENT,
            self.tr("保存登记文件"),
            self.tr("登记文件 (*{suffix})").format(suffix=SUFFIX),
            SUFFIX,
            owner=row.name,
        )
        return self.enrol_unit(row.unit, path, rekey=rekey) if path is not None else None

    def enrol_unit(self, unit: str, path: str | Path, *, rekey: bool = False) -> Enrolled | None:
        """Enrol (or re-key) ``unit`` and write its file to ``path``; a refusal is shown, nothing changes."""
        try:
            done = enrol(self.window_.store, unit, path, rekey=rekey)
        except XzError as exc:
            show_error(self, exc)
            return None
        self.reload(keep=unit)
        self.window_.statusBar().showMessage(
            self.tr("已保存“{name}”的登记文件：{file}").format(name=done.unit_name, file=done.file), 8000
        )
        return done


def show_district_key(window) -> QMessageBox:
    """帮助 → 核对区里密钥 (a unit's copy): the fingerprint to read on the telephone."""
    box = QMessageBox(window)
    box.setObjectName("district_key_box")
    box.setWindowTitle(QCoreApplication.translate("enrolment_dialog", "核对区里密钥"))
    box.setText(phone_check_text(district_fingerprint(window.store)))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box


def open_enrolment_dialog(window) -> EnrolmentDialog:
    dialog = EnrolmentDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
