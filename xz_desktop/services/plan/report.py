"""年度评估报告: the annual evaluation report as a Word document (python-docx), and its PDF via LibreOffice.

It has the shape a 区委 office's report has: 一、基本情况 (the round: who reported, on time or late),
二、主要成效, 三、存在问题 (indicators behind, data not complete said in words, units behind with their 说明),
四、下步工作建议 (a draft the office finishes in Word), the signature lines, then 附表 1–5 with two charts and
an appendix on the method in plain words. Its sentences (:mod:`.report_text`) render the district's progress
records, never re-derive them; an incomplete figure gets no verdict and no percentage. The document's text is
Chinese (it is the district's official document, whatever the window's language).
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
from docx.table import Table as DocxTable

from ...domain.assessment import NO_TARGETS, UNSCORED_TEXT, UnitScore
from ...domain.catalog import Catalog
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.periods import parse_period
from ...domain.plans import Plan
from ...domain.round import State, state_label, today_local
from ...domain.talent_index import UnitIndex
from ...domain.timefmt import chinese_date, local_time
from ...domain.totals import VERDICT_BEHIND, VERDICT_ON_TRACK, TotalRow
from ...domain.verdicts import label
from ...store import Store
from ..files import check_target, replacing, writing
from ..progress import SILENT, Progress
from ..round.states import RoundStatus, round_status
from ..totals import totals
from . import charts
from .assess import assess
from .progress import ProgressRow, unit_progress_rows
from .report_text import (
    figure_sentence,
    fmt,
    incomplete_sentences,
    is_complete,
    listing,
    method_texts,
    pct,
    plain_name,
    quoted,
    round_sentences,
    verdict_text,
)
from .talent_index import index_trend, talent_index

FONT = "宋体"
HEADING_FONT = "黑体"
SOFFICE_TIMEOUT_S = 240
KINDS = {"geographic": "镇（街道）、高新区", "sector": "区级部门"}
NUMERALS = "〇一二三四五六七八九十"


@dataclass(frozen=True)
class ReportResult:
    docx: Path
    pdf: Path | None


# -- the document ---------------------------------------------------------------------------------


def new_document() -> DocxDocument:
    """An empty A4 portrait document in the report's fonts."""
    doc = Document()
    _fonts(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.0)
    return doc


def _fonts(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name in ("Title", "Heading 1", "Heading 2"):
        style = doc.styles[name]
        style.font.name = HEADING_FONT
        style.element.rPr.rFonts.set(qn("w:eastAsia"), HEADING_FONT)


def table(doc: DocxDocument, headers: list[str], rows: list[list[str]], widths: list[float] | None = None) -> DocxTable:
    """A bordered table, centred, in 9 pt, with ``widths`` in cm (what Word and LibreOffice each read)."""
    grid = doc.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, headers):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
            run.font.size = Pt(9)
    for row in rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(9)
    if widths:
        grid.autofit = False
        for column, w in zip(grid.columns, widths):
            column.width = Cm(w)  # the grid: what LibreOffice reads
        for row in grid.rows:
            for cell, w in zip(row.cells, widths):
                cell.width = Cm(w)  # the cells: what Word reads
    return grid


def _cover(doc: DocxDocument, store: Store, year: int, plan: Plan) -> None:
    cover(doc, store, plan.name.strip("《》"), f"{year}年度评估报告")


def cover(doc: DocxDocument, store: Store, title: str, subtitle: str) -> None:
    """The cover page: the plan's title, the report's, the office and the date (and 示例数据 on the demo)."""
    for _ in range(6):
        doc.add_paragraph()
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run(title)
    run.font.size = Pt(22)
    run.bold = True
    sub = doc.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = sub.add_run(subtitle)
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


def _yearly_series(store: Store, plan: Plan, year: int, codes: list[str]) -> list[charts.Series]:
    years = list(range(plan.base_year, year + 1))
    by_year = {y: {r.code: r for r in totals(store, str(y), plan=plan.code)} for y in years}
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
                first.target,
            )
        )
    return out


@dataclass(frozen=True)
class Facts:
    """What the report's sections are written from: the district's records for the year, read once."""

    year: int
    plan: Plan  # the plan that judges the year
    names: dict[str, str]
    indicator_names: dict[str, str]
    rows: list[TotalRow]  # 表2's indicators: the progress record as ``xz totals --json`` gives it
    status: list[RoundStatus]
    units: list[ProgressRow]
    scores: list[UnitScore]
    indices: list[UnitIndex]

    @property
    def complete(self) -> list[TotalRow]:
        return [r for r in self.rows if is_complete(r)]

    @property
    def ahead(self) -> list[TotalRow]:
        return [r for r in self.complete if r.verdict == VERDICT_ON_TRACK]

    @property
    def behind(self) -> list[TotalRow]:
        return [r for r in self.complete if r.verdict == VERDICT_BEHIND]

    @property
    def incomplete(self) -> list[TotalRow]:
        return [r for r in self.rows if not is_complete(r)]

    @property
    def units_behind(self) -> list[ProgressRow]:
        return [u for u in self.units if u.progress.verdict == VERDICT_BEHIND]


def _basic(doc: DocxDocument, f: Facts) -> None:
    doc.add_heading("一、基本情况", level=1)
    doc.add_paragraph(
        f"根据{f.plan.name}建立的年度评估制度，区委人才工作领导小组办公室组织各镇（街道）、"
        f"秀洲国家高新区和区级有关部门报送了{f.year}年度规划指标数据，对规划表2所列{len(f.rows)}项主要指标的"
        f"完成情况和各单位本单位目标的完成情况进行了评估。"
    )
    for sentence in round_sentences(f.status, f.year, today_local()):
        doc.add_paragraph(sentence)
    text = f"{len(f.rows)}项主要指标中，数据完整的{len(f.complete)}项，其中{len(f.ahead)}项达到规划进度、{len(f.behind)}项落后于规划进度"
    text += f"；{len(f.incomplete)}项因有单位未报数据不全，暂不作进度判断。" if f.incomplete else "。"
    doc.add_paragraph(text)


def _achievements(doc: DocxDocument, f: Facts) -> None:
    doc.add_heading("二、主要成效", level=1)
    if not f.ahead:
        doc.add_paragraph("数据完整的主要指标中，本年度暂无达到规划进度的。")
    else:
        doc.add_paragraph(f"{len(f.ahead)}项主要指标达到规划进度：")
    for r in f.ahead:
        doc.add_paragraph(figure_sentence(r, f.year), style="List Bullet")
    ranked = sorted((i for i in f.indices if i.index is not None), key=lambda i: -(i.index or 0))
    if ranked:
        top, low = ranked[0], ranked[-1]
        text = (
            f"人才发展指数（以{f.plan.base_year}年为100）：计算指数的{len(ranked)}个镇（街道）、高新区中，"
            f"{f.names.get(top.unit, top.unit)}最高，为{top.index:.2f}"
        )
        if len(ranked) > 1:
            text += f"；{f.names.get(low.unit, low.unit)}最低，为{low.index:.2f}"
        unranked = [f.names.get(i.unit, i.unit) for i in f.indices if i.index is None]
        text += f"；{'、'.join(unranked)}数据不全，未计算指数。" if unranked else "。"
        doc.add_paragraph(text)
    firsts = [s for s in f.scores if s.rank == 1 and s.score is not None]
    if firsts:
        said = "；".join(
            f"{KINDS.get(s.kind, s.kind)}中{f.names.get(s.unit, s.unit)}得分最高，为{s.score:.2f}分" for s in firsts
        )
        doc.add_paragraph(f"年度考核：{said}。")


def _notes(store: Store, f: Facts, pairs: set[tuple[str, str]], codes: set[str]) -> list[str]:
    """The units' 说明 of the year for ``pairs`` (unit, indicator) and for every unit of ``codes``."""
    out = []
    for code in sorted(codes | {c for _, c in pairs}):
        for v in store.values.select(indicator=code, period=str(f.year)):
            note = v.explanation.strip()
            if note and (code in codes or (v.unit, code) in pairs):
                out.append(f"{f.names.get(v.unit, v.unit)}（{f.indicator_names.get(code, code)}）：{note}")
    return out


def _problems(doc: DocxDocument, store: Store, f: Facts) -> None:
    doc.add_heading("三、存在问题", level=1)
    n = 0
    if f.behind:
        n += 1
        doc.add_paragraph(f"（{NUMERALS[n]}）{len(f.behind)}项主要指标落后于规划进度。")
        for r in f.behind:
            doc.add_paragraph(figure_sentence(r, f.year), style="List Bullet")
    if f.incomplete or any(not s.submitted for s in f.status):
        n += 1
        doc.add_paragraph(f"（{NUMERALS[n]}）部分数据尚未报齐。")
        for sentence in incomplete_sentences(f.incomplete, f.names):
            doc.add_paragraph(sentence, style="List Bullet")
    if f.units_behind:
        n += 1
        doc.add_paragraph(f"（{NUMERALS[n]}）部分单位落后于本单位目标进度。")
        by_indicator: dict[str, list[ProgressRow]] = {}
        for u in f.units_behind:
            by_indicator.setdefault(u.indicator_name, []).append(u)
        for name, members in by_indicator.items():
            doc.add_paragraph(
                f"{name}：{listing(u.unit_name for u in members)}落后于本单位目标进度。", style="List Bullet"
            )
    pairs = {(u.unit, u.indicator) for u in f.units_behind}
    codes = {r.code for r in f.behind}
    notes = _notes(store, f, pairs, codes)
    if pairs or codes:
        doc.add_paragraph("有关单位填写的说明：" if notes else "有关单位未填写说明。")
        for note in notes:
            doc.add_paragraph(note, style="List Bullet")
    if n == 0:
        doc.add_paragraph("本年度主要指标数据完整，均达到规划进度。")


def _suggestions(doc: DocxDocument, catalog: Catalog, f: Facts) -> None:
    doc.add_heading("四、下步工作建议", level=1)
    items = []
    if f.behind:
        owners = list(dict.fromkeys(u.name for r in f.behind for u in catalog.reporters(catalog.indicator(r.code))))
        who = "、".join(owners) if 0 < len(owners) <= 3 else "各牵头单位"
        items.append(
            f"聚焦落后指标。{listing((quoted(r) for r in f.behind), 3, '项指标')}落后于规划进度，建议{who}分析原因，"
            f"明确下一年度的推进措施和时间节点，确保{f.plan.target_year}年目标如期实现。"
        )
    waiting = [s.name for s in f.status if not s.submitted]
    if f.incomplete or waiting:
        who = listing(waiting, 4) if waiting else "有关单位"
        items.append(f"抓紧补齐数据。督促{who}尽快报送{f.year}年度数据，数据报齐后对有关指标补作评估。")
    late = [s.name for s in f.status if s.submitted and s.late_days]
    if late:
        items.append(f"严格报送时限。{listing(late, 4)}逾期报送，建议进一步明确报送责任人，按期报送。")
    if f.units_behind:
        units = list(dict.fromkeys(u.unit_name for u in f.units_behind))
        items.append(
            f"加强分类指导。对{listing(units, 4)}落后于本单位目标进度的指标，建议跟踪督办，在年度考核中予以体现。"
        )
    target_year = f.plan.target_year
    if f.year < target_year:
        items.append(
            f"对照目标查漏补缺。距规划期末还有{target_year - f.year}年，建议对照{target_year}年目标逐项梳理差距，"
            f"提前谋划规划终期评估。"
            if f.year == target_year - 1
            else f"持续跟踪监测。距规划期末还有{target_year - f.year}年，建议按年度跟踪各项指标，及时发现和解决问题。"
        )
    else:
        items.append("做好规划终期评估。建议全面总结规划实施情况，为下一个五年人才发展规划的编制打好基础。")
    for n, text in enumerate(items, start=1):
        doc.add_paragraph(f"（{NUMERALS[n]}）{text}")


def _appendix_tables(doc: DocxDocument, store: Store, f: Facts) -> None:
    doc.add_heading("附表", level=1)
    doc.add_heading("附表1  规划表2主要指标完成情况", level=2)
    table_rows = []
    for r in f.rows:
        value = fmt(r.progress_value, r.decimals)
        if r.cumulative is not None:
            value = f"{value}（累计；当年 {fmt(r.value, r.decimals)}）"
        if not is_complete(r):
            value += "（不完整）"
        elif r.estimated:
            value += "（估）"
        table_rows.append(
            [
                str(r.table2_seq),
                plain_name(r),
                r.measure,
                fmt(r.plan_base, r.decimals),
                value,
                fmt(r.target, r.decimals),
                fmt(r.expected, r.decimals),
                pct(r.completion),  # the record gives none beside 数据不全
                verdict_text(r),
            ]
        )
    table(
        doc,
        [
            "序号",
            "指标",
            "单位",
            f"{f.plan.base_year}年基数",
            f"{f.year}年",
            f"{f.plan.target_year}年目标",
            "应达",
            "完成率",
            "进度",
        ],
        table_rows,
        [0.9, 3.9, 1.3, 1.6, 2.2, 1.6, 1.6, 1.5, 2.4],
    )
    doc.add_paragraph(
        f"注：完成率为从{f.plan.base_year}年基数到{f.plan.target_year}年目标已走过的比例；"
        "“应达”为按规划进度当年应达到的数值。"
        "标“不完整”的指标有单位尚未报送，不作进度判断。"
    )
    main = [r.code for r in f.rows if r.aggregation in ("stock", "ratio", "sum")][:6]
    png = charts.indicator_grid(_yearly_series(store, f.plan, f.year, main), target_year=f.plan.target_year)
    doc.add_picture(io.BytesIO(png), width=Cm(16))
    doc.add_paragraph(
        f"附图1  主要指标走势。虚线为规划进度，横线为{f.plan.target_year}年目标；数据不完整的年份不画点。"
    )

    doc.add_heading("附表2  各单位本单位目标完成情况", level=2)
    table(
        doc,
        ["单位", "指标", "本单位目标", f"{f.year}年", "应达", "完成率", "进度"],
        [
            [
                u.unit_name,
                u.indicator_name,
                fmt(u.progress.target, u.decimals),
                fmt(u.progress.value, u.decimals),
                fmt(u.progress.due, u.decimals),
                pct(u.progress.completion),
                str(label(u.progress.verdict)),
            ]
            for u in f.units
        ],
        [2.8, 3.6, 2.2, 2.2, 2.2, 1.6, 1.8],
    )
    doc.add_paragraph("注：个数、人数的“应达”为按规划进度当年已到期的整数。")

    doc.add_heading("附表3  年度考核结果", level=2)
    table(
        doc,
        ["类别", "名次", "单位", "得分", "加减分", "说明"],
        [
            [
                KINDS.get(s.kind, s.kind),
                "" if s.rank is None else str(s.rank),
                f.names.get(s.unit, s.unit),
                UNSCORED_TEXT.get(s.unscored or "", "") if s.score is None else f"{s.score:.2f}",
                (f"+{s.bonus:g}" if s.bonus else "") + (f" −{s.deduction:g}" if s.deduction else ""),
                ("数据不全" if not s.complete and s.score is not None else "")
                + "；".join(a.reason for a in s.adjustments),
            ]
            for s in f.scores
            if s.unscored != NO_TARGETS
        ],
        [3.0, 1.2, 4.2, 1.8, 1.8, 5.0],
    )
    untargeted = [f.names.get(s.unit, s.unit) for s in f.scores if s.unscored == NO_TARGETS]
    if untargeted:
        doc.add_paragraph(f"注：{listing(untargeted, 5)}本年度未下达考核目标，不参加考核。")

    doc.add_heading(f"附表4  人才发展指数（{f.plan.base_year}年=100）", level=2)
    part_names = [p.name for p in f.indices[0].parts] if f.indices else []
    table(
        doc,
        ["名次", "单位", "指数", *part_names],
        [
            [
                "" if i.rank is None else str(i.rank),
                f.names.get(i.unit, i.unit),
                "数据不全" if i.index is None else f"{i.index:.2f}",
                *["数据不全" if p.index is None else f"{p.index:.2f}" for p in i.parts],
            ]
            for i in sorted(f.indices, key=lambda i: (i.rank is None, i.rank or 0))
        ],
    )
    trend = index_trend(store, f.year)
    png = charts.index_trend(
        {f.names.get(u, u): [(i.year, i.index) for i in series] for u, series in trend.items()}, f.plan.base_year
    )
    doc.add_picture(io.BytesIO(png), width=Cm(16))
    doc.add_paragraph("附图2  各镇（街道）、高新区人才发展指数走势。")

    doc.add_heading("附表5  各单位数据报送情况", level=2)
    table(
        doc,
        ["单位", "报送状态", "首次报送时间", "逾期天数", "已填项数", "应填项数"],
        [
            [
                s.name,
                str(state_label(State(s.state))),
                local_time(s.submitted_at, seconds=False) if s.submitted_at else "",
                "" if not s.late_days else str(s.late_days),
                str(s.values),
                str(s.expected),
            ]
            for s in f.status
        ],
        [4.4, 2.2, 3.8, 1.8, 1.7, 1.7],
    )


def _method(doc: DocxDocument, plan: Plan) -> None:
    doc.add_heading("附录  评估方法说明", level=1)
    for text in method_texts(plan.base_year, plan.target_year):
        doc.add_paragraph(text)


def build_report(store: Store, period: str, progress: Progress = SILENT, *, plan: str | None = None) -> DocxDocument:
    """The report as a python-docx Document (not yet saved), under the plan that judges the period (or the plan
    ``plan``)."""
    year = parse_period(period).year
    if not store.is_district:
        raise XzError(Message("plan_report", QT_TRANSLATE_NOOP("plan_report", "年度评估报告在区级汇总数据库中生成")))
    catalog = store.catalog(plan) if plan is not None else store.catalog_for(period)
    code = catalog.plan.code
    steps = 7
    progress.step(0, steps, "读取汇总数据")
    facts = Facts(
        year,
        catalog.plan,
        {u.code: u.name for u in catalog.units},
        {i.code: i.name for i in catalog.indicators},
        [r for r in totals(store, str(year), plan=code) if r.table2_seq is not None],
        round_status(store, str(year)),
        unit_progress_rows(store, str(year), plan=code),
        assess(store, str(year), plan=code),
        talent_index(store, str(year), plan=code),
    )
    doc = new_document()
    _cover(doc, store, year, catalog.plan)
    progress.step(1, steps, "基本情况")
    _basic(doc, facts)
    progress.step(2, steps, "主要成效")
    _achievements(doc, facts)
    progress.step(3, steps, "存在问题")
    _problems(doc, store, facts)
    progress.step(4, steps, "下步工作建议")
    _suggestions(doc, catalog, facts)
    doc.add_paragraph()
    doc.add_paragraph("填报人：____________    审核人：____________    负责人：____________    日期：____年__月__日")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    progress.step(5, steps, "附表")
    _appendix_tables(doc, store, facts)
    progress.step(6, steps, "评估方法说明")
    _method(doc, facts.plan)
    progress.step(7, steps, "完成")
    return doc


def write_report(
    store: Store,
    period: str,
    out: str | Path,
    *,
    pdf: bool = False,
    progress: Progress = SILENT,
    plan: str | None = None,
) -> ReportResult:
    """Write the report to ``out`` (.docx), and its PDF beside it when asked; nothing half-written is left."""
    target = check_target(out, (".docx",))
    doc = build_report(store, period, progress, plan=plan)
    with replacing(target) as tmp, writing(tmp) as fh:
        doc.save(fh)
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
