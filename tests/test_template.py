"""Excel forms for clerks: written, filled (with openpyxl, as Excel would), imported back by code,
and every kind of wrong file refused with the cell or row to look at, the database untouched."""

from __future__ import annotations

import openpyxl
import pytest

from xz_desktop.domain.messages import XzError
from xz_desktop.domain.periods import Period
from xz_desktop.services.excel.template import (
    COL_CODE,
    COL_NAME,
    COL_VALUE,
    FIRST_ROW,
    SHEET_FORM,
    SHEET_META,
    write_template,
)
from xz_desktop.services.imports import import_file
from xz_desktop.services.imports.xlsx import import_template, read_template
from xz_desktop.store import create_store, open_store

from .db_dump import dump
from .excel_support import demo_db, libreoffice_convert  # noqa: F401 - fixture

UNIT = "honghe"  # has not reported 2024 in the demo


def plausible(code: str) -> float:
    """Values that pass every check of a town (counts within 人才资源总量, ratios with denominators)."""
    return {
        "talent_total": 20_000,
        "employed": 60_000,
        "skilled_workers": 9_000,
        "resident_population": 50_000,
        "rd_personnel": 500,
        "bachelor": 3_000,
        "high_skilled": 2_000,
    }.get(code, 10)


def fill(path, values=plausible, **changes) -> dict[str, int]:
    """Fill every value cell as a clerk would; returns code → row."""
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_FORM]
    rows = {}
    for r in range(FIRST_ROW, ws.max_row + 1):
        code = ws[f"{COL_CODE}{r}"].value
        if code:
            ws[f"{COL_VALUE}{r}"] = values(code)
            rows[code] = r
    for ref, value in changes.items():
        ws[ref] = value
    wb.save(path)
    return rows


@pytest.fixture
def town(tmp_path):
    path = tmp_path / "honghe.sqlite"
    create_store(path, "unit", UNIT, author="李四").close()
    return path


@pytest.fixture
def form(town, tmp_path):
    path = tmp_path / "洪合镇_2024.xlsx"
    with open_store(town) as store:
        info = write_template(store, None, "2024", path)
    assert info.unit == UNIT and info.indicators > 10
    return path


def refused(db, path, **kw) -> list[str]:
    before = dump(db)
    with open_store(db) as store, pytest.raises(XzError) as caught:
        import_file(store, path, **kw)
    assert dump(db) == before  # all or nothing
    return caught.value.lines()


def test_filled_form_imports_by_code_even_with_rows_reordered(town, form):
    rows = fill(form)
    wb = openpyxl.load_workbook(form)
    ws = wb[SHEET_FORM]
    # Swap two whole rows (code, labels and value move together): the import must not care.
    a, b = FIRST_ROW, FIRST_ROW + 3
    for col in "ABCDEFGHI":
        ws[f"{col}{a}"].value, ws[f"{col}{b}"].value = ws[f"{col}{b}"].value, ws[f"{col}{a}"].value
    wb.save(form)
    with open_store(town) as store:
        result = import_file(store, form, period=Period(2024))
        stored = {v.indicator: v for v in store.values.select(period="2024")}
    assert result.written == len(rows)
    assert {code: stored[code].value for code in rows} == {code: plausible(code) for code in rows}
    assert stored["talent_total"].source == "import"


def test_template_is_protected_validated_and_carries_hidden_codes(demo_db, tmp_path):
    path = tmp_path / "xincheng.xlsx"
    with open_store(demo_db) as store:
        info = write_template(store, "xincheng", "2024", path)
        stored = store.values.entries("xincheng", "2024")
    assert info.prefilled == len(stored)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_FORM]
    assert ws.protection.sheet and ws.column_dimensions[COL_CODE].hidden
    assert wb[SHEET_META].sheet_state == "hidden" and wb.security.lockStructure
    first = FIRST_ROW
    assert ws[f"{COL_NAME}{first}"].protection.locked and not ws[f"{COL_VALUE}{first}"].protection.locked
    validations = ws.data_validations.dataValidation
    assert any(
        dv.type == "decimal" and dv.operator == "greaterThanOrEqual" and dv.formula1 == "0" for dv in validations
    )
    assert ws[f"{COL_VALUE}{first}"].value == stored[ws[f"{COL_CODE}{first}"].value].value
    assert ws.print_title_rows and ws.page_setup.orientation == "landscape"


def test_every_problem_is_named_by_its_cell(town, form):
    rows = fill(form)
    r = rows["academician_workstation"]
    wb = openpyxl.load_workbook(form)
    ws = wb[SHEET_FORM]
    ws[f"{COL_VALUE}{r}"] = "十二"  # text in a number cell
    ws[f"{COL_VALUE}{rows['postdoc_workstation']}"] = -3  # breaks a check
    ws[f"{COL_NAME}{rows['phd']}"] = "硕士"  # labels no longer match the hidden code
    wb.save(form)
    lines = refused(town, form)
    text = "\n".join(lines)
    assert f"{COL_VALUE}{r}：“十二”不是数字" in text
    assert f"{COL_VALUE}{rows['postdoc_workstation']}" in text and "负数" in text
    assert f"{COL_NAME}{rows['phd']}" in text
    assert lines[0].startswith("导入被拒绝")


def test_a_deleted_row_is_named(town, form):
    fill(form)
    wb = openpyxl.load_workbook(form)
    ws = wb[SHEET_FORM]
    name = ws[f"{COL_NAME}{FIRST_ROW + 2}"].value
    ws.delete_rows(FIRST_ROW + 2)
    wb.save(form)
    assert any(f"缺少“{name}”一行" in line for line in refused(town, form))


def test_another_units_template_is_refused(tmp_path, form):
    other = tmp_path / "xincheng.sqlite"
    create_store(other, "unit", "xincheng").close()
    fill(form)
    assert "是“洪合镇”的填报模板，不能导入“新城街道”的数据库" in refused(other, form)[0]


def test_a_template_of_another_period_says_which(town, form, xz):
    fill(form)
    assert "是 2024 年的填报模板，不是 2023 年的" in refused(town, form, period="2023")[0]
    run = xz("import", town, form, "--period", "2023")
    assert run.returncode == 1 and "2024 年的填报模板" in run.stderr


def test_an_old_template_version_is_refused(town, form):
    fill(form)
    wb = openpyxl.load_workbook(form)
    meta = wb[SHEET_META]
    for row in meta.iter_rows(max_col=2):
        if row[0].value == "template_version":
            row[1].value = 0
    wb.save(form)
    assert "旧版模板（第 0 版" in refused(town, form)[0]


def test_files_that_are_not_our_template(town, tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"this is not a zip file at all")
    assert "不是 Excel 工作簿" in refused(town, junk)[0]
    plain = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "随便一张表"
    wb.save(plain)
    assert "不是本程序生成的填报模板" in refused(town, plain)[0]
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert "旧版 .xls" in refused(town, old)[0]


def test_district_writes_any_units_form_and_imports_it(demo_db, tmp_path, xz):
    path = tmp_path / "form.xlsx"
    run = xz("template", demo_db, "--unit", UNIT, "--period", "2024", "-o", path)
    assert run.returncode == 0, run.stderr
    fill(path)
    run = xz("import", demo_db, path)
    assert run.returncode == 0, run.stderr
    with open_store(demo_db) as store:
        assert store.values.get(UNIT, "academician_workstation", "2024").value == 10
    # A unit's copy cannot write another unit's form.
    run = xz("template", tmp_path / "nope.sqlite", "--unit", UNIT, "--period", "2024", "-o", path)
    assert run.returncode == 1


def test_read_template_is_quick_and_reports_whose_it_is(town, form):
    fill(form)
    with open_store(town) as store:
        data = read_template(store, form)
    assert (data.unit, data.unit_name, data.period, data.problems) == (UNIT, "洪合镇", Period(2024), [])
    assert all(r.where.startswith(COL_VALUE) for r in data.rows)


@pytest.mark.slow
def test_a_form_saved_by_libreoffice_imports_back(town, form, tmp_path):
    """A clerk fills the form and saves it in LibreOffice (or WPS): hidden codes and sheet survive."""
    rows = fill(form)
    pdf = libreoffice_convert(form, "pdf", tmp_path / "pdf")  # it opens and prints without error
    assert pdf.stat().st_size > 1000
    saved = libreoffice_convert(form, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    with open_store(town) as store:
        result = import_template(store, saved, period=Period(2024))
        assert result.written == len(rows)
        assert store.values.get(UNIT, "talent_total", "2024").value == 20_000
