"""汇总 page (district copy): where the district stands against the plan for a chosen year.

Left, every indicator grouped like the plan (表2 first) with value, base, target, the
value expected this year, completion and an on-track mark. Right, for the selected
indicator: each unit's contribution (a ratio's numerator and denominator), who has not
reported, and the chart from 2015 to the 2025 target. Figures come from
``services.totals`` and ``services.pivot``; this page only shows them. They are computed on a
worker when the page is shown (:mod:`.year_reports`, shared with 分单位数据), never while the
window is built, and the window stays responsive while they are.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.totals import VERDICT_BEHIND, VERDICT_INCOMPLETE, VERDICT_ON_TRACK
from ...services import pivot
from ...services.pivot import History, YearReport
from ..common import settings
from ..common.changes import Changes
from ..common.i18n import message_text
from ..common.views import fill_year_box
from .chart_progress import ProgressChart
from .model import BreakdownModel, TotalsModel, status_text
from .year_reports import LazyPage, reports_of, run_quietly, store_version

PAGE_KEY = "totals"
SHOWS = Changes(figures=True, conflicts=True, catalog=True)  # totals, and the 有争议 marks of open conflicts


class TotalsPage(LazyPage, QWidget):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self._report: YearReport | None = None  # the figures shown
        # the chart asked for last: (indicator, year, 沿用上期, the database's version)
        self._history_wanted: tuple[str, int, bool, tuple[int, int]] | None = None
        self._build()
        window.watch(self, SHOWS, self._fill_years)
        self._fill_years()

    # -- layout ---------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        bar = QHBoxLayout()
        label = QLabel(self.tr("年份(&Y)："), self)
        self.year_box = QComboBox(self, objectName="totals_year")  # type: ignore[call-arg]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.year_box.setMinimumContentsLength(7)
        label.setBuddy(self.year_box)
        self.summary = QLabel(self, objectName="totals_summary")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.summary.setWordWrap(True)
        self.carry_box = QCheckBox(self.tr("沿用上期(&C)"), self, objectName="totals_carry_forward")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.carry_box.setToolTip(self.tr("缺报单位的存量指标沿用其最近一期数值；用到的地方标“估”，进度评价也是估计"))
        self.export_button = QPushButton(self.tr("导出 Excel(&X)…"), self, objectName="totals_export")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        bar.addWidget(label)
        bar.addWidget(self.year_box)
        bar.addSpacing(12)
        bar.addWidget(self.carry_box)
        bar.addSpacing(16)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.model = TotalsModel(self)
        self.view = QTableView(self, objectName="totals_view")  # type: ignore[call-arg]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.fitter = ColumnFitter(self.view)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _: self._show_indicator(current.row()))

        detail = QWidget(self)
        side = QVBoxLayout(detail)
        side.setContentsMargins(6, 0, 0, 0)
        self.title = QLabel(self, objectName="totals_title")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.note = QLabel(self, objectName="totals_note")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.note.setWordWrap(True)
        self.breakdown_model = BreakdownModel(self)
        self.breakdown_view = QTableView(self, objectName="totals_breakdown")  # type: ignore[call-arg]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.breakdown_view.setModel(self.breakdown_model)
        self.breakdown_view.verticalHeader().setVisible(False)
        self.breakdown_view.verticalHeader().setDefaultSectionSize(22)
        self.breakdown_view.horizontalHeader().setFixedHeight(44)
        self.breakdown_view.horizontalHeader().setDefaultSectionSize(104)
        self.missing = QLabel(self, objectName="totals_missing")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.missing.setWordWrap(True)
        self.chart = ProgressChart(self)
        self.chart.setObjectName("totals_chart")
        self.chart_note = QLabel(self)
        self.chart_note.setObjectName("totals_chart_note")
        self.chart_note.setWordWrap(True)
        split_side = QSplitter(Qt.Orientation.Vertical, detail)
        top = QWidget(split_side)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.note, self.breakdown_view, self.missing):
            top_layout.addWidget(widget)
        split_side.addWidget(top)
        bottom = QWidget(split_side)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.chart, 1)
        bottom_layout.addWidget(self.chart_note)
        split_side.addWidget(bottom)
        split_side.setSizes([330, 360])
        side.addWidget(split_side)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.view)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([940, 440])  # at 1024×768 the table keeps 完成率/进度/已报 in view
        layout.addWidget(split, 1)
        self.splitter, self.detail_splitter = split, split_side
        remember_splitter(split, "totals/splitter")
        remember_splitter(split_side, "totals/detail_splitter")
        self.year_box.currentIndexChanged.connect(lambda _: self.reload())
        self.window_.period_choice.attach(self.year_box, self.reload)
        self.carry_box.toggled.connect(lambda _: self.reload())
        self.setTabOrder(self.year_box, self.carry_box)
        self.setTabOrder(self.carry_box, self.view)
        self.setTabOrder(self.view, self.breakdown_view)
        self.setTabOrder(self.breakdown_view, self.export_button)

    # -- data -----------------------------------------------------------
    @property
    def carry_forward(self) -> bool:
        """沿用上期: the district's choice, off by default."""
        return self.carry_box.isChecked()

    @property
    def period(self) -> str:
        return str(self.year_box.currentData() or pivot.default_year(self.window_.store))

    def _fill_years(self) -> None:
        fill_year_box(self.year_box, self.window_.store, self.window_.period_choice.period)
        self.reload()

    def refresh(self) -> None:
        """Ask for the totals of the chosen year (computed on a worker unless already computed)."""
        year, carry = int(self.period), self.carry_forward
        code = self.selected_code()
        if code:  # the chart of the indicator kept selected needs no report: read it meanwhile, not after
            self._request_history(code, year, carry)
        reports_of(self.window_).request(year, carry, lambda report: self._show_report(report, year, carry))

    def _show_report(self, report: YearReport, year: int, carry: bool) -> None:
        """Show the totals of a report, keeping the selected indicator (a report of a year no longer chosen is dropped)."""
        if (int(self.period), self.carry_forward) != (year, carry):
            return
        code = self.selected_code()
        store = self.window_.store
        self._report = report
        rows = report.rows
        self.model.set_rows(rows, self.period, store.catalog())
        self.view.clearSpans()
        for r in range(self.model.rowCount()):
            if self.model.is_group(r):
                self.view.setSpan(r, 0, 1, self.model.columnCount())
        plan = [r for r in rows if r.table2_seq is not None]
        on = sum(1 for r in plan if r.verdict == VERDICT_ON_TRACK)
        behind = sum(1 for r in plan if r.verdict == VERDICT_BEHIND)
        partial = sum(1 for r in plan if r.verdict == VERDICT_INCOMPLETE)
        text = self.tr(
            "表2 主要指标 {n} 项：达到进度 {on} 项，落后进度 {behind} 项，数据不全 {partial} 项，其他 {none} 项"
        ).format(n=len(plan), on=on, behind=behind, partial=partial, none=len(plan) - on - behind - partial)
        estimated = sum(1 for r in plan if r.estimated)
        if estimated:
            text += self.tr("（其中 {n} 项含沿用上期的估计值）").format(n=estimated)
        self.summary.setText(text)
        self.select_indicator(code or (plan[0].code if plan else ""))

    def selected_code(self) -> str | None:
        row = self.view.currentIndex().row()
        item = self.model.total_row(row) if row >= 0 else None
        return item.code if item else None

    def select_indicator(self, code: str) -> None:
        row = self.model.row_of(code)
        if row < 0:
            self._show_indicator(-1)
            return
        index = self.model.index(row, 0)
        before = self.view.currentIndex().row()
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)
        if before == row:  # a new current row has shown itself (currentRowChanged); the same one shows again
            self._show_indicator(row)

    def _show_indicator(self, row: int) -> None:
        if getattr(self.window_, "_closed", False):
            return  # a report delivered, or a row changed, while the window closes: its store is closed
        item = self.model.total_row(row) if row >= 0 else None
        if item is None or self._report is None:
            self.title.setText(self.tr("选择左侧的一项指标，查看各单位的贡献和走势"))
            self.note.clear()
            self.missing.clear()
            self.breakdown_model.set_breakdown(None)
            self.chart.show_history(None)
            self.chart_note.clear()
            self._history_wanted = None
            return
        catalog = self.window_.store.catalog()
        aggregator = pivot.breakdown_aggregator(
            self.window_.store, item.code, int(self.period), carry_forward=self._report.carry_forward
        )
        breakdown = pivot.breakdown(catalog, aggregator, item.code, self.period)
        self.title.setText(f"{item.name}（{item.measure}）")
        self.note.setText(message_text(breakdown.note) if breakdown.note else "")
        self.breakdown_model.set_breakdown(breakdown)
        self.breakdown_view.setColumnWidth(0, 150)
        status = status_text(item, catalog)
        if status:
            self.missing.setText(status + self.tr("。不完整的数值不作进度评价（数据不全）。") * (not item.complete))
        elif breakdown.missing:
            self.missing.setText(
                self.tr("未报 {n} 个单位：{names}").format(n=len(breakdown.missing), names="、".join(breakdown.missing))
            )
        else:
            self.missing.setText(self.tr("应报单位均已填报"))
        self._request_history(item.code, int(self.period), self._report.carry_forward)

    def _request_history(self, code: str, year: int, carry: bool) -> None:
        """The chart: every year of one indicator (and its components), read and computed on a worker."""
        plan = self.window_.store.catalog_for(year).plan
        year = pivot.history_end(year, plan)  # the same chart for every year up to the target year: read once
        wanted = (code, year, carry, store_version(self.window_))
        if self._history_wanted == wanted:
            return  # asked for already (the report's arrival asks again): on its way, or shown
        self._history_wanted = wanted
        path = self.window_.store_path

        def job(progress) -> History:
            from ...store import open_store

            with open_store(path, read_only=True) as store:
                aggregator = pivot.indicator_aggregator(store, code, carry_forward=carry, plan=plan.code)
                return pivot.history(
                    store.catalog(plan.code), aggregator, code, year, recorded=pivot.plan_figures(store, code)
                )

        def done(history: History) -> None:
            if self._history_wanted == wanted and shiboken6.isValid(self):
                self.chart.show_history(history)
                self.chart_note.setText(self.chart.note)

        def failed(exc: BaseException) -> None:
            if self._history_wanted == wanted:
                self._history_wanted = None  # not shown: the next request reads it again
            self.window_.report_failure(exc)

        run_quietly(self.window_, job, done, failed)


# pixels: the name's usual narrowest and its widest, 说明's share before the name gives way, the name's last floor
NAME_MIN, NAME_MAX, NOTE_MIN, NAME_FLOOR = 140, 320, 160, 96


class ColumnFitter(QObject):
    """The totals' columns at any width, without a scroll bar for the columns that matter: each figure
    column fits its content; the name gets its full width when there is room and gives way down to
    NAME_MIN (elided, whole in its tooltip) before a figure would leave the view; 说明 (also under the
    table and in the tooltip) takes what is left over."""

    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TotalsModel.NAME, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TotalsModel.MEASURE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TotalsModel.STATUS, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        view.setColumnWidth(TotalsModel.MEASURE, 56)  # “人年／万人” elides: the tooltip names the measure
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setWordWrap(False)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._later = QTimer(self, singleShot=True, interval=0)  # once the figure columns have their sizes
        self._later.timeout.connect(self.fit)
        view.installEventFilter(self)
        view.model().modelReset.connect(self._later.start)
        # A figure column fitted to its content after the fit (its header lays out later than the model is
        # reset, the more so for a page built when first shown) fits again: the name gives way to it.
        header.sectionResized.connect(self._figure_resized)

    def _figure_resized(self, column: int, _old: int, _new: int) -> None:
        if column not in (TotalsModel.NAME, TotalsModel.STATUS):  # the two the fit itself sizes
            self._later.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._later.start()
        return False

    def fit(self) -> None:
        view = self.view
        model = view.model()
        figures = sum(
            view.horizontalHeader().sectionSize(c)
            for c in range(model.columnCount())
            if c not in (TotalsModel.NAME, TotalsModel.STATUS)
        )
        wanted = min(max(view.sizeHintForColumn(TotalsModel.NAME), NAME_MIN), NAME_MAX)
        width = view.viewport().width()
        name = max(NAME_MIN, min(wanted, width - figures - NOTE_MIN))
        # Rather a narrower name than a scroll bar: down to NAME_FLOOR, leaving 说明 its least.
        name = min(name, max(NAME_FLOOR, width - figures - view.horizontalHeader().minimumSectionSize()))
        view.setColumnWidth(TotalsModel.NAME, name)


def remember_splitter(splitter: QSplitter, key: str) -> None:
    """Put ``splitter`` back where the user left it last time, and remember each move (``key`` in ui/common/settings)."""
    saved = settings.get(key)
    if not saved.isEmpty():
        splitter.restoreState(saved)
    splitter.splitterMoved.connect(lambda *_: settings.put(key, splitter.saveState()))


def install(window) -> None:
    """The district's 汇总 page."""
    if window.is_district:
        page = TotalsPage(window)
        window.add_page(PAGE_KEY, QCoreApplication.translate("totals_page", "汇总"), page)
        page.export_button.clicked.connect(lambda: _export_excel(window))


def _export_excel(window) -> None:
    from .actions import export_excel  # the Excel export's module, imported when it is first used

    export_excel(window)
