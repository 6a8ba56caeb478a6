"""Take docs/screenshot-totals.png: the 汇总 page on demo data with an indicator selected.

Run under a virtual display so fonts render as on a desktop:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_totals.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshot-totals.png"
    from PySide6.QtWidgets import QApplication

    from xz_desktop.services.demo import create_demo
    from xz_desktop.ui import settings

    with tempfile.TemporaryDirectory(prefix="xz-shot-") as tmp:
        settings.use_folder(Path(tmp) / "settings")  # leave the user's own settings alone
        app = QApplication.instance() or QApplication([sys.argv[0]])
        from xz_desktop.ui.main_window import MainWindow

        window = MainWindow(create_demo(Path(tmp) / "示例数据.sqlite"))
        window.resize(1400, 860)
        window.show()
        window.show_page("totals")
        page = window.page("totals")
        page.select_indicator("talent_total")
        for _ in range(30):
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            print(f"could not write {out}", file=sys.stderr)
            return 1
        window.close()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
