"""The data sheets of the export: units × indicators per year, who submitted, and every raw figure.

The raw sheet may hold hundreds of thousands of rows: it is streamed from an SQLite cursor
into a write-only sheet, mostly as plain values (cheap), so memory stays flat whatever
the row count.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from openpyxl import Workbook

from ...domain.catalog import Catalog, UnitKind
from ...domain.timefmt import local_time
from ...store import Store
from ..pivot import UnitTable
from .style import SheetWriter, cell, inert_row, num_style

KIND = {UnitKind.GEOGRAPHIC: "镇街", UnitKind.SECTOR: "部门"}
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


def write_units_sheet(
    wb: Workbook, catalog: Catalog, table: UnitTable, title: str, heading: str, subtitle: str
) -> None:
    """One year's figures of every unit (rows) and entered indicator (columns), entry measure."""
    inds = table.indicators
    fixed = 3
    # Too wide for one page: printed at full size across pages, the unit columns repeated on each.
    sheet = SheetWriter(wb, title, [5, 18, 6] + [12] * len(inds), freeze="D6", title_rows="3:5", fit="none")
    ws = sheet.ws
    ws.print_title_cols = "A:C"
    sheet.banner(heading, height=30, span=12)  # over the first page's columns, not the whole width
    sheet.banner(subtitle, "xz_subtitle", span=12)
    # Row 3: categories merged over their run of columns; rows 4–5: name and measure.
    top = [cell(ws, "序号", "xz_header"), cell(ws, "单位", "xz_header"), cell(ws, "类别", "xz_header")]
    runs: list[tuple[int, int]] = []
    for i, ind in enumerate(inds):
        col = fixed + 1 + i
        starts = i == 0 or inds[i - 1].category != ind.category
        top.append(cell(ws, ind.category if starts else None, "xz_header"))
        if starts:
            runs.append((col, col))
        else:
            runs[-1] = (runs[-1][0], col)
    r3 = sheet.append(top, 20)
    sheet.append(sheet.blank("xz_header", fixed) + [cell(ws, ind.name, "xz_header") for ind in inds], 60)
    r5 = sheet.append(sheet.blank("xz_header", fixed) + [cell(ws, ind.entry_measure, "xz_header") for ind in inds], 18)
    for col in range(1, fixed + 1):
        sheet.merge(r3, col, r5, col)
    for start, end in runs:
        sheet.merge(r3, start, r3, end)
    styles = [num_style(ind.decimals if ind.display_factor == 1 else 0) for ind in inds]
    # The frame's rows are table.units and its columns the indicators, in order: read it row by row
    # (NaN is a blank), not cell by cell through pandas' indexing.
    matrix = table.frame.to_numpy(dtype=float, na_value=math.nan)
    for n, unit in enumerate(table.units, start=1):
        u = catalog.unit(unit)
        row = [
            cell(ws, n, "xz_center"),
            cell(ws, u.name + ("" if u.active else "（已停用）"), "xz_text"),
            cell(ws, KIND[u.kind], "xz_center"),
        ]
        for ind, style, value in zip(inds, styles, matrix[n - 1].tolist()):
            if (unit, ind.code) in table.applicable:
                row.append(cell(ws, None if math.isnan(value) else value, style))
            else:
                row.append(cell(ws, None, "xz_na"))  # grey: this unit does not report the indicator
        sheet.append(row)
    sheet.append(
        [cell(ws, None, "xz_header"), cell(ws, "全区", "xz_header"), cell(ws, None, "xz_header")]
        + [cell(ws, table.district.get(ind.code), style) for ind, style in zip(inds, styles)]
    )
    sheet.append([])
    sheet.banner(
        "注：数值为各单位填报的原始口径（计量单位见表头）；空白为未填报；灰色为该单位不填报的指标。"
        "“全区”行按各指标的汇总口径计算（区级指标只取主管单位的数值）。",
        "xz_note",
        span=12,
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
    """Every stored figure, one per row, streamed; ``step(rows_done)`` every :data:`RAW_CHUNK` rows."""
    catalog = store.catalog()
    units = {u.code: u.name for u in catalog.units}
    names = {i.code: (i.name, i.entry_measure) for i in catalog.indicators}
    titles: list[str] = []
    sheet, done = None, 0
    header_style = "xz_header"
    for batch in store.values.batches(RAW_CHUNK):
        for v in batch:
            unit, code = v.unit, v.indicator
            if sheet is None or sheet.row > MAX_SHEET_ROWS:
                if sheet is not None:
                    sheet.ws.auto_filter.ref = f"A1:L{sheet.row}"
                name = title if not titles else f"{title}（{len(titles) + 1}）"
                sheet = SheetWriter(wb, name, [w for _, w in RAW_COLUMNS], freeze="A2", title_rows="1:1")
                sheet.append([cell(sheet.ws, text, header_style) for text, _ in RAW_COLUMNS], 20)
                titles.append(name)
                ws = sheet.ws
            # Every field of the row passes the one writer (style.inert): none can be forgotten.
            sheet.row += 1
            ind_name, measure = names.get(code, (code, ""))
            ws.append(
                inert_row(
                    (
                        unit,
                        units.get(unit, unit),
                        code,
                        ind_name,
                        v.period,
                        v.value,
                        measure,
                        v.explanation,
                        v.revision,
                        local_time(v.changed_at),
                        v.changed_by,
                        v.source,
                    ),
                    ws,
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
