"""The data sheets of the export: units × indicators per year, who submitted, and every raw figure.

The raw sheet may hold hundreds of thousands of rows: it is streamed from an SQLite cursor
into a write-only sheet, mostly as plain values (cheap), so memory stays flat whatever
the row count.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from openpyxl import Workbook

from ...domain.catalog import Catalog
from ...domain.timefmt import local_time
from ...store import Store
from ..pivot import UnitTable
from .style import InertTexts, SheetWriter, cell, inert, num_style, row_height

RAW_COLUMNS = [
    ("单位代码", 13),
    ("单位", 18),
    ("指标代码", 26),
    ("指标", 34),
    ("报告期", 8),
    ("数值", 14),
    ("计量单位", 10),
    ("说明", 36),
    ("修订次数", 8),
    ("修改时间", 19),
    ("修改人", 12),
    ("来源（数据包）", 28),
]
MAX_SHEET_ROWS = 1_000_000  # Excel stops at 1,048,576 rows: a longer raw table continues on another sheet
RAW_CHUNK = 5_000  # rows between progress steps (and cancel checks)


# Wider than this (in character widths) the units sheet is not squeezed onto the page's width: it is
# printed at full size across pages, its first columns repeated (a catalog of many towns).
FIT_WIDTH_MAX = 260
UNIT_COLUMN_WIDTH = 10


def write_units_sheet(
    wb: Workbook, catalog: Catalog, table: UnitTable, title: str, heading: str, subtitle: str
) -> None:
    """One year's figures: indicators down the rows (as the form lists them), units across, entry measure.

    Units that share indicators (the towns) have a column each; an indicator that one unit alone reports
    (a department's) gives that unit and its figure in the 填报单位 / 数值 columns instead of a column each
    for a dozen departments, so the sheet prints on the width of a landscape page.
    """
    inds = table.indicators
    reporters = {ind.code: [u for u in table.units if (u, ind.code) in table.applicable] for ind in inds}
    shared = {u for code, units in reporters.items() if len(units) > 1 for u in units}
    columns = [u for u in table.units if u in shared]
    alone = {code: units[0] for code, units in reporters.items() if len(units) == 1 and units[0] not in shared}
    fixed = [("序号", 5), ("类别", 10), ("指标", 28), ("计量单位", 8)]
    widths = [w for _, w in fixed] + [UNIT_COLUMN_WIDTH] * len(columns) + ([16, 12] if alone else []) + [12]
    wide = sum(widths) > FIT_WIDTH_MAX
    sheet = SheetWriter(wb, title, widths, freeze="E5", title_rows="3:4", fit="none" if wide else "width")
    ws = sheet.ws
    if wide:
        ws.print_title_cols = "A:D"
    span = min(len(widths), 14)  # over the first page's columns when the sheet runs across pages
    sheet.banner(heading, height=30, span=span)
    sheet.banner(subtitle, "xz_subtitle", span=span)
    first_unit = len(fixed) + 1
    top = [cell(ws, text, "xz_header") for text, _ in fixed]
    top += [cell(ws, "各单位填报数" if n == 0 else None, "xz_header") for n in range(len(columns))]
    if alone:
        top += [cell(ws, "由一个单位填报的指标", "xz_header"), cell(ws, None, "xz_header")]
    top.append(cell(ws, "全区", "xz_header"))

    def name(code: str) -> str:
        unit = catalog.unit(code)
        return unit.name + ("" if unit.active else "（已停用）")

    names = [name(u) for u in columns]
    bottom = sheet.blank("xz_header", len(fixed)) + [cell(ws, name, "xz_header") for name in names]
    if alone:
        bottom += [cell(ws, "填报单位", "xz_header"), cell(ws, "数值", "xz_header")]
    bottom.append(cell(ws, None, "xz_header"))
    r3 = sheet.append(top, 20)
    r4 = sheet.append(bottom, row_height([(name, UNIT_COLUMN_WIDTH) for name in names] + [("填报单位", 16)]))
    for col in list(range(1, len(fixed) + 1)) + [len(widths)]:
        sheet.merge(r3, col, r4, col)
    if columns:
        sheet.merge(r3, first_unit, r3, first_unit + len(columns) - 1)
    if alone:
        sheet.merge(r3, first_unit + len(columns), r3, first_unit + len(columns) + 1)
    # The frame's rows are table.units and its columns the indicators: read it once as an array (NaN is
    # a blank), not cell by cell through pandas' indexing.
    matrix = table.frame.to_numpy(dtype=float, na_value=math.nan)
    row_of = {u: n for n, u in enumerate(table.units)}
    column_rows = [(u, row_of[u]) for u in columns]
    applicable = table.applicable
    run_length = {c: sum(1 for i in inds if i.category == c) for c in {i.category for i in inds}}
    run_start, run_category = sheet.row + 1, None
    for n, ind in enumerate(inds, start=1):
        style = num_style(ind.decimals if ind.display_factor == 1 else 0)
        code = ind.code
        values = matrix[:, n - 1].tolist()  # the indicator's column as Python floats, NaN for a blank

        def figure(unit: str, values: list[float] = values) -> float | None:
            value = values[row_of[unit]]
            return None if math.isnan(value) else value

        row = [
            cell(ws, n, "xz_center"),
            cell(ws, ind.category, "xz_center"),
            cell(ws, ind.name, "xz_text"),
            cell(ws, ind.entry_measure, "xz_center"),
        ]
        for unit, at_row in column_rows:
            # Grey: this unit does not report the indicator; blank: it has not reported it.
            if (unit, code) in applicable:
                value = values[at_row]
                row.append(cell(ws, None if math.isnan(value) else value, style))
            else:
                row.append(cell(ws, None, "xz_na"))
        if alone:
            who = alone.get(ind.code)
            if who is None:
                row += [cell(ws, None, "xz_na"), cell(ws, None, "xz_na")]
            else:
                row += [cell(ws, name(who), "xz_text"), cell(ws, figure(who), style)]
        row.append(cell(ws, table.district.get(ind.code), style))
        at = sheet.append(
            row, row_height([(ind.name, 28), (ind.category, 10 * run_length[ind.category]), (ind.entry_measure, 8)])
        )
        # 类别 is merged down over its run of rows, as on the plan's sheets.
        if ind.category != run_category:
            if run_category is not None:
                sheet.merge(run_start, 2, at - 1, 2)
            run_start, run_category = at, ind.category
    if inds:
        sheet.merge(run_start, 2, sheet.row, 2)
    sheet.append([])
    sheet.banner(
        "注：数值为各单位填报的原始口径（见“计量单位”列）；空白为未填报；灰色为该单位不填报的指标。"
        "只由一个单位填报的指标（各部门的）列在“填报单位”“数值”两列。"
        "“全区”列按各指标的汇总口径计算（区级指标只取主管单位的数值）。",
        "xz_note",
        span=span,
    )


def write_status_sheet(wb: Workbook, statuses: list, title: str, heading: str, subtitle: str) -> None:
    """Who submitted for the period, when, and how complete (``services.status.submission_status``)."""
    cols = [
        ("序号", 6),
        ("单位", 20),
        ("类别", 8),
        ("报送状态", 10),
        ("首次报送时间", 19),
        ("最近报送时间", 19),
        ("最近数据包", 34),
        ("已填/应填", 10),
        ("填报率", 9),
    ]
    sheet = SheetWriter(wb, title, [w for _, w in cols], freeze="C4", title_rows="3:3", landscape=True)
    ws = sheet.ws
    sheet.banner(heading, height=30)
    done = [s for s in statuses if s.submitted]
    late = [s.name for s in statuses if not s.submitted]
    sheet.banner(
        f"{subtitle}　已报送 {len(done)}/{len(statuses)} 个单位" + (f"；未报送：{'、'.join(late)}" if late else ""),
        "xz_subtitle",
    )
    sheet.append([cell(ws, text, "xz_header") for text, _ in cols], 22)
    kinds = {"geographic": "镇街", "sector": "部门"}
    for n, s in enumerate(statuses, start=1):
        rate = s.values / s.expected if s.expected else None
        sheet.append(
            [
                cell(ws, n, "xz_center"),
                cell(ws, s.name, "xz_text"),
                cell(ws, kinds.get(s.kind, s.kind), "xz_center"),
                cell(ws, "已报送" if s.submitted else "未报送", "xz_good" if s.submitted else "xz_bad"),
                cell(ws, local_time(s.submitted_at), "xz_center"),
                cell(ws, local_time(getattr(s, "last_submitted_at", None)), "xz_center"),
                cell(ws, s.package_file or "", "xz_text"),
                cell(ws, f"{s.values}/{s.expected}", "xz_center"),
                cell(ws, rate, "xz_pct"),
            ]
        )
    sheet.append([])
    sheet.banner("注：“报送”指区级已合并该单位含本报告期的数据包；时间为数据包导出时间（本机时区）。", "xz_note")


def raw_count(store: Store) -> int:
    return store.values.count()


def write_raw_sheets(wb: Workbook, store: Store, title: str, step: Callable[[int], None]) -> list[str]:
    """Every stored figure, one per row, streamed; ``step(rows_done)`` every :data:`RAW_CHUNK` rows.

    Every field passes :func:`style.inert` (the one writer of text cells): the texts that repeat (names, periods,
    times, who, which package) through an :class:`InertTexts` that works each distinct one out once, the
    explanation (typed by a clerk, rarely repeated) directly; finite numbers go in as they are.
    """
    catalog = store.catalog()
    units = {u.code: u.name for u in catalog.units}
    names = {i.code: (i.name, i.entry_measure) for i in catalog.indicators}
    titles: list[str] = []
    sheet, done = None, 0
    header_style = "xz_header"
    isfinite = math.isfinite
    for batch in store.values.batches(RAW_CHUNK):
        for unit, code, period, value, note, revision, at, by, source in batch:
            if sheet is None or sheet.row > MAX_SHEET_ROWS:
                if sheet is not None:
                    sheet.ws.auto_filter.ref = f"A1:L{sheet.row}"
                name = title if not titles else f"{title}（{len(titles) + 1}）"
                sheet = SheetWriter(wb, name, [w for _, w in RAW_COLUMNS], freeze="A2", title_rows="1:1")
                sheet.append([cell(sheet.ws, text, header_style) for text, _ in RAW_COLUMNS], 20)
                titles.append(name)
                ws = sheet.ws
                # Per sheet: a formula-like text becomes a cell of that sheet.
                texts, times = InertTexts(ws), InertTexts(ws, local_time)
            sheet.row += 1
            ind_name, measure = names.get(code, (code, ""))
            ws.append(
                (
                    texts(unit),
                    texts(units.get(unit, unit)),
                    texts(code),
                    texts(ind_name),
                    texts(period),
                    value if type(value) is float and isfinite(value) else inert(value, ws),
                    texts(measure),
                    None if note == "" else inert(note, ws),
                    revision if type(revision) is int else inert(revision, ws),
                    times(at),
                    texts(by),
                    texts(source),
                )
            )
        done += len(batch)
        step(done)
    if sheet is None:  # an empty database still gets the sheet, with its header
        sheet = SheetWriter(wb, title, [w for _, w in RAW_COLUMNS], freeze="A2", title_rows="1:1")
        sheet.append([cell(sheet.ws, text, header_style) for text, _ in RAW_COLUMNS], 20)
        titles.append(title)
    sheet.ws.auto_filter.ref = f"A1:L{max(sheet.row, 1)}"
    return titles
