"""The open exchange format (docs/exchange.md) and ``xz init --district --catalog DIR`` (issue 14).

Expected values are worked out by hand from the figures written here.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from tests.conftest import ROOT, run_xz

FIGURES = """unit,indicator,period,value
xincheng,talent_total,2023,3000
xincheng,employed,2023,40000
jiabei,talent_total,2023,2000
jiabei,employed,2023,10000
xincheng,talent_total,2023H1,2900
xincheng,employed,2023H1,39000
"""


def _district(tmp_path: Path) -> Path:
    db = tmp_path / "district.sqlite"
    assert run_xz("init", db, "--district").returncode == 0
    src = tmp_path / "figures.csv"
    src.write_text(FIGURES, encoding="utf-8")
    done = run_xz("import", db, src)
    assert done.returncode == 0, done.stderr
    return db


def test_json_carries_every_figure_and_the_totals_with_their_components(tmp_path):
    db = _district(tmp_path)
    out = tmp_path / "all.json"
    done = run_xz("export", db, "-o", out, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "path": str(out),
        "format": "json",
        "figures": 6,
        # talent_total, employed and their ratio, for 2023 and 2023H1
        "totals": 6,
    }
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "xz-exchange" and data["version"] == 1
    assert data["database"]["role"] == "aggregate"
    assert data["database"]["unit"] == "330411" and data["database"]["name"] == "秀洲区"
    assert data["database"]["above"] == {"code": "330400", "name": "嘉兴市"}
    assert {"code": "xincheng", "name": "新城街道", "kind": "geographic", "active": True} in data["units"]
    by_key = {(f["unit"], f["indicator"], f["period"]): f for f in data["figures"]}

    mine = by_key[("xincheng", "talent_total", "2023")]
    assert mine["value"] == 3000 and mine["completeness"] == "reported" and mine["source"] == "import"
    assert mine["period_start"] == "2023-01-01" and mine["period_end"] == "2023-12-31"
    assert mine["measure"] == "人" and mine["revision"] == 1
    half = by_key[("xincheng", "talent_total", "2023-01/2023-06")]
    assert (half["value"], half["period_start"], half["period_end"]) == (2900, "2023-01-01", "2023-06-30")

    # 2 of the 10 geographic units reported: a partial sum, said so.
    total = by_key[("330411", "talent_total", "2023")]
    assert total["value"] == 5000 and total["completeness"] == "incomplete"
    assert (total["units_reported"], total["units_expected"], total["source"]) == (2, 10, "aggregate")
    # (3000 + 2000) / (40000 + 10000) × 10000 = 1000: a ratio of sums, with both sums carried.
    ratio = by_key[("330411", "talent_per_10k_employed", "2023")]
    assert ratio["value"] == 1000 and ratio["numerator"] == 5000 and ratio["denominator"] == 50000
    assert ratio["completeness"] == "incomplete"
    ind = {i["code"]: i for i in data["indicators"]}
    assert ind["talent_per_10k_employed"]["numerator"] == "talent_total"
    assert ind["talent_per_10k_employed"]["scale"] == 10000
    # Nobody reported R&D personnel: no total is invented for it.
    assert not [k for k in by_key if k[1] == "rd_personnel"]


def test_csv_has_the_same_records_as_plain_text(tmp_path):
    db = _district(tmp_path)
    out_json, out_csv = tmp_path / "a.json", tmp_path / "a.csv"
    assert run_xz("export", db, "-o", out_json).returncode == 0
    done = run_xz("export", db, "-o", out_csv)
    assert done.returncode == 0, done.stderr
    raw = out_csv.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines()))
    assert list(rows[0]) == [
        "unit", "indicator", "period", "period_start", "period_end", "value", "measure", "completeness",
        "units_reported", "units_expected", "numerator", "denominator", "source", "revision", "changed_at",
    ]  # fmt: skip
    figures = json.loads(out_json.read_text(encoding="utf-8"))["figures"]
    assert len(rows) == len(figures)
    ratio = next(
        r for r in rows if (r["unit"], r["indicator"], r["period"]) == ("330411", "talent_per_10k_employed", "2023")
    )
    assert (ratio["value"], ratio["numerator"], ratio["denominator"]) == ("1000", "5000", "50000")
    assert ratio["units_reported"] == "2" and ratio["units_expected"] == "10" and ratio["revision"] == ""


def test_raw_csv_is_still_there_for_excel(tmp_path):
    db = _district(tmp_path)
    out = tmp_path / "raw.csv"
    assert run_xz("export", db, "-o", out, "--raw").returncode == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfunit,indicator,period,value,explanation")


def test_a_units_copy_exports_its_own_figures_only(tmp_path):
    db = tmp_path / "unit.sqlite"
    assert run_xz("init", db, "--unit", "xincheng").returncode == 0
    src = tmp_path / "f.csv"
    src.write_text(
        "unit,indicator,period,value\nxincheng,talent_total,2023,0\nxincheng,employed,2023,100\n", encoding="utf-8"
    )
    assert run_xz("import", db, src).returncode == 0, "a zero is a figure"
    out = tmp_path / "u.json"
    assert run_xz("export", db, "-o", out).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["database"]["role"] == "unit" and data["database"]["unit"] == "xincheng"
    got = [(f["unit"], f["indicator"], f["value"], f["completeness"]) for f in data["figures"]]
    assert got == [("xincheng", "employed", 100, "reported"), ("xincheng", "talent_total", 0, "reported")]


def test_wrong_suffix_is_refused(tmp_path):
    db = _district(tmp_path)
    done = run_xz("export", db, "-o", tmp_path / "x.txt")
    assert done.returncode == 1 and "应以" in done.stderr
    assert not (tmp_path / "x.txt").exists()


# -- xz init --district --catalog DIR -----------------------------------------------------------------
def _catalog_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "cat"
    shutil.copytree(ROOT / "resources" / "catalog", folder)
    return folder


def test_init_from_a_catalog_folder_takes_its_units_and_level(tmp_path):
    folder = _catalog_copy(tmp_path)
    with (folder / "units.csv").open("a", encoding="utf-8") as fh:
        fh.write("newtown,新设镇,geographic,town,30,1\n")
    (folder / "level.csv").write_text("code,name,above_code,above_name\n330402,南湖区,330400,嘉兴市\n", "utf-8")
    db = tmp_path / "d.sqlite"
    done = run_xz("init", db, "--district", "--catalog", folder)
    assert done.returncode == 0, done.stderr
    assert "南湖区" in done.stdout
    units = json.loads(run_xz("units", "--db", db, "--json").stdout)
    assert {"code": "newtown", "name": "新设镇", "kind": "geographic", "type": "town", "active": True} in units
    out = tmp_path / "e.json"
    assert run_xz("export", db, "-o", out).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["database"]["unit"] == "330402"


def test_init_refuses_a_bad_catalog_folder_and_leaves_no_file(tmp_path):
    folder = _catalog_copy(tmp_path)
    (folder / "level.csv").write_text("code,name,above_code,above_name\nxiuzhou,秀洲区,,\n", "utf-8")
    db = tmp_path / "d.sqlite"
    done = run_xz("init", db, "--district", "--catalog", folder)
    assert done.returncode == 1
    assert "level.csv" in done.stderr and "行政区划代码" in done.stderr
    assert not db.exists()

    folder2 = _catalog_copy(tmp_path / "two")
    text = (
        (folder2 / "units.csv")
        .read_text(encoding="utf-8")
        .replace("xincheng,新城街道,geographic", "xincheng,新城街道,planet")
    )
    (folder2 / "units.csv").write_text(text, encoding="utf-8")
    done = run_xz("init", db, "--district", "--catalog", folder2)
    assert done.returncode == 1 and "units.csv" in done.stderr and "kind" in done.stderr
    assert not db.exists()

    done = run_xz("init", db, "--district", "--catalog", tmp_path / "nowhere")
    assert done.returncode == 1 and "不存在" in done.stderr


def test_catalog_needs_district(tmp_path):
    done = run_xz("init", tmp_path / "u.sqlite", "--unit", "xincheng", "--catalog", ROOT / "resources" / "catalog")
    assert done.returncode == 2
    assert not (tmp_path / "u.sqlite").exists()
