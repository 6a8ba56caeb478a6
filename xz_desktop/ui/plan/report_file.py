"""Writing a Word report from the window: ask where (unless told), write it and its PDF in the background,
then offer its folder. The annual report and the plan's final evaluation report differ only in their words
and in what writes them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from ...services.files import FileKind, owner_name
from ..common.file_dialogs import offer_folder, save_path
from ..common.operations import StoreOp


@dataclass(frozen=True)
class ReportWords:
    """A report's own words, translated by its caller: the save dialog's title, the busy line, and the
    sentence saying where it was written (with ``{path}``)."""

    save_title: str
    busy: str
    written: str


# What writes the report: (store, path, pdf, progress) → a result with ``docx`` and ``pdf``.
Writer = Callable[[Any, Path, bool, Any], Any]


def write_report_file(window, words: ReportWords, periods: list[str], path: str | None, write: Writer) -> None:
    if path is None:
        chosen = save_path(
            window,
            FileKind.REPORT,
            words.save_title,
            QCoreApplication.translate("ReportFile", "Word 文档 (*.docx)"),
            ".docx",
            owner=owner_name(window.store),
            periods=periods,
        )
        if chosen is None:
            return
        path = str(chosen)
    if not path.lower().endswith(".docx"):
        path += ".docx"
    target = Path(path)
    # LibreOffice is looked for when a report is written, with python-docx, not while the window is built
    from ...services.plan.report import soffice

    pdf = soffice() is not None

    def done(result) -> None:
        window.last_report = result
        text = words.written.format(path=result.docx)
        if result.pdf:
            text += QCoreApplication.translate("ReportFile", "，PDF：{pdf}").format(pdf=result.pdf)
        elif not pdf:
            text += QCoreApplication.translate("ReportFile", "（未安装 LibreOffice，未生成 PDF）")
        offer_folder(window, result.docx, text)

    StoreOp(window, words.busy, lambda store, progress: write(store, target, pdf, progress)).success(
        done
    ).run_in_background()
