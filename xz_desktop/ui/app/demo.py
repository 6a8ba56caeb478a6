"""示例数据 from the window: the demo district database generated on a worker, behind a progress dialog.

Offered in the first-run dialog and in 帮助; ``xz-desktop --demo`` makes the same database before any
window exists. The database lives in a temporary folder removed when the program quits: it is for trying
the program out, never for real figures.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...services.demo import create_demo
from ...services.progress import Progress
from ..common.tasks import Task, start, with_progress

DEMO_FILE = "示例数据.sqlite"


def make_demo(parent: QWidget, done: Callable[[Path], None], failed: Callable[[BaseException], None]) -> Task:
    """Generate the demo on a worker (the GUI thread stays free; a progress dialog shows while it lasts),
    then call ``done`` with its path, or ``failed`` with the error (a cancel included)."""
    folder = Path(tempfile.mkdtemp(prefix="xz-demo-"))
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(lambda: shutil.rmtree(folder, ignore_errors=True))

    def job(progress: Progress) -> Path:
        return create_demo(folder / DEMO_FILE, progress=progress)

    def refused(exc: BaseException) -> None:
        shutil.rmtree(folder, ignore_errors=True)  # a cancelled or failed demo leaves nothing behind
        failed(exc)

    title = QCoreApplication.translate("demo", "正在生成示例数据…")
    return start(with_progress(parent, title, job, done, refused))
