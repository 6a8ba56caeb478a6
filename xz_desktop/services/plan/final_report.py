"""规划终期评估报告: a plan's final evaluation as a Word document (python-docx), and its PDF via LibreOffice.

The shape of the annual report (:mod:`.report`, whose building blocks it uses): 一、基本情况 (the plan, the
last year's round, how many targets were met), 二、主要成效 (表2 targets met, the five-year cumulatives),
三、存在问题 (targets missed with the units' 说明, data not complete in words, units short of their own
targets), 四、下步工作建议, the signature lines, then 附表 (表2 targets; the table that becomes the next plan's
表1 in the seed plan's 表1 layout; the plan's years at a glance; the units' own targets) and the method in
plain words. Every number it prints is a field of the evaluation records (``xz evaluate --json``), printed
with the indicator's decimals; an incomplete figure is said as 数据不全 with who is missing, never judged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from docx.table import Table as DocxTable

from ...domain.evaluation import Evaluation, UnitEvaluation
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.numbers import format_number
from ...domain.progress import VERDICT_INCOMPLETE
from ...domain.round import today_local
from ...domain.trajectory import ABOUT_TOLERANCE
from ...domain.verdicts import label, phrase
from ...store import Store
from ..files import check_target, replacing, writing
from ..progress import SILENT, Progress
from ..round.states import round_status
from .evaluation import Note, PlanEvaluation, evaluate, shortfall_notes
from .report import NUMERALS, ReportResult, convert_to_pdf, cover, new_document, table
from .report_text import fmt, listing, plain_name, round_sentences

TABLE1_TITLE = "{plan}期间主要指标完成情况"  # the next plan's 表1 (the seed plan's: “十三五”期间…完成情况)
SIGNATURE = "填报人：____________    审核人：____________    负责人：____________    日期：____年__月__日"


@dataclass(frozen=True)
class FinalFacts:
    """What the report is written from: the evaluation records, the units' 说明 and the last year's round."""

    result: PlanEvaluation
    notes: list[Note]

    @property
    def plan_title(self) -> str:
        return self.result.plan.name.strip("《》")

    @property
    def span(self) -> str:
        plan = self.result.plan
        return f"{plan.first_year}—{plan.target_year}年"

    def who_missing(self, e: Evaluation) -> str:
        """“区科技局2025年、洪合镇2024年”: who and which year keep a figure from being complete."""
        periods: dict[str, list[str]] = {}
        for m in e.missing:
            periods.setdefault(m.unit, []).append(m.period)
        return "、".join(
            f"{self.result.unit_names.get(u, u)}{'、'.join(sorted(set(ps)))}年" for u, ps in periods.items()
        )


def amount(e: Evaluation | UnitEvaluation, value: float | None) -> str:
    return f"{fmt(value, e.decimals)}{e.measure}"


def growth_words(e: Evaluation) -> str | None:
    """“比2020年（12.21万人）增长25.6%” / “提高7.3个百分点”: the record's growth as printed."""
    if e.growth is None or e.base is None:
        return None
    points = e.growth_unit != "%"
    up, down = ("提高", "下降") if points else ("增长", "下降")
    figure = format_number(abs(e.growth), 1)
    if round(e.growth, 1) == 0:
        return None
    return f"比{e.years[0].year if e.years else ''}年（{amount(e, e.base)}）{up if e.growth > 0 else down}{figure}{e.growth_unit}"


def target_sentence(e: Evaluation, year: int, span: str) -> str:
    """One target: its figure, the change since the base year, the target, and met / not met / 数据不全."""
    name = plain_name(e)
    if e.met is None:
        return f"{name}：数据不全，{phrase(VERDICT_INCOMPLETE)}。"
    if e.cumulative:
        parts = [f"{name}{span}累计{amount(e, e.value)}"]
    elif e.rate:
        parts = [f"{span}{name}{amount(e, e.value)}"]
    else:
        parts = [f"{name}{year}年为{amount(e, e.value)}"]
    change = growth_words(e)
    if change:
        parts.append(change)
    parts.append(f"规划目标{amount(e, e.target)}")
    parts.append(str(phrase(e.verdict)))
    return "，".join(parts) + "。"


def _bullets(doc: DocxDocument, sentences: Iterable[str]) -> None:
    for s in sentences:
        doc.add_paragraph(s, style="List Bullet")


def _basic(doc: DocxDocument, store: Store, f: FinalFacts) -> None:
    r = f.result
    plan = r.plan
    doc.add_heading("一、基本情况", level=1)
    doc.add_paragraph(
        f"{plan.name}实施期为{f.span}。规划期满，区委人才工作领导小组办公室组织各镇（街道）、秀洲国家高新区和"
        f"区级有关部门报送了{plan.target_year}年度规划指标数据，对规划确定的{len(r.indicators)}项目标"
        f"（其中规划表2主要指标{len(r.table2)}项）逐项进行了终期评估：{plan.target_year}年末的数值（五年累计目标为"
        f"{f.span}的累计数）与规划目标相比，判断是否完成。"
    )
    for sentence in round_sentences(round_status(store, str(plan.target_year)), plan.target_year, today_local()):
        doc.add_paragraph(sentence)
    t2 = r.table2
    met2, not2, inc2 = (sum(1 for e in t2 if e.met is v) for v in (True, False, None))
    text = (
        f"{len(r.indicators)}项目标中，完成{len(r.met)}项，未完成{len(r.not_met)}项"
        + (f"，{len(r.incomplete)}项因有单位未报数据不全，不作判断" if r.incomplete else "")
        + f"。其中表2的{len(t2)}项主要指标完成{met2}项，未完成{not2}项"
        + (f"，数据不全{inc2}项" if inc2 else "")
        + "。"
    )
    doc.add_paragraph(text)


def _achievements(doc: DocxDocument, f: FinalFacts) -> None:
    r, year = f.result, f.result.plan.target_year
    doc.add_heading("二、主要成效", level=1)
    met2 = [e for e in r.table2 if e.met]
    n = 0
    if met2:
        n += 1
        doc.add_paragraph(f"（{NUMERALS[n]}）规划表2主要指标完成{len(met2)}项。")
        _bullets(doc, (target_sentence(e, year, f.span) for e in met2))
    cumulative = [e for e in r.met if e.cumulative]
    if cumulative:
        n += 1
        doc.add_paragraph(f"（{NUMERALS[n]}）五年累计目标完成{len(cumulative)}项。")
        _bullets(doc, (target_sentence(e, year, f.span) for e in cumulative))
    others = [e for e in r.met if e.table2_seq is None and not e.cumulative]
    if others:
        n += 1
        doc.add_paragraph(f"（{NUMERALS[n]}）规划文本提出的其他目标完成{len(others)}项。")
        _bullets(doc, (target_sentence(e, year, f.span) for e in others))
    if n == 0:
        doc.add_paragraph("数据完整的目标中，暂无完成的。")


def _problems(doc: DocxDocument, f: FinalFacts) -> None:
    r, year = f.result, f.result.plan.target_year
    doc.add_heading("三、存在问题", level=1)
    n = 0
    if r.not_met:
        n += 1
        doc.add_paragraph(f"（{NUMERALS[n]}）{len(r.not_met)}项目标未完成。")
        _bullets(doc, (target_sentence(e, year, f.span) for e in r.not_met))
    short = [u for u in r.units if u.met is False]
    if short:
        n += 1
        doc.add_paragraph(f"（{NUMERALS[n]}）部分单位未完成本单位目标。")
        by_indicator: dict[str, list[UnitEvaluation]] = {}
        for u in short:
            by_indicator.setdefault(u.name, []).append(u)
        _bullets(
            doc, (f"{name}：{listing(u.unit_name for u in us)}未完成本单位目标。" for name, us in by_indicator.items())
        )
    if r.not_met or short:
        doc.add_paragraph("有关单位填写的说明：" if f.notes else "有关单位未填写说明。")
        _bullets(doc, (f"{n.unit_name}（{n.indicator_name}）：{n.text}" for n in f.notes))
    if r.incomplete:
        n += 1
        doc.add_paragraph(f"（{NUMERALS[n]}）{len(r.incomplete)}项目标数据不全，不作判断。")
        groups: dict[str, list[Evaluation]] = {}
        for e in r.incomplete:
            groups.setdefault(f.who_missing(e) or "部分单位", []).append(e)
        _bullets(
            doc,
            (
                f"因{who}数据未报，{listing((plain_name(e) for e in es), 4, '项目标')}数据不全，暂不作是否完成的判断。"
                for who, es in groups.items()
            ),
        )
    if n == 0:
        doc.add_paragraph("规划目标数据完整，均已完成。")


def _suggestions(doc: DocxDocument, f: FinalFacts) -> None:
    r = f.result
    doc.add_heading("四、下步工作建议", level=1)
    items = []
    if r.not_met:
        items.append(
            f"接续推进未完成指标。{listing((plain_name(e) for e in r.not_met), 3, '项指标')}未完成规划目标，"
            f"建议牵头单位深入分析原因，在下一个五年规划中作为重点指标继续推进。"
        )
    if r.incomplete:
        who = list(dict.fromkeys(f.result.unit_names.get(m.unit, m.unit) for e in r.incomplete for m in e.missing))
        items.append(f"抓紧补齐数据。督促{listing(who, 4)}尽快补报数据，数据报齐后对有关目标补作评估。")
    items.append(
        f"做好规划衔接。附表3“{TABLE1_TITLE.format(plan=r.plan.code)}”可作为下一个五年人才发展规划的基础数据，"
        f"建议以{r.plan.target_year}年数据为基数研究确定新一轮规划目标。"
    )
    items.append("健全监测评估。建议延续年度评估制度，按年跟踪新一轮规划各项指标，及时发现和解决问题。")
    for n, text in enumerate(items, start=1):
        doc.add_paragraph(f"（{NUMERALS[n]}）{text}")


def _verdict(e: Evaluation | UnitEvaluation) -> str:
    return str(label(e.verdict))


def _value_cell(e: Evaluation) -> str:
    """The target year's figure in a table: 数据不全 when incomplete (who is missing is said in the text)."""
    return fmt(e.value, e.decimals) if e.complete else "数据不全"


def _growth_cell(e: Evaluation) -> str:
    """表1's 增长率(%) column: a percentage as a number, a share's change in 个百分点."""
    if e.growth is None:
        return "—"
    figure = format_number(e.growth, 1)
    return figure if e.growth_unit == "%" else f"{figure}个百分点"


def table1_rows(f: FinalFacts) -> list[list[str]]:
    """The next plan's 表1: 一级指标 (once per group), 序号, 二级指标, 计量单位, base, target-year value, growth."""
    rows = []
    previous = None
    for n, e in enumerate(sorted(f.result.table2, key=lambda e: e.table2_seq or 0), start=1):
        group = e.category if e.category != previous else ""
        previous = e.category
        rows.append([group, str(n), plain_name(e), e.measure, fmt(e.base, e.decimals), _value_cell(e), _growth_cell(e)])
    return rows


def _appendix(doc: DocxDocument, f: FinalFacts) -> None:
    r = f.result
    plan = r.plan
    year = plan.target_year
    doc.add_heading("附表", level=1)
    doc.add_heading("附表1  规划表2主要指标完成情况", level=2)
    table(
        doc,
        ["序号", "指标", "单位", f"{plan.base_year}年基数", f"{year}年目标", f"{year}年", "结论"],
        [
            [
                str(e.table2_seq),
                plain_name(e),
                e.measure,
                fmt(e.base, e.decimals),
                fmt(e.target, e.decimals),
                _value_cell(e),
                _verdict(e),
            ]
            for e in r.table2
        ],
        [1.0, 5.2, 1.6, 1.9, 1.9, 2.3, 2.2],
    )
    doc.add_paragraph("注：“数据不全”的指标有单位尚未报送，不作是否完成的判断。")

    others = [e for e in r.indicators if e.table2_seq is None]
    if others:
        doc.add_heading("附表2  规划其他目标完成情况", level=2)
        table(
            doc,
            ["指标", "单位", "目标", f"{year}年", "结论"],
            [
                [
                    plain_name(e),
                    e.measure,
                    fmt(e.target, e.decimals),
                    _value_cell(e) + ("（累计）" if e.cumulative and e.complete else ""),
                    _verdict(e),
                ]
                for e in others
            ],
            [6.4, 1.6, 2.2, 3.0, 2.4],
        )
        doc.add_paragraph(f"注：标“累计”的为{f.span}各年合计。")

    doc.add_heading(f"附表3  {TABLE1_TITLE.format(plan=plan.code)}", level=2)
    rows1 = table1_rows(f)
    grid = table(
        doc,
        ["一级指标", "序号", "二级指标", "计量单位", f"{plan.base_year}年底基数", f"{year}年底总量", "增长率(%)"],
        rows1,
        [2.0, 1.0, 5.4, 1.8, 2.0, 2.0, 2.0],
    )
    _merge_groups(grid, [row[0] for row in rows1])
    doc.add_paragraph("注：比重、比率类指标的增长为两年数值之差，以“个百分点”表示；数据不全的指标不计算增长。")

    doc.add_heading(f"附表4  规划期主要指标逐年情况（{plan.base_year}—{year}年）", level=2)
    years = list(range(plan.base_year, year + 1))
    rows = []
    for e in r.table2:
        by_year = {y.year: y for y in e.years}
        cells = []
        for y in years:
            figure = by_year.get(y)
            if figure is None or figure.value is None:
                cells.append("—" if figure is None or figure.complete else "数据不全")
            else:
                cells.append(fmt(figure.value, e.decimals) + ("" if figure.complete else "（不完整）"))
        rows.append([plain_name(e), e.measure, *cells])
    table(doc, ["指标", "单位", *[str(y) for y in years]], rows, [3.6, 1.4, *[12.0 / len(years)] * len(years)])
    doc.add_paragraph("注：“不完整”为当年有单位未报送时已报单位的合计，仅供参考。")

    if r.units:
        doc.add_heading("附表5  各单位本单位目标完成情况", level=2)
        table(
            doc,
            ["单位", "指标", "本单位目标", f"{year}年", "结论"],
            [[u.unit_name, u.name, fmt(u.target, u.decimals), fmt(u.value, u.decimals), _verdict(u)] for u in r.units],
            [3.2, 5.4, 2.4, 2.4, 2.4],
        )
        doc.add_paragraph("注：五年累计目标按规划期各年合计计算；缺少某一年数据的，数据不全，不作判断。")


def _merge_groups(grid: DocxTable, groups: list[str]) -> None:
    """The 一级指标 column as the seed plan's 表1 has it: one cell spanning its group's rows."""
    start = None
    for i, group in enumerate([*groups, "end"]):
        if group and start is not None and i - 1 > start:
            top, bottom = grid.cell(start + 1, 0), grid.cell(i, 0)
            text = top.text
            merged = top.merge(bottom)
            merged.text = text
            for run in merged.paragraphs[0].runs:
                run.font.size = Pt(9)
        if group:
            start = i


def method(f: FinalFacts) -> tuple[str, ...]:
    plan = f.result.plan
    return (
        f"一、是否完成。以{plan.target_year}年末的数值与规划目标相比：达到或超过目标的为“完成目标”，否则为“未完成目标”；"
        f"规划要求不超过某一数值的指标，以不超过为完成；"
        f"目标为“左右”的，与目标值的差距不超过规划增加量的{ABOUT_TOLERANCE:.0%}即为完成。五年累计目标以{f.span}各年数值之和与目标相比。",
        f"二、增长率。增长率 =（{plan.target_year}年数值 − {plan.base_year}年基数）÷ {plan.base_year}年基数；"
        "比重、比率类指标的变化以两年数值之差（个百分点）表示。",
        "三、数据完整性。有单位未报送、或累计所需某一年数据不全的目标为“数据不全”，不作是否完成的判断，"
        "并写明缺少哪些单位哪一年的数据。",
        "四、各单位目标。各单位对照区里分解下达的本单位目标，按同样方法判断；个数、人数类目标以整数计。",
    )


def build_final_report(store: Store, code: str, progress: Progress = SILENT) -> DocxDocument:
    """The final evaluation report of the plan ``code`` as a python-docx Document (not yet saved)."""
    if not store.is_district:
        raise XzError(
            Message("plan_report", QT_TRANSLATE_NOOP("plan_report", "规划终期评估报告在区级汇总数据库中生成"))
        )
    steps = 6
    progress.step(0, steps, "读取评估结果")
    result = evaluate(store, code)
    facts = FinalFacts(result, shortfall_notes(store, result))
    doc = new_document()
    cover(doc, store, facts.plan_title, "终期评估报告")
    progress.step(1, steps, "基本情况")
    _basic(doc, store, facts)
    progress.step(2, steps, "主要成效")
    _achievements(doc, facts)
    progress.step(3, steps, "存在问题")
    _problems(doc, facts)
    progress.step(4, steps, "下步工作建议")
    _suggestions(doc, facts)
    doc.add_paragraph()
    doc.add_paragraph(SIGNATURE)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    progress.step(5, steps, "附表")
    _appendix(doc, facts)
    doc.add_heading("附录  评估方法说明", level=1)
    for text in method(facts):
        doc.add_paragraph(text)
    progress.step(6, steps, "完成")
    return doc


def write_final_report(
    store: Store, code: str, out: str | Path, *, pdf: bool = False, progress: Progress = SILENT
) -> ReportResult:
    """Write the final evaluation report to ``out`` (.docx), and its PDF beside it when asked."""
    target = check_target(out, (".docx",))
    doc = build_final_report(store, code, progress)
    with replacing(target) as tmp, writing(tmp) as fh:
        doc.save(fh)
    return ReportResult(target, convert_to_pdf(target) if pdf else None)
