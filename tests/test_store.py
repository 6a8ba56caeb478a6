import shutil
import sqlite3

import pytest

from xz_desktop.domain.messages import XzError
from xz_desktop.paths import migrations_dir
from xz_desktop.store import create_store, migrations, open_store
from xz_desktop.store.values import ValueChange

from .db_dump import dump

FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"


def test_new_database_knows_its_role(district_db, unit_db):
    with open_store(district_db) as d, open_store(unit_db) as u:
        assert d.is_district and d.unit_code is None and d.describe() == "秀洲区（区级汇总）"
        assert not u.is_district and u.unit_code == "xincheng" and u.describe() == "新城街道"
        assert u.author == "张三"
        assert d.schema_version() == migrations.latest_version()
        assert d.catalog().version == u.catalog().version


def test_connection_settings(district_db):
    with open_store(district_db) as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert s.integrity_problems() == []


def test_write_revisions_and_audit(unit_db):
    with open_store(unit_db) as s:
        first = s.values.write_one("xincheng", "talent_total", "2023", 12000)
        assert first.revision == 1 and first.changed_by == "张三" and first.source == "local"
        assert s.values.write_one("xincheng", "talent_total", "2023", 12000) is None  # unchanged: no new revision
        second = s.values.write_one("xincheng", "talent_total", "2023", 12500, "复核更正", author="李四")
        assert second.revision == 2
        kept = s.values.write_one("xincheng", "talent_total", "2023", 12600)  # explanation None keeps the old one
        assert kept.explanation == "复核更正"
        history = s.values.history("xincheng", "talent_total", "2023")
        assert [(h.action, h.old_value, h.new_value, h.changed_by) for h in history] == [
            ("insert", None, 12000, "张三"),
            ("update", 12000, 12500, "李四"),
            ("update", 12500, 12600, "张三"),
        ]


def test_zero_and_blank_are_stored_apart(unit_db):
    with open_store(unit_db) as s:
        s.values.write_one("xincheng", "phd", "2023", 0)
        s.values.write_one("xincheng", "master", "2023", 5)
        s.values.write_one("xincheng", "master", "2023", None)
        assert s.values.get("xincheng", "phd", "2023").value == 0.0
        assert s.values.get("xincheng", "master", "2023").value is None
        assert s.values.get("xincheng", "bachelor", "2023") is None


def test_a_failed_write_leaves_nothing_behind(unit_db):
    with open_store(unit_db) as s:
        before = dump(unit_db)
        with pytest.raises(XzError):
            s.values.write([ValueChange("xincheng", "phd", "2023", 3), ValueChange("xincheng", "nope", "2023", 1)])
        with pytest.raises(XzError):  # a derived indicator is computed, never typed
            s.values.write(
                [ValueChange("xincheng", "phd", "2023", 3), ValueChange("xincheng", "phd_master", "2023", 1)]
            )
    assert dump(unit_db) == before


def test_failure_inside_the_transaction_rolls_back_value_and_audit(unit_db):
    with open_store(unit_db) as s:
        s.values.write_one("xincheng", "phd", "2023", 1)
        before = dump(unit_db)
        # A period the schema's CHECK refuses, slipped past validation: the transaction must undo the first row too.
        s.values._check_all = lambda changes, derived=False: None
        with pytest.raises(XzError):
            s.values.write([ValueChange("xincheng", "phd", "2023", 2), ValueChange("xincheng", "master", "20X3", 1)])
    assert dump(unit_db) == before


def test_unit_database_accepts_only_its_unit(unit_db):
    with open_store(unit_db) as s, pytest.raises(XzError) as err:
        s.values.write_one("jiabei", "phd", "2023", 1)
    assert "新城街道" in str(err.value) and "嘉北街道" in str(err.value)


def test_open_refuses_what_is_not_ours(tmp_path):
    with pytest.raises(XzError, match="不存在"):
        open_store(tmp_path / "missing.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(XzError, match="不是有效的数据库"):
        open_store(junk)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(XzError, match="不是 xz-desktop"):
        open_store(other)
    truncated = tmp_path / "truncated.sqlite"
    shutil.copy(FIXTURES / "v1_unit_xincheng.sqlite", truncated)
    truncated.write_bytes(truncated.read_bytes()[:3000])
    with pytest.raises(XzError):
        open_store(truncated).values.select()


def test_newer_schema_is_refused_and_left_untouched(unit_db):
    conn = sqlite3.connect(unit_db)
    conn.execute("INSERT INTO schema_migration VALUES (999, 'from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    before = dump(unit_db)
    with pytest.raises(XzError, match="更新版本"):
        open_store(unit_db)
    assert dump(unit_db) == before


def test_locked_database_gives_a_clear_message(unit_db):
    holder = sqlite3.connect(unit_db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with open_store(unit_db, migrate=False) as s:
            s.conn.execute("PRAGMA busy_timeout = 50")
            with pytest.raises(XzError, match="正被另一个程序使用"):
                s.values.write_one("xincheng", "phd", "2023", 1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_create_refuses_to_overwrite(unit_db):
    with pytest.raises(XzError, match="已存在"):
        create_store(unit_db, "district")
    with pytest.raises(XzError, match="没有填报单位"):
        create_store(unit_db.with_name("x.sqlite"), "unit", "atlantis")


def test_old_database_is_upgraded_with_a_backup(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "v1_unit_xincheng.sqlite", path)
    with open_store(path) as s:
        assert s.schema_version() == migrations.latest_version()
        assert s.values.get("xincheng", "talent_total", "2021").value == 12500
        assert len(s.values.history("xincheng", "talent_total", "2021")) == 2
    backups = list(tmp_path.glob("old.v1-*.backup.sqlite"))
    assert len(backups) == (1 if migrations.latest_version() > 1 else 0)


def _fake_migrations(tmp_path, monkeypatch, extra: dict[str, str]):
    folder = tmp_path / "db"
    folder.mkdir()
    shutil.copy(migrations.migrations_dir() / "001_initial.sql", folder)
    for name, sql in extra.items():
        (folder / name).write_text(sql, encoding="utf-8")
    monkeypatch.setattr(migrations, "migrations_dir", lambda: folder)


def test_upgrade_mechanism_backs_up_then_applies_in_order(tmp_path, monkeypatch):
    path = tmp_path / "u.sqlite"
    shutil.copy(FIXTURES / "v1_unit_xincheng.sqlite", path)
    _fake_migrations(
        tmp_path,
        monkeypatch,
        {
            "002_note.sql": "ALTER TABLE value ADD COLUMN note TEXT;\nCREATE TABLE extra (x);",
            "003_more.sql": "INSERT INTO extra VALUES (1);",
        },
    )
    with open_store(path) as s:
        assert s.schema_version() == 3
        assert [r[0] for r in s.conn.execute("SELECT number FROM schema_migration ORDER BY number")] == [1, 2, 3]
        assert s.values.get("xincheng", "employed", "2021").value == 40000
    backup = next(tmp_path.glob("u.v1-*.backup.sqlite"))
    assert sqlite3.connect(backup).execute("SELECT MAX(number) FROM schema_migration").fetchone()[0] == 1


def test_a_failing_migration_leaves_the_previous_version(tmp_path, monkeypatch):
    path = tmp_path / "u.sqlite"
    shutil.copy(FIXTURES / "v1_unit_xincheng.sqlite", path)
    before = dump(path)
    _fake_migrations(tmp_path, monkeypatch, {"002_broken.sql": "CREATE TABLE ok_table (x);\nTHIS IS NOT SQL;"})
    with pytest.raises(XzError, match="syntax error"):
        open_store(path)
    assert dump(path) == before
    assert list(tmp_path.glob("u.v1-*.backup.sqlite"))  # the backup was taken before trying


def test_catalog_replacement_retires_units_but_keeps_their_figures(district_db, catalog):
    from dataclasses import replace

    from xz_desktop.domain.catalog import Catalog

    with open_store(district_db) as s:
        s.values.write_one("honghe", "phd", "2021", 7)
        units = [u for u in catalog.units if u.code != "honghe"] + [
            replace(catalog.unit("xincheng"), name="新城街道（更名）")
        ]
        units = [u for u in units if not (u.code == "xincheng" and u.name == "新城街道")]
        s.replace_catalog(Catalog(catalog.indicators, units, catalog.rules, plan=catalog.plan))
        new = s.catalog()
        assert not new.unit("honghe").active and new.unit("xincheng").name == "新城街道（更名）"
        assert s.values.get("honghe", "phd", "2021").value == 7
        assert new.version != catalog.version


def test_merged_figures_are_written_only_under_the_merge_guard(tmp_path):
    """The derived write path refuses outside a merge; inside it, the writability rules still hold."""
    from xz_desktop.store.values import StoredValue

    path = tmp_path / "d.sqlite"
    create_store(path, "district").close()
    row = StoredValue("xincheng", "phd", "2023", 5.0, "", 1, "2024-01-01T00:00:00.000Z", "张三", "pkg")
    with open_store(path) as s:
        before = dump(path)
        with pytest.raises(RuntimeError):
            s.values.write_merged([row])
        computed = StoredValue("xincheng", "phd_master", "2023", 5.0, "", 1, "2024-01-01T00:00:00.000Z", "张三", "pkg")
        with pytest.raises(XzError, match="由其他指标计算得出"), s.transaction(), s.merge_guard():
            s.values.write_merged([row, computed])
        assert dump(path) == before
        with s.transaction(), s.merge_guard():
            s.values.write_merged([row])
        assert s.values.get("xincheng", "phd", "2023") == row
        assert [h.action for h in s.values.history("xincheng", "phd", "2023")] == ["insert"]


def test_a_new_database_s_schema_is_the_migrations_applied_one_by_one(tmp_path):
    """A new database takes a copy of the schema made once per process (store/migrations._apply_fresh): the same
    tables, indexes, triggers, version and migration rows as running every migration's statements in it."""
    by_hand = sqlite3.connect(tmp_path / "by_hand.sqlite")
    by_hand.execute(
        "CREATE TABLE IF NOT EXISTS schema_migration (number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    found = sorted(migrations_dir().glob("*.sql"))
    for number, path in enumerate(found, start=1):
        script = path.read_text(encoding="utf-8")
        statements, buffer = [], ""
        for line in script.splitlines(keepends=True):
            buffer += line
            if sqlite3.complete_statement(buffer):
                statements.append(buffer.strip())
                buffer = ""
        for statement in statements:
            if statement:
                by_hand.execute(statement)
        by_hand.execute("INSERT INTO schema_migration VALUES (?, ?, '')", (number, path.stem[4:]))
        by_hand.execute(f"PRAGMA user_version = {number}")
    by_hand.commit()
    expected_schema = sorted(by_hand.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall())
    for name in ("first.sqlite", "second.sqlite"):  # the first makes the copy, the second takes it
        create_store(tmp_path / name, "district", author="测试").close()
        made = sqlite3.connect(tmp_path / name)
        assert sorted(made.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()) == expected_schema
        assert made.execute("PRAGMA user_version").fetchone()[0] == len(found) == 10
        rows = made.execute("SELECT number, name, applied_at FROM schema_migration ORDER BY number").fetchall()
        assert [(n, m) for n, m, _ in rows] == [(n, p.stem[4:]) for n, p in enumerate(found, start=1)]
        assert all(at for _, _, at in rows)
        assert made.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert made.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        made.close()
