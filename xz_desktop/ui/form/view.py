"""The form's table view: keyboard movement between the fields a clerk fills.

Enter and Tab always go down to the next figure, never into a 说明 — a clerk typing a column
of figures must not see the next figure land in the 说明 of a warning; on the last figure they
go back up to the first one still blank (a whole form is filled by pressing Enter). Shift+Tab
and Shift+Enter go back to the figure before. A 说明 is reached on purpose: Ctrl+E (the page's
填写说明), a click, F8 or the 审核结果 list. Typing on a cell replaces its content, Delete blanks it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from .model import FILLED_ROLE, Column

EDITABLE = (Column.VALUE, Column.EXPLANATION)


class FormView(QTableView):
    read_only_typed = Signal(QModelIndex)  # a key typed on a cell that cannot be written: the page says why

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("form_table")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(True)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(False)  # 说明 keeps its width; the rest is blank
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    # -- where the next field is -----------------------------------------
    def _editable(self, row: int, column: int) -> bool:
        index = self.model().index(row, column)
        return index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)

    def next_field(self, index: QModelIndex, how: str) -> QModelIndex:
        """The cell to fill after ``index`` (invalid when there is none)."""
        model = self.model()
        if model is None or not index.isValid():
            return QModelIndex()
        row = index.row()
        # Enter and Tab, from a figure or from a 说明, go to the next row's figure: the same key
        # after every figure, whatever the check said about it.
        if how in ("enter", "tab"):
            for r in range(row + 1, model.rowCount()):
                if self._editable(r, Column.VALUE):
                    return model.index(r, Column.VALUE)
            # Past the last figure Enter goes up to the first still blank; Tab leaves the table.
            return self.first_unfilled(before=row) if how == "enter" else QModelIndex()
        for r in range(row - 1, -1, -1):  # backenter, backtab
            if self._editable(r, Column.VALUE):
                return model.index(r, Column.VALUE)
        return QModelIndex()

    def explanation_of(self, index: QModelIndex) -> QModelIndex:
        """The 说明 cell of ``index``'s row (invalid when it cannot be written: a computed row, a locked period)."""
        model = self.model()
        if model is None or not index.isValid() or not self._editable(index.row(), Column.EXPLANATION):
            return QModelIndex()
        return model.index(index.row(), Column.EXPLANATION)

    def go(self, index: QModelIndex | QPersistentModelIndex, how: str, *, edit: bool = True) -> bool:
        """Move from ``index`` to the next field to fill and open its editor."""
        index = self.model().index(index.row(), index.column()) if isinstance(index, QPersistentModelIndex) else index
        target = self.next_field(index, how)
        if not target.isValid():
            return False
        self.setCurrentIndex(target)
        self.selectionModel().select(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(target)
        if edit:
            self.edit(target)
        return True

    def first_unfilled(self, before: int | None = None) -> QModelIndex:
        """The first figure still blank (above row ``before``, when given); invalid when every one is filled."""
        model = self.model()
        end = model.rowCount() if before is None else before
        for r in range(end if model else 0):
            if self._editable(r, Column.VALUE) and not model.index(r, Column.VALUE).data(FILLED_ROLE):
                return model.index(r, Column.VALUE)
        return QModelIndex()

    def first_field(self) -> QModelIndex:
        """The first figure of the form (where the cursor starts)."""
        model = self.model()
        for r in range(model.rowCount() if model else 0):
            if self._editable(r, Column.VALUE):
                return model.index(r, Column.VALUE)
        return QModelIndex()

    # -- keys when no editor is open --------------------------------------
    def moveCursor(self, action, modifiers):
        # Tab and Shift+Tab visit only the figures a clerk fills.
        if action in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious):
            how = "tab" if action == QAbstractItemView.CursorAction.MoveNext else "backtab"
            # At the last field an invalid index lets Tab leave the table for the next widget.
            return self.next_field(self.currentIndex(), how)
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            key = event.key()
            current = self.currentIndex()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid():
                self.go(current, "backenter" if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else "enter")
                event.accept()
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and current.isValid() and current.column() in EDITABLE:
                if current.flags() & Qt.ItemFlag.ItemIsEditable:
                    self.model().setData(current, "", Qt.ItemDataRole.EditRole)
                else:
                    self.read_only_typed.emit(current)
                event.accept()
                return
            typed = event.text()
            if (
                typed
                and typed.isprintable()
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
                and current.isValid()
                and not current.flags() & Qt.ItemFlag.ItemIsEditable
            ):
                # Typing went nowhere: say why instead of swallowing the keys in silence.
                self.read_only_typed.emit(current)
        super().keyPressEvent(event)
