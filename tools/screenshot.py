"""Take docs/screenshot-form.png: the 填报 page on demo data, a clerk half-way through a form.

Run under a virtual display so fonts render as on a desktop:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py [OUT.png]

The demo database (示例数据) is generated in a temporary folder; 新城街道's 2024 form is
opened, one figure is typed with a jump on last year (so a warning asks for its 说明), and
the cursor waits in that 说明 cell — the moment the page is built for.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshot-form.png"
    from PySide6.QtWidgets import QApplication
    from window_shot import save_grab  # tools/, beside this script

    from xz_desktop.services.demo import create_demo
    from xz_desktop.ui.common import settings, translations

    with tempfile.TemporaryDirectory(prefix="xz-shot-") as tmp:
        settings.use_folder(Path(tmp) / "settings")  # leave the user's own settings alone
        app = QApplication.instance() or QApplication([sys.argv[0]])
        translations.install("zh", app)
        from xz_desktop.ui.form.model import Column
        from xz_desktop.ui.main_window import MainWindow

        window = MainWindow(create_demo(Path(tmp) / "示例数据.sqlite"))
        window.resize(1400, 860)
        window.show()
        window.activateWindow()
        window.show_page("form")
        page = window.page("form")
        page.open_form("xincheng", "2024")
        # What a clerk just typed: twice last year's postdoctoral stations, not yet explained.
        row = page.form.row("postdoc_workstation")
        index = page.proxy.mapFromSource(page.model.index(page.model.row_of("postdoc_workstation"), Column.VALUE))
        page.proxy.setData(index, str(int((row.previous or 1) * 3)))
        page.select("postdoc_workstation", Column.EXPLANATION)
        page.view.setFocus()
        return save_grab(app, window, out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
