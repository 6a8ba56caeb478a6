"""查找: narrowing the form to indicators whose name or code contains the typed text."""

from __future__ import annotations

import unicodedata
from typing import cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from .model import CODE_ROLE, GROUP_ROLE, NAME_ROLE, FormModel


def _fold(text: str) -> str:
    # Full-width letters and digits (ＰＣＴ, ２０２５) match their ASCII forms; case does not matter.
    return unicodedata.normalize("NFKC", text).casefold().strip()


class FormFilter(QSortFilterProxyModel):
    """Keeps matching indicator lines and the category headers above them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._needle = ""
        self._groups: set[str] = set()

    def set_text(self, text: str) -> None:
        needle = _fold(text)
        if needle == self._needle:
            return
        self.beginFilterChange()
        self._needle = needle
        self._groups = self._matching_groups()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def text(self) -> str:
        return self._needle

    def _matches(self, row: int) -> bool:
        model = self.sourceModel()
        index = model.index(row, 0)
        code = index.data(CODE_ROLE) or ""
        name = index.data(NAME_ROLE) or ""
        return self._needle in _fold(code) or self._needle in _fold(name)

    def _matching_groups(self) -> set[str]:
        model = cast(FormModel, self.sourceModel())  # the one model this filter is given
        if model is None or not self._needle:
            return set()
        return {
            model.index(r, 0).data(GROUP_ROLE)
            for r in range(model.rowCount())
            if not model.is_header(r) and self._matches(r)
        }

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        # New rows (another unit's form) need the matching headers worked out again.
        model.modelReset.connect(self._refresh_groups)

    def _refresh_groups(self) -> None:
        self.beginFilterChange()
        self._groups = self._matching_groups()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        model = cast(FormModel, self.sourceModel())  # the one model this filter is given
        if model.is_header(source_row):
            return model.index(source_row, 0).data(GROUP_ROLE) in self._groups
        return self._matches(source_row)
