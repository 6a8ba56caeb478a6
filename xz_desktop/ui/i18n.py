"""Translation of the lower layers' messages, and the one way the window reports an error."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.messages import Message, XzError


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def message_text(message: Message | str) -> str:
    """A domain/service message in the interface's language."""
    return message.format(translate) if isinstance(message, Message) else str(message)


def error_lines(exc: BaseException) -> list[str]:
    if isinstance(exc, XzError):
        return exc.lines(translate)
    return [
        QCoreApplication.translate("errors", "发生了意外错误：{error}").format(error=f"{type(exc).__name__}: {exc}")
    ]


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
    trace = getattr(exc, "formatted_traceback", None)
    if trace:
        box.setDetailedText(trace)
    box.exec()
