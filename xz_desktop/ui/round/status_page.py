"""报送情况 page: for a period, each unit's state, due date, submissions, days late and completeness;
the 催报 list (not submitted, or returned and not resubmitted) with contact person and phone; 设置截止日期."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.messages import XzError
from ...domain.periods import parse_period
from ...domain.round import State, state_label
from ...services.round.due import set_due
from ...services.round.states import RoundStatus, round_status
from ...services.status import status_periods
from ..common.changes import Changes
from ..common.i18n import message_text
from ..common.period_choice import fill_period_box, period_text
from ..common.rows_model import BAD, GOOD, MUTED, RIGHT, WARN, Column, RowsModel, when
from ..common.views import read_only_table
from ..totals.year_reports import LazyPage

PAGE_KEY = "submission_status"
SHOWS = Changes(
    packages=True, figures=True, catalog=True, round=True
)  # who submitted, how complete, and the round's states
_COLOURS = {
    State.NOT_SUBMITTED.value: BAD,
    State.SUBMITTED.value: WARN,
    State.RETURNED.value: BAD,
    State.ACCEPTED.value: GOOD,
}


class StatusPage(LazyPage, QWidget):
    """Computed while shown (:class:`~.year_reports.LazyPage`): every unit's completeness reads the period's
    figures (a third of a second at province scale), which must not hold up the window while the page is hidden."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        kinds = {"geographic": self.tr("镇街"), "sector": self.tr("部门")}

        def state(r: RoundStatus) -> str:
            text = message_text(state_label(State(r.state)))
            if r.nil_reason is not None:
                text += self.tr("（空表）")
            if r.resubmitted:
                text += self.tr("（重新报送）")
            return text

        def timeliness(r: RoundStatus) -> str:
            if r.late_days:
                return self.tr("逾期 {n} 天").format(n=r.late_days)
            return self.tr("按时") if r.submitted and r.due else ""

        self.model = RowsModel(
            [
                Column(self.tr("单位"), lambda r: r.name),
                Column(self.tr("类别"), lambda r: kinds.get(r.kind, r.kind)),
                Column(self.tr("状态"), state, color=lambda r: _COLOURS.get(r.state)),
                Column(self.tr("首次报送"), lambda r: when(r.submitted_at)),
                Column(self.tr("最近报送"), lambda r: when(r.last_submitted_at) if r.packages > 1 else ""),
                Column(self.tr("及时性"), timeliness, color=lambda r: BAD if r.late_days else None),
                Column(
                    self.tr("已填/应填"),
                    lambda r: f"{r.values}/{r.expected}",
                    RIGHT,
                    color=lambda r: WARN if r.submitted and r.values < r.expected else None,
                ),
                Column(
                    self.tr("退回原因 / 空表说明"),
                    lambda r: r.reason or r.nil_reason or "",
                    tooltip=lambda r: "\n".join(f"{k}：{v}" for k, v in r.figure_reasons.items()),
                ),
                Column(self.tr("上报包"), lambda r: r.package_file or ""),
                Column(self.tr("填报人"), lambda r: r.author or ""),
            ],
            parent=self,
        )
        self.table = read_only_table(self, self.model)
        self.chase_model = RowsModel(
            [
                Column(self.tr("单位"), lambda r: r.name),
                Column(
                    self.tr("情况"),
                    lambda r: self.tr("已退回，未重新报送") if r.state == State.RETURNED.value else self.tr("未报送"),
                    color=lambda r: BAD,
                ),
                Column(
                    self.tr("逾期"), lambda r: self.tr("{n} 天").format(n=r.late_days) if r.late_days else "", RIGHT
                ),
                Column(
                    self.tr("联系人"),
                    lambda r: r.contact or self.tr("（未登记）"),
                    color=lambda r: None if r.contact else MUTED,
                ),
                Column(self.tr("电话"), lambda r: r.phone),
            ],
            parent=self,
        )
        self.chase_table = read_only_table(self, self.chase_model)
        self.chase_table.setObjectName("chase_table")
        self.period = QComboBox(self)
        label = QLabel(self.tr("报告期(&Q)："), self)
        label.setBuddy(self.period)
        self.due_edit = QDateEdit(self, objectName="due_edit")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_label = QLabel(self, objectName="due_label")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        due_caption = QLabel(self.tr("截止日期(&J)："), self)
        due_caption.setBuddy(self.due_edit)
        self.due_button = QPushButton(self.tr("设置截止日期"), self, objectName="due_button")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.due_button.setAutoDefault(False)
        self.due_button.clicked.connect(self.apply_due)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.period)
        top.addSpacing(16)
        top.addWidget(due_caption)
        top.addWidget(self.due_edit)
        top.addWidget(self.due_button)
        top.addWidget(self.due_label)
        top.addWidget(self.summary, 1)
        self.chase_label = QLabel(self.tr("催报名单（未报送，或已退回未重新报送）："), self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.chase_label)
        layout.addWidget(self.chase_table, 1)
        self.period.currentIndexChanged.connect(lambda _: self.reload())
        window.period_choice.attach(self.period, self.reload)
        window.watch(self, SHOWS, self.refresh_periods)
        self.refresh_periods()

    @property
    def chosen_period(self) -> str:
        """The period shown (``2024``, ``2024H1``), or "" before there is any."""
        return str(self.period.currentData() or "")

    def refresh_periods(self) -> None:
        fill_period_box(self.period, status_periods(self.window_.store), self.window_.period_choice.period)
        self.reload()

    def refresh(self) -> None:
        period = self.chosen_period
        store = self.window_.store
        rows = round_status(store, parse_period(period)) if period else []
        self.model.set_rows(rows)
        self.chase_model.set_rows([r for r in rows if r.to_chase])
        due = rows[0].due if rows else None
        self.due_label.setText(self.tr("（当前：{due}）").format(due=due) if due else self.tr("（未设置）"))
        if due:
            self.due_edit.setDate(QDate.fromString(due, "yyyy-MM-dd"))
        done = [r for r in rows if r.submitted]
        accepted = [r for r in rows if r.state == State.ACCEPTED.value]
        late = [r for r in rows if r.late_days]
        text = self.tr("{period}：{done}/{total} 个单位已报送，{accepted} 个已验收，{late} 个逾期。").format(
            period=period_text(period) if period else "",
            done=len(done),
            total=len(rows),
            accepted=len(accepted),
            late=len(late),
        )
        missing = [r.name for r in rows if not r.submitted]
        if missing:
            text += self.tr("未报送：{names}").format(names="、".join(missing))
        self.summary.setText(text)

    def apply_due(self) -> None:
        period = self.chosen_period
        if not period:
            return
        try:
            set_due(self.window_.store, parse_period(period), self.due_edit.date().toString("yyyy-MM-dd"))
        except XzError as exc:
            self.window_.show_error(exc)
            return
        self.window_.announce(Changes(round=True), origin=self)
        self.reload()


def install(window) -> None:
    """The district's 报送情况 page (its menu entry: ui/pages.ACTIONS)."""
    if not window.is_district:
        return
    window.add_page(PAGE_KEY, QCoreApplication.translate("packages_page", "报送情况"), StatusPage(window))
