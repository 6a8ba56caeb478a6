"""The report sheets of the export: 表2 as the plan prints it, the other targets, the other
indicators, and the sheet of progress charts.

Figures are the :class:`TotalRow` values as ``xz totals --json`` gives them, unrounded:
the number format rounds for the eye, so pandas reads back exactly the same numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference, ScatterChart, Series
from openpyxl.chart.shapes import GraphicalProperties

from ...domain import periods
from ...domain.catalog import Catalog
from ...domain.periods import Period
from ...domain.plans import Plan
from ...domain.progress import schedule
from ...domain.totals import VERDICT_BEHIND, VERDICT_INCOMPLETE, VERDICT_ON_TRACK, TotalRow
from ...domain.trajectory import BASE_PLAN, BASE_STORED
from ..pivot import History
from ..totals import notes_text, verdict_text
from .style import SheetWriter, cell, num_style, row_height

# The 进度图 sheet's rows are the default 15 pt (0.53 cm): a chart h cm tall covers h ÷ 0.53 rows.
ROW_CM = 15 / 72 * 2.54
BAR_CM = 14.0
LINE_CM = 10.0
ONE_PAGE_ROWS = 45  # a plan sheet of at most this many indicators prints on one landscape page
MARK_STYLE: dict[str, str] = {VERDICT_ON_TRACK: "xz_good", VERDICT_BEHIND: "xz_bad", VERDICT_INCOMPLETE: "xz_na"}

COMPLETION_NOTE = (
    "注：完成率 =（实际值 − 基数）÷（{target}年目标 − 基数）。基数为规划的{base}年值；规划未给出时取本库的{base}年全区值"
    "（须完整）；规划期累计目标的基数为0，按{first}年以来累计值计算；均无时为“无基数”，完成率 = 实际值 ÷ 目标。"
    "目标为下限且低于基数、或为上限且高于基数时，保持在限值内即为完成（100%）；目标为约数（左右）的，"
    "达到应达值减去规划变化量的10%即为达到进度。"
)
COMPLETENESS_NOTE = (
    "数据不全：应报单位未全部填报（存量缺年末数、流量缺全年或半年数、比值缺分子或分母、五年累计缺某一年）的指标"
    "仍列出数值，但不作进度评价，备注列出缺报单位和报告期。“估”：缺报单位的存量沿用其上期数值（沿用上期），为估计值。"
)


def period_label(period: Period) -> str:
    """The workbook is Chinese: the one period label (domain/periods.py) in its source text."""
    return str(periods.period_label(period))


@dataclass
class PlanSheet:
    """Where a plan sheet put its rows, for the charts that refer to them."""

    title: str
    first_row: int
    last_row: int
    columns: dict[str, int]


def _plan_columns(period: Period, cumulative: bool, plan: Plan) -> list[tuple[str, str, float]]:
    label = period_label(period)
    # The text's targets have long 一级 names (人才队伍提质扩容, 秀水领英工程 …).
    category_width = 16 if cumulative else 12
    cols: list[tuple[str, str, float]] = [
        ("category", "一级指标", category_width),
        ("seq", "序号", 6),
        ("name", "二级指标", 36),
        ("measure", "计量单位", 10),
        ("base", f"{plan.base_year}年基数", 12),
        ("target", f"{plan.target_year}年目标", 12),
        ("value", f"{label}实际", 12),
    ]
    if cumulative:
        cols.append(("cumulative", f"{plan.first_year}年至{label}累计", 13))
    cols += [
        ("expected", f"{label}应达", 12),
        ("completion", "完成率", 9),
        ("time", "序时进度", 9),
        ("mark", "进度评价", 10),
        ("reported", "已报/应报单位", 11),
        ("note", "备注", 26),
        ("code", "指标代码", 24),
    ]
    return cols


def _note(row: TotalRow, catalog: Catalog) -> str:
    parts = []
    if row.target_sense == "max":
        parts.append("目标为上限（以下）")
    notes = notes_text(catalog, row)
    if notes:
        parts.append(notes)
    elif row.units_missing:  # no target judged, but this year's figure lacks units
        missing = "、".join(catalog.unit(u).name for u in row.units_missing[:6] if catalog.has_unit(u)) + (
            "等" if len(row.units_missing) > 6 else ""
        )
        parts.append(f"缺报 {len(row.units_missing)} 个单位：{missing}")
    if row.disputed:
        parts.append("含待处理的冲突数值")
    return "；".join(parts)


def _base_cell(row: TotalRow) -> float | None:
    """The base column: the plan's or the stored 2020 figure (a cumulative's 0 and 无基数 are said in the notes)."""
    return row.base if row.base_source in (BASE_PLAN, BASE_STORED) else None


def mark_of(row: TotalRow) -> tuple[str, str]:
    """The 进度评价 cell's words and style, the same verdict as ``xz totals`` and the window."""
    text = verdict_text(row)
    if not text and row.target is not None and row.progress_value is None:
        text = "无数据"
    return text, MARK_STYLE.get(row.verdict, "xz_center")


def write_plan_sheet(
    wb: Workbook,
    catalog: Catalog,
    title: str,
    heading: str,
    subtitle: str,
    rows: list[TotalRow],
    period: Period,
    *,
    table2: bool,
) -> PlanSheet:
    """A sheet laid out like the plan's 表2, with the period's value, expected value and completion."""
    cumulative = any(catalog.indicator(r.code).is_cumulative for r in rows)
    cols = _plan_columns(period, cumulative, catalog.plan)
    index = {key: i for i, (key, _, _) in enumerate(cols, start=1)}
    # 表2 on one landscape page, as the plan prints it; so are the other targets while they are few enough to
    # stay legible (the plan's ~40), else they run down pages of the page's width.
    # 指标代码 stays in the file (for a formula or a lookup) but out of sight and off the page.
    sheet = SheetWriter(
        wb,
        title,
        [w for _, _, w in cols],
        freeze="D5",
        title_rows="3:4",
        fit="page" if table2 or len(rows) <= ONE_PAGE_ROWS else "width",
        hidden=[index["code"]],
    )
    ws = sheet.ws
    sheet.banner(heading, height=30)
    sheet.banner(subtitle, "xz_subtitle")
    # Two header rows: fixed columns span both; the period's columns sit under one merged caption.
    block = [k for k in ("value", "cumulative", "expected", "completion", "time", "mark") if k in index]
    top, bottom = [], []
    for key, text, _ in cols:
        if key in block:
            top.append(cell(ws, f"{period_label(period)}完成情况" if key == block[0] else None, "xz_header"))
            bottom.append(cell(ws, text, "xz_header"))
        else:
            top.append(cell(ws, text, "xz_header"))
            bottom.append(cell(ws, None, "xz_header"))
    r3 = sheet.append(top, 20)
    r4 = sheet.append(bottom, 32)
    sheet.merge(r3, index[block[0]], r3, index[block[-1]])
    for key, _, _ in cols:
        if key not in block:
            sheet.merge(r3, index[key], r4, index[key])

    run_length = [sum(1 for other in rows if other.category == row.category) for row in rows]
    first = sheet.row + 1
    run_start, run_category = first, None
    for n, row in enumerate(rows, start=1):
        ind = catalog.indicator(row.code)
        d = num_style(row.decimals)
        text, mark_style = mark_of(row)
        values = {
            "category": cell(ws, row.category, "xz_center"),
            "seq": cell(ws, row.table2_seq if table2 else n, "xz_center"),
            "name": cell(ws, row.name, "xz_text"),
            "measure": cell(ws, row.measure, "xz_center"),
            "base": cell(ws, _base_cell(row), d),
            "target": cell(ws, row.target, d),
            "value": cell(ws, row.value, d),
            "cumulative": cell(ws, row.cumulative, d),
            "expected": cell(ws, row.expected, d),
            # Both bars only beside a verdict: 数据不全 has no completion, so no 序时进度 and no bar either.
            "completion": cell(ws, row.completion, "xz_pct"),
            "time": cell(ws, schedule(ind, row.expected, row.base, row.completion), "xz_pct"),
            "mark": cell(ws, text, mark_style),
            "reported": cell(
                ws, f"{len(row.units_reported)}/{len(row.units_reported) + len(row.units_missing)}", "xz_center"
            ),
            "note": cell(ws, _note(row, catalog), "xz_text"),
            "code": cell(ws, row.code, "xz_code"),
        }
        width = {key: w for key, _, w in cols}
        note = values["note"].value
        at = sheet.append(
            [values[key] for key, _, _ in cols],
            row_height(
                [
                    (row.name, width["name"]),
                    (note, width["note"]),
                    (row.measure, width["measure"]),
                    (row.category, width["category"] * run_length[n - 1]),
                ]
            ),
        )
        # 一级指标 is merged down over its run of rows, as in the plan's table.
        if row.category != run_category:
            if run_category is not None:
                sheet.merge(run_start, 1, at - 1, 1)
            run_start, run_category = at, row.category
    last = sheet.row
    if rows:
        sheet.merge(run_start, 1, last, 1)
    sheet.append([])
    plan_ = catalog.plan
    sheet.banner(
        COMPLETION_NOTE.format(target=plan_.target_year, base=plan_.base_year, first=plan_.first_year), "xz_note"
    )
    sheet.banner(
        "序时进度为按规划轨迹（线性或年均增长）该期应达到的完成率，半年按年中计；实际值达到或超过应达值为“达到进度”。",
        "xz_note",
    )
    sheet.banner(COMPLETENESS_NOTE, "xz_note")
    sheet.banner(
        "数值单位见“计量单位”列；空白表示尚无数据。全区值按各指标的汇总口径（求和、比值、年均增长）计算。", "xz_note"
    )
    return PlanSheet(title, first, last, index)


def write_other_sheet(
    wb: Workbook,
    title: str,
    heading: str,
    subtitle: str,
    rows: list[TotalRow],
    period: Period,
    catalog: Catalog | None = None,
) -> None:
    """Indicators without a target: 表1's history (its earliest history year and the plan's base year) and the
    components of ratios."""
    label = period_label(period)
    history = next((r.history[0].year for r in rows if r.history), None)
    base_year = rows[0].base_year if rows else None
    cols = [
        ("类别", 14),
        ("序号", 6),
        ("指标", 34),
        ("计量单位", 10),
        (f"{history}年" if history is not None else "历史数", 12),
        (f"{base_year}年" if base_year is not None else "基数", 12),
        (f"{label}", 12),
        ("已报/应报单位", 11),
        ("备注", 26),
        ("指标代码", 24),
    ]
    sheet = SheetWriter(wb, title, [w for _, w in cols], freeze="D4", title_rows="3:3", hidden=[len(cols)])
    widths = dict(cols)
    ws = sheet.ws
    sheet.banner(heading, height=30)
    sheet.banner(subtitle, "xz_subtitle")
    sheet.append([cell(ws, text, "xz_header") for text, _ in cols], 22)
    for n, row in enumerate(rows, start=1):
        d = num_style(row.decimals)
        sheet.append(
            [
                cell(ws, row.category, "xz_center"),
                cell(ws, row.table1_seq or n, "xz_center"),
                cell(ws, row.name, "xz_text"),
                cell(ws, row.measure, "xz_center"),
                cell(ws, row.history[0].value if row.history else None, d),
                cell(ws, row.plan_base, d),
                cell(ws, row.value, d),
                cell(ws, f"{len(row.units_reported)}/{len(row.units_reported) + len(row.units_missing)}", "xz_center"),
                cell(ws, note := (notes_text(catalog, row) if catalog is not None else ""), "xz_text"),
                cell(ws, row.code, "xz_code"),
            ],
            row_height([(row.name, widths["指标"]), (row.category, widths["类别"]), (note, widths["备注"])]),
        )


def write_chart_sheet(
    wb: Workbook, title: str, plan: PlanSheet, period: Period, history: History | None, code: str
) -> None:
    """Native Excel charts: 表2 completion against the time-proportional progress, and one indicator's path."""
    sheet = SheetWriter(wb, title, [8, 12, 12, 12] + [10] * 8, landscape=True, fit="page")
    ws = sheet.ws
    sheet.banner(f"“{code}”人才发展主要指标完成进度（{period_label(period)}）", height=30)
    if plan.last_row >= plan.first_row:
        bar = BarChart()
        bar.type = "bar"
        bar.style = 10
        bar.title = "完成率与序时进度"
        bar.y_axis.title = "完成率"
        bar.y_axis.numFmt = "0%"
        bar.y_axis.majorGridlines = None
        ref = lambda key: Reference(wb[plan.title], min_col=plan.columns[key], min_row=4, max_row=plan.last_row)
        bar.add_data(ref("completion"), titles_from_data=True)
        bar.add_data(ref("time"), titles_from_data=True)
        bar.set_categories(
            Reference(wb[plan.title], min_col=plan.columns["name"], min_row=plan.first_row, max_row=plan.last_row)
        )
        bar.x_axis.scaling.orientation = "maxMin"  # the plan's order, top to bottom
        bar.height, bar.width = BAR_CM, 26
        ws.add_chart(bar, "A3")
    if history is None:
        return
    # The line chart's data: a small table below the bar chart (never under it), years down the rows.
    below_bar = 3 + math.ceil(BAR_CM / ROW_CM) + 1
    for _ in range(below_bar - sheet.row):
        sheet.append([])
    sheet.append([cell(ws, f"{history.name}（{history.measure}）", "xz_subtitle")])
    head = sheet.append(
        [
            cell(ws, t, "xz_header")
            for t in (
                "年份",
                "实际",
                "规划进度",
                "数据不全（不可比）",
                f"{history.plan.target_year}年目标" if history.plan is not None else "目标",
                "说明",
            )
        ],
        32,  # two lines: 数据不全（不可比） wraps in its column
    )
    actual, planned, partial = dict(history.actual), dict(history.trajectory), dict(history.incomplete)
    years = sorted(set(actual) | set(planned) | set(partial))
    d = num_style(history.decimals)
    for year in years:
        remark = "数据不全" if year in partial else ("估" if year in history.estimated else None)
        sheet.append(
            [
                cell(ws, year, "xz_center"),
                cell(ws, actual.get(year), d),
                cell(ws, planned.get(year), d),
                cell(ws, partial.get(year), d),
                cell(ws, history.target if year == max(years) else None, d),
                cell(ws, remark, "xz_center"),
            ]
        )
    last = head + len(years)
    if history.incomplete or history.estimated:
        sheet.banner(
            "注：数据不全的年份单列为不连线的空心点（缺报单位未计入，不能与其他年份比较）；“估”为沿用上期的估计值。",
            "xz_note",
        )
    # A scatter chart with lines: the x axis is the year as a number, so 2015 → 2020 takes five years'
    # width and 2020 → 2021 one (a line chart's categories would space them alike).
    line = ScatterChart()
    line.scatterStyle = "lineMarker"
    line.title = f"{history.name}：实际与规划进度"
    line.y_axis.title = history.measure
    line.y_axis.majorGridlines = None
    line.x_axis.title = "年份"
    line.x_axis.numFmt = "0"  # 2015, not 2,015
    line.x_axis.scaling.min = min(years)
    line.x_axis.scaling.max = max(years)
    line.x_axis.majorUnit = 1
    line.x_axis.majorGridlines = None
    line.x_axis.delete = line.y_axis.delete = False  # openpyxl would leave the axes hidden in Excel
    xs = Reference(ws, min_col=1, min_row=head + 1, max_row=last)
    for col in (2, 3, 4):
        line.series.append(Series(Reference(ws, min_col=col, min_row=head, max_row=last), xs, title_from_data=True))
    for series in line.series:
        series.smooth = False  # straight segments: a smoothed curve would invent values between years
    actual = line.series[0]
    actual.marker.symbol = "circle"
    actual.marker.size = 6
    planned_series = line.series[1]
    planned_series.graphicalProperties.line.dashStyle = "dash"
    planned_series.marker.symbol = "none"
    # An incomplete year is a hollow marker, never joined to the line: it cannot be read as a fall.
    partial_series = line.series[2]
    partial_series.graphicalProperties.line.noFill = True
    partial_series.marker.symbol = "circle"
    partial_series.marker.size = 8
    partial_series.marker.graphicalProperties = GraphicalProperties(noFill=True)
    partial_series.marker.graphicalProperties.line.solidFill = "7F7F7F"
    line.height, line.width = LINE_CM, 20
    # Below the table and its note, at the left margin: a chart beside the table would cover its 说明 column.
    ws.add_chart(line, f"A{sheet.row + 2}")
    for _ in range(math.ceil(LINE_CM / ROW_CM) + 2):  # rows under the chart, so the printed page holds it whole
        sheet.append([])
