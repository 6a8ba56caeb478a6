"""Where a missed row's time goes: the same command once more under cProfile, its own time summed by area.

A row of the table that misses its goal says why with a measurement, not a guess: the benchmark runs the
path once more in a child under ``cProfile`` and sums each function's own time (``tottime``) by where the
function lives — a module of the program (``domain/aggregation``), a library (``openpyxl``, ``PySide6``),
SQLite's C code (``sqlite3``), Python's import machinery (``imports``) — then names the largest areas with
their shares, e.g. "domain/aggregation 31 %, sqlite3 22 %, imports 15 %". The profiler slows Python code more
than C code, so read the shares as where the time goes, not as seconds; the row's timing is the unprofiled run.
Only the thread that runs the command is profiled (the window's workers are profiled by calling their service
in the main thread instead, after the imports and the opening a window has already done: :func:`profile_own`).
"""

from __future__ import annotations

import cProfile
import os
import pstats
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

# A built-in's description names its owner: "<method 'execute' of 'sqlite3.Connection' objects>",
# "<built-in method marshal.loads>", "<method 'exec' of 'PySide6.QtWidgets.QApplication' objects>".
_OWNER = re.compile(r"of '([\w.]+)' objects|built-in method ([\w.]+)")
_IMPORT_BUILTINS = {"marshal", "_imp", "posix", "io"}  # what loading a module's code calls


def area(filename: str, function: str) -> str:
    """The area a profiled function belongs to (see the module's docstring)."""
    path = filename.replace("\\", "/")
    if "/xz_desktop/" in path:
        return path.split("/xz_desktop/", 1)[1].removesuffix(".py").removesuffix("/__init__")
    if "importlib" in path or path.startswith("<frozen"):
        return "imports"
    if "/site-packages/" in path:
        return path.split("/site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if path == "~":
        owner = _OWNER.search(function)
        name = next((g for g in owner.groups() if g), "") if owner else ""
        top = name.split(".", 1)[0]
        if top in _IMPORT_BUILTINS and ("loads" in name or "_imp" in top or "stat" in name or "open_code" in name):
            return "imports"
        if name == "builtins.exec":  # a module's own code run as it is imported (the profiled script's is tiny)
            return "imports"
        if top.startswith(("PySide6", "shiboken6")):
            return "Qt (C++)"
        if top in {"sqlite3", "_sqlite3"}:
            return "sqlite3"
        return f"builtin {name or function}"
    if "/lib/python3" in path:  # a module of the standard library, or the package it is in (re, json, email)
        return "stdlib " + path.split("/lib/python3", 1)[1].split("/")[1].removesuffix(".py")
    return Path(path).stem or path


def summary(profiled: Path | cProfile.Profile, top: int = 4) -> str:
    """The ``top`` areas of a profile (a file cProfile wrote, or a profiler run in this process) with their shares
    of its own time."""
    source = str(profiled) if isinstance(profiled, Path) else profiled
    stats = pstats.Stats(source).stats  # type: ignore[attr-defined]
    by_area: Counter[str] = Counter()
    for (filename, _line, function), (_cc, _nc, tottime, _ct, _callers) in stats.items():
        by_area[area(filename, function)] += tottime
    total = sum(by_area.values()) or 1.0
    return ", ".join(f"{name} {seconds / total:.0%}" for name, seconds in by_area.most_common(top))


def profile_child(args: list[str], env: dict[str, str] | None = None) -> str:
    """Run ``python <args>`` (``-m module …`` or ``-c script …``) under cProfile; the summary of its profile."""
    with tempfile.TemporaryDirectory(prefix="bench_profile_") as tmp:
        out = Path(tmp) / "profile.out"
        if args[0] == "-c":  # cProfile runs a file, not -c: the script goes into one
            script = Path(tmp) / "script.py"
            script.write_text(args[1], encoding="utf-8")
            args = [str(script), *args[2:]]
        command = [sys.executable, "-m", "cProfile", "-o", str(out), *args]
        done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False)
        if done.returncode != 0 or not out.exists():
            return f"(profile failed: exit {done.returncode})"
        return summary(out)


def profile_own(args: list[str], env: dict[str, str] | None = None) -> str:
    """Run ``python <args> OUT``, a script that profiles only the part it measures (what it imports and opens first
    is not that part: a window has done it before) and writes the profile to its last argument; the summary."""
    with tempfile.TemporaryDirectory(prefix="bench_profile_") as tmp:
        out = Path(tmp) / "profile.out"
        command = [sys.executable, *args, str(out)]
        done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False)
        if done.returncode != 0 or not out.exists():
            return f"(profile failed: exit {done.returncode})"
        return summary(out)
