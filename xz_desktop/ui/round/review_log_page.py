"""审核日志: the district's page of every state change and due date of the reporting round."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...services.round.review import review_log
from ..common.changes import Changes
from ..common.period_choice import period_text
from ..common.rows_model import Column, RowsModel, when
from ..common.views import read_only_table
from .review_page import state_text

PAGE_KEY = "review_log"
LOG_SHOWS = Changes(packages=True, round=True)  # submissions come with merges; decisions and due dates


class ReviewLogPage(QWidget):
    """审核日志: every state change and due date, newest first."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        actions = {
            "due": self.tr("设置截止日期"),
            "submit": self.tr("报送"),
            "resubmit": self.tr("退回后重新报送"),
            "nil": self.tr("空表上报"),
            "withdraw": self.tr("撤销合并"),
            "return": self.tr("退回"),
            "accept": self.tr("验收"),
            "reopen": self.tr("重新开放"),
        }
        self.names = {u.code: u.name for u in window.store.catalog().units}

        def change(e) -> str:
            if e.action == "due":
                before = e.details.get("from") or self.tr("（无）")
                return f"{before} → {e.details.get('to')}"
            return f"{state_text(e.from_state)} → {state_text(e.to_state)}"

        self.model = RowsModel(
            [
                Column(self.tr("时间"), lambda e: when(e.at)),
                Column(self.tr("操作人"), lambda e: e.by),
                Column(self.tr("操作"), lambda e: actions.get(e.action, e.action)),
                Column(
                    self.tr("单位"), lambda e: self.names.get(e.unit, e.unit) if e.unit else self.tr("（全部单位）")
                ),
                Column(self.tr("报告期"), lambda e: period_text(e.period)),
                Column(self.tr("变化"), change),
                Column(
                    self.tr("原因"),
                    lambda e: (
                        e.reason + "".join(f"；{k}：{v}" for k, v in dict(e.details.get("figures") or {}).items())
                    ),
                ),
            ],
            parent=self,
        )
        self.table = read_only_table(self, self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        window.watch(self, LOG_SHOWS, self.reload)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(list(reversed(review_log(self.window_.store))))


def install(window) -> None:
    """The district's 审核日志 page (its menu entry: ui/pages.ACTIONS)."""
    if not window.is_district:
        return
    window.add_page(PAGE_KEY, QCoreApplication.translate("review_page", "审核日志"), ReviewLogPage(window))
