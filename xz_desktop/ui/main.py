"""``xz-desktop``: parse the command line, set up Qt and the language, open (or create) a database.

``xz-desktop``            the default database in the user's data folder; on the very first
                          run a dialog asks whose copy this is and creates it
``xz-desktop --db PATH``  another database (a missing one can be created)
``xz-desktop --demo``     a freshly generated demo district database (示例数据) in a temp folder
``--lang zh|en``          the interface language (else the saved choice, else the system's)
``xz-desktop --self-test`` open a demo database, show every page, print a form to a PDF, exit
                          (0 passed; 1 with the reason on stderr): ui/app/self_test.py

An exception nobody caught (a bug) is written to the log file with its traceback (xz_desktop/logs.py)
and the clerk sees a short message naming that file.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, cast

from ..paths import default_database_path

if TYPE_CHECKING:  # Qt is loaded only once the window starts
    from PySide6.QtWidgets import QApplication


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest (Qt's own, such as ``-platform``), left for QApplication."""
    parser = argparse.ArgumentParser(
        prog="xz-desktop", description="秀洲区人才发展规划指标填报 / Xiuzhou talent plan reporting"
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, help="打开指定数据库 / open this database")
    where.add_argument("--demo", action="store_true", help="打开新生成的示例数据库 / open a fresh demo database")
    where.add_argument(
        "--self-test",
        action="store_true",
        help="自检：打开示例数据库、显示每个页面、打印填报表为 PDF 后退出 / check the program works, then exit",
    )
    parser.add_argument("--lang", choices=("zh", "en"), help="界面语言 / interface language")
    return parser.parse_known_args(argv)


def _application(qt_args: list[str]) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = cast(QApplication, QApplication.instance() or QApplication([sys.argv[0], *qt_args]))  # a QApplication
    app.setOrganizationName("Xiuzhou")
    app.setApplicationName("xz-desktop")
    app.setApplicationDisplayName("xz-desktop")
    return app


def _make_demo(app) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from ..services.demo import create_demo

    folder = Path(tempfile.mkdtemp(prefix="xz-demo-"))
    app.aboutToQuit.connect(lambda: shutil.rmtree(folder, ignore_errors=True))
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # about a second: no progress dialog needed
    try:
        return Path(create_demo(folder / "示例数据.sqlite"))
    finally:
        QGuiApplication.restoreOverrideCursor()


def _create(path: Path) -> Path | None:
    """The first-run dialog for ``path``; None when the clerk cancels."""
    from .app.first_run import FirstRunDialog

    dialog = FirstRunDialog(path)
    return dialog.created if dialog.exec() == FirstRunDialog.DialogCode.Accepted else None


def _ask_create(path: Path) -> bool:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("main", "数据库不存在"),
        QCoreApplication.translate("main", "数据库 {path} 不存在。要在这里新建一个吗？").format(path=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def start(argv: list[str]):
    """Everything up to showing the window; returns it, or an exit code (0 cancelled, 1 refused with a message)."""
    args, qt_args = parse_args(argv)
    app = _application(qt_args)
    from ..domain.messages import XzError
    from .common import settings, translations
    from .common.i18n import show_error
    from .main_window import MainWindow

    if args.self_test:
        from .app import self_test

        self_test.use_utf8_output()
        sys.excepthook = _unexpected_in_self_test  # nobody is there to close an error box
        translations.install(args.lang or "zh", app)
        return self_test.run(app)
    translations.install(translations.choose_language(args.lang, settings.get("language")), app)
    try:
        if args.demo:
            path = _make_demo(app)
        else:
            path = args.db or default_database_path()
            if not path.exists():
                if args.db is not None and not _ask_create(path):
                    return 0
                created = _create(path)
                if created is None:
                    return 0
                path = created
        window = MainWindow(path)
    except XzError as exc:
        show_error(None, exc)
        return 1
    window.show()
    return window


def _unexpected(kind: type[BaseException], exc: BaseException, trace: TracebackType | None) -> None:
    """sys.excepthook: an error no code caught (a bug) goes to the log; the clerk gets a short message."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, trace)
        return
    from .common.i18n import show_error

    exc.__traceback__ = trace
    try:
        show_error(None, exc)  # logs it, and names the log file in the message
    except Exception:  # no window can be shown (no display): the log has it all the same
        from ..logs import log_exception

        log_exception(exc, "xz-desktop")


def _unexpected_in_self_test(kind: type[BaseException], exc: BaseException, trace: TracebackType | None) -> None:
    """sys.excepthook of ``--self-test``: the log and one line on stderr, never a modal box (nobody would close it)."""
    from ..logs import log_exception

    exc.__traceback__ = trace
    path = log_exception(exc, "xz-desktop --self-test")
    with contextlib.suppress(Exception):  # no stderr: the exit code still says it failed
        sys.stderr.write(f"xz-desktop --self-test: {kind.__name__}: {exc} ({path})\n")
        sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    sys.excepthook = _unexpected
    window = start(argv)
    if isinstance(window, int):
        return window
    from PySide6.QtWidgets import QApplication

    return cast(QApplication, QApplication.instance()).exec()  # made by _application
