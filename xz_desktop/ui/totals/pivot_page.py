"""分单位数据 page: every unit's figures for one year, side by side (district copy).

The table is computed on a worker when the page is shown, from the same aggregation as the 汇总
page's totals of that year (:mod:`.year_reports`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...services.pivot import YearReport
from ..common.changes import Changes
from ..common.views import fill_year_box
from .pivot_model import HEADER_LINES, PivotModel
from .year_reports import LazyPage, reports_of

PAGE_KEY = "pivot"
SHOWS = Changes(figures=True, catalog=True)


class PivotPage(LazyPage, QWidget):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        bar = QHBoxLayout()
        label = QLabel(self.tr("年份(&Y)："), self)
        self.year_box = QComboBox(self, objectName="pivot_year")
        label.setBuddy(self.year_box)
        self.summary = QLabel(self)
        bar.addWidget(label)
        bar.addWidget(self.year_box)
        bar.addSpacing(16)
        bar.addWidget(self.summary, 1)
        layout.addLayout(bar)
        self.model = PivotModel(self)
        self.view = QTableView(self, objectName="pivot_view")
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setDefaultSectionSize(110)
        self.view.horizontalHeader().setMinimumSectionSize(60)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Up to three lines of name and one of measure (pivot_model.wrap_header), none clipped.
        lines = HEADER_LINES + 1
        self.view.horizontalHeader().setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)
        self.view.verticalHeader().setDefaultSectionSize(24)
        layout.addWidget(self.view, 1)
        self.year_box.currentIndexChanged.connect(lambda _: self.reload())
        self.window_.period_choice.attach(self.year_box, self.reload)
        window.watch(self, SHOWS, self._fill_years)
        self._fill_years()

    def _fill_years(self) -> None:
        fill_year_box(self.year_box, self.window_.store, self.window_.period_choice.period)
        self.reload()

    def refresh(self) -> None:
        year = self.year_box.currentData()
        if year is None:
            return
        reports_of(self.window_).request(int(year), False, self._show_report)

    def _show_report(self, report: YearReport) -> None:
        if self.year_box.currentData() != report.year:
            return  # a year no longer chosen
        table = report.table
        self.model.set_table(table)
        filled = int(table.frame.notna().sum().sum())
        self.summary.setText(
            self.tr("{units} 个单位 × {indicators} 项指标，已填 {filled} 个数值；灰色为该单位不填报的指标").format(
                units=len(table.units), indicators=len(table.indicators), filled=filled
            )
        )


def install(window) -> None:
    """The district's 分单位数据 page."""
    if window.is_district:
        window.add_page(PAGE_KEY, QCoreApplication.translate("totals_page", "分单位数据"), PivotPage(window))
