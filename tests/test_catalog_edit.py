"""The aggregating database's own catalog (issue 14, item 1): units and thresholds edited, validated as the
shipped CSVs, versioned with history and audit, sent to units, compatible with packages of earlier versions."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xz_desktop.domain.catalog_rows import load_catalog_dir
from xz_desktop.domain.levels import load_level
from xz_desktop.domain.messages import XzError
from xz_desktop.domain.periods import Period
from xz_desktop.paths import catalog_dir
from xz_desktop.services import catalog_edit
from xz_desktop.services.catalog_transfer import export_catalog, import_catalog
from xz_desktop.services.packages.merge import merge_files
from xz_desktop.services.status import submission_status
from xz_desktop.store import create_store, open_store

from .db_dump import dump
from .test_package_support import TOWN_2023, craft, district, new_db

YEAR = datetime.now(UTC).year
GOOD_ROWS = [(k, "2023", float(v)) for k, v in TOWN_2023.items()]  # a complete, clean year of 新城街道


def refused(path, change, *words):
    """``change(store)`` is refused with every word in its first line, and the database is exactly as it was."""
    before = dump(path)
    with open_store(path) as store, pytest.raises(XzError) as info:
        change(store)
    line = info.value.lines()[0]
    assert all(w in line for w in words), line
    assert dump(path) == before
    return line


def test_add_a_unit_makes_a_version_with_its_history_and_status(tmp_path):
    path = district(tmp_path)
    with open_store(path) as store:
        first = store.catalog().version
        active_before = len(store.catalog().active_units())
        made = catalog_edit.add_unit(store, "xinzhen", "新镇", contact="李四", phone="0573-8888")
        assert made.revision == 1 and made.version == f"{YEAR}.1" and made.previous == first
        assert store.catalog().version == f"{YEAR}.1"
        unit = store.catalog().unit("xinzhen")
        assert (unit.name, unit.kind.value, unit.active, unit.contact, unit.phone) == (
            "新镇",
            "geographic",
            True,
            "李四",
            "0573-8888",
        )
        # Expected in 报送情况 from now on, as a town: every indicator the towns report.
        rows = {s.unit: s for s in submission_status(store, Period(2023))}
        assert len(rows) == active_before + 1
        assert rows["xinzhen"].expected == rows["xincheng"].expected
        changes = {(c.field, c.old, c.new) for c in made.changes}
        assert {("code", "", "xinzhen"), ("name", "", "新镇"), ("phone", "", "0573-8888")} <= changes
        # The merge knows every version the district had in force.
        assert {first, f"{YEAR}.1"} <= set(store.packages.known_catalogs())


def test_rename_contact_retire_reactivate_each_a_new_version_old_to_new(tmp_path):
    path = district(tmp_path)
    with open_store(path) as store:
        r1 = catalog_edit.edit_unit(store, "xincheng", {"name": "新城街道（新）", "contact": "王五", "phone": "123"})
        r2 = catalog_edit.edit_unit(store, "xincheng", {"active": "0"})
        assert "xincheng" not in {s.unit for s in submission_status(store, Period(2023))}
        r3 = catalog_edit.edit_unit(store, "xincheng", {"active": "1"})
        assert "xincheng" in {s.unit for s in submission_status(store, Period(2023))}
        assert [r.revision for r in (r1, r2, r3)] == [1, 2, 3]
        assert {(c.field, c.old, c.new) for c in r1.changes} == {
            ("name", "新城街道", "新城街道（新）"),
            ("contact", "", "王五"),
            ("phone", "", "123"),
        }
        assert [(c.field, c.old, c.new) for c in r2.changes] == [("active", "1", "0")]
        history = catalog_edit.history(store)
        assert [h.version for h in history] == [f"{YEAR}.3", f"{YEAR}.2", f"{YEAR}.1"]
        assert history[0].changed_by == "区人才办"
        # Nothing changed: no new version.
        assert catalog_edit.edit_unit(store, "xincheng", {"phone": "123"}) is None
        assert store.catalog().version == f"{YEAR}.3"


def test_retiring_keeps_the_figures(tmp_path):
    path = district(tmp_path)
    package = craft(tmp_path / "p.xzpkg", GOOD_ROWS)
    with open_store(path) as store:
        assert merge_files(store, [package]).results[0].status == "merged"
        held = len([v for v in store.values.select(unit="xincheng") if v.value is not None])
        catalog_edit.edit_unit(store, "xincheng", {"active": "0"})
        assert len([v for v in store.values.select(unit="xincheng") if v.value is not None]) == held == len(GOOD_ROWS)
        assert not store.catalog().unit("xincheng").active


def test_unit_edits_are_validated_as_the_csv_and_leave_the_database(tmp_path):
    path = district(tmp_path)
    refused(path, lambda s: catalog_edit.add_unit(s, "Bad Code", "x"), "代码", "小写字母")
    refused(path, lambda s: catalog_edit.add_unit(s, "ok", ""), "名称", "不能为空")
    refused(path, lambda s: catalog_edit.add_unit(s, "xincheng", "又一个"), "已被", "新城街道")
    refused(path, lambda s: catalog_edit.add_unit(s, "ok", "好", kind="village"), "不是允许的值")
    refused(path, lambda s: catalog_edit.add_unit(s, "ok", "好", phone="1\n2"), "电话")
    refused(path, lambda s: catalog_edit.add_unit(s, "ok", "好", contact="长" * 101), "联系人", "100")
    refused(path, lambda s: catalog_edit.edit_unit(s, "nobody", {"name": "x"}), "没有单位")
    refused(path, lambda s: catalog_edit.edit_unit(s, "xincheng", {"code": "xc"}), "单位代码不能修改")
    refused(path, lambda s: catalog_edit.edit_unit(s, "xincheng", {"kind": "sector"}), "类别")
    refused(path, lambda s: catalog_edit.edit_unit(s, "xincheng", {"sort": "3"}), "排序")
    refused(path, lambda s: catalog_edit.edit_unit(s, "xincheng", {"active": "2"}), "应为 1")
    refused(path, lambda s: catalog_edit.edit_unit(s, "xincheng", {"name": " "}), "不能为空")
    refused(path, lambda s: catalog_edit.edit_unit(s, "xincheng", {"name": "名" * 201}), "200")
    refused(path, lambda s: catalog_edit.edit_unit(s, "xincheng", {"name": "新城\n街道"}), "一行")
    refused(path, lambda s: catalog_edit.set_thresholds(s, "talent_total", {"note": "长" * 2001}), "备注", "2000")


def test_the_only_reporter_of_an_indicator_cannot_be_retired(tmp_path):
    path = district(tmp_path)
    shipped = load_catalog_dir(catalog_dir())
    # Read from the shipped CSV by hand: a unit named alone in an indicator's reported_by.
    with (catalog_dir() / "indicators.csv").open(encoding="utf-8") as f:
        alone = next(
            r["reported_by"]
            for r in csv.DictReader(f)
            if r["reported_by"] and ";" not in r["reported_by"] and r["reported_by"] != "geographic"
        )
    assert shipped.unit(alone).active
    refused(path, lambda s: catalog_edit.edit_unit(s, alone, {"active": "0"}), "唯一的填报单位", "未停用")


def test_thresholds_edited_and_the_meaning_refused(tmp_path):
    path = district(tmp_path)
    with open_store(path) as store:
        made = catalog_edit.set_thresholds(
            store, "talent_total", {"max": "2000000", "usual_min": "100", "usual_max": "500000", "yoy_threshold": "0.5"}
        )
        ind = store.catalog().indicator("talent_total")
        assert (ind.max, ind.usual_min, ind.usual_max, ind.yoy_threshold) == (2000000, 100, 500000, 0.5)
        assert ("yoy_threshold", "0.3", "0.5") in {(c.field, c.old, c.new) for c in made.changes}
        assert ("max", "", "2000000") in {(c.field, c.old, c.new) for c in made.changes}
        # A blank clears a bound.
        catalog_edit.set_thresholds(store, "talent_total", {"usual_min": ""})
        assert store.catalog().indicator("talent_total").usual_min is None
    refused(path, lambda s: catalog_edit.set_thresholds(s, "talent_total", {"min": "abc"}), "最小值", "不是数字")
    refused(path, lambda s: catalog_edit.set_thresholds(s, "talent_total", {"min": "nan"}), "有限")
    refused(path, lambda s: catalog_edit.set_thresholds(s, "talent_total", {"max": "inf"}), "有限")
    refused(
        path, lambda s: catalog_edit.set_thresholds(s, "talent_total", {"min": "10", "max": "5"}), "最小值大于最大值"
    )
    refused(path, lambda s: catalog_edit.set_thresholds(s, "talent_total", {"yoy_threshold": "0"}), "大于 0")
    for meaning in ("code", "aggregation", "entry_measure", "display_measure", "reported_by", "numerator"):
        refused(path, lambda s, m=meaning: catalog_edit.set_thresholds(s, "talent_total", {m: "x"}), "目录的含义")
    refused(path, lambda s: catalog_edit.set_thresholds(s, "no_such", {"min": "1"}), "没有指标")


def test_the_shipped_csv_rule_is_the_same_rule(tmp_path):
    """min > max in a catalog folder is refused at creation, as in an edit (one rule, not two)."""
    folder = tmp_path / "cat"
    folder.mkdir()
    for name in ("indicators.csv", "units.csv", "rules.csv", "level.csv"):
        text = (catalog_dir() / name).read_text(encoding="utf-8")
        if name == "indicators.csv":
            rows = list(csv.DictReader(text.splitlines()))
            rows[0]["min"], rows[0]["max"] = "10", "5"
            with (folder / name).open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
            continue
        (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(XzError) as info:
        load_catalog_dir(folder)
    assert "最小值大于最大值" in info.value.lines()[0]


def test_a_units_copy_cannot_edit(tmp_path):
    path = new_db(tmp_path, "xincheng.sqlite", "unit", "xincheng")
    refused(path, lambda s: catalog_edit.add_unit(s, "ok", "好"), "区级汇总数据库维护")
    refused(path, lambda s: catalog_edit.set_thresholds(s, "talent_total", {"max": "1"}), "区级汇总数据库维护")


def test_versions_are_monotonic_whatever_the_order_of_edits(tmp_path_factory):
    base = district(tmp_path_factory.mktemp("base"))
    edits = st.lists(
        st.sampled_from(
            [
                ("unit", "xincheng", {"phone": "1"}),
                ("unit", "xincheng", {"phone": "2"}),
                ("unit", "jiabei", {"active": "0"}),
                ("unit", "jiabei", {"active": "1"}),
                ("ind", "talent_total", {"max": "1000000"}),
                ("ind", "talent_total", {"max": "3000000"}),
                ("ind", "talent_total", {"min": "10", "max": "5"}),  # refused
            ]
        ),
        max_size=8,
    )

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(edits)
    def run(sequence):
        path = tmp_path_factory.mktemp("run") / "d.sqlite"
        path.write_bytes(base.read_bytes())
        accepted = 0
        with open_store(path) as store:
            for kind, code, fields in sequence:
                change = catalog_edit.edit_unit if kind == "unit" else catalog_edit.set_thresholds
                try:
                    made = change(store, code, fields)
                except XzError:
                    continue
                if made is not None:
                    accepted += 1
                    assert made.revision == accepted and store.catalog().version == f"{YEAR}.{accepted}"
            history = catalog_edit.history(store)
            assert [h.revision for h in history] == list(range(accepted, 0, -1))
            assert len({h.version for h in history}) == accepted
            # Each revision's previous is the version before it: one unbroken chain.
            chain = [h.previous for h in reversed(history)][1:]
            assert chain == [h.version for h in reversed(history)][:-1]

    run()


def test_history_is_append_only(tmp_path):
    path = district(tmp_path)
    with open_store(path) as store:
        catalog_edit.edit_unit(store, "xincheng", {"phone": "1"})
        for sql in ("DELETE FROM catalog_history", "UPDATE catalog_change SET new_value = 'x'"):
            with pytest.raises(Exception, match="append-only"):
                store.conn.execute(sql)


def test_replace_catalog_with_an_unchanged_version_on_a_district(district_db):
    with open_store(district_db) as store:
        catalog = store.catalog()
        store.replace_catalog(catalog)  # failed with a UNIQUE constraint before
        assert store.catalog().version == catalog.version


def test_catalog_folder_round_trip_with_level(tmp_path):
    path = district(tmp_path)
    with open_store(path) as store:
        catalog_edit.add_unit(store, "xinzhen", "新镇", kind="sector", phone="9")
        catalog_edit.set_thresholds(store, "talent_total", {"max": "2500000"})
        made = catalog_edit.export_catalog_folder(store, tmp_path / "folder")
        held = store.catalog()
    assert set(made.files) == {"plan.csv", "indicators.csv", "units.csv", "rules.csv", "overlaps.csv", "level.csv"}
    again = load_catalog_dir(tmp_path / "folder")
    assert again.indicators == held.indicators and again.units == held.units and again.rules == held.rules
    assert again.unit("xinzhen").phone == "9"
    assert load_level(tmp_path / "folder") == load_level(catalog_dir())
    # Never over an existing folder's files.
    with open_store(path) as store, pytest.raises(XzError, match="不会覆盖"):
        catalog_edit.export_catalog_folder(store, tmp_path / "folder")
    # A new aggregating database starts from it.
    new = create_store(tmp_path / "new.sqlite", "district", catalog=again, level=load_level(tmp_path / "folder"))
    with new:
        assert new.catalog().unit("xinzhen").kind.value == "sector"
        assert new.catalog().indicator("talent_total").max == 2500000


def test_the_new_version_travels_to_a_unit_and_an_older_file_is_refused(tmp_path):
    path = district(tmp_path)
    unit_path = new_db(tmp_path, "xincheng.sqlite", "unit", "xincheng")
    with open_store(path) as store:
        old_file = export_catalog(store, tmp_path / "old.xzcat").path
        catalog_edit.edit_unit(store, "xincheng", {"contact": "王五", "phone": "0573-1"})
        catalog_edit.set_thresholds(store, "talent_total", {"yoy_threshold": "0.45"})
        new_file = export_catalog(store, tmp_path / "new.xzcat").path
    body = json.loads(new_file.read_text(encoding="utf-8"))
    assert body["version"] == f"{YEAR}.2" and body["revision"] == 2
    assert body["level"] == {"code": "330411", "name": "秀洲区", "above_code": "330400", "above_name": "嘉兴市"}
    with open_store(unit_path) as unit:
        made = import_catalog(unit, new_file)
        assert made.version == unit.catalog().version == f"{YEAR}.2"
        assert unit.catalog().unit("xincheng").contact == "王五"  # a contact change reaches the unit too
        assert unit.catalog().indicator("talent_total").yoy_threshold == 0.45
        assert unit.meta("level_code") == "330411"
    refused(unit_path, lambda s: import_catalog(s, old_file), "旧", "未导入")


def test_package_of_an_earlier_version_merges_and_a_retired_units_is_refused(tmp_path):
    path = district(tmp_path)
    with open_store(path) as store:
        earlier = store.catalog().version
        catalog_edit.set_thresholds(store, "talent_total", {"usual_max": "900000"})
        catalog_edit.edit_unit(store, "jiabei", {"phone": "1"})
        assert store.catalog().version != earlier
    ok = craft(tmp_path / "ok.xzpkg", GOOD_ROWS, catalog_version=earlier)
    late = craft(tmp_path / "late.xzpkg", GOOD_ROWS, unit="jiabei", catalog_version=earlier)
    with open_store(path) as store:
        assert merge_files(store, [ok]).results[0].status == "merged"
        catalog_edit.edit_unit(store, "jiabei", {"active": "0"})
    before = dump(path)
    with open_store(path) as store:
        result = merge_files(store, [late]).results[0]
    assert result.status == "refused"
    assert "已停用" in (result.reason or "") and "--reactivate" in (result.reason or ""), result.reason
    assert dump(path) == before


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("revision", "3", "不完整"),
        ("revision", -1, "不完整"),
        ("revision", True, "不完整"),
        ("revision", 10**12, "不完整"),
        ("level", "330411", "不完整"),
        ("level", {"code": "33041", "name": "秀洲区", "above_code": "", "above_name": ""}, "六位行政区划代码"),
        ("level", {"code": "330411", "name": "", "above_code": "", "above_name": ""}, "不能为空"),
        ("level", {"code": "330411", "name": "秀洲区", "above_code": "330400", "above_name": ""}, "同时"),
    ],
)
def test_a_hostile_revision_or_level_in_a_catalog_file_is_refused(tmp_path, field, value, words):
    """Signed again by the district key (only the content is judged): every new field is checked before use."""
    from xz_desktop.services.signing.seal import sign_json

    path = district(tmp_path)
    unit_path = new_db(tmp_path, "xincheng.sqlite", "unit", "xincheng")
    with open_store(path) as store:
        catalog_edit.edit_unit(store, "xincheng", {"phone": "1"})
        file = export_catalog(store, tmp_path / "c.xzcat").path
        body = json.loads(file.read_text(encoding="utf-8"))
        unsigned = {k: v for k, v in body.items() if k not in ("signature", "signed_by", "key_id", "checksum")}
        unsigned[field] = value
        file.write_text(json.dumps(sign_json(store, unsigned), ensure_ascii=False), encoding="utf-8")
    refused(unit_path, lambda s: import_catalog(s, file), words)


def test_edits_leave_the_meaning_the_level_above_reads(tmp_path):
    """Thresholds, units and contacts are not what travels upward: the level fingerprint stays the same."""
    from xz_desktop.domain.levels import level_fingerprint

    path = district(tmp_path)
    with open_store(path) as store:
        before = level_fingerprint(store.catalog())
        catalog_edit.set_thresholds(store, "talent_total", {"max": "9000000", "note": "新的说明"})
        catalog_edit.add_unit(store, "xinzhen", "新镇")
        catalog_edit.edit_unit(store, "jiabei", {"active": "0"})
        assert level_fingerprint(store.catalog()) == before
        assert store.catalog().version == f"{YEAR}.3"


def test_an_edit_builds_on_what_another_connection_committed_meanwhile(tmp_path):
    """Two windows of one database: the first has its catalog cached when the second renames a unit; the
    first's next edit must keep that rename, and the history must say what is in force."""
    path = district(tmp_path)
    with open_store(path) as first, open_store(path) as second:
        assert first.catalog().unit("xincheng").name == "新城街道"  # cached in the first
        catalog_edit.edit_unit(second, "xincheng", {"name": "新城街道办事处"})
        catalog_edit.edit_unit(first, "jiabei", {"phone": "0573-2"})
    with open_store(path) as store:
        catalog = store.catalog()
        assert catalog.unit("xincheng").name == "新城街道办事处" and catalog.unit("jiabei").phone == "0573-2"
        assert [r.revision for r in catalog_edit.history(store)] == [2, 1]
        assert catalog.version == f"{YEAR}.2"


def test_a_refusal_s_list_of_fields_is_translated_field_by_field(tmp_path):
    from xz_desktop.domain import catalog_edits

    catalog = load_catalog_dir(catalog_dir())
    with pytest.raises(XzError) as info:
        catalog_edits.edit_thresholds(catalog, "phd", {"aggregation": "sum", "decimals": "1"})
    asked: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        asked.append((context, text))
        return text

    line = info.value.message.format(translate)
    assert {("catalog_edits", "汇总方式"), ("catalog_edits", "小数位数")} <= set(asked)
    assert "汇总方式”“小数位数" in line
