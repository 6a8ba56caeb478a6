"""``xz-desktop``: parse the command line, set up Qt, open the window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..paths import default_database_path


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="xz-desktop", description="秀洲区人才发展规划指标填报 / Xiuzhou talent plan reporting")
    parser.add_argument("--db", type=Path, help="打开指定数据库 / open this database")
    return parser.parse_known_args(argv)[0]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    window = MainWindow(args.db or default_database_path())
    window.show()
    return app.exec()
