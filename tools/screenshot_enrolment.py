"""Take docs/screenshot-enrolment.png: the district's 单位登记与密钥 dialog over the window, on demo data,
with a unit just enrolled (its key's fingerprint in the table) and the district key's fingerprint to read
on the telephone.

Run under a virtual display so fonts render as on a desktop:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot_enrolment.py [OUT.png]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshot-enrolment.png"
    from PySide6.QtWidgets import QApplication

    from xz_desktop.services.demo import create_demo
    from xz_desktop.ui.common import settings, translations

    with tempfile.TemporaryDirectory(prefix="xz-shot-") as tmp:
        settings.use_folder(Path(tmp) / "settings")  # leave the user's own settings alone
        app = QApplication.instance() or QApplication([sys.argv[0]])
        translations.install("zh", app)  # Chinese, as the office sees it, whatever this machine's locale
        from xz_desktop.ui.main_window import MainWindow
        from xz_desktop.ui.packages.enrolment_dialog import open_enrolment_dialog

        window = MainWindow(create_demo(Path(tmp) / "示例数据.sqlite"))
        window.resize(1366, 768)
        window.show()
        dialog = open_enrolment_dialog(window)
        dialog.enrol_unit("xincheng", Path(tmp) / "登记_新城街道.xzenrol", rekey=True)
        for _ in range(30):
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not dialog.grab().save(str(out)):
            print(f"could not write {out}", file=sys.stderr)
            return 1
        print(out)
        dialog.close()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
