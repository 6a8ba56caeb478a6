"""How long-running services report progress and learn they were cancelled.

A service takes a ``progress`` argument and calls ``progress.step(done, total, text)``
between units of work; the call raises :class:`Cancelled` once the user has asked to
stop, at a point where the service's transaction can still roll back cleanly. The CLI
passes :data:`SILENT` (or a printer); the window passes an object fed from its worker
thread. Services never import Qt.
"""

from __future__ import annotations

from typing import Protocol

from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError


class Cancelled(XzError):
    """The user cancelled; whatever the step was doing has been rolled back."""

    def __init__(self) -> None:
        super().__init__(Message("progress", QT_TRANSLATE_NOOP("progress", "已取消，数据未作修改")))


class Progress(Protocol):
    def step(self, done: int, total: int, text: str = "") -> None: ...


class _Silent:
    def step(self, done: int, total: int, text: str = "") -> None:
        return None


SILENT: Progress = _Silent()


class CancelFlag:
    """A progress sink that only knows whether to stop: for tests and simple callers."""

    def __init__(self, cancel_after: int | None = None):
        self.cancelled = False
        self.cancel_after = cancel_after
        self.steps: list[tuple[int, int, str]] = []

    def cancel(self) -> None:
        self.cancelled = True

    def step(self, done: int, total: int, text: str = "") -> None:
        self.steps.append((done, total, text))
        if self.cancel_after is not None and len(self.steps) > self.cancel_after:
            self.cancelled = True
        if self.cancelled:
            raise Cancelled()
