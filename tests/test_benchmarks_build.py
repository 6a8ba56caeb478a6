"""The benchmarks are not run by CI: their database builder and their profile summary are, at a tiny size, so a
change of the program that breaks them (a renamed field of the catalog) is seen at once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks.bench_scale import build, generated_errors
from benchmarks.where_time_goes import area, profile_child


def test_the_scale_database_builds_with_no_logical_error(tmp_path: Path):
    db, figures = build(tmp_path, 6, 10)
    # 6 units × 72 entered indicators of the shipped catalog × 10 years (2015–2024), counted by hand
    assert figures == 6 * 72 * 10
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM value").fetchone()[0] == 4320
        assert conn.execute("SELECT MIN(period), MAX(period) FROM value").fetchone() == ("2015", "2024")
    assert generated_errors(db, ["2023", "2024"]) == 0


def test_each_profiled_function_is_given_its_area():
    assert area("/opt/app/xz_desktop/domain/aggregation.py", "total") == "domain/aggregation"
    assert area("/opt/app/xz_desktop/store/__init__.py", "open_store") == "store"
    assert area("/v/lib/python3.11/site-packages/openpyxl/cell/_writer.py", "write_cell") == "openpyxl"
    assert area("~", "<method 'execute' of 'sqlite3.Connection' objects>") == "sqlite3"
    assert area("~", "<method 'exec' of 'PySide6.QtWidgets.QApplication' objects>") == "Qt (C++)"
    assert area("~", "<built-in method marshal.loads>") == "imports"
    assert area("<frozen importlib._bootstrap>", "_find_and_load") == "imports"
    assert area("~", "<built-in method builtins.exec>") == "imports"
    assert area("/usr/lib/python3.11/json/encoder.py", "iterencode") == "stdlib json"
    assert area("/usr/lib/python3.11/enum.py", "_create_") == "stdlib enum"


def test_a_profiled_child_names_where_its_time_went():
    spin = "def spin():\n    total = 0\n    for i in range(2_000_000):\n        total += i\n\nspin()\n"
    summary = profile_child(["-c", spin])
    # the loop is the script's own code: the script file ("script.py") is the largest area
    assert summary.startswith("script "), summary
