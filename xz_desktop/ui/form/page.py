"""填报 page: choose unit and period, type the figures, see the checks, explain, print.

Every accepted edit is written at once through ``services/form.py`` (one transaction, an
audit row by trigger) and pushed on the undo stack; there is nothing to save. The page
reloads the form after each write, so the check statuses and the summary are those of
the stored figures — exactly what ``xz check`` would say.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...domain.messages import XzError
from ...domain.periods import Period, parse_period
from ...domain.timefmt import local_time
from ...services import findings as findings_service
from ...services import form as service
from ...services.files import FileKind
from ...services.findings import Field, FindingItem
from ...services.form import Form, FormRow, Status
from ..common import settings
from ..common.changes import Changes
from ..common.file_dialogs import offer_folder, save_path
from ..common.findings_panel import FindingsPanel
from ..common.i18n import message_text
from ..common.period_choice import fill_period_box
from .commands import Edit, EditCommand
from .delegate import FormDelegate
from .filter import FormFilter
from .history import HistoryDialog
from .model import CODE_ROLE, Column, FormModel, status_at
from .summary import SummaryBar
from .targets_panel import TargetsPanel
from .view import FormView

PAGE_KEY = "form"
SHOWS = Changes(
    figures=True, catalog=True, round=True, targets=True
)  # figures, the round's lock and reasons, own targets
EDITED = Changes(figures=True)
# 说明 no longer stretches over all spare width (it pushed 区里退回意见 off the screen): each column its width.
WIDTHS = {
    Column.NAME: 330,
    Column.MEASURE: 70,
    Column.PREVIOUS: 130,
    Column.VALUE: 140,
    Column.STATUS: 92,
    Column.EXPLANATION: 280,
    Column.REVIEW: 260,
}


class FormPage(QWidget):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.undo_stack = QUndoStack(self)
        self._loading = False
        # Forms the clerk asked to check (审核结果, F8) or left: a blank another figure needs is an error
        # there; in a form still being filled it is 未填 (services/findings decides which).
        self._checked: set[tuple[str, Period]] = set()
        self._changed_timer = QTimer(self, singleShot=True, interval=250)
        self._changed_timer.timeout.connect(self._announce_change)
        self._build()
        self._build_actions()
        self._fill_choosers()
        window.watch(self, SHOWS, self._data_changed_elsewhere)
        window.changed.connect(self._packages_changed)

    # -- layout ---------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        bar = QHBoxLayout()
        self.unit_box = QComboBox(self, objectName="form_unit")  # type: ignore[call-arg]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.unit_box.setMinimumContentsLength(12)
        self.period_box = QComboBox(self, objectName="form_period")  # type: ignore[call-arg]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.period_box.setMinimumContentsLength(9)
        self.filter_edit = QLineEdit(self, objectName="form_filter")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.filter_edit.setPlaceholderText(self.tr("查找指标：名称或代码（Ctrl+F）"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(220)
        unit_label = QLabel(self.tr("填报单位(&U)："), self)
        unit_label.setBuddy(self.unit_box)
        period_label = QLabel(self.tr("报告期(&P)："), self)
        period_label.setBuddy(self.period_box)
        filter_label = QLabel(self.tr("查找(&S)："), self)
        filter_label.setBuddy(self.filter_edit)
        self.history_button = QPushButton(self.tr("修改记录(&J)"), self)
        self.print_button = QPushButton(self.tr("打印(&R)…"), self)
        self.pdf_button = QPushButton(self.tr("导出 PDF(&X)…"), self)
        for widget in (unit_label, self.unit_box, period_label, self.period_box, filter_label, self.filter_edit):
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in (self.history_button, self.print_button, self.pdf_button):
            button.setAutoDefault(False)
            bar.addWidget(button)
        layout.addLayout(bar)
        # The district's word on this period: due date, returned with reasons, or accepted and read-only.
        self.review_banner = QLabel(self, objectName="form_review")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.review_banner.setWordWrap(True)
        self.review_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review_banner.setVisible(False)
        layout.addWidget(self.review_banner)
        self.summary = SummaryBar(self)
        layout.addWidget(self.summary)
        self.targets_panel = TargetsPanel(self)
        layout.addWidget(self.targets_panel)

        self.model = FormModel(self)
        self.model.commit = self._commit
        self.proxy = FormFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = FormView(self)
        self.view.setModel(self.proxy)
        self.delegate = FormDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in WIDTHS.items():
            self.view.setColumnWidth(column, width)
        saved = settings.get("form/columns")
        if not saved.isEmpty():
            header.restoreState(saved)
        header.sectionResized.connect(lambda *_: settings.put("form/columns", header.saveState()))
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        # 审核结果 under the figures: every finding in words, Enter or a click goes to its cell.
        self.findings = FindingsPanel(self, closable=True)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self, objectName="form_splitter")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.findings)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 160])
        saved_split = settings.get("form/findings_split")
        if not saved_split.isEmpty():
            self.splitter.restoreState(saved_split)
        self.splitter.splitterMoved.connect(lambda *_: settings.put("form/findings_split", self.splitter.saveState()))
        self.findings.setVisible(settings.get("form/findings_shown"))
        layout.addWidget(self.splitter, 1)

        self.message = QLabel(self, objectName="form_message")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setStyleSheet("color: #b3261e; padding: 2px;")
        layout.addWidget(self.message)
        self.saved_label = QLabel(self.tr("每一项修改在输入后立即保存，无需“保存”。"), self, objectName="form_saved")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.saved_label.setStyleSheet("color: #6b7280;")
        layout.addWidget(self.saved_label)

        self.setTabOrder(self.unit_box, self.period_box)
        self.setTabOrder(self.period_box, self.filter_edit)
        self.setTabOrder(self.filter_edit, self.view)

        self.unit_box.currentIndexChanged.connect(self._choice_changed)
        self.period_box.currentIndexChanged.connect(self._choice_changed)
        self.window_.period_choice.attach(self.period_box, self.reload)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.returnPressed.connect(self._filter_accepted)
        # Esc in the search box: the search is cleared and the cursor goes back to the figures.
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.filter_edit)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self._filter_escaped)
        self.summary.findings_requested.connect(self.show_findings)
        self.findings.activated.connect(self.jump_to)
        self.findings.closed.connect(lambda: self.set_findings_shown(False))
        self.model.refused.connect(self.show_refusal)
        self.model.form_changed.connect(self._form_changed)
        self.model.modelReset.connect(self._update_spans)
        self.model.modelReset.connect(self._cursor_to_first_field)
        self.proxy.layoutChanged.connect(self._update_spans)
        self.proxy.rowsInserted.connect(self._update_spans)
        self.proxy.rowsRemoved.connect(self._update_spans)
        self.delegate.refused.connect(self.show_refusal)
        self.view.read_only_typed.connect(self._read_only_typed)
        self.delegate.move_requested.connect(self._move)
        self.history_button.clicked.connect(self.show_history)
        self.print_button.clicked.connect(self.print_form)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

    def _action(self, text: str, shortcut, slot, menu: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            # Only while the form has the focus: other pages may use the same keys for their own work.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        if menu:
            self.window_.menu(menu).addAction(action)
        return action

    def _build_actions(self) -> None:
        entry = self.window_.menu("entry")
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("撤销"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("重做"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            entry.addAction(action)
        entry.addSeparator()
        self.find_action = self._action(
            self.tr("查找指标(&F)"), QKeySequence.StandardKey.Find, self.focus_filter, "entry"
        )
        self.history_action = self._action(self.tr("查看修改记录(&H)…"), "Ctrl+H", self.show_history, "entry")
        self.problem_action = self._action(self.tr("下一处错误或提示(&N)"), "F8", self.next_problem, "entry")
        # The 说明 is reached on purpose (Enter and Tab always go to the next figure).
        self.explain_action = self._action(self.tr("填写本行说明(&E)"), "Ctrl+E", self.explain_current, "entry")
        self.findings_action = self._action(self.tr("审核结果(&J)"), "Ctrl+J", self.show_findings, "entry")
        self.clear_action = self._action(self.tr("清空本格(&C)"), None, self._clear_current, "entry")
        file_menu = self.window_.menu("file")
        self.print_action = self._action(
            self.tr("打印填报表(&P)…"), QKeySequence.StandardKey.Print, self.print_form, "file"
        )
        self.preview_action = self._action(self.tr("打印预览(&W)…"), None, self.preview, "file")
        self.pdf_action = self._action(self.tr("导出 PDF(&E)…"), "Ctrl+Shift+P", lambda: self.export_pdf(), "file")
        file_menu.addSeparator()

    # -- choosing the form ------------------------------------------------
    def _fill_choosers(self) -> None:
        self._loading = True
        store = self.window_.store
        self.unit_box.clear()
        units = service.form_units(store)
        previous_kind = None
        for unit in units:
            if previous_kind is not None and unit.kind != previous_kind:
                self.unit_box.insertSeparator(self.unit_box.count())
            self.unit_box.addItem(unit.name, unit.code)
            previous_kind = unit.kind
        self.unit_box.setEnabled(store.is_district and len(units) > 1)
        # The window's one period (the same on every page); filled without signals, so the choice stays.
        fill_period_box(self.period_box, service.period_choices(store), self.window_.period_choice.period)
        wanted_unit = settings.get("form/unit") if store.is_district else (store.unit_code or "")
        self._select(self.unit_box, wanted_unit)
        self._loading = False
        self.reload()

    @staticmethod
    def _select(box: QComboBox, data: str) -> None:
        index = box.findData(data)
        if index >= 0:
            box.setCurrentIndex(index)
        elif box.currentIndex() < 0 and box.count():
            box.setCurrentIndex(0)

    @property
    def unit(self) -> str | None:
        return self.unit_box.currentData()

    @property
    def period(self) -> str | None:
        return self.period_box.currentData()

    @property
    def form(self) -> Form | None:
        return self.model.form

    def open_form(self, unit: str, period: str) -> None:
        """Show the form of ``unit`` for ``period`` (both must be among the choosers' items)."""
        self._loading = True
        self._select(self.unit_box, unit)
        self._select(self.period_box, str(period))
        self._loading = False
        self.reload()

    @property
    def checked(self) -> bool:
        """Whether the form shown was asked to be checked, or left once (see ``_checked``)."""
        form = self.form
        return form is not None and (form.unit.code, form.period) in self._checked

    def check_form(self) -> None:
        """The clerk asks to check: from now on every finding of this form counts as it will in a package."""
        form = self.form
        if form is not None and not self.checked:
            self._checked.add((form.unit.code, form.period))
            self._form_changed()

    def _choice_changed(self) -> None:
        if self._loading:
            return
        if self.form is not None:  # leaving a form: what is still blank there is now counted as it stands
            self._checked.add((self.form.unit.code, self.form.period))
        if self.window_.store.is_district and self.unit:
            settings.put("form/unit", self.unit)
        self.reload()

    def reload(self) -> None:
        """Read the shown form again from the database (targeted repaint when only figures changed)."""
        if not self.unit or not self.period:
            self.model.set_form(None)
            return
        try:
            self.model.set_form(service.load_form(self.window_.store, self.unit, parse_period(self.period)))
            self.targets_panel.show_for(self.window_.store, self.unit, self.period)
        except XzError as exc:
            self.window_.show_error(exc)

    def _form_changed(self) -> None:
        form = self.form
        checked = self.checked
        self.summary.set_summary(findings_service.while_filling(form.summary, checked=checked) if form else None)
        self.findings.set_items(
            findings_service.items(self.window_.store.catalog_for(form.period), form.findings, checked=checked)
            if form is not None
            else []
        )
        self._show_review(self.form)
        self.print_action.setEnabled(self.form is not None)
        self.pdf_action.setEnabled(self.form is not None)

    def _show_review(self, form: Form | None) -> None:
        """The banner over the figures, and the column of per-figure reasons of a returned period."""
        review = form.review if form else None
        self.view.setColumnHidden(Column.REVIEW, not (form and form.returned))
        parts: list[str] = []
        style = "padding: 6px; border-radius: 3px;"
        if form is not None and form.due:
            parts.append(self.tr("截止日期：{due}").format(due=form.due))
        submitted = form.submitted if form is not None else None
        if submitted is not None:
            when = local_time(submitted.at, seconds=False)
            if submitted.received:
                text = self.tr("本期上报包已于 {at} 收到并合并。").format(at=when)
            else:
                text = self.tr("本期已于 {at} 导出上报包。").format(at=when)
            if submitted.changed_since and submitted.received:  # the district's own corrections since
                text += self.tr("此后区里更正过 {n} 项数值（更正文件可发给该单位）。").format(n=len(submitted.changed))
                if review is None:
                    style += "background: #fff1d6; color: #8a4b00;"
            elif submitted.changed_since:
                text += self.tr("此后有 {n} 项数值修改过，尚未报送，请重新导出上报包。").format(
                    n=len(submitted.changed)
                )
                if review is None:
                    style += "background: #fff1d6; color: #8a4b00;"
            else:
                text += self.tr("此后数值没有修改。")
                if review is None:
                    style += "background: #eef3fb; color: #1f3a5f;"
            parts.append(text)
        if review is not None and review.locked:
            parts.append(
                self.tr("本期已由区里验收并锁定（{by}，{at}），数值只读；如需修改，请联系区里重新开放。").format(
                    by=review.decided_by, at=local_time(review.decided_at, seconds=False)
                )
            )
            style += "background: #e8f5e9; color: #1b5e20;"
        elif review is not None:
            text = self.tr("本期已被区里退回（{by}，{at}）：{reason}").format(
                by=review.decided_by, at=local_time(review.decided_at, seconds=False), reason=review.reason
            )
            if review.figure_reasons:
                text += self.tr(" 逐项意见见右侧“区里退回意见”列。修改后请重新导出上报包。")
            parts.append(text)
            style += "background: #fdecea; color: #b3261e;"
        self.review_banner.setText("　".join(parts))
        self.review_banner.setStyleSheet(style)
        self.review_banner.setVisible(bool(parts))
        self.clear_action.setEnabled(not (form and form.locked))

    def _cursor_to_first_field(self) -> None:
        # A new form: the cursor waits on its first figure, so the clerk can start typing.
        first = self.view.first_field()
        if first.isValid():
            self.view.setCurrentIndex(first)

    def _update_spans(self, *args) -> None:
        self.view.clearSpans()
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(CODE_ROLE) == "":
                self.view.setSpan(row, 0, 1, len(Column))

    # -- editing ----------------------------------------------------------
    def _write(
        self, unit: str, code: str, period: Period, field: str, value, source: str = service.LOCAL_SOURCE
    ) -> bool:
        store = self.window_.store
        try:
            if field == "value":
                service.set_value(store, unit, code, period, value, source=source)
            else:
                service.set_explanation(store, unit, code, period, value or "", source=source)
        except XzError as exc:
            self.window_.show_error(exc)
            return False
        self.hide_refusal()
        self.reload()
        self._changed_timer.start()
        name = store.catalog_for(period).indicator(code).name
        if source == service.UNDO_SOURCE:
            text = self.tr("已撤销：{name}（{time}），原来的数值已写回。").format(name=name, time=_now())
        elif source == service.REDO_SOURCE:
            text = self.tr("已重做：{name}（{time}）。").format(name=name, time=_now())
        else:
            text = self.tr("已保存：{name}（{time}）。每一项修改在输入后立即保存。").format(name=name, time=_now())
        written = self.form.row(code) if self.form is not None else None
        if field == "value" and written is not None and written.status is Status.WARNING:
            # Enter went on to the next figure: say how this one's 说明 is reached.
            text += self.tr("“{name}”需要说明：选中该行按 Ctrl+E 填写。").format(name=name)
        form = self.form
        summary = findings_service.while_filling(form.summary, checked=self.checked) if form is not None else None
        if summary is not None and summary.blocking:
            # Saved is not the same as right: say what is left, and where it is listed.
            text += self.tr("本表还有 {errors} 处错误、{warnings} 处提示未说明，见下方“审核结果”。").format(
                errors=summary.errors, warnings=summary.unexplained
            )
        self.saved_label.setText(text)
        return True

    def _commit(self, row: FormRow, column: Column, value) -> bool:
        """The model accepted an edit: write it, then record it for undo."""
        form = self.form
        if form is None:  # no form shown: nothing to write to
            return False
        field = "value" if column == Column.VALUE else "explanation"
        old = row.value if field == "value" else row.explanation
        if not self._write(form.unit.code, row.code, form.period, field, value):
            return False
        edit = Edit(form.unit.code, row.code, form.period, field, old, value)
        if field == "value":
            text = self.tr("填写“{name}”").format(name=row.indicator.name)
        else:
            text = self.tr("说明“{name}”").format(name=row.indicator.name)
        self.undo_stack.push(EditCommand(edit, text, self._apply))
        return True

    def _apply(self, edit: Edit, value, undoing: bool) -> bool:
        """Undo or redo: show the edited form, write (recorded as 撤销 / 重做), and put the cursor on the cell."""
        if (self.unit, self.period) != (edit.unit, str(edit.period)):  # the box holds the period's text
            self.open_form(edit.unit, str(edit.period))
        source = service.UNDO_SOURCE if undoing else service.REDO_SOURCE
        ok = self._write(edit.unit, edit.indicator, edit.period, edit.field, value, source)
        self.select(edit.indicator, Column.VALUE if edit.field == "value" else Column.EXPLANATION)
        return ok

    def _move(self, index: QPersistentModelIndex, how: str) -> None:
        # After the write the rows are the same; the persistent index still points at the edited cell.
        if not self.view.go(index, how) and how == "enter":
            self.window_.statusBar().showMessage(self.tr("本表的指标都已填写"), 4000)

    def explain_current(self) -> bool:
        """Open the 说明 of the current row for typing (Ctrl+E)."""
        if self.view.state() == FormView.State.EditingState:
            editor = self.delegate.open_editor()
            if editor is not None:
                if editor.objectName() == "value_editor" and self.delegate.problem(editor.text()):
                    return False  # not a number: the refusal stays where the clerk typed it
                index = self.view.currentIndex()
                self.delegate.commitData.emit(editor)
                self.delegate.closeEditor.emit(editor, FormDelegate.EndEditHint.NoHint)
                self.view.setCurrentIndex(index)
        target = self.view.explanation_of(self.view.currentIndex())
        if not target.isValid():
            self.window_.statusBar().showMessage(self.tr("这一行不能填写说明"), 4000)
            return False
        self.view.setCurrentIndex(target)
        self.view.scrollTo(target)
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.edit(target)
        return True

    def _read_only_typed(self, index) -> None:
        """A key typed on a cell that cannot be written: the reason, where the clerk looks."""
        form = self.form
        row = self.model.form_row(self.proxy.mapToSource(index).row()) if index.isValid() else None
        if form is None or row is None:
            return
        if form.locked:
            text = self.tr("本期已由区里验收并锁定，数值只读；如需修改，请联系区里重新开放。")
        elif not row.editable:
            text = self.tr("“{name}”由本单位填报的数值自动计算，不能直接填写。").format(name=row.indicator.name)
        else:
            text = self.tr("这一格不能填写：请在“本期”或“说明”格输入。")
        self.message.setText(text)
        self.message.setVisible(True)
        self.window_.statusBar().showMessage(text, 6000)

    def _clear_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.proxy.setData(index, "", Qt.ItemDataRole.EditRole)

    def show_refusal(self, text: str) -> None:
        self.message.setText(
            self.tr("未保存：{reason}。请输入数字，如 1234、1,234 或 １２３４；留空表示未填。").format(reason=text)
        )
        self.message.setVisible(True)
        editor = self.view.focusWidget() if self.view.state() == FormView.State.EditingState else None
        anchor = editor or self.view.viewport()
        QToolTip.showText(anchor.mapToGlobal(anchor.rect().bottomLeft()), text, anchor)

    def hide_refusal(self) -> None:
        self.message.clear()
        self.message.setVisible(False)

    # -- finding ----------------------------------------------------------
    def select(self, code: str, column: Column = Column.VALUE) -> bool:
        row = self.model.row_of(code)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():  # filtered out: show everything again
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, column))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    # -- 审核结果 ------------------------------------------------------------
    def set_findings_shown(self, shown: bool) -> None:
        self.findings.setVisible(shown)
        settings.put("form/findings_shown", shown)

    def show_findings(self) -> None:
        """Open the 审核结果 under the figures and put the cursor in it (the header counts, Ctrl+J)."""
        self.check_form()
        self.set_findings_shown(True)
        self.findings.focus_list()

    def jump_to(self, item: FindingItem) -> bool:
        """Go to the cell a finding asks to change: open its form, show it (clearing a search), select it."""
        if (self.unit, self.period) != (item.unit, item.period):
            if self.unit_box.findData(item.unit) < 0 or self.period_box.findData(item.period) < 0:
                return False
            self.open_form(item.unit, item.period)
        row = self.form.row(item.indicator) if self.form else None
        column = Column.EXPLANATION if item.field is Field.EXPLANATION else Column.VALUE
        if row is not None and not (
            self.model.flags(self.model.index(self.model.row_of(row.code), column)) & Qt.ItemFlag.ItemIsEditable
        ):
            column = Column.VALUE  # a locked period or a computed line: its figure is what to look at
        if row is None or not self.select(item.indicator, column):
            self.window_.statusBar().showMessage(
                self.tr("“{name}”不在本表中（目录已不含该指标）").format(name=item.name), 6000
            )
            return False
        index = self.view.currentIndex()
        self.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index, FormView.ScrollHint.PositionAtCenter)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_spans()

    def _filter_escaped(self) -> None:
        self.filter_edit.clear()
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _filter_accepted(self) -> None:
        # Enter in the search box: go to the first match's figure.
        first = self.view.first_field()
        if first.isValid():
            self.view.setCurrentIndex(first)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def next_problem(self) -> None:
        """Put the cursor on the next error, or the next warning still without 说明."""
        self.check_form()
        start = self.view.currentIndex().row()
        rows = self.proxy.rowCount()
        for step in range(1, rows + 1):
            row = (start + step) % rows
            status = status_at(self.proxy.index(row, Column.VALUE))
            if status in (Status.ERROR, Status.WARNING):
                column = Column.EXPLANATION if status is Status.WARNING else Column.VALUE
                self.view.setCurrentIndex(self.proxy.index(row, column))
                self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        self.window_.statusBar().showMessage(self.tr("没有需要处理的错误或提示"), 4000)

    # -- history ----------------------------------------------------------
    def current_row(self) -> FormRow | None:
        index = self.view.currentIndex()
        return self.model.form_row(self.proxy.mapToSource(index).row()) if index.isValid() else None

    def show_history(self) -> None:
        row = self.current_row()
        if row is None or not row.editable:
            self.window_.statusBar().showMessage(self.tr("请先选中一个填报指标"), 4000)
            return
        form = self.form
        if form is None:
            return
        entries = service.value_history(self.window_.store, form.unit.code, row.code, form.period)
        dialog = HistoryDialog(
            row.indicator, form.unit.name, message_text(service.period_label(form.period)), entries, self
        )
        dialog.exec()

    def _context_menu(self, point) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.history_action)
        menu.addAction(self.explain_action)
        menu.addAction(self.clear_action)
        menu.addSeparator()
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.exec(self.view.viewport().mapToGlobal(point))

    # -- printing ---------------------------------------------------------
    def _fresh_form(self) -> Form | None:
        self.reload()
        return self.form

    # The printing modules (QtPrintSupport, the printout's fonts and layout) are imported when first used: the
    # window's start does not need them (issue 25, item 1).
    def print_form(self) -> None:
        from . import printing

        form = self._fresh_form()
        if form is not None:
            printing.print_form(self, form, self.window_.store.author)

    def preview(self) -> None:
        from . import printing

        form = self._fresh_form()
        if form is not None:
            printing.preview_form(self, form, self.window_.store.author)

    def export_pdf(self, path: str | Path | None = None) -> Path | None:
        """Write the form as A4 PDF; asks where unless ``path`` is given."""
        form = self._fresh_form()
        if form is None:
            return None
        if path is None:
            chosen = save_path(
                self,
                FileKind.FORM_PDF,
                self.tr("导出 PDF"),
                self.tr("PDF 文件 (*.pdf)"),
                ".pdf",
                owner=form.unit.name,
                periods=[str(form.period)],
            )
            if chosen is None:
                return None
            path = chosen
        from ...printout.form import write_pdf

        try:
            written = write_pdf(form, path, self.window_.store.author)
        except XzError as exc:
            self.window_.show_error(exc)
            return None
        offer_folder(self.window_, written, self.tr("已导出 {path}").format(path=written))
        return written

    # -- other pages' changes -----------------------------------------------
    def _announce_change(self) -> None:
        self.window_.announce(EDITED, origin=self)  # this page shows what it wrote already

    def _data_changed_elsewhere(self) -> None:
        # An import or merge may have rewritten figures an undo would restore blindly.
        self.undo_stack.clear()
        self._fill_choosers_keep()

    def _packages_changed(self, changes: Changes, origin: object) -> None:
        """A package made (or merged, taken out) changes what the banner says went out: read it again at once.
        A change that also touches what the form shows has reloaded it already (``_data_changed_elsewhere``)."""
        if changes.packages and not changes & SHOWS:
            self.reload()

    def _fill_choosers_keep(self) -> None:
        unit, period = self.unit, self.period
        self._fill_choosers()
        if unit and period:
            self.open_form(unit, period)

    def flush(self) -> None:
        """Before the window closes: save what is being typed (if it is a number), announce changes."""
        editor = self.delegate.open_editor()
        if editor is not None and not (editor.objectName() == "value_editor" and self.delegate.problem(editor.text())):
            self.delegate.commitData.emit(editor)
        if self._changed_timer.isActive():
            self._changed_timer.stop()
            self._announce_change()


def _now() -> str:
    from datetime import datetime

    return datetime.now().strftime("%H:%M:%S")


def install(window) -> None:
    """Add the 填报 page (first tab) and its actions to the window."""
    page = FormPage(window)
    window.add_page(PAGE_KEY, QCoreApplication.translate("FormPage", "填报"), page)
    window.show_page(PAGE_KEY)
    page.view.setFocus()  # the window opens ready for typing
