"""Many rows written as one statement (issue 25, items 4 and 5) store exactly what row-by-row statements stored.

``store.base.insert_rows`` sends a batch through a temporary table and one ``INSERT … SELECT``; the triggers still
run per row. Written both ways, the figures, their types and the audit rows are the same; a package file is one
transaction.
"""

from __future__ import annotations

import sqlite3

from xz_desktop.store import base, open_store
from xz_desktop.store import package_file as package_file_store
from xz_desktop.store.values import ValueChange

from .db_dump import dump

# Values whose text form is easy to get wrong: a float's shortest repr, tiny and huge magnitudes, a blank.
AWKWARD = [0.1, 1 / 3, 1e-300, 123456789.12345679, 2.0**53 + 2, 7.0, None, 0.30000000000000004]
PHD_LIKE = ["phd", "master", "talent_total", "high_skilled", "party_gov_talent", "business_mgmt_talent"]


def _changes(catalog, round_: int) -> list[ValueChange]:
    units = [u.code for u in catalog.active_units() if u.kind.value == "geographic"][:8]
    out = []
    for n, (unit, code) in enumerate((u, c) for u in units for c in PHD_LIKE):
        value = AWKWARD[(n + round_) % len(AWKWARD)]
        if code in ("phd", "master", "talent_total", "high_skilled") and value is not None:
            value = float(round(value * 1000) % 10_000_000 + n)  # counts are whole, and under the count ceiling
        elif value is not None and abs(value) >= 1e8:
            value /= 1e9  # every indicator here is a count: no figure of one is stored beyond 100,000,000
        out.append(ValueChange(unit, code, "2023", value, f"说明 {round_} “引号” {n}" if n % 5 == 0 else None))
    return out


def _write_twice(path, monkeypatch, *, one_statement_from: int) -> list[tuple]:
    monkeypatch.setattr(base, "ONE_STATEMENT_FROM", one_statement_from)
    with open_store(path) as store:
        catalog = store.catalog()
        store.values.write(_changes(catalog, 0), author="甲")  # inserts
        store.values.write(_changes(catalog, 3), author="乙")  # updates of the same keys (the upsert)
        conn = store.conn
        types = conn.execute("SELECT unit, indicator, typeof(value), value FROM value ORDER BY 1, 2").fetchall()
        audit = conn.execute(
            "SELECT id, unit, indicator, period, action, old_value, new_value, old_explanation, new_explanation, "
            "revision, changed_by, source, typeof(new_value) FROM audit ORDER BY id"
        ).fetchall()
    return [*types, *audit]


def test_one_statement_stores_what_one_row_per_statement_stored(district_db, tmp_path, monkeypatch):
    other = tmp_path / "other.sqlite"
    other.write_bytes(district_db.read_bytes())
    by_rows = _write_twice(district_db, monkeypatch, one_statement_from=10**9)
    at_once = _write_twice(other, monkeypatch, one_statement_from=2)
    actions = [r[4] for r in by_rows if len(r) == 13]  # the audit rows: inserted, then updated (the upsert)
    assert actions.count("insert") > 30 and actions.count("update") > 30
    assert at_once == by_rows


def test_a_failed_batch_leaves_nothing_and_the_scratch_table_empty(district_db, monkeypatch):
    monkeypatch.setattr(base, "ONE_STATEMENT_FROM", 2)
    with open_store(district_db) as store:
        before = dump(district_db)
        store.values._check_all = lambda changes, derived=False: None  # let a period the schema refuses through
        changes = _changes(store.catalog(), 0) + [ValueChange("xincheng", "phd", "20X3", 1.0)]
        try:
            store.values.write(changes, author="甲")
        except Exception:
            pass
        else:  # pragma: no cover - the CHECK must refuse it
            raise AssertionError("the schema took a bad period")
        left = store.conn.execute("SELECT name FROM sqlite_temp_master WHERE type = 'table'").fetchall()
        rows = [store.conn.execute(f"SELECT COUNT(*) FROM temp.{name}").fetchone()[0] for (name,) in left]
    assert dump(district_db) == before
    assert not any(rows)


def test_a_package_file_is_written_in_one_transaction(tmp_path, monkeypatch):
    statements: list[str] = []
    real = sqlite3.connect

    def traced(*args, **kwargs):
        conn = real(*args, **kwargs)
        conn.set_trace_callback(lambda s: statements.append(s.strip().split()[0].upper()))
        return conn

    monkeypatch.setattr(package_file_store.sqlite3, "connect", traced)
    package_file_store.write_package_file(tmp_path / "p.xzpkg", {"format": "2"}, "00", [], 2)
    first = statements.index("BEGIN")
    # Everything but the journal mode and the sync setting inside one transaction: one commit (and one set of
    # syncs, the program's own before the rename) per file.
    assert statements[:first] == ["PRAGMA", "PRAGMA"] and statements[-1] == "COMMIT"
    assert statements.count("COMMIT") == 1 and "CREATE" in statements[first:]
