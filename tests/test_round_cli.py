"""The reporting round end to end through the real ``xz`` command line, on real files.

A town submits → the district returns it with reasons → the town imports the receipt and sees
them → fixes and resubmits → the district accepts → a later package is refused and the district
database is unchanged → the district reopens → the package merges.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from .db_dump import dump
from .test_package_support import TOWN_2023


def _csv(path, values, period="2023", unit="xincheng"):
    lines = ["unit,indicator,period,value,explanation"] + [f"{unit},{k},{period},{v}," for k, v in values.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _ok(result):
    assert result.returncode == 0, result.stderr
    return result


def _refused(result):
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert result.stderr.startswith("xz: 错误："), result.stderr
    assert "Traceback" not in result.stderr
    return result


def _status(xz, district, unit="xincheng"):
    rows = json.loads(_ok(xz("status", district, "--period", "2023", "--json")).stdout)
    return next(r for r in rows if r["unit"] == unit)


def test_the_whole_round_through_the_command_line(tmp_path, xz):
    town, district = tmp_path / "town.sqlite", tmp_path / "district.sqlite"
    _ok(xz("init", district, "--district"))  # the district enrols the town; the town's copy comes from the file
    _ok(xz("enrol", district, "--unit", "xincheng", "-o", tmp_path / "xincheng.xzenrol"))
    _ok(xz("init", town, "--enrolment", tmp_path / "xincheng.xzenrol", "--author", "张三"))
    _ok(xz("import", town, _csv(tmp_path / "a.csv", TOWN_2023)))
    _ok(xz("due", district, "--period", "2023", "--date", "2024-01-31"))
    assert _status(xz, district)["state"] == "not_submitted"

    # the town submits
    _ok(xz("package", town, "--period", "2023", "-o", tmp_path / "first.xzpkg"))
    [merged] = json.loads(_ok(xz("merge", district, tmp_path / "first.xzpkg", "--json")).stdout)
    assert (merged["status"], merged["resubmission"]) == ("merged", False)
    row = _status(xz, district)
    assert set(row) >= {"unit", "state", "due", "submitted_at", "late_days", "reason"}
    assert (row["state"], row["due"], row["reason"]) == ("submitted", "2024-01-31", None)
    # exported today, long after the due date: late by the days between, in 嘉兴's calendar (UTC+8)
    exported = datetime.fromisoformat(row["submitted_at"].replace("Z", "+00:00")) + timedelta(hours=8)
    assert row["late_days"] == (exported.date() - date(2024, 1, 31)).days

    # the district returns it, with an overall reason and one per figure
    _ok(
        xz(
            "review",
            district,
            "--unit",
            "xincheng",
            "--period",
            "2023",
            "--return",
            "--reason",
            "博士人数与上年相比变化过大",
            "--figure",
            "phd=请核实博士人数",
        )
    )
    row = _status(xz, district)
    assert (row["state"], row["reason"], row["figure_reasons"]) == (
        "returned",
        "博士人数与上年相比变化过大",
        {"phd": "请核实博士人数"},
    )

    # the town imports the receipt and sees the reasons beside the figure
    _ok(xz("receipt", district, "--unit", "xincheng", "-o", tmp_path / "receipt1.xzpkg"))
    _ok(xz("receipt-import", town, tmp_path / "receipt1.xzpkg"))  # a receipt named as earlier versions did
    # -o a folder: the receipt is named for its unit, with the receipts' own extension, and imports the same
    (tmp_path / "out").mkdir()
    _ok(xz("receipt", district, "--unit", "xincheng", "-o", tmp_path / "out"))
    [named] = list((tmp_path / "out").iterdir())
    assert named.suffix == ".xzrcpt" and named.name.startswith("新城街道_回执_"), named.name
    _ok(xz("receipt-import", town, named))
    form = json.loads(_ok(xz("form", town, "--period", "2023", "--json")).stdout)
    assert (form["state"], form["locked"], form["due"]) == ("returned", False, "2024-01-31")
    assert form["review"]["reason"] == "博士人数与上年相比变化过大"
    assert form["review"]["figure_reasons"] == {"phd": "请核实博士人数"}
    assert {r["code"]: r["return_reason"] for r in form["rows"] if r["return_reason"]} == {"phd": "请核实博士人数"}
    assert "请核实博士人数" in _ok(xz("form", town, "--period", "2023")).stdout

    # it fixes the figure and resubmits: shown as a resubmission in the preview, the merge and the log
    _ok(xz("set", town, "--period", "2023", "phd", "48"))
    _ok(xz("package", town, "--period", "2023", "-o", tmp_path / "second.xzpkg"))
    [preview] = json.loads(_ok(xz("merge", district, tmp_path / "second.xzpkg", "--dry-run", "--json")).stdout)
    assert preview["resubmission"] is True
    [again] = json.loads(_ok(xz("merge", district, tmp_path / "second.xzpkg", "--json")).stdout)
    assert (again["status"], again["resubmission"], again["updated"]) == ("merged", True, 1)
    assert json.loads(_ok(xz("log", district, "--json")).stdout)[0]["resubmission"] is True
    row = _status(xz, district)
    assert (row["state"], row["resubmitted"], row["reason"]) == ("submitted", True, None)

    # the district accepts: the period locks
    _ok(xz("review", district, "--unit", "xincheng", "--period", "2023", "--accept", "--author", "李审核"))
    assert _status(xz, district)["state"] == "accepted"

    # a later package for the period is refused, and the district database stays exactly as it was
    _ok(xz("set", town, "--period", "2023", "master", "510"))
    _ok(xz("package", town, "--period", "2023", "-o", tmp_path / "late.xzpkg"))
    before = dump(district)
    refused = _refused(xz("merge", district, tmp_path / "late.xzpkg"))
    assert "锁定" in refused.stdout + refused.stderr and "李审核" in refused.stdout + refused.stderr
    assert dump(district) == before
    [as_json] = json.loads(_refused(xz("merge", district, tmp_path / "late.xzpkg", "--json")).stdout)
    assert as_json["status"] == "refused" and "李审核" in as_json["reason"]
    assert dump(district) == before
    _refused(xz("set", district, "--unit", "xincheng", "--period", "2023", "phd", "1"))
    assert dump(district) == before

    # the town's copy learns from the next receipt that the period is accepted: read-only
    _ok(xz("receipt", district, "--unit", "xincheng", "-o", tmp_path / "receipt2.xzpkg"))
    _ok(xz("receipt-import", town, tmp_path / "receipt2.xzpkg"))
    form = json.loads(_ok(xz("form", town, "--period", "2023", "--json")).stdout)
    assert (form["state"], form["locked"]) == ("accepted", True)
    # the accepted figures came back: the town's own later edit gave way to the district's figure
    assert next(r["value"] for r in form["rows"] if r["code"] == "master") == 500
    assert "锁定" in _refused(xz("set", town, "--period", "2023", "phd", "47")).stderr
    assert "锁定" in _refused(xz("package", town, "--period", "2023", "-o", tmp_path / "x.xzpkg")).stderr

    # reopening needs a reason, and only the district does it; then the refused package merges
    _refused(xz("review", district, "--unit", "xincheng", "--period", "2023", "--reopen"))
    _ok(xz("review", district, "--unit", "xincheng", "--period", "2023", "--reopen", "--reason", "硕士人数需更正"))
    assert _status(xz, district)["state"] == "submitted"
    [late] = json.loads(_ok(xz("merge", district, tmp_path / "late.xzpkg", "--json")).stdout)
    assert (late["status"], late["updated"]) == ("merged", 1)

    log = json.loads(_ok(xz("review-log", district, "--unit", "xincheng", "--json")).stdout)
    assert [(e["action"], e["from"], e["to"]) for e in log] == [
        ("due", None, None),
        ("submit", "not_submitted", "submitted"),
        ("return", "submitted", "returned"),
        ("resubmit", "returned", "submitted"),
        ("accept", "submitted", "accepted"),
        ("reopen", "accepted", "submitted"),
    ]
    assert log[0]["details"] == {"from": None, "to": "2024-01-31"}
    assert log[2]["reason"] == "博士人数与上年相比变化过大" and log[4]["by"] == "李审核"
    assert "重新开放" in _ok(xz("review-log", district)).stdout


def test_round_refusals_exit_1_with_one_line(tmp_path, xz):
    town, district = tmp_path / "town.sqlite", tmp_path / "district.sqlite"
    _ok(xz("init", district, "--district"))
    _ok(xz("enrol", district, "--unit", "xincheng", "-o", tmp_path / "xincheng.xzenrol"))
    _ok(xz("init", town, "--enrolment", tmp_path / "xincheng.xzenrol"))
    _refused(xz("due", district, "--period", "2023", "--date", "2024-13-01"))
    _refused(xz("due", district, "--period", "2023", "--date", "31.01.2024"))
    _refused(xz("due", town, "--period", "2023", "--date", "2024-01-31"))
    _refused(xz("review", district, "--unit", "xincheng", "--period", "2023", "--accept"))  # nothing submitted
    _refused(xz("review", district, "--unit", "nowhere", "--period", "2023", "--accept"))
    _refused(xz("review", district, "--unit", "xincheng", "--period", "2023", "--return"))  # no reason
    _refused(
        xz("review", district, "--unit", "xincheng", "--period", "2023", "--return", "--reason", "x", "--figure", "bad")
    )
    _refused(xz("receipt", district, "--unit", "xincheng", "-o", tmp_path / "r.xzpkg"))  # nothing to send yet
    _refused(xz("receipt-import", town, tmp_path / "missing.xzpkg"))
    assert xz("review", district, "--unit", "xincheng", "--period", "2023").returncode == 2  # no action: usage
    # A period is parsed where the command reads it (the services take a Period): refused there, in words.
    before = dump(district)
    for args in (
        ("due", district, "--period", "2023Q3", "--date", "2024-01-31"),
        ("review", district, "--unit", "xincheng", "--period", "1899", "--accept"),  # no year of any plan
        ("screen", district, "--period", "23"),
        ("status", district, "--period", "2023H3"),
        ("review-log", district, "--period", "x"),
        ("corrections", district, "--unit", "xincheng", "--period", "2023Q1", "-o", tmp_path / "c.xzpkg"),
        ("set", town, "--unit", "xincheng", "--period", "2023Q1", "phd", "1"),
    ):
        said = _refused(xz(*args)).stderr
        assert "报告期" in said and f"“{args[args.index('--period') + 1]}”" in said, said
    assert dump(district) == before


def test_nil_report_counts_as_submitted_with_its_reason(tmp_path, xz):
    town, district = tmp_path / "town.sqlite", tmp_path / "district.sqlite"
    _ok(xz("init", district, "--district"))
    _ok(xz("enrol", district, "--unit", "xincheng", "-o", tmp_path / "xincheng.xzenrol"))
    _ok(xz("init", town, "--enrolment", tmp_path / "xincheng.xzenrol"))
    _refused(xz("package", town, "--period", "2023", "--nil", "  ", "-o", tmp_path / "nil.xzpkg"))
    _ok(xz("package", town, "--period", "2023", "--nil", "本街道本年度无新增数据", "-o", tmp_path / "nil.xzpkg"))
    [merged] = json.loads(_ok(xz("merge", district, tmp_path / "nil.xzpkg", "--json")).stdout)
    assert (merged["status"], merged["nil"], merged["inserted"]) == ("merged", True, 0)
    row = _status(xz, district)
    assert (row["state"], row["nil"], row["nil_reason"]) == ("submitted", True, "本街道本年度无新增数据")
    other = _status(xz, district, "jiabei")
    assert (other["state"], other["nil"]) == ("not_submitted", False)
    log = json.loads(_ok(xz("review-log", district, "--json")).stdout)
    assert [(e["action"], e["unit"], e["reason"]) for e in log] == [("nil", "xincheng", "本街道本年度无新增数据")]
