"""Opening the 填报 form of a unit with 80 indicators, and switching between units.

    python -m benchmarks form
    python -m benchmarks.bench_form --rounds 50

The shipped catalog gives no unit more than 21 indicators, so the database is made with a
synthetic catalog: 80 geographic indicators in 8 categories (a few with usual ranges and
year-on-year thresholds, so the checks have work), one derived ratio, 6 towns, figures for
2023 and 2024. Three timings, per form, in the same run:

* baseline — the bare SQL fetch of the same rows (this period's and last period's figures);
* service  — ``services.form.load_form``: the fetch plus every check and the summary;
* window   — the real page in a real window (offscreen): choosing another unit in the chooser
  until the table has repainted (fetch, checks, model update, spans, summary, paint).

The target is under 100 ms per open or switch on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from xz_desktop.domain.catalog_rows import catalog_from_rows
from xz_desktop.domain.periods import Period
from xz_desktop.domain.plans import Plan
from xz_desktop.services.form import load_form
from xz_desktop.store import create_store, open_store
from xz_desktop.store.values import ValueChange

INDICATORS = 80
UNITS = 6
PERIODS = ("2023", "2024")


def synthetic_catalog():
    rows = []
    for n in range(INDICATORS):
        rows.append(
            {
                "code": f"i{n:03d}",
                "name": f"测试指标{n:02d}（人）",
                "category": f"类别{n // 10 + 1}",
                "aggregation": "stock",
                "entry_measure": "人",
                "reported_by": "geographic",
                "min": "0",
                "usual_max": "900" if n % 7 == 0 else "",
                "yoy_threshold": "0.3" if n % 3 == 0 else "",
            }
        )
    rows.append(
        {
            "code": "ratio",
            "name": "比值",
            "category": "类别1",
            "aggregation": "ratio",
            "numerator": "i000",
            "denominator": "i001",
            "scale": "100",
            "entry_measure": "%",
            "min": "",
        }
    )
    units = [
        {"code": f"u{n}", "name": f"测试镇{n}", "kind": "geographic", "sort": n, "active": 1} for n in range(UNITS)
    ]
    return catalog_from_rows(rows, units, [], plan=Plan("十四五", "基准测试规划", 2020, 2025))


def make_database(folder: Path) -> Path:
    path = folder / "bench-form.sqlite"
    catalog = synthetic_catalog()
    with create_store(path, "district", catalog=catalog, author="bench") as store:
        changes = [
            ValueChange(f"u{u}", f"i{i:03d}", p, float(100 + (u * 31 + i * 17 + int(p)) % 900))
            for u in range(UNITS)
            for i in range(INDICATORS)
            for p in PERIODS
        ]
        store.values.write(changes, "bench")
    return path


def timed(fn, rounds: int) -> list[float]:
    out = []
    for n in range(rounds):
        start = time.perf_counter()
        fn(n)
        out.append((time.perf_counter() - start) * 1000)
    return out


def describe(name: str, ms: list[float], baseline: float | None = None) -> str:
    median = statistics.median(ms)
    p95 = sorted(ms)[max(int(len(ms) * 0.95) - 1, 0)]
    ratio = f"   {median / baseline:6.1f}× baseline" if baseline else ""
    return f"{name:<34} median {median:7.2f} ms   p95 {p95:7.2f} ms{ratio}"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench_form")
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="xz-bench-form-") as tmp:
        from xz_desktop.ui.common import settings

        settings.use_folder(Path(tmp) / "settings")
        path = make_database(Path(tmp))
        units = [f"u{n}" for n in range(UNITS)]

        with open_store(path) as store:
            conn = store.conn

            def bare(n: int) -> None:
                unit = units[n % UNITS]
                conn.execute(
                    "SELECT indicator, value, explanation, revision FROM value WHERE unit = ? AND period = ?",
                    (unit, "2024"),
                ).fetchall()
                conn.execute(
                    "SELECT indicator, value FROM value WHERE unit = ? AND period = ?", (unit, "2023")
                ).fetchall()

            form = load_form(store, "u0", Period(2024))
            rows = len([r for r in form.rows if r.editable])
            timed(bare, 5)
            baseline = timed(bare, args.rounds)
            service = timed(lambda n: load_form(store, units[n % UNITS], Period(2024)), args.rounds)

        from xz_desktop.ui.main_window import MainWindow

        start = time.perf_counter()
        window = MainWindow(path)
        window.resize(1400, 860)
        window.show()
        page = window.page("form")
        page.open_form("u0", "2024")
        app.processEvents()
        first_open = (time.perf_counter() - start) * 1000

        def switch(n: int) -> None:
            page.unit_box.setCurrentIndex(page.unit_box.findData(units[(n + 1) % UNITS]))
            page.view.viewport().repaint()  # the switch is done when the clerk sees the new figures

        timed(switch, 5)
        window_ms = timed(switch, args.rounds)
        shown = page.model.rowCount()
        window.close()

    base = statistics.median(baseline)
    print(
        f"form of {rows} entered indicators (+{shown - rows} category/derived lines), {UNITS} units, {args.rounds} rounds"
    )
    print(describe("baseline: bare SQL fetch", baseline))
    print(describe("service: load_form (fetch+checks)", service, base))
    print(describe("window: switch unit and repaint", window_ms, base))
    print(f"window: first open (window, pages, form)   {first_open:7.1f} ms")
    p95 = sorted(window_ms)[max(int(len(window_ms) * 0.95) - 1, 0)]
    print(f"target < 100 ms per open/switch (p95 {p95:.1f} ms): {'met' if p95 < 100 else 'NOT met'}")


if __name__ == "__main__":
    main(sys.argv[1:])
