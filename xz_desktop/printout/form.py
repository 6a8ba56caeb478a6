"""The printed form: A4, for the leader's signature and the unit's stamp.

One HTML document (QTextDocument) serves the PDF, the print dialog and the preview, so what
the clerk previews is what is filed. The form paginates itself (:meth:`FormPrintout.paginate`):
the signature block never starts a page alone, and every page says 第 1 页 共 N 页. Chinese needs a CJK font chosen by name: Qt's
fallback may pick a font without the glyphs, and a PDF viewer on another machine must not
have to guess.

Both the window (``ui/form/page.py`` through ``ui/form/printing.py``) and ``xz print`` use this module.
"""

from __future__ import annotations

import contextlib
import html
import os
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
    QTextTable,
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
# The device has no margin of its own: the form lays out its pages itself (FormPrintout.paginate), with
# these margins, and prints 第 1 页 共 N 页 in the bottom one.
MARGIN_MM = 0
MARGIN_SIDE_MM = 20
MARGIN_TOP_MM = 15
MARGIN_BOTTOM_MM = 20
FOOTER_PT = 8
KEEP_ROWS = 3  # the signature block's page holds at least this many of the form's rows (all, on a shorter form)
MAX_KEEP_ROWS = 40  # beyond that the block is longer than a page: it flows as it comes
MAX_BLOCK_SHARE = 0.8  # a block taller than this share of a page cannot have rows above it: it flows as it comes
GROUP_FILL = "#f2f4f7"
COMPUTED_FILL = "#e4e4e4"  # a derived figure's row: grey, with the word 计算 (a CJK font has no italic)
# Whole points: QFont(family, 9.5) was always taken as 9 pt, which is what the filed forms look like.
FONT_PT = 9


def message_text(message: Message) -> str:
    """A lower layer's message in the interface's language (the same lookup as ``ui/common/i18n.py``)."""
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


@dataclass(frozen=True)
class TableLine:
    """One line of the form's table: a category's heading or an indicator's row, as HTML."""

    html: str
    is_row: bool


@dataclass(frozen=True)
class Paginated:
    """The form laid out on a device's pages; ``break_before`` is the entry the second table starts with."""

    document: QTextDocument
    pages: int
    page_height: float
    break_before: int | None
    signature_with_rows: bool
    block_share: float = 0.0  # how much of a page's body the block from the summary to the date takes


class FormPrintout(QObject):
    """One unit's form for one period, as HTML, as a paginated document on a printer, or as a PDF file."""

    def __init__(self, form: Form, author: str = "", printed_at: datetime | None = None):
        super().__init__()
        self.form = form
        self.author = author
        self.printed_at = printed_at or datetime.now()
        self._lines: list[TableLine] | None = None

    @property
    def title(self) -> str:
        return f"{self.form.unit.name} {message_text(period_label(self.form.period))}"

    def _words(self) -> dict[str, str]:
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
            "filled_by": self.tr("填报人"),
            "contact": self.tr("联系人"),
            "phone": self.tr("联系电话"),
            "reviewer": self.tr("审核人"),
            "legend": self.tr(
                "注：灰底并标“计算”的行是由本表填报的数值自动计算的指标，无需填写；“审核”列为程序按审核公式检查的结果。"
            ),
        }
        return {key: _e(text) for key, text in words.items()}

    def entries(self) -> list[TableLine]:
        """The table's lines in form order: each category's heading, then its rows (made once: paginating
        lays the form out several times)."""
        if self._lines is None:
            self._lines = self._make_entries()
        return self._lines

    def _make_entries(self) -> list[TableLine]:
        out: list[TableLine] = []
        number = 0
        mark = _e(self.tr("计算"))
        for group, rows in self.form.groups():
            out.append(
                TableLine(
                    f"<tr style='background-color:{GROUP_FILL}'><td colspan='7'>"
                    f"<b>{_e(QCoreApplication.translate('form', group))}</b></td></tr>",
                    False,
                )
            )
            for row in rows:
                number += 1
                status = row.status
                colour = {Status.ERROR: "#b3261e", Status.WARNING: "#8a4b00"}.get(status, "#000000")
                # A derived figure: grey ground and the word 计算 (no CJK font has an italic to slant it).
                derived = not row.editable
                fill = f" style='background-color:{COMPUTED_FILL}'" if derived else ""
                name = _e(row.indicator.name) + (f"<span style='color:#555'>（{mark}）</span>" if derived else "")
                out.append(
                    TableLine(
                        f"<tr{fill}><td align='center'>{number}</td><td>{name}</td>"
                        f"<td align='center'>{_e(row.measure)}</td>"
                        f"<td align='right'>{_e(row.shown(row.previous))}</td>"
                        f"<td align='right'><b>{_e(row.shown(row.value))}</b></td>"
                        f"<td align='center' style='color:{colour}'>{_e(message_text(status_label(status)))}</td>"
                        f"<td>{_e(row.explanation)}</td></tr>",
                        True,
                    )
                )
        return out

    def html(self, break_before: int | None = None) -> str:
        """The printable form as HTML (the subset QTextDocument renders).

        ``break_before``: the table continues on a new page from that entry on (the rows the
        signature block must not be parted from), with its header repeated.
        """
        form = self.form
        w = self._words()
        period = message_text(period_label(form.period))
        previous = message_text(period_label(form.previous_period))
        head = (
            "<thead><tr style='background-color:#e8eef6'>"
            f"<th width='5%'>{w['no']}</th><th width='28%'>{w['indicator']}</th><th width='8%'>{w['measure']}</th>"
            f"<th width='12%'>{w['previous']}<br/>{_e(previous)}</th>"
            f"<th width='12%'>{w['current']}<br/>{_e(period)}</th>"
            f"<th width='9%'>{w['check']}</th><th>{w['note']}</th></tr></thead>"
        )

        def table(extra_style: str = "") -> str:
            return (
                "<table width='100%' border='1' cellspacing='0' cellpadding='3' "
                f"style='border-collapse:collapse; border-color:#555{extra_style}'>" + head
            )

        out = [
            f"<h2 align='center' style='font-size:15pt'>{w['title']}</h2>",
            "<table width='100%' cellspacing='0' cellpadding='2'><tr>",
            f"<td>{w['unit']}：<b>{_e(form.unit.name)}</b></td>",
            f"<td align='center'>{w['period']}：<b>{_e(period)}</b></td>",
            f"<td align='right'>{w['printed']}：{self.printed_at:%Y-%m-%d %H:%M}</td>",
            "</tr></table>",
            table(),
        ]
        entries = self.entries()
        for n, entry in enumerate(entries):
            if n == break_before and n > 0:
                out.append("</table>")
                out.append(table("; page-break-before:always"))
            out.append(entry.html)
        out.append("</table>")
        if any(not row.editable for row in form.rows):
            out.append(f"<p style='color:#555; font-size:8pt'>{w['legend']}</p>")
        out.append(f"<p><b>{w['checks']}</b>：" + _e(self.summary_text()) + "</p>")
        problems = [f for f in form.findings if f.severity is Severity.ERROR or not f.explained]
        if problems:
            out.append("<ol style='margin-top:0'>")
            for finding in problems:
                label = self.tr("错误") if finding.severity is Severity.ERROR else self.tr("提示")
                out.append(f"<li>[{_e(label)}] {_e(message_text(finding.message))}</li>")
            out.append("</ol>")
        out.extend(self._signature(w))
        return "\n".join(out)

    def _signature(self, w: dict[str, str]) -> list[str]:
        """The contact line, the boxes for signature and stamp, the date: the block kept with the last rows."""
        unit = self.form.unit
        blank = "_" * 14

        def field(label: str, value: str) -> str:
            return f"<td>{label}：{_e(value) if value else blank}</td>"

        out = [
            "<table width='100%' cellspacing='0' cellpadding='4' style='margin-top:8px'><tr>",
            field(w["filled_by"], self.filled_by()),
            field(w["contact"], unit.contact),
            field(w["phone"], unit.phone),
            field(w["reviewer"], ""),
            "</tr></table>",
        ]
        boxes = (self.tr("填报人"), self.tr("审核人"), self.tr("单位负责人"), self.tr("单位盖章"))
        out.append(
            "<table width='100%' border='1' cellspacing='0' cellpadding='6' style='border-collapse:collapse'><tr>"
        )
        out.extend(f"<td width='25%' align='center' style='background-color:{GROUP_FILL}'>{_e(b)}</td>" for b in boxes)
        out.append("</tr><tr>")
        out.extend("<td><br/><br/><br/><br/></td>" for _ in boxes)
        out.append("</tr></table>")
        gap = "&nbsp;" * 8
        out.append(f"<p align='right'>{w['date']}：{gap}{gap}{w['year']}{gap}{w['month']}{gap}{w['day']}</p>")
        if self.author:
            out.append(f"<p style='color:#555; font-size:8pt'>{w['made_by']}：{_e(self.author)} · xz-desktop</p>")
        return out

    def filled_by(self) -> str:
        """Who entered the form's figures (the audit's 修改人, most figures first): printed as 填报人.

        Not the printing database's author: the district prints a town's form filled by the town's clerk.
        """
        counts = Counter(r.changed_by for r in self.form.rows if r.editable and r.value is not None and r.changed_by)
        names = [name for name, _ in counts.most_common()]
        return "、".join(names[:3]) + (self.tr("等") if len(names) > 3 else "")

    def summary_text(self) -> str:
        """“已填 12 项，未填 9 项；错误 1 个；提示 2 条（未说明 1 条）”."""
        s = self.form.summary
        return self.tr(
            "已填 {filled} 项，未填 {missing} 项；错误 {errors} 个；提示 {warnings} 条（未说明 {unexplained} 条）"
        ).format(filled=s.filled, missing=s.missing, errors=s.errors, warnings=s.warnings, unexplained=s.unexplained)

    def document(self, break_before: int | None = None) -> QTextDocument:
        """The form as one unpaginated document (its text; :meth:`paginate` lays it out on pages)."""
        document = QTextDocument()
        document.setDefaultFont(QFont(cjk_family(), FONT_PT))
        document.setDocumentMargin(0)
        document.setMetaInformation(
            QTextDocument.MetaInformation.DocumentTitle, f"{self.form.unit.name} {self.form.period}"
        )
        document.setHtml(self.html(break_before))
        return document

    def _laid_out(self, device: QPagedPaintDevice, break_before: int | None) -> Paginated:
        document = self.document(break_before)
        layout = document.documentLayout()
        layout.setPaintDevice(device)
        frame = document.rootFrame().frameFormat()
        # Frame margins are in 96-dpi pixels, scaled to the device by the layout; the page size is the device's.
        px = 96 / 25.4
        frame.setLeftMargin(MARGIN_SIDE_MM * px)
        frame.setRightMargin(MARGIN_SIDE_MM * px)
        frame.setTopMargin(MARGIN_TOP_MM * px)
        frame.setBottomMargin(MARGIN_BOTTOM_MM * px)
        document.rootFrame().setFrameFormat(frame)
        height = float(device.height())
        document.setPageSize(QSizeF(device.width(), height))
        pages = document.pageCount()
        tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
        together, share = True, 0.0
        lines = self.entries()
        if len(tables) >= 4 and lines:  # header, the form's table(s), the contact line, the boxes
            rows = tables[-3]  # the last of the form's tables: its header row, then the lines from break_before on
            first_line = break_before or 0
            kept = [n for n in range(first_line, len(lines)) if lines[n].is_row][-KEEP_ROWS:]
            cell = rows.cellAt(1 + kept[0] - first_line, 0) if kept else rows.cellAt(rows.rows() - 1, 0)
            top = layout.blockBoundingRect(cell.firstCursorPosition().block()).top()
            start = layout.frameBoundingRect(tables[-2]).top()
            end = layout.blockBoundingRect(document.lastBlock()).bottom()
            page = int(top // height)
            together = page == int(start // height) == int(max(end - 1, start) // height)
            body = height - (MARGIN_TOP_MM + MARGIN_BOTTOM_MM) / 25.4 * device.logicalDpiY()
            share = (end - layout.frameBoundingRect(rows).bottom()) / body
        return Paginated(document, pages, height, break_before, together, share)

    def paginate(self, device: QPagedPaintDevice) -> Paginated:
        """The form on ``device``'s pages, the signature block on the same page as the last rows.

        When the block would start a page of its own (or be cut), the table breaks earlier: the
        last rows (at least :data:`KEEP_ROWS`, their category's heading with them) move over with it.
        """
        first = self._laid_out(device, None)
        if first.signature_with_rows or first.block_share > MAX_BLOCK_SHARE:
            return first  # together already, or a block (pages of findings) no earlier break keeps with rows
        entries = self.entries()
        rows_at = [n for n, e in enumerate(entries) if e.is_row]
        for keep in range(KEEP_ROWS, min(len(rows_at), MAX_KEEP_ROWS) + 1):
            at = rows_at[-keep]
            while at > 0 and not entries[at - 1].is_row:  # a heading never stays behind at a page's foot
                at -= 1
            if at == 0:
                break
            tried = self._laid_out(device, at)
            if tried.signature_with_rows:
                return tried
        return first  # a block longer than a page (pages of findings): printed as it flows

    def render(self, device: QPagedPaintDevice) -> int:
        """Paint the form on ``device`` (a printer or a PDF writer), numbered 第 1 页 共 N 页; the page count."""
        laid = self.paginate(device)
        layout = laid.document.documentLayout()
        width, height = float(device.width()), laid.page_height
        dpi = device.logicalDpiY()
        margin_top = MARGIN_TOP_MM / 25.4 * dpi
        margin_bottom = MARGIN_BOTTOM_MM / 25.4 * dpi
        side = MARGIN_SIDE_MM / 25.4 * dpi
        footer_font = QFont(cjk_family(), FOOTER_PT)
        continued = self.tr("{unit}　{period}　填报表（续）").format(
            unit=self.form.unit.name, period=message_text(period_label(self.form.period))
        )
        painter = QPainter(device)
        try:
            for index in range(laid.pages):
                if index:
                    device.newPage()
                painter.save()
                painter.translate(0, -index * height)
                view = QRectF(0, index * height, width, height)
                painter.setClipRect(view)
                context = QAbstractTextDocumentLayout.PaintContext()
                context.clip = view
                context.palette.setColor(QPalette.ColorRole.Text, QColor("black"))
                layout.draw(painter, context)
                painter.restore()
                painter.setFont(footer_font)
                painter.setPen(QColor("#333333"))
                number = self.tr("第 {page} 页 共 {pages} 页").format(page=index + 1, pages=laid.pages)
                foot = QRectF(side, height - margin_bottom, width - 2 * side, margin_bottom * 0.6)
                painter.drawText(foot, int(Qt.AlignmentFlag.AlignCenter), number)
                if index:
                    top = QRectF(side, 0, width - 2 * side, margin_top * 0.8)
                    painter.drawText(top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), continued)
        finally:
            painter.end()
        return laid.pages

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
            self.render(writer)
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
