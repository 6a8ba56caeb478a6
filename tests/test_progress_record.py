"""One progress record, decided in domain/progress.py and rendered alike by every surface (issue 21).

The window's totals model, ``xz totals --json``, the Excel 表2 sheet (and its bar chart's data) and the annual
report are read back on the demo database: a verdict rule swapped in domain changes all four; a figure that is
not complete shows no completion anywhere; the report's summary sentence and its table give the same
percentage; half-years are judged only where the indicator's kind allows it; a unit's flow figure counts
both halves.
"""

from __future__ import annotations

import json
import re
import zipfile

import openpyxl
import pytest

from xz_desktop.cli.app import main as xz_main
from xz_desktop.domain import progress
from xz_desktop.domain.aggregation import Aggregator, FigureSet
from xz_desktop.domain.periods import Period
from xz_desktop.domain.totals import TotalRow, district_totals
from xz_desktop.services.excel.export import SHEET_TABLE2, export_workbook
from xz_desktop.services.plan.figures import UnitFigures
from xz_desktop.services.plan.report import build_report
from xz_desktop.services.totals import totals
from xz_desktop.store import open_store

from .excel_support import demo_db  # noqa: F401 - fixture

YEAR = "2024"
# The words each surface gives a verdict (the report writes them inside sentences).
WINDOW = {"on_track": "✓ 达到进度", "behind": "✗ 落后进度", "incomplete": "数据不全"}
CELL = {"on_track": "达到进度", "behind": "落后进度", "incomplete": "数据不全"}
REPORT = {"on_track": "达到规划进度", "behind": "落后于规划进度", "incomplete": "数据不完整，不作判断"}


def cli_rows(db, capsys) -> dict[str, dict]:
    """``xz totals --json`` run in-process (the function the command calls, through its own argument parser)."""
    capsys.readouterr()
    assert xz_main(["totals", str(db), "--period", YEAR, "--json"]) == 0
    return {r["code"]: r for r in json.loads(capsys.readouterr().out)}


def window_marks(db) -> dict[str, str]:
    from xz_desktop.ui.totals.model import CODE_ROLE, TotalsModel

    with open_store(db) as store:
        rows, catalog = totals(store, YEAR), store.catalog()
    model = TotalsModel()
    model.set_rows(rows, YEAR, catalog)
    out = {}
    for n in range(model.rowCount()):
        code = model.data(model.index(n, 0), CODE_ROLE)
        if code:
            out[code] = model.data(model.index(n, model.MARK))
            out[code + ":completion"] = model.data(model.index(n, model.COMPLETION))
    return out


def table2_sheet(db, tmp_path) -> tuple[dict[str, dict[str, object]], dict[str, str]]:
    """The 表2 sheet's rows by indicator code (header text -> cell value), and its columns' letters."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    out = tmp_path / "x.xlsx"
    with open_store(db) as store:
        export_workbook(store, out, YEAR)
    ws = openpyxl.load_workbook(out)[SHEET_TABLE2]
    heads: dict[str, int] = {}
    first = 0
    for r in range(1, 8):
        for c in range(1, ws.max_column + 1):
            value = ws.cell(r, c).value
            if isinstance(value, str) and value in ("完成率", "序时进度", "进度评价", "指标代码", "二级指标"):
                heads[value] = c
                first = max(first, r + 1)
    rows = {}
    for r in range(first, ws.max_row + 1):
        code = ws.cell(r, heads["指标代码"]).value
        if code:
            rows[code] = {h: ws.cell(r, c).value for h, c in heads.items()}
    letters = {h: openpyxl.utils.get_column_letter(c) for h, c in heads.items()}
    charts = [n for n in zipfile.ZipFile(out).namelist() if n.startswith("xl/charts/chart")]
    refs = set()
    for name in charts:
        refs |= set(re.findall(r"<(?:c:)?f>([^<]+)</(?:c:)?f>", zipfile.ZipFile(out).read(name).decode("utf-8")))
    letters["chart refs"] = " ".join(sorted(refs))
    return rows, letters


def report_table(db) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The report's 表2 table rows by indicator name (header -> text), and its summary sentences by name."""
    with open_store(db) as store:
        doc = build_report(store, YEAR)
        names = [r.name for r in totals(store, YEAR) if r.table2_seq is not None]
    [table] = [t for t in doc.tables if [c.text for c in t.rows[0].cells][:2] == ["序号", "指标"]]
    header = [c.text for c in table.rows[0].cells]
    rows = {}
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        rows[cells[1]] = dict(zip(header, cells))
    # The analysis names each complete indicator in a sentence of its own; the incomplete ones are said together.
    sentences = {}
    for p in doc.paragraphs:
        for name in names:
            shown = re.sub(r"（%）$", "", name)
            said = p.text.startswith(f"{YEAR}年") or "数据不全" in p.text
            if said and shown in p.text and name not in sentences:
                sentences[name] = p.text
    return {re.sub(r"（%）$", "", k): v for k, v in rows.items()}, {
        re.sub(r"（%）$", "", k): v for k, v in sentences.items()
    }


def test_swapping_one_verdict_rule_in_domain_changes_every_surface(demo_db, tmp_path, capsys, monkeypatch, qtbot):
    before = cli_rows(demo_db, capsys)
    judged = {c: r for c, r in before.items() if r["verdict"] in ("on_track", "behind")}
    assert {r["verdict"] for r in judged.values()} == {"on_track", "behind"}, "the demo has both verdicts"
    surfaces_before = (window_marks(demo_db), table2_sheet(demo_db, tmp_path)[0], report_table(demo_db)[0])

    rule = progress.on_track
    monkeypatch.setattr(progress, "on_track", lambda ind, value, goal, base=None: not rule(ind, value, goal, base))
    after = cli_rows(demo_db, capsys)
    window, sheet, (report, _) = window_marks(demo_db), table2_sheet(demo_db, tmp_path / "b")[0], report_table(demo_db)
    swap = {"on_track": "behind", "behind": "on_track"}
    for code, row in judged.items():
        now = swap[row["verdict"]]
        assert after[code]["verdict"] == now and after[code]["on_track"] is (now == "on_track"), code
        assert surfaces_before[0][code] == WINDOW[row["verdict"]] and window[code] == WINDOW[now], code
        if code in sheet:
            assert surfaces_before[1][code]["进度评价"] == CELL[row["verdict"]], code
            assert sheet[code]["进度评价"] == CELL[now], code
        if row["table2_seq"] is not None:
            name = row["name"].removesuffix("（%）")  # the report drops a unit the name carries itself
            assert surfaces_before[2][name]["进度"] == REPORT[row["verdict"]], code
            assert report[name]["进度"] == REPORT[now], code


def test_an_incomplete_figure_has_no_completion_on_any_surface(demo_db, tmp_path, capsys, qtbot):
    rows = cli_rows(demo_db, capsys)
    partial = {c: r for c, r in rows.items() if r["complete"] is False}
    assert any(r["table2_seq"] for r in partial.values()), "the demo leaves units without 2024 figures"
    for code, r in partial.items():
        assert r["completion"] is None and r["on_track"] is None, code
        if r["target_2025"] is not None:
            assert r["verdict"] == "incomplete", code
    window = window_marks(demo_db)
    sheet, letters = table2_sheet(demo_db, tmp_path)
    report, sentences = report_table(demo_db)
    # The bar chart plots exactly the 完成率 and 序时进度 columns: blank cells there draw no bar.
    refs = letters["chart refs"]
    assert f"${letters['完成率']}$" in refs and f"${letters['序时进度']}$" in refs, refs
    for code, r in partial.items():
        if r["target_2025"] is None:
            continue
        assert window[code] == "数据不全" and window[code + ":completion"] == "", code
        if code in sheet:
            assert sheet[code]["完成率"] is None and sheet[code]["序时进度"] is None, code
            assert sheet[code]["进度评价"] == "数据不全", code
        if r["table2_seq"] is not None:
            name = r["name"].removesuffix("（%）")
            assert report[name]["完成率"] == "—", code
            assert "完成率" not in sentences[name] and "数据不全" in sentences[name], code
    # A complete row keeps its completion: 0.5 shows as 50.0 % in the window.
    done = [c for c, r in rows.items() if r["complete"] and r["completion"] is not None]
    assert done and all(window[c + ":completion"].endswith("%") for c in done)


def test_the_reports_summary_and_table_give_the_same_percentage(demo_db):
    report, sentences = report_table(demo_db)
    compared = 0
    for name, row in report.items():
        said = re.findall(r"完成率(-?[\d.]+)%", sentences[name])
        shown = row["完成率"]
        if shown == "—":
            assert not said, name
            continue
        assert said == [shown.rstrip("%")], (name, sentences[name], shown)
        compared += 1
    assert compared >= 5


def _h1_rows(catalog, figures) -> dict[str, TotalRow]:
    aggregator = Aggregator(catalog, FigureSet(figures))
    return {r.code: r for r in district_totals(catalog, aggregator, Period(2024, 1))}


def test_a_half_year_is_judged_only_where_the_kind_allows(catalog):
    def everyone(code: str, value: float, periods=("2024H1",)) -> list[tuple[str, str, str, float]]:
        return [(u.code, code, p, value) for u in catalog.reporters(catalog.indicator(code)) for p in periods]

    figures = [
        ("finance", "talent_fund", "2024H1", 5200.0),  # a yearly amount (district): half of it is not the year
        ("stats", "labor_productivity", "2024H1", 10.2),  # the figure 全员劳动生产率年均增长 reports
        *everyone("talent_total", 20_000.0),  # a stock: a count at mid-year
        *everyone("new_phd_master_youth", 100.0, ("2021", "2022", "2023", "2024H1")),  # a five-year cumulative flow
        *everyone("academician_workstation", 2.0),  # a stock
    ]
    rows = _h1_rows(catalog, figures)
    for code in ("talent_fund", "labor_productivity_growth", "labor_productivity"):
        row = rows[code]
        assert row.verdict == "no_target" and row.on_track is None and row.completion is None, code
    for code in ("talent_total", "academician_workstation", "new_phd_master_youth"):
        row = rows[code]
        assert row.complete and row.verdict in ("on_track", "behind") and row.completion is not None, code
    # The same growth rate in a whole year is judged.
    year = {
        r.code: r
        for r in district_totals(
            catalog, Aggregator(catalog, FigureSet([("stats", "labor_productivity", "2024", 20.0)])), Period(2024)
        )
    }
    assert year["labor_productivity_growth"].verdict in ("on_track", "behind")


def test_a_units_flow_for_the_year_counts_both_halves(catalog):
    flow = catalog.indicator("new_phd_master_youth")
    unit = catalog.reporters(flow)[0].code
    figures = UnitFigures(catalog, FigureSet([(unit, flow.code, "2024H1", 3.0), (unit, flow.code, "2024H2", 4.0)]))
    assert figures.entered(unit, flow.code, 2024) == 7.0  # 3 + 4
    assert figures.year_figure(unit, flow, 2024) == (7.0, ())
    only_half = UnitFigures(catalog, FigureSet([(unit, flow.code, "2024H2", 4.0)]))
    assert only_half.entered(unit, flow.code, 2024) is None  # one half is not the year


@pytest.mark.parametrize(
    ("kind", "judged"),
    [("stock", True), ("flow", False), ("district", False)],
)
def test_judged_at_mid_year_by_kind(catalog, kind, judged):
    ind = next(i for i in catalog.indicators if i.aggregation.value == kind and not i.is_cumulative)
    assert progress.judged_at(catalog, ind, Period(2024, 1)) is judged
    assert progress.judged_at(catalog, ind, Period(2024)) is True
