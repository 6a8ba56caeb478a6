"""Entry point of the window (temporary: a catalog list until the form lands)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QListWidget

    from ..domain.catalog import load_catalog_dir
    from ..paths import catalog_dir

    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    catalog = load_catalog_dir(catalog_dir())
    view = QListWidget()
    view.addItems([f"{i.code}  {i.name}" for i in catalog.indicators])
    view.setWindowTitle("xz-desktop")
    view.show()
    return app.exec()
