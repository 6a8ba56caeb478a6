"""Support by phone: the versions (xz --version, 帮助 → 关于), the log file, and the self-test from source."""

from __future__ import annotations

import argparse
import io
import logging
import os
import re
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from xz_desktop import __version__, logs
from xz_desktop.cli import app as cli_app
from xz_desktop.domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from xz_desktop.services.versions import versions
from xz_desktop.ui.app import self_test
from xz_desktop.ui.common import i18n

from .conftest import ROOT


def _format_constant(path: str, name: str) -> int:
    """The constant as written in the module's source (read as text, not through the code under test)."""
    text = (ROOT / "xz_desktop" / path).read_text(encoding="utf-8")
    return int(re.search(rf"^{name} = (\d+)\b", text, re.MULTILINE).group(1))


def test_xz_version_lists_the_program_and_every_format(xz):
    result = xz("--version")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"xz-desktop {__version__}"
    migrations = len(list((ROOT / "db").glob("[0-9][0-9][0-9]_*.sql")))
    assert f"数据库结构版本 / database schema: {migrations}" in lines
    package = _format_constant("services/packages/package_file.py", "FORMAT_VERSION")
    assert f"上报包格式 / package format: {package}" in lines
    catalog = _format_constant("services/catalog_transfer.py", "FORMAT_VERSION")
    assert f"目录文件格式 / catalog file format: {catalog}" in lines
    template = _format_constant("services/excel/template.py", "TEMPLATE_VERSION")
    assert f"填报模板格式 / template format: {template}" in lines
    receipt = _format_constant("services/round/receipt.py", "ROUND_FORMAT")
    assert f"回执格式 / receipt format: {receipt}" in lines


def test_about_shows_the_same_versions_and_the_log(qtbot, unit_db, tmp_path):
    from xz_desktop.ui.main_window import MainWindow

    window = MainWindow(unit_db)
    qtbot.addWidget(window)
    text = window.about_text()
    v = versions()
    assert f"程序版本 {__version__}" in text
    assert f"数据库结构版本 {v.schema}" in text and f"上报包格式版本 {v.package}" in text
    assert f"目录文件格式版本 {v.catalog}" in text and f"填报模板格式版本 {v.template}" in text
    assert f"回执格式版本 {v.receipt}" in text
    assert str(logs.log_path()) in text and str(unit_db) in text


def test_an_unexpected_error_is_logged_with_its_traceback_rotating(tmp_path, monkeypatch):
    monkeypatch.setenv("XZ_DESKTOP_LOG_DIR", str(tmp_path / "日志"))
    try:
        raise ValueError("坏了")
    except ValueError as exc:
        path = logs.log_exception(exc, "测试")
    assert path == tmp_path / "日志" / "xz-desktop.log"
    text = path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "ValueError: 坏了" in text and "in 测试" in text
    for _ in range(30):  # ~60 KB each: the file rotates at 1 MiB instead of growing without end
        logging.getLogger(logs.LOGGER_NAME).error("x" * 60_000)
    assert path.stat().st_size <= 1024 * 1024
    assert (tmp_path / "日志" / "xz-desktop.log.1").is_file()


def test_cli_unexpected_error_is_one_line_naming_the_log(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("XZ_DESKTOP_LOG_DIR", str(tmp_path))

    def broken(args):
        raise RuntimeError("磁盘出错")

    code = cli_app.run(broken, argparse.Namespace(command="totals"))
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "意外错误" in err and str(tmp_path / "xz-desktop.log") in err
    assert "Traceback" not in err
    assert "RuntimeError: 磁盘出错" in (tmp_path / "xz-desktop.log").read_text(encoding="utf-8")


def test_a_refusal_is_not_logged_but_an_unexpected_error_in_the_window_is(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XZ_DESKTOP_LOG_DIR", str(tmp_path))
    refusal = XzError(Message("errors", QT_TRANSLATE_NOOP("errors", "无法完成")))
    assert i18n.error_lines(refusal) == ["无法完成"]
    assert not (tmp_path / "xz-desktop.log").exists()
    try:
        {}["x"]
    except KeyError as exc:
        lines = i18n.error_lines(exc)
    assert "KeyError" in lines[0] and str(tmp_path / "xz-desktop.log") in " ".join(lines)
    assert "Traceback" in (tmp_path / "xz-desktop.log").read_text(encoding="utf-8")


def test_self_test_from_source_passes(qapp, capsys, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a: pytest.fail("no box with a console"))
    assert self_test.run(qapp) == 0
    out = capsys.readouterr().out
    assert "全部通过" in out and "窗口与打印" in out and "PDF" in out


def test_self_test_fails_with_the_step_and_reason(qapp, capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(self_test, "catalog_dir", lambda: tmp_path / "没有目录")
    assert self_test.run(qapp) == 1
    err = capsys.readouterr().err
    assert "失败（资源文件）" in err and "indicators.csv" in err


def test_self_test_output_is_utf8_whatever_the_code_page(monkeypatch):
    # An English Windows writes cp1252 to a pipe: no Chinese. The self-test switches its streams to UTF-8.
    out = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", out)
    self_test.use_utf8_output()
    self_test._say("全部通过")
    out.flush()
    assert out.buffer.getvalue() == "全部通过\n".encode()


def test_self_test_through_a_cp1252_pipe_exits_with_utf8_and_no_box(tmp_path):
    # As on an English Windows with the output to a pipe: printing Chinese raised UnicodeEncodeError, the
    # error opened a modal box offscreen, and the process never exited (the timeout ends it here).
    env = {
        **os.environ,
        "PYTHONIOENCODING": "cp1252",
        "QT_QPA_PLATFORM": "offscreen",
        "XZ_DESKTOP_LOG_DIR": str(tmp_path / "日志"),
    }
    try:
        result = subprocess.run(
            [sys.executable, "-m", "xz_desktop", "--self-test"],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            timeout=180,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the self-test did not exit: an error box is waiting for a click nobody can give")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "xz-desktop --self-test: 全部通过" in result.stdout.decode("utf-8")
