"""Where the window offers to save a file, and 打开所在文件夹 once it is saved (issue 12, item 3).

Every save dialog starts in a folder the clerk can see and find again: the last folder used for
that kind of file (remembered in the settings), else Documents, else the desktop — never the
hidden application-data folder the database lives in. The file's name comes from the one naming
rule, :func:`~..services.files.suggested_name` (``新城街道_2024年_上报包_20261201.xzpkg``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from ...paths import data_dir
from ...services.files import FileKind, suggested_name
from . import settings
from .i18n import translate


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def _visible(folder: str) -> Path | None:
    """``folder`` if it is an existing folder outside the application's own data folder."""
    if not folder:
        return None
    path = Path(folder)
    try:
        ok = path.is_dir()
    except OSError:
        ok = False
    return path if ok and not _inside(path, data_dir()) else None


def standard_folders() -> list[str]:
    """The user's Documents and desktop folders, in that order (as the system names them)."""
    return [
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DesktopLocation),
    ]


def default_folder(kind: FileKind) -> Path:
    """The last folder a ``kind`` of file was saved in, else Documents, else the desktop, else home."""
    candidates = [settings.get(folder_key(kind)), *standard_folders()]
    for candidate in candidates:
        found = _visible(candidate)
        if found is not None:
            return found
    return Path.home()


def folder_key(kind: FileKind) -> str:
    """The settings key of the last folder used for ``kind`` (see :data:`.settings.DEFAULTS`)."""
    return f"folders/{kind.name.lower()}"


def remember_folder(kind: FileKind, path: str | Path) -> None:
    settings.put(folder_key(kind), str(Path(path).parent))


def default_name(kind: FileKind, suffix: str, *, owner: str = "", periods: Sequence[str] = ()) -> str:
    """The name a ``kind`` of file is offered under, in the interface's language."""
    return suggested_name(kind, suffix, owner=owner, periods=periods, translate=translate)


def suggested_path(kind: FileKind, suffix: str, *, owner: str = "", periods: Sequence[str] = ()) -> Path:
    return default_folder(kind) / default_name(kind, suffix, owner=owner, periods=periods)


def save_path(
    parent: QWidget,
    kind: FileKind,
    title: str,
    file_filter: str,
    suffix: str,
    *,
    owner: str = "",
    periods: Sequence[str] = (),
    suggested: str | Path | None = None,
) -> Path | None:
    """Ask where to save a ``kind`` of file (in :func:`default_folder`, under :func:`default_name`, unless
    ``suggested`` is given); the chosen name gets ``suffix`` if it lacks it, and its folder is remembered."""
    start = Path(suggested) if suggested else suggested_path(kind, suffix, owner=owner, periods=periods)
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start), file_filter)
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(suffix.lower()) else chosen + suffix)
    remember_folder(kind, path)
    return path


def open_folder(path: str | Path) -> bool:
    """Show the folder that holds ``path`` in the system's file manager."""
    folder = Path(path).parent if not Path(path).is_dir() else Path(path)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder.resolve())))


class OpenFolderButton(QPushButton):
    """打开所在文件夹: shows the folder of ``path``; in the status bar it goes when the saved-message goes."""

    def __init__(self, path: str | Path, parent: QWidget | None = None, message: str = ""):
        super().__init__(QCoreApplication.translate("file_dialogs", "打开所在文件夹(&O)"), parent)
        self.path, self.message = Path(path), message
        self.setObjectName("open_folder")
        self.setAutoDefault(False)
        self.setToolTip(str(self.path.parent))
        self.clicked.connect(self.open)

    def open(self) -> None:
        open_folder(self.path)

    def message_changed(self, text: str) -> None:
        if text != self.message:
            self.hide()


def offer_folder(window, path: str | Path, text: str, timeout: int = 30000) -> None:
    """After saving: ``text`` in the status bar and a 打开所在文件夹 button beside it (``window.open_folder_button``),
    for as long as the text shows."""
    bar = window.statusBar()
    previous = window.open_folder_button
    if previous is not None:
        try:
            bar.removeWidget(previous)
            previous.deleteLater()
        except RuntimeError:  # deleted already
            pass
    button = OpenFolderButton(path, bar, text)
    bar.insertPermanentWidget(0, button)
    window.open_folder_button = button
    bar.showMessage(text, timeout)
    button.show()
    bar.messageChanged.connect(button.message_changed)
