"""终期评估: a plan's final evaluation in the window (the 目标与考核 page's tab), and its report.

Renders the records of ``services.plan.evaluation.evaluate`` (the ones ``xz evaluate`` prints): each target
met, not met or 数据不全 with who is missing, then each unit against its own targets. No rule lives here;
the report is written in the background through the window's operation helper (:class:`~.operations.StoreOp`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ...domain.evaluation import Evaluation, UnitEvaluation
from ...domain.numbers import format_number
from ...domain.verdicts import label
from ...services.plan.evaluation import PlanEvaluation, ended_plan, evaluate, plans_held
from ..common.i18n import message_text
from ..common.rows_model import BAD, GOOD, RIGHT, Column, RowsModel
from ..common.views import read_only_table
from .report_file import ReportWords, write_report_file


def _number(value: float | None, decimals: int) -> str:
    return "—" if value is None else format_number(value, decimals)


def _colour(record: Evaluation | UnitEvaluation) -> QColor | None:
    """Met in green, not met in red; 数据不全 in the text's colour (its words say it, never colour alone)."""
    return None if record.met is None else (GOOD if record.met else BAD)


class FinalEvaluationView(QWidget):
    """The plan chooser, the targets' table, the units' table and the report button."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        self.result: PlanEvaluation | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        chooser = QLabel(self.tr("规划(&P)："), self)
        self.plan_box = QComboBox(self)
        self.plan_box.setObjectName("final_plan")
        chooser.setBuddy(self.plan_box)
        self.report_button = QPushButton(self.tr("终期评估报告(&L)…"), self)
        self.report_button.setObjectName("final_report")
        bar.addWidget(chooser)
        bar.addWidget(self.plan_box)
        bar.addStretch(1)
        bar.addWidget(self.report_button)
        layout.addLayout(bar)
        self.summary = QLabel(self)
        self.summary.setObjectName("final_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RowsModel(self._target_columns(), parent=self)
        self.units_model = RowsModel(self._unit_columns(), parent=self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.view = read_only_table(split, self.model)
        self.view.setObjectName("final_targets")
        self.units_view = read_only_table(split, self.units_model)
        self.units_view.setObjectName("final_units")
        split.addWidget(self.view)
        split.addWidget(self.units_view)
        layout.addWidget(split, 1)
        self.plan_box.currentIndexChanged.connect(lambda _: self.refresh())
        self.report_button.clicked.connect(lambda: write_final_report(self.window_, self.plan_code))

    def _target_columns(self) -> list[Column]:
        def year(e: Evaluation) -> str:
            text = _number(e.value, e.decimals) if e.complete else self.tr("数据不全")
            return text + (self.tr("（累计）") if e.cumulative and e.complete else "")

        def growth(e: Evaluation) -> str:
            return "" if e.growth is None else f"{format_number(e.growth, 1)}{e.growth_unit}"

        return [
            Column(self.tr("表2"), lambda e: "" if e.table2_seq is None else str(e.table2_seq), RIGHT),
            Column(self.tr("指标"), lambda e: e.name),
            Column(self.tr("单位"), lambda e: e.measure),
            Column(self.tr("基数"), lambda e: _number(e.base, e.decimals), RIGHT),
            Column(self.tr("目标"), lambda e: _number(e.target, e.decimals), RIGHT),
            Column(self.tr("目标年"), year, RIGHT),
            Column(self.tr("增长"), growth, RIGHT),
            Column(self.tr("结论"), lambda e: message_text(label(e.verdict)), color=_colour),
            Column(self.tr("缺报"), self._missing),
        ]

    def _unit_columns(self) -> list[Column]:
        return [
            Column(self.tr("单位"), lambda u: u.unit_name),
            Column(self.tr("指标"), lambda u: u.name),
            Column(self.tr("本单位目标"), lambda u: _number(u.target, u.decimals), RIGHT),
            Column(self.tr("目标年"), lambda u: _number(u.value, u.decimals), RIGHT),
            Column(self.tr("结论"), lambda u: message_text(label(u.verdict)), color=_colour),
            Column(self.tr("缺报"), lambda u: "、".join(u.missing)),
        ]

    def _missing(self, e: Evaluation) -> str:
        names = self.result.unit_names if self.result else {}
        return "、".join(f"{names.get(m.unit, m.unit)}（{m.period}）" for m in e.missing)

    @property
    def plan_code(self) -> str | None:
        data = self.plan_box.currentData()
        return str(data) if data else None

    def _fill_plans(self) -> None:
        plans = plans_held(self.window_.store)
        codes = [p.code for p in plans]
        if [self.plan_box.itemData(i) for i in range(self.plan_box.count())] == codes:
            return
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for plan in plans:
            self.plan_box.addItem(plan.name, plan.code)
        self.plan_box.setCurrentIndex(codes.index(ended_plan(self.window_.store).code))
        self.plan_box.blockSignals(False)

    def refresh(self) -> None:
        """Evaluate the chosen plan again from the database as it is."""
        self._fill_plans()
        code = self.plan_code
        if code is None:
            return
        self.result = result = evaluate(self.window_.store, code)
        self.model.set_rows(result.indicators)
        self.units_model.set_rows(result.units)
        self.summary.setText(
            self.tr(
                "{plan}（{first}—{last}年）：{n} 项目标，完成 {met} 项，未完成 {not_met} 项，数据不全（不作判断）{incomplete} 项。"
            ).format(
                plan=result.plan.name,
                first=result.plan.first_year,
                last=result.plan.target_year,
                n=len(result.indicators),
                met=len(result.met),
                not_met=len(result.not_met),
                incomplete=len(result.incomplete),
            )
        )


def write_final_report(window, code: str | None, path: str | None = None) -> None:
    """Ask where, then write the plan's final evaluation report (and its PDF where LibreOffice is installed)
    in the background."""
    if code is None:
        return

    # python-docx loads when a report is written, not while the window is built
    def write(store, target: Path, pdf: bool, progress):
        from ...services.plan.final_report import write_final_report as write_file

        return write_file(store, code, target, pdf=pdf, progress=progress)

    words = ReportWords(
        QCoreApplication.translate("FinalEvaluation", "保存规划终期评估报告"),
        QCoreApplication.translate("FinalEvaluation", "正在生成规划终期评估报告…"),
        QCoreApplication.translate("FinalEvaluation", "已写出规划终期评估报告 {path}"),
    )
    write_report_file(window, words, [], path, write)
