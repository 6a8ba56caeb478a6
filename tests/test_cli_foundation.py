"""The `xz` command line, run for real in a subprocess on real files."""

import json

import pytest

from xz_desktop.domain.periods import Period

from .db_dump import dump

COMMANDS = ["catalog", "units", "init", "import", "totals", "check", "demo"]


def test_help_in_chinese_and_english(xz):
    top = xz("--help")
    assert top.returncode == 0 and "命令" in top.stdout and "command" in top.stdout
    for command in COMMANDS:
        result = xz(command, "--help")
        assert result.returncode == 0, command
        assert any("\u4e00" <= ch <= "\u9fff" for ch in result.stdout), command
        assert any(
            word in result.stdout for word in ("Create", "List", "Import", "District", "Database", "database")
        ), command


def test_usage_errors_exit_2(xz):
    assert xz("frobnicate").returncode == 2
    assert xz("totals").returncode == 2
    assert xz("init", "x.sqlite").returncode == 2  # neither --unit nor --district


def test_catalog_json(xz):
    data = json.loads(xz("catalog", "--json").stdout)
    by_code = {d["code"]: d for d in data}
    talent = by_code["talent_total"]
    assert (
        talent["name"],
        talent["measure"],
        talent["base_2015"],
        talent["base_2020"],
        talent["target_2025"],
        talent["target_sense"],
    ) == ("人才资源总量", "万人", 8.94, 12.21, 14.71, "min")
    assert len(talent["reported_by"]) == 10 and "xincheng" in talent["reported_by"]
    ratio = by_code["physicians_per_1000"]
    assert (ratio["numerator"], ratio["denominator"], ratio["scale"], ratio["aggregation"]) == (
        "physicians",
        "resident_population",
        1000,
        "ratio",
    )
    assert by_code["labor_productivity_growth"]["of"] == "labor_productivity"
    for item in data:
        assert {
            "code",
            "name",
            "measure",
            "category",
            "aggregation",
            "reported_by",
            "base_2015",
            "base_2020",
            "target_2025",
            "target_sense",
        } <= set(item)


def test_units_json(xz):
    units = json.loads(xz("units", "--json").stdout)
    assert {"code": "wangjiangjing", "name": "王江泾镇", "kind": "geographic"}.items() <= next(
        u for u in units if u["code"] == "wangjiangjing"
    ).items()
    assert sum(1 for u in units if u["kind"] == "sector") >= 13


def write_csv(path, rows, encoding="utf-8"):
    path.write_text(
        "unit,indicator,period,value,explanation\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n",
        encoding=encoding,
    )
    return path


def test_end_to_end_ratio_of_sums_with_towns_of_very_different_sizes(tmp_path, xz):
    db = tmp_path / "d.sqlite"
    assert xz("init", db, "--district").returncode == 0
    csv = write_csv(
        tmp_path / "v.csv",
        [
            ("wangjiangjing", "physicians", 2023, '"2,000"', ""),
            ("wangjiangjing", "resident_population", 2023, '"1,000,000"', ""),
            ("honghe", "physicians", 2023, 90, ""),
            ("honghe", "resident_population", 2023, "１００００", ""),
            ("wangjiangjing", "talent_total", 2023, 30000, ""),
            ("honghe", "talent_total", 2023, 0, ""),
        ],
    )
    # physicians are the health bureau's figure, not a town's: the whole file is refused.
    refused = xz("import", db, csv)
    assert refused.returncode == 1 and "不填报" in refused.stderr
    csv = write_csv(
        tmp_path / "v.csv",
        [
            ("health", "physicians", 2023, 2090, ""),
            ("wangjiangjing", "resident_population", 2023, '"1,000,000"', ""),
            ("honghe", "resident_population", 2023, "１００００", ""),
            ("wangjiangjing", "employed", 2023, 500000, ""),
            ("honghe", "employed", 2023, 5000, ""),
            ("wangjiangjing", "talent_total", 2023, 100000, ""),
            ("honghe", "talent_total", 2023, 4000, ""),
        ],
    )
    result = xz("import", db, csv)
    assert result.returncode == 0, result.stderr
    totals = {r["code"]: r for r in json.loads(xz("totals", db, "--period", "2023", "--json").stdout)}
    # The health bureau's district-wide count over the population of only 2 of the 10 towns would be
    # inflated: the ratio exists only when both parts are complete, and its parts still show.
    doctors = totals["physicians_per_1000"]
    assert doctors["value"] is None and doctors["complete"] is False and doctors["verdict"] == "incomplete"
    assert doctors["numerator"] == 2090 and doctors["denominator"] == 1_010_000 and doctors["on_track"] is None
    assert {m["unit"] for m in doctors["missing"]} == {
        "xincheng",
        "jiabei",
        "tanghui",
        "gaozhao",
        "youchegang",
        "xincheng_town",
        "wangdian",
        "hitech",
    }
    # 每万名从业人员人才资源数: Σ人才 / Σ从业人员 × 10000 = 2059.4, not the mean of 2000 and 8000.
    density = totals["talent_per_10k_employed"]
    assert density["value"] == pytest.approx(104000 / 505000 * 10000)
    assert density["value"] != pytest.approx((2000 + 8000) / 2)
    talent = totals["talent_total"]
    assert talent["value"] == pytest.approx(10.4)  # 万人
    assert talent["units_reported"] == ["wangjiangjing", "honghe"] and len(talent["units_missing"]) == 8
    for key in (
        "code",
        "name",
        "measure",
        "value",
        "base_2020",
        "target_2025",
        "expected",
        "completion",
        "on_track",
        "units_reported",
        "units_missing",
    ):
        assert key in talent
    assert talent["expected"] == pytest.approx(12.21 * (14.71 / 12.21) ** (3 / 5))
    # 10.4 万人 from 2 of 10 towns is not 落后进度: it is incomplete, with no verdict.
    assert talent["on_track"] is None and talent["verdict"] == "incomplete" and talent["complete"] is False
    assert len(talent["missing"]) == 8 and {"unit": "xincheng", "period": "2023"} in talent["missing"]


def test_refused_import_leaves_database_unchanged(tmp_path, xz):
    db = tmp_path / "d.sqlite"
    xz("init", db, "--district")
    assert xz("import", db, write_csv(tmp_path / "ok.csv", [("xincheng", "phd", 2022, 10, "")])).returncode == 0
    before = dump(db)
    bad = write_csv(
        tmp_path / "bad.csv",
        [
            ("xincheng", "phd", 2023, 12, ""),
            ("xincheng", "master", 2023, "abc", ""),
            ("jiabei", "phd", 2023, -1, ""),
            ("atlantis", "phd", 2023, 1, ""),
            ("xincheng", "nope", 2023, 1, ""),
            ("xincheng", "phd", 1999, 1, ""),
            ("xincheng", "phd_master", 2023, 1, ""),
            ("xincheng", "phd", 2023, 13, ""),
        ],
    )
    result = xz("import", db, bad)
    assert result.returncode == 1
    err = result.stderr
    assert "数据库未作任何修改" in err.splitlines()[0]
    for expected in (
        "第 3 行",
        "“abc”不是数字",
        "第 4 行",
        "不能为负数",
        "atlantis",
        "nope",
        "1999",
        "由其他指标计算得出",
        "第 9 行",
        "与第 2 行重复",
    ):
        assert expected in err, expected
    assert dump(db) == before


def test_unit_database_refuses_other_units_rows(tmp_path, xz):
    db = tmp_path / "u.sqlite"
    assert xz("init", db, "--unit", "xincheng", "--author", "张三").returncode == 0
    before = dump(db)
    result = xz(
        "import", db, write_csv(tmp_path / "v.csv", [("xincheng", "phd", 2023, 5, ""), ("jiabei", "phd", 2023, 5, "")])
    )
    assert result.returncode == 1 and "嘉北街道" in result.stderr
    assert dump(db) == before


def test_gbk_csv_from_excel_and_explanations(tmp_path, xz):
    db = tmp_path / "u.sqlite"
    xz("init", db, "--unit", "xincheng")
    xz("import", db, write_csv(tmp_path / "a.csv", [("xincheng", "phd", 2022, 10, "")]))
    result = xz(
        "import", db, write_csv(tmp_path / "b.csv", [("xincheng", "phd", 2023, 30, "新引进一批博士")], encoding="gbk")
    )
    assert result.returncode == 0, result.stderr
    assert "合理性审核提示 1 条" in result.stdout and "已说明" in result.stdout


def test_check_reports_integrity_and_errors(tmp_path, xz):
    from xz_desktop.store import open_store

    db = tmp_path / "u.sqlite"
    xz("init", db, "--unit", "xincheng")
    ok = xz("check", db)
    assert ok.returncode == 0 and "正常" in ok.stdout
    with open_store(db) as s:  # the form stores an error (it blocks nothing on screen); check must find it
        s.values.write_one("xincheng", "phd", "2023", -3)
    bad = xz("check", db, "--json")
    assert bad.returncode == 1
    report = json.loads(bad.stdout)
    assert report["integrity"] == ["ok"] and report["findings"][0]["severity"] == "error"


def test_clear_messages_for_bad_databases(tmp_path, xz):
    junk = tmp_path / "junk.sqlite"
    junk.write_text("hello")
    result = xz("totals", junk, "--period", "2023")
    assert result.returncode == 1 and "不是有效的数据库" in result.stderr and "Traceback" not in result.stderr
    assert xz("init", junk, "--district").returncode == 1
    missing = xz("check", tmp_path / "nope.sqlite")
    assert missing.returncode == 1 and "不存在" in missing.stderr
    bad_period = xz("totals", junk.with_name("x.sqlite"), "--period", "2023")
    assert bad_period.returncode == 1


def test_demo_database_passes_every_check(tmp_path, xz):
    db = tmp_path / "demo.sqlite"
    assert xz("demo", db).returncode == 0
    result = xz("check", db, "--json")
    assert result.returncode == 0
    findings = json.loads(result.stdout)["findings"]
    assert all(f["severity"] == "warning" and f["explained"] for f in findings)
    totals = {r["code"]: r for r in json.loads(xz("totals", db, "--period", "2020", "--json").stdout)}
    # The demo's 2020 equals the plan's 2020 figures.
    for code in (
        "talent_total",
        "party_gov_talent",
        "phd",
        "master",
        "bachelor",
        "academician_workstation",
        "talent_fund",
    ):
        assert totals[code]["value"] == pytest.approx(totals[code]["base_2020"]), code
    assert totals["talent_per_10k_employed"]["value"] == pytest.approx(3752, rel=0.001)
    latest = {r["code"]: r for r in json.loads(xz("totals", db, "--period", "2024", "--json").stdout)}
    assert {"honghe"} <= set(latest["talent_total"]["units_missing"])
    assert any(r["on_track"] for r in latest.values()) and any(r["on_track"] is False for r in latest.values())


def test_demo_figures_arrive_as_merged_packages(tmp_path):
    from xz_desktop.services.demo import create_demo
    from xz_desktop.services.packages.merge import merge_log
    from xz_desktop.services.status import submission_status
    from xz_desktop.store import open_store

    with open_store(create_demo(tmp_path / "demo.sqlite")) as store:
        assert store.is_demo and store.values.disputed_keys() == set()
        status = {s.unit: s for s in submission_status(store, Period(2024))}
        assert not status["honghe"].submitted and status["xincheng"].submitted and status["xincheng"].package_file
        log = merge_log(store)
        assert len(log) == len(store.values.units_and_periods())
        assert {v.source for v in store.values.select()} <= {
            e.package_id for e in log
        }  # every figure knows its package
