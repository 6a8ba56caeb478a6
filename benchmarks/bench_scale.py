"""Province scale on one PC: every path of issue 14's table against its plain baseline, in the same run.

    python -m benchmarks scale --units 1300           # 1,300 units × 72 entered indicators × 10 years
    python -m benchmarks scale --units 100 --years 3  # a quick run
    python -m benchmarks scale --units 1300 --markdown results.md   # also write the table

The database is built by the benchmark itself: a catalog folder (the shipped indicators.csv with
every entered indicator reported by every unit, ``units`` generated units, the shipped rules.csv and
level.csv) loaded through the program's own catalog loader (``load_catalog_dir``) into
``create_store``, then every unit's figures for ``years`` years (not timed). Each path runs as a user
runs it (the real ``xz`` in a subprocess, the real window offscreen in a subprocess) and its baseline
runs the same way (a subprocess doing the plain thing), so start-up and memory are counted alike on
both sides. Wall time is the median of ``--repeat`` runs; memory is the child's peak resident set
(``ru_maxrss``). Nothing here is asserted: the table says what was measured.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from xz_desktop.domain.catalog_rows import load_catalog_dir
from xz_desktop.domain.levels import load_level
from xz_desktop.domain.periods import Period
from xz_desktop.paths import catalog_dir
from xz_desktop.store import create_store

from . import where_time_goes

ROOT = Path(__file__).resolve().parent.parent
FIRST_YEAR = 2015
TOTALS_YEAR = "2024"
OTHER_YEAR = "2023"
IMPORT_YEAR = "2025"


@dataclass
class Measure:
    seconds: float | None  # None: a memory-only row
    peak_mb: float | None = None


@dataclass
class Row:
    path: str
    program: Measure
    baseline_text: str
    baseline: Measure | None
    target: str  # e.g. "≤ 2×"
    limit: float | None  # the ratio the target allows, None when the target is absolute
    seconds_limit: float = 2.0  # an absolute target's time (limit None)
    peak_limit_mb: float | None = None  # a memory target besides the ratio (None: 300 MB for an absolute target)
    reason: str = ""  # a missed row's measured reason: where the time goes (where_time_goes), "" when met

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.program.seconds is None or not self.baseline.seconds:
            return None
        return self.program.seconds / self.baseline.seconds


# -- building the database (not timed) -----------------------------------------------------------------
def catalog_folder(folder: Path, units: int) -> Path:
    """A catalog folder: every entered indicator reported by each of ``units`` geographic units."""
    folder.mkdir(parents=True, exist_ok=True)
    shipped = catalog_dir()
    with (shipped / "indicators.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    for row in rows:
        if row["aggregation"] == "district":  # reported once by its owner: here every unit has one
            row["aggregation"] = "stock"
        if row["aggregation"] in ("stock", "flow"):
            row["reported_by"] = "geographic"
    with (folder / "indicators.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields)
        writer.writeheader()
        writer.writerows(rows)
    with (folder / "units.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["code", "name", "kind", "type", "sort", "active"])
        for n in range(units):
            writer.writerow([f"u{n:04d}", f"单位{n:04d}", "geographic", "town", n, 1])
    for name in ("rules.csv", "level.csv"):
        if (shipped / name).exists():
            shutil.copy(shipped / name, folder / name)
    return folder


def unit_weight(n: int, units: int) -> float:
    """Each unit's share of the district, between 0.5 and 1.5 of the mean: every figure of a unit scales alike,
    so the sums keep the rules (博士 + 硕士 ≤ 人才资源总量) the shipped bases keep."""
    return (0.5 + (n * 37 % 101) / 100) / units


def entry_bases(catalog) -> dict[str, float]:
    """A district-wide value of each entered indicator: the plan's base-year figure where it has one, raised so that
    every rule (left ≤ right) holds with 5 % to spare, so the unit figures built from it pass the checks."""
    bases = {}
    for ind in catalog.indicators:
        if ind.is_entered:
            value = ind.to_entry(ind.base) if ind.base is not None and ind.base_is_year else None
            bases[ind.code] = float(value) if value else 100.0
    for _ in range(3):  # rules may chain
        for rule in catalog.rules:
            small, big = (rule.left, rule.right) if rule.op == "<=" else (rule.right, rule.left)
            need = sum(bases.get(c, 0.0) for c in small) * 1.05
            have = sum(bases.get(c, 0.0) for c in big)
            if have < need and big[0] in bases:
                bases[big[0]] += need - have
    return bases


def figure_rows(catalog, units: int, years: list[int]):
    """``(unit, indicator, period, value)`` for every unit, entered indicator and year.

    A count is a whole number (a fraction is a 逻辑性 error no real data has), rounded as it falls: a small unit's
    rare count is 0, never raised to 1 (at 5,000 units raising every such count to 1 broke the rules — 硕士 + 博士
    ≤ 人才资源总量 read 1 + 1 ≤ 1 — in 1,585 unit-periods). Where rounding alone breaks a rule (left ≤ right), the
    right side's first indicator is raised by the difference, as :func:`entry_bases` raises the bases. What a ratio
    divides by (从业人员) is at least 1: a unit with none would have no ratio."""
    entered = [i for i in catalog.indicators if i.is_entered]
    bases = entry_bases(catalog)
    # what a ratio divides by (从业人员): a unit reporting none of it has no ratio (a 逻辑性 error), no real unit does
    divisors = {i.denominator for i in catalog.indicators if i.denominator}
    rules = [(r.left, r.right) if r.op == "<=" else (r.right, r.left) for r in catalog.rules]
    for n in range(units):  # unit by unit: the table is keyed by unit, so its pages fill in order
        w = unit_weight(n, units)
        for year in years:
            growth = 1.03 ** (year - 2020)
            values: dict[str, float] = {}
            for ind in entered:
                base = bases[ind.code]
                # a share is not split among units: each unit's share is near the district's
                value = base * w * units * growth if ind.entry_measure == "%" else base * w * growth
                if ind.max is not None:
                    value = min(value, ind.max)
                if ind.is_count:
                    value = float(max(1, round(value)) if ind.code in divisors else round(value))
                values[ind.code] = value if ind.is_count else round(value, 4)
            for _ in range(3):  # rules may chain
                for small, big in rules:
                    short = sum(values.get(c, 0.0) for c in small) - sum(values.get(c, 0.0) for c in big)
                    if short > 0 and big[0] in values:
                        values[big[0]] = round(values[big[0]] + short, 4)
            for code, value in values.items():
                yield f"u{n:04d}", code, str(year), value


def generated_errors(db: Path, years: list[str]) -> int:
    """How many unit-periods of ``years`` hold a 逻辑性 error (the program's own checks): 0 is what the generator means."""
    from xz_desktop.domain.checks import unit_periods_with_errors
    from xz_desktop.store import open_store

    with open_store(db, read_only=True) as store:
        return len(unit_periods_with_errors(store.catalog(), store.values.columns(frozenset(years))))


def compile_sources() -> None:
    """Compile the program's sources to ``.pyc`` first, as an installed program has them (a wheel's install and the
    frozen bundle compile them): this workplace sets ``PYTHONDONTWRITEBYTECODE``, and a start that compiles
    130 modules from source took 0.5 s more, which no user's start pays."""
    import compileall

    for folder in (ROOT / "xz_desktop", ROOT / "benchmarks"):
        compileall.compile_dir(folder, quiet=1)


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def build(folder: Path, units: int, years: int) -> tuple[Path, int]:
    """The scale database: its catalog through the program's loader, its figures written in one transaction."""
    cat_dir = catalog_folder(folder / "catalog", units)
    catalog = load_catalog_dir(cat_dir)
    db = folder / "scale.sqlite"
    create_store(db, "district", catalog=catalog, author="bench", level=load_level(cat_dir)).close()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA cache_size = -262144")  # 256 MB: the build's own, not the program's
    conn.execute("BEGIN")
    conn.execute("INSERT INTO merge_guard VALUES (1)")  # figures from units, not the district's own corrections
    # The value table's triggers (audit rows, kept totals dropped, …) and its period index are put back as they were
    # once the figures are in: the audit rows are deleted below anyway, nothing is kept or locked yet, and an index
    # made at once is the same index (at 5,000 units the build took 12 minutes with them, row by row).
    again = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'value' AND type IN ('trigger', 'index') "
        "AND sql IS NOT NULL"
    ).fetchall()
    for kind, name, _ in again:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    count = 0
    batch = []
    for unit, code, period, value in figure_rows(catalog, units, list(range(FIRST_YEAR, FIRST_YEAR + years))):
        batch.append((unit, code, period, value))
        if len(batch) >= 50_000:
            conn.executemany(
                "INSERT INTO value (unit, indicator, period, value, changed_at, changed_by, source) "
                "VALUES (?, ?, ?, ?, '2025-01-05T08:00:00.000Z', 'bench', 'bench')",
                batch,
            )
            count += len(batch)
            batch.clear()
    conn.executemany(
        "INSERT INTO value (unit, indicator, period, value, changed_at, changed_by, source) "
        "VALUES (?, ?, ?, ?, '2025-01-05T08:00:00.000Z', 'bench', 'bench')",
        batch,
    )
    count += len(batch)
    for _, _, sql in again:
        conn.execute(sql)
    conn.execute("DELETE FROM merge_guard")
    conn.execute("COMMIT")
    conn.execute("DELETE FROM audit")  # the build's own audit rows are not part of the data
    conn.execute("VACUUM")
    conn.close()
    return db, count


# -- running a child and measuring it --------------------------------------------------------------------
def run_child(args: list[str], env: dict[str, str] | None = None) -> tuple[Measure, str]:
    """Wall time and peak RSS of one child process; its stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})}, text=True
    )
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {err.strip()[-2000:]}")
    return Measure(elapsed), out


# The child's own peak resident set: VmHWM is reset by exec, ru_maxrss is not (it would count the parent's).
PEAK_KB = """
def peak_kb():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

_PEAK = (
    PEAK_KB
    + """
import runpy, sys, json, contextlib, io
sys.argv = sys.argv[1:]
code = 0
with contextlib.redirect_stdout(io.StringIO()):
    try:
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code or 0
print(json.dumps({"code": code, "peak_kb": peak_kb()}))
"""
)


def measure_module(module: str, *args: str, repeat: int) -> Measure:
    """``python -m module args`` ``repeat`` times: median wall time, peak RSS."""
    times, peaks = [], []
    for _ in range(repeat):
        m, out = run_child([sys.executable, "-c", _PEAK, module, *args])
        data = json.loads(out.strip().splitlines()[-1])
        if data["code"] not in (0, None):
            raise SystemExit(f"{module} {' '.join(args)} exited {data['code']}")
        times.append(m.seconds)
        peaks.append(data["peak_kb"] / 1024)
    return Measure(statistics.median(times), max(peaks))


def measure_script(script: str, *args: str, repeat: int, env: dict[str, str] | None = None) -> tuple[Measure, dict]:
    """A child ``python -c script``; the script prints a JSON object last (it may carry its own timings)."""
    times, peaks, last = [], [], {}
    for _ in range(repeat):
        m, out = run_child([sys.executable, "-c", script, *args], env)
        last = json.loads(out.strip().splitlines()[-1])
        times.append(m.seconds)
        peaks.append(last.get("peak_kb", 0) / 1024)
    return Measure(statistics.median(times), max(peaks)), last


# -- the baselines -----------------------------------------------------------------------------------
SQL_TOTALS = """
WITH y AS (SELECT indicator, SUM(value) AS s, COUNT(value) AS n FROM value WHERE period = ? GROUP BY indicator)
SELECT i.code,
       CASE WHEN i.aggregation = 'ratio' THEN num.s * i.scale / den.s ELSE y.s END AS value, y.n
FROM indicator i
LEFT JOIN y ON y.indicator = i.code
LEFT JOIN y AS num ON num.indicator = i.numerator
LEFT JOIN y AS den ON den.indicator = i.denominator
ORDER BY i.position
"""

_BASE_TOTALS = (
    PEAK_KB
    + f"""
import json, sqlite3, sys
conn = sqlite3.connect(f"file:{{sys.argv[1]}}?mode=ro", uri=True)
rows = conn.execute('''{SQL_TOTALS}''', (sys.argv[2],)).fetchall()
json.dumps([dict(code=c, value=v, reported=n) for c, v, n in rows])
print(json.dumps({{"rows": len(rows), "peak_kb": peak_kb()}}))
"""
)

_BASE_WINDOW = (
    PEAK_KB
    + f"""
import time
t0 = time.perf_counter()
import json, sqlite3, sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget
app = QApplication([])
conn = sqlite3.connect(f"file:{{sys.argv[1]}}?mode=ro", uri=True)
totals = conn.execute('''{SQL_TOTALS}''', (sys.argv[2],)).fetchall()
year = conn.execute("SELECT unit, indicator, value FROM value WHERE period = ?", (sys.argv[2],)).fetchall()
w = QMainWindow(); t = QTableWidget(len(totals), 3); w.setCentralWidget(t); w.show(); app.processEvents()
print(json.dumps({{"rows": len(year), "ready": time.perf_counter() - t0, "peak_kb": peak_kb()}}))
"""
)

# The window's start as a user's: the clock from the first import, the settings in a folder of the run's own.
WINDOW_PROLOGUE = (
    PEAK_KB
    + """
import time
t0 = time.perf_counter()
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from xz_desktop.ui.common import settings
settings.use_folder(Path(sys.argv[2]))
from xz_desktop.ui.main_window import MainWindow
"""
)

_WINDOW = (
    WINDOW_PROLOGUE
    + """

def settle(window):
    # until every background job of the window has finished delivering
    while getattr(window, "tasks", None):
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()

window = MainWindow(Path(sys.argv[1]))
window.show()
settle(window)
ready = time.perf_counter() - t0
ready_kb = peak_kb()

def change(key, year):
    page = window.page(key)
    window.show_page(key)
    settle(window)
    box = page.year_box
    t = time.perf_counter()
    box.setCurrentIndex(box.findData(int(year)) if box.findData(int(year)) >= 0 else box.findData(year))
    settle(window)
    return time.perf_counter() - t

totals_s = change("totals", sys.argv[3])
pivot_s = change("pivot", sys.argv[3])
window.close()
print(json.dumps({"ready": ready, "ready_kb": ready_kb, "totals_change": totals_s, "pivot_change": pivot_s,
                  "peak_kb": peak_kb()}))
"""
)

# What the profiled runs of the window's rows do: the window's start alone, and the 汇总 page's year report as its
# worker computes it (called in the main thread: the profiler sees only the thread that runs the script).
_WINDOW_READY = (
    WINDOW_PROLOGUE
    + """
window = MainWindow(Path(sys.argv[1]))
window.show()
while getattr(window, "tasks", None):
    app.processEvents()
    time.sleep(0.005)
app.processEvents()
window.close()
"""
)

_YEAR_REPORT = """
import cProfile, sys
import numpy, pandas  # what the window has imported before its first report (ui/totals/year_reports.py)
from xz_desktop.services.pivot import year_report
from xz_desktop.store import open_store
with open_store(sys.argv[1], read_only=True) as store:
    store.catalog_for(int(sys.argv[2]))  # the window has read the catalog at start
    with cProfile.Profile() as profile:
        year_report(store, int(sys.argv[2]))
    profile.dump_stats(sys.argv[3])
"""

_BASE_PIVOT = f"""
import json, sqlite3, sys, time
import pandas as pd
conn = sqlite3.connect(f"file:{{sys.argv[1]}}?mode=ro", uri=True)
t = time.perf_counter()
frame = pd.read_sql("SELECT unit, indicator, value FROM value WHERE period = ?", conn, params=(sys.argv[2],))
table = frame.pivot(index="unit", columns="indicator", values="value")
pivot_s = time.perf_counter() - t
t = time.perf_counter()
totals = conn.execute('''{SQL_TOTALS}''', (sys.argv[2],)).fetchall()
totals_s = time.perf_counter() - t
print(json.dumps({{"pivot": pivot_s, "totals": totals_s, "shape": list(table.shape)}}))
"""

_BASE_IMPORT = (
    PEAK_KB
    + """
import csv, json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
with open(sys.argv[2], encoding="utf-8", newline="") as fh:
    rows = [(r["unit"], r["indicator"], r["period"], float(r["value"])) for r in csv.DictReader(fh)]
conn.execute("BEGIN")
conn.executemany(
    "INSERT INTO value (unit, indicator, period, value, changed_at, changed_by, source) "
    "VALUES (?, ?, ?, ?, '2026-01-05T08:00:00.000Z', 'bench', 'import')", rows)
conn.execute("COMMIT")
print(json.dumps({"rows": len(rows), "peak_kb": peak_kb()}))
"""
)


def import_csv(folder: Path, db: Path, rows_wanted: int) -> tuple[Path, int]:
    """A CSV of whole unit forms for IMPORT_YEAR, about ``rows_wanted`` rows."""
    from xz_desktop.store import open_store

    with open_store(db) as store:
        catalog = store.catalog()
    entered = [i for i in catalog.indicators if i.is_entered]
    units = max(1, round(rows_wanted / len(entered)))
    units = min(units, len(catalog.units))
    path = folder / "import.csv"
    year = int(IMPORT_YEAR)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["unit", "indicator", "period", "value"])
        for unit, code, period, value in figure_rows(catalog, len(catalog.units), [year]):
            if int(unit[1:]) >= units:
                continue
            writer.writerow([unit, code, period, value])
            count += 1
    return path, count


# -- the benchmark ------------------------------------------------------------------------------------
def cli_rows(db: Path, repeat: int) -> list[Row]:
    base = measure_script("import sqlite_utils; print('{}')", repeat=repeat)[0]
    help_ = measure_module("xz_desktop.cli", "--help", repeat=repeat)
    catalog = measure_module("xz_desktop.cli", "catalog", repeat=repeat)
    return [
        Row("`xz --help`", help_, '`python -c "import sqlite_utils"`', base, "≤ 1.3×", 1.3),
        Row("`xz catalog`", catalog, '`python -c "import sqlite_utils"`', base, "≤ 1.3×", 1.3),
    ]


def forget_kept(db: Path) -> None:
    """Drop the totals the database keeps (migration 008), as any change of a figure does."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM stored_totals")
    conn.close()


def keep_year(db: Path, year: str) -> None:
    """What the window does when it has computed a year: keep its totals and its units × indicators table."""
    from xz_desktop.services.kept_totals import keep_totals
    from xz_desktop.services.pivot import year_report
    from xz_desktop.store import open_store

    with open_store(db) as store:
        version = store.version()
        report = year_report(store, int(year))
        if report.to_keep is not None:
            texts = report.to_keep
            kept = keep_totals(store, Period(int(year)), False, texts.rows, table=texts.table, computed_at=version)
            assert kept, "the totals were not kept"


def totals_rows(db: Path, repeat: int, *, kept: bool) -> list[Row]:
    """``xz totals`` with nothing kept (after any change of the figures), or with the year's totals kept."""
    if kept:
        keep_year(db, TOTALS_YEAR)
    else:
        forget_kept(db)
    program = measure_module("xz_desktop.cli", "totals", str(db), "--period", TOTALS_YEAR, "--json", repeat=repeat)
    base, _ = measure_script(_BASE_TOTALS, str(db), TOTALS_YEAR, repeat=repeat)
    how = "kept by the window" if kept else "nothing kept: computed"
    row = Row(
        f"`xz totals --period {TOTALS_YEAR} --json` ({how})",
        program,
        "one SQL GROUP BY + ratio-of-sums join (child process)",
        base,
        "≤ 2×",
        2.0,
    )
    explained(row, ["-m", "xz_desktop.cli", "totals", str(db), "--period", TOTALS_YEAR, "--json"])
    if row.reason and base.seconds:  # what no work on the totals can go below: any xz command's own start
        floor = measure_module("xz_desktop.cli", "--help", repeat=repeat)
        row.reason = (
            f"the start of any xz command (`xz --help`) alone takes {floor.seconds:.3f} s = "
            f"{(floor.seconds or 0) / base.seconds:.1f}× this baseline; the rest: {row.reason}"
        )
    return [row]


def window_rows(folder: Path, db: Path, repeat: int) -> list[Row]:
    """The first window computes (nothing kept) and keeps what it computed; the next ``repeat`` read it."""
    env = {"QT_QPA_PLATFORM": "offscreen"}
    forget_kept(db)
    runs = []
    for n in range(repeat + 1):
        settings = folder / f"settings{n}"
        settings.mkdir(exist_ok=True)
        m, data = measure_script(_WINDOW, str(db), str(settings), OTHER_YEAR, repeat=1, env=env)
        runs.append(data)
    first, later = runs[0], runs[1:]
    ready = statistics.median(r["ready"] for r in runs)
    ready_mb = max(r["ready_kb"] for r in runs) / 1024
    bases = [measure_script(_BASE_WINDOW, str(db), TOTALS_YEAR, repeat=1, env=env)[1] for _ in range(repeat)]
    base_window = Measure(statistics.median(b["ready"] for b in bases), max(b["peak_kb"] for b in bases) / 1024)
    pivots = [measure_script(_BASE_PIVOT, str(db), OTHER_YEAR, repeat=1)[1] for _ in range(repeat)]
    sql_totals = Measure(statistics.median(p["totals"] for p in pivots))
    rows = window_table(first, later, runs, Measure(ready, ready_mb), base_window, sql_totals, pivots)
    settings = folder / "settings_profiled"
    settings.mkdir(exist_ok=True)
    explained(rows[0], ["-c", _WINDOW_READY, str(db), str(settings)], env)
    forget_kept(db)  # the profiled year report computes, as the first window's did
    explained(rows[3], ["-c", _YEAR_REPORT, str(db), OTHER_YEAR], None, rows[4], own=True)
    keep_year(db, OTHER_YEAR)  # and the next profiled one reads what is kept, as the later windows did
    explained(rows[5], ["-c", _YEAR_REPORT, str(db), OTHER_YEAR], own=True)
    return rows


def window_table(
    first: dict,
    later: list[dict],
    runs: list[dict],
    ready: Measure,
    base_window: Measure,
    sql_totals: Measure,
    pivots: list[dict],
) -> list[Row]:
    """The window's rows, in the order :func:`window_rows` explains them."""
    return [
        Row(
            "window ready (offscreen, from the first line of the child to idle)",
            ready,
            "Qt window + SQL totals + one year's fetch (child process)",
            base_window,
            "< 2 s and < 300 MB",
            None,
        ),
        Row(
            f"window's peak memory after the 汇总 and 分单位数据 pages changed to {OTHER_YEAR}, nothing kept",
            Measure(None, first["peak_kb"] / 1024),
            "the baseline window above",
            Measure(None, base_window.peak_mb),
            "< 300 MB",
            None,
        ),
        Row(
            f"window's peak memory after the 汇总 and 分单位数据 pages changed to {OTHER_YEAR}, kept",
            Measure(None, max(r["peak_kb"] for r in later) / 1024),
            "the baseline window above",
            Measure(None, base_window.peak_mb),
            "< 300 MB",
            None,
        ),
        Row(
            f"汇总 page, change year to {OTHER_YEAR}, nothing kept (computed)",
            Measure(first["totals_change"]),
            "SQL totals of that year",
            sql_totals,
            "≤ 2×",
            2.0,
        ),
        Row(
            f"汇总 page, change year to {OTHER_YEAR}, nothing kept (computed): time and the window's peak RSS",
            Measure(first["totals_change"], first["peak_kb"] / 1024),
            "— (absolute goal)",
            None,
            "≤ 3 s, ≤ 300 MB",
            None,
            seconds_limit=3.0,
            peak_limit_mb=300,
        ),
        Row(
            f"汇总 page, change year to {OTHER_YEAR}, kept by an earlier window",
            Measure(statistics.median(r["totals_change"] for r in later)),
            "SQL totals of that year",
            sql_totals,
            "≤ 2×",
            2.0,
        ),
        Row(
            f"分单位数据 page, change year to {OTHER_YEAR} (the 汇总 page's report of that year)",
            Measure(statistics.median(r["pivot_change"] for r in runs)),
            "pandas `read_sql` + `pivot` of that year",
            Measure(statistics.median(p["pivot"] for p in pivots)),
            "≤ 2×",
            2.0,
        ),
    ]


def import_row(folder: Path, db: Path, rows_wanted: int, repeat: int) -> Row:
    csv_path, count = import_csv(folder, db, rows_wanted)
    times, base_times = [], []
    for n in range(repeat):
        target = folder / f"import{n}.sqlite"
        shutil.copy(db, target)
        m = measure_module("xz_desktop.cli", "import", str(target), str(csv_path), repeat=1)
        times.append(m)
        target.unlink()
        shutil.copy(db, target)
        b, data = measure_script(_BASE_IMPORT, str(target), str(csv_path), repeat=1)
        assert data["rows"] == count
        base_times.append(b)
        target.unlink()
    row = Row(
        f"`xz import` of {count:,} CSV rows",
        Measure(statistics.median(t.seconds for t in times), max(t.peak_mb or 0 for t in times)),
        "csv module + `executemany` in one transaction (child process)",
        Measure(statistics.median(b.seconds for b in base_times), max(b.peak_mb or 0 for b in base_times)),
        "≤ 1.5×",
        1.5,
    )
    target = folder / "import_profiled.sqlite"
    shutil.copy(db, target)
    explained(row, ["-m", "xz_desktop.cli", "import", str(target), str(csv_path)])
    target.unlink()
    return row


def merge_rows(folder: Path, packages: int, per: int) -> list[Row]:
    from xz_desktop.services.packages.merge import iter_merge
    from xz_desktop.store import open_store

    from .bench_merge import baseline, generate

    template, files = generate(folder / "merge", packages, per)
    base_s = baseline(template, folder / "merge_base.sqlite", files)
    target = folder / "merge.sqlite"
    shutil.copy(template, target)
    with open_store(target) as store:
        t = time.perf_counter()
        fresh = [r.status for r in iter_merge(store, files, collect=False)]
        fresh_s = time.perf_counter() - t
        t = time.perf_counter()
        again = [r.status for r in iter_merge(store, files, collect=False)]
        again_s = time.perf_counter() - t
    assert set(fresh) == {"merged"} and set(again) == {"unchanged"}, (set(fresh), set(again))
    rows = [
        Row(
            f"merge of {packages:,} packages × {per} figures",
            Measure(fresh_s),
            "ATTACH + INSERT … SELECT (bench_merge)",
            Measure(base_s),
            "≤ 3×",
            3.0,
        ),
        Row(
            f"re-merge of the same {packages:,} unchanged packages",
            Measure(again_s),
            "the fresh merge above",
            Measure(fresh_s),
            "< 10 %",
            0.10,
        ),
    ]
    if EXPLAIN["on"] and verdict(rows[0]).startswith("missed"):  # in process: profile one more fresh merge
        import cProfile

        shutil.copy(template, target)
        with open_store(target) as store, cProfile.Profile() as profile:
            list(iter_merge(store, files, collect=False))
        rows[0].reason = where_time_goes.summary(profile)
    return rows


def excel_row(folder: Path, db: Path) -> Row:
    """The whole styled workbook (``export_workbook``) against plain write-only openpyxl writing the raw sheet's cells
    of the same figures (benchmarks/bench_export.py's child), alternating, once each, on a copy of the database."""
    from .bench_export import CHILD, run_child

    target = folder / "excel.sqlite"
    shutil.copy(db, target)
    ours = run_child("export", target, folder / "export.xlsx")
    base = run_child("baseline", target, folder / "baseline.xlsx")
    row = Row(
        "Excel export (`export_workbook`: report sheets + every figure's raw row)",
        Measure(ours["seconds"], ours["peak_mb"]),
        "plain write-only openpyxl, the raw sheet's cells only (bench_export)",
        Measure(base["seconds"], base["peak_mb"]),
        "≤ 1.3×",
        1.3,
    )
    explained(row, ["-c", CHILD, "export", str(target), str(folder / "export_profiled.xlsx")])
    for name in ("export.xlsx", "baseline.xlsx", "export_profiled.xlsx", "excel.sqlite"):
        (folder / name).unlink(missing_ok=True)
    return row


def start_rows(folder: Path, repeat: int) -> list[Row]:
    """The window's start on a unit's and the demo database, and ``xz demo`` (benchmarks/bench_start.py)."""
    from .bench_start import rows

    folder.mkdir(parents=True, exist_ok=True)
    return rows(folder, repeat)


def verdict(row: Row) -> str:
    if row.target == "—":
        return "—"
    if row.limit is None:
        peak_limit = 300 if row.peak_limit_mb is None else row.peak_limit_mb
        ok = (row.program.seconds or 0.0) <= row.seconds_limit and (row.program.peak_mb or 0) <= peak_limit
        return "met" if ok else "missed"
    ratio = row.ratio
    if ratio is None:
        return "—"
    missed = [f"by {ratio / row.limit:.1f}×"] if ratio > row.limit else []
    if row.peak_limit_mb is not None and (row.program.peak_mb or 0) > row.peak_limit_mb:
        missed.append(f"memory {row.program.peak_mb:.0f} MB")
    return "met" if not missed else "missed " + ", ".join(missed)


EXPLAIN = {"on": True}  # ``--no-explain`` turns off the profiled run of each missed row


def explained(row: Row, args: list[str], env: dict[str, str] | None = None, *also: Row, own: bool = False) -> Row:
    """``row``, with where its time goes when it (or a row of ``also``, measuring the same path) misses its goal:
    ``python args`` once more under cProfile (``own``: a script that profiles only its measured part,
    :func:`~.where_time_goes.profile_own`), given to each row that misses."""
    missed = [r for r in (row, *also) if verdict(r).startswith("missed")]
    if EXPLAIN["on"] and missed:
        profile = where_time_goes.profile_own if own else where_time_goes.profile_child
        reason = profile(args, env)
        for r in missed:
            r.reason = reason
    return row


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = int(Path("/proc/meminfo").read_text().split()[1]) / 2**20
        mem_text = f", {mem:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        mem_text = ""
    return (
        f"{cpu}, {os.cpu_count()} logical CPUs{mem_text}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def fmt(m: Measure | None) -> str:
    if m is None:
        return "—"
    if m.seconds is None:
        return f"{m.peak_mb:.0f} MB" if m.peak_mb else "—"
    return f"{m.seconds:.3f} s" + (f", {m.peak_mb:.0f} MB" if m.peak_mb else "")


def table(rows: list[Row]) -> str:
    lines = [
        "| path | this program | plain baseline, same run | ratio | target | | where the time goes (missed rows) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ratio = "—" if r.ratio is None else (f"{r.ratio:.0%}" if r.target.endswith("%") else f"{r.ratio:.2f}×")
        lines.append(
            f"| {r.path} | {fmt(r.program)} | {r.baseline_text}: {fmt(r.baseline)} | {ratio} | {r.target} | {verdict(r)} | {r.reason} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench_scale")
    parser.add_argument("--units", type=int, default=1300)
    parser.add_argument("--years", type=int, default=10, help=f"years of figures from {FIRST_YEAR}")
    parser.add_argument("--repeat", type=int, default=3, help="runs per path (median)")
    parser.add_argument("--import-rows", type=int, default=21_531)
    parser.add_argument("--packages", type=int, default=1000)
    parser.add_argument("--package-values", type=int, default=300)
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["cli", "totals", "window", "import", "merge", "excel", "start"],
    )
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument(
        "--no-explain", action="store_true", help="do not profile a missed row once more to say where its time goes"
    )
    args = parser.parse_args(argv)
    EXPLAIN["on"] = not args.no_explain
    if args.years < 2 or FIRST_YEAR + args.years - 1 < int(TOTALS_YEAR):
        parser.error(f"--years must reach {TOTALS_YEAR} (at least {int(TOTALS_YEAR) - FIRST_YEAR + 1})")
    compile_sources()
    load_start = load_average()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"load average at start: {load_start}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench_scale_") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        db, figures = build(folder, args.units, args.years)
        size = db.stat().st_size / 2**20
        errors = generated_errors(db, [TOTALS_YEAR, OTHER_YEAR])
        print(
            f"built {args.units:,} units × {figures // args.units // args.years} indicators × {args.years} years = "
            f"{figures:,} figures ({size:.0f} MB) in {time.perf_counter() - t0:.1f} s (not timed); "
            f"unit-periods of {OTHER_YEAR}–{TOTALS_YEAR} with a 逻辑性 error: {errors}",
            flush=True,
        )
        rows: list[Row] = []
        steps = [
            ("totals", lambda: totals_rows(db, args.repeat, kept=False)),
            ("window", lambda: window_rows(folder, db, args.repeat)),
            ("totals", lambda: totals_rows(db, args.repeat, kept=True)),
            ("import", lambda: [import_row(folder, db, args.import_rows, args.repeat)]),
            ("merge", lambda: merge_rows(folder, args.packages, args.package_values)),
            ("excel", lambda: [excel_row(folder, db)]),
            ("cli", lambda: cli_rows(db, max(args.repeat, 5))),
            ("start", lambda: start_rows(folder / "start", max(args.repeat, 5))),
        ]
        for name, step in steps:
            if name in args.skip:
                continue
            t = time.perf_counter()
            done = step()
            rows.extend(done)
            for r in done:
                reason = f" (where the time goes: {r.reason})" if r.reason else ""
                print(f"{r.path}: {fmt(r.program)}; baseline {fmt(r.baseline)}; {verdict(r)}{reason}", flush=True)
            print(f"  ({name}: {time.perf_counter() - t:.0f} s)", flush=True)
    text = (
        f"{args.units:,} units × {args.years} years, {figures:,} figures ({errors} unit-periods of "
        f"{OTHER_YEAR}–{TOTALS_YEAR} with a 逻辑性 error); median of {args.repeat} runs; started {started}; "
        f"load average {load_start} at the start, {load_average()} at the end (2 cores: above 2 the run shared "
        f"the machine)\n\nMachine: {machine()}\n\n{table(rows)}\n"
    )
    print()
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
