"""Packages in the window: 导出上报包 in a unit's copy; merge, conflicts, 报送情况 and the merge log in the district's.

``install(window)`` adds, in a unit's copy, 文件 → 导出上报包… and 导入区里下发的目录…; in the
district's copy, 汇总 → 合并上报包…, 导出目录文件…, and the pages 冲突, 报送情况, 合并日志.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.messages import XzError
from ...domain.periods import parse_period
from ...domain.timefmt import local_time
from ...services import findings as findings_service
from ...services.catalog_transfer import SUFFIX as CATALOG_SUFFIX
from ...services.catalog_transfer import export_catalog, import_catalog
from ...services.files import FileKind, owner_name
from ...services.findings import FindingItem
from ...services.form import default_period, period_choices
from ...services.packages.corrections import import_corrections, make_corrections, units_with_corrections
from ...services.packages.package_file import SUFFIX
from ...services.packages.submission import MadePackage, default_package_name, exports, make_package
from ...services.progress import Progress
from ...services.round.receipt import RECEIPT_SUFFIX, ReceiptResult, import_receipt
from ...store import Store
from ..common.changes import EVERYTHING, Changes
from ..common.file_dialogs import OpenFolderButton, default_folder, offer_folder, remember_folder, save_path
from ..common.findings_panel import FindingsPanel
from ..common.i18n import error_lines, translate
from ..common.operations import StoreOp
from ..common.period_choice import period_text


def _make(
    store: Store, progress: Progress, periods: list[str], out: Path, author: str, nil_reason: str | None = None
) -> MadePackage:
    progress.step(0, 1, "")
    return make_package(store, periods, out, author or None, nil_reason)


class ExportDialog(QDialog):
    """Choose periods and a file; the package is refused, with the list of what to fix, while problems remain."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.made: MadePackage | None = None
        self.setWindowTitle(self.tr("导出上报包"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(640, 480)
        store = window.store
        have = store.values.periods()
        self.file_edit = QLineEdit(self)
        self.period_boxes: dict[str, QCheckBox] = {}
        periods_row = QHBoxLayout()
        for period in have:
            box = QCheckBox(period_text(period), self)
            self.period_boxes[period] = box
            periods_row.addWidget(box)
        periods_row.addStretch(1)
        if have:
            self.period_boxes[max(have, key=parse_period)].setChecked(True)
        for box in self.period_boxes.values():
            box.toggled.connect(lambda _: self._suggest_file())
        browse = QPushButton(self.tr("浏览(&B)…"), self)
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.author_edit = QLineEdit(store.author, self)
        form = QFormLayout()
        periods_label = QLabel(self.tr("报告期："), self)
        form.addRow(periods_label, periods_row)
        file_label = QLabel(self.tr("保存到(&F)："), self)
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, file_row)
        author_label = QLabel(self.tr("填报人(&W)："), self)
        author_label.setBuddy(self.author_edit)
        form.addRow(author_label, self.author_edit)
        # 空表上报: a period with nothing to report is submitted with a required 说明, not left unsubmitted.
        self.nil_box = QCheckBox(self.tr("空表上报（本期确无数据可报）(&K)"), self, objectName="export_nil")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.nil_period = QComboBox(self, objectName="export_nil_period")  # type: ignore[call-arg]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        for period in period_choices(window.store):
            self.nil_period.addItem(period_text(period), period)
        self.nil_period.setCurrentIndex(max(self.nil_period.findData(default_period(window.store.plans())), 0))
        self.nil_reason = QLineEdit(self, objectName="export_nil_reason")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.nil_reason.setPlaceholderText(self.tr("说明（必填）：为什么本期没有可报的数据"))
        nil_row = QHBoxLayout()
        nil_row.addWidget(self.nil_box)
        nil_row.addWidget(self.nil_period)
        nil_row.addWidget(self.nil_reason, 1)
        form.addRow(QLabel(self.tr("空表："), self), nil_row)
        self.nil_box.toggled.connect(self._nil_toggled)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        self.problems.setVisible(False)
        # What stops the package: the same 审核结果 list as the form's; choosing a line goes to its cell.
        self.findings = FindingsPanel(self, show_period=True)
        self.findings.setVisible(False)
        self.findings.activated.connect(self._go_to_finding)
        self.export_button = QPushButton(self.tr("导出(&E)"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton(self.tr("取消"), self)
        self.close_button.clicked.connect(self.reject)
        self.folder_button: OpenFolderButton | None = None  # 打开所在文件夹, once the package is written
        self.buttons = QHBoxLayout()
        buttons = self.buttons
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.findings, 1)
        layout.addLayout(buttons)
        last = exports(store)[:1]
        hint = (
            self.tr("上次导出：{at}，报告期 {periods}。").format(
                at=local_time(last[0].exported_at, seconds=False),
                periods="、".join(period_text(p) for p in last[0].periods),
            )
            if last
            else ""
        )
        self.message.setText(hint if have else self.tr("本单位还没有填报任何数据。"))
        self.export_button.setEnabled(bool(have))
        self._nil_toggled(False)

    def periods(self) -> list[str]:
        if self.nil_box.isChecked():
            return [self.nil_period.currentData()]
        return [p for p, box in self.period_boxes.items() if box.isChecked()]

    def _nil_toggled(self, on: bool) -> None:
        self.nil_period.setEnabled(on)
        self.nil_reason.setEnabled(on)
        for box in self.period_boxes.values():
            box.setEnabled(not on)
        self.export_button.setEnabled(on or bool(self.period_boxes))
        self._suggest_file()

    def _suggest_file(self) -> None:
        periods = self.periods()
        if periods and not self.file_edit.isModified():  # the clerk's own choice of file is kept
            folder = default_folder(FileKind.PACKAGE)  # a folder the clerk sees, never the application's own
            self.file_edit.setText(str(folder / default_package_name(self.window_.store, periods, translate)))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存上报包"), self.file_edit.text(), self.tr("上报包 (*{suffix})").format(suffix=SUFFIX)
        )
        if name:
            self.file_edit.setText(name if name.endswith(SUFFIX) else name + SUFFIX)
            self.file_edit.setModified(True)

    def export(self) -> None:
        periods = self.periods()
        if not periods:
            self._show_problems(self.tr("请至少选择一个报告期。"), [])
            return
        out = Path(self.file_edit.text().strip() or self.window_.store_path.parent)
        self.export_button.setEnabled(False)
        author = self.author_edit.text().strip()
        nil = self.nil_reason.text() if self.nil_box.isChecked() else None
        # The dialog shows a refusal itself, with the list of what to fix: no message box.
        StoreOp(
            self.window_,
            self.tr("正在导出上报包…"),
            lambda store, progress: _make(store, progress, periods, out, author, nil),
            changes=Changes(packages=True),
        ).success(self._exported).failure(self._failed).run_in_background()

    def _exported(self, made: MadePackage) -> None:
        self.made = made
        remember_folder(FileKind.PACKAGE, made.path)
        if self.folder_button is not None:
            self.folder_button.deleteLater()
        self.folder_button = OpenFolderButton(made.path, self)
        self.buttons.insertWidget(1, self.folder_button)
        self.folder_button.show()
        self.problems.setVisible(False)
        self.findings.setVisible(False)
        skipped = (
            self.tr("现行目录已不含 {codes}，这些数值未导出。").format(codes="、".join(made.skipped))
            if made.skipped
            else ""
        )
        self.message.setText(
            self.tr("已导出上报包：{file}\n报告期 {periods}，共 {n} 个数值。请把这个文件报送区里。").format(
                file=made.path, periods="、".join(period_text(p) for p in made.periods), n=made.values
            )
            + skipped
        )
        self.close_button.setText(self.tr("关闭"))
        self.export_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        lines = error_lines(exc)
        blockers = [] if self.nil_box.isChecked() else self._blockers()
        if blockers:
            self._show_problems(lines[0], [])
            self.findings.set_items(blockers)
            self.findings.setVisible(True)
            self.findings.focus_list()
        else:
            self._show_problems(lines[0], lines[1:])
        self.export_button.setEnabled(True)

    def _blockers(self) -> list[FindingItem]:
        try:
            return findings_service.package_blockers(self.window_.store, self.periods())
        except XzError:  # the refusal itself is shown either way; the list is a help to it
            return []

    def _go_to_finding(self, item: FindingItem) -> None:
        """Close the dialog and put the cursor on the cell to fix, in the form."""
        page = self.window_.page("form")
        if page is None:
            return
        self.reject()
        self.window_.show_page("form")
        self.window_.activateWindow()  # the dialog had the focus: the form takes it back
        page.jump_to(item)

    def _show_problems(self, head: str, details: list[str]) -> None:
        self.findings.setVisible(False)
        self.message.setText(head)
        self.problems.setPlainText("\n".join(details))
        self.problems.setVisible(bool(details))


def open_export_dialog(window) -> ExportDialog:
    dialog = ExportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.export_dialog = dialog
    dialog.show()
    return dialog


def import_catalog_file(window, path: str | None = None) -> None:
    """文件 → 导入区里下发的目录…: put the district's catalog file in force in this unit's copy."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("packages_page", "导入区里下发的目录"),
            str(default_folder(FileKind.CATALOG)),
            QCoreApplication.translate("packages_page", "目录文件 (*{suffix});;所有文件 (*)").format(
                suffix=CATALOG_SUFFIX
            ),
        )
        if not path:
            return
    before = window.store.catalog().version
    try:
        made = import_catalog(window.store, path)
    except Exception as exc:
        window.show_error(exc)
        return
    window.announce(Changes(catalog=True, figures=True))
    text = (
        QCoreApplication.translate("packages_page", "目录版本 {version} 已在使用，无需更新。")
        if made.version == before
        else QCoreApplication.translate("packages_page", "已启用区里下发的目录（版本 {version}，{n} 项指标）。")
    )
    QMessageBox.information(
        window,
        QCoreApplication.translate("packages_page", "导入目录"),
        text.format(version=made.version, n=made.indicators),
    )


def export_catalog_file(window, path: str | None = None) -> None:
    """汇总 → 导出目录文件…: write the catalog in force for the units."""
    if path is None:
        chosen = save_path(
            window,
            FileKind.CATALOG,
            QCoreApplication.translate("packages_page", "导出目录文件"),
            QCoreApplication.translate("packages_page", "目录文件 (*{suffix})").format(suffix=CATALOG_SUFFIX),
            CATALOG_SUFFIX,
            owner=owner_name(window.store),
        )
        if chosen is None:
            return
        path = str(chosen)
    try:
        made = export_catalog(window.store, path)
    except Exception as exc:
        window.show_error(exc)
        return
    text = QCoreApplication.translate(
        "packages_page",
        "已导出目录（版本 {version}）：{file}\n请发给各填报单位，用“文件 → 导入区里下发的目录”启用。",
    ).format(version=made.version, file=made.path)
    offer_folder(window, made.path, text.replace("\n", " "))
    QMessageBox.information(window, QCoreApplication.translate("packages_page", "导出目录文件"), text)


def export_corrections_file(window, unit: str | None = None, path: str | None = None) -> None:
    """汇总 → 导出更正文件…: the district's corrections of one unit's figures, for that unit to import."""
    store = window.store
    if unit is None:
        units = units_with_corrections(store)
        if not units:
            QMessageBox.information(
                window,
                QCoreApplication.translate("packages_page", "导出更正文件"),
                QCoreApplication.translate("packages_page", "区里还没有更正过任何单位的数值。"),
            )
            return
        names = [store.catalog().unit(u).name if store.catalog().has_unit(u) else u for u in units]
        name, ok = QInputDialog.getItem(
            window,
            QCoreApplication.translate("packages_page", "导出更正文件"),
            QCoreApplication.translate("packages_page", "发给哪个单位："),
            names,
            0,
            False,
        )
        if not ok:
            return
        unit = units[names.index(name)]
    if path is None:
        catalog = store.catalog()
        chosen = save_path(
            window,
            FileKind.CORRECTIONS,
            QCoreApplication.translate("packages_page", "保存更正文件"),
            QCoreApplication.translate("packages_page", "更正文件 (*{suffix})").format(suffix=SUFFIX),
            SUFFIX,
            owner=catalog.unit(unit).name if catalog.has_unit(unit) else unit,
        )
        if chosen is None:
            return
        path = str(chosen)
    try:
        made = make_corrections(store, unit, path)
    except Exception as exc:
        window.show_error(exc)
        return
    text = QCoreApplication.translate(
        "packages_page", "已导出 {n} 个更正数值：{file}\n请发给该单位，用“文件 → 导入区里的更正”导入。"
    ).format(n=made.values, file=made.file)
    offer_folder(window, made.file, text.replace("\n", " "))
    QMessageBox.information(window, QCoreApplication.translate("packages_page", "导出更正文件"), text)


def import_corrections_file(window, path: str | None = None) -> None:
    """文件 → 导入区里的更正…: take the district's corrections into this unit's copy."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("packages_page", "导入区里的更正"),
            str(default_folder(FileKind.CORRECTIONS)),
            QCoreApplication.translate("packages_page", "更正文件 (*{suffix});;所有文件 (*)").format(suffix=SUFFIX),
        )
        if not path:
            return
    try:
        result = import_corrections(window.store, path)
    except Exception as exc:
        window.show_error(exc)
        return
    window.announce(Changes(figures=True))
    QMessageBox.information(
        window,
        QCoreApplication.translate("packages_page", "导入区里的更正"),
        QCoreApplication.translate(
            "packages_page", "已采用区里的更正：{changed} 个数值已改为区里更正的数值，{agreed} 个原本一致。"
        ).format(changed=result.changed, agreed=result.agreed),
    )


def import_receipt_file(window, path: str | Path | None = None) -> ReceiptResult | None:
    """文件 → 导入区里的回执… (or a receipt dropped on the window): decisions, corrections, due dates, catalog."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("packages_page", "导入区里的回执"),
            str(default_folder(FileKind.RECEIPT)),
            # *.xzpkg too: receipts made before they had their own extension
            QCoreApplication.translate("packages_page", "回执 (*{suffix} *{old});;所有文件 (*)").format(
                suffix=RECEIPT_SUFFIX, old=SUFFIX
            ),
        )
        if not path:
            return None
    try:
        result = import_receipt(window.store, path)
    except Exception as exc:
        window.show_error(exc)
        return None
    # Decisions, due dates and corrections arrive together; the catalog may change too.
    window.announce(EVERYTHING)
    lines = [
        QCoreApplication.translate(
            "packages_page", "已导入区里的回执：{changed} 个数值改为区里的数值，{agreed} 个原本一致。"
        ).format(changed=result.changed, agreed=result.agreed)
    ]
    if result.returned:
        lines.append(
            QCoreApplication.translate(
                "packages_page", "已退回：{periods}。退回原因显示在填报表上，修改后请重新导出上报包。"
            ).format(periods="、".join(result.returned))
        )
    if result.accepted:
        lines.append(
            QCoreApplication.translate("packages_page", "已验收（锁定，只读）：{periods}。").format(
                periods="、".join(result.accepted)
            )
        )
    if result.catalog_changed:
        lines.append(
            QCoreApplication.translate("packages_page", "已启用区里的目录（版本 {version}）。").format(
                version=result.catalog_version
            )
        )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("packages_page", "导入回执"),
        "\n".join(lines),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.receipt_box = box
    box.open()
    return result
