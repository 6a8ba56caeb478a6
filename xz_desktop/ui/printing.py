"""The printed form: A4, for the leader's signature and the unit's stamp.

One HTML document (QTextDocument) serves the PDF, the print dialog and the preview, so what
the clerk previews is what is filed. Chinese needs a CJK font chosen by name: Qt's
fallback may pick a font without the glyphs, and a PDF viewer on another machine must not
have to guess.
"""

from __future__ import annotations

import html
import os
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ..domain.checks import Severity
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..services.form import Form, Status, period_label
from .form.style import status_text
from .i18n import message_text

# The first of these installed wins: Linux (fonts-noto-cjk), Windows, macOS.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "微软雅黑",
    "SimSun",
    "宋体",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "Noto Sans SC",
)
# QTextDocument.print_() adds its own 2 cm margin around an unpaginated document (and puts the
# page number in it); the device's margin comes on top of that, so the device's stays small.
MARGIN_MM = 0
FONT_PT = 9.5
TR_CONTEXT = "printing"  # tools/update_translations.py collects this module's tr("…") calls under it


def tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def cjk_family() -> str:
    """A font family with Chinese glyphs, or the default family when none of ours is installed."""
    installed = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in installed), QFont().family())


def ensure_gui_application() -> QGuiApplication:
    """A Qt application for drawing (the ``xz print`` command has none); offscreen without a display."""
    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["xz"])
    return app


def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


def form_html(form: Form, author: str = "", printed_at: datetime | None = None) -> str:
    """The printable form as HTML (the subset QTextDocument renders)."""
    printed_at = printed_at or datetime.now()
    period = message_text(period_label(form.period))
    previous = message_text(period_label(form.previous_period))
    out = [
        f"<h2 align='center' style='font-size:15pt'>{_e(tr('秀洲区人才发展“十四五”规划指标填报表'))}</h2>",
        "<table width='100%' cellspacing='0' cellpadding='2'><tr>",
        f"<td>{_e(tr('填报单位'))}：<b>{_e(form.unit.name)}</b></td>",
        f"<td align='center'>{_e(tr('报告期'))}：<b>{_e(period)}</b></td>",
        f"<td align='right'>{_e(tr('打印时间'))}：{printed_at:%Y-%m-%d %H:%M}</td>",
        "</tr></table>",
        "<table width='100%' border='1' cellspacing='0' cellpadding='3' style='border-collapse:collapse; border-color:#555'>",
        "<thead><tr style='background-color:#e8eef6'>",
        f"<th width='5%'>{_e(tr('序号'))}</th><th width='28%'>{_e(tr('指标'))}</th><th width='8%'>{_e(tr('单位'))}</th>",
        f"<th width='12%'>{_e(tr('上期'))}<br/>{_e(previous)}</th><th width='12%'>{_e(tr('本期'))}<br/>{_e(period)}</th>",
        f"<th width='9%'>{_e(tr('审核'))}</th><th>{_e(tr('说明'))}</th></tr></thead>",
    ]
    number = 0
    for group, rows in form.groups():
        out.append(
            f"<tr style='background-color:#f2f4f7'><td colspan='7'><b>{_e(QCoreApplication.translate('form', group))}</b></td></tr>"
        )
        for row in rows:
            number += 1
            status = row.status
            colour = {Status.ERROR: "#b3261e", Status.WARNING: "#8a4b00"}.get(status, "#000000")
            name = (
                _e(row.indicator.name) if row.editable else f"<i>{_e(row.indicator.name)}</i>"
            )  # the 审核 column says 自动计算
            out.append(
                f"<tr><td align='center'>{number}</td><td>{name}</td><td align='center'>{_e(row.measure)}</td>"
                f"<td align='right'>{_e(row.shown(row.previous))}</td>"
                f"<td align='right'><b>{_e(row.shown(row.value))}</b></td>"
                f"<td align='center' style='color:{colour}'>{_e(status_text(status))}</td>"
                f"<td>{_e(row.explanation)}</td></tr>"
            )
    out.append("</table>")
    out.append(f"<p><b>{_e(tr('审核情况'))}</b>：" + _e(summary_text(form)) + "</p>")
    problems = [f for f in form.findings if f.severity is Severity.ERROR or not f.explained]
    if problems:
        out.append("<ol style='margin-top:0'>")
        for finding in problems:
            label = tr("错误") if finding.severity is Severity.ERROR else tr("提示")
            out.append(f"<li>[{_e(label)}] {_e(message_text(finding.message))}</li>")
        out.append("</ol>")
    boxes = (tr("填报人"), tr("审核人"), tr("单位负责人"), tr("单位盖章"))
    out.append(
        "<br/><table width='100%' border='1' cellspacing='0' cellpadding='6' style='border-collapse:collapse'><tr>"
    )
    out.extend(f"<td width='25%' align='center' style='background-color:#f2f4f7'>{_e(b)}</td>" for b in boxes)
    out.append("</tr><tr>")
    out.extend("<td><br/><br/><br/><br/></td>" for _ in boxes)
    out.append("</tr></table>")
    gap = "&nbsp;" * 8
    out.append(f"<p align='right'>{_e(tr('日期'))}：{gap}{gap}{_e(tr('年'))}{gap}{_e(tr('月'))}{gap}{_e(tr('日'))}</p>")
    if author:
        out.append(f"<p style='color:#555; font-size:8pt'>{_e(tr('制表'))}：{_e(author)} · xz-desktop</p>")
    return "\n".join(out)


def summary_text(form: Form) -> str:
    """“已填 12 项，未填 9 项；错误 1 个；提示 2 条（未说明 1 条）”."""
    s = form.summary
    return tr(
        "已填 {filled} 项，未填 {missing} 项；错误 {errors} 个；提示 {warnings} 条（未说明 {unexplained} 条）"
    ).format(filled=s.filled, missing=s.missing, errors=s.errors, warnings=s.warnings, unexplained=s.unexplained)


def form_document(form: Form, author: str = "", printed_at: datetime | None = None) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(QFont(cjk_family(), FONT_PT))
    document.setDocumentMargin(0)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, f"{form.unit.name} {form.period}")
    document.setHtml(form_html(form, author, printed_at))
    return document


def _layout_for(printer) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def write_pdf(form: Form, path: str | Path, author: str = "") -> Path:
    """The form as an A4 PDF at ``path`` (written beside it first, then moved into place)."""
    ensure_gui_application()
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(b"")  # fail here, with a clear message, if the folder is not writable
        writer = QPdfWriter(str(partial))
        _layout_for(writer)
        writer.setResolution(300)
        writer.setTitle(f"{form.unit.name} {message_text(period_label(form.period))}")
        writer.setCreator("xz-desktop")
        form_document(form, author).print_(writer)
        del writer  # the PDF is finished when the writer goes away
        if partial.stat().st_size == 0:
            raise OSError(tr("PDF 没有写出内容"))
        os.replace(partial, path)
    except OSError as exc:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass  # the folder itself was the problem: nothing was written there
        raise XzError(
            Message(
                "printing",
                QT_TRANSLATE_NOOP("printing", "无法写入 {path}：{reason}（文件可能正被其他程序打开）"),
                {"path": str(path), "reason": exc.strerror or exc},
            )
        ) from exc
    return path


def print_form(parent, form: Form, author: str = "") -> bool:
    """The system print dialog, then the printer; False when the clerk cancels."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _layout_for(printer)
    printer.setDocName(f"{form.unit.name} {form.period}")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("打印填报表"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    form_document(form, author).print_(printer)
    return True


def preview_form(parent, form: Form, author: str = "") -> None:
    """打印预览: the same document on screen, with the dialog's own print button."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _layout_for(printer)
    document = form_document(form, author)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(tr("打印预览"))
    dialog.paintRequested.connect(document.print_)
    dialog.resize(900, 1000)
    dialog.exec()
