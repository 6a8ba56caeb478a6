"""Targets travel to the unit in the district's catalog file; a hostile target refuses the file whole."""

from __future__ import annotations

import json

import pytest

from xz_desktop.services.signing.seal import sign_json
from xz_desktop.store import open_store

from .conftest import run_xz


@pytest.fixture
def unit_db(tmp_path, district_db):
    """新城街道's copy set up from the district's enrolment file: it trusts the district's signature."""
    enrolment = tmp_path / "xincheng.xzenrol"
    assert run_xz("enrol", district_db, "--unit", "xincheng", "-o", enrolment).returncode == 0
    town = tmp_path / "town.sqlite"
    done = run_xz("init", town, "--enrolment", enrolment, "--author", "张三")
    assert done.returncode == 0, done.stderr
    return town


def resigned(district_db, body: dict) -> str:
    """``body`` signed again by the district (as a forger holding the district's key could): only its content is judged."""
    unsigned = {k: v for k, v in body.items() if k not in ("signature", "signed_by", "key_id", "checksum")}
    with open_store(district_db) as store:
        return json.dumps(sign_json(store, unsigned), ensure_ascii=False)


def test_targets_travel_in_the_catalog_file(tmp_path, district_db, unit_db):
    csv = tmp_path / "t.csv"
    csv.write_text(
        "unit,indicator,target,period\nxincheng,academician_workstation,7,2025\nxincheng,academician_workstation,4,2023\n"
        "jiabei,academician_workstation,5,2025\n",
        encoding="utf-8",
    )
    assert run_xz("targets", district_db, "--import", csv).returncode == 0
    file = tmp_path / "目录.xzcat"
    assert run_xz("catalog-export", district_db, "-o", file).returncode == 0
    done = run_xz("catalog-import", unit_db, file)
    assert done.returncode == 0, done.stderr
    form = json.loads(run_xz("form", unit_db, "--period", "2023", "--json").stdout)
    # Only 新城街道's own: its 2025 target, with the 2023 milestone (4) as the year's expected figure.
    assert [(t["indicator"], t["target"], t["expected"], t["verdict"]) for t in form["targets"]] == [
        ("academician_workstation", 7.0, 4.0, "incomplete")
    ]
    with open_store(unit_db) as store:
        assert {(t.unit, t.period) for t in store.targets.list()} == {("xincheng", "2025"), ("xincheng", "2023")}
    # The district withdraws the milestone: the next file takes it away in the unit's copy too.
    with open_store(district_db) as store:
        store.targets.delete("xincheng", "academician_workstation", "2023")
    assert run_xz("catalog-export", district_db, "-o", file).returncode == 0
    assert run_xz("catalog-import", unit_db, file).returncode == 0
    with open_store(unit_db) as store:
        assert [t.period for t in store.targets.list()] == ["2025"]


def test_a_hostile_target_in_a_well_sealed_file_is_refused_and_nothing_changes(tmp_path, district_db, unit_db):
    file = tmp_path / "目录.xzcat"
    assert run_xz("catalog-export", district_db, "-o", file).returncode == 0
    body = json.loads(file.read_text(encoding="utf-8"))
    for bad in ("abc", -1, None, True):  # (a non-finite number cannot even be signed: JSON has none)
        body["targets"] = [{"unit": "xincheng", "indicator": "phd", "period": "2025", "target": bad}]
        file.write_text(resigned(district_db, body), encoding="utf-8")
        done = run_xz("catalog-import", unit_db, file)
        assert done.returncode == 1 and "目标数据无效" in done.stderr, (bad, done.stderr)
        with open_store(unit_db) as store:
            assert store.targets.list() == []


def test_a_catalog_file_of_an_older_program_leaves_targets_alone(tmp_path, district_db, unit_db):
    from xz_desktop.domain.targets import UnitTarget

    with open_store(unit_db) as store:
        store.targets.put([UnitTarget("xincheng", "phd", 30, "2025")], "区人才办")
    file = tmp_path / "目录.xzcat"
    assert run_xz("catalog-export", district_db, "-o", file).returncode == 0
    body = json.loads(file.read_text(encoding="utf-8"))
    body.pop("targets")  # as a program from before targets wrote it
    file.write_text(resigned(district_db, body), encoding="utf-8")
    assert run_xz("catalog-import", unit_db, file).returncode == 0
    with open_store(unit_db) as store:
        assert [t.target for t in store.targets.list()] == [30]


def test_targets_travel_in_the_receipt_too(tmp_path, district_db, unit_db):
    csv = tmp_path / "t.csv"
    csv.write_text("unit,indicator,target\nxincheng,phd,40\njiabei,phd,30\n", encoding="utf-8")
    assert run_xz("targets", district_db, "--import", csv).returncode == 0
    assert run_xz("due", district_db, "--period", "2023", "--date", "2024-03-31").returncode == 0
    receipt = tmp_path / "回执.xzpkg"
    done = run_xz("receipt", district_db, "--unit", "xincheng", "-o", receipt)
    assert done.returncode == 0, done.stderr
    done = run_xz("receipt-import", unit_db, receipt)
    assert done.returncode == 0, done.stderr
    with open_store(unit_db) as store:
        assert [(t.unit, t.indicator, t.target) for t in store.targets.list()] == [("xincheng", "phd", 40.0)]
