"""The plan's tools end to end through the real `xz`: three units worked out by hand, awkward rounding,
refusals that leave the database as it was, and the annual report read back with python-docx."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3

import pytest
from docx import Document

from xz_desktop.store import create_store, open_store
from xz_desktop.store.values import ValueChange

from .conftest import run_xz

THREE = ("xincheng", "jiabei", "tanghui")


def three_unit_district(tmp_path, catalog):
    """A district whose only active geographic units are 新城街道, 嘉北街道 and 塘汇街道."""
    units = [
        u if u.kind.value == "sector" or u.code in THREE else dataclasses.replace(u, active=False)
        for u in catalog.units
    ]
    path = tmp_path / "three.sqlite"
    create_store(
        path, "district", catalog=dataclasses.replace(catalog, units=units, version=""), author="区人才办"
    ).close()
    return path


def write(path, figures):
    with open_store(path) as store:
        store.values.write([ValueChange(u, i, p, v) for (u, i, p), v in figures.items()], "测试")


def dump(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return [
            conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3").fetchall()
            for t in ("unit_target", "unit_target_audit", "value")
        ]
    finally:
        conn.close()


def test_split_by_base_with_awkward_numbers_adds_up_exactly(tmp_path, catalog):
    db = three_unit_district(tmp_path, catalog)
    # 2020 figures 10000 : 20000 : 30001 of 人才资源总量; the district target is 14.71 万人 = 147100 人.
    write(
        db,
        {
            ("xincheng", "talent_total", "2020"): 10000,
            ("jiabei", "talent_total", "2020"): 20000,
            ("tanghui", "talent_total", "2020"): 30001,
        },
    )
    done = run_xz("targets", db, "--split", "talent_total", "--by", "base")
    assert done.returncode == 0, done.stderr
    listed = json.loads(run_xz("targets", db, "--json").stdout)
    # Quotas 24516.258…, 49032.516…, 73551.224…: floors add to 147099, the 1 left goes to jiabei (.516).
    assert {(t["unit"], t["indicator"], t["target"], t["period"]) for t in listed} == {
        ("xincheng", "talent_total", 24516, "2025"),
        ("jiabei", "talent_total", 49033, "2025"),
        ("tanghui", "talent_total", 73551, "2025"),
    }
    assert sum(t["target"] for t in listed) == 147100


def test_split_by_another_indicator_and_the_check_after_a_unit_is_added(tmp_path, catalog):
    db = three_unit_district(tmp_path, catalog)
    # 院士专家工作站: 18 by 从业人员数 of the latest year all three reported (2022: 1 : 1 : 1 → 6, 6, 6;
    # 2023 is not complete, so it is not the basis).
    write(
        db,
        {
            ("xincheng", "employed", "2022"): 500,
            ("jiabei", "employed", "2022"): 500,
            ("tanghui", "employed", "2022"): 500,
            ("xincheng", "employed", "2023"): 900,
        },
    )
    done = run_xz("targets", db, "--split", "academician_workstation", "--by", "employed", "--json")
    assert done.returncode == 0, done.stderr
    assert {(s["unit"], s["target"]) for s in json.loads(done.stdout)} == {
        ("xincheng", 6),
        ("jiabei", 6),
        ("tanghui", 6),
    }
    # A fourth town comes into use: its share is missing, the check says so.
    with open_store(db) as store:
        cat = store.catalog()
        units = [dataclasses.replace(u, active=True) if u.code == "gaozhao" else u for u in cat.units]
        store.replace_catalog(dataclasses.replace(cat, units=units, version=""))
    listing = run_xz("targets", db)
    assert "高照街道" not in listing.stdout.split("提示")[0]
    assert "gaozhao 没有分到目标" in listing.stdout


def test_import_refuses_a_bad_file_whole_and_leaves_the_database_as_it_was(tmp_path, catalog):
    db = three_unit_district(tmp_path, catalog)
    good = tmp_path / "good.csv"
    good.write_text("unit,indicator,target\nxincheng,academician_workstation,7\n", encoding="utf-8")
    assert run_xz("targets", db, "--import", good).returncode == 0
    before = dump(db)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "unit,indicator,target,period\n"
        "jiabei,academician_workstation,6,2025\n"
        "nowhere,academician_workstation,1,2025\n"  # no such unit
        "jiabei,physicians,abc,2025\n"  # not a number, and 嘉北 does not report 医师数
        "jiabei,postdoc_workstation,-1,2025\n"  # negative
        "jiabei,postdoc_workstation,2,2031\n"  # not a plan year
        "jiabei,academician_workstation,5,2025\n",  # duplicate of row 2
        encoding="utf-8",
    )
    done = run_xz("targets", db, "--import", bad)
    assert done.returncode == 1
    assert done.stderr.startswith("xz: 错误：") and "未导入任何目标" in done.stderr
    for row in ("第 3 行", "第 4 行", "第 5 行", "第 6 行", "第 7 行"):
        assert row in done.stderr
    assert "Traceback" not in done.stderr
    assert dump(db) == before
    assert run_xz("targets", db, "--split", "talent_total").returncode == 2  # --split without --by is a usage error


def test_three_units_scores_and_index_by_hand(tmp_path, catalog):
    db = three_unit_district(tmp_path, catalog)
    targets = tmp_path / "targets.csv"
    targets.write_text(
        "unit,indicator,target\n"
        "xincheng,academician_workstation,7\njiabei,academician_workstation,6\ntanghui,academician_workstation,5\n"
        "xincheng,new_graduates,1000\njiabei,new_graduates,500\ntanghui,new_graduates,800\n",
        encoding="utf-8",
    )
    assert run_xz("targets", db, "--import", targets).returncode == 0
    figures = {}
    stations = {"xincheng": (2, 4), "jiabei": (1, 5), "tanghui": (0, 3)}  # 2020, 2023
    for unit, (then, now) in stations.items():
        figures[(unit, "academician_workstation", "2020")] = then
        figures[(unit, "academician_workstation", "2023")] = now
    for year, per in {"2021": (200, 100, 240), "2022": (200, 100, 240), "2023": (200, None, 240)}.items():
        for unit, v in zip(THREE, per):
            if v is not None:
                figures[(unit, "new_graduates", year)] = v
    write(db, figures)
    assert run_xz("assess", db, "--period", "2023", "--adjust", "jiabei=3", "--reason", "引进顶尖团队").returncode == 0
    assert run_xz("assess", db, "--period", "2023", "--adjust", "tanghui=-15", "--reason", "迟报两次").returncode == 0
    assert run_xz("assess", db, "--period", "2023", "--adjust", "tanghui=-1").returncode == 2  # a reason is required
    done = run_xz("assess", db, "--period", "2023", "--json")
    assert done.returncode == 0, done.stderr
    scores = {d["unit"]: d for d in json.loads(done.stdout)}
    # Shipped scheme: 院士专家工作站 weight 10, 新引进大学生 20 (the other geographic items have no target: not counted).
    # 2023 on the linear trajectory: stations expected base + (target − base) × 3/5; graduates 3/5 of the target.
    # 新城: stations 2→4 of 2→7 (expected 5): r = 2/3 → 6.667; graduates 600 of 1000 (expected 600): r = 1 → 20.
    #       100 × 26.667 / 30 = 88.89.
    # 嘉北: stations 1→5 of 1→6 (expected 4): r = 4/3, cap 1.2 → 12; graduates: 2023 missing → 0 (incomplete).
    #       100 × 12 / 30 = 40, + 3 = 43.
    # 塘汇: stations 0→3 of 0→5 (expected 3): r = 1 → 10; graduates 720 of 800 (expected 480): r = 1.5, cap → 24.
    #       100 × 34 / 30 = 113.33, − 15 capped at 10 = 103.33.
    assert {u: (scores[u]["score"], scores[u]["rank"]) for u in THREE} == {
        "xincheng": (88.89, 2),
        "jiabei": (43.0, 3),
        "tanghui": (103.33, 1),
    }
    assert scores["jiabei"]["complete"] is False
    graduates = next(i for i in scores["jiabei"]["items"] if i.get("indicator") == "new_graduates")
    assert graduates["status"] == "incomplete" and graduates["points"] == 0
    assert any(i.get("reason") == "引进顶尖团队" for i in scores["jiabei"]["items"])
    assert scores["health"]["score"] is None and scores["health"]["rank"] is None  # no targets: no score, no rank


def index_figures(unit: str, y2020: dict, y2023: dict) -> dict:
    out = {}
    for year, values in (("2020", y2020), ("2023", y2023)):
        for code, v in values.items():
            if v is not None:
                out[(unit, code, year)] = v
    return out


BASE = {
    "talent_total": 10000,
    "professional_tech_talent": 4000,
    "high_skilled": 3000,
    "phd": 20,
    "master": 180,
    "senior_title": 200,
    "employed": 50000,
    "academician_workstation": 2,
    "postdoc_workstation": 1,
    "new_graduates": 400,
    "new_phd_master_youth": 40,
}


def test_talent_index_of_three_units_by_hand(tmp_path, catalog):
    db = three_unit_district(tmp_path, catalog)
    # 新城: every figure × 1.5 → every normalised figure 150, except 每万名从业人员人才资源数 (人才 × 1.5 over
    #       从业人员 × 1.5: 100): 人才素质 = 0.4 × 150 + 0.3 × 150 + 0.3 × 100 = 135;
    #       人才平台 with the shipped damping d = 5: stations 2 → 3: (3 + 5)/(2 + 5) × 100 = 114.286,
    #       posts 1 → 1.5: (1.5 + 5)/(1 + 5) × 100 = 108.333; 人才平台 = (114.286 + 108.333)/2 = 111.310;
    #       index = 0.3 × 150 + 0.3 × 135 + 0.2 × 111.310 + 0.2 × 150 = 45 + 40.5 + 22.262 + 30 = 137.76.
    # 嘉北: 人才资源总量 10000 → 13000 and 从业人员 × 1.3 too (so 每万名从业人员人才资源数 stays at 100), the rest unchanged:
    #       人才规模 = 0.5 × 130 + 0.25 × 100 + 0.25 × 100 = 115; index = 0.3 × 115 + 0.3 × 100 + 0.2 × 100 + 0.2 × 100 = 104.5.
    # 塘汇: no 2023 硕士 → 博士、硕士人才 missing → no index, no rank.
    figures = index_figures("xincheng", BASE, {k: v * 1.5 for k, v in BASE.items()})
    figures |= index_figures("jiabei", BASE, {**BASE, "talent_total": 13000, "employed": 65000})
    figures |= index_figures("tanghui", BASE, {**BASE, "master": None})
    write(db, figures)
    done = run_xz("index", db, "--period", "2023", "--json")
    assert done.returncode == 0, done.stderr
    got = {d["unit"]: d for d in json.loads(done.stdout)}
    assert (got["xincheng"]["index"], got["xincheng"]["rank"]) == (137.76, 1)
    assert [p["index"] for p in got["xincheng"]["parts"]] == [150.0, 135.0, 111.31, 150.0]
    assert (got["jiabei"]["index"], got["jiabei"]["rank"]) == (104.5, 2)
    assert [p["index"] for p in got["jiabei"]["parts"]] == [115.0, 100.0, 100.0, 100.0]
    assert got["tanghui"]["index"] is None and got["tanghui"]["rank"] is None
    assert "phd_master" in got["tanghui"]["missing"]
    assert run_xz("index", db, "--period", "2023").stdout.count("不完整") >= 1


def test_unit_progress_says_incomplete_instead_of_behind(tmp_path, catalog):
    db = three_unit_district(tmp_path, catalog)
    targets = tmp_path / "t.csv"
    targets.write_text("unit,indicator,target\nxincheng,new_graduates,1000\n", encoding="utf-8")
    run_xz("targets", db, "--import", targets)
    write(db, {("xincheng", "new_graduates", "2021"): 100, ("xincheng", "new_graduates", "2023"): 100})
    rows = json.loads(run_xz("progress", db, "--period", "2023", "--json").stdout)
    assert rows == [
        {
            "unit": "xincheng",
            "indicator": "new_graduates",
            "year": 2023,
            "target": 1000.0,
            "value": 200.0,
            "base": None,
            "expected": 600.0,
            "due": 600.0,
            "completion": None,
            "verdict": "incomplete",
            "complete": False,
            "missing": ["2022"],
        }
    ]


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    db = folder / "demo.sqlite"
    assert run_xz("demo", db).returncode == 0
    out = folder / "评估报告.docx"
    done = run_xz("report", db, "--period", "2024", "-o", out)
    assert done.returncode == 0, done.stderr
    return db, out


def docx_text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_the_report_holds_every_table2_figure_and_says_incomplete(demo_report):
    db, out = demo_report
    text = docx_text(out)
    rows = [r for r in json.loads(run_xz("totals", db, "--period", "2024", "--json").stdout) if r["table2_seq"]]
    assert len(rows) == 15
    for r in rows:
        for key in ("value", "base_2020", "target_2025"):
            if r[key] is not None:
                shown = f"{r[key]:,.{r['decimals']}f}"
                assert shown in text, (r["code"], key, shown)
    incomplete = [r for r in rows if r["units_missing"]]
    assert incomplete, "the demo leaves two units without 2024 figures"
    assert "不完整" in text
    for r in incomplete:
        assert r["name"] in text and "数据不全" in text
    for words in ("填报人", "审核人", "负责人", "日期", "年度考核", "人才发展指数", "报送情况"):
        assert words in text
    assert len(Document(str(out)).inline_shapes) >= 2  # the charts


def test_report_refusals(tmp_path, demo_report, unit_db):
    db, _ = demo_report
    done = run_xz("report", db, "--period", "2024", "-o", tmp_path / "x.pdf")
    assert done.returncode == 1 and ".docx" in done.stderr
    done = run_xz("report", unit_db, "--period", "2024", "-o", tmp_path / "x.docx")
    assert done.returncode == 1 and "区级" in done.stderr
    assert not (tmp_path / "x.docx").exists()


def test_the_report_is_made_while_the_window_has_the_database_open(tmp_path, demo_report):
    import os
    import socket

    from xz_desktop.store.lock import lock_path

    db, _ = demo_report
    lock = lock_path(db)
    # As the window's QLockFile writes it: a live process (this one), the application, this computer.
    lock.write_text(f"{os.getpid()}\nxz-desktop\n{socket.gethostname()}\n", encoding="utf-8")
    try:
        done = run_xz("report", db, "--period", "2024", "-o", tmp_path / "r.docx")
    finally:
        lock.unlink()
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "r.docx").exists()


@pytest.mark.slow
def test_libreoffice_converts_the_report_to_pdf(tmp_path, demo_report):
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer-nogui")
    db, _ = demo_report
    out = tmp_path / "report.docx"
    done = run_xz("report", db, "--period", "2024", "-o", out, "--pdf")
    assert done.returncode == 0, done.stderr
    pdf = out.with_suffix(".pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000


def test_the_workbook_has_the_units_completion_of_their_own_targets(tmp_path, demo_report):
    import openpyxl

    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_report[0], db)
    assert run_xz("targets", db, "--split", "academician_workstation", "--by", "base").returncode == 0
    out = tmp_path / "汇总.xlsx"
    assert run_xz("export", db, "-o", out, "--period", "2024").returncode == 0
    ws = openpyxl.load_workbook(out)["单位目标完成"]
    # The demo splits every assessed target: find 院士专家工作站's two columns (完成率, 进度).
    at = [c.column - 1 for c in ws[3] if c.value == "院士专家工作站 完成率"][0]
    rows = {r[0]: r[at : at + 2] for r in ws.iter_rows(min_row=4, values_only=True) if r[0]}
    progress = {
        r["unit"]: r
        for r in json.loads(run_xz("progress", db, "--period", "2024", "--json").stdout)
        if r["indicator"] == "academician_workstation"
    }
    # 洪合镇 has not reported 2024: no completion, 数据不全; the others carry `xz progress`'s completion.
    assert rows["洪合镇"] == (None, "数据不全")
    assert rows["新城街道"][0] == pytest.approx(progress["xincheng"]["completion"])
