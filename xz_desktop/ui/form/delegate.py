"""Editors of the form's cells: a number field that refuses what is not a number, a 说明 field.

Enter and Tab are taken here, not by Qt's default handling, so that a refused number keeps
its editor open with the reason shown, and an accepted one moves to the next field to fill
(the view decides which) instead of wherever Qt's cursor would go.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QLineEdit, QStyle, QStyledItemDelegate, QWidget

from ...domain.limits import MAX_TEXT
from ...domain.messages import XzError
from ...domain.numbers import parse_number
from ..common.i18n import message_text
from . import style
from .model import Column

INVALID_STYLE = style.INVALID_EDITOR_STYLE


class FormDelegate(QStyledItemDelegate):
    """Creates the editors; reports moves (``enter``/``tab``/``backtab``) and refusals."""

    move_requested = Signal(QPersistentModelIndex, str)
    refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._editor: QLineEdit | None = None

    def open_editor(self) -> QLineEdit | None:
        """The editor being typed in, if any (the window commits it when it closes)."""
        try:
            return self._editor if self._editor is not None and self._editor.isVisible() else None
        except RuntimeError:  # already deleted by Qt
            return None

    def createEditor(self, parent: QWidget, option, index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        self._editor = editor
        # Unmistakable: a thick frame and its own background, so the cell being typed in never looks empty.
        editor.setStyleSheet(style.EDITOR_STYLE)
        editor.setProperty("form_index", QPersistentModelIndex(index))
        if index.column() == Column.VALUE:
            editor.setObjectName("value_editor")
            editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            editor.setMaxLength(40)
            editor.textChanged.connect(lambda text, e=editor: self._mark(e, text))
            # Digits arrive as typed, including full-width ones: no input method switching needed.
            editor.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        else:
            editor.setObjectName("explanation_editor")
            editor.setMaxLength(MAX_TEXT)
            editor.setPlaceholderText(self.tr("说明变动原因，如：新设企业研发中心"))
        return editor

    @staticmethod
    def problem(text: str) -> str | None:
        """Why ``text`` is not a number, or None when it is one (or blank)."""
        try:
            parse_number(text)
        except XzError as exc:
            return message_text(exc.message)
        return None

    def _mark(self, editor: QLineEdit, text: str) -> None:
        problem = self.problem(text)
        editor.setStyleSheet(INVALID_STYLE if problem else style.EDITOR_STYLE)
        editor.setToolTip(problem or "")

    def eventFilter(self, editor, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit):
            key = event.key()
            how = None
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                how = "backenter" if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else "enter"
            elif key == Qt.Key.Key_Tab:
                how = "tab"
            elif key == Qt.Key.Key_Backtab:
                how = "backtab"
            if how is not None:
                index = editor.property("form_index")
                if editor.objectName() == "value_editor":
                    problem = self.problem(editor.text())
                    if problem:
                        # Refused: the editor stays open with the text, so the clerk can correct it.
                        self.refused.emit(problem)
                        editor.selectAll()
                        return True
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
                self.move_requested.emit(index, how)
                return True
        return super().eventFilter(editor, event)

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        # The cell the cursor is on (where typing starts) carries the editor's frame too, thinner.
        if option.state & QStyle.StateFlag.State_HasFocus and index.flags() & Qt.ItemFlag.ItemIsEditable:
            painter.save()
            pen = QPen(style.EDITOR_FRAME, style.EDITOR_FRAME_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()

    def setModelData(self, editor: QWidget, model, index: QModelIndex | QPersistentModelIndex) -> None:
        # Focus left the editor (a click elsewhere): the model refuses a non-number with its own signal.
        model.setData(index, cast(QLineEdit, editor).text(), Qt.ItemDataRole.EditRole)  # createEditor's
