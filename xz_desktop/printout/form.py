"""The printed form: A4, for the leader's signature and the unit's stamp.

One HTML document (QTextDocument) serves the PDF, the print dialog and the preview, so what
the clerk previews is what is filed. Chinese needs a CJK font chosen by name: Qt's
fallback may pick a font without the glyphs, and a PDF viewer on another machine must not
have to guess.

Both the window (``ui/form/page.py`` through ``ui/printing.py``) and ``xz print`` use this module.
"""

from __future__ import annotations

import contextlib
import html
import os
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from ..domain.checks import Severity
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..paths import resources_dir
from ..services.form import Form, Status, period_label, status_label

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
# Whole points: QFont(family, 9.5) was always taken as 9 pt, which is what the filed forms look like.
FONT_PT = 9


def message_text(message: Message) -> str:
    """A lower layer's message in the interface's language (the same lookup as ``ui/i18n.py``)."""
    return message.format(QCoreApplication.translate)


_bundled: list[str] | None = None  # families of the fonts shipped in resources/fonts, once registered


def bundled_fonts() -> list[str]:
    """Register the fonts the program ships (the frozen Linux bundle carries Noto Sans CJK); their families.

    A source checkout and a Windows bundle ship none: they use the system's (fonts-noto-cjk, 微软雅黑).
    """
    global _bundled
    if _bundled is None:
        _bundled = []
        folder = resources_dir() / "fonts"
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            if path.suffix.lower() in (".ttf", ".ttc", ".otf"):
                font_id = QFontDatabase.addApplicationFont(str(path))
                if font_id >= 0:
                    _bundled.extend(QFontDatabase.applicationFontFamilies(font_id))
    return _bundled


def cjk_family() -> str:
    """A font family with Chinese glyphs, or the default family when none of ours is installed."""
    bundled_fonts()
    installed = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in installed), QFont().family())


def ensure_gui_application() -> QGuiApplication:
    """A Qt application for drawing (the ``xz print`` command has none); offscreen without a display."""
    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["xz"])
    return app  # type: ignore[return-value]


def page_layout(device: QPagedPaintDevice) -> None:
    """A4 portrait with the small device margin (the printer of the dialogs, or the PDF writer)."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


class FormPrintout(QObject):
    """One unit's form for one period, as HTML, as a document to print, or as a PDF file."""

    def __init__(self, form: Form, author: str = "", printed_at: datetime | None = None):
        super().__init__()
        self.form = form
        self.author = author
        self.printed_at = printed_at or datetime.now()

    @property
    def title(self) -> str:
        return f"{self.form.unit.name} {message_text(period_label(self.form.period))}"

    def html(self) -> str:
        """The printable form as HTML (the subset QTextDocument renders)."""
        form = self.form
        # Each word a literal self.tr() call outside the f-strings, where pyside6-lupdate finds it.
        words = {
            "title": self.tr("秀洲区人才发展“十四五”规划指标填报表"),
            "unit": self.tr("填报单位"),
            "period": self.tr("报告期"),
            "printed": self.tr("打印时间"),
            "no": self.tr("序号"),
            "indicator": self.tr("指标"),
            "measure": self.tr("单位"),
            "previous": self.tr("上期"),
            "current": self.tr("本期"),
            "check": self.tr("审核"),
            "note": self.tr("说明"),
            "checks": self.tr("审核情况"),
            "date": self.tr("日期"),
            "year": self.tr("年"),
            "month": self.tr("月"),
            "day": self.tr("日"),
            "made_by": self.tr("制表"),
        }
        w = {key: _e(text) for key, text in words.items()}
        period = message_text(period_label(form.period))
        previous = message_text(period_label(form.previous_period))
        out = [
            f"<h2 align='center' style='font-size:15pt'>{w['title']}</h2>",
            "<table width='100%' cellspacing='0' cellpadding='2'><tr>",
            f"<td>{w['unit']}：<b>{_e(form.unit.name)}</b></td>",
            f"<td align='center'>{w['period']}：<b>{_e(period)}</b></td>",
            f"<td align='right'>{w['printed']}：{self.printed_at:%Y-%m-%d %H:%M}</td>",
            "</tr></table>",
            "<table width='100%' border='1' cellspacing='0' cellpadding='3' "
            "style='border-collapse:collapse; border-color:#555'>",
            "<thead><tr style='background-color:#e8eef6'>",
            f"<th width='5%'>{w['no']}</th><th width='28%'>{w['indicator']}</th><th width='8%'>{w['measure']}</th>",
            f"<th width='12%'>{w['previous']}<br/>{_e(previous)}</th>"
            f"<th width='12%'>{w['current']}<br/>{_e(period)}</th>",
            f"<th width='9%'>{w['check']}</th><th>{w['note']}</th></tr></thead>",
        ]
        number = 0
        for group, rows in form.groups():
            out.append(
                "<tr style='background-color:#f2f4f7'><td colspan='7'>"
                f"<b>{_e(QCoreApplication.translate('form', group))}</b></td></tr>"
            )
            for row in rows:
                number += 1
                status = row.status
                colour = {Status.ERROR: "#b3261e", Status.WARNING: "#8a4b00"}.get(status, "#000000")
                # A derived figure's name in italics: the 审核 column says 自动计算.
                name = _e(row.indicator.name) if row.editable else f"<i>{_e(row.indicator.name)}</i>"
                out.append(
                    f"<tr><td align='center'>{number}</td><td>{name}</td><td align='center'>{_e(row.measure)}</td>"
                    f"<td align='right'>{_e(row.shown(row.previous))}</td>"
                    f"<td align='right'><b>{_e(row.shown(row.value))}</b></td>"
                    f"<td align='center' style='color:{colour}'>{_e(message_text(status_label(status)))}</td>"
                    f"<td>{_e(row.explanation)}</td></tr>"
                )
        out.append("</table>")
        out.append(f"<p><b>{w['checks']}</b>：" + _e(self.summary_text()) + "</p>")
        problems = [f for f in form.findings if f.severity is Severity.ERROR or not f.explained]
        if problems:
            out.append("<ol style='margin-top:0'>")
            for finding in problems:
                label = self.tr("错误") if finding.severity is Severity.ERROR else self.tr("提示")
                out.append(f"<li>[{_e(label)}] {_e(message_text(finding.message))}</li>")
            out.append("</ol>")
        boxes = (self.tr("填报人"), self.tr("审核人"), self.tr("单位负责人"), self.tr("单位盖章"))
        out.append(
            "<br/><table width='100%' border='1' cellspacing='0' cellpadding='6' style='border-collapse:collapse'><tr>"
        )
        out.extend(f"<td width='25%' align='center' style='background-color:#f2f4f7'>{_e(b)}</td>" for b in boxes)
        out.append("</tr><tr>")
        out.extend("<td><br/><br/><br/><br/></td>" for _ in boxes)
        out.append("</tr></table>")
        gap = "&nbsp;" * 8
        out.append(f"<p align='right'>{w['date']}：{gap}{gap}{w['year']}{gap}{w['month']}{gap}{w['day']}</p>")
        if self.author:
            out.append(f"<p style='color:#555; font-size:8pt'>{w['made_by']}：{_e(self.author)} · xz-desktop</p>")
        return "\n".join(out)

    def summary_text(self) -> str:
        """“已填 12 项，未填 9 项；错误 1 个；提示 2 条（未说明 1 条）”."""
        s = self.form.summary
        return self.tr(
            "已填 {filled} 项，未填 {missing} 项；错误 {errors} 个；提示 {warnings} 条（未说明 {unexplained} 条）"
        ).format(filled=s.filled, missing=s.missing, errors=s.errors, warnings=s.warnings, unexplained=s.unexplained)

    def document(self) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(QFont(cjk_family(), FONT_PT))
        document.setDocumentMargin(0)
        document.setMetaInformation(
            QTextDocument.MetaInformation.DocumentTitle, f"{self.form.unit.name} {self.form.period}"
        )
        document.setHtml(self.html())
        return document

    def write_pdf(self, path: str | Path) -> Path:
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
            page_layout(writer)
            writer.setResolution(300)
            writer.setTitle(self.title)
            writer.setCreator("xz-desktop")
            self.document().print_(writer)
            del writer  # the PDF is finished when the writer goes away
            if partial.stat().st_size == 0:
                raise OSError(self.tr("PDF 没有写出内容"))
            os.replace(partial, path)
        except OSError as exc:
            with contextlib.suppress(OSError):  # the folder itself was the problem: nothing was written there
                partial.unlink(missing_ok=True)
            raise XzError(
                Message(
                    "FormPrintout",
                    QT_TRANSLATE_NOOP("FormPrintout", "无法写入 {path}：{reason}（文件可能正被其他程序打开）"),
                    {"path": str(path), "reason": exc.strerror or exc},
                )
            ) from exc
        return path


def write_pdf(form: Form, path: str | Path, author: str = "") -> Path:
    """``form`` as an A4 PDF at ``path``; :class:`XzError` when the file cannot be written."""
    return FormPrintout(form, author).write_pdf(path)
