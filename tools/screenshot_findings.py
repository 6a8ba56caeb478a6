"""Take docs/screenshot-findings.png: the 填报 page with its 审核结果 list, a clerk about to jump to an error.

Run under a virtual display so fonts render as on a desktop:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_findings.py [OUT.png]
(or with QT_QPA_PLATFORM=offscreen, which grabs the same window without a display).

A town's database (新城街道) is made in a temporary folder with last year's figures; this year's
form has a figure that jumped on last year (a warning that asks for its 说明), a negative count and
a numerator whose denominator is still blank (two errors). The 审核结果 list under the form names
each with its reason and the cell to fix; the cursor waits on its first line, where Enter jumps.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from xz_desktop.domain.periods import Period

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LAST_YEAR = {"talent_total": 10000, "employed": 30000, "phd": 40, "master": 420, "bachelor": 2600}
THIS_YEAR = {"talent_total": 14500, "phd": -3, "master": 450, "bachelor": 2800}  # 从业人员数 left blank


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshot-findings.png"
    from PySide6.QtWidgets import QApplication
    from window_shot import save_grab  # tools/, beside this script

    from xz_desktop.services import form
    from xz_desktop.store import create_store
    from xz_desktop.ui.common import settings, translations

    with tempfile.TemporaryDirectory(prefix="xz-shot-") as tmp:
        settings.use_folder(Path(tmp) / "settings")  # leave the user's own settings alone
        app = QApplication.instance() or QApplication([sys.argv[0]])
        translations.install("zh", app)
        from xz_desktop.ui.main_window import MainWindow

        path = Path(tmp) / "新城街道.sqlite"
        with create_store(path, "unit", "xincheng", author="张三") as store:
            for code, value in LAST_YEAR.items():
                form.set_value(store, "xincheng", code, Period(2023), value)
            for code, value in THIS_YEAR.items():
                form.set_value(store, "xincheng", code, Period(2024), value)
        window = MainWindow(path)
        window.resize(1400, 860)
        window.show()
        window.activateWindow()
        window.show_page("form")
        page = window.page("form")
        page.open_form("xincheng", "2024")
        page.splitter.setSizes([560, 190])
        page.show_findings()
        return save_grab(app, window, out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
