"""Kept totals edited in the file (issue 24, item 4): never served, and ``xz check`` says so.

What an attacker with the database file can do to the totals the window kept (migration 008): edit a kept row
(a total ×10, a completion, every verdict, a value of 1e308), drop the trigger that deletes kept rows and then
change a figure, put an old kept row back after a change. Each time ``xz totals`` prints the totals computed from
the figures, ``xz check`` exits 1 with a one-line Chinese reason, and nothing English reaches the terminal.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest

from xz_desktop.domain.periods import Period
from xz_desktop.services.kept_totals import keep_totals, totals_text
from xz_desktop.services.totals import computed_totals
from xz_desktop.store import open_store
from xz_desktop.store.stored_totals import SEAL_BYTES
from xz_desktop.store.values import ValueChange

from .excel_support import demo_db  # noqa: F401 - fixture

P2024 = Period(2024)
ASK = ("totals", "--period", "2024", "--json")


def keep(path: Path) -> None:
    """Compute and keep 2024's totals, as the window does."""
    with open_store(path) as store:
        version = store.version()
        rows = computed_totals(store, P2024)
        assert keep_totals(store, P2024, False, totals_text(rows), computed_at=version)


def computed_json(xz, path: Path, tmp_path: Path) -> str:
    """``xz totals --json`` of a copy of ``path`` that keeps nothing: the totals computed from its figures."""
    copy = tmp_path / "computed.sqlite"
    shutil.copy(path, copy)
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("DELETE FROM stored_totals")
    conn.close()
    result = xz(*ASK[:1], copy, *ASK[1:])
    assert result.returncode == 0, result.stderr
    return result.stdout


def edit_kept_rows(path: Path, edit) -> None:
    """Change the kept rows in the file as anyone with the file can: the bytes before the compressed text are
    left as they are."""
    conn = sqlite3.connect(path)
    [(blob,)] = conn.execute("SELECT rows FROM stored_totals WHERE period = '2024'").fetchall()
    start = SEAL_BYTES  # the compressed text follows its seal
    rows = json.loads(zlib.decompress(blob[start:]))
    edit(rows)
    with conn:
        conn.execute(
            "UPDATE stored_totals SET rows = ? WHERE period = '2024'",
            (blob[:start] + zlib.compress(json.dumps(rows, ensure_ascii=False).encode(), 6),),
        )
    conn.close()


def _times_ten(rows):
    row = next(r for r in rows if r["value"])
    row["value"] *= 10


def _completion(rows):
    row = next(r for r in rows if r["completion"] is not None)
    row["completion"] = row["completion"] + 0.5


def _all_on_track(rows):
    for row in rows:
        row["verdict"], row["on_track"] = "on_track", True


def _huge(rows):
    rows[0]["value"] = 1e308


def assert_check_refuses(xz, path: Path, *words: str) -> None:
    result = xz("check", path)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()  # one line, Chinese
    assert line.startswith("xz: 错误：留存") and all(w in line for w in words), line


@pytest.mark.parametrize("edit", [_times_ten, _completion, _all_on_track, _huge], ids=lambda f: f.__name__)
def test_a_kept_row_edited_in_the_file_is_not_served(demo_db, xz, tmp_path, edit):
    honest = xz(*ASK[:1], demo_db, *ASK[1:])
    keep(demo_db)
    assert xz("check", demo_db).returncode == 0  # kept as computed: nothing to say
    edit_kept_rows(demo_db, edit)
    served = xz(*ASK[:1], demo_db, *ASK[1:])
    assert served.returncode == 0 and served.stderr == ""
    assert served.stdout == honest.stdout  # computed from the figures, not read
    assert_check_refuses(xz, demo_db, "2024", "不符")


def _first_figure_of_2024(path: Path) -> tuple[str, str]:
    conn = sqlite3.connect(path)
    row = conn.execute(
        "SELECT unit, indicator FROM value WHERE period = '2024' AND indicator = 'talent_total' AND value > 0"
    ).fetchone()
    conn.close()
    return row


@pytest.mark.parametrize("put_back", [False, True], ids=["dropped", "dropped-and-put-back"])
def test_a_change_behind_a_dropped_trigger_is_not_hidden_by_kept_totals(demo_db, xz, tmp_path, put_back):
    keep(demo_db)
    before = xz(*ASK[:1], demo_db, *ASK[1:]).stdout
    unit, indicator = _first_figure_of_2024(demo_db)
    conn = sqlite3.connect(demo_db)
    [(sql,)] = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'stored_totals_gone_value_update'").fetchall()
    with conn:
        conn.execute("DROP TRIGGER stored_totals_gone_value_update")
        conn.execute(
            "UPDATE value SET value = value * 3 WHERE unit = ? AND indicator = ? AND period = '2024'", (unit, indicator)
        )
        if put_back:
            conn.execute(sql)
    assert conn.execute("SELECT count(*) FROM stored_totals").fetchone() == (1,)  # nothing deleted the kept row
    conn.close()
    served = xz(*ASK[:1], demo_db, *ASK[1:])
    assert served.returncode == 0 and served.stderr == ""
    assert served.stdout == computed_json(xz, demo_db, tmp_path) != before
    if put_back:
        assert_check_refuses(xz, demo_db, "2024", "不符")
    else:
        assert_check_refuses(xz, demo_db, "触发器", "stored_totals_gone_value_update")


def test_an_old_kept_row_put_back_after_a_change_is_not_served(demo_db, xz, tmp_path):
    keep(demo_db)
    conn = sqlite3.connect(demo_db)
    old = conn.execute("SELECT * FROM stored_totals").fetchall()
    conn.close()
    unit, indicator = _first_figure_of_2024(demo_db)
    with open_store(demo_db) as store:
        [figure] = [store.values.get(unit, indicator, "2024")]
        store.values.write([ValueChange(unit, indicator, "2024", figure.value + 1000)], "区人才办")
        assert store.stored_totals.periods() == []  # the trigger did its work
    conn = sqlite3.connect(demo_db)
    with conn:
        conn.executemany("INSERT INTO stored_totals VALUES (?, ?, ?, ?, ?, ?)", old)  # the row as it was, seal and all
    conn.close()
    served = xz(*ASK[:1], demo_db, *ASK[1:])
    assert served.returncode == 0 and served.stdout == computed_json(xz, demo_db, tmp_path)
    assert_check_refuses(xz, demo_db, "2024", "不符")


def test_kept_rows_that_do_not_fit_the_catalog_say_nothing_english_on_the_terminal(demo_db, xz):
    honest = xz(*ASK[:1], demo_db, *ASK[1:])
    with open_store(demo_db) as store:
        rows = computed_totals(store, P2024)
        rows[0], rows[1] = rows[1], rows[0]  # shape damage: the rows out of the catalog's order
        assert keep_totals(store, P2024, False, totals_text(rows), computed_at=store.version())
    served = xz(*ASK[:1], demo_db, *ASK[1:])
    assert served.returncode == 0 and served.stdout == honest.stdout
    assert served.stderr == ""  # the detail goes to the log file only
    log = Path(os.environ["XZ_DESKTOP_LOG_DIR"]) / "xz-desktop.log"
    assert "do not fit the catalog" in log.read_text(encoding="utf-8")
