"""Regression tests for the third hostile round (issue 24): nothing hangs, no false word, nothing beyond the limits."""

from __future__ import annotations

import argparse
import errno
import gc
import io
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from xz_desktop.domain.messages import XzError
from xz_desktop.domain.periods import Period
from xz_desktop.services.packages import merge as merge_module
from xz_desktop.services.packages.merge import MERGED, merge_files
from xz_desktop.store import create_store, open_store

from .conftest import run_xz
from .db_dump import dump
from .test_package_support import GOOD_ROWS, craft, district

# A hang is a failure, not a wait: every real ``xz`` here gets this long (generous on a busy machine).
HANG_SECONDS = 60


def _xz(*args: str | Path) -> subprocess.CompletedProcess:
    return run_xz(*args, timeout=HANG_SECONDS)


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
    assert out.startswith(f"用法 / usage: xz {command}") and len(out.splitlines()) > 3
    assert any("\u4e00" <= ch <= "\u9fff" for ch in out), command  # Chinese
    assert " / " in out and any(word.isascii() and word.isalpha() and len(word) > 3 for word in out.split())


def test_the_help_of_threshold_runs_for_real():
    result = _xz("threshold", "--help")
    assert result.returncode == 0 and "30%" in result.stdout and result.stderr == ""


# -- 1: a merge's result is said from what was committed ------------------------------------------------------
DISK_FULL = "database or disk is full"  # SQLite's own words


class _FullAfterCommit:
    """The database connection, whose checkpoint (copying the committed WAL into the file) finds the disk full."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.checkpoints = 0

    def execute(self, sql: str, *args):
        if "wal_checkpoint" in sql:
            self.checkpoints += 1
            raise sqlite3.OperationalError(DISK_FULL)
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


def test_a_full_disk_after_the_commit_never_says_nothing_changed(tmp_path):
    d = district(tmp_path)
    a = craft(tmp_path / "a.xzpkg", GOOD_ROWS)
    b = craft(tmp_path / "b.xzpkg", [("phd", "2024", 51.0)], periods=("2024",))
    with open_store(d) as store:
        full = _FullAfterCommit(store.conn)
        store.conn = full  # type: ignore[assignment]
        # before the fix: sqlite3.OperationalError out of merge_files ("磁盘已满…保持原样" in the CLI)
        results = merge_files(store, [a, b]).results
        store.conn = full._conn
    assert full.checkpoints == 1
    assert [r.status for r in results] == [MERGED, MERGED]
    with open_store(d) as store:  # both are in: what the report says
        assert store.values.get("xincheng", "phd", "2024").value == 51.0
        assert len(store.log.entries()) == 2


def _disk_full_on(name: str, monkeypatch) -> None:
    """The merge of package ``name`` finds the disk full in the middle of its writes (its savepoint rolls back)."""
    real = merge_module.merge_package

    def merge_package(store, package, **kw):
        if package.path.name == name:
            with store.transaction():
                raise sqlite3.OperationalError(DISK_FULL)
        return real(store, package, **kw)

    monkeypatch.setattr(merge_module, "merge_package", merge_package)
    monkeypatch.setattr(merge_module, "PACKAGES_PER_COMMIT", 1)  # a is committed before b is begun


def test_a_full_disk_on_the_second_package_names_that_package_only(tmp_path, monkeypatch, capsys):
    from xz_desktop.cli.app import main

    d = district(tmp_path)
    a = craft(tmp_path / "a.xzpkg", GOOD_ROWS)
    b = craft(tmp_path / "b.xzpkg", [("phd", "2024", 51.0)], periods=("2024",))
    _disk_full_on("b.xzpkg", monkeypatch)
    assert main(["merge", str(d), str(a), str(b)]) == 1
    out, err = capsys.readouterr()
    lines = {line.split()[0]: line for line in out.splitlines() if line.split()[0:1] in (["a.xzpkg"], ["b.xzpkg"])}
    assert "已合并" in lines["a.xzpkg"]
    assert "b.xzpkg 未能写入（磁盘已满）：它的数据一条也没有写入" in lines["b.xzpkg"]
    assert (
        "保持原样" not in out + err
    )  # before the fix: "磁盘已满，未能写入；数据库 … 保持原样" of a database a went into
    assert err == (
        "xz: 错误：1 个上报包未能合并，数据库中与它们有关的内容未作任何修改；其余 1 个已合并，数据库保持它们合并后的状态\n"
    )
    with open_store(d) as store:  # a is in, b is not: as said
        assert store.values.get("xincheng", "phd", "2023").value == 50.0  # GOOD_ROWS' phd
        assert store.values.get("xincheng", "phd", "2024") is None


# -- 3: a full disk during an export: the one-line message and nothing after it ----------------------------------
class _FullDisk:
    """A temporary file on a disk with ``room`` bytes left: every write past it fails, as the real one does."""

    def __init__(self, fh, room: int) -> None:
        self._fh, self._room = fh, room

    def write(self, data) -> int:
        if len(data) > self._room:
            self._room = -1  # full: nothing more fits, however small
            raise OSError(errno.ENOSPC, "No space left on device")
        self._room -= len(data)
        return self._fh.write(data)

    def flush(self) -> None:
        if self._room < 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        self._fh.flush()

    def __getattr__(self, name: str):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._fh.close()


def _disk_full_for_part_files(monkeypatch, room: int) -> None:
    real = io.open

    def opening(file, mode="r", *args, **kw):
        fh = real(file, mode, *args, **kw)
        return _FullDisk(fh, room) if "w" in mode and str(file).endswith(".part") else fh

    monkeypatch.setattr(io, "open", opening)


@pytest.mark.parametrize("what", ["workbook", "template"])
def test_a_full_disk_during_an_export_leaves_no_traceback(tmp_path, monkeypatch, what):
    from xz_desktop.services.excel.export import export_workbook
    from xz_desktop.services.excel.template import write_template

    d = district(tmp_path)
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)  # "Exception ignored in: …" goes here
    _disk_full_for_part_files(monkeypatch, room=4096)
    out = tmp_path / "out.xlsx"
    with open_store(d) as store, pytest.raises(XzError) as refused:
        if what == "workbook":
            export_workbook(store, out, "2023")
        else:
            write_template(store, "xincheng", "2023", out)
    reason = refused.value.lines()[0]
    del refused  # its traceback holds the abandoned zip writer
    gc.collect()  # which is collected: before the fix its __del__ failed again, printed after the message
    assert "磁盘空间不足" in reason
    assert unraisable == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["district.sqlite"]  # nor any temporary file


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"), reason="a tmpfs of its own needs root")
def test_a_full_disk_during_an_export_for_real(tmp_path):
    """On a real full disk (a 16 KB tmpfs mounted in a mount namespace of the command's own)."""
    d = district(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    script = (
        f'mount -t tmpfs -o size=16k tmpfs "{out}" || exit 77; '
        f'"{sys.executable}" -m xz_desktop.cli export "{d}" --period 2023 -o "{out}/a.xlsx"; '
        f'echo "rc=$?" >&2; ls -A "{out}" >&2'
    )
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, encoding="utf-8", timeout=HANG_SECONDS
    )
    if result.returncode == 77:
        pytest.skip("no tmpfs could be mounted here")
    assert result.stderr == "xz: 错误：磁盘空间不足，未能写完 " + f"{out}/a.xlsx；原有文件保持不变\nrc=1\n"


# -- 6: the temporary file of a killed export is removed by the next write into its folder ---------------------
def test_a_killed_exports_part_file_goes_at_the_next_export(tmp_path):
    from xz_desktop.services.excel.csv_file import export_csv

    ended = subprocess.Popen([sys.executable, "-c", "pass"])  # a process that has ended: a killed export
    ended.wait()
    running = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        killed = tmp_path / f".~out.p{ended.pid}.k7Qx_2ab.part"  # fresh: the kill was a moment ago
        killed_tmp = tmp_path / f".p.xzpkg.p{ended.pid}.0123abcd.tmp"
        busy = tmp_path / f".~out.p{running.pid}.a1b2c3d4.part"  # another export, still writing
        for f in (killed, killed_tmp, busy):
            f.write_bytes(b"PK\x03\x04 half a workbook")
        d = district(tmp_path)
        with open_store(d) as store:
            export_csv(store, tmp_path / "out.csv")
        # before the fix: the killed export's file stayed an hour (only older ones were removed)
        assert not killed.exists() and not killed_tmp.exists()
        assert busy.exists()
        assert sorted(p.name for p in tmp_path.iterdir() if p.name != busy.name) == ["district.sqlite", "out.csv"]
    finally:
        running.communicate(b"")


def test_the_temporary_files_name_their_writer(tmp_path):
    """What the rule above reads: the writing process in the name of each kind of temporary file."""
    from xz_desktop.services.files import replacing, temporary_beside

    with replacing(tmp_path / "out.xlsx") as tmp:
        assert tmp.name.startswith(f".~out.p{os.getpid()}.") and tmp.name.endswith(".part")
        tmp.write_bytes(b"x")
    assert temporary_beside(tmp_path / "a.xzpkg").name.startswith(f".a.xzpkg.p{os.getpid()}.")


# -- 10: figures the checks call errors are not stored ------------------------------------------------------------
def test_a_district_edit_adding_a_numerator_without_its_denominator_is_refused(tmp_path, xz, district_db):
    before = dump(district_db)
    r = xz("set", district_db, "rd_personnel", "170", "--unit", "youchegang", "--period", "2023")
    assert r.returncode == 1, r.stdout  # before the fix: 已保存, and the form then said 错误
    assert r.stderr.startswith("xz: 错误：区级修改未保存：填了R&D人员，缺少") and "从业人员数" in r.stderr
    assert dump(district_db) == before  # nothing written, no audit row
    # The denominator first, then the numerator: both kept, and the form shows no error.
    assert xz("set", district_db, "employed", "52000", "--unit", "youchegang", "--period", "2023").returncode == 0
    assert xz("set", district_db, "rd_personnel", "170", "--unit", "youchegang", "--period", "2023").returncode == 0
    form = xz("form", district_db, "--unit", "youchegang", "--period", "2023").stdout
    assert "错误：" not in form


@pytest.mark.parametrize("value", ["1e308", "1e13", "100000001"])
def test_a_units_own_copy_stores_no_figure_beyond_the_ceiling(xz, unit_db, value):
    before = dump(unit_db)
    # phd is a count (人): its ceiling is 100,000,000; talent_total too; a figure in 万元 would have 1e12.
    r = xz("set", unit_db, "phd", value, "--period", "2023")
    assert r.returncode == 1, r.stdout  # before the fix: 已保存 (a 309-digit figure in every table)
    assert "超出可能的范围（绝对值不超过 100,000,000）" in r.stderr and "Traceback" not in r.stderr
    assert dump(unit_db) == before


def test_the_ceiling_holds_on_every_way_in(tmp_path, unit_db):
    """The form's service, the write path under imports and corrections, and the merge's derived figures."""
    from xz_desktop.services.form import set_value
    from xz_desktop.store.values import StoredValue, ValueChange

    with open_store(unit_db) as store:
        with pytest.raises(XzError, match="超出可能的范围"):
            set_value(store, "xincheng", "phd", Period(2023), 1e308)
        with pytest.raises(XzError, match="超出可能的范围"):
            store.values.write(
                [ValueChange("xincheng", "master", "2023", 5.0), ValueChange("xincheng", "phd", "2023", 2e8)]
            )
        assert store.values.get("xincheng", "master", "2023") is None  # the whole batch refused
    d = district(tmp_path)
    with open_store(d) as store, store.merge_guard(), pytest.raises(XzError, match="超出可能的范围"):
        store.values.write_merged(
            [StoredValue("xincheng", "phd", "2023", 1e308, "", 1, "2024-01-09T10:00:00.000Z", "张三", "pkg")]
        )


# -- 11: one row of a period outside the program's years does not keep the window shut ---------------------------
def _with_a_figure_of_2005(path: Path) -> None:
    """A figure of 2005 written by another program (the schema takes any four-digit year), beside one of 2023."""
    conn = sqlite3.connect(path)
    with conn:
        for period, value in (("2005", 5.0), ("2023", 50.0)):
            conn.execute(
                "INSERT INTO value (unit, indicator, period, value, changed_at, changed_by)"
                " VALUES ('xincheng', 'phd', ?, ?, '2024-01-01T00:00:00.000Z', '别的程序')",
                (period, value),
            )
    conn.close()


@pytest.mark.parametrize("role", ["district", "unit"])
def test_a_period_outside_the_years_does_not_keep_the_window_shut(qtbot, tmp_path, monkeypatch, role):
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from xz_desktop.ui import main, main_window
    from xz_desktop.ui.common import i18n
    from xz_desktop.ui.main_window import MainWindow

    errors: list[str] = []

    def seen(parent, exc, title=None) -> None:  # instead of a modal box (which would wait for a click)
        errors.append(i18n.error_lines(exc)[0])

    monkeypatch.setattr(i18n, "show_error", seen)
    monkeypatch.setattr(main_window, "show_error", seen)
    path = tmp_path / "db.sqlite"
    create_store(path, role, None if role == "district" else "xincheng", author="张三").close()
    _with_a_figure_of_2005(path)
    window = main.start(["--db", str(path)])
    assert isinstance(window, MainWindow), errors  # before the fix: 1, "报告期“2005”不在规划年份 2015–2030 之内"
    qtbot.addWidget(window)
    try:
        for index in range(window.pages.count()):  # every page shows the rest
            window.pages.setCurrentIndex(index)
            assert QThreadPool.globalInstance().waitForDone(60_000)  # the page's work on a worker is done
            QApplication.processEvents()  # and its result (or its failure) delivered
        assert errors == []
        assert window.store.values.periods() == ["2023"]  # the 2005 row is left out of every list
        assert window.store.values.unknown_periods() == ["2005"]
    finally:
        window.close()
    with open_store(path) as store:  # and left in the file as it was
        assert store.values.unknown_periods() == ["2005"]


def test_xz_check_names_a_period_outside_the_years_and_checks_the_rest(tmp_path):
    path = tmp_path / "db.sqlite"
    create_store(path, "district", None, author="张三").close()
    _with_a_figure_of_2005(path)
    result = _xz("check", path)
    # before: it stopped at once with "报告期“2005”不在规划年份 2015–2030 之内" and checked nothing else
    assert result.returncode == 1
    assert "报告期“2005”" in result.stdout and "Traceback" not in result.stderr
    assert "共 0 个错误" in result.stdout  # the 2023 figure was checked (博士 50: no finding)
