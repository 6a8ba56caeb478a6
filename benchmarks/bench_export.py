"""Excel export of a large district database against plain openpyxl write-only writing.

For 50,000 / 100,000 / 200,000 raw values it builds a district database (outside the
timing), then in a fresh process each runs

* **export**: ``services.excel_export.export_workbook`` — the whole workbook (表2, targets,
  charts, units × indicators per year, completeness, the raw sheet), styled;
* **baseline**: plain ``openpyxl.Workbook(write_only=True)`` appending the same raw-sheet
  cells (the same 12 values per figure, streamed from the same query), unstyled.

It prints seconds, the ratio export/baseline (target ≤ 1.5), and peak memory: the process's
peak RSS, and how much it grew during the run (flat across sizes = streaming works).
``python -m benchmarks export`` runs it; ``--sizes 20000`` for a quick look.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

SIZES = [50_000, 100_000, 200_000]
PERIODS = [f"{y}{h}" for y in range(2021, 2026) for h in ("", "H1", "H2")]


def make_database(path: Path, rows: int) -> None:
    """A district database with ``rows`` figures: the real catalog plus enough extra towns."""
    from xz_desktop.store import create_store

    create_store(path, "district", author="基准测试").close()
    conn = sqlite3.connect(path)
    indicators = [r[0] for r in conn.execute("SELECT code FROM indicator WHERE reported_by = 'geographic' "
                                             "AND aggregation IN ('stock', 'flow') ORDER BY position")]
    per_unit = len(indicators) * len(PERIODS)
    extra = -(-rows // per_unit)
    with conn:
        conn.executemany("INSERT INTO unit (code, name, kind, type, sort, active) VALUES (?, ?, 'geographic', 'town', ?, 1)",
                         [(f"bench{i:04d}", f"基准测试镇{i:04d}", 100 + i) for i in range(extra)])
        rng = random.Random(5)
        notes = ["", "", "", "数据已核实", "=1+1 含公式样文字"]
        values = ((f"bench{n // per_unit:04d}", indicators[n % len(indicators)], PERIODS[(n // len(indicators)) % len(PERIODS)],
                   float(rng.randint(0, 50_000)), rng.choice(notes), 1, "2025-01-15T08:00:00.000Z", "基准测试", "bench")
                  for n in range(rows))
        conn.executemany("INSERT INTO value (unit, indicator, period, value, explanation, revision, changed_at, changed_by, source) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
    conn.close()


CHILD = r"""
import json, resource, sys, time
from pathlib import Path
kind, db, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
from openpyxl import Workbook
from xz_desktop.store import open_store
from xz_desktop.services.excel_export import export_workbook
from xz_desktop.services.excel_tables import RAW_COLUMNS, local_time
store = open_store(db)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
if kind == "export":
    export_workbook(store, out, "2024")
else:
    catalog = store.catalog()
    units = {u.code: u.name for u in catalog.units}
    names = {i.code: (i.name, i.entry_measure) for i in catalog.indicators}
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("raw")
    ws.append([t for t, _ in RAW_COLUMNS])
    cur = store.conn.execute("SELECT v.unit, v.indicator, v.period, v.value, v.explanation, v.revision, v.changed_at, v.changed_by, v.source "
                             "FROM value v LEFT JOIN unit u ON u.code = v.unit LEFT JOIN indicator i ON i.code = v.indicator "
                             "ORDER BY v.period, u.sort, v.unit, i.position, v.indicator")
    while batch := cur.fetchmany(5000):
        for unit, code, period, value, note, rev, at, by, source in batch:
            name, measure = names[code]
            ws.append((unit, units[unit], code, name, period, value, measure, note, rev, local_time(at), by, source))
    wb.save(out)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "growth_mb": (peak - before) / 1024, "bytes": out.stat().st_size}))
"""


def run_child(kind: str, db: Path, out: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, kind, str(db), str(out)], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    sizes = SIZES
    if "--sizes" in argv:
        sizes = [int(s) for s in argv[argv.index("--sizes") + 1].split(",")]
    print("rows      export s  baseline s  ratio   export peak/growth MB   baseline peak/growth MB   file MB")
    with tempfile.TemporaryDirectory(prefix="xz-bench-") as tmp:
        folder = Path(tmp)
        for rows in sizes:
            db = folder / f"bench_{rows}.sqlite"
            make_database(db, rows)  # not timed
            base = run_child("baseline", db, folder / f"baseline_{rows}.xlsx")
            ours = run_child("export", db, folder / f"export_{rows}.xlsx")
            ratio = ours["seconds"] / base["seconds"]
            print(f"{rows:<9,} {ours['seconds']:8.1f}  {base['seconds']:10.1f}  {ratio:5.2f}   "
                  f"{ours['peak_mb']:8.0f} / {ours['growth_mb']:<8.0f}      {base['peak_mb']:8.0f} / {base['growth_mb']:<8.0f}"
                  f"      {ours['bytes'] / 2**20:6.1f}", flush=True)
    print("target: ratio ≤ 1.5 at 200,000 rows; growth flat across sizes (streamed, write-only).")


if __name__ == "__main__":
    main(sys.argv[1:])
