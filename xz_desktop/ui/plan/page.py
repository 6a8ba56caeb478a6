"""目标与考核 page (district copy): the targets and their split, each unit's progress against its own
targets, the yearly assessment and the talent development index; and the annual report in 汇总.

Everything shown comes from ``services.plan``; this page holds no rule of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QMargins, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.assessment import DATA_INCOMPLETE, NOT_REPORTED
from ...domain.numbers import format_number
from ...domain.verdicts import label
from ...services import pivot
from ...services.plan.assess import add_adjustment, assess
from ...services.plan.palette import PALETTE
from ...services.plan.progress import unit_progress_rows
from ...services.plan.talent_index import index_trend, talent_index
from ...services.plan.targets import (
    check_targets,
    import_targets,
    list_targets,
    method_label,
    parse_fixed_shares,
    split,
)
from ..common.changes import Changes
from ..common.i18n import message_text
from ..common.period_choice import period_text
from ..common.views import fill_year_box, read_only_table
from ..totals.year_reports import LazyPage
from .final_evaluation import FinalEvaluationView
from .report_file import ReportWords, write_report_file

PAGE_KEY = "plan"
W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """``widget`` with its object name (tests find it by that name)."""
    widget.setObjectName(name)
    return widget


def _verdict(verdict: str) -> str:
    return message_text(label(verdict))


def _number(value: float | None, decimals: int = 2) -> str:
    if value is None:
        return "—"
    text = format_number(value, decimals)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _fill(
    model: QStandardItemModel, headers: list[str], rows: list[list[str]], right: frozenset[int] | set[int] = frozenset()
) -> None:
    model.clear()
    model.setHorizontalHeaderLabels(headers)
    for row in rows:
        items = []
        for col, text in enumerate(row):
            item = QStandardItem(text)
            item.setEditable(False)
            if col in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        model.appendRow(items)


class SplitDialog(QDialog):
    """Which indicator to split, and by what: the figures of the plan's base year or another indicator."""

    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("按规则分解全区目标"))
        catalog = window.store.catalog()
        form = QFormLayout(self)
        self.indicator_box = named(QComboBox(self), "split_indicator")
        self.by_box = named(QComboBox(self), "split_by")
        self.by_box.addItem(self.tr("各单位 {year} 年数（基数）").format(year=catalog.plan.base_year), "base")
        for ind in catalog.indicators:
            if ind.target is not None and ind.aggregation.value not in ("district", "growth"):
                self.indicator_box.addItem(ind.name, ind.code)
            if ind.is_entered and ind.aggregation.value == "stock":
                self.by_box.addItem(ind.name, ind.code)
        form.addRow(self.tr("指标(&I)："), self.indicator_box)
        form.addRow(self.tr("分解依据(&B)："), self.by_box)
        self.floor_box = named(QSpinBox(self), "split_floor")
        self.floor_box.setRange(0, 90)
        self.floor_box.setSingleStep(5)
        self.floor_box.setSuffix("%")
        self.floor_box.setToolTip(self.tr("这部分目标由各单位平均分配，其余按依据：依据为 0 的单位也能分得目标"))
        form.addRow(self.tr("保底份额(&F)："), self.floor_box)
        self.fixed_edit = named(QLineEdit(self), "split_fixed")
        self.fixed_edit.setPlaceholderText(self.tr("如 新城街道=3，洪合镇=1（可空）"))
        form.addRow(self.tr("手工份额(&M)："), self.fixed_edit)
        note = QLabel(
            self.tr(
                "份额按比例舍位平衡，合计恰等于全区目标；手工给定的单位按所填，其余单位分剩下的部分。"
                "比率指标给各单位本单位的比率目标。"
            ),
            self,
        )
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class AdjustmentDialog(QDialog):
    """A bonus or deduction item of one unit's assessment, with its reason."""

    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("录入考核加减分"))
        form = QFormLayout(self)
        self.unit_box = named(QComboBox(self), "adjust_unit")
        for unit in window.store.catalog().active_units():
            self.unit_box.addItem(unit.name, unit.code)
        self.points = named(QDoubleSpinBox(self), "adjust_points")
        self.points.setRange(-100, 100)
        self.points.setDecimals(1)
        self.reason = named(QLineEdit(self), "adjust_reason")
        self.reason.setMaxLength(500)
        form.addRow(self.tr("单位(&U)："), self.unit_box)
        form.addRow(self.tr("分数（加分为正，减分为负）(&P)："), self.points)
        form.addRow(self.tr("理由(&R)："), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class IndexChart(QChartView):
    """Each unit's index per year, the plan's base year = 100."""

    def __init__(self, parent: QWidget | None = None):
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(300)
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        # Below the plot: ten towns' names in rows, none cut off (beside it, a short chart showed seven).
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    def show_trend(self, lines: dict[str, list[tuple[int, float | None]]], base_year: int | None = None) -> None:
        chart = self._chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        years = sorted({y for points in lines.values() for y, _ in points})
        values = [v for points in lines.values() for _, v in points if v is not None]
        if not years:
            return
        x, y = QValueAxis(), QValueAxis()
        x.setRange(years[0], max(years[-1], years[0] + 1))
        x.setTickCount(max(2, len(years)))
        x.setLabelFormat("%d")
        low, high = (min(values), max(values)) if values else (90.0, 110.0)
        y.setRange(min(low, 100) - 5, max(high, 100) + 5)
        y.applyNiceNumbers()  # round ticks (90, 100, 110), not 95.0, 105.8, 116.6
        y.setLabelFormat("%.0f")
        y.setTitleText(self.tr("指数（{year}年=100）").format(year=base_year if base_year is not None else years[0]))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for n, (name, points) in enumerate(lines.items()):
            series = QLineSeries()
            series.setName(name)
            series.setColor(QColor(PALETTE[n % len(PALETTE)]))  # the theme's 5 colours would repeat
            series.setPointsVisible(True)
            for year, value in points:
                if value is not None:
                    series.append(year, value)
            chart.addSeries(series)
            series.attachAxis(x)
            series.attachAxis(y)


SHOWS = Changes(
    figures=True, catalog=True, round=True, targets=True
)  # progress, scores and the index follow the figures
TARGETS = Changes(targets=True)


class PlanPage(LazyPage, QWidget):
    """Computed when shown (:class:`~.year_reports.LazyPage`): its scores read every unit's figures."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self._build()
        window.watch(self, SHOWS, self._fill_years)
        self._fill_years()

    # -- layout ---------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        bar = QHBoxLayout()
        label = QLabel(self.tr("年份(&Y)："), self)
        self.year_box = named(QComboBox(self), "plan_year")
        self.year_box.setMinimumContentsLength(7)
        label.setBuddy(self.year_box)
        self.report_button = named(QPushButton(self.tr("年度评估报告(&R)…"), self), "plan_report")
        bar.addWidget(label)
        bar.addWidget(self.year_box)
        bar.addStretch(1)
        bar.addWidget(self.report_button)
        layout.addLayout(bar)
        self.tabs = named(QTabWidget(self), "plan_tabs")
        layout.addWidget(self.tabs, 1)

        # 目标分解
        targets = QWidget(self)
        box = QVBoxLayout(targets)
        buttons = QHBoxLayout()
        self.import_button = named(QPushButton(self.tr("导入目标 CSV(&I)…"), targets), "plan_import")
        self.split_button = named(QPushButton(self.tr("按规则分解(&S)…"), targets), "plan_split")
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.split_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.check_label = named(QLabel(targets), "plan_check")
        self.check_label.setWordWrap(True)
        box.addWidget(self.check_label)
        self.targets_model = QStandardItemModel(self)
        self.targets_view = read_only_table(targets, self.targets_model)
        self.targets_view.setObjectName("plan_targets")
        box.addWidget(self.targets_view, 1)
        self.tabs.addTab(targets, self.tr("目标分解"))

        # 单位进度: units × indicators
        self.progress_model = QStandardItemModel(self)
        self.progress_view = read_only_table(self, self.progress_model)
        self.progress_view.setObjectName("plan_progress")
        self.tabs.addTab(self.progress_view, self.tr("单位进度"))

        # 考核
        scores = QWidget(self)
        box = QVBoxLayout(scores)
        buttons = QHBoxLayout()
        self.adjust_button = named(QPushButton(self.tr("录入加减分(&A)…"), scores), "plan_adjust")
        buttons.addWidget(self.adjust_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.scores_model = QStandardItemModel(self)
        self.scores_view = read_only_table(scores, self.scores_model)
        self.scores_view.setObjectName("plan_scores")
        box.addWidget(self.scores_view, 1)
        self.tabs.addTab(scores, self.tr("年度考核"))

        # 人才发展指数
        split_index = QSplitter(Qt.Orientation.Vertical, self)
        self.index_model = QStandardItemModel(self)
        self.index_view = read_only_table(split_index, self.index_model)
        self.index_view.setObjectName("plan_index")
        self.index_chart = IndexChart(split_index)
        self.index_chart.setObjectName("plan_index_chart")
        for view in (self.progress_view, self.index_view, self.scores_view):
            view.horizontalHeader().setStretchLastSection(False)
        split_index.addWidget(self.index_view)
        split_index.addWidget(self.index_chart)
        self.tabs.addTab(split_index, self.tr("人才发展指数"))

        # 终期评估: a plan's targets against its target year (its own module)
        self.final_view = FinalEvaluationView(self.window_, self)
        self.final_view.setObjectName("plan_final")
        self.tabs.addTab(self.final_view, self.tr("终期评估"))

        self.year_box.currentIndexChanged.connect(lambda _: self.reload())
        self.window_.period_choice.attach(self.year_box, self.reload)
        self.import_button.clicked.connect(lambda: self.import_targets())
        self.split_button.clicked.connect(lambda: self.split_targets())
        self.adjust_button.clicked.connect(lambda: self.enter_adjustment())
        self.report_button.clicked.connect(lambda: write_annual_report(self.window_, self.period))

    # -- data -----------------------------------------------------------
    @property
    def period(self) -> str:
        return str(self.year_box.currentData() or pivot.default_year(self.window_.store))

    def _fill_years(self) -> None:
        fill_year_box(self.year_box, self.window_.store, self.window_.period_choice.period)
        self.reload()

    def refresh(self) -> None:
        try:
            self._show_targets()
            self._show_progress()
            self._show_scores()
            self._show_index()
            self.final_view.refresh()
        except Exception as exc:  # a broken scheme file: say so in the window, never a traceback
            self.window_.show_error(exc)

    def _show_targets(self) -> None:
        store = self.window_.store
        rows = list_targets(store)
        _fill(
            self.targets_model,
            [self.tr("单位"), self.tr("指标"), self.tr("期别"), self.tr("目标"), self.tr("计量单位"), self.tr("来源")],
            [
                [
                    r.unit_name,
                    r.indicator_name,
                    r.period,
                    _number(r.target),
                    r.measure,
                    message_text(method_label(store.catalog(), r.method)),
                ]
                for r in rows
            ],
            {3},
        )
        problems = check_targets(store)
        names = {i.code: i.name for i in store.catalog().indicators}
        if problems:
            self.check_label.setText(
                self.tr("份额不再合计一致：")
                + "；".join(f"{names.get(p.indicator, p.indicator)}：{message_text(p.message)}" for p in problems)
            )
        elif rows:
            self.check_label.setText(self.tr("各项分解目标的份额合计与全区目标一致。"))
        else:
            self.check_label.setText(self.tr("尚未下达单位目标：导入目标 CSV，或按规则分解全区目标。"))

    def _show_progress(self) -> None:
        store = self.window_.store
        rows = unit_progress_rows(store, self.period)
        units = list(dict.fromkeys(r.unit_name for r in rows))
        indicators = list(dict.fromkeys(r.indicator_name for r in rows))
        cell = {(r.unit_name, r.indicator_name): r.progress for r in rows}
        table = []
        for unit in units:
            line = [unit]
            for ind in indicators:
                p = cell.get((unit, ind))
                if p is None:
                    line.append("")
                elif p.completion is None:  # 数据不全 (or no verdict): the words alone, no percentage
                    line.append(_verdict(p.verdict))
                else:
                    line.append(f"{p.completion:.0%} {_verdict(p.verdict)}")
            table.append(line)
        _fill(self.progress_model, [self.tr("单位"), *indicators], table)

    def _show_scores(self) -> None:
        store = self.window_.store
        names = {u.code: u.name for u in store.catalog().units}
        kinds = {"geographic": self.tr("镇街"), "sector": self.tr("部门")}
        scores = assess(store, self.period)
        _fill(
            self.scores_model,
            [
                self.tr("类别"),
                self.tr("名次"),
                self.tr("单位"),
                self.tr("得分"),
                self.tr("加分"),
                self.tr("减分"),
                self.tr("说明"),
            ],
            [
                [
                    kinds.get(s.kind, s.kind),
                    "" if s.rank is None else str(s.rank),
                    names.get(s.unit, s.unit),
                    self._unscored(s.unscored) if s.score is None else f"{s.score:.2f}",
                    f"{s.bonus:g}" if s.bonus else "",
                    f"{-s.deduction:g}" if s.deduction else "",
                    "；".join(
                        ([self.tr("数据不全（缺项按方案计分）")] if not s.complete and s.score is not None else [])
                        + [a.reason for a in s.adjustments]
                    ),
                ]
                for s in scores
            ],
            {1, 3, 4, 5},
        )

    def _unscored(self, why: str | None) -> str:
        """Why a unit has no score: it is listed apart from the ranking, never ranked last with 0."""
        return {
            NOT_REPORTED: self.tr("未报"),
            DATA_INCOMPLETE: self.tr("数据不全"),
        }.get(why or "", self.tr("未下达目标"))

    def _show_index(self) -> None:
        store = self.window_.store
        names = {u.code: u.name for u in store.catalog().units}
        indices = talent_index(store, self.period)
        parts = [p.name for p in indices[0].parts] if indices else []
        _fill(
            self.index_model,
            [self.tr("名次"), self.tr("单位"), self.tr("指数"), *parts],
            [
                [
                    "" if i.rank is None else str(i.rank),
                    names.get(i.unit, i.unit),
                    self.tr("不完整") if i.index is None else f"{i.index:.2f}",
                    *[self.tr("不完整") if p.index is None else f"{p.index:.2f}" for p in i.parts],
                ]
                for i in sorted(indices, key=lambda i: (i.rank is None, i.rank or 0))
            ],
            set(range(2, 3 + len(parts))),
        )
        trend = index_trend(store, int(self.period))
        self.index_chart.show_trend(
            {names.get(u, u): [(i.year, i.index) for i in s] for u, s in trend.items()},
            store.catalog_for(self.period).plan.base_year,
        )

    # -- actions ----------------------------------------------------------
    def import_targets(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入单位目标"), "", self.tr("CSV 文件 (*.csv)"))
            if not path:
                return
        try:
            changed = import_targets(self.window_.store, path)
        except Exception as exc:
            self.window_.show_error(exc)
            return
        self.window_.statusBar().showMessage(self.tr("已导入目标：{n} 项有变化").format(n=changed), 15000)
        self.window_.announce(TARGETS)

    def split_targets(self, code: str | None = None, by: str | None = None) -> None:
        if code is None or by is None:
            dialog = SplitDialog(self.window_)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            code, by = dialog.indicator_box.currentData(), dialog.by_box.currentData()
            floor, fixed_text = dialog.floor_box.value() / 100, dialog.fixed_edit.text()
        else:
            floor, fixed_text = 0.0, ""
        try:
            store = self.window_.store
            fixed = parse_fixed_shares(store.catalog(), fixed_text)
            result = split(store, code, by, floor=floor, fixed=fixed)
        except Exception as exc:
            self.window_.show_error(exc)
            return
        self.window_.statusBar().showMessage(self.tr("已分解到 {n} 个单位").format(n=len(result.shares)), 15000)
        self.window_.announce(TARGETS)

    def enter_adjustment(self) -> None:
        dialog = AdjustmentDialog(self.window_)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            add_adjustment(
                self.window_.store,
                dialog.unit_box.currentData(),
                self.period,
                dialog.points.value(),
                dialog.reason.text(),
            )
        except Exception as exc:
            self.window_.show_error(exc)
            return
        self.window_.announce(TARGETS)


def write_annual_report(window, period: str | None = None, path: str | None = None) -> None:
    """Ask the year and where, then write the report (and its PDF where LibreOffice is installed) in the background."""
    if period is None:
        years = [str(y) for y in pivot.years_with_data(window.store)] or [str(pivot.default_year(window.store))]
        labels = [period_text(y) for y in years]
        chosen_year = str(window.period_choice.year)
        label, ok = QInputDialog.getItem(
            window,
            QCoreApplication.translate("PlanPage", "年度评估报告"),
            QCoreApplication.translate("PlanPage", "年度："),
            labels,
            years.index(chosen_year) if chosen_year in years else len(years) - 1,
            False,
        )
        if not ok or label not in labels:
            return
        period = years[labels.index(label)]
    chosen_period = period

    # python-docx and matplotlib load when a report is written, not while the window is built
    def write(store, target: Path, pdf: bool, progress):
        from ...services.plan.report import write_report

        return write_report(store, chosen_period, target, pdf=pdf, progress=progress)

    words = ReportWords(
        QCoreApplication.translate("PlanPage", "保存年度评估报告"),
        QCoreApplication.translate("PlanPage", "正在生成年度评估报告…"),
        QCoreApplication.translate("PlanPage", "已写出年度评估报告 {path}"),
    )
    write_report_file(window, words, [period], path, write)


def install(window) -> None:
    """The 目标与考核 page (district copy only; the report in the 汇总 menu: ui/pages.ACTIONS)."""
    if not window.is_district:
        return
    window.add_page(PAGE_KEY, QCoreApplication.translate("window", "目标与考核"), PlanPage(window))
