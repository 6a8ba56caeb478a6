"""``xz-desktop --self-test``: prove on this PC that the program and everything it ships work.

It opens a freshly generated demo database (in a temporary folder, with a Chinese file name),
shows every page of the window, prints a unit's form to a PDF, and checks the resources the
frozen bundle must carry: catalog, migrations, our translation, Qt's own translation, a CJK
font for the printed form. Exit 0 when every step passed; 1 with the failing step and its
reason on stderr (and in the log file) otherwise. Nothing is left behind; the user's own
database and settings are not touched.

Its output is UTF-8 whatever the console's code page (an English Windows writes cp1252 to a
pipe or file, which has no Chinese), and a line that cannot be written is dropped, never raised:
an error here would open the window's modal error box, and with nobody to close it the
self-test would never exit. A box is shown only when there is no console at all (the Start menu).
"""

from __future__ import annotations

import contextlib
import io
import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, cast

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication

from ... import logs
from ...domain.periods import Period
from ...paths import catalog_dir, migrations_dir, resources_dir

SELF_TEST_UNIT = "xincheng"  # 新城街道: a town every catalog has
SELF_TEST_PERIOD = Period(2024)  # the demo has figures for 2020–2025


PDF_NAME = "填报表_新城街道.pdf"  # a Chinese file name on purpose: the bundle must write one


class SelfTestFailed(Exception):
    pass


_said: list[str] = []


def _logger() -> logging.Logger:
    with contextlib.suppress(OSError):  # a read-only profile: the result still reaches the screen
        logs.setup_logging()
    return logging.getLogger(logs.LOGGER_NAME)


def use_utf8_output() -> None:
    """Write stdout and stderr as UTF-8, as ``xz`` does, whatever the code page (cp1252 has no Chinese)."""
    for stream in (sys.stdout, sys.stderr):
        # None without a console; a replaced stream (a test's capture) may lack reconfigure or refuse it.
        with contextlib.suppress(AttributeError, ValueError, OSError):
            cast(io.TextIOWrapper, stream).reconfigure(encoding="utf-8", errors="replace")


def _write(stream: TextIO | None, line: str) -> None:
    """``line`` to ``stream``, or nothing: the log has it either way, and a failed write must not stop the test."""
    if stream is None:  # a windowed program on Windows has no console: see _show
        return
    with contextlib.suppress(OSError, ValueError, UnicodeError):  # a closed pipe, a code page without the characters
        print(line, file=stream, flush=True)


def _say(line: str) -> None:
    _logger().info("self-test: %s", line)
    _said.append(line)
    _write(sys.stdout, line)


def _show(ok: bool) -> None:
    """Without a console (xz-desktop.exe started from the Start menu) the result is shown in a box."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    from PySide6.QtWidgets import QMessageBox

    text = (
        "\n".join(_said)
        + "\n\n"
        + QCoreApplication.translate("self_test", "日志文件：{log}").format(log=logs.log_path())
    )
    title = QCoreApplication.translate("self_test", "xz-desktop 自检")
    if ok:
        QMessageBox.information(None, title, text)
    else:
        QMessageBox.critical(None, title, text)


def _check(ok: bool, reason: str) -> None:
    if not ok:
        raise SelfTestFailed(reason)


def _resources() -> str:
    catalog = catalog_dir()
    for name in ("indicators.csv", "units.csv", "rules.csv"):
        _check(
            (catalog / name).is_file(),
            QCoreApplication.translate("self_test", "缺少指标目录文件 {file}").format(file=catalog / name),
        )
    for name in ("assessment.json", "index.json"):  # the plan's schemes (目标与考核, the annual report)
        scheme = resources_dir() / "plan" / name
        _check(
            scheme.is_file(),
            QCoreApplication.translate("self_test", "缺少考核与指数方案文件 {file}").format(file=scheme),
        )
    migrations = sorted(migrations_dir().glob("*.sql"))
    _check(
        bool(migrations),
        QCoreApplication.translate("self_test", "缺少数据库迁移脚本（{folder}）").format(folder=migrations_dir()),
    )
    return QCoreApplication.translate("self_test", "{catalog}；迁移脚本 {n} 个").format(
        catalog=catalog, n=len(migrations)
    )


def _translations() -> str:
    from ..common.translations import translations_dir

    ours = QTranslator()
    _check(
        ours.load("xz_desktop_en", str(translations_dir())),
        QCoreApplication.translate("self_test", "无法加载英文界面翻译（{folder}）").format(folder=translations_dir()),
    )
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator()
    _check(
        qtbase.load("qtbase_zh_CN", qt_folder),
        QCoreApplication.translate("self_test", "无法加载 Qt 自带的中文翻译 qtbase_zh_CN（{folder}）").format(
            folder=qt_folder
        ),
    )
    return "xz_desktop_en, qtbase_zh_CN (" + qt_folder + ")"


def _font() -> str:
    from ...printout.form import CJK_FAMILIES, bundled_fonts, cjk_family

    family = cjk_family()
    _check(
        family in CJK_FAMILIES,
        QCoreApplication.translate("self_test", "找不到中文字体（需要 {families} 之一），打印的填报表会缺字").format(
            families=", ".join(CJK_FAMILIES[:5])
        ),
    )
    where = (
        QCoreApplication.translate("self_test", "随程序附带")
        if family in bundled_fonts()
        else QCoreApplication.translate("self_test", "系统字体")
    )
    return f"{family} ({where})"


def _window_and_print(folder: Path) -> str:
    from ...printout.form import write_pdf
    from ...services.demo import create_demo
    from ...services.form import load_form
    from ...store import open_store
    from ..main_window import MainWindow

    database = create_demo(folder / "示例数据.sqlite")
    # An error the window would show in a (modal) message box is the self-test's answer instead:
    # nobody is there to close the box, and a missing resource must fail the test, not hang it.
    errors: list[BaseException] = []
    original = MainWindow.show_error
    MainWindow.show_error = lambda self, exc, title=None: errors.append(exc)  # type: ignore[method-assign]
    try:
        window = MainWindow(database)
    finally:
        MainWindow.show_error = original  # type: ignore[method-assign]
    if errors:
        window.close()
        raise errors[0]
    try:
        window.show()
        QApplication.processEvents()
        shown = []
        for index in range(window.pages.count()):
            window.pages.setCurrentIndex(index)
            QApplication.processEvents()
            page = window.pages.widget(index)
            _check(
                page is not None and page.isVisible(),
                QCoreApplication.translate("self_test", "页面“{page}”没有显示出来").format(
                    page=window.pages.tabText(index)
                ),
            )
            shown.append(window.pages.tabText(index).replace("&", ""))
        _check(len(shown) >= 2, QCoreApplication.translate("self_test", "窗口只有 {n} 个页面").format(n=len(shown)))
    finally:
        window.close()
        QApplication.processEvents()
    with open_store(database) as store:
        form = load_form(store, SELF_TEST_UNIT, SELF_TEST_PERIOD)
    _check(
        form.summary.filled > 0,
        QCoreApplication.translate("self_test", "示例数据库中 {unit} {period} 没有数据").format(
            unit=SELF_TEST_UNIT, period=SELF_TEST_PERIOD
        ),
    )
    pdf = write_pdf(form, folder / PDF_NAME, "xz-desktop --self-test")
    size = pdf.stat().st_size
    _check(
        pdf.read_bytes()[:5] == b"%PDF-" and size > 10_000,
        QCoreApplication.translate("self_test", "打印的 PDF 不完整（{n} 字节）").format(n=size),
    )
    return QCoreApplication.translate("self_test", "页面 {pages}；PDF {n} 字节").format(pages=", ".join(shown), n=size)


def run(app: QApplication) -> int:
    """Every step in turn; 0 when all passed, 1 at the first failure (its reason on stderr)."""
    from ..common import settings

    folder = Path(tempfile.mkdtemp(prefix="xz-selftest-"))
    settings.use_folder(folder / "settings")  # the recent-files list and window geometry stay the user's
    steps: list[tuple[str, Callable[[], str]]] = [
        (QCoreApplication.translate("self_test", "资源文件"), _resources),
        (QCoreApplication.translate("self_test", "翻译"), _translations),
        (QCoreApplication.translate("self_test", "字体"), _font),
        (QCoreApplication.translate("self_test", "窗口与打印"), lambda: _window_and_print(folder)),
    ]
    try:
        for name, step in steps:
            try:
                detail = step()
            except SelfTestFailed as exc:
                return _failed(name, str(exc))
            except Exception as exc:  # any failure is the answer the self-test exists to give
                path = logs.log_exception(exc, f"self-test step {name}")
                return _failed(
                    name,
                    QCoreApplication.translate("self_test", "{error}（详情见日志 {log}）").format(
                        error=f"{type(exc).__name__}: {exc}", log=path
                    ),
                )
            _say(QCoreApplication.translate("self_test", "通过 {step}：{detail}").format(step=name, detail=detail))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    _say("xz-desktop --self-test: " + QCoreApplication.translate("self_test", "全部通过"))
    _show(True)
    return 0


def _failed(step: str, reason: str) -> int:
    line = "xz-desktop --self-test: " + QCoreApplication.translate("self_test", "失败（{step}）：{reason}").format(
        step=step, reason=reason
    )
    _logger().error("self-test: %s", line)
    _said.append(line)
    _write(sys.stderr, line)
    _show(False)
    return 1
