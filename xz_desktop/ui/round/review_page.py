"""审核 page (district): one unit's period beside last year and its previous package, notes per figure,
the outlier screen; 验收 (locks), 退回 with reasons, 重新开放; and the 审核日志 page.

Every rule is in ``services/round``; this page only shows a :class:`ReviewSheet` and asks the
service to decide. Dialogs are window-modal and opened with ``open()``, never a nested loop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.checks import Severity
from ...domain.messages import XzError
from ...domain.periods import parse_period
from ...domain.round import State, state_label
from ...services import findings as findings_service
from ...services.files import FileKind
from ...services.findings import FindingItem
from ...services.round.receipt import RECEIPT_SUFFIX, default_receipt_name, make_receipt
from ...services.round.review import (
    ReviewRow,
    ReviewSheet,
    accept,
    acceptance_summary,
    reopen,
    return_period,
    review_sheet,
    set_note,
)
from ...services.round.states import RoundStatus, round_status
from ...services.status import status_periods
from ..common.changes import Changes
from ..common.file_dialogs import default_folder, offer_folder, save_path
from ..common.findings_panel import FindingsPanel
from ..common.i18n import message_text, translate
from ..common.period_choice import fill_period_box, period_text, show_in
from ..common.rows_model import BAD, GOOD, MUTED, RIGHT, WARN, Column, RowsModel, number, when
from ..common.views import read_only_table

PAGE_KEY = "review"
# The sheet shows a unit's figures, their checks and conflicts, and the round's state and notes.
SHOWS = Changes(figures=True, packages=True, conflicts=True, catalog=True, round=True)
STATE_COLOURS = {
    State.NOT_SUBMITTED.value: MUTED,
    State.SUBMITTED.value: WARN,
    State.RETURNED.value: BAD,
    State.ACCEPTED.value: GOOD,
}


def state_text(state: str) -> str:
    return message_text(state_label(State(state)))


class SheetModel(QAbstractTableModel):
    """The figures of one unit's period; the last column (区里备注) is editable and saved at once."""

    NAME, MEASURE, VALUE, PREVIOUS_YEAR, PREVIOUS_PACKAGE, CHECKS, EXPLANATION, SCREEN, NOTE = range(9)

    def __init__(self, page: ReviewPage):
        super().__init__(page)
        self.page = page
        self.sheet: ReviewSheet | None = None

    def set_sheet(self, sheet: ReviewSheet | None) -> None:
        self.beginResetModel()
        self.sheet = sheet
        self.endResetModel()

    def row_at(self, row: int) -> ReviewRow | None:
        rows = self.sheet.rows if self.sheet else []
        return rows[row] if 0 <= row < len(rows) else None

    def row_of(self, code: str) -> int:
        rows = self.sheet.rows if self.sheet else []
        return next((n for n, r in enumerate(rows) if r.code == code), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.sheet is None else len(self.sheet.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        sheet = self.sheet
        return [
            self.tr("指标"),
            self.tr("单位"),
            self.tr("本期（{period}）").format(period=period_text(sheet.period)) if sheet else self.tr("本期"),
            self.tr("上年（{period}）").format(period=period_text(sheet.previous_period)) if sheet else self.tr("上年"),
            self.tr("上一个上报包"),
            self.tr("审核"),
            self.tr("说明"),
            self.tr("离群筛查"),
            self.tr("区里备注"),
        ][section]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.NOTE and self.sheet is not None and self.sheet.state != State.ACCEPTED.value:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _checks(self, r: ReviewRow) -> str:
        out = []
        for f in r.findings:
            text = message_text(f.message)
            if f.severity is Severity.ERROR:
                out.append(self.tr("错误：{text}").format(text=text))
            elif f.explained:
                out.append(self.tr("提示（已说明）：{text}").format(text=text))
            else:
                out.append(self.tr("提示：{text}").format(text=text))
        return "；".join(out)

    def _screen(self, r: ReviewRow) -> str:
        parts = []
        if r.outlier and r.z is not None:
            parts.append(self.tr("离群 z={z:.1f}").format(z=r.z))
        if r.jumped:
            parts.append(self.tr("与上年相比跳变"))
        return "、".join(parts)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        r = self.row_at(index.row())
        if r is None:
            return None
        c = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if c == self.PREVIOUS_PACKAGE and self.sheet is not None and not self.sheet.has_previous_package:
                return ""
            return [
                r.name,
                r.measure,
                number(r.value),
                number(r.previous_year),
                number(r.previous_package),
                self._checks(r),
                r.explanation,
                self._screen(r),
                r.note,
            ][c]
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (self.VALUE, self.PREVIOUS_YEAR, self.PREVIOUS_PACKAGE):
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole:
            if c == self.CHECKS and any(f.severity is Severity.ERROR for f in r.findings):
                return QBrush(BAD)
            if c in (self.CHECKS, self.SCREEN):
                return QBrush(WARN)
            if c == self.VALUE and r.changed_since_package:
                return QBrush(BAD)
        if role == Qt.ItemDataRole.ToolTipRole:
            if c == self.VALUE and r.changed_since_package:
                return self.tr("与上一个上报包不同")
            if c == self.SCREEN and r.per_10k is not None:
                return self.tr("每万名从业人员 {v:.1f}").format(v=r.per_10k)
            if c == self.NOTE and r.return_reason:
                return self.tr("退回意见：{reason}").format(reason=r.return_reason)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        r = self.row_at(index.row())
        if r is None or index.column() != self.NOTE or role != Qt.ItemDataRole.EditRole or self.sheet is None:
            return False
        return self.page.write_note(r.code, str(value or ""))


class ReasonDialog(QDialog):
    """A reason to type (退回, 重新开放), or a plain confirmation (验收) when ``with_text`` is False."""

    def __init__(self, parent: QWidget, title: str, prompt: str, with_text: bool = True):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(520, 300 if with_text else 240)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setVisible(with_text)
        self.with_text = with_text
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.buttons)

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class ReviewPage(QWidget):
    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        self.dialog: ReasonDialog | None = None
        self.period = QComboBox(self, objectName="review_period")  # type: ignore[call-arg]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        period_label = QLabel(self.tr("报告期(&Q)："), self)
        period_label.setBuddy(self.period)
        self.units = RowsModel(
            [
                Column(self.tr("单位"), lambda r: r.name),
                Column(self.tr("状态"), lambda r: state_text(r.state), color=lambda r: STATE_COLOURS.get(r.state)),
                Column(
                    self.tr("逾期"), lambda r: self.tr("{n} 天").format(n=r.late_days) if r.late_days else "", RIGHT
                ),
            ],
            parent=self,
        )
        self.unit_table = read_only_table(self, self.units)
        self.unit_table.selectionModel().currentRowChanged.connect(lambda *_: self.show_sheet())
        self.heading = QLabel(self, objectName="review_heading")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = SheetModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((190, 50, 90, 90, 90, 190, 110, 100, 200)):
            self.table.setColumnWidth(column, width)
        # 区里备注 right after the indicator's name: the two stay in view together on a 1366-pixel screen,
        # where the last column was off to the right and scrolling to it took the names away.
        self.table.horizontalHeader().moveSection(SheetModel.NOTE, SheetModel.NAME + 1)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.accept_button = QPushButton(self.tr("验收(&A)…"), self, objectName="review_accept")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.return_button = QPushButton(self.tr("退回(&T)…"), self, objectName="review_return")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.reopen_button = QPushButton(self.tr("重新开放(&O)…"), self, objectName="review_reopen")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.receipt_button = QPushButton(self.tr("导出回执(&X)…"), self, objectName="review_receipt")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.accept_button.clicked.connect(self.start_accept)
        self.return_button.clicked.connect(self.start_return)
        self.reopen_button.clicked.connect(self.start_reopen)
        self.receipt_button.clicked.connect(lambda: self.export_receipt())
        self.message = QLabel(self, objectName="review_message")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(period_label)
        top.addWidget(self.period)
        top.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.unit_table, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        # The same 审核结果 list the unit's form shows: every finding in words; Enter or a click selects its row.
        self.findings = FindingsPanel(self)
        self.findings.activated.connect(self.jump_to)
        sheet_split = QSplitter(Qt.Orientation.Vertical, self)
        sheet_split.setChildrenCollapsible(False)
        sheet_split.addWidget(self.table)
        sheet_split.addWidget(self.findings)
        sheet_split.setStretchFactor(0, 3)
        sheet_split.setStretchFactor(1, 1)
        right_layout.addWidget(sheet_split, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (self.accept_button, self.return_button, self.reopen_button, self.receipt_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        right_layout.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 1060])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.period.currentIndexChanged.connect(lambda _: self.reload())
        window.period_choice.attach(self.period, self.reload)
        window.watch(self, SHOWS, self.refresh)
        self.refresh()

    # -- choosing -----------------------------------------------------------
    def refresh(self) -> None:
        fill_period_box(self.period, status_periods(self.window_.store), self.window_.period_choice.period)
        self.reload()

    @property
    def chosen_period(self) -> str:
        """The period shown (``2024``, ``2024H1``), or "" before there is any."""
        return str(self.period.currentData() or "")

    def reload(self, keep: str | None = None) -> None:
        """The units of the chosen period and the selected unit's sheet; while the page is hidden it is
        only marked stale and reloads when shown (a province's round is costly to read)."""
        if keep is None:
            current = self.current_unit()
            keep = current.unit if current else None
        if not self.isVisible():
            self._stale, self._keep = True, keep
            return
        self._stale = False
        period = self.chosen_period
        rows: list[RoundStatus] = round_status(self.window_.store, parse_period(period)) if period else []
        self.units.set_rows(rows)
        index = next((n for n, r in enumerate(rows) if r.unit == keep), 0 if rows else -1)
        if index >= 0:
            self.unit_table.selectRow(index)
        self.show_sheet()

    _stale: bool = True  # reload when next shown
    _keep: str | None = None  # the unit to select then

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload(self._keep)

    def current_unit(self) -> RoundStatus | None:
        return self.units.row_at(self.unit_table.currentIndex().row())

    def open_review(self, unit: str, period: str) -> None:
        """Show ``unit``'s ``period`` (used by other pages and by tests)."""
        self.window_.period_choice.choose(period)
        show_in(self.period, period)
        self.reload(keep=unit)

    def show_sheet(self) -> None:
        status = self.current_unit()
        period = self.chosen_period
        sheet = review_sheet(self.window_.store, status.unit, parse_period(period)) if status and period else None
        self.model.set_sheet(sheet)
        self._show_findings(sheet)
        self.heading.setText(self._heading(sheet, status))
        state = sheet.state if sheet else None
        self.accept_button.setEnabled(state in (State.SUBMITTED.value, State.RETURNED.value))
        self.return_button.setEnabled(state == State.SUBMITTED.value)
        self.reopen_button.setEnabled(state == State.ACCEPTED.value)
        self.receipt_button.setEnabled(sheet is not None)

    def _show_findings(self, sheet: ReviewSheet | None) -> None:
        found = [f for r in sheet.rows for f in r.findings] if sheet is not None else []
        self.findings.set_items(findings_service.items(self.window_.store.catalog(), found))

    def jump_to(self, item: FindingItem) -> bool:
        """Select the sheet's row of the finding's figure, its 审核 cell, and bring it into view."""
        row = self.model.row_of(item.indicator)
        if row < 0:
            return False
        index = self.model.index(row, SheetModel.CHECKS)
        self.table.setCurrentIndex(index)
        self.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _heading(self, sheet: ReviewSheet | None, status: RoundStatus | None) -> str:
        if sheet is None or status is None:
            return self.tr("请选择报告期和单位。")
        text = self.tr("{unit} {period}：{state}").format(
            unit=sheet.unit_name, period=period_text(sheet.period), state=state_text(sheet.state)
        )
        if status.due:
            text += self.tr("；截止日期 {due}").format(due=status.due)
        if status.submitted_at:
            text += self.tr("；首次报送 {at}").format(at=when(status.submitted_at))
        if status.late_days:
            text += self.tr("（逾期 {n} 天）").format(n=status.late_days)
        if sheet.resubmitted:
            text += self.tr("；退回后已重新报送")
        if sheet.nil_reason is not None:
            text += self.tr("；空表上报，说明：{reason}").format(reason=sheet.nil_reason)
        d = sheet.decision
        if d is not None and sheet.state == State.RETURNED.value:
            text += self.tr("；{by} 于 {at} 退回：{reason}").format(
                by=d.decided_by, at=when(d.decided_at), reason=d.reason
            )
            # Which notes travel, said where they are written.
            text += self.tr("。退回后写或改的区里备注也作为逐项退回意见，随之后导出的回执发给单位")
        if d is not None and sheet.state == State.ACCEPTED.value:
            text += self.tr("；{by} 于 {at} 验收并锁定").format(by=d.decided_by, at=when(d.decided_at))
        if sheet.open_conflicts:
            text += self.tr("；还有 {n} 个冲突待处理").format(n=sheet.open_conflicts)
        return text

    # -- notes --------------------------------------------------------------
    def write_note(self, code: str, text: str) -> bool:
        sheet = self.model.sheet
        if sheet is None:
            return False
        try:
            set_note(self.window_.store, sheet.unit, sheet.period, code, text)
        except XzError as exc:
            self.window_.show_error(exc)
            return False
        self.window_.announce(Changes(round=True), origin=self)
        # The editor is still committing: show the saved note once it has closed.
        QTimer.singleShot(0, lambda: self._reload_sheet(code))
        return True

    def _reload_sheet(self, code: str) -> None:
        sheet = self.model.sheet
        if sheet is None:
            return
        self.model.set_sheet(review_sheet(self.window_.store, sheet.unit, sheet.period))
        self._show_findings(self.model.sheet)
        row = self.model.row_of(code)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, SheetModel.NOTE))

    def notes(self) -> dict[str, str]:
        sheet = self.model.sheet
        return {r.code: r.note for r in sheet.rows if r.note} if sheet else {}

    # -- decisions ----------------------------------------------------------
    def _ask(self, title: str, prompt: str, with_text: bool, then) -> ReasonDialog:
        dialog = ReasonDialog(self, title, prompt, with_text)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: then(dialog.text()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def start_accept(self) -> ReasonDialog | None:
        sheet = self.model.sheet
        if sheet is None:
            return None
        return self._ask(
            self.tr("验收"),
            self.tr("验收“{unit}”{period}？验收后该期锁定，之后的上报包将不予合并，直到区里重新开放。").format(
                unit=sheet.unit_name, period=period_text(sheet.period)
            )
            + "\n\n"
            + "\n".join(f"· {message_text(line)}" for line in acceptance_summary(sheet)),
            False,
            lambda _: self._decide(lambda store: accept(store, sheet.unit, sheet.period)),
        )

    def start_return(self) -> ReasonDialog | None:
        sheet = self.model.sheet
        if sheet is None:
            return None
        notes = self.notes()
        names = {r.code: r.name for r in sheet.rows}
        listed = "\n".join(f"· {names.get(c, c)}：{t}" for c, t in notes.items())
        prompt = self.tr("把“{unit}”{period} 退回，请写明原因（必填）。").format(
            unit=sheet.unit_name, period=period_text(sheet.period)
        )
        if listed:
            prompt += "\n" + self.tr("以下区里备注将作为逐项退回意见一并发给单位：") + "\n" + listed
        return self._ask(
            self.tr("退回"),
            prompt,
            True,
            lambda reason: self._decide(lambda store: return_period(store, sheet.unit, sheet.period, reason, notes)),
        )

    def start_reopen(self) -> ReasonDialog | None:
        sheet = self.model.sheet
        if sheet is None:
            return None
        return self._ask(
            self.tr("重新开放"),
            self.tr("重新开放“{unit}”{period}，请写明原因（必填）。重新开放后可再合并该期的上报包。").format(
                unit=sheet.unit_name, period=period_text(sheet.period)
            ),
            True,
            lambda reason: self._decide(lambda store: reopen(store, sheet.unit, sheet.period, reason)),
        )

    def _decide(self, act) -> None:
        try:
            result = act(self.window_.store)
        except XzError as exc:
            self.window_.show_error(exc)
            return
        self.message.setText(
            self.tr("{period}：{before} → {after}").format(
                period=period_text(result.period),
                before=state_text(result.from_state),
                after=state_text(result.to_state),
            )
        )
        self.window_.announce(Changes(round=True), origin=self)
        self.refresh()

    def export_receipt(self, path: str | Path | None = None) -> Path | None:
        status = self.current_unit()
        if status is None:
            return None
        if path is None:
            chosen = save_path(
                self,
                FileKind.RECEIPT,
                self.tr("导出回执"),
                self.tr("回执 (*{suffix})").format(suffix=RECEIPT_SUFFIX),
                RECEIPT_SUFFIX,
                suggested=default_folder(FileKind.RECEIPT)
                / default_receipt_name(self.window_.store, status.unit, translate),
            )
            if chosen is None:
                return None
            path = chosen
        try:
            made = make_receipt(self.window_.store, status.unit, path)
        except XzError as exc:
            self.window_.show_error(exc)
            return None
        text = self.tr("已导出给 {unit} 的回执：{file}。请发给该单位，用“文件 → 导入区里的回执”导入。").format(
            unit=status.name, file=made.file
        )
        self.message.setText(text)
        offer_folder(self.window_, made.file, text)
        return Path(made.file)


def install(window) -> None:
    """The district's 审核 page (its menu entries: ui/pages.ACTIONS)."""
    if not window.is_district:
        return
    window.add_page(PAGE_KEY, QCoreApplication.translate("review_page", "审核"), ReviewPage(window))


def receipt_from_menu(window) -> None:
    """汇总 → 导出回执: the 审核 page shown, then its receipt written."""
    window.show_page(PAGE_KEY)
    window.page(PAGE_KEY).export_receipt()
