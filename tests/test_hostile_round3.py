"""Regression tests for the third hostile round (issue 24): nothing hangs, no false word, nothing beyond the limits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from xz_desktop.store import create_store

from .test_package_support import district

# A hang is a failure, not a wait: every real ``xz`` here gets this long (generous on a busy machine).
HANG_SECONDS = 60


def _xz(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "xz_desktop.cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=HANG_SECONDS,
    )


# -- 2: a named pipe given as any incoming file is refused, never waited on -----------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
@pytest.mark.parametrize(
    "role, args",
    [
        ("district", ["merge", "{db}", "{fifo}.xzpkg"]),
        ("unit", ["import", "{db}", "{fifo}.csv"]),
        ("unit", ["import", "{db}", "{fifo}.xlsx"]),
        ("unit", ["catalog-import", "{db}", "{fifo}.xzcat"]),
        ("unit", ["corrections-import", "{db}", "{fifo}.xzpkg"]),
        ("unit", ["receipt-import", "{db}", "{fifo}.xzpkg"]),
        ("district", ["targets", "{db}", "--import", "{fifo}.csv"]),
        ("none", ["init", "{new}", "--enrolment", "{fifo}.xzkey"]),
        ("none", ["init", "{new}", "--district", "--catalog", "{folder}"]),
        ("none", ["totals", "{fifo}.sqlite", "--period", "2023"]),
    ],
)
def test_a_named_pipe_is_refused_not_waited_on(tmp_path, role, args):
    db = tmp_path / "db.sqlite"
    if role == "district":
        db = district(tmp_path)
    elif role == "unit":
        create_store(db, "unit", "xincheng", author="张三").close()
    folder = tmp_path / "catalog"
    folder.mkdir()
    os.mkfifo(folder / "indicators.csv")  # the first file a catalog folder is read from
    fifo = tmp_path / "f"
    names = {"db": str(db), "new": str(tmp_path / "new.sqlite"), "folder": str(folder), "fifo": str(fifo)}
    argv = [a.format(**names) for a in args]
    for arg in argv:
        if arg.startswith(str(fifo)):
            os.mkfifo(arg)
    result = _xz(*argv)  # before the fix: TimeoutExpired (blocked in open() of the pipe)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("xz: 错误：") and "Traceback" not in result.stderr
    assert not (tmp_path / "new.sqlite").exists()
