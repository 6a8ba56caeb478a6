"""``xz --help`` and ``xz catalog`` load nothing a command does not use (issue 14, item 4).

Each command imports its services inside its own function. This checks what is imported — never how
long it takes (benchmarks/bench_scale.py measures that against ``python -c "import sqlite_utils"``).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = {"pandas", "numpy", "openpyxl", "lxml", "python_calamine", "PySide6", "sqlite_utils", "sqlite3"}

_PROBE = """
import contextlib, io, json, sys
from xz_desktop.cli.app import main
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
print(json.dumps({"code": code, "out": len(out.getvalue()),
                  "modules": sorted({m.split(".")[0] for m in sys.modules}),
                  "xz": sorted(m for m in sys.modules if m.startswith("xz_desktop."))}))
"""


def _probe(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [["--help"], ["catalog"], ["catalog", "--json"], ["units"], ["merge", "--help"]])
def test_light_commands_import_no_heavy_library(args):
    seen = _probe(*args)
    assert seen["code"] == 0
    assert seen["out"] > 100  # it really printed the help or the catalog
    assert HEAVY.isdisjoint(seen["modules"]), HEAVY & set(seen["modules"])
    assert not [m for m in seen["xz"] if m.startswith(("xz_desktop.services", "xz_desktop.store", "xz_desktop.ui"))]


def test_a_command_that_needs_the_store_still_loads_it(tmp_path):
    seen = _probe("init", str(tmp_path / "d.sqlite"), "--district")
    assert seen["code"] == 0
    assert "xz_desktop.store.database" in seen["xz"]
    # A new database's catalog and meta are written with plain executemany (store/core.insert_rows): neither
    # sqlite_utils (which tries numpy and pandas) nor anything of Excel or Qt is needed to create one.
    assert {"sqlite_utils", "openpyxl", "lxml", "python_calamine", "PySide6"}.isdisjoint(seen["modules"])


def test_merge_status_words_cover_every_merge_outcome():
    from xz_desktop.cli.commands_packages import _STATUS
    from xz_desktop.services.packages import merge

    assert set(_STATUS) == {merge.MERGED, merge.UNCHANGED, merge.REFUSED, merge.NOT_DONE}
