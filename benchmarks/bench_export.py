"""Excel export of a large district database against plain openpyxl write-only writing.

**The data.** A district has a bounded number of reporting units; a large database grows by
history (periods) and by indicators, not by inventing towns. So every size uses the *same*
synthetic catalog, written as CSV files and loaded through the program's own catalog loader
and ``create_store``: the shipped catalog (87 indicators, 23 units) plus
:data:`EXTRA_TOWNS` towns (60 units in all) and :data:`EXTRA_INDICATORS` indicators that
every town reports, over the periods 2015–2030 with their halves (48 periods). The
50,000 / 100,000 / 200,000 figures are drawn (seeded) from the same 216,768 possible
(unit, indicator, period) cells, so every report sheet — 表2, targets, charts, one
units × indicators sheet per year (16 of them, 60 units × 146 entered indicators each),
completeness — has the same shape at every size; only the raw sheet grows with the row count.

**What is timed**, each in a fresh process on the same database (built outside the timing):

* **export**: ``services.excel_export.export_workbook(store, out, "2024")`` — the whole
  styled workbook: the raw sheet *plus* the report sheets above and the district totals
  behind them (the extra work the baseline does not do);
* **baseline**: plain ``openpyxl.Workbook(write_only=True)`` with one sheet appending the
  same raw-sheet cells — the same 12 values per figure from the same SQL query (unit and
  indicator names looked up, times converted to local time, formula-like text kept as text,
  empty text left blank), unstyled, with no other sheet.

Each is run twice, alternating (``--repeat N``), and the faster run of each counts. It prints
seconds, the ratio export/baseline (target ≤ 1.5 at 200,000), and memory: the process's peak
RSS, and how much it grew during the run (flat across sizes = memory does not follow the
row count). ``python -m benchmarks export`` runs it; ``python -m benchmarks export --sizes 20000``
(or ``python -m benchmarks.bench_export --sizes 20000 --repeat 1``) for a quick look.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

SIZES = [50_000, 100_000, 200_000]
PERIODS = [p for y in range(2015, 2031) for p in (f"{y}H1", f"{y}H2", f"{y}")]
EXTRA_TOWNS = 37  # 23 shipped units + 37 = 60
EXTRA_INDICATORS = 74  # every geographic unit reports them: capacity 216,768 cells
NOTES = ["", "", "", "数据已核实", "=1+1 含公式样文字"]


def make_catalog(folder: Path) -> Path:
    """The shipped catalog plus the benchmark's towns and indicators, as CSV files in ``folder``."""
    from xz_desktop.paths import catalog_dir

    folder.mkdir(parents=True, exist_ok=True)
    for name in ("units.csv", "indicators.csv", "rules.csv"):
        text = (catalog_dir() / name).read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
        if name == "units.csv":
            rows += [
                {
                    "code": f"bench{i:02d}",
                    "name": f"基准测试镇{i:02d}",
                    "kind": "geographic",
                    "type": "town",
                    "sort": str(100 + i),
                    "active": "1",
                }
                for i in range(EXTRA_TOWNS)
            ]
        elif name == "indicators.csv":
            template = next(r for r in rows if r["code"] == "academician_workstation")  # a plain geographic stock
            for i in range(EXTRA_INDICATORS):
                extra = {k: "" for k in template}
                extra.update(
                    code=f"bench_ind{i:02d}",
                    name=f"基准测试指标{i:02d}",
                    category=f"基准测试{i // 10}",
                    source="其他",
                    entry_measure="人",
                    display_measure="人",
                    display_factor="1",
                    decimals="0",
                    aggregation="flow" if i % 3 == 0 else "stock",
                    target_basis="annual",
                    trajectory="linear",
                    reported_by="geographic",
                    min="0",
                    yoy_threshold="0.5",
                )
                rows.append(extra)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        (folder / name).write_text(out.getvalue(), encoding="utf-8")
    return folder


def make_database(path: Path, rows: int) -> None:
    """A district database with ``rows`` figures, drawn from the fixed catalog's possible cells."""
    from xz_desktop.domain.catalog_rows import load_catalog_dir
    from xz_desktop.store import create_store

    catalog = load_catalog_dir(make_catalog(path.parent / "bench_catalog"))
    create_store(path, "district", catalog=catalog, author="基准测试").close()
    entered = [i for i in catalog.indicators if i.is_entered]
    cells = [(u.code, i.code) for u in catalog.active_units() for i in entered if catalog.reports(u, i)]
    capacity = len(cells) * len(PERIODS)
    if rows > capacity:
        raise SystemExit(f"at most {capacity:,} figures fit the benchmark catalog")
    rng = random.Random(5)
    chosen = sorted(rng.sample(range(capacity), rows))
    values = (
        (
            *cells[n % len(cells)],
            PERIODS[n // len(cells)],
            float(rng.randint(1, 50_000)),
            rng.choice(NOTES),
            1,
            "2025-01-15T08:00:00.000Z",
            "基准测试",
            "bench",
        )
        for n in chosen
    )
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO value (unit, indicator, period, value, explanation, revision, changed_at, changed_by, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            values,
        )
    conn.close()


CHILD = r"""
import json, resource, sys, time
from pathlib import Path
kind, db, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from xz_desktop.store import open_store
from xz_desktop.services.excel.export import export_workbook
from xz_desktop.services.excel.tables import RAW_COLUMNS
from xz_desktop.domain.timefmt import local_time
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
            if note.startswith("="):  # text, as the export writes it, not a formula
                note = WriteOnlyCell(ws, note)
                note.data_type = "s"
            # An empty text is a blank (no cell), as the export writes it.
            ws.append((unit, units[unit], code, name, period, value, measure or None, note or None, rev, local_time(at),
                       by or None, source or None))
    wb.save(out)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from openpyxl.xml import LXML
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "growth_mb": (peak - before) / 1024, "bytes": out.stat().st_size,
                  "lxml": LXML}))
"""


def run_child(kind: str, db: Path, out: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(db), str(out)], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    sizes = SIZES
    argv = argv or sys.argv[1:]  # ``python -m benchmarks export --sizes N`` passes no argv of its own
    if "--sizes" in argv:
        sizes = [int(s) for s in argv[argv.index("--sizes") + 1].split(",")]
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 2
    print(
        "export = the whole styled workbook (report sheets, 16 units × indicators sheets, raw sheet); "
        "baseline = plain write-only openpyxl, the raw sheet's cells only"
    )
    print("rows      export s  baseline s  ratio   export peak/growth MB   baseline peak/growth MB   file MB")
    with tempfile.TemporaryDirectory(prefix="xz-bench-") as tmp:
        folder = Path(tmp)
        for rows in sizes:
            db = folder / f"bench_{rows}.sqlite"
            make_database(db, rows)  # not timed
            runs: dict[str, list[dict]] = {"baseline": [], "export": []}
            for _ in range(repeat):  # alternating, the best of each: a busy moment hits one run, not the ratio
                for kind in runs:
                    runs[kind].append(run_child(kind, db, folder / f"{kind}_{rows}.xlsx"))
            base, ours = (min(runs[kind], key=lambda r: r["seconds"]) for kind in ("baseline", "export"))
            ratio = ours["seconds"] / base["seconds"]
            print(
                f"{rows:<9,} {ours['seconds']:8.1f}  {base['seconds']:10.1f}  {ratio:5.2f}   "
                f"{ours['peak_mb']:8.0f} / {ours['growth_mb']:<8.0f}      {base['peak_mb']:8.0f} / {base['growth_mb']:<8.0f}"
                f"      {ours['bytes'] / 2**20:6.1f}",
                flush=True,
            )
    print("target: ratio ≤ 1.5 at 200,000 rows; growth flat across sizes (streamed, write-only).")
    if sizes:
        print(
            "openpyxl wrote with "
            + ("lxml" if ours.get("lxml") else "et_xmlfile (pure Python: pip install lxml)")
            + f"; best of {repeat} runs each"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
