"""Every kind of bad package is refused with a clear reason, and the district database is left exactly as it was."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from xz_desktop.domain.messages import XzError
from xz_desktop.services.packages.merge import REFUSED, merge_files
from xz_desktop.services.packages.package_file import FORMAT_VERSION, MAX_PACKAGE_BYTES, read_package
from xz_desktop.services.packages.submission import make_package
from xz_desktop.store import open_store

from .db_dump import dump
from .test_package_support import TOWN_2023, craft, district, new_db, tamper, town

GOOD = [(k, "2023", float(v)) for k, v in TOWN_2023.items()]


@pytest.fixture
def district_with_data(tmp_path):
    """A district that already holds a merged package and a hand correction: there is something to damage."""
    path = district(tmp_path)
    first = craft(tmp_path / "first.xzpkg", GOOD)
    with open_store(path) as store:
        assert merge_files(store, [first]).results[0].status == "merged"
        store.values.write_one("jiabei", "phd", "2023", 7)
    return path


def refused(district_path, package_path, *expected_words):
    """Merge, expect a refusal naming ``expected_words``, and prove the database did not change."""
    before = dump(district_path)
    with open_store(district_path) as store:
        report = merge_files(store, [package_path])
    result = report.results[0]
    assert result.status == REFUSED, result
    text = " ".join([result.reason or "", *result.details])
    for word in expected_words:
        assert word in text, text
    assert dump(district_path) == before
    return result


def test_not_an_sqlite_file(tmp_path, district_with_data):
    bad = tmp_path / "notes.xzpkg"
    bad.write_text("这不是上报包\n" * 50, encoding="utf-8")
    refused(district_with_data, bad, "不是上报包", "不是 SQLite")


def test_an_empty_file(tmp_path, district_with_data):
    bad = tmp_path / "empty.xzpkg"
    bad.write_bytes(b"")
    refused(district_with_data, bad, "不是上报包")


def test_a_database_instead_of_a_package(tmp_path, district_with_data):
    db = new_db(tmp_path, "unit.xzpkg", "unit", "xincheng")
    refused(district_with_data, db, "不是上报包", "数据库文件")


@pytest.mark.parametrize("cut", [0.5, 0.97])
def test_truncated(tmp_path, district_with_data, cut):
    good = craft(tmp_path / "good.xzpkg", GOOD)
    data = good.read_bytes()
    bad = tmp_path / "truncated.xzpkg"
    bad.write_bytes(data[: int(len(data) * cut)])
    refused(district_with_data, bad, "不完整")


def test_truncated_at_a_page_boundary(tmp_path, district_with_data):
    good = craft(tmp_path / "good.xzpkg", GOOD)
    data = good.read_bytes()
    bad = tmp_path / "short.xzpkg"
    bad.write_bytes(data[:4096])
    refused(district_with_data, bad, "不完整")


def test_corrupt_pages(tmp_path, district_with_data):
    good = craft(tmp_path / "good.xzpkg", GOOD)
    data = bytearray(good.read_bytes())
    data[4096 + 8 : 4096 + 400] = b"\xff" * 392  # scribble over the second page's b-tree
    bad = tmp_path / "corrupt.xzpkg"
    bad.write_bytes(bytes(data))
    refused(district_with_data, bad, "损坏")


def test_unknown_format(tmp_path, district_with_data):
    bad = craft(tmp_path / "odd.xzpkg", GOOD)
    tamper(bad, "UPDATE manifest SET value = 'x1' WHERE key = 'format_version'")
    refused(district_with_data, bad, "格式")


def test_newer_format(tmp_path, district_with_data):
    bad = craft(tmp_path / "future.xzpkg", GOOD, format_version=FORMAT_VERSION + 1)
    refused(district_with_data, bad, "更新版本", "升级")


def test_checksum_mismatch_after_an_edit(tmp_path, district_with_data):
    bad = craft(tmp_path / "edited.xzpkg", GOOD)
    tamper(bad, "UPDATE value SET value = value + 1 WHERE indicator = 'phd'")
    refused(district_with_data, bad, "校验码不符", "修改")


def test_checksum_mismatch_after_a_deleted_row(tmp_path, district_with_data):
    bad = craft(tmp_path / "edited.xzpkg", GOOD)
    tamper(bad, "DELETE FROM value WHERE indicator = 'phd'")
    refused(district_with_data, bad, "校验码不符")


def test_rows_of_another_unit(tmp_path, district_with_data):
    bad = craft(tmp_path / "mixed.xzpkg", [*GOOD, ("phd", "2023", 3.0, 1, 0, "", "jiabei")])
    refused(district_with_data, bad, "xincheng", "jiabei")


def test_unknown_indicator(tmp_path, district_with_data):
    bad = craft(tmp_path / "unknown.xzpkg", [*GOOD, ("made_up_code", "2023", 3.0)])
    refused(district_with_data, bad, "指标代码", "made_up_code")


def test_indicator_the_unit_does_not_report(tmp_path, district_with_data):
    bad = craft(tmp_path / "nurses.xzpkg", [*GOOD, ("nurses", "2023", 30.0)])
    refused(district_with_data, bad, "不填报")


def test_period_outside_the_plan(tmp_path, district_with_data):
    bad = craft(tmp_path / "2040.xzpkg", [(k, "2040", v) for k, _, v in GOOD], periods=("2040",))
    refused(district_with_data, bad, "2040", "规划年份")


def test_row_outside_the_manifest_periods(tmp_path, district_with_data):
    bad = craft(tmp_path / "extra.xzpkg", [*GOOD, ("phd", "2022", 3.0)])
    refused(district_with_data, bad, "清单之外", "2022")


def test_values_that_fail_error_checks(tmp_path, district_with_data):
    rows = [(k, p, -5.0 if k == "phd" else v) for k, p, v in GOOD]
    refused(district_with_data, craft(tmp_path / "negative.xzpkg", rows), "博士", "负数")


def test_consistency_rule_broken(tmp_path, district_with_data):
    rows = [(k, p, 20000.0 if k == "phd" else v) for k, p, v in GOOD]
    refused(district_with_data, craft(tmp_path / "rule.xzpkg", rows), "不能超过人才资源总量")


def test_infinite_value(tmp_path, district_with_data):
    bad = craft(tmp_path / "inf.xzpkg", GOOD)
    tamper(bad, "UPDATE value SET value = 9e999 WHERE indicator = 'phd'")
    refused(district_with_data, bad, "不是有效数字")


def test_text_where_a_number_belongs(tmp_path, district_with_data):
    bad = craft(tmp_path / "text.xzpkg", GOOD)
    tamper(bad, "UPDATE value SET value = 'abc' WHERE indicator = 'phd'")
    refused(district_with_data, bad, "不是有效数字")


def test_unknown_unit(tmp_path, district_with_data):
    rows = [(k, p, v, 1, 0, "", "atlantis") for k, p, v in GOOD]
    refused(district_with_data, craft(tmp_path / "atlantis.xzpkg", rows, unit="atlantis"), "没有“atlantis”")


def test_catalog_the_district_never_issued(tmp_path, district_with_data):
    bad = craft(tmp_path / "foreign.xzpkg", GOOD, catalog_version="0123456789ab")
    refused(district_with_data, bad, "从未使用过的指标目录", "0123456789ab", "catalog-import")


def test_same_package_id_with_other_content(tmp_path, district_with_data):
    first_id = read_package(tmp_path / "first.xzpkg").package_id
    rows = [(k, p, v + 1) for k, p, v in GOOD]
    refused(district_with_data, craft(tmp_path / "clone.xzpkg", rows, package_id=first_id), "同编号", "内容不同")


def test_merged_into_a_unit_database(tmp_path):
    unit_path = new_db(tmp_path, "unit.sqlite", "unit", "jiabei")
    refused(unit_path, craft(tmp_path / "p.xzpkg", GOOD), "填报数据库", "区级汇总数据库")


# -- hostile content -------------------------------------------------------------
def test_sql_in_codes_is_refused(tmp_path, district_with_data):
    bad = craft(tmp_path / "sql.xzpkg", [*GOOD, ("phd'); DROP TABLE value; --", "2023", 1.0)])
    refused(district_with_data, bad, "指标代码")


def test_sql_in_the_explanation_is_kept_as_text(tmp_path, district_with_data):
    """Text is data: it is stored verbatim through bound parameters, never executed."""
    hostile = "'); DROP TABLE value; DELETE FROM package; --"
    rows = [(k, p, v, 2, 0, hostile if k == "phd" else "") for k, p, v in GOOD]
    path = craft(tmp_path / "sql.xzpkg", rows)
    with open_store(district_with_data) as store:
        assert merge_files(store, [path]).results[0].status == "merged"
        assert store.values.get("xincheng", "phd", "2023").explanation == hostile
        assert store.conn.execute("SELECT COUNT(*) FROM package").fetchone()[0] == 2
        assert store.integrity_problems() == []


def test_very_long_explanation(tmp_path, district_with_data):
    rows = [(k, p, v, 1, 0, "长" * 5000 if k == "phd" else "") for k, p, v in GOOD]
    refused(district_with_data, craft(tmp_path / "long.xzpkg", rows), "说明超过")


def test_very_long_author(tmp_path, district_with_data):
    bad = craft(tmp_path / "long.xzpkg", GOOD)
    tamper(bad, "UPDATE value SET changed_by = ? WHERE indicator = 'phd'", "x" * 100_000)
    refused(district_with_data, bad, "过长")


def test_very_long_manifest_field(tmp_path, district_with_data):
    bad = craft(tmp_path / "long.xzpkg", GOOD)
    tamper(bad, "UPDATE manifest SET value = ? WHERE key = 'author'", "y" * 10_000)
    refused(district_with_data, bad, "清单")


def test_huge_file(tmp_path, district_with_data):
    good = craft(tmp_path / "good.xzpkg", GOOD)
    huge = tmp_path / "huge.xzpkg"
    shutil.copy(good, huge)
    with huge.open("r+b") as fh:  # sparse: large on paper, cheap on disk
        fh.truncate(MAX_PACKAGE_BYTES + 4096)
    refused(district_with_data, huge, "太大")


def test_many_rows(tmp_path, district_with_data):
    bad = craft(tmp_path / "many.xzpkg", GOOD)
    conn = sqlite3.connect(bad)
    with conn:
        conn.executemany(
            "INSERT INTO value (unit, indicator, period, value, revision, changed_at) VALUES ('xincheng', ?, '2023', 1, 1, '')",
            [(f"i{n}",) for n in range(100_001)],
        )
    conn.close()
    refused(district_with_data, bad, "远超")


@pytest.mark.parametrize(
    "ddl, word",
    [
        ("CREATE TABLE extra (x)", "table extra"),
        ("CREATE VIEW v AS SELECT * FROM value", "view v"),
        ("CREATE TRIGGER t AFTER INSERT ON manifest BEGIN DELETE FROM value; END", "trigger t"),
        ("CREATE INDEX i ON value (value)", "index i"),
    ],
)
def test_extra_schema_objects(tmp_path, district_with_data, ddl, word):
    bad = craft(tmp_path / "extra.xzpkg", GOOD)
    tamper(bad, ddl)
    refused(district_with_data, bad, "结构", word)


def test_a_package_is_never_written_to(tmp_path, district_with_data):
    """Reading opens the file read-only: its bytes do not change, even when it is refused."""
    bad = craft(tmp_path / "trigger.xzpkg", GOOD)
    tamper(bad, "CREATE TRIGGER t AFTER INSERT ON manifest BEGIN DELETE FROM value; END")
    before = bad.read_bytes()
    with pytest.raises(XzError):
        read_package(bad)
    assert bad.read_bytes() == before


def test_removed_indicator_from_an_older_catalog(tmp_path):
    """A package filled against an older catalog: codes still in force merge; a removed code is refused with the fix."""

    path = district(tmp_path)
    with open_store(path) as store:
        old = store.catalog()
        old_version = old.version
        kept = [i for i in old.indicators if i.code != "new_graduates"]
        new = type(old)(kept, old.units, old.rules, plan=old.plan)
        store.replace_catalog(new)
        assert store.catalog().version != old_version
    still = craft(tmp_path / "ok.xzpkg", [r for r in GOOD if r[0] != "new_graduates"], catalog_version=old_version)
    gone = craft(tmp_path / "gone.xzpkg", GOOD, catalog_version=old_version)
    refused(path, gone, "new_graduates", "已不在本区现行目录", old_version)
    with open_store(path) as store:
        assert merge_files(store, [still]).results[0].status == "merged"


def test_make_package_is_refused_while_errors_remain(tmp_path):
    with town(tmp_path, values={**TOWN_2023, "phd": 20000}) as store, pytest.raises(XzError) as info:
        make_package(store, ["2023"], tmp_path / "p.xzpkg")
    lines = info.value.lines()
    assert "暂不能导出" in lines[0] and any("人才资源总量" in line for line in lines[1:])
    assert not (tmp_path / "p.xzpkg").exists()


def test_make_package_is_refused_while_a_warning_is_unexplained(tmp_path):
    with town(tmp_path) as store:
        store.values.write_one("xincheng", "phd", "2022", 10)  # 10 → 50 is a jump beyond 30 %
        with pytest.raises(XzError) as info:
            make_package(store, ["2023"], tmp_path / "p.xzpkg")
        assert any("请填写说明" in line for line in info.value.lines())
        store.values.write_one("xincheng", "phd", "2023", 50, explanation="新引进博士后工作站")
        made = make_package(store, ["2023"], tmp_path / "p.xzpkg")
    assert made.values == len(TOWN_2023)


def test_make_package_of_an_empty_period_is_refused(tmp_path):
    with town(tmp_path) as store, pytest.raises(XzError, match="还没有填报"):
        make_package(store, ["2024"], tmp_path / "p.xzpkg")


def test_make_package_in_the_district_is_refused(tmp_path):
    with open_store(district(tmp_path)) as store, pytest.raises(XzError, match="区级汇总数据库不能导出"):
        make_package(store, ["2023"], tmp_path / "p.xzpkg")
