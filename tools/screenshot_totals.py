"""Take docs/screenshot-totals.png: the 汇总 page on demo data with an indicator selected; with
``--size 1024x768`` the page as on an office screen of that size (docs/screenshot-totals-1024.png).

Run under a virtual display so fonts render as on a desktop:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_totals.py
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_totals.py --size 1024x768
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZE = (1400, 860)


def size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"{text}: write WIDTHxHEIGHT, e.g. 1024x768")
    return int(width), int(height)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="the PNG to write (default: in docs/)")
    parser.add_argument("--size", type=size, default=DEFAULT_SIZE, help="the window's size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    width, height = args.size
    default = "screenshot-totals.png" if args.size == DEFAULT_SIZE else f"screenshot-totals-{width}.png"
    out = args.out or ROOT / "docs" / default
    from PySide6.QtWidgets import QApplication
    from window_shot import save_grab  # tools/, beside this script

    from xz_desktop.services.demo import create_demo
    from xz_desktop.ui.common import settings, translations

    with tempfile.TemporaryDirectory(prefix="xz-shot-") as tmp:
        settings.use_folder(Path(tmp) / "settings")  # leave the user's own settings alone
        app = QApplication.instance() or QApplication([sys.argv[0]])
        translations.install("zh", app)  # Chinese, as a clerk sees it, whatever the build machine's locale
        from xz_desktop.ui.main_window import MainWindow

        window = MainWindow(create_demo(Path(tmp) / "示例数据.sqlite"))
        window.resize(width, height)
        window.show()
        window.show_page("totals")
        page = window.page("totals")
        page.select_indicator("talent_total")
        return save_grab(app, window, out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
