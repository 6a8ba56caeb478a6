"""Translation of the lower layers' messages, and the one way the window reports an error."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.messages import Message
from ...services.boundary import user_error


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def message_text(message: Message | str) -> str:
    """A domain/service message in the interface's language."""
    return message.format(translate) if isinstance(message, Message) else str(message)


def error_lines(exc: BaseException) -> list[str]:
    """What the user reads: SQLite/OS errors explained, unexpected ones logged and named (never a traceback)."""
    return user_error(exc, what="window").lines(translate)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """A modal message in the interface's language; details (many problems) go below."""
    lines = error_lines(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("errors", "无法完成"))
    box.setText(lines[0])
    if len(lines) > 1:
        box.setInformativeText("\n".join(lines[1:11]) + ("\n…" if len(lines) > 11 else ""))
        box.setDetailedText("\n".join(lines[1:]))
    box.exec()
