"""An Excel form for one unit and period, for clerks who would rather fill a familiar workbook.

The sheet 填报表 lists the unit's indicators with last year's figure beside each; only the
yellow value and 说明 cells are unlocked, with data validation. The codes that tie each
row to its indicator sit in a hidden column, and a hidden sheet ``_xz`` records the
unit, period, catalog and template version, so the import (``excel_import``) reads the
figures by code, never by row position, and recognises another unit's, another period's
or an old template.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from ... import __version__
from ...domain.catalog import Indicator
from ...domain.limits import MAX_TEXT
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.numbers import format_number
from ...domain.periods import parse_period
from ...domain.timefmt import local_time
from ...store import Store
from ...store.database import now_iso
from ..files import check_target, replacing, writing
from .sheets import period_label
from .style import put, register_styles, row_height, setup_print

TEMPLATE_FORMAT = "xz-desktop-template"
TEMPLATE_VERSION = 1
SHEET_FORM = "填报表"
SHEET_META = "_xz"
HEADER_ROW = 4
FIRST_ROW = 5
# Column letters of the form; A holds the indicator code and is hidden.
COL_CODE, COL_SEQ, COL_CATEGORY, COL_NAME, COL_MEASURE, COL_PREVIOUS, COL_VALUE, COL_NOTE, COL_RULE = "ABCDEFGHI"
COLUMNS = [
    (COL_CODE, "指标代码", 20),
    (COL_SEQ, "序号", 6),
    (COL_CATEGORY, "类别", 12),
    (COL_NAME, "指标名称", 36),
    (COL_MEASURE, "计量单位", 9),
    (COL_PREVIOUS, "上年数值", 12),
    (COL_VALUE, "本期数值", 14),
    (COL_NOTE, "说明", 30),
    (COL_RULE, "填报要求", 26),
]
META_FIRST_LAYOUT_ROW = 12  # on the hidden sheet: the row/code/name list starts here


@dataclass
class TemplateInfo:
    path: Path
    unit: str
    unit_name: str
    period: str
    indicators: int
    prefilled: int


def _text(cell, value: str | None, style: str) -> None:
    """A text cell that stays text (a 说明 beginning with = is not a formula)."""
    cell.style = style
    if value:
        put(cell.parent, cell.row, cell.column, value)


def requirement(ind: Indicator) -> str:
    """What the checks ask of the figure, in words a clerk reads before typing."""
    parts = []
    if ind.min is not None and ind.max is not None:
        parts.append(f"{format_number(ind.min)}–{format_number(ind.max)}")
    elif ind.min is not None:
        parts.append(f"不小于{format_number(ind.min)}")
    elif ind.max is not None:
        parts.append(f"不大于{format_number(ind.max)}")
    if ind.usual_min is not None or ind.usual_max is not None:
        low = "" if ind.usual_min is None else format_number(ind.usual_min)
        high = "" if ind.usual_max is None else format_number(ind.usual_max)
        parts.append(f"超出{low}–{high}须说明")
    if ind.yoy_threshold is not None:
        parts.append(f"较上年变化超过{ind.yoy_threshold:.0%}须说明")
    return "；".join(parts)


def _validation(ind: Indicator) -> tuple[str, str, str | None]:
    """(operator, formula1, formula2) of the decimal validation of ``ind``'s value cell."""
    if ind.min is not None and ind.max is not None:
        return "between", f"{ind.min:g}", f"{ind.max:g}"
    if ind.min is not None:
        return "greaterThanOrEqual", f"{ind.min:g}", None
    if ind.max is not None:
        return "lessThanOrEqual", f"{ind.max:g}", None
    return "between", "-1E+15", "1E+15"  # any number, but a number


def write_template(store: Store, unit: str | None, period: str, path: str | Path) -> TemplateInfo:
    """Write the Excel form of ``unit`` for ``period`` (prefilled with the figures already stored)."""
    path = check_target(path)
    catalog = store.catalog_for(period)  # the form of the plan whose years contain the period
    unit = unit or store.unit_code
    if not unit or not catalog.has_unit(unit):
        raise XzError(
            Message("excel.template", QT_TRANSLATE_NOOP("excel.template", "没有填报单位“{code}”"), {"code": unit or ""})
        )
    if not store.is_district and unit != store.unit_code:
        raise XzError(
            Message(
                "excel.template",
                QT_TRANSLATE_NOOP("excel.template", "本数据库属于“{own}”，不能生成“{other}”的填报模板"),
                {"own": store.describe(), "other": catalog.unit(unit).name},
            )
        )
    period_text = str(parse_period(period))
    unit_obj = catalog.unit(unit)
    indicators = catalog.indicators_for_unit(unit)
    if not indicators:
        raise XzError(
            Message(
                "excel.template",
                QT_TRANSLATE_NOOP("excel.template", "“{name}”没有需要填报的指标"),
                {"name": unit_obj.name},
            )
        )
    entries = store.values.entries(unit, period_text)
    previous = store.values.previous(unit, period_text)

    wb = Workbook()
    register_styles(wb)
    ws = wb.active
    ws.title = SHEET_FORM
    last = get_column_letter(len(COLUMNS))
    for letter, _, width in COLUMNS:
        ws.column_dimensions[letter].width = width
    ws.column_dimensions[COL_CODE].hidden = True  # the code ties the row to its indicator, whatever the order
    label = period_label(parse_period(period_text))
    ws["B1"] = f"{catalog.plan.name.strip('《》')}指标填报表"
    ws["B1"].style = "xz_title"
    ws.merge_cells(f"B1:{last}1")
    ws.row_dimensions[1].height = 30
    _text(
        ws["B2"],
        f"填报单位：{unit_obj.name}　　报告期：{label}　　模板生成：{local_time(now_iso())[:10]}",
        "xz_subtitle",
    )
    ws.merge_cells(f"B2:{last}2")
    _text(
        ws["B3"],
        "请在黄色单元格中填写本期数值（计量单位见“计量单位”列）和必要的说明：空白表示未填报，0 表示确为零；"
        "超出通常范围或较上年变化较大时须在“说明”中写明原因。请勿增删行或改动灰色内容，"
        "填好后在本程序中“导入 Excel 填报表”，或交区委人才办导入。",
        "xz_note",
    )
    ws["B3"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(f"B3:{last}3")
    ws.row_dimensions[3].height = 44
    for letter, text, _ in COLUMNS:
        _text(ws[f"{letter}{HEADER_ROW}"], text, "xz_header")
    ws.row_dimensions[HEADER_ROW].height = 22

    groups: dict[tuple, DataValidation] = {}
    prefilled = 0
    for n, ind in enumerate(indicators):
        r = FIRST_ROW + n
        entry = entries.get(ind.code)
        _text(ws[f"{COL_CODE}{r}"], ind.code, "xz_code")
        ws[f"{COL_SEQ}{r}"] = n + 1
        ws[f"{COL_SEQ}{r}"].style = "xz_center"
        _text(ws[f"{COL_CATEGORY}{r}"], ind.category, "xz_center")
        _text(ws[f"{COL_NAME}{r}"], ind.name, "xz_text")
        _text(ws[f"{COL_MEASURE}{r}"], ind.entry_measure, "xz_center")
        prev = ws[f"{COL_PREVIOUS}{r}"]
        prev.style = "xz_na"
        prev.value = previous.get(ind.code)
        prev.alignment = Alignment(horizontal="right", vertical="center")  # General: the figure as it was typed
        value = ws[f"{COL_VALUE}{r}"]
        value.style = "xz_input"
        if entry is not None and entry.value is not None:
            value.value = entry.value
            prefilled += 1
        note = ws[f"{COL_NOTE}{r}"]
        _text(note, entry.explanation if entry else None, "xz_input_text")
        for c in (value, note):
            c.protection = Protection(locked=False)
        _text(ws[f"{COL_RULE}{r}"], requirement(ind), "xz_na")
        ws.row_dimensions[r].height = row_height([(ind.name, 36), (requirement(ind), 26), (ind.category, 12)])
        key = _validation(ind)
        if key not in groups:
            groups[key] = _decimal_validation(*key)
        groups[key].add(f"{COL_VALUE}{r}")
    end = FIRST_ROW + len(indicators) - 1
    for dv in groups.values():
        ws.add_data_validation(dv)
    notes = DataValidation(
        type="textLength",
        operator="lessThanOrEqual",
        formula1=str(MAX_TEXT),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="说明太长",
        error=f"说明不能超过 {MAX_TEXT} 字",
    )
    notes.add(f"{COL_NOTE}{FIRST_ROW}:{COL_NOTE}{end}")
    ws.add_data_validation(notes)
    sign = end + 2
    _text(
        ws[f"B{sign}"],
        "填报人：　　　　　　　联系电话：　　　　　　　单位负责人（签字）：　　　　　　　（单位盖章）",
        "xz_subtitle",
    )
    ws.merge_cells(f"B{sign}:{last}{sign}")
    ws.row_dimensions[sign].height = 30

    ws.freeze_panes = f"{COL_PREVIOUS}{FIRST_ROW}"
    setup_print(ws, f"{HEADER_ROW}:{HEADER_ROW}", landscape=True)
    ws.print_area = f"B1:{last}{sign}"
    # Locked labels: the sheet is protected without a password (it prevents accidents, not people).
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    _write_meta(wb, store, unit, unit_obj.name, period_text, indicators)
    wb.security = WorkbookProtection(lockStructure=True)  # sheets cannot be deleted, renamed or unhidden
    with replacing(path) as tmp, writing(tmp) as fh:
        wb.save(fh)
    return TemplateInfo(path, unit, unit_obj.name, period_text, len(indicators), prefilled)


def _decimal_validation(operator: str, low: str, high: str | None) -> DataValidation:
    if operator == "between":
        hint = "请填写数字" if low.startswith("-1E") else f"请填写 {low} 到 {high} 之间的数字"
    else:
        hint = f"请填写{'不小于' if operator == 'greaterThanOrEqual' else '不大于'} {low} 的数字"
    return DataValidation(
        type="decimal",
        operator=operator,
        formula1=low,
        formula2=high,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle="数值有误",
        error=hint,
        showInputMessage=True,
        promptTitle="本期数值",
        prompt=hint + "；空白表示未填报",
    )


def _write_meta(
    wb: Workbook, store: Store, unit: str, unit_name: str, period: str, indicators: list[Indicator]
) -> None:
    """The hidden sheet the import trusts: what this template is and which row held which code."""
    meta = wb.create_sheet(SHEET_META)
    rows = [
        ("format", TEMPLATE_FORMAT),
        ("template_version", TEMPLATE_VERSION),
        ("unit", unit),
        ("unit_name", unit_name),
        ("period", period),
        ("catalog_version", store.catalog().version),
        ("database_id", store.database_id),
        ("created_at", now_iso()),
        ("program_version", __version__),
        ("indicators", len(indicators)),
    ]
    for r, (key, value) in enumerate(rows, start=1):
        put(meta, r, 1, key)
        put(meta, r, 2, value)
    meta.cell(META_FIRST_LAYOUT_ROW - 1, 1, "row")
    meta.cell(META_FIRST_LAYOUT_ROW - 1, 2, "indicator")
    meta.cell(META_FIRST_LAYOUT_ROW - 1, 3, "name")
    for n, ind in enumerate(indicators):
        r = META_FIRST_LAYOUT_ROW + n
        meta.cell(r, 1, FIRST_ROW + n)
        put(meta, r, 2, ind.code)
        put(meta, r, 3, ind.name)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
