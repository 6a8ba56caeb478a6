"""Files dropped on the window: the one place that decides what each is and where it goes (issue 12, item 3).

The district's window takes packages (files or a folder of them) into the merge dialog, to be
previewed first. A unit's window takes what the district sends: a receipt, a corrections file,
a catalog file. Both take an Excel form and a CSV of figures into their import. Anything else —
a unit's own package dropped on a unit's copy, a catalog file on the district's — is refused with
a Chinese message that says where the file belongs; nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

# What takes a dropped file (the imports, the merge dialog) is imported when a file is dropped, not at the
# window's start (issue 25).


def take(window, path: Path) -> str | None:
    """Hand ``path`` to what imports it in this copy; the reason it was refused, or None once taken."""
    from ..imports.actions import import_csv
    from ..totals.actions import import_excel

    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        import_excel(window, str(path))
        return None
    if suffix == ".csv":
        import_csv(window, str(path))
        return None
    if window.is_district:
        return _to_district(window, path, suffix)
    return _to_unit(window, path, suffix)


def _to_district(window, path: Path, suffix: str) -> str | None:
    from ...services.catalog_transfer import SUFFIX as CATALOG_SUFFIX
    from ...services.packages.package_file import SUFFIX
    from ..packages.merge_dialog import open_merge_dialog

    if suffix == SUFFIX or path.is_dir():
        dialog = window.merge_dialog
        try:
            visible = dialog is not None and dialog.isVisible()
        except RuntimeError:  # the dialog was closed and deleted
            visible = False
        if not visible or dialog is None:
            dialog = open_merge_dialog(window)
        if not dialog.add_paths([path]):
            return QCoreApplication.translate(
                "drops", "{name}：合并窗口正在预览或合并，完成后再把上报包拖进来。"
            ).format(name=path.name)
        return None
    if suffix == CATALOG_SUFFIX:
        return QCoreApplication.translate(
            "drops", "{name} 是区里下发给各单位的目录文件，区级汇总数据库不导入目录文件。"
        ).format(name=path.name)
    return _unknown(path)


def _to_unit(window, path: Path, suffix: str) -> str | None:
    from ...services.catalog_transfer import SUFFIX as CATALOG_SUFFIX
    from ...services.packages.package_file import SUFFIX, read_package
    from ...services.round.receipt import RECEIPT_SUFFIX
    from ..common.i18n import error_lines
    from ..packages.page import import_catalog_file, import_corrections_file, import_receipt_file

    if suffix == CATALOG_SUFFIX:
        import_catalog_file(window, str(path))
        return None
    if suffix == RECEIPT_SUFFIX:
        import_receipt_file(window, path)
        return None
    if suffix != SUFFIX:
        return _unknown(path)
    try:
        kind = read_package(path).manifest.kind
    except Exception as exc:  # a damaged or hostile file: its reason, in words
        return error_lines(exc)[0]
    if kind == "receipt":
        import_receipt_file(window, path)
        return None
    if kind == "district":
        import_corrections_file(window, str(path))
        return None
    return QCoreApplication.translate(
        "drops", "{name} 是上报包，应报送区里合并；本单位的数据库不能导入上报包。"
    ).format(name=path.name)


def _unknown(path: Path) -> str:
    if path.is_dir():
        return QCoreApplication.translate("drops", "{name} 是一个文件夹：请拖入其中的文件。").format(name=path.name)
    return QCoreApplication.translate(
        "drops",
        "不认识的文件：{name}。可以拖入的有：上报包、回执、更正文件、目录文件（.xzcat）、Excel 填报表（.xlsx）和 CSV 数据。",
    ).format(name=path.name)


def drop(window, paths: Iterable[Path]) -> list[str]:
    """Take each of ``paths``; what was refused is said in one message box (not modal). The refusals."""
    refused = [reason for reason in (take(window, Path(p)) for p in paths) if reason is not None]
    if refused:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("drops", "无法接收拖入的文件"),
            "\n".join(refused),
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.setObjectName("drop_refused")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.drop_box = box  # tests and the window reach the open box
        box.open()
    return refused


def install(window) -> None:
    """Make :func:`drop` the window's one handler of dropped files."""
    window.drop_handler = partial(drop, window)
