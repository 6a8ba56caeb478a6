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

# The modules of the pages not shown at start and of the menu actions not triggered: imported when a page is
# first shown or an action first used (ui/pages.py), never while the window starts on its first page (填报).
NOT_SHOWN = {
    "xz_desktop.ui.round.conflicts_page",
    "xz_desktop.ui.round.status_page",
    "xz_desktop.ui.packages.log_page",
    "xz_desktop.ui.round.review_page",
    "xz_desktop.ui.round.review_log_page",
    "xz_desktop.ui.totals.page",
    "xz_desktop.ui.totals.pivot_page",
    "xz_desktop.ui.plan.page",
    "xz_desktop.ui.plan.plans_page",
    "xz_desktop.ui.packages.page",
    "xz_desktop.ui.packages.merge_dialog",
    "xz_desktop.ui.totals.actions",
    "xz_desktop.ui.imports.actions",
    "xz_desktop.ui.catalog.dialog",
    "xz_desktop.ui.packages.enrolment_dialog",
    "xz_desktop.ui.app.help_window",
    "xz_desktop.services.pivot",  # the year choosers' and the 汇总 pages' service
    "xz_desktop.services.packages.submission",  # making a package (its blocking findings)
    "xz_desktop.services.signing",
}

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
                  "modules": sorted({m.split(".")[0] for m in sys.modules}),
                  "xz_modules": sorted(m for m in sys.modules if m.startswith("xz_desktop."))}))
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
    assert "xz_desktop.ui.form.page" in seen["xz_modules"]  # the page shown at start
    assert NOT_SHOWN.isdisjoint(seen["xz_modules"]), sorted(NOT_SHOWN & set(seen["xz_modules"]))


def test_a_page_is_imported_when_its_tab_is_first_shown(qtbot, district_db):
    """The other side: the 审核 tab holds a stand-in until shown; shown, it is the real page, in the same tab."""
    from xz_desktop.ui.main_window import MainWindow

    window = MainWindow(district_db)
    qtbot.addWidget(window)
    tabs = [window.pages.tabText(i) for i in range(window.pages.count())]
    index = tabs.index("审核")
    assert window.pages.widget(index).objectName() == "review"
    assert type(window.pages.widget(index)).__name__ == "QWidget"  # the stand-in
    window.pages.setCurrentIndex(index)
    assert type(window.pages.widget(index)).__name__ == "ReviewPage"
    assert window.pages.currentIndex() == index
    assert [window.pages.tabText(i) for i in range(window.pages.count())] == tabs
    assert type(window.page("plans")).__name__ == "PlansPage"  # asked for before shown: built, not shown
    assert window.pages.currentIndex() == index
    qtbot.waitUntil(lambda: not window.tasks, timeout=60_000)
    window.close()
