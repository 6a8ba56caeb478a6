"""Issue 25 item 2: a period's figures are read from an index of their own (migration ``value_layout``).

The index ``value_by_period`` holds (period, indicator, unit, value): the cold totals' reads of a period are answered
from it without the table (SQLite's own plan says so: ``COVERING INDEX``). An older database gets the index on
opening, after its backup, with every figure kept; a read-only open of one reads its figures the same way. A new
database takes every migration in one transaction; a catalog parsed once per process is the same catalog again only
for the same rows. No time is asserted here (benchmarks/bench_scale.py measures).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from xz_desktop.domain.periods import Period
from xz_desktop.services.totals import totals_selections, year_periods
from xz_desktop.store import create_store, migrations, open_store
from xz_desktop.store.values import FigureSelection, ValueChange

FIXTURES = Path(__file__).parent / "fixtures"


def _layout() -> int:
    """The number of this branch's migration, whatever number it lands under."""
    [found] = [m.number for m in migrations.available_migrations() if m.name == "value_layout"]
    return found


def _index_columns(conn: sqlite3.Connection) -> list[str]:
    return [r[2] for r in conn.execute("PRAGMA index_info('value_by_period')")]


def test_the_period_index_holds_the_value_and_a_periods_read_uses_it_alone(district_db):
    with open_store(district_db) as store:
        assert _index_columns(store.conn) == ["period", "indicator", "unit", "value"]
        store.values.write(
            [
                ValueChange("xincheng", "phd", "2024", 3),
                ValueChange("honghe", "phd", "2024", 4),
                ValueChange("honghe", "master", "2024", None, "未统计"),  # a blank with its 说明
                ValueChange("honghe", "phd", "2023", 5),
            ],
            "测试",
        )
        queries: list[str] = []
        store.conn.set_trace_callback(queries.append)
        columns = store.values.columns(["2024"], FigureSelection(frozenset({"2023"}), frozenset({"phd"})))
        store.conn.set_trace_callback(None)
        # by hand: 2024 with its blank, 2023's phd; nothing else is stored
        assert columns == {
            "2024": {"phd": {"xincheng": 3.0, "honghe": 4.0}, "master": {"honghe": None}},
            "2023": {"phd": {"honghe": 5.0}},
        }
        reads = [q for q in queries if q.startswith("SELECT")]
        assert reads
        for sql in reads:
            plan = " ".join(str(r[3]) for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
            assert "COVERING INDEX value_by_period" in plan, (sql, plan)


def test_a_years_totals_read_through_the_covering_index(district_db):
    with open_store(district_db) as store:
        catalog = store.catalog()
        queries: list[str] = []
        store.values.write([ValueChange("xincheng", "phd", "2024", 3)], "测试")
        store.conn.set_trace_callback(queries.append)
        store.values.columns(year_periods(2024), *totals_selections(catalog, Period(2024)))
        store.conn.set_trace_callback(None)
        for sql in (q for q in queries if q.startswith("SELECT") and "FROM value" in q):
            plan = " ".join(str(r[3]) for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
            assert "SCAN value" not in plan and "COVERING INDEX value_by_period" in plan, (sql, plan)


def test_a_schema_5_district_gets_the_index_after_its_backup_with_every_figure(tmp_path):
    path = tmp_path / "区级汇总.sqlite"
    shutil.copy(FIXTURES / "v5_district.sqlite", path)
    plain = sqlite3.connect(path)
    before = plain.execute("SELECT * FROM value ORDER BY unit, indicator, period").fetchall()
    assert _index_columns(plain) == ["period", "indicator"]  # the old index, as the release wrote it
    plain.close()
    assert before
    # read-only: upgraded in memory, the file untouched, the figures read alike
    with open_store(path, read_only=True) as store:
        assert _index_columns(store.conn) == ["period", "indicator", "unit", "value"]
        assert store.values.columns(["2023"])["2023"]["phd"]["xincheng"] == 50
    assert _index_columns(sqlite3.connect(path)) == ["period", "indicator"]
    with open_store(path) as store:
        assert store.schema_version() == migrations.latest_version() >= _layout()
        assert _index_columns(store.conn) == ["period", "indicator", "unit", "value"]
        after = store.conn.execute("SELECT * FROM value ORDER BY unit, indicator, period").fetchall()
        assert after == before
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    [backup] = tmp_path.glob("区级汇总.v5-*.backup.sqlite")
    assert _index_columns(sqlite3.connect(backup)) == ["period", "indicator"]


def test_a_new_database_records_every_migration(tmp_path):
    path = tmp_path / "新.sqlite"
    create_store(path, "unit", "xincheng", author="张三").close()
    conn = sqlite3.connect(path)
    numbers = [r[0] for r in conn.execute("SELECT number FROM schema_migration ORDER BY number")]
    assert numbers == list(range(1, migrations.latest_version() + 1))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
    assert not list(tmp_path.glob("*.backup*")), "a new database needs no backup"


def test_a_catalog_is_parsed_again_when_its_rows_differ(tmp_path):
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    create_store(first, "district", author="区人才办").close()
    create_store(second, "district", author="区人才办").close()
    with open_store(first) as a, open_store(second) as b:
        assert a.catalog() is b.catalog()  # the same rows: parsed once
        name = a.catalog().indicator("phd").name
        b.conn.execute("UPDATE indicator SET name = '博士（改）' WHERE code = 'phd'")
        b.conn.commit()
        b.forget_catalog()
        assert b.catalog().indicator("phd").name == "博士（改）"
        assert a.catalog().indicator("phd").name == name
        a.forget_catalog()
        assert a.catalog().indicator("phd").name == name
