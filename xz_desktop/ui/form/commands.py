"""Undo and redo of form edits (QUndoStack): every undo is itself a written, audited edit.

A command is pushed only after its edit has been written, so a refused write (a locked
database, a full disk) never leaves a command that pretends otherwise; its first
``redo()`` (which ``QUndoStack.push`` calls) is therefore a no-op.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from ...domain.periods import Period


@dataclass(frozen=True)
class Edit:
    """One accepted change of one cell: a figure or its 说明."""

    unit: str
    indicator: str
    period: Period
    field: str  # "value" or "explanation"
    old: float | str | None
    new: float | str | None


Apply = Callable[[Edit, object, bool], bool]  # write ``value`` for the edit's cell (True: undoing); False when refused


class EditCommand(QUndoCommand):
    """Undoing writes ``old`` back; redoing writes ``new`` again."""

    def __init__(self, edit: Edit, text: str, apply: Apply):
        super().__init__(text)
        self.edit = edit
        self._apply = apply
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # the edit was written before the push
            return
        self._apply(self.edit, self.edit.new, False)

    def undo(self) -> None:
        self._apply(self.edit, self.edit.old, True)

    def id(self) -> int:
        return -1
