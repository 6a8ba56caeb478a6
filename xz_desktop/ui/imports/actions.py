"""文件 → 导入 CSV 数据: the window's twin of ``xz import DB FILE.csv``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from ...services.files import FileKind
from ...services.imports import import_file
from ..common.changes import Changes
from ..common.file_dialogs import default_folder, remember_folder
from ..common.operations import StoreOp


def import_csv(window, path: str | None = None) -> None:
    """Ask for a long-form CSV, then check and import it in the background: all or nothing."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("ImportActions", "导入 CSV 数据"),
            str(default_folder(FileKind.RAW_DATA)),
            QCoreApplication.translate("ImportActions", "CSV 文件 (*.csv);;所有文件 (*)"),
        )
        if not path:
            return
        remember_folder(FileKind.RAW_DATA, path)
    author = window.store.author

    def done(result) -> None:
        window.last_import = result
        text = QCoreApplication.translate(
            "ImportActions", "已导入 {file}：写入 {written} 个数值，{unchanged} 个未变，跳过空白 {blank} 个"
        ).format(file=Path(path).name, written=result.written, unchanged=result.unchanged, blank=result.skipped_blank)
        unexplained = sum(1 for w in result.warnings if not w.explained)
        if unexplained:
            text += QCoreApplication.translate("ImportActions", "；{n} 条合理性审核提示需在填报页补充说明").format(
                n=unexplained
            )
        window.statusBar().showMessage(text, 20000)

    StoreOp(
        window,
        QCoreApplication.translate("ImportActions", "正在导入 CSV 数据…"),
        lambda store, progress: import_file(store, path, author, progress=progress),
        changes=Changes(figures=True),
    ).success(done).run_in_background()
