"""The district workbook as leaders print it: read back with openpyxl (page setup, print titles, hidden codes,
the trend chart's year axis) and, slow, printed to PDF by LibreOffice and its pages counted."""

from __future__ import annotations

import re
import subprocess

import openpyxl
import pytest
from openpyxl.chart import BarChart, ScatterChart
from openpyxl.utils import column_index_from_string, get_column_letter

from xz_desktop.services.excel.export import (
    SHEET_CHARTS,
    SHEET_OTHER,
    SHEET_RAW,
    SHEET_STATUS,
    SHEET_TABLE2,
    SHEET_TARGETS,
    export_workbook,
    unit_sheet_title,
)
from xz_desktop.store import open_store

from .excel_support import demo_db, libreoffice_convert  # noqa: F401 - fixture

YEARS = range(2020, 2026)  # the demo's years with figures
# The last row of each sheet's header (the rows from the title down to it repeat on every printed page).
HEADER_ENDS = {SHEET_TABLE2: 4, SHEET_TARGETS: 4, SHEET_OTHER: 3, SHEET_STATUS: 3, SHEET_RAW: 1} | {
    unit_sheet_title(y): 4 for y in YEARS
}


@pytest.fixture
def workbook(demo_db, tmp_path):
    out = tmp_path / "汇总.xlsx"
    with open_store(demo_db) as store:
        export_workbook(store, out, "2024")
    return out


def header_column(ws, row: int, text: str) -> str:
    found = [c.column_letter for c in ws[row] if c.value == text]
    assert len(found) == 1, (ws.title, text)
    return found[0]


def test_table2_fits_one_landscape_a4_page(workbook):
    ws = openpyxl.load_workbook(workbook)[SHEET_TABLE2]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4 in the file format's numbering
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 1)


def test_titles_and_headers_repeat_on_every_printed_page_of_every_sheet(workbook):
    wb = openpyxl.load_workbook(workbook)
    for title, last in HEADER_ENDS.items():
        assert wb[title].print_title_rows == f"$1:${last}", title
    # The units sheets are long, not wide: they run down pages of the page's width.
    for year in YEARS:
        ws = wb[unit_sheet_title(year)]
        assert ws.sheet_properties.pageSetUpPr.fitToPage, year
        assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0)
        assert ws.page_setup.orientation == "landscape"
        assert ws["A1"].value == f"各填报单位{year}年指标数据"
        assert [ws.cell(3, c).value for c in range(1, 5)] == ["序号", "类别", "指标", "计量单位"]
    # The chart sheet is one page by itself.
    charts = wb[SHEET_CHARTS]
    assert (int(charts.page_setup.fitToWidth), int(charts.page_setup.fitToHeight)) == (1, 1)


def test_the_indicator_code_is_out_of_sight_on_the_report_sheets_and_shown_on_the_raw_one(workbook):
    wb = openpyxl.load_workbook(workbook)
    for title, header_row in ((SHEET_TABLE2, 3), (SHEET_TARGETS, 3), (SHEET_OTHER, 3)):
        ws = wb[title]
        letter = header_column(ws, header_row, "指标代码")
        assert ws.column_dimensions[letter].hidden, title
        # Still in the file, one per indicator row (a lookup or a formula can use it).
        codes = [ws[f"{letter}{r}"].value for r in range(header_row + 1, ws.max_row + 1)]
        assert "talent_total" in codes or title != SHEET_TABLE2
        # Only that column is hidden.
        hidden = [c for c in range(1, ws.max_column + 1) if ws.column_dimensions[get_column_letter(c)].hidden]
        assert hidden == [column_index_from_string(letter)], title
    raw = wb[SHEET_RAW]
    assert [c.value for c in raw[1]][:3] == ["单位代码", "单位", "指标代码"]
    assert not any(raw.column_dimensions[get_column_letter(c)].hidden for c in range(1, 13))


def test_the_trend_chart_spaces_its_x_axis_by_year(workbook):
    ws = openpyxl.load_workbook(workbook)[SHEET_CHARTS]
    kinds = sorted(type(c).__name__ for c in ws._charts)
    assert kinds == ["BarChart", "ScatterChart"]
    bar = next(c for c in ws._charts if isinstance(c, BarChart))
    assert bar.type == "bar"
    trend = next(c for c in ws._charts if isinstance(c, ScatterChart))
    # The years as numbers on a value axis: 2015 → 2020 is five times 2020 → 2021.
    assert (trend.x_axis.scaling.min, trend.x_axis.scaling.max, trend.x_axis.majorUnit) == (2015, 2025, 1)
    assert len(trend.series) == 3
    refs = {s.xVal.numRef.f for s in trend.series}
    assert len(refs) == 1, "every series against the same years"
    cells = re.fullmatch(r"'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", refs.pop())
    assert cells and cells[1] == SHEET_CHARTS
    xs = [ws[f"{cells[2]}{r}"].value for r in range(int(cells[3]), int(cells[5]) + 1)]
    assert xs == [2015, 2020, 2021, 2022, 2023, 2024, 2025]
    assert all(isinstance(x, int) for x in xs), "numbers, not category labels"
    assert ws[f"B{int(cells[3]) - 1}"].value == "实际"
    # Actual and plan are lines; the incomplete year's series is a marker without a line.
    assert trend.series[2].graphicalProperties.line.noFill
    assert trend.series[1].graphicalProperties.line.prstDash == "dash"


def pdf_pages(pdf) -> list[str]:
    pages = int(
        re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout)[1]
    )
    return [
        subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"], capture_output=True, text=True).stdout
        for n in range(1, pages + 1)
    ]


@pytest.mark.slow
def test_the_whole_demo_workbook_prints_in_a_sensible_number_of_pages(workbook, tmp_path):
    pdf = libreoffice_convert(workbook, "pdf", tmp_path / "lo")
    pages = [re.sub(r"\s+", "", p) for p in pdf_pages(pdf)]
    # docs/excel.md: 64 pages before (the units sheets printed 8 pages wide each), 34 with five years of figures;
    # the demo's sixth year (2025) adds its units sheet (2 pages) and its rows of the raw sheet: 41.
    assert len(pages) <= 42, len(pages)
    # 表2 alone on page 1, its first and last indicators on it.
    assert "时期人才发展主要指标完成情况" in pages[0] and "人才资源总量" in pages[0]
    assert "人才企业上市（挂牌）数量" in pages[0] and "其他目标完成情况" not in pages[0]
    for year in YEARS:
        own = [p for p in pages if f"各填报单位{year}年指标数据" in p]
        assert len(own) == 2, (year, len(own))  # one landscape page wide, two long
        for page in own:  # the title and the header on the continuation page too
            assert "序号" in page and "新城街道" in page and "填报单位" in page, year
    raw = [p for p in pages if "单位代码" in p and "修订次数" in p]
    assert raw and all("指标代码" in p for p in raw)  # the raw sheet's header on each of its pages


def test_a_units_sheet_too_wide_for_the_page_runs_across_pages_with_its_first_columns_repeated(
    demo_db, tmp_path, monkeypatch
):
    """A catalog of many towns: squeezed onto one page's width it would be unreadable."""
    from xz_desktop.services.excel import tables

    # The demo's units sheet is 4 + 10 towns + 2 + 1 columns, 5+10+28+8 + 10×10 + 16+12 + 12 = 191 wide.
    monkeypatch.setattr(tables, "FIT_WIDTH_MAX", 190)
    out = tmp_path / "wide.xlsx"
    with open_store(demo_db) as store:
        export_workbook(store, out, "2024")
    ws = openpyxl.load_workbook(out)[unit_sheet_title(2024)]
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.scale == 70
    assert ws.print_title_cols == "$A:$D" and ws.print_title_rows == "$1:$4"
    monkeypatch.setattr(tables, "FIT_WIDTH_MAX", 191)
    with open_store(demo_db) as store:
        export_workbook(store, out, "2024")
    ws = openpyxl.load_workbook(out)[unit_sheet_title(2024)]
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_cols is None


def test_footnotes_wrap_within_the_printed_columns_and_no_chart_covers_a_table(workbook):
    wb = openpyxl.load_workbook(workbook)
    for title in (SHEET_TABLE2, SHEET_TARGETS, SHEET_OTHER):
        ws = wb[title]
        code = column_index_from_string(header_column(ws, 3, "指标代码"))
        # The page ends at the last printed column: the hidden 指标代码 (the last) is off the print area …
        assert ws.print_area == f"'{title}'!$A$1:${get_column_letter(code - 1)}${ws.max_row}", title
        # … and no merged banner (title, footnote) reaches into it, so its text wraps within the page.
        assert all(m.max_col < code or m.min_col == code for m in ws.merged_cells.ranges), title
    ws = wb[SHEET_TABLE2]
    notes = [c for c in ws["A"] if isinstance(c.value, str) and c.value.startswith("注：完成率")]
    assert len(notes) == 1 and notes[0].alignment.wrap_text
    # The long note (≈ 190 characters over ≈ 150 printed columns of text width) takes two lines and more.
    assert ws.row_dimensions[notes[0].row].height >= 2 * 13
    charts = wb[SHEET_CHARTS]
    bar, line = charts._charts
    assert isinstance(bar, BarChart) and isinstance(line, ScatterChart)
    table_head = next(c.row for c in charts["A"] if c.value == "年份")
    table_end = max(c.row for c in charts["A"] if isinstance(c.value, int))
    # The bar chart (A3, 14 cm ≈ 26.5 rows of 15 pt) ends above the table; the line chart starts below it,
    # at the left margin (beside the table it covered the 说明 column).
    assert bar.anchor._from.row + 1 == 3 and table_head - 1 > 3 + 14 / (15 / 72 * 2.54)
    assert line.anchor._from.col == 0 and line.anchor._from.row + 1 > table_end
