"""Totals kept in the database (migration 008) are the totals of the database as it is, or they are not read.

Any change of what totals are made of deletes them in its own transaction (the triggers); totals are kept
only if nothing changed while they were computed; a kept row that is not what the program wrote is computed
afresh; keeping them is not a change of the data (the window's version stays); and the kept rows print
exactly as the computed ones.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib

import pytest

from xz_desktop.domain.periods import Period
from xz_desktop.domain.totals import TotalRow
from xz_desktop.services import catalog_edit
from xz_desktop.services.kept_totals import code_digest, keep_totals, kept_key, kept_totals, totals_text
from xz_desktop.services.packages.conflicts import list_conflicts, resolve
from xz_desktop.services.packages.merge import merge_files, unmerge
from xz_desktop.services.totals import computed_totals, totals
from xz_desktop.store import open_store
from xz_desktop.store.values import ValueChange

from .excel_support import demo_db  # noqa: F401 - fixture
from .test_package_support import craft, district

ONE = "academician_workstation"  # a stock every town reports
P2023 = Period(2023)


def keep(store, period: Period = P2023, carry_forward: bool = False) -> list[TotalRow]:
    """Compute and keep ``period``'s totals, as the window does."""
    version = store.version()
    rows = computed_totals(store, period, carry_forward=carry_forward)
    assert keep_totals(store, period, carry_forward, totals_text(rows), computed_at=version)
    return rows


def row(store, code: str = ONE, period: str = "2023") -> TotalRow:
    return next(r for r in totals(store, period) if r.code == code)


def kept(store) -> list[str]:
    return [k.period for k in store.stored_totals.periods()]


def merge(store, *files):
    return merge_files(store, list(files)).results


def test_kept_totals_are_read_and_print_exactly_as_computed(demo_db, xz):
    asked = [("--period", "2024"), ("--period", "2023H1"), ("--period", "2024", "--carry-forward")]
    cold = [xz("totals", demo_db, *a, "--json") for a in asked]
    with open_store(demo_db) as store:
        for period in (Period(2024), Period(2023, 1)):
            keep(store, period)
        keep(store, Period(2024), carry_forward=True)
        assert sorted(kept(store)) == ["2023H1", "2024", "2024"]
    warm = [xz("totals", demo_db, *a, "--json") for a in asked]
    assert [c.returncode for c in cold + warm] == [0] * 6
    assert [w.stdout for w in warm] == [c.stdout for c in cold]
    assert json.loads(warm[0].stdout)[0]["code"]  # rows, not an empty list
    text = xz("totals", demo_db, "--period", "2024")
    assert text.returncode == 0 and "人才资源总量" in text.stdout
    # and what was printed was read, not computed: a kept figure changed and sealed again with this installation's
    # secret (which only this program holds) shows
    with open_store(demo_db) as store:
        rows = json.loads(store.stored_totals.unsealed(kept_key(Period(2024), False))[0])
        rows[0]["value"] = 123456.5
        version = store.version()
        text = json.dumps(rows, ensure_ascii=False)
        assert keep_totals(store, Period(2024), False, text, computed_at=version)
    read = json.loads(xz("totals", demo_db, "--period", "2024", "--json").stdout)
    assert read[0]["value"] == 123456.5 and read[0]["value"] != json.loads(cold[0].stdout)[0]["value"]


def test_a_row_read_back_is_the_row_written(demo_db):
    with open_store(demo_db) as store:
        rows = computed_totals(store, Period(2024))
        again = [TotalRow.from_json(json.loads(json.dumps(r.as_json()))) for r in rows]
    assert again == rows
    assert any(r.missing for r in rows) or any(r.units_reported for r in rows)


def test_the_totals_a_merge_changes_are_not_read_kept(tmp_path):
    d = district(tmp_path)
    with open_store(d) as store:
        merge(store, craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0, 1)]))
        keep(store)
        assert kept(store) == ["2023"] and row(store).value == 2.0
        merge(store, craft(tmp_path / "b.xzpkg", [(ONE, "2023", 5.0, 2)]))  # a newer revision: 5
        assert kept(store) == [] and row(store).value == 5.0


def test_an_unmerge_a_decision_and_an_edit_each_drop_what_is_kept(tmp_path):
    d = district(tmp_path)
    with open_store(d) as store:
        [first] = merge(store, craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0, 4)]))
        keep(store)
        unmerge(store, first.package_id)
        assert kept(store) == [] and row(store).value is None  # the only figure is out again
        merge(store, craft(tmp_path / "b.xzpkg", [(ONE, "2023", 2.0, 4)], exported_at="2024-01-01T00:00:00.000Z"))
        merge(store, craft(tmp_path / "c.xzpkg", [(ONE, "2023", 7.0, 4)], exported_at="2024-02-01T00:00:00.000Z"))
        keep(store)
        assert row(store).disputed  # a fork of one revision: 2 or 7, awaiting the district
        [conflict] = list_conflicts(store)
        resolve(store, conflict.id, next(n for n, c in enumerate(conflict.candidates) if c.value == 2.0))
        assert kept(store) == []
        assert not row(store).disputed and row(store).value == 2.0
        keep(store)
        store.values.write([ValueChange("xincheng", ONE, "2023", 3.0)], "区人才办")  # the district's own correction
        assert kept(store) == [] and row(store).value == 3.0


def test_a_catalog_edit_drops_what_is_kept(tmp_path):
    d = district(tmp_path)
    with open_store(d) as store:
        merge(store, craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0, 1)]))
        keep(store)
        catalog_edit.edit_unit(store, "xincheng", {"active": "0"}, by="区人才办")  # retired: its 2023 figure stays
        assert kept(store) == []
        assert row(store).value == 2.0 and "xincheng" in row(store).units_reported


def _copy(table: str, key: str, old: str, new: str) -> list[str]:
    """An INSERT of a copy of one row of ``table`` under another key (whatever the table's columns)."""
    return [
        f"CREATE TEMP TABLE copied AS SELECT * FROM {table} WHERE {key} = '{old}'",
        f"UPDATE copied SET {key} = '{new}'",
        f"INSERT INTO {table} SELECT * FROM copied",
    ]


# One INSERT, one UPDATE and one DELETE of each table totals are made of: the eighteen triggers of migration 008.
CHANGES = {
    "value insert": [
        "INSERT INTO value (unit, indicator, period, value, changed_at) VALUES ('honghe', 'phd', '2016H1', 1, 'x')"
    ],
    "value update": ["UPDATE value SET value = value + 1 WHERE unit = 'honghe' AND period = '2023'"],
    "value delete": ["DELETE FROM value WHERE unit = 'honghe' AND period = '2023'"],
    "conflict insert": [
        "INSERT INTO conflict (unit, indicator, period, kind, revision, candidates) "
        "VALUES ('honghe', 'phd', '2023', 'fork', 1, '[]')"
    ],
    "conflict update": ["UPDATE conflict SET resolved_by = 'someone'"],
    "conflict delete": ["DELETE FROM conflict"],
    "indicator insert": _copy("indicator", "code", "phd", "phd_copy"),
    "indicator update": ["UPDATE indicator SET name = name || '（改）' WHERE code = 'phd'"],
    "indicator delete": ["DELETE FROM indicator WHERE code = 'phd'"],
    "unit insert": _copy("unit", "code", "honghe", "honghe_copy"),
    "unit update": ["UPDATE unit SET name = name || '（改）' WHERE code = 'honghe'"],
    "unit delete": ["DELETE FROM unit WHERE code = 'honghe'"],
    "rule insert": _copy("rule", "code", "$FIRST_RULE", "rule_copy"),
    "rule update": ["UPDATE rule SET message = message || '。'"],
    "rule delete": ["DELETE FROM rule"],
    "meta insert": ["INSERT INTO meta (key, value) VALUES ('anything', '1')"],
    "meta update": ["UPDATE meta SET value = value WHERE key = 'catalog_version'"],
    "meta delete": ["DELETE FROM meta WHERE key = 'catalog_overlaps'"],
}


def test_there_is_a_trigger_for_each_change_tested():
    tables = {name.split()[0] for name in CHANGES}
    assert {(t, a) for t in tables for a in ("insert", "update", "delete")} == {tuple(n.split()) for n in CHANGES}
    with open(__import__("xz_desktop.paths", fromlist=["x"]).migrations_dir() / "008_stored_totals.sql") as fh:
        sql = fh.read()
    assert sql.count("CREATE TRIGGER") == len(CHANGES) == 18


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_every_change_of_what_totals_are_made_of_drops_them_in_its_own_transaction(demo_db, change):
    with open_store(demo_db) as store:
        with store.transaction():  # a decided conflict (it disputes nothing), for the UPDATE and DELETE to change
            store.conn.execute(
                "INSERT INTO conflict (unit, indicator, period, kind, revision, candidates, resolved_at) "
                "VALUES ('honghe', 'master', '2023', 'fork', 1, '[]', 'x')"
            )
        keep(store)
        conn = sqlite3.connect(demo_db)
        first_rule = conn.execute("SELECT code FROM rule ORDER BY code LIMIT 1").fetchone()[0]
        statements = [sql.replace("$FIRST_RULE", first_rule) for sql in CHANGES[change]]
        conn.execute("BEGIN")
        for sql in statements:
            assert conn.execute(sql).rowcount != 0 or sql.startswith("CREATE")
        conn.execute("ROLLBACK")  # undone: what was kept stands
        assert kept(store) == ["2023"]
        conn.execute("BEGIN")
        for sql in statements:
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.close()
        assert kept(store) == []


def test_totals_are_not_kept_when_the_database_changed_while_they_were_computed(demo_db):
    with open_store(demo_db) as store:
        before = store.version()
        rows = computed_totals(store, P2023)
        store.values.write([ValueChange("honghe", ONE, "2023", 99.0)], "区人才办")  # this connection
        assert not keep_totals(store, P2023, False, totals_text(rows), computed_at=before)
        before = store.version()
        rows = computed_totals(store, P2023)
        other = open_store(demo_db)  # another connection (a second process, a worker)
        other.values.write([ValueChange("honghe", ONE, "2023", 98.0)], "区人才办")
        other.close()
        assert not keep_totals(store, P2023, False, totals_text(rows), computed_at=before)
        assert kept(store) == []
        assert row(store).value == computed_totals_value(store)


def computed_totals_value(store) -> float | None:
    return next(r for r in computed_totals(store, P2023) if r.code == ONE).value


def test_keeping_totals_is_not_a_change_of_the_data(demo_db):
    with open_store(demo_db) as store:
        version = store.version()
        keep(store)
        assert store.version() == version  # the window's reports, kept under the version, stay current


def test_kept_totals_are_read_inside_any_transaction_but_never_written_there(demo_db):
    with open_store(demo_db) as store:
        rows = computed_totals(store, P2023)
        with store.transaction():
            assert not keep_totals(store, P2023, False, totals_text(rows), computed_at=store.version())
        assert kept(store) == []


def _tamper(path, blob: bytes, program: str | None = None) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE stored_totals SET rows = ?, program = COALESCE(?, program)", (blob, program))
    conn.close()


def _rows_text(path) -> str:
    with open_store(path, read_only=True) as store:
        return store.stored_totals.unsealed(kept_key(P2023, False))[0]


def _raw_rows(path) -> bytes:
    conn = sqlite3.connect(path)
    [(blob,)] = conn.execute("SELECT rows FROM stored_totals").fetchall()
    conn.close()
    return blob


def _sealed(path, text: str) -> None:
    """Keep ``text`` as 2023's totals, sealed as the program seals what it keeps: only what is read is tested."""
    with open_store(path) as store:
        assert keep_totals(store, P2023, False, text, computed_at=store.version())


@pytest.mark.parametrize(
    "kind",
    [
        "garbage",
        "not-json",
        "a-dict",
        "a-field-missing",
        "a-string-for-a-number",
        "codes-not-strings",
        "bomb",
        "other",
        "a-huge-integer",
        "another-indicator",
        "rows-reordered",
        "an-unknown-unit",
        "other-decimals",
        "another-target",
    ],
)
def test_a_kept_row_that_is_not_what_the_program_wrote_is_computed_afresh(demo_db, kind):
    with open_store(demo_db) as store:
        honest = [r.as_json() for r in keep(store)]
    rows = json.loads(_rows_text(demo_db))
    program, blob = None, b""
    if kind == "garbage":
        blob = b"\x00not zlib"
    elif kind == "not-json":
        _sealed(demo_db, "[{")
    elif kind == "a-dict":
        _sealed(demo_db, "{}")
    elif kind == "bomb":  # inflates past any real totals
        blob = zlib.compress(b" " * (80 * 1024 * 1024))
    else:
        if kind == "a-field-missing":
            del rows[0]["verdict"]
        elif kind == "a-string-for-a-number":
            rows[0]["value"] = "12"
        elif kind == "codes-not-strings":
            rows[0]["units_reported"] = [1]
        elif kind == "other":
            program = "0" * 32  # kept by other code (another version of the program)
        elif kind == "a-huge-integer":
            rows[0]["value"] = 10**400
        elif kind == "another-indicator":
            rows[0]["code"] = "no_such_indicator"
        elif kind == "rows-reordered":
            rows[0], rows[1] = rows[1], rows[0]
        elif kind == "an-unknown-unit":
            rows[0]["units_reported"] = [*rows[0]["units_reported"], "nowhere"]
        elif kind == "other-decimals":
            rows[0]["decimals"] = 10**9  # would print a billion digits
        elif kind == "another-target":
            rows[0]["target"] = 1.0 if rows[0]["target"] != 1.0 else 2.0
        if program is None:
            _sealed(demo_db, json.dumps(rows, ensure_ascii=False))
    if blob or program is not None:
        _tamper(demo_db, blob or _raw_rows(demo_db), program)
    with open_store(demo_db, read_only=True) as store:
        assert kept_totals(store, P2023, False) is None
        assert [r.as_json() for r in totals(store, "2023")] == honest


def test_the_key_follows_the_code_that_computes(demo_db, monkeypatch):
    import importlib.util
    from pathlib import Path

    import xz_desktop.domain
    from xz_desktop.services import kept_totals as kept_module

    with open_store(demo_db) as store:
        keep(store)
        [key] = store.stored_totals.periods()
    assert key.program == code_digest() and len(key.program) == 32 and not key.carry_forward
    domain = {f"xz_desktop.domain.{p.stem}" for p in Path(xz_desktop.domain.__file__).parent.glob("*.py")}
    assert domain - {"xz_desktop.domain.__init__"} <= set(kept_module.COMPUTED_BY), "every domain module counts"
    real = importlib.util.find_spec
    digests = set()
    for changed in ("xz_desktop.domain.trajectory", "xz_desktop.services.totals", "xz_desktop.store.values"):

        def find_spec(name, *args, changed=changed):
            spec = real(name, *args)
            if name != changed:
                return spec

            class Edited:  # the same module, one comment longer: an update of the program
                def get_source(self, _name):
                    return spec.loader.get_source(name) + "\n# edited\n"

            return type("Spec", (), {"loader": Edited()})()

        monkeypatch.setattr(importlib.util, "find_spec", find_spec)
        code_digest.cache_clear()
        digests.add(code_digest())
    monkeypatch.setattr(importlib.util, "find_spec", real)
    code_digest.cache_clear()
    assert len(digests) == 3 and key.program not in digests
    with open_store(demo_db, read_only=True) as store:
        assert kept_totals(store, P2023, False) is not None  # the code as it is reads what it kept


def test_a_read_only_open_reads_kept_totals_and_changes_nothing(demo_db, xz):
    with open_store(demo_db) as store:
        keep(store)
    digest = hashlib.sha256(demo_db.read_bytes()).hexdigest()
    with open_store(demo_db, read_only=True) as store:
        assert kept_totals(store, P2023, False) is not None
        rows = computed_totals(store, Period(2022))
        assert not keep_totals(store, Period(2022), False, totals_text(rows), computed_at=store.version())
    assert hashlib.sha256(demo_db.read_bytes()).hexdigest() == digest


def test_a_kept_table_reads_back_as_the_table_computed(demo_db):
    import pandas as pd

    from xz_desktop.services import pivot

    with open_store(demo_db) as store:
        catalog = store.catalog()
        computed = pivot.unit_table(catalog, pivot.year_aggregator(store, 2024), Period(2024))
        again = pivot.table_from_text(catalog, Period(2024), pivot.table_text(computed))
        assert again is not None
        pd.testing.assert_frame_equal(again.frame, computed.frame)
        assert (again.units, again.unit_names, again.district) == (
            computed.units,
            computed.unit_names,
            computed.district,
        )
        assert [i.code for i in again.indicators] == [i.code for i in computed.indicators]
        # who is expected to report what: each pair as the catalog says it
        assert (
            again.applicable
            == {(u, i.code) for i in computed.indicators for u in computed.units if catalog.reports(u, i)}
            == computed.applicable
        )
        assert computed.frame.notna().sum().sum() > 200  # a real year of figures (23 units)
        assert pivot.table_from_text(catalog, Period(2023), pivot.table_text(computed)) is None  # another year's


def test_the_windows_report_reads_what_it_kept_and_a_tampered_table_is_computed_afresh(demo_db):
    import pandas as pd

    from xz_desktop.services import pivot

    with open_store(demo_db) as store:
        version = store.version()
        computed = pivot.year_report(store, 2024)
        assert computed.to_keep is not None
        assert keep_totals(
            store, Period(2024), False, computed.to_keep.rows, table=computed.to_keep.table, computed_at=version
        )
        read = pivot.year_report(store, 2024)
        assert read.to_keep is None, "read from what was kept: nothing to keep again"
        assert read.rows == computed.rows
        pd.testing.assert_frame_equal(read.table.frame, computed.table.frame)
    data = json.loads(computed.to_keep.table)
    data["columns"]["phd"][0] = "many"
    conn = sqlite3.connect(demo_db)
    with conn:
        conn.execute("UPDATE stored_totals SET unit_table = ?", (zlib.compress(json.dumps(data).encode()),))
    conn.close()
    with open_store(demo_db, read_only=True) as store:
        again = pivot.year_report(store, 2024)
        assert again.to_keep is not None  # computed, not read
        pd.testing.assert_frame_equal(again.table.frame, computed.table.frame)


@pytest.mark.parametrize("cell", ['"12"', "true", "1" + "0" * 400, "[1]"])
def test_a_kept_table_cell_that_is_not_a_float_is_computed_afresh(demo_db, cell):
    from xz_desktop.services import pivot

    with open_store(demo_db) as store:
        catalog = store.catalog()
        table = pivot.unit_table(catalog, pivot.year_aggregator(store, 2024), Period(2024))
    text = pivot.table_text(table)
    data = json.loads(text)
    data["columns"]["phd"][0] = None
    honest = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    assert pivot.table_from_text(catalog, Period(2024), honest) is not None  # a blank is a cell like any other
    tampered = honest.replace('"phd":[null', f'"phd":[{cell}', 1)
    assert tampered != honest
    assert pivot.table_from_text(catalog, Period(2024), tampered) is None


def test_keeping_totals_never_waits_for_another_writer(demo_db):
    import threading

    locked, release = threading.Event(), threading.Event()

    def writer() -> None:  # a merge of the window's own worker, holding the write lock for 20 s at most
        other = sqlite3.connect(demo_db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(20)
        other.execute("ROLLBACK")
        other.close()

    with open_store(demo_db) as store:
        store.conn.execute("PRAGMA busy_timeout = 600000")
        version = store.version()
        rows = computed_totals(store, P2023)
        thread = threading.Thread(target=writer)
        thread.start()
        assert locked.wait(20)
        try:
            # had it waited for the lock, it would have got it when the writer let go, and kept the totals
            outcome = keep_totals(store, P2023, False, totals_text(rows), computed_at=version)
        finally:
            release.set()
            thread.join()
        assert outcome is False, "gave up at once, kept nothing"
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 600000  # as it was
        assert kept(store) == []
        assert keep_totals(store, P2023, False, totals_text(rows), computed_at=version)  # free again: kept


def test_a_figure_whose_indicator_is_not_text_does_not_stop_the_status(demo_db):
    from xz_desktop.services.status import submission_status

    with open_store(demo_db) as store:
        before = {s.unit: s.values for s in submission_status(store, Period(2023))}
    conn = sqlite3.connect(demo_db)
    with conn:
        conn.execute(
            "INSERT INTO value (unit, indicator, period, value, changed_at) VALUES ('honghe', X'00ff', '2023', 1, 'x')"
        )
    conn.close()
    with open_store(demo_db, read_only=True) as store:
        assert {s.unit: s.values for s in submission_status(store, Period(2023))} == before
        assert before["honghe"] > 0
