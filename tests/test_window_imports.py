"""The window starts without the libraries only some pages and commands use (issue 25, item 1).

openpyxl, pandas, numpy, matplotlib, python-docx, cryptography and sqlite-utils are imported when first used
(a workbook written, a units × indicators table made, a report, a signature, a catalog written), not while the
window is built and shown. A child process shows the window as ``xz-desktop --db`` does and lists what it
loaded — what is imported, never how long it takes (benchmarks/bench_scale.py measures that).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HEAVY = {"openpyxl", "pandas", "numpy", "matplotlib", "docx", "lxml", "cryptography", "sqlite_utils"}

_PROBE = """
import json, sys, time
from pathlib import Path
from xz_desktop.ui import main
from xz_desktop.ui.common import settings
settings.use_folder(Path(sys.argv[2]))
window = main.start(["--db", sys.argv[1]])
from PySide6.QtWidgets import QApplication
app = QApplication.instance()
deadline = time.monotonic() + 60
while (getattr(window, "tasks", None) or not window.isVisible()) and time.monotonic() < deadline:
    app.processEvents()  # until the window is shown and its background jobs have delivered
    time.sleep(0.01)
app.processEvents()
print(json.dumps({"shown": window.isVisible(), "idle": not window.tasks,
                  "modules": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def _shown_window_modules(db, settings_folder) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(db), str(settings_folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("db", ["district_db", "unit_db"])
def test_the_window_is_shown_without_heavy_libraries(db, request, tmp_path):
    seen = _shown_window_modules(request.getfixturevalue(db), tmp_path / "settings")
    assert seen["shown"] and seen["idle"]
    assert "PySide6" in seen["modules"]  # it really built a window
    assert HEAVY.isdisjoint(seen["modules"]), sorted(HEAVY & set(seen["modules"]))
