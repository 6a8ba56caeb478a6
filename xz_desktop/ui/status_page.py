"""报送情况 page: for a period, which units have submitted, when, and how complete their figures are."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..services.form import default_period
from ..services.status import UnitStatus, status_periods, submission_status
from .merge_models import BAD, GOOD, RIGHT, WARN, Column, RowsModel, when
from .views import read_only_table

PAGE_KEY = "submission_status"


class StatusPage(QWidget):
    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        tr = self.tr
        kinds = {"geographic": tr("镇街"), "sector": tr("部门")}
        self.model = RowsModel(
            [
                Column(tr("单位"), lambda r: r.name),
                Column(tr("类别"), lambda r: kinds.get(r.kind, r.kind)),
                Column(
                    tr("状态"),
                    lambda r: tr("已报送") if r.submitted else tr("未报送"),
                    color=lambda r: GOOD if r.submitted else BAD,
                ),
                Column(tr("首次报送"), lambda r: when(r.submitted_at)),
                Column(tr("最近报送"), lambda r: when(r.last_submitted_at) if r.packages > 1 else ""),
                Column(
                    tr("已填/应填"),
                    lambda r: f"{r.values}/{r.expected}",
                    RIGHT,
                    color=lambda r: WARN if r.submitted and r.values < r.expected else None,
                ),
                Column(tr("上报包"), lambda r: r.package_file or ""),
                Column(tr("填报人"), lambda r: r.author or ""),
            ],
            parent=self,
        )
        self.table = read_only_table(self, self.model)
        self.period = QComboBox(self)
        label = QLabel(tr("报告期(&Q)："), self)
        label.setBuddy(self.period)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.period)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.period.currentTextChanged.connect(lambda _: self.reload())
        window.data_changed.connect(self.refresh_periods)
        self.refresh_periods()

    def refresh_periods(self) -> None:
        current = self.period.currentText() or self._initial_period()
        periods = status_periods(self.window_.store)
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItems(periods)
        self.period.setCurrentIndex(max(periods.index(current), 0) if current in periods else len(periods) - 1)
        self.period.blockSignals(False)
        self.reload()

    def _initial_period(self) -> str:
        try:
            return default_period()
        except Exception:
            return ""

    def reload(self) -> None:
        period = self.period.currentText()
        rows: list[UnitStatus] = submission_status(self.window_.store, period) if period else []
        self.model.set_rows(rows)
        done = [r for r in rows if r.submitted]
        missing = [r.name for r in rows if not r.submitted]
        text = self.tr("{period}：{done}/{total} 个单位已报送。").format(period=period, done=len(done), total=len(rows))
        if missing:
            text += self.tr("未报送：{names}").format(names="、".join(missing))
        self.summary.setText(text)
