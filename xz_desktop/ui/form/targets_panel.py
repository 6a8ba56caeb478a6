"""本单位目标: under a unit's form, its own targets (from the district) and its progress against them."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.verdicts import label
from ...services.plan.progress import ProgressRow, unit_progress_rows
from ...store import Store
from ..common.i18n import message_text
from ..common.views import read_only_table


class TargetsPanel(QWidget):
    """Hidden while the unit has no targets; a short table otherwise."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("form_targets")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        self.title = QLabel(self)
        self.model = QStandardItemModel(self)
        self.view = read_only_table(self, self.model)
        self.view.setMaximumHeight(150)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        self.rows: list[ProgressRow] = []
        self.setVisible(False)

    def show_for(self, store: Store, unit: str | None, period: str | None) -> None:
        if not unit or not period:
            self.rows = []
        else:
            self.rows = unit_progress_rows(store, period, unit)
        self.setVisible(bool(self.rows))
        if not self.rows:
            return
        year = self.rows[0].progress.year
        self.title.setText(self.tr("本单位目标（区里下达）与 {year} 年进度").format(year=year))
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("指标"),
                self.tr("{year}年目标").format(year=store.catalog_for(year).plan.target_year),
                self.tr("{year}年").format(year=year),
                self.tr("应达"),
                self.tr("完成率"),
                self.tr("进度"),
            ]
        )
        for r in self.rows:
            p = r.progress
            cells = [
                r.indicator_name,
                f"{r.shown(p.target_due)} {r.measure}",
                r.shown(p.value),
                r.shown(p.due),  # what the verdict compares with: a count's whole milestone
                "" if p.completion is None else f"{p.completion:.1%}",
                message_text(label(p.verdict)),
            ]
            items = [QStandardItem(c) for c in cells]
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
