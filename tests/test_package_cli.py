"""End to end through the real ``xz`` command line: a town exports, the district previews, merges, decides and undoes."""

from __future__ import annotations

import json

from xz_desktop.store import open_store

from .db_dump import dump
from .test_package_support import TOWN_2023


def _csv(path, values, period="2023", unit="xincheng"):
    lines = ["unit,indicator,period,value,explanation"] + [f"{unit},{k},{period},{v}," for k, v in values.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _enrolled(xz, tmp_path, district, town, unit):
    """The district enrols ``unit``; the unit's copy ``town`` is set up from the enrolment file."""
    if not district.exists():
        assert xz("init", district, "--district").returncode == 0
    enrolment = tmp_path / f"{unit}.xzenrol"
    made = xz("enrol", district, "--unit", unit, "-o", enrolment)
    assert made.returncode == 0, made.stderr
    done = xz("init", town, "--enrolment", enrolment, "--author", "张三")
    assert done.returncode == 0, done.stderr


def test_town_to_district_through_the_command_line(tmp_path, xz):
    town, district = tmp_path / "town.sqlite", tmp_path / "district.sqlite"
    _enrolled(xz, tmp_path, district, town, "xincheng")
    assert xz("import", town, _csv(tmp_path / "a.csv", TOWN_2023)).returncode == 0
    made = xz("package", town, "--period", "2023", "-o", tmp_path / "xincheng.xzpkg", "--json")
    assert made.returncode == 0, made.stderr
    info = json.loads(made.stdout)
    assert info["values"] == len(TOWN_2023) and info["periods"] == ["2023"]

    before = dump(district)
    preview = xz("merge", district, tmp_path / "xincheng.xzpkg", "--dry-run", "--json")
    assert preview.returncode == 0, preview.stderr
    [p] = json.loads(preview.stdout)
    assert (p["status"], p["inserted"], p["unit"]) == ("merged", len(TOWN_2023), "xincheng")
    assert len(p["changes"]) == len(TOWN_2023) and dump(district) == before

    merged = xz("merge", district, tmp_path / "xincheng.xzpkg", "--json")
    [m] = json.loads(merged.stdout)
    assert set(m) >= {"file", "unit", "status", "inserted", "updated", "unchanged", "conflicts"}
    assert (m["status"], m["inserted"]) == ("merged", len(TOWN_2023))
    again = xz("merge", district, tmp_path / "xincheng.xzpkg", "--json")
    assert json.loads(again.stdout)[0]["status"] == "unchanged" and again.returncode == 0

    status = json.loads(xz("status", district, "--period", "2023", "--json").stdout)
    assert [s["unit"] for s in status if s["submitted"]] == ["xincheng"]
    text = xz("status", district, "--period", "2023").stdout
    assert "已报送" in text and "未报送" in text and "嘉北街道" in text

    log = xz("log", district, "--json")
    entries = json.loads(log.stdout)
    assert [(e["action"], e["file"]) for e in entries] == [("merge", "xincheng.xzpkg")]

    # the district corrects a figure, the town changes the same figure without knowing: a conflict
    with open_store(district) as store:
        store.values.write_one("xincheng", "phd", "2023", 55, author="区人才办")
    assert xz("import", town, _csv(tmp_path / "b.csv", {"phd": 60})).returncode == 0
    assert xz("package", town, "--period", "2023", "-o", tmp_path / "second.xzpkg").returncode == 0
    second = json.loads(xz("merge", district, tmp_path / "second.xzpkg", "--json").stdout)[0]
    assert second["conflicts"] == 1
    totals = json.loads(xz("totals", district, "--period", "2023", "--json").stdout)
    assert next(r for r in totals if r["code"] == "phd_master")["disputed"]
    conflicts = json.loads(xz("conflicts", district, "--json").stdout)
    assert len(conflicts) == 1 and {c["value"] for c in conflicts[0]["candidates"]} == {55.0, 60.0}
    listing = xz("conflicts", district).stdout
    assert "区里更正" in listing and "second.xzpkg" in listing
    unit_choice = 1 + next(n for n, c in enumerate(conflicts[0]["candidates"]) if c["origin"] == "unit")
    assert xz("resolve", district, str(conflicts[0]["id"]), "--choose", str(unit_choice)).returncode == 0
    assert json.loads(xz("conflicts", district, "--json").stdout) == []
    with open_store(district) as store:
        assert store.values.get("xincheng", "phd", "2023").value == 60

    undone = xz("unmerge", district, second["package_id"][:8], "--json")
    assert undone.returncode == 0, undone.stderr
    assert json.loads(undone.stdout)["restored"] == 1
    with open_store(district) as store:
        assert store.values.get("xincheng", "phd", "2023").value == 50


def test_refusals_exit_1_with_a_reason(tmp_path, xz):
    district = tmp_path / "district.sqlite"
    assert xz("init", district, "--district").returncode == 0
    junk = tmp_path / "junk.xzpkg"
    junk.write_text("hello")
    before = dump(district)
    result = xz("merge", district, junk, "--json")
    assert result.returncode == 1
    [r] = json.loads(result.stdout)
    assert r["status"] == "refused" and "不是上报包" in r["reason"]
    assert "被拒绝" in result.stderr and dump(district) == before
    # a package from a unit copy with an error is refused at export, listing what to fix
    town = tmp_path / "town.sqlite"
    _enrolled(xz, tmp_path, district, town, "xincheng")
    with open_store(
        town
    ) as store:  # typed in the form: the form keeps what it cannot accept yet, the package refuses it
        from xz_desktop.store.values import ValueChange

        store.values.write(
            [ValueChange("xincheng", k, "2023", v) for k, v in {**TOWN_2023, "phd": 9000, "master": 9000}.items()]
        )
    made = xz("package", town, "--period", "2023", "-o", tmp_path / "p.xzpkg")
    assert made.returncode == 1 and "暂不能导出" in made.stderr and "人才资源总量" in made.stderr
    assert not (tmp_path / "p.xzpkg").exists()
    # merging into a unit copy is refused
    assert xz("merge", town, junk).returncode == 1


def test_catalog_export_and_import(tmp_path, xz):
    district, town = tmp_path / "district.sqlite", tmp_path / "town.sqlite"
    _enrolled(xz, tmp_path, district, town, "jiabei")
    with open_store(district) as store:  # the district renames a unit and changes a target
        from dataclasses import replace

        catalog = store.catalog()
        units = [replace(u, name="嘉北街道（新）") if u.code == "jiabei" else u for u in catalog.units]
        store.replace_catalog(type(catalog)(catalog.indicators, units, catalog.rules, plan=catalog.plan))
        version = store.catalog().version
    out = xz("catalog-export", district, "-o", tmp_path / "catalog.xzcat", "--json")
    assert out.returncode == 0, out.stderr and json.loads(out.stdout)["version"] == version
    imported = xz("catalog-import", town, tmp_path / "catalog.xzcat", "--json")
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["version"] == version
    with open_store(town) as store:
        assert store.catalog().version == version and store.catalog().unit("jiabei").name == "嘉北街道（新）"
    assert "无需更新" in xz("catalog-import", town, tmp_path / "catalog.xzcat").stdout
    edited = tmp_path / "edited.xzcat"
    edited.write_text(
        (tmp_path / "catalog.xzcat").read_text(encoding="utf-8").replace("嘉北街道（新）", "别的街道"), encoding="utf-8"
    )
    before = dump(town)
    bad = xz("catalog-import", town, edited)
    assert bad.returncode == 1 and "签名与内容不符" in bad.stderr and dump(town) == before
