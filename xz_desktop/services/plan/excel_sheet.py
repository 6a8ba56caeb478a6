"""The workbook's 单位目标完成 sheet: units × indicators, each unit's completion of its own target."""

from __future__ import annotations

from openpyxl import Workbook

from ...domain.progress import VERDICT_ON_TRACK
from ...domain.verdicts import label
from ..excel.style import SheetWriter, cell, row_height
from .progress import ProgressRow


def write_targets_sheet(wb: Workbook, rows: list[ProgressRow], title: str, heading: str, subtitle: str) -> None:
    """One row per unit, two columns per indicator (completion, verdict); 数据不全 never gets a completion."""
    units = list(dict.fromkeys(r.unit for r in rows))
    names = {r.unit: r.unit_name for r in rows}
    indicators = list(dict.fromkeys(r.indicator for r in rows))
    ind_names = {r.indicator: r.indicator_name for r in rows}
    by_key = {(r.unit, r.indicator): r.progress for r in rows}
    sheet = SheetWriter(wb, title, [18] + [11, 10] * len(indicators), freeze="B4", title_rows="3:3", landscape=True)
    ws = sheet.ws
    sheet.banner(heading, height=30)
    sheet.banner(subtitle, "xz_subtitle")
    header = [cell(ws, "单位", "xz_header")]
    for code in indicators:
        header += [cell(ws, f"{ind_names[code]} 完成率", "xz_header"), cell(ws, "进度", "xz_header")]
    # Tall enough for the longest name's wrapped lines (持高级社会工作者证人数 完成率 takes three).
    sheet.append(header, max(44.0, row_height([(f"{ind_names[c]} 完成率", 11) for c in indicators])))
    for unit in units:
        line = [cell(ws, names[unit], "xz_text")]
        for code in indicators:
            p = by_key.get((unit, code))
            if p is None:
                line += [cell(ws, None, "xz_na"), cell(ws, None, "xz_na")]
                continue
            line += [
                cell(ws, p.completion, "xz_pct"),  # the record gives none beside 数据不全
                cell(ws, str(label(p.verdict)), "xz_good" if p.verdict == VERDICT_ON_TRACK else "xz_bad"),
            ]
        sheet.append(line)
    sheet.append([])
    sheet.banner(
        "注：完成率为从本单位规划基数年的数到本单位规划目标已走过的比例；数据不全的不计完成率、不作判断。", "xz_note"
    )
