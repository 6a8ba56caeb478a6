"""Regression tests for each break the attacker's test of issue 11 found: refused with a reason, nothing changed."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import threading
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from xz_desktop.domain.messages import XzError
from xz_desktop.services.boundary import user_error
from xz_desktop.services.excel.csv_file import export_csv
from xz_desktop.services.excel.export import export_workbook
from xz_desktop.services.excel.style import inert, inert_row
from xz_desktop.services.excel.template import write_template
from xz_desktop.services.files import clean_leftovers
from xz_desktop.services.imports import import_file
from xz_desktop.services.packages.merge import MERGED, REFUSED, merge_files
from xz_desktop.store import open_store

from .db_dump import dump
from .test_package_support import GOOD_ROWS, craft, district, resign, tamper, town, unit_key

FORMULA = "=cmd|' /C calc'!A0"


def _merge(district_path, *packages):
    with open_store(district_path) as store:
        return merge_files(store, list(packages)).results


# -- formula injection: every text field of every export ------------------------------------------------
def test_formula_text_in_every_field_never_becomes_a_formula(tmp_path):
    d = district(tmp_path)
    rows = [(k, p, v, 1, 0, FORMULA if k == "phd" else "") for k, p, v in GOOD_ROWS]
    package = craft(tmp_path / "f.xzpkg", rows)
    assert _merge(d, package)[0].status == MERGED
    with open_store(d) as store:  # the district's own hand edit carries the formula in its author field
        store.values.write_one("xincheng", "master", "2023", 501.0, FORMULA, author="+SUM(1,2)")
        export_workbook(store, tmp_path / "out.xlsx", "2023")
        export_csv(store, tmp_path / "out.csv")
    wb = load_workbook(tmp_path / "out.xlsx")
    formulas = [
        (ws.title, c.coordinate) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]
    assert formulas == []
    texts = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert FORMULA in texts and "+SUM(1,2)" in texts  # shown as typed, as text
    csv_text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    fields = [f for line in csv_text.splitlines() for f in line.split(",")]
    assert not any(f.startswith(("=", "+", "@")) for f in fields)
    assert "'=cmd|' /C calc'!A0" in csv_text and "'+SUM(1" in csv_text


def test_changed_at_garbage_or_year_9999_is_refused(tmp_path):
    d = district(tmp_path)
    for stamp in ("9999-01-01T00:00:00.000Z", "=cmd|' /C calc'!A0", "2024-13-45T99:00:00Z"):
        from xz_desktop.services.packages.package_file import Manifest, PackageRow, new_package_id, write_package
        from xz_desktop.services.signing import crypto

        from .test_package_support import unit_key

        kid, private = unit_key("xincheng")
        rows = [PackageRow("xincheng", k, p, v, "", 1, 0, stamp, "张三") for k, p, v in GOOD_ROWS]
        m = Manifest(
            new_package_id(),
            "xincheng",
            ("2023",),
            "",
            2,
            "t",
            "2024-01-10T08:00:00.000Z",
            "张三",
            "x",
            len(rows),
            key_id=kid,
        )
        path = tmp_path / "t.xzpkg"
        path.unlink(missing_ok=True)
        write_package(path, m, rows, sign=lambda b, key=private: crypto.sign(key, b))
        before = dump(d)
        [r] = _merge(d, path)
        assert r.status == REFUSED and "修改时间" in r.reason, r.reason
        assert dump(d) == before
    [r] = _merge(d, craft(tmp_path / "future.xzpkg", GOOD_ROWS, exported_at="9999-12-31T00:00:00.000Z"))
    assert r.status == REFUSED and "导出时间" in r.reason


# -- values -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "indicator, value, words",
    [
        ("talent_total", 1e308, "超出可能的范围"),
        ("phd", 9.2e18, "超出可能的范围"),
        ("academician_workstation", 2.5, "应为整数"),
    ],
)
def test_oversized_and_fractional_counts_are_refused(tmp_path, indicator, value, words):
    d = district(tmp_path)
    rows = [(k, p, value if k == indicator else v) for k, p, v in GOOD_ROWS]
    before = dump(d)
    [r] = _merge(d, craft(tmp_path / "v.xzpkg", rows))
    assert r.status == REFUSED and words in " ".join([r.reason, *r.details])
    assert dump(d) == before


def test_totals_json_never_prints_a_non_number(tmp_path, xz):
    d = district(tmp_path)
    assert _merge(d, craft(tmp_path / "a.xzpkg", GOOD_ROWS))[0].status == MERGED
    out = xz("totals", d, "--period", "2023", "--json")
    assert out.returncode == 0 and "Infinity" not in out.stdout and "NaN" not in out.stdout
    json.loads(out.stdout, parse_constant=lambda name: pytest.fail(name))


def test_manifest_schema_version_huge_is_refused_and_the_batch_goes_on(tmp_path):
    d = district(tmp_path)
    bad = craft(tmp_path / "a_huge.xzpkg", GOOD_ROWS)
    tamper(bad, "UPDATE manifest SET value = ? WHERE key = 'schema_version'", str(10**30))
    resign(bad, unit_key("xincheng")[1])
    good = craft(tmp_path / "b_good.xzpkg", GOOD_ROWS)
    results = _merge(d, bad, good)
    assert [r.status for r in results] == [REFUSED, MERGED]
    assert "schema_version" in results[0].reason


def test_a_period_listed_without_figures_is_refused(tmp_path):
    d = district(tmp_path)
    before = dump(d)
    [r] = _merge(d, craft(tmp_path / "nil.xzpkg", GOOD_ROWS, periods=("2023", "2024")))
    assert r.status == REFUSED and "2024" in r.reason and "没有这些报告期的任何数值" in r.reason
    assert dump(d) == before


# -- the error boundary --------------------------------------------------------------------------------
def test_a_full_disk_refuses_one_package_and_the_batch_goes_on(tmp_path, monkeypatch):
    from xz_desktop.services.packages import merge as merge_module

    d = district(tmp_path)
    first = craft(tmp_path / "a.xzpkg", GOOD_ROWS)
    second = craft(tmp_path / "b.xzpkg", [("phd", "2023", 51.0, 2)])
    real = merge_module.merge_package
    calls = []

    def disk_full_once(store, package, **kw):
        calls.append(package.path.name)
        if len(calls) == 1:  # SQLite's own error when the disk fills in the middle of a package
            with store.transaction():
                raise sqlite3.OperationalError("database or disk is full")
        return real(store, package, **kw)

    monkeypatch.setattr(merge_module, "merge_package", disk_full_once)
    before = dump(d)
    with open_store(d) as store:
        results = merge_files(store, [first, tmp_path / "missing.xzpkg", second]).results
    assert [r.status for r in results] == [REFUSED, REFUSED, MERGED]
    # said of the package, not of the database (the third one goes in): issue 24
    assert "磁盘已满" in results[0].reason and "一条也没有写入" in results[0].reason and "找不到" in results[1].reason
    assert dump(d)["value"] != before["value"]  # the third package did go in


def test_sqlite_and_os_errors_become_chinese_messages_and_unexpected_ones_are_logged(tmp_path, monkeypatch):
    import errno

    monkeypatch.setenv("XZ_DESKTOP_LOG_DIR", str(tmp_path / "logs"))
    assert "磁盘已满" in str(user_error(sqlite3.OperationalError("database or disk is full")))
    assert "正被另一个程序使用" in str(user_error(sqlite3.OperationalError("database is locked")))
    assert "已损坏" in str(user_error(sqlite3.DatabaseError("database disk image is malformed")))
    assert "只读" in str(user_error(sqlite3.OperationalError("attempt to write a readonly database")))
    assert "磁盘空间不足" in str(user_error(OSError(errno.ENOSPC, "No space left", "x.xlsx")))
    assert "只读的介质" in str(user_error(OSError(errno.EROFS, "Read-only file system", "x.xlsx")))
    assert "没有权限" in str(user_error(PermissionError(errno.EACCES, "denied", "x.xlsx")))
    assert "正被其他程序使用" in str(user_error(OSError(errno.EBUSY, "busy", "x.xlsx")))
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        message = str(user_error(exc))
    log = tmp_path / "logs" / "xz-desktop.log"
    assert "意外错误" in message and str(log) in message and "Traceback" not in message
    assert "Traceback" in log.read_text(encoding="utf-8") and "ZeroDivisionError: boom" in log.read_text(
        encoding="utf-8"
    )


def test_cli_boundary_turns_any_failure_into_one_line(tmp_path, monkeypatch, capsys):
    from argparse import Namespace

    from xz_desktop.cli.app import run

    monkeypatch.setenv("XZ_DESKTOP_LOG_DIR", str(tmp_path / "logs"))

    def full(args):
        raise sqlite3.OperationalError("database or disk is full")

    def bug(args):
        raise KeyError("surprise")

    assert run(full, Namespace(db=tmp_path / "x.sqlite", command="set")) == 1
    err = capsys.readouterr().err
    assert "磁盘已满" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert run(bug, Namespace(command="merge")) == 1
    err = capsys.readouterr().err
    assert "意外错误" in err and "xz-desktop.log" in err and "Traceback" not in err


def test_the_one_writer_makes_every_formula_like_text_inert():
    from openpyxl import Workbook

    ws = Workbook(write_only=True).create_sheet()
    for text in (FORMULA, "+1+1", "-1+A1", "@SUM(A1)", "\t=1", "  =1"):
        assert inert(text).startswith("'")
        assert getattr(inert(text, ws), "data_type", "s") == "s" and not isinstance(inert(text, ws), str)
    assert inert_row(["-5", 3.0, None, "新城街道"]) == ["-5", 3.0, "", "新城街道"]
    assert inert(float("inf"), ws) is None and inert("", ws) is None


def test_the_raw_sheets_cache_of_repeated_texts_writes_what_inert_writes():
    from openpyxl import Workbook
    from openpyxl.cell import Cell

    from xz_desktop.services.excel.style import InertTexts

    ws = Workbook(write_only=True).create_sheet()
    texts = InertTexts(ws, limit=2)
    for _ in range(2):  # the second round is answered from what the first kept
        assert texts("新城街道") == "新城街道"
        assert texts("") is None and texts(None) is None
        assert texts("含\x01控制符") == "含控制符"
        assert texts("-5") == "-5"  # a figure, not a formula
        first, second = texts(FORMULA), texts(FORMULA)
        assert isinstance(first, Cell) and first.data_type == "s" and first.value == FORMULA
        assert first is not second  # a cell of its own for each row, never one shared
        assert texts(7) == 7 and texts(float("nan")) is None  # not text: inert's answer each time
    assert len(texts._known) <= 2  # at most ``limit`` texts kept
    times = InertTexts(ws, lambda stamp: f"<{stamp}>")
    assert times("a") == "<a>" and times("a") == "<a>" and times(None) == "<None>"


# -- read-only commands, locks, busy timeout ---------------------------------------------------------------
def test_totals_on_an_empty_file_refuses_and_leaves_it_empty(tmp_path, xz):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    result = xz("totals", empty, "--period", "2023")
    assert result.returncode == 1 and "不是有效的数据库文件" in result.stderr
    assert empty.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite"]


def test_read_only_commands_do_not_change_an_older_database(tmp_path, xz):
    import shutil

    old = tmp_path / "v1.sqlite"
    shutil.copy(Path(__file__).parent / "fixtures" / "v1_unit_xincheng.sqlite", old)
    before = old.read_bytes()
    for args in (("form", old, "--period", "2023"), ("check", old)):
        assert "Traceback" not in xz(*args).stderr
    assert old.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["v1.sqlite"]


def test_cli_honours_the_windows_lock(tmp_path, xz):
    with town(tmp_path) as unit:
        path = unit.path
    # The lock QLockFile writes: pid, application, host. This test's process is alive: the lock is held.
    import socket

    (path.parent / (path.name + ".lock")).write_text(f"{os.getpid()}\nxz-desktop\n{socket.gethostname()}\n")
    before = dump(path)
    refused = xz("set", path, "phd", "51", "--period", "2023")
    assert refused.returncode == 1 and socket.gethostname() in refused.stderr and str(os.getpid()) in refused.stderr
    assert dump(path) == before
    assert xz("form", path, "--period", "2023").returncode == 0  # reading still works
    # a stale lock (its process is gone) does not stand in the way
    (path.parent / (path.name + ".lock")).write_text(f"999999999\nxz-desktop\n{socket.gethostname()}\n")
    assert xz("set", path, "phd", "51", "--period", "2023").returncode == 0


def test_read_only_medium_is_named(tmp_path, monkeypatch):
    with town(tmp_path) as unit:
        path = unit.path
    monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK)
    with pytest.raises(XzError, match="只读"):
        open_store(path)
    with open_store(path, read_only=True) as store:  # reading still works, on a read-only medium too
        assert store.values.get("xincheng", "phd", "2023") is not None


def test_the_busy_timeout_is_really_waited(tmp_path):
    with town(tmp_path) as unit:
        path = unit.path
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    released = threading.Event()

    def release() -> None:
        time.sleep(1.5)
        holder.execute("COMMIT")
        released.set()

    threading.Thread(target=release).start()
    with open_store(path) as store:  # a read first, then the write: it must wait, not give up
        store.values.get("xincheng", "phd", "2023")
        store.values.write_one("xincheng", "phd", "2023", 52.0, None, author="张三")
        assert released.is_set()
        assert store.values.get("xincheng", "phd", "2023").value == 52.0
    holder.close()


def test_leftover_part_files_are_cleaned_at_the_next_export(tmp_path):
    ours = tmp_path / ".~报表.abc123xy.part"
    ours_tmp = tmp_path / ".p.xzpkg.0123abcd.tmp"
    fresh = tmp_path / ".~报表.zzzzzzzz.part"
    other = tmp_path / "notes.part"
    for f in (ours, ours_tmp, fresh, other):
        f.write_bytes(b"x")
    old = time.time() - 7200
    for f in (ours, ours_tmp, other):
        os.utime(f, (old, old))
    d = district(tmp_path)
    with open_store(d) as store:
        export_csv(store, tmp_path / "out.csv")
    assert not ours.exists() and not ours_tmp.exists()
    assert fresh.exists() and other.exists()  # a running export's file, and a file that is not ours
    assert clean_leftovers(tmp_path / "nowhere") == []


# -- files ---------------------------------------------------------------------------------------------------
def _csv(tmp_path, text: bytes, name="in.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text)
    return path


def test_shift_jis_csv_is_refused_not_stored_as_mojibake(tmp_path):
    with town(tmp_path, values={}) as unit:
        body = "unit,indicator,period,value,explanation\nxincheng,phd,2023,50,説明：新設企業の研究開発センター\n"
        before = dump(unit.path)
        with pytest.raises(XzError, match="文字编码"):
            import_file(unit, _csv(tmp_path, body.encode("shift_jis")))
        assert dump(unit.path) == before
        gbk = "unit,indicator,period,value,explanation\nxincheng,phd,2023,50,新设企业研发中心\n".encode("gbk")
        assert import_file(unit, _csv(tmp_path, gbk, "gbk.csv")).written == 1


@pytest.mark.parametrize(
    "header, words",
    [("unit,indicator,period,value,value", "重复的列"), ("unit,indicator,period,value,remark", "无法识别的列")],
)
def test_duplicate_or_unknown_csv_header_is_refused(tmp_path, header, words):
    with town(tmp_path, values={}) as unit, pytest.raises(XzError, match=words):
        import_file(unit, _csv(tmp_path, f"{header}\nxincheng,phd,2023,50,60\n".encode()))


def test_csv_numbers_are_read_strictly(tmp_path):
    with town(tmp_path, values={}) as unit:
        body = 'unit,indicator,period,value\nxincheng,phd,2023,"3,5"\nxincheng,master,2023,50%\n'
        with pytest.raises(XzError) as info:
            import_file(unit, _csv(tmp_path, body.encode()))
        text = " ".join(info.value.lines())
        assert "3,5" in text and "千位分隔符" in text and "百分号" in text


def _template(tmp_path, unit) -> Path:
    path = tmp_path / "form.xlsx"
    write_template(unit, "xincheng", "2023", path)
    return path


def _rewrite_sheet(path: Path, edit) -> Path:
    """Rewrite the form sheet's XML of an .xlsx with ``edit(xml) -> xml``."""
    out = path.with_name("edited.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            dst.writestr(item, data)
    return out


def test_a_stray_cell_at_xfd1048576_is_refused_before_the_native_reader(tmp_path, xz):
    with town(tmp_path, values={}) as unit:
        template = _template(tmp_path, unit)
        path = unit.path
    stray = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    bad = _rewrite_sheet(template, lambda xml: xml.replace("</sheetData>", stray))
    before = dump(path)
    result = xz("import", path, bad, "--dry-run")  # in a subprocess: a native crash would show as a signal
    assert result.returncode == 1 and "XFD1048576" in result.stderr and "Traceback" not in result.stderr
    assert dump(path) == before


def test_a_formula_cell_without_its_value_is_refused_with_its_reference(tmp_path):
    with town(tmp_path, values={}) as unit:
        template = _template(tmp_path, unit)
        wb = load_workbook(template)
        ws = wb.worksheets[0]
        from xz_desktop.services.excel.template import COL_VALUE, FIRST_ROW

        ws[f"{COL_VALUE}{FIRST_ROW}"] = "=1+1"  # openpyxl saves the formula with no cached value
        buf = io.BytesIO()
        wb.save(buf)
        bad = tmp_path / "formula.xlsx"
        bad.write_bytes(buf.getvalue())
        with pytest.raises(XzError, match=f"{COL_VALUE}{FIRST_ROW}.*公式"):
            import_file(unit, bad)


def test_one_limit_per_kind_of_text_refuses_never_truncates(tmp_path):
    from xz_desktop.domain.limits import MAX_AUTHOR, MAX_EXPLANATION
    from xz_desktop.ui.form import delegate

    assert delegate.MAX_TEXT == MAX_EXPLANATION  # the form's editor holds as much as import and packages allow
    long_text = "说" * 1500  # the 说明 the old 500-character editor cut silently
    with town(tmp_path) as unit:
        unit.values.write_one("xincheng", "phd", "2023", None, long_text, author="张三")
        assert unit.values.get("xincheng", "phd", "2023").explanation == long_text
        before = dump(unit.path)
        with pytest.raises(XzError, match=str(MAX_EXPLANATION)):
            unit.values.write_one("xincheng", "phd", "2023", None, "说" * (MAX_EXPLANATION + 1), author="张三")
        with pytest.raises(XzError, match=str(MAX_AUTHOR)):
            unit.values.write_one("xincheng", "phd", "2023", 1.0, None, author="张" * (MAX_AUTHOR + 1))
        assert dump(unit.path) == before
