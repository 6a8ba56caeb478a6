"""Packages are committed a few at a time, each atomic in its own savepoint: a result says merged only once
its batch is committed; a failing package, a failing commit and a cancel keep every other package whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from xz_desktop.services.packages.merge import PACKAGES_PER_COMMIT, merge_files
from xz_desktop.services.progress import CancelFlag
from xz_desktop.store import open_store
from xz_desktop.store.core import StoreCore
from xz_desktop.store.packages import PackageTable

from .test_package_support import craft, district

UNITS = ["xincheng", "jiabei", "tanghui", "gaozhao", "wangjiangjing", "youchegang", "xincheng_town", "wangdian"]
PERIODS = ["2023", "2024"]


def _files(folder: Path) -> list[tuple[Path, str, str, int]]:
    """16 packages (8 units × 2 years): (file, unit, period, its talent_total)."""
    out = []
    for u, unit in enumerate(UNITS):
        for p, period in enumerate(PERIODS):
            value = 1000 + 10 * u + p
            path = craft(
                folder / f"{unit}_{period}.xzpkg",
                [("talent_total", period, value), ("employed", period, 50000)],
                unit=unit,
                periods=(period,),
            )
            out.append((path, unit, period, value))
    return out


def _committed(db: Path) -> dict[tuple[str, str], float]:
    """talent_total by (unit, period), read through a fresh connection: only what was committed."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT unit, period, value FROM value WHERE indicator = 'talent_total'").fetchall()
    finally:
        conn.close()
    return {(u, p): v for u, p, v in rows}


def test_more_packages_than_a_batch_all_merge_in_file_order(tmp_path):
    assert len(UNITS) * len(PERIODS) > PACKAGES_PER_COMMIT
    db = district(tmp_path)
    files = _files(tmp_path)
    with open_store(db) as store:
        report = merge_files(store, [f for f, *_ in files])
    assert [(r.file, r.status) for r in report.results] == [(str(f), "merged") for f, *_ in files]
    assert _committed(db) == {(u, p): v for _, u, p, v in files}


def test_a_package_failing_inside_a_batch_is_refused_and_the_others_land(tmp_path, monkeypatch):
    db = district(tmp_path)
    files = _files(tmp_path)
    real = PackageTable.add
    broken = files[3][0]

    def failing(self, p, rows):
        real(self, p, rows)  # its figures written, inside its savepoint
        if p.file == broken.name:
            raise RuntimeError("disk trouble")

    monkeypatch.setattr(PackageTable, "add", failing)
    with open_store(db) as store:
        report = merge_files(store, [f for f, *_ in files])
    statuses = [r.status for r in report.results]
    assert statuses[3] == "refused" and statuses.count("merged") == len(files) - 1
    assert _committed(db) == {(u, p): v for f, u, p, v in files if f != broken}


def test_a_commit_that_fails_reports_its_batch_refused_and_writes_none_of_it(tmp_path, monkeypatch):
    db = district(tmp_path)
    files = _files(tmp_path)
    real = StoreCore.commit
    calls = []

    def commit_once_failing(self):
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("disk I/O error")
        real(self)

    monkeypatch.setattr(StoreCore, "commit", commit_once_failing)
    with open_store(db) as store:
        report = merge_files(store, [f for f, *_ in files])
    statuses = [r.status for r in report.results]
    assert statuses == ["refused"] * PACKAGES_PER_COMMIT + ["merged"] * (len(files) - PACKAGES_PER_COMMIT)
    assert all(r.reason for r in report.results[:PACKAGES_PER_COMMIT])
    assert _committed(db) == {(u, p): v for _, u, p, v in files[PACKAGES_PER_COMMIT:]}


def test_a_cancel_keeps_and_reports_the_packages_merged_so_far(tmp_path):
    db = district(tmp_path)
    files = _files(tmp_path)
    done = PACKAGES_PER_COMMIT + 3  # past one commit, in the middle of the next batch
    with open_store(db) as store:
        report = merge_files(store, [f for f, *_ in files], progress=CancelFlag(cancel_after=done))
    assert report.cancelled
    assert [r.status for r in report.results] == ["merged"] * done + ["cancelled"] * (len(files) - done)
    assert _committed(db) == {(u, p): v for _, u, p, v in files[:done]}


def test_a_batch_that_cannot_begin_refuses_that_file_and_the_next_files_merge(tmp_path, monkeypatch):
    db = district(tmp_path)
    files = _files(tmp_path)[:3]
    real = StoreCore.begin
    calls = []

    def begin_once_locked(self):
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        real(self)

    monkeypatch.setattr(StoreCore, "begin", begin_once_locked)
    with open_store(db) as store:
        report = merge_files(store, [f for f, *_ in files])
    assert [r.status for r in report.results] == ["refused", "merged", "merged"]
    assert report.results[0].reason
    assert _committed(db) == {(u, p): v for _, u, p, v in files[1:]}
