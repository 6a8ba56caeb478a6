"""年度评估报告: the annual evaluation report as a Word document (python-docx), and its PDF via LibreOffice.

Everything in it is written from the figures: the summary sentences, the 表2 table, the charts,
the units' reporting, the assessment, the index, the indicators behind schedule with the units'
说明. It never gives a verdict on an incomplete figure: it says 数据不完整 and who is missing.
The document's text is Chinese (it is the district's official document, whatever the window's language).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.numbers import format_number
from ...domain.periods import PLAN_BASE_YEAR, parse_period
from ...domain.timefmt import chinese_date
from ...domain.totals import TotalRow
from ...store import Store
from ..files import check_target, replacing
from ..progress import SILENT, Progress
from ..status import submission_status
from ..totals import totals
from . import charts
from .assess import assess
from .talent_index import index_trend, talent_index

FONT = "宋体"
HEADING_FONT = "黑体"
SOFFICE_TIMEOUT_S = 240


@dataclass(frozen=True)
class ReportResult:
    docx: Path
    pdf: Path | None


# -- honesty: what a figure may be said to be --------------------------------------------------


def is_complete(row: TotalRow) -> bool:
    """Complete when a value exists and no expected unit is missing (the totals' ``complete`` where present)."""
    flag = getattr(row, "complete", None)  # issue 9 adds TotalRow.complete; until then, the units missing
    if isinstance(flag, bool):
        return flag and row.progress_value is not None
    return row.progress_value is not None and not row.units_missing


def is_estimated(row: TotalRow) -> bool:
    """A figure completed by carrying a missing unit's last stock figure forward (沿用上期, issue 9's ``estimated``)."""
    return bool(getattr(row, "estimated", False))


def fmt(value: float | None, decimals: int) -> str:
    return "—" if value is None else format_number(value, decimals)


def verdict_text(row: TotalRow) -> str:
    if not is_complete(row):
        return "数据不完整，不作判断"
    if row.on_track is None:
        return "无规划目标"
    word = "达到规划进度" if row.on_track else "落后于规划进度"
    return f"{word}（估）" if is_estimated(row) else word


def summary_sentence(row: TotalRow, year: int, names: dict[str, str]) -> str:
    """“2024年全区人才资源总量13.26万人，为2025年目标的90.1%，落后于规划进度。”"""
    what = "累计" if row.cumulative is not None else ""
    value = f"{fmt(row.progress_value, row.decimals)}{row.measure}"
    if not is_complete(row):
        who = "、".join(names.get(u, u) for u in row.units_missing) or "部分单位"
        shown = "尚无数据" if row.progress_value is None else f"已报部分为{what}{value}"
        return f"{year}年全区{row.name}数据不完整（{who}未报），{shown}，暂不作进度判断。"
    estimate = "（含沿用上期的估计数）" if is_estimated(row) else ""
    parts = [f"{year}年全区{row.name}{what}{value}{estimate}"]
    if row.target_2025 and row.progress_value is not None:
        parts.append(f"为2025年目标的{row.progress_value / row.target_2025:.1%}")
    if row.on_track is not None:
        parts.append("达到规划进度" if row.on_track else "落后于规划进度")
    return "，".join(parts) + "。"


# -- the document ---------------------------------------------------------------------------------


def _fonts(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name in ("Title", "Heading 1", "Heading 2"):
        style = doc.styles[name]
        style.font.name = HEADING_FONT
        style.element.rPr.rFonts.set(qn("w:eastAsia"), HEADING_FONT)


def _table(doc: DocxDocument, headers: list[str], rows: list[list[str]], widths: list[float] | None = None) -> None:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
            run.font.size = Pt(9)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(9)
    if widths:
        table.autofit = False
        for column, w in zip(table.columns, widths):
            column.width = Cm(w)  # the grid: what LibreOffice reads
        for row in table.rows:
            for cell, w in zip(row.cells, widths):
                cell.width = Cm(w)  # the cells: what Word reads


def _cover(doc: DocxDocument, store: Store, year: int) -> None:
    for _ in range(6):
        doc.add_paragraph()
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("秀洲区人才发展“十四五”规划")
    run.font.size = Pt(22)
    run.bold = True
    sub = doc.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = sub.add_run(f"{year}年度评估报告")
    run.font.size = Pt(20)
    run.bold = True
    for _ in range(8):
        doc.add_paragraph()
    for text in ("区委人才工作领导小组办公室", chinese_date(date.today())):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).font.size = Pt(14)
    if store.is_demo:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run("（示例数据，仅供演示）").font.size = Pt(12)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _yearly_series(store: Store, year: int, codes: list[str]) -> list[charts.Series]:
    years = list(range(PLAN_BASE_YEAR, year + 1))
    by_year = {y: {r.code: r for r in totals(store, str(y))} for y in years}
    out = []
    for code in codes:
        rows = [by_year[y][code] for y in years]
        first = rows[-1]
        out.append(
            charts.Series(
                first.name,
                first.measure,
                years,
                [r.progress_value if is_complete(r) else None for r in rows],
                [r.expected for r in rows],
                first.target_2025,
            )
        )
    return out


def build_report(store: Store, period: str, progress: Progress = SILENT) -> DocxDocument:
    """The report as a python-docx Document (not yet saved)."""
    year = parse_period(period).year
    if not store.is_district:
        raise XzError(Message("plan_report", QT_TRANSLATE_NOOP("plan_report", "年度评估报告在区级汇总数据库中生成")))
    catalog = store.catalog()
    names = {u.code: u.name for u in catalog.units}
    steps = 8
    progress.step(0, steps, "读取汇总数据")
    rows = [r for r in totals(store, str(year)) if r.table2_seq is not None]
    doc = Document()
    _fonts(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.0)
    _cover(doc, store, year)

    progress.step(1, steps, "概述")
    doc.add_heading("一、总体情况", level=1)
    complete = [r for r in rows if is_complete(r)]
    behind = [r for r in complete if r.on_track is False]
    ahead = [r for r in complete if r.on_track is True]
    incomplete = [r for r in rows if not is_complete(r)]
    doc.add_paragraph(
        f"《秀洲区人才发展“十四五”规划》表2所列{len(rows)}项主要指标中，{year}年数据完整的{len(complete)}项，"
        f"其中{len(ahead)}项达到规划进度，{len(behind)}项落后于规划进度；"
        + (f"{len(incomplete)}项数据不完整，暂不作进度判断。" if incomplete else "各项数据均已完整。")
    )
    for r in rows:
        doc.add_paragraph(summary_sentence(r, year, names), style="List Bullet")

    progress.step(2, steps, "表2 进度表")
    doc.add_heading("二、主要指标完成情况（表2）", level=1)
    table_rows = []
    for r in rows:
        value = fmt(r.progress_value, r.decimals)
        if r.cumulative is not None:
            value = f"{value}（累计；当年 {fmt(r.value, r.decimals)}）"
        if not is_complete(r):
            value += "（不完整）"
        elif is_estimated(r):
            value += "（估）"
        table_rows.append(
            [
                str(r.table2_seq),
                r.name,
                r.measure,
                fmt(r.base_2020, r.decimals),
                value,
                fmt(r.target_2025, r.decimals),
                fmt(r.expected, r.decimals),
                "—" if r.completion is None or not is_complete(r) else f"{r.completion:.1%}",
                verdict_text(r),
            ]
        )
    _table(
        doc,
        ["序号", "指标", "单位", "2020年基数", f"{year}年", "2025年目标", "应达", "完成率", "进度"],
        table_rows,
        [0.9, 3.9, 1.3, 1.6, 2.2, 1.6, 1.6, 1.5, 2.4],
    )
    doc.add_paragraph(
        "注：完成率为从2020年基数到2025年目标已走过的比例；“应达”为按规划轨迹当年应达到的数值。"
        "标“不完整”的指标有单位尚未报送，不作进度判断。"
    )

    progress.step(3, steps, "绘制图表")
    doc.add_heading("三、主要指标走势", level=1)
    main = [r.code for r in rows if r.aggregation in ("stock", "ratio", "sum")][:6]
    png = charts.indicator_grid(_yearly_series(store, year, main))
    doc.add_picture(io.BytesIO(png), width=Cm(16))
    doc.add_paragraph("图中虚线为规划进度，横线为2025年目标；数据不完整的年份不画点。")

    progress.step(4, steps, "报送情况")
    doc.add_heading("四、各单位报送情况", level=1)
    status = submission_status(store, str(year))
    submitted = [s for s in status if s.submitted]
    doc.add_paragraph(
        f"{year}年应报送单位{len(status)}个，已报送{len(submitted)}个，未报送{len(status) - len(submitted)}个"
        + (f"（{'、'.join(s.name for s in status if not s.submitted)}）" if len(submitted) < len(status) else "")
        + "。"
    )
    _table(
        doc,
        ["单位", "报送状态", "首次报送时间", "已填/应填"],
        [
            [
                s.name,
                "已报送" if s.submitted else "未报送",
                (s.submitted_at or "")[:16].replace("T", " "),
                f"{s.values}/{s.expected}",
            ]
            for s in status
        ],
        [5.0, 2.5, 4.0, 2.5],
    )

    progress.step(5, steps, "考核")
    doc.add_heading("五、年度考核", level=1)
    scores = assess(store, str(year))
    kinds = {"geographic": "镇（街道）、高新区", "sector": "区级部门"}
    doc.add_paragraph(
        "考核按各单位本单位分解目标的进度计分（方案见 resources/plan/assessment.json，方法见 docs/plan.md）。"
        "数据不完整的考核项按方案计分并注明。"
    )
    _table(
        doc,
        ["类别", "名次", "单位", "得分", "加减分", "说明"],
        [
            [
                kinds.get(s.kind, s.kind),
                "" if s.rank is None else str(s.rank),
                names.get(s.unit, s.unit),
                "未下达目标" if s.score is None else f"{s.score:.2f}",
                (f"+{s.bonus:g}" if s.bonus else "") + (f" −{s.deduction:g}" if s.deduction else ""),
                ("数据不完整" if not s.complete else "") + "；".join(a.reason for a in s.adjustments),
            ]
            for s in scores
        ],
        [3.0, 1.2, 4.2, 1.8, 1.8, 5.0],
    )

    progress.step(6, steps, "人才发展指数")
    doc.add_heading("六、人才发展指数", level=1)
    indices = talent_index(store, str(year))
    doc.add_paragraph(
        "人才发展指数以2020年为100，由分指数加权合成（方案见 resources/plan/index.json，方法与算例见 docs/plan.md）。"
        "所需数据不完整的单位不计算指数、不排名。"
    )
    part_names = [p.name for p in indices[0].parts] if indices else []
    _table(
        doc,
        ["名次", "单位", "指数", *part_names],
        [
            [
                "" if i.rank is None else str(i.rank),
                names.get(i.unit, i.unit),
                "不完整" if i.index is None else f"{i.index:.2f}",
                *["不完整" if p.index is None else f"{p.index:.2f}" for p in i.parts],
            ]
            for i in sorted(indices, key=lambda i: (i.rank is None, i.rank or 0))
        ],
    )
    trend = index_trend(store, year)
    png = charts.index_trend({names.get(u, u): [(i.year, i.index) for i in series] for u, series in trend.items()})
    doc.add_picture(io.BytesIO(png), width=Cm(16))

    progress.step(7, steps, "落后指标及说明")
    doc.add_heading("七、落后于规划进度的指标及说明", level=1)
    if not behind:
        doc.add_paragraph("数据完整的指标中没有落后于规划进度的。")
    for r in behind:
        doc.add_heading(f"{r.name}", level=2)
        doc.add_paragraph(summary_sentence(r, year, names))
        codes = [r.code] + [c.code for c in catalog.components(catalog.indicator(r.code))]
        notes = [
            v for code in codes for v in store.values.select(indicator=code, period=str(year)) if v.explanation.strip()
        ]
        for v in notes:
            doc.add_paragraph(f"{names.get(v.unit, v.unit)}说明：{v.explanation.strip()}", style="List Bullet")
        if not notes:
            doc.add_paragraph("各单位未填写说明。")

    doc.add_paragraph()
    doc.add_paragraph("填报人：____________    审核人：____________    负责人：____________    日期：____年__月__日")
    progress.step(8, steps, "完成")
    return doc


def write_report(
    store: Store, period: str, out: str | Path, *, pdf: bool = False, progress: Progress = SILENT
) -> ReportResult:
    """Write the report to ``out`` (.docx), and its PDF beside it when asked; nothing half-written is left."""
    target = check_target(out, (".docx",))
    doc = build_report(store, period, progress)
    with replacing(target) as tmp:
        doc.save(str(tmp))
    pdf_path = convert_to_pdf(target) if pdf else None
    return ReportResult(target, pdf_path)


def soffice() -> str | None:
    """LibreOffice's command line, if installed (Windows: its default folder)."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for folder in (os.environ.get("PROGRAMFILES", ""), os.environ.get("PROGRAMFILES(X86)", "")):
        candidate = Path(folder) / "LibreOffice" / "program" / "soffice.exe"
        if folder and candidate.is_file():
            return str(candidate)
    return None


def convert_to_pdf(docx: Path) -> Path:
    """The PDF of ``docx`` beside it, made by LibreOffice headless with a private profile."""
    program = soffice()
    if program is None:
        raise XzError(
            Message(
                "plan_report",
                QT_TRANSLATE_NOOP("plan_report", "未安装 LibreOffice，无法生成 PDF；Word 文件已写出：{path}"),
                {"path": str(docx)},
            )
        )
    target = docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="xz-pdf-") as work:
        profile = Path(work, "profile").as_uri()
        try:
            done = subprocess.run(
                [
                    program,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    work,
                    str(docx),
                ],
                capture_output=True,
                text=True,
                timeout=SOFFICE_TIMEOUT_S,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise XzError(
                Message(
                    "plan_report",
                    QT_TRANSLATE_NOOP("plan_report", "LibreOffice 转换 PDF 失败：{reason}"),
                    {"reason": str(exc)},
                )
            ) from None
        made = Path(work) / (docx.stem + ".pdf")
        if done.returncode != 0 or not made.is_file():
            raise XzError(
                Message(
                    "plan_report",
                    QT_TRANSLATE_NOOP("plan_report", "LibreOffice 转换 PDF 失败：{reason}"),
                    {"reason": (done.stderr or done.stdout).strip()[:300] or f"exit {done.returncode}"},
                )
            )
        with replacing(target) as tmp:
            shutil.copyfile(made, tmp)
    return target
