"""One indicator's path on a QtCharts chart: the figures the plans record (e.g. 2015 and 2020), the years
entered, the trajectory the plan requires, and the plan's target (e.g. 2025)."""

from __future__ import annotations

import datetime

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from ...services.pivot import History
from ..common.i18n import message_text

ACTUAL = QColor("#2f6db5")
PLAN = QColor("#c0504d")
TARGET = QColor("#e69500")
INCOMPLETE = QColor("#7f7f7f")
ESTIMATED = QColor("#8e6bb8")


# The x axis of an empty chart: the last ten years (no plan's years are written in code).
_EMPTY_YEARS = (datetime.date.today().year - 10, datetime.date.today().year)


class ProgressChart(QChartView):
    """A line chart of :class:`History`; ``actual``, ``trajectory`` and ``target`` are its series."""

    def __init__(self, parent: QWidget | None = None):
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        legend_font = self._chart.legend().font()
        legend_font.setPointSizeF(legend_font.pointSizeF() * 0.9)  # five entries in a narrow panel, unelided
        self._chart.legend().setFont(legend_font)
        self.actual = QLineSeries(name=self.tr("实际"))  # type: ignore[call-arg]  # a Qt property as keyword: not in PySide6's stubs
        self.actual.setPointsVisible(True)
        self.actual.setPen(QPen(ACTUAL, 2.5))
        self.trajectory = QLineSeries(name=self.tr("规划进度"))  # type: ignore[call-arg]  # a Qt property as keyword: not in PySide6's stubs
        pen = QPen(PLAN, 2, Qt.PenStyle.DashLine)
        self.trajectory.setPen(pen)
        self.target = QScatterSeries(name=self.tr("目标"))  # type: ignore[call-arg]  # a Qt property as keyword: not in PySide6's stubs
        self.target.setColor(TARGET)
        self.target.setMarkerSize(12)
        # Incomplete years: hollow markers, never joined to the line, so a gap cannot read as a fall.
        self.incomplete = QScatterSeries(name=self.tr("数据不全（不可比）"))  # type: ignore[call-arg]  # a Qt property as keyword: not in PySide6's stubs
        self.incomplete.setMarkerSize(11)
        self.incomplete.setColor(QColor(0, 0, 0, 0))
        self.incomplete.setBorderColor(INCOMPLETE)
        self.incomplete.setPen(QPen(INCOMPLETE, 2, Qt.PenStyle.DotLine))
        # Years completed by carrying a unit's earlier figure (沿用上期): on the line, marked.
        self.estimated = QScatterSeries(name=self.tr("估（沿用上期）"))  # type: ignore[call-arg]  # a Qt property as keyword: not in PySide6's stubs
        self.estimated.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
        self.estimated.setMarkerSize(9)
        self.estimated.setColor(ESTIMATED)
        self.note = ""  # what the chart says about its points (shown under it by the page)
        self._years = _EMPTY_YEARS  # the years the x axis spans
        self.x_axis = QValueAxis()
        self.x_axis.setLabelFormat("%d")
        self.x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.y_axis = QValueAxis()
        for series in self._series():
            self._chart.addSeries(series)
        self._chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self._chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in self._series():
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.show_history(None)

    def _series(self):
        return (self.actual, self.trajectory, self.target, self.incomplete, self.estimated)

    def show_history(self, history: History | None) -> None:
        """Draw ``history``; ``None`` clears the chart."""
        for series in self._series():
            series.clear()
        self.note = ""
        if history is None:
            self._chart.setTitle(self.tr("选择一项指标查看其走势"))
            self.x_axis.setRange(*_EMPTY_YEARS)
            self.y_axis.setRange(0, 1)
            self._years = _EMPTY_YEARS
            self.fit_year_labels()
            self._show_legend()
            return
        self._chart.setTitle(f"{history.name}（{history.measure}）")
        self.actual.append([QPointF(y, v) for y, v in history.actual])
        self.trajectory.append([QPointF(y, v) for y, v in history.trajectory])
        self.incomplete.append([QPointF(y, v) for y, v in history.incomplete])
        self.estimated.append([QPointF(y, v) for y, v in history.actual if y in history.estimated])
        target_year = (
            history.plan.target_year if history.plan is not None else max(y for y, _ in history.trajectory or [(0, 0)])
        )
        self.target.setName(self.tr("{year}年目标").format(year=target_year))
        if history.target is not None:
            self.target.append(target_year, history.target)
        if history.note is not None:
            self.note = message_text(history.note)
        values = [v for _, v in history.actual + history.trajectory + history.incomplete] + (
            [history.target] if history.target is not None else []
        )
        years = [y for y, _ in history.actual + history.trajectory + history.incomplete] + [target_year]
        first = min(years)
        last = max(years)
        # Half a year of margin each side so the end markers show whole; ticks stay on the years.
        self.x_axis.setRange(first - 0.5, last + 0.5)
        self.x_axis.setTickAnchor(first)
        self._years = (first, last)
        self.fit_year_labels()
        low, high = (min(values), max(values)) if values else (0.0, 1.0)
        pad = (high - low) * 0.1 or abs(high) * 0.1 or 1.0
        low = 0.0 if low >= 0 and low - pad < 0 else low - pad
        self.y_axis.setRange(low, high + pad)
        self.y_axis.setLabelFormat(f"%.{max(history.decimals, 0)}f")
        self.y_axis.applyNiceNumbers()
        self._show_legend()

    def _show_legend(self) -> None:
        """Only the series that have points are in the legend (a narrow chart elides a long legend)."""
        for series in self._series():
            for marker in self._chart.legend().markers(series):
                marker.setVisible(series.count() > 0)

    def fit_year_labels(self) -> None:
        """Every year labelled when the chart is wide enough, else every 2nd or 5th year, so a label is
        never elided to “20…”; as a last resort the labels stand upright."""
        first, last = self._years
        label = QFontMetrics(self.x_axis.labelsFont()).horizontalAdvance(f"{last}") + 10
        plot = self._chart.plotArea().width()
        width = plot if plot > 0 else max(self.width() - 90, 1)  # before the first layout: the y axis takes ~90
        step = next((s for s in (1, 2, 5) if (last - first) // s + 1 <= width / label), 5)
        self.x_axis.setTickInterval(step)
        self.x_axis.setLabelsAngle(0 if ((last - first) // step + 1) * label <= width else -90)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_year_labels()
