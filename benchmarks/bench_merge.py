"""Merging 1,000 unit packages of 300 figures each into one district database.

    python -m benchmarks merge                     # 1,000 packages × 300 figures
    python -m benchmarks.bench_merge --packages 100  # a quick run

Prints figures per second for the real merge (every package read, verified, checked and
merged atomically in its own savepoint, ten per commit, with provenance and the merge rule), the same for a plain
baseline measured in the same run (the same rows copied with ``ATTACH`` and
``INSERT … SELECT`` in one transaction, ten files attached at a time), their ratio, and
memory after 250, 500 and 1,000 packages: the resident set size during the timed run, and
the peak of Python allocations in each stretch in a second, traced run (tracemalloc slows
Python down, so it stays out of the timing).
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from xz_desktop.domain.catalog_rows import catalog_from_rows
from xz_desktop.domain.plans import Plan
from xz_desktop.services.packages.merge import iter_merge
from xz_desktop.services.packages.package_file import Manifest, PackageRow, new_package_id, write_package
from xz_desktop.services.signing import crypto
from xz_desktop.services.signing.enrolment import enrol, read_enrolment
from xz_desktop.store import create_store, open_store

PERIODS = ("2022", "2023")


def synthetic_catalog(units: int, indicators: int):
    """``units`` towns that each report ``indicators`` stock indicators (no rules: the checks still run)."""
    ind_rows = [
        {
            "code": f"i{n:03d}",
            "name": f"指标{n}",
            "aggregation": "stock",
            "entry_measure": "人",
            "reported_by": "geographic",
            "min": "0",
        }
        for n in range(indicators)
    ]
    unit_rows = [
        {"code": f"u{n:04d}", "name": f"单位{n}", "kind": "geographic", "sort": n, "active": 1} for n in range(units)
    ]
    return catalog_from_rows(ind_rows, unit_rows, [], plan=Plan("十四五", "基准测试规划", 2020, 2025))


def generate(folder: Path, packages: int, per_package: int) -> tuple[Path, list[Path]]:
    """A district database template and the package files (not timed)."""
    indicators = per_package // len(PERIODS)
    catalog = synthetic_catalog(packages, indicators)
    template = folder / "template.sqlite"
    create_store(template, "district", catalog=catalog, author="bench").close()
    # Every unit enrolled in the district, as for real: a package is merged only if signed by its unit's key.
    keys: dict[str, tuple[str, str]] = {}
    with open_store(template) as store:
        enrolments = folder / "enrolments"
        enrolments.mkdir(parents=True, exist_ok=True)
        for n in range(packages):
            unit = f"u{n:04d}"
            e = read_enrolment(enrol(store, unit, enrolments / f"{unit}.xzenrol").file)
            keys[unit] = (e.unit_key.key_id, e.unit_key.private_key)
    files = []
    for n in range(packages):
        unit = f"u{n:04d}"
        key_id, private = keys[unit]
        rows = [
            PackageRow(
                unit,
                f"i{i:03d}",
                p,
                float((n * 7 + i * 13) % 997),
                "",
                1 + (i % 3),
                0,
                "2024-01-05T08:00:00.000Z",
                "bench",
            )
            for p in PERIODS
            for i in range(indicators)
        ]
        m = Manifest(
            new_package_id(),
            unit,
            PERIODS,
            catalog.version,
            2,
            "bench",
            f"2024-01-05T08:{n // 60 % 60:02d}:{n % 60:02d}.000Z",
            "bench",
            "db",
            len(rows),
            key_id=key_id,
        )
        path = folder / "packages" / f"{unit}.xzpkg"
        path.parent.mkdir(exist_ok=True)
        write_package(path, m, rows, sign=lambda data, private=private: crypto.sign(private, data))
        files.append(path)
    return template, files


def rss_mb() -> float:
    """The current resident set size (Linux), else the peak so far."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def baseline(template: Path, target: Path, files: list[Path]) -> float:
    """Seconds to copy every package's rows with ATTACH + INSERT … SELECT.

    SQLite attaches at most ten databases at once and cannot detach one inside a
    transaction, so the baseline attaches ten files, copies them in one transaction,
    detaches them, and goes on: 100 transactions for 1,000 files (the merge uses 1,000).
    """
    shutil.copy(template, target)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")  # as the merge runs: WAL, no sync per commit
    start = time.perf_counter()
    for chunk in range(0, len(files), 10):
        names = []
        for n, path in enumerate(files[chunk : chunk + 10]):
            conn.execute(f"ATTACH DATABASE ? AS p{n}", (f"{path.resolve().as_uri()}?mode=ro",))
            names.append(f"p{n}")
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO merge_guard VALUES (1)"
        )  # the district's edit-capture trigger stands aside, as in a merge
        for name in names:
            conn.execute(
                f"INSERT INTO value (unit, indicator, period, value, explanation, revision, changed_at, changed_by, source) "
                f"SELECT unit, indicator, period, value, explanation, revision, changed_at, changed_by, 'bench' FROM {name}.value"
            )
        conn.execute("DELETE FROM merge_guard")
        conn.execute("COMMIT")
        for name in names:
            conn.execute(f"DETACH DATABASE {name}")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def merge_all(
    template: Path, target: Path, files: list[Path], marks: set[int], *, traced: bool
) -> tuple[float, dict[int, float]]:
    """Seconds to merge every file, and memory at the marks (RSS MB, or the stretch's traced peak MB)."""
    shutil.copy(template, target)
    memory: dict[int, float] = {}
    with open_store(target) as store:
        gc.collect()
        if traced:
            tracemalloc.start()
        start = time.perf_counter()
        for done, result in enumerate(iter_merge(store, files, collect=False), start=1):
            if result.status != "merged":
                raise SystemExit(f"{result.file}: {result.status} {result.reason}")
            if done in marks:
                if traced:
                    memory[done] = tracemalloc.get_traced_memory()[1] / 2**20
                    tracemalloc.reset_peak()
                else:
                    memory[done] = rss_mb()
        elapsed = time.perf_counter() - start
        if traced:
            tracemalloc.stop()
    return elapsed, memory


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench_merge")
    parser.add_argument("--packages", type=int, default=1000)
    parser.add_argument("--values", type=int, default=300, help="figures per package (even)")
    args = parser.parse_args(argv)
    packages, per = args.packages, args.values
    marks = {m for m in (packages // 4, packages // 2, packages) if m}
    with tempfile.TemporaryDirectory(prefix="bench_merge_") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        template, files = generate(folder, packages, per)
        total = packages * per
        print(
            f"generated {packages} packages × {per} figures = {total:,} figures in {time.perf_counter() - t0:.1f} s (not timed)"
        )
        base_s = baseline(template, folder / "baseline.sqlite", files)
        merge_s, rss = merge_all(template, folder / "merged.sqlite", files, marks, traced=False)
        with sqlite3.connect(folder / "merged.sqlite") as a, sqlite3.connect(folder / "baseline.sqlite") as b:
            merged_rows = a.execute("SELECT unit, indicator, period, value FROM value ORDER BY 1, 2, 3").fetchall()
            base_rows = b.execute("SELECT unit, indicator, period, value FROM value ORDER BY 1, 2, 3").fetchall()
        assert merged_rows == base_rows and len(merged_rows) == total, "merge and baseline disagree"
        _, peaks = merge_all(template, folder / "traced.sqlite", files, marks, traced=True)
    print(
        f"baseline (ATTACH ten files + INSERT … SELECT, one transaction per ten): {base_s:.2f} s, {total / base_s:,.0f} figures/s"
    )
    print(
        f"merge (verify + check + provenance + rule, each package atomic, ten per commit): {merge_s:.2f} s, {total / merge_s:,.0f} figures/s"
    )
    print(f"ratio merge / baseline: {merge_s / base_s:.2f}× (target ≤ 3×)")
    print(
        "memory after N packages:  "
        + "   ".join(f"{n}: RSS {rss[n]:.1f} MB, traced peak {peaks[n]:.2f} MB" for n in sorted(marks))
    )


if __name__ == "__main__":
    main(sys.argv[1:])
