"""Take docs/print-form.png: the printed form of 新城街道 for 2024 on the demo data, its two pages side by side.

    .venv/bin/python tools/print_page.py [OUT.png]

The demo database (示例数据) is generated in a temporary folder, the form is printed by the real
command line (``xz print``, the same PDF the window's 导出 PDF writes), and ``pdftoppm`` (poppler-utils)
turns its pages into pictures, which are set side by side on a grey ground, as on a desk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DPI = 60  # enough to read the Chinese, small enough for the README
GAP = 24  # pixels of grey around and between the pages


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "print-form.png"
    if not shutil.which("pdftoppm"):
        print("pdftoppm not found: install poppler-utils", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

    from xz_desktop.services.demo import create_demo

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="xz-print-") as tmp:
        folder = Path(tmp)
        db = create_demo(folder / "示例数据.sqlite")
        pdf = folder / "新城街道_2024年_填报表.pdf"
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        run = subprocess.run(
            [sys.executable, "-m", "xz_desktop.cli", "print", str(db), "--unit", "xincheng", "--period", "2024"]
            + ["-o", str(pdf)],
            capture_output=True,
            text=True,
            env=env,
        )
        if run.returncode != 0:
            print(run.stderr or run.stdout, file=sys.stderr)
            return 1
        subprocess.run(["pdftoppm", "-png", "-r", str(DPI), str(pdf), str(folder / "page")], check=True)
        pages = [QImage(str(p)) for p in sorted(folder.glob("page-*.png"))]
        if not pages or any(p.isNull() for p in pages):
            print("pdftoppm wrote no pages", file=sys.stderr)
            return 1
        width = sum(p.width() for p in pages) + GAP * (len(pages) + 1)
        height = max(p.height() for p in pages) + 2 * GAP
        sheet = QImage(width, height, QImage.Format.Format_RGB32)
        sheet.fill(QColor("#9aa0a6"))
        painter = QPainter(sheet)
        x = GAP
        for page in pages:
            painter.drawImage(x, GAP, page)
            x += page.width() + GAP
        painter.end()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not sheet.save(str(out)):
            print(f"could not write {out}", file=sys.stderr)
            return 1
    del app
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
