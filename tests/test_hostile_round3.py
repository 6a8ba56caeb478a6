"""Regression tests for the third hostile round (issue 24): nothing hangs, no false word, nothing beyond the limits."""

from __future__ import annotations

import argparse
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


# -- 8: every command's --help, in both languages ---------------------------------------------------------------
def _commands() -> list[str]:
    from xz_desktop.cli.app import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


def test_every_command_is_listed():
    assert len(_commands()) >= 41 and "threshold" in _commands()


@pytest.mark.parametrize("language", ["zh_CN.UTF-8", "C.UTF-8"])
@pytest.mark.parametrize("command", _commands())
def test_every_commands_help_prints_in_both_languages(command, language, monkeypatch, capsys):
    """Each command's help carries its Chinese and its English text, whatever the user's locale says."""
    from xz_desktop.cli.app import main

    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.setenv(name, language)
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])  # before the fix: threshold raised ValueError (a bare % in --yoy's help)
    out, err = capsys.readouterr()
    assert done.value.code == 0 and err == ""
    assert out.startswith(f"usage: xz {command}") and len(out.splitlines()) > 3
    assert any("\u4e00" <= ch <= "\u9fff" for ch in out), command  # Chinese
    assert " / " in out and any(word.isascii() and word.isalpha() and len(word) > 3 for word in out.split())


def test_the_help_of_threshold_runs_for_real():
    result = _xz("threshold", "--help")
    assert result.returncode == 0 and "30%" in result.stdout and result.stderr == ""
