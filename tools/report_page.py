"""Render a page of the annual evaluation report on the demo data to PNG for the docs.

    .venv/bin/python tools/report_page.py            # writes docs/report-page.png (page 2: 基本情况, 主要成效, 存在问题)
    .venv/bin/python tools/report_page.py --page 4   # another page
    .venv/bin/python tools/report_page.py --final 十四五 --dpi 80 -o docs/final-report-page.png   # 规划终期评估报告

Needs LibreOffice (``soffice``) and poppler's ``pdftoppm`` (Debian: libreoffice-writer-nogui poppler-utils).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xz_desktop.services.demo import create_demo  # noqa: E402 - run as a script from a checkout: the package is importable only after the path insert above
from xz_desktop.services.plan.final_report import write_final_report  # noqa: E402 - run as a script from a checkout: the package is importable only after the path insert above
from xz_desktop.services.plan.report import write_report  # noqa: E402 - run as a script from a checkout: the package is importable only after the path insert above
from xz_desktop.store import open_store  # noqa: E402 - run as a script from a checkout: the package is importable only after the path insert above


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", type=int, default=2)
    parser.add_argument("--year", default="2024")
    parser.add_argument("--final", metavar="PLAN", help="the plan's final evaluation report instead (e.g. 十四五)")
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "report-page.png")
    args = parser.parse_args()
    if not shutil.which("pdftoppm"):
        raise SystemExit("pdftoppm not found: install poppler-utils")
    with tempfile.TemporaryDirectory() as work:
        db = create_demo(Path(work) / "demo.sqlite")
        with open_store(db) as store:  # the demo splits the assessed targets itself
            if args.final:
                result = write_final_report(store, args.final, Path(work) / "report.docx", pdf=True)
            else:
                result = write_report(store, args.year, Path(work) / "report.docx", pdf=True)
        prefix = Path(work) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(args.dpi),
                "-f",
                str(args.page),
                "-l",
                str(args.page),
                "-singlefile",
                str(result.pdf),
                str(prefix),
            ],
            check=True,
        )
        shutil.copyfile(prefix.with_suffix(".png"), args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
