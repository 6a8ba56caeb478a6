"""The Excel actions of the window: export the district workbook, write a unit's Excel form,
import a filled form. Each calls the service the ``xz`` command calls; long work runs in
the background through ``operations.StoreOp`` with progress and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QMessageBox, QSpinBox

from ...domain.messages import XzError
from ...services import pivot
from ...services.files import FileKind, owner_name
from ..common.changes import Changes
from ..common.file_dialogs import default_folder, offer_folder, remember_folder, save_path
from ..common.operations import StoreOp
from ..common.period_choice import period_text


def export_excel(window, period: str | None = None) -> None:
    """Ask where, then write the district workbook in the background."""
    from ...services.excel.export import export_workbook  # openpyxl: imported when a workbook is written

    page = window.page("totals")
    period = period or (page.period if page is not None else str(pivot.default_year(window.store)))
    chosen = save_path(
        window,
        FileKind.WORKBOOK,
        QCoreApplication.translate("ExcelActions", "导出 Excel 汇总表"),
        QCoreApplication.translate("ExcelActions", "Excel 工作簿 (*.xlsx)"),
        ".xlsx",
        owner=owner_name(window.store),
        periods=[period],
    )
    if chosen is None:
        return
    path = str(chosen)
    carry_forward = bool(page is not None and page.carry_forward)  # the same figures as the page shows

    def done(result) -> None:
        window.last_export = result
        offer_folder(
            window,
            result.path,
            QCoreApplication.translate("ExcelActions", "已导出 {path}（{sheets} 个工作表，原始数据 {rows} 行）").format(
                path=result.path, sheets=len(result.sheets), rows=result.raw_rows
            ),
        )

    StoreOp(
        window,
        QCoreApplication.translate("ExcelActions", "正在导出 Excel 汇总表…"),
        lambda store, progress: export_workbook(store, path, period, progress, carry_forward=carry_forward),
    ).success(done).run_in_background()


def export_raw_csv(window) -> None:
    """Every stored figure as UTF-8 CSV with a byte-order mark."""
    from ...services.excel.csv_file import export_csv

    chosen = save_path(
        window,
        FileKind.RAW_DATA,
        QCoreApplication.translate("ExcelActions", "导出原始数据 CSV"),
        QCoreApplication.translate("ExcelActions", "CSV 文件 (*.csv)"),
        ".csv",
        owner=owner_name(window.store),
    )
    if chosen is None:
        return
    path = str(chosen)
    StoreOp(
        window,
        QCoreApplication.translate("ExcelActions", "正在导出原始数据…"),
        lambda store, progress: export_csv(store, path, progress),
    ).success(
        lambda r: offer_folder(
            window,
            r.path,
            QCoreApplication.translate("ExcelActions", "已导出 {path}（{rows} 行）").format(path=r.path, rows=r.rows),
        )
    ).run_in_background()


class TemplateDialog(QDialog):
    """Which unit and year the Excel form is for."""

    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("生成 Excel 填报模板"))
        store = window.store
        form = QFormLayout(self)
        self.unit_box = QComboBox(self, objectName="template_unit")
        units = store.catalog().active_units() if store.is_district else [store.catalog().unit(store.unit_code)]
        for unit in units:
            if store.catalog().indicators_for_unit(unit):
                self.unit_box.addItem(unit.name, unit.code)
        self.unit_box.setEnabled(store.is_district)
        self.year_box = QSpinBox(self, objectName="template_year")
        self.year_box.setRange(*store.entry_years())
        self.year_box.setValue(pivot.default_year(store))
        form.addRow(self.tr("填报单位(&U)："), self.unit_box)
        form.addRow(self.tr("报告期(&Y)："), self.year_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def write_excel_template(window, unit: str | None = None, year: int | None = None) -> None:
    """Ask for unit and year (unless given), then where; write the form (a fraction of a second)."""
    from ...services.excel.template import write_template

    if unit is None or year is None:
        dialog = TemplateDialog(window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        unit, year = dialog.unit_box.currentData(), dialog.year_box.value()
    name = window.store.catalog().unit(unit).name
    chosen = save_path(
        window,
        FileKind.TEMPLATE,
        QCoreApplication.translate("ExcelActions", "保存 Excel 填报模板"),
        QCoreApplication.translate("ExcelActions", "Excel 工作簿 (*.xlsx)"),
        ".xlsx",
        owner=name,
        periods=[str(year)],
    )
    if chosen is None:
        return
    path = str(chosen)
    try:
        info = write_template(window.store, unit, str(year), path)
    except XzError as exc:
        window.show_error(exc)
        return
    offer_folder(
        window,
        info.path,
        QCoreApplication.translate("ExcelActions", "已生成 {unit} {period} 填报模板：{path}").format(
            unit=info.unit_name, period=period_text(info.period), path=info.path
        ),
    )


def import_excel(window, path: str | None = None, *, confirm: bool = True) -> None:
    """Read a filled form, say whose and which year it is, then import it in the background."""
    from ...services.imports.xlsx import import_template, read_template

    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("ExcelActions", "导入 Excel 填报表"),
            str(default_folder(FileKind.TEMPLATE)),
            QCoreApplication.translate("ExcelActions", "Excel 填报表 (*.xlsx)"),
        )
        if not path:
            return
        remember_folder(FileKind.TEMPLATE, path)
    try:
        data = read_template(window.store, path)  # quick: refuses a wrong file before anything else
    except XzError as exc:
        window.show_error(exc, QCoreApplication.translate("ExcelActions", "无法导入"))
        return
    filled = sum(1 for r in data.rows if r.value not in (None, ""))
    if confirm:
        answer = QMessageBox.question(
            window,
            QCoreApplication.translate("ExcelActions", "导入 Excel 填报表"),
            QCoreApplication.translate(
                "ExcelActions",
                "{file}\n\n填报单位：{unit}\n报告期：{period}\n已填数值：{filled} 项\n\n"
                "导入后，该单位该期的同名指标将以表中数值为准（修改均留有记录）。是否导入？",
            ).format(file=Path(path).name, unit=data.unit_name, period=period_text(data.period), filled=filled),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

    def job(store, progress):
        progress.step(0, 1, QCoreApplication.translate("ExcelActions", "正在审核并导入…"))
        return import_template(store, path, period=data.period)

    def done(result) -> None:
        window.last_import = result
        text = QCoreApplication.translate(
            "ExcelActions", "已导入 {unit} {period}：写入 {written} 个数值，{unchanged} 个未变，空白 {blank} 个"
        ).format(
            unit=data.unit_name,
            period=period_text(data.period),
            written=result.written,
            unchanged=result.unchanged,
            blank=result.skipped_blank,
        )
        if result.warnings:
            text += QCoreApplication.translate("ExcelActions", "；合理性审核提示 {n} 条，请在填报页补充说明").format(
                n=len(result.warnings)
            )
        window.statusBar().showMessage(text, 20000)

    StoreOp(
        window, QCoreApplication.translate("ExcelActions", "正在导入 Excel 填报表…"), job, changes=Changes(figures=True)
    ).success(done).run_in_background()
