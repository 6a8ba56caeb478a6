"""The print dialog and the print preview of the form; the form itself is drawn by ``printout/form.py``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from ...printout.form import FormPrintout, page_layout
from ...services.form import Form
from ..common.views import fit_to_screen


def print_form(parent: QWidget | None, form: Form, author: str = "") -> bool:
    """The system print dialog, then the printer; False when the clerk cancels."""
    printout = FormPrintout(form, author)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    page_layout(printer)
    printer.setDocName(f"{form.unit.name} {form.period}")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("printing", "打印填报表"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    printout.render(printer)
    return True


def preview_form(parent: QWidget | None, form: Form, author: str = "") -> None:
    """打印预览: the same document on screen, with the dialog's own print button."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    page_layout(printer)
    printout = FormPrintout(form, author)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("printing", "打印预览"))
    dialog.paintRequested.connect(printout.render)  # paginated and numbered as the PDF is
    fit_to_screen(dialog, 900, 1000)
    dialog.exec()
