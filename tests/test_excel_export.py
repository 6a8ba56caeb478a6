"""The district workbook: same figures as ``xz totals --json``, text never a formula, never a half file."""

from __future__ import annotations

import json
import math

import openpyxl
import pandas as pd
import pytest

from xz_desktop.domain.messages import XzError
from xz_desktop.services.excel.csv_file import export_csv
from xz_desktop.services.excel.export import (
    SHEET_OTHER,
    SHEET_RAW,
    SHEET_STATUS,
    SHEET_TABLE2,
    SHEET_TARGETS,
    export_workbook,
    unit_sheet_title,
)
from xz_desktop.services.imports.base import ImportRow, apply_rows
from xz_desktop.services.progress import CancelFlag, Cancelled
from xz_desktop.store import open_store

from .db_dump import dump
from .excel_support import demo_db, libreoffice_convert  # noqa: F401 - fixture

pd.set_option("io.excel.xlsx.reader", "openpyxl")

# Each is a 说明 the checks accept (words, not a bare number) that a spreadsheet would still read as a formula.
HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "=1+1 合计",
    "+1 较上年增加",
    "-2 人调出",
    "@SUM(A1)",
    "\t制表符开头",
    "\n换行开头",
    "响铃\x07字符",
]


def plan_sheet(path, sheet: str) -> pd.DataFrame:
    """A plan sheet read back by pandas: one row per indicator, columns named by their header."""
    raw = pd.read_excel(path, sheet_name=sheet, header=None)
    names = [b if isinstance(b, str) else a for a, b in zip(raw.iloc[2], raw.iloc[3])]
    body = raw.iloc[4:].set_axis(names, axis=1)
    body = body[body["指标代码"].notna()]
    return body.set_index("指标代码")


def same(a, b) -> bool:
    """Equal as a spreadsheet holds numbers: Excel keeps 15 significant digits (openpyxl writes 16)."""
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    return (
        b is not None
        and not (isinstance(b, float) and math.isnan(b))
        and math.isclose(float(a), float(b), rel_tol=1e-15)
    )


def test_exported_workbook_has_the_figures_of_xz_totals(demo_db, tmp_path, xz):
    out = tmp_path / "汇总.xlsx"
    run = xz("export", demo_db, "-o", out, "--period", "2024", "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["period"] == "2024"
    totals = {r["code"]: r for r in json.loads(xz("totals", demo_db, "--period", "2024", "--json").stdout)}

    sheets = pd.read_excel(out, sheet_name=None)  # pandas reads every sheet back
    assert list(sheets)[:3] == [SHEET_TABLE2, SHEET_TARGETS, SHEET_OTHER]
    assert {unit_sheet_title(y) for y in range(2020, 2025)} <= set(sheets)
    checked = 0
    for sheet in (SHEET_TABLE2, SHEET_TARGETS):
        table = plan_sheet(out, sheet)
        for code, row in table.iterrows():
            t = totals[code]
            # The base column holds the base completion is measured from: the plan's or the stored 2020 figure.
            t["base_shown"] = t["base"] if t["base_source"] in ("plan", "stored") else None
            assert t["base_source"] != "plan" or t["base"] == t["base_2020"]
            words = {"on_track": "达到进度", "behind": "落后进度", "incomplete": "数据不全"}.get(t["verdict"])
            if words and t["estimated"]:
                words += "（估）"
            shown = None if isinstance(row["进度评价"], float) and pd.isna(row["进度评价"]) else row["进度评价"]
            assert shown == words if words else shown in (None, "无数据"), (code, shown, words)
            for column, key in (
                ("2024年实际", "value"),
                ("2020年基数", "base_shown"),
                ("2025年目标", "target_2025"),
                ("2024年应达", "expected"),
                ("完成率", "completion"),
            ):
                assert same(t[key], row[column]), (sheet, code, column, t[key], row[column])
            if "2021年至2024年累计" in table.columns:
                assert same(t["cumulative"], row["2021年至2024年累计"]), code
            checked += 1
    assert len(plan_sheet(out, SHEET_TABLE2)) == 15
    assert checked == sum(1 for t in totals.values() if t["target_2025"] is not None)

    other = pd.read_excel(out, sheet_name=SHEET_OTHER, header=2).set_index("指标代码")
    for code, row in other.iterrows():
        assert same(totals[code]["value"], row["2024年"]), code
        assert same(totals[code]["base_2020"], row["2020年"]), code


def test_units_sheet_and_raw_sheet_hold_every_stored_figure(demo_db, tmp_path):
    out = tmp_path / "out.xlsx"
    with open_store(demo_db) as store:
        result = export_workbook(store, out, "2023")
        stored = store.values.select()
        assert result.raw_rows == len(stored)
    raw = pd.read_excel(out, sheet_name=SHEET_RAW, dtype={"报告期": str})
    assert len(raw) == len(stored)
    by_key = {(r["单位代码"], r["指标代码"], r["报告期"]): r["数值"] for _, r in raw.iterrows()}
    assert all(same(v.value, by_key[(v.unit, v.indicator, v.period)]) for v in stored)

    # Indicators down, the towns across (their names in row 4); a department's indicator names its one reporter.
    units = pd.read_excel(out, sheet_name=unit_sheet_title(2023), header=None)
    heads = list(units.iloc[3])
    row = list(units.iloc[:, 2]).index("院士专家工作站")
    figure = {(v.unit, v.indicator): v.value for v in stored if v.period == "2023"}
    assert units.iloc[row, heads.index("新城街道")] == figure[("xincheng", "academician_workstation")]
    assert units.iloc[row, heads.index("洪合镇")] == figure[("honghe", "academician_workstation")]
    studio = list(units.iloc[:, 2]).index("技能大师工作室")  # reported by 区人社局 alone
    assert units.iloc[studio, heads.index("填报单位")] == "区人社局"
    assert units.iloc[studio, heads.index("数值")] == figure[("hrss", "skill_master_studio")]
    assert pd.isna(units.iloc[studio, heads.index("新城街道")])  # grey: the towns do not report it

    status = pd.read_excel(out, sheet_name=SHEET_STATUS, header=2)
    assert len(status.dropna(subset=["单位"])) >= 23


def test_formula_like_text_stays_text(district_db, tmp_path):
    with open_store(district_db) as store:
        rows = [
            ImportRow(f"第{n}行", "xincheng", code, "2024", 100_000 if code == "talent_total" else 5, text)
            for n, (code, text) in enumerate(
                zip(
                    [
                        "academician_workstation",
                        "postdoc_workstation",
                        "talent_total",
                        "phd",
                        "master",
                        "bachelor",
                        "senior_title",
                        "party_gov_talent",
                    ],
                    HOSTILE,
                )
            )
        ]
        rows.append(ImportRow("从业人员", "xincheng", "employed", "2024", 300_000))  # the ratio needs its denominator
        apply_rows(store, rows)
        export_workbook(store, tmp_path / "x.xlsx", "2024")
    wb = openpyxl.load_workbook(tmp_path / "x.xlsx")
    ws = wb[SHEET_RAW]
    header = [c.value for c in ws[1]]
    col = header.index("说明") + 1
    seen = {}
    for r in range(2, ws.max_row + 1):
        cell = ws.cell(r, col)
        code = ws.cell(r, header.index("指标代码") + 1).value
        if code != "employed":
            assert cell.data_type == "s", (cell.value, cell.data_type)
        seen[code] = cell.value
    assert seen["academician_workstation"] == '=HYPERLINK("http://x","y")'
    assert seen["postdoc_workstation"] == "=1+1 合计"
    assert seen["party_gov_talent"] == "响铃字符"  # a control character XML cannot hold is dropped, not fatal
    assert all(not isinstance(c.value, str) or c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_cancel_and_failure_leave_the_old_file_and_no_leftovers(demo_db, tmp_path):
    out = tmp_path / "汇总.xlsx"
    out.write_bytes(b"older export")
    with open_store(demo_db) as store:
        with pytest.raises(Cancelled):
            export_workbook(store, out, "2024", CancelFlag(cancel_after=3))
        assert out.read_bytes() == b"older export"
        assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(demo_db.name)) == ["汇总.xlsx"]
        with pytest.raises(XzError, match="不存在"):
            export_workbook(store, tmp_path / "nowhere" / "x.xlsx")
        with pytest.raises(XzError, match=r"\.xlsx"):
            export_workbook(store, tmp_path / "x.pdf")


def test_export_leaves_the_database_untouched_and_reports_progress(demo_db, tmp_path):
    before = dump(demo_db)
    flag = CancelFlag()
    with open_store(demo_db) as store:
        export_workbook(store, tmp_path / "a.xlsx", progress=flag)
    assert dump(demo_db) == before
    dones = [d for d, _, _ in flag.steps]
    assert dones == sorted(dones) and flag.steps[-1][0] == flag.steps[-1][1]


def test_only_the_district_exports(unit_db, tmp_path, xz):
    run = xz("export", unit_db, "-o", tmp_path / "x.xlsx")
    assert run.returncode == 1
    assert "区级汇总数据库" in run.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_csv_has_a_bom_and_defuses_formulas(district_db, tmp_path, xz):
    with open_store(district_db) as store:
        apply_rows(store, [ImportRow("1", "xincheng", "academician_workstation", "2024", 3, "=1+1 合计")])
        export_csv(store, tmp_path / "raw.csv")
    data = (tmp_path / "raw.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "'=1+1 合计" in text and "新城街道" in text
    # The first five columns go back in through xz import.
    again = tmp_path / "again.sqlite"
    assert xz("init", again, "--district").returncode == 0
    run = xz("import", again, tmp_path / "raw.csv")
    assert run.returncode == 0, run.stderr


@pytest.mark.slow
def test_libreoffice_opens_the_workbook_without_error(demo_db, tmp_path):
    out = tmp_path / "report.xlsx"
    with open_store(demo_db) as store:
        export_workbook(store, out, "2024")
    converted = libreoffice_convert(out, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    back = plan_sheet(converted, SHEET_TABLE2)
    ours = plan_sheet(out, SHEET_TABLE2)
    assert list(back.index) == list(ours.index)
    assert all(same(a, b) for a, b in zip(ours["2025年目标"], back["2025年目标"]))
    assert set(pd.read_excel(converted, sheet_name=None)) == set(pd.read_excel(out, sheet_name=None))
