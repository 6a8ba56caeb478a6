"""End to end through the real ``xz``: the aggregating database's own units and thresholds, versioned, sent to a
unit, and its catalog folder starting a new aggregating database (issue 14, item 1)."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime

from .conftest import ROOT
from .db_dump import dump

YEAR = datetime.now(UTC).year


def ok(result):
    assert result.returncode == 0, result.stderr
    return result


def as_json(result):
    return json.loads(ok(result).stdout)


def test_units_and_thresholds_through_the_cli_reach_a_unit(xz, tmp_path):
    d, u = tmp_path / "区.sqlite", tmp_path / "新城.sqlite"
    ok(xz("init", d, "--district"))
    ok(xz("enrol", d, "--unit", "xincheng", "-o", tmp_path / "e.xzenrol"))
    ok(xz("init", u, "--enrolment", tmp_path / "e.xzenrol"))

    made = as_json(xz("unit-add", d, "--code", "xinzhen", "--name", "新镇", "--phone", "0573-1", "--json"))
    assert made["version"] == f"{YEAR}.1" and made["revision"] == 1
    assert {"field": "name", "old": "", "new": "新镇"}.items() <= next(
        c for c in made["changes"] if c["field"] == "name"
    ).items()
    made = as_json(xz("unit-edit", d, "xincheng", "--contact", "王五", "--name", "新城街道办", "--json"))
    assert {(c["field"], c["old"], c["new"]) for c in made["changes"]} == {
        ("contact", "", "王五"),
        ("name", "新城街道", "新城街道办"),
    }
    assert as_json(xz("unit-edit", d, "xinzhen", "--retire", "--json"))["version"] == f"{YEAR}.3"
    units = {r["code"]: r for r in as_json(xz("units", "--db", d, "--json"))}
    assert units["xinzhen"]["active"] is False and units["xincheng"]["active"] is True
    made = as_json(xz("threshold", d, "talent_total", "--max", "2000000", "--yoy", "0.4", "--json"))
    assert {(c["field"], c["old"], c["new"]) for c in made["changes"]} == {
        ("max", "", "2000000"),
        ("yoy_threshold", "0.3", "0.4"),
    }
    shown = as_json(xz("threshold", d, "talent_total", "--json"))
    assert shown["max"] == 2000000 and shown["yoy_threshold"] == 0.4
    history = as_json(xz("catalog-history", d, "--json"))
    assert history["version"] == f"{YEAR}.4"
    assert [r["revision"] for r in history["revisions"]] == [4, 3, 2, 1]

    # Sent to the unit in the catalog file, signed as today; the unit's copy puts it in force.
    ok(xz("catalog-export", d, "-o", tmp_path / "c.xzcat"))
    ok(xz("catalog-import", u, tmp_path / "c.xzcat"))
    assert f"目录版本 {YEAR}.4" in ok(xz("catalog", "--db", u)).stdout
    mine = {r["code"]: r for r in as_json(xz("units", "--db", u, "--json"))}
    assert mine["xincheng"]["name"] == "新城街道办"


def test_refusals_exit_1_with_the_reason_and_leave_the_database(xz, tmp_path):
    d = tmp_path / "区.sqlite"
    ok(xz("init", d, "--district"))
    before = dump(d)
    for args, words in (
        (("threshold", d, "talent_total", "--min", "10", "--max", "5"), "最小值大于最大值"),
        (("threshold", d, "talent_total", "--min", "很多"), "不是数字"),
        (("threshold", d, "talent_total", "--usual-max", "nan"), "有限"),
        (("unit-add", d, "--code", "新镇", "--name", "新镇"), "小写字母"),
        (("unit-add", d, "--code", "xincheng", "--name", "再来"), "已被"),
        (("unit-edit", d, "nobody", "--name", "x"), "没有单位"),
        (("unit-edit", d, "xincheng", "--name", ""), "不能为空"),
    ):
        result = xz(*args)
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        first = result.stderr.splitlines()[0]
        assert first.startswith("xz: 错误：") and words in first and "Traceback" not in result.stderr
    assert dump(d) == before
    usage = xz("unit-edit", d, "xincheng")
    assert usage.returncode == 2 and "至少" in usage.stderr
    assert xz("unit-edit", d, "xincheng", "--retire", "--reactivate").returncode == 2
    assert dump(d) == before


def test_a_units_copy_refuses_edits(xz, tmp_path):
    u = tmp_path / "u.sqlite"
    ok(xz("init", u, "--unit", "xincheng"))
    result = xz("unit-add", u, "--code", "a", "--name", "甲")
    assert result.returncode == 1 and "区级汇总数据库维护" in result.stderr


def test_catalog_folder_starts_a_new_aggregating_database(xz, tmp_path):
    d, folder = tmp_path / "市.sqlite", tmp_path / "目录"
    ok(xz("init", d, "--district", "--catalog", ROOT / "resources" / "catalogs" / "jiaxing"))
    ok(xz("unit-edit", d, "330411", "--contact", "秀洲区人才办", "--phone", "0573-2"))
    ok(xz("threshold", d, "talent_total", "--usual-min", "1000"))
    made = as_json(xz("catalog-export", d, "--csv", "-o", folder, "--json"))
    assert sorted(made["files"]) == [
        "indicators.csv",
        "level.csv",
        "overlaps.csv",
        "plan.csv",
        "rules.csv",
        "units.csv",
    ]
    with (folder / "level.csv").open(encoding="utf-8") as f:
        assert list(csv.DictReader(f)) == [
            {"code": "330400", "name": "嘉兴市", "above_code": "330000", "above_name": "浙江省"}
        ]
    with (folder / "units.csv").open(encoding="utf-8") as f:
        xiuzhou = next(r for r in csv.DictReader(f) if r["code"] == "330411")
    assert (xiuzhou["name"], xiuzhou["contact"], xiuzhou["phone"]) == ("秀洲区", "秀洲区人才办", "0573-2")
    with (folder / "indicators.csv").open(encoding="utf-8") as f:
        assert next(r for r in csv.DictReader(f) if r["code"] == "talent_total")["usual_min"] == "1000"
    new = tmp_path / "新市.sqlite"
    ok(xz("init", new, "--district", "--catalog", folder))
    assert ok(xz("catalog", "--db", new, "--json")).stdout == ok(xz("catalog", "--db", d, "--json")).stdout
    # The folder is never written over.
    again = xz("catalog-export", d, "--csv", "-o", folder)
    assert again.returncode == 1 and "不会覆盖" in again.stderr


def test_a_database_stored_under_the_older_rules_opens_and_is_repaired_by_editing(xz, tmp_path):
    """Before the edits landed, a catalog folder could store bounds out of order, a zero 同比 threshold and a
    long note: the checks added since hold incoming rows, not what an earlier version already stored."""
    import sqlite3

    d = tmp_path / "区.sqlite"
    ok(xz("init", d, "--district"))
    with sqlite3.connect(d) as conn:  # as the earlier version stored them
        conn.execute("UPDATE indicator SET min = 10, max = 5, yoy_threshold = 0 WHERE code = 'talent_total'")
        conn.execute("UPDATE indicator SET note = ? WHERE code = 'phd'", ("长" * 2500,))
        conn.execute("UPDATE unit SET name = ? WHERE code = 'jiabei'", ("嘉北" * 150,))
    ok(xz("totals", d, "--period", "2024", "--json"))
    # an edit elsewhere goes through; the stored rows stay as they were
    ok(xz("unit-edit", d, "xincheng", "--phone", "0573-1"))
    assert as_json(xz("threshold", d, "talent_total", "--json"))["max"] == 5
    # the edited indicator is held to today's rules: bounds still out of order are refused, their repair taken
    refused = xz("threshold", d, "talent_total", "--yoy", "0.3")
    assert refused.returncode == 1 and "最小值大于最大值" in refused.stderr
    ok(xz("threshold", d, "talent_total", "--min", "0", "--max", "", "--yoy", "0.3"))
    shown = as_json(xz("threshold", d, "talent_total", "--json"))
    assert shown["min"] == 0 and shown["max"] is None and shown["yoy_threshold"] == 0.3
