"""The window's start and ``xz demo``, each against a plain baseline in the same run (issue 25).

    python -m benchmarks start                # five alternating runs of each
    python -m benchmarks start --repeat 9

- **Window ready**: a child process that shows the real window (``MainWindow``, offscreen) on a unit's fresh
  database and on the demo database, from its first line until the window and its background jobs are idle,
  and its peak resident set (``VmHWM``) — against a child that opens Qt, runs one SQL query and shows its rows in
  a bare ``QMainWindow`` + ``QTableView``. Program and baseline alternate, so both see the same load.
- **``xz demo``**: the real command in a child process (wall and CPU time), against a child that writes the same
  figures and provenance rows (read from the demo it made) into a fresh SQLite file in one transaction.

Wall times are medians; memory is the largest peak. Read the ratios, not the absolute times: both sides of
each ratio ran in the same run, one after the other. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from xz_desktop.store import create_store

from .bench_scale import (
    EXPLAIN,
    PEAK_KB,
    WINDOW_PROLOGUE,
    Measure,
    Row,
    compile_sources,
    explained,
    fmt,
    machine,
    table,
)

_WINDOW = (
    WINDOW_PROLOGUE
    + """
window = MainWindow(Path(sys.argv[1]))
window.show()
while getattr(window, "tasks", None):  # until every background job of the window has delivered
    app.processEvents()
    time.sleep(0.005)
app.processEvents()
ready = time.perf_counter() - t0
print(json.dumps({"ready": ready, "peak_kb": peak_kb(), "modules": len(sys.modules)}))
"""
)

_BARE_WINDOW = (
    PEAK_KB
    + """
import time
t0 = time.perf_counter()
import json, sqlite3, sys
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = conn.execute("SELECT unit, indicator, period, value FROM value ORDER BY period DESC LIMIT 500").fetchall()
model = QStandardItemModel(len(rows), 4)
for r, row in enumerate(rows):
    for c, cell in enumerate(row):
        model.setItem(r, c, QStandardItem(str(cell)))
w = QMainWindow(); view = QTableView(); view.setModel(model); w.setCentralWidget(view); w.show()
app.processEvents()
print(json.dumps({"ready": time.perf_counter() - t0, "peak_kb": peak_kb(), "modules": len(sys.modules)}))
"""
)

_PLAIN_DEMO = """
import json, sqlite3, sys
data = json.load(open(sys.argv[2], encoding="utf-8"))
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("CREATE TABLE value (unit, indicator, period, value, explanation, revision, changed_at, changed_by, "
             "source, PRIMARY KEY (unit, indicator, period)) WITHOUT ROWID")
conn.execute("CREATE TABLE package_value (package_id, unit, indicator, period, value, explanation, revision, "
             "base_revision, changed_at, changed_by, PRIMARY KEY (package_id, unit, indicator, period)) WITHOUT ROWID")
conn.execute("BEGIN")
conn.executemany("INSERT INTO value VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", data["value"])
conn.executemany("INSERT INTO package_value VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", data["package_value"])
conn.execute("COMMIT")
print(json.dumps({"rows": len(data["value"]) + len(data["package_value"])}))
"""


def child(script: str, *args: str) -> tuple[float, float, dict]:
    """Wall time, CPU time (user + system) and the last JSON line of a child ``python -c script``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"child failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = done.stdout.strip().splitlines()
    return wall, cpu, json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}


def window_row(label: str, db: Path, folder: Path, repeat: int) -> Row:
    """The real window on ``db`` against the bare one, alternating."""
    program, bare = [], []
    for n in range(repeat):
        settings = folder / f"settings_{db.stem}_{n}"
        settings.mkdir(parents=True, exist_ok=True)
        program.append(child(_WINDOW, str(db), str(settings))[2])
        bare.append(child(_BARE_WINDOW, str(db))[2])
    settings = folder / f"settings_{db.stem}_profiled"
    settings.mkdir(parents=True, exist_ok=True)
    row = Row(
        f"window ready, {label} (offscreen, first line of the child to idle; peak RSS)",
        Measure(statistics.median(p["ready"] for p in program), max(p["peak_kb"] for p in program) / 1024),
        "bare QMainWindow + QTableView of one SQL query (child process)",
        Measure(statistics.median(b["ready"] for b in bare), max(b["peak_kb"] for b in bare) / 1024),
        "≤ 3×, ≤ 120 MB",
        3.0,
        peak_limit_mb=120,
    )
    return explained(row, ["-c", _WINDOW, str(db), str(settings)], {"QT_QPA_PLATFORM": "offscreen"})


def demo_rows(folder: Path, repeat: int) -> tuple[list[Row], Path]:
    """``xz demo`` against writing the same rows plainly, alternating; returns the last demo database too."""
    demo_wall, demo_cpu, plain_wall = [], [], []
    made = folder / "demo_0.sqlite"
    for n in range(repeat):
        target = folder / f"demo_{n}.sqlite"
        wall, cpu, _ = child(
            "import sys; from xz_desktop.cli.app import main; sys.exit(main(sys.argv[1:]))", "demo", str(target)
        )
        demo_wall.append(wall)
        demo_cpu.append(cpu)
        if n == 0:
            made = target
            with sqlite3.connect(target) as conn:
                rows = {
                    "value": conn.execute(
                        "SELECT unit, indicator, period, value, explanation, revision, changed_at, changed_by, source "
                        "FROM value"
                    ).fetchall(),
                    "package_value": conn.execute("SELECT * FROM package_value").fetchall(),
                }
            (folder / "demo_rows.json").write_text(json.dumps(rows), encoding="utf-8")
        plain = folder / f"plain_{n}.sqlite"
        plain_wall.append(child(_PLAIN_DEMO, str(plain), str(folder / "demo_rows.json"))[0])
    base = Measure(statistics.median(plain_wall))
    wall = explained(
        Row(
            "`xz demo` (wall)",
            Measure(statistics.median(demo_wall)),
            "the demo's figures and provenance rows written by `executemany` in one transaction (child process)",
            base,
            "≤ 3 s",
            None,
            seconds_limit=3.0,
        ),
        ["-m", "xz_desktop.cli", "demo", str(folder / "demo_profiled.sqlite")],
    )
    return [
        wall,
        Row(
            "`xz demo` (CPU, user + system)",
            Measure(statistics.median(demo_cpu)),
            "the same plain write (wall)",
            base,
            "—",
            None,
        ),
    ], made


def rows(folder: Path, repeat: int) -> list[Row]:
    """Every row of this benchmark, in a working folder."""
    found, demo = demo_rows(folder, repeat)
    unit_db = folder / "unit.sqlite"
    create_store(unit_db, "unit", "xincheng", author="bench").close()
    found.append(window_row("a unit's fresh database", unit_db, folder, repeat))
    found.append(window_row("the demo database (district)", demo, folder, repeat))
    return found


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench_start")
    parser.add_argument("--repeat", type=int, default=5, help="alternating runs of each side (median)")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument(
        "--no-explain", action="store_true", help="do not profile a missed row once more to say where its time goes"
    )
    args = parser.parse_args(argv)
    EXPLAIN["on"] = not args.no_explain
    compile_sources()
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    with tempfile.TemporaryDirectory(prefix="bench_start_") as tmp:
        found = rows(Path(tmp), args.repeat)
        shutil.rmtree(tmp, ignore_errors=True)
    after = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    text = (
        f"median of {args.repeat} alternating runs; load average {' '.join(load)} before, {' '.join(after)} after\n\n"
        f"Machine: {machine()}\n\n{table(found)}\n"
    )
    for r in found:
        print(f"{r.path}: {fmt(r.program)}; baseline {fmt(r.baseline)}", flush=True)
    print()
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
