"""冲突 page: the figures the merge could not decide, and the district's pick for each.

The upper table lists conflicts; the lower one the values in dispute for the selected
conflict, with where each came from. 采用所选数值 (or Enter in the lower table) settles the
conflict; two buttons settle every open one at once in favour of the units' latest
packages or of the district's corrections. Decisions are quick single transactions on the
window's own connection; the window then reloads the pages that show figures or conflicts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget

from ...services.packages.conflicts import (
    ConflictCandidate,
    ConflictView,
    errors_in_conflicted_periods,
    list_conflicts,
    resolve,
    resolve_many,
    resolve_package,
    revision_words,
)
from ..common.changes import Changes
from ..common.i18n import message_text
from ..common.period_choice import period_text
from ..common.rows_model import BAD, GOOD, RIGHT, Column, RowsModel, number, when
from ..common.views import read_only_table

PAGE_KEY = "conflicts"
SHOWS = Changes(conflicts=True, figures=True, catalog=True)  # the conflicts, with the value in use
DECIDED = Changes(conflicts=True, figures=True)  # a decision puts the chosen value in force


class ConflictsPage(QWidget):
    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        kinds = {"correction": self.tr("区里更正与单位新报不同"), "fork": self.tr("单位在两处分别修改过")}
        self.conflicts_model = RowsModel(
            [
                Column(self.tr("编号"), lambda c: str(c.id), RIGHT),
                Column(self.tr("单位"), lambda c: c.unit_name),
                Column(self.tr("报告期"), lambda c: period_text(c.period)),
                Column(self.tr("指标"), lambda c: c.indicator_name),
                Column(self.tr("冲突类型"), lambda c: kinds.get(c.kind, c.kind)),
                Column(self.tr("现用数值"), lambda c: number(c.current, c.measure), RIGHT),
                Column(
                    self.tr("状态"),
                    lambda c: self.tr("已处理") if c.resolved_at else self.tr("待处理"),
                    color=lambda c: GOOD if c.resolved_at else BAD,
                ),
            ],
            parent=self,
        )
        self.candidates_model = RowsModel(
            [
                Column(self.tr("来源"), self._origin),
                Column(self.tr("数值"), lambda c: number(c.value), RIGHT),
                Column(self.tr("第几次修改"), lambda c: message_text(revision_words(c.revision))),
                Column(self.tr("填报/修改人"), lambda c: c.changed_by),
                Column(self.tr("修改时间"), lambda c: when(c.changed_at)),
                Column(self.tr("说明"), lambda c: c.explanation),
                Column("", self._chosen_mark, color=lambda c: GOOD),
            ],
            parent=self,
        )
        self.conflicts = read_only_table(self, self.conflicts_model)
        self.candidates = read_only_table(self, self.candidates_model)
        self.conflicts.selectionModel().currentRowChanged.connect(lambda *_: self._show_candidates())
        self.candidates.activated.connect(lambda *_: self.choose_selected())

        self.show_resolved = QCheckBox(self.tr("显示已处理的(&S)"), self)
        self.show_resolved.toggled.connect(lambda _: self.reload())
        self.summary = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_resolved)

        self.choose_button = QPushButton(self.tr("采用所选数值(&U)"), self)
        self.choose_button.clicked.connect(self.choose_selected)
        self.all_unit = QPushButton(self.tr("全部采用上报包数值(&P)"), self)
        self.all_unit.clicked.connect(lambda: self.resolve_all("unit"))
        self.all_district = QPushButton(self.tr("全部保留区里更正(&K)"), self)
        self.all_district.clicked.connect(lambda: self.resolve_all("district"))
        self.whole_package = QPushButton(self.tr("采用该上报包的全部数值(&A)"), self)
        self.whole_package.setObjectName("conflicts_whole_package")
        self.whole_package.setToolTip(self.tr("所选数值所在的上报包：它涉及的每个待处理冲突都采用该包的数值"))
        self.whole_package.clicked.connect(self.take_whole_package)
        # Errors left in the unit-periods of conflicts: figures chosen one by one can break a rule together.
        self.errors = QLabel(self)
        self.errors.setObjectName("conflicts_errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #a94442")
        buttons = QHBoxLayout()
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        buttons.addWidget(self.detail, 1)
        for b in (self.choose_button, self.whole_package, self.all_unit, self.all_district):
            buttons.addWidget(b)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("可选数值（选中后按回车或点“采用所选数值”）(&V)："), lower)
        label.setBuddy(self.candidates)
        lower_layout.addWidget(label)
        lower_layout.addWidget(self.candidates)
        lower_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.conflicts)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.errors)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.conflicts, self.candidates)
        self.setTabOrder(self.candidates, self.choose_button)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.choose_selected)
        window.watch(self, SHOWS, self.reload)
        self.reload()

    def _origin(self, cand: ConflictCandidate) -> str:
        if cand.origin == "district":
            return self.tr("区里更正（{source}）").format(source=cand.source)
        return self.tr("上报包 {file}（导出于 {at}）").format(
            file=cand.file or cand.source[:8], at=when(cand.exported_at)
        )

    def _chosen_mark(self, cand: ConflictCandidate) -> str:
        c = self.current()
        if c is None or not c.chosen:
            return ""
        same = (c.chosen.origin, c.chosen.source, c.chosen.value) == (cand.origin, cand.source, cand.value)
        return self.tr("✔ 已采用") if same else ""

    # -- data -----------------------------------------------------------------
    def current(self) -> ConflictView | None:
        return self.conflicts_model.row_at(self.conflicts.currentIndex().row())

    def reload(self) -> None:
        selected = self.current()
        rows = list_conflicts(self.window_.store, include_resolved=self.show_resolved.isChecked())
        self.conflicts_model.set_rows(rows)
        open_count = sum(1 for c in rows if not c.resolved_at)
        self.summary.setText(
            self.tr("待处理的冲突：{n} 个。处理之前，汇总表中相关数值标为“有争议”。").format(n=open_count)
            if open_count
            else self.tr("没有待处理的冲突。")
        )
        self.all_unit.setEnabled(open_count > 0)
        self._show_errors()
        self.all_district.setEnabled(
            any(not c.resolved_at and any(x.origin == "district" for x in c.candidates) for c in rows)
        )
        index = next(
            (n for n, c in enumerate(rows) if selected is not None and c.id == selected.id), 0 if rows else None
        )
        if index is not None:
            self.conflicts.selectRow(index)
        self._show_candidates()

    def _show_candidates(self) -> None:
        c = self.current()
        self.candidates_model.set_rows([] if c is None else c.candidates)
        if c is not None and self.candidates_model.rowCount():
            self.candidates.selectRow(0)
        self.choose_button.setEnabled(c is not None and not c.resolved_at)
        self.whole_package.setEnabled(
            c is not None and not c.resolved_at and any(x.origin == "unit" for x in c.candidates)
        )
        if c is None:
            self.detail.setText("")
        elif c.resolved_at:
            self.detail.setText(self.tr("{by} 于 {at} 处理。").format(by=c.resolved_by, at=when(c.resolved_at)))
        elif c.kind == "correction":
            self.detail.setText(
                self.tr("区里更正过这个数值，而单位随后报来的数值不是在更正的基础上修改的。请选定采用哪一个。")
            )
        else:
            self.detail.setText(
                self.tr("这个单位在两处（例如两台电脑）分别修改过这个数值，报来了两个不同的数。请选定采用哪一个。")
            )

    # -- decisions ------------------------------------------------------------
    def _show_errors(self) -> None:
        store = self.window_.store
        catalog = store.catalog()
        found = errors_in_conflicted_periods(store)
        if not found:
            self.errors.clear()
            self.errors.hide()
            return
        lines = [
            self.tr("{unit} {period}：{text}").format(
                unit=catalog.unit(f.unit).name if catalog.has_unit(f.unit) else f.unit,
                period=period_text(f.period),
                text=message_text(f.message),
            )
            for f in found
        ]
        self.errors.setText(
            self.tr("处理冲突后，以下单位该期的数值未通过逻辑性审核，汇总表中相关数值已注明，请更正：")
            + "\n"
            + "\n".join(lines)
        )
        self.errors.show()

    def selected_package(self) -> str | None:
        """The package of the selected candidate, if it is a unit's."""
        c = self.current()
        row = self.candidates.currentIndex().row()
        if c is None:
            return None
        if 0 <= row < len(c.candidates) and c.candidates[row].origin == "unit":
            return c.candidates[row].source
        units = [(x.exported_at, x.source) for x in c.candidates if x.origin == "unit"]
        return max(units)[1] if units else None  # the district's correction is selected: the latest package

    def take_whole_package(self) -> None:
        package = self.selected_package()
        if package is None:
            return
        c = self.current()
        cand = next((x for x in (c.candidates if c else []) if x.origin == "unit" and x.source == package), None)
        name = (cand.file if cand else None) or package[:8]
        n = sum(
            1
            for x in self.conflicts_model.rows
            if not x.resolved_at and any(y.origin == "unit" and y.source == package for y in x.candidates)
        )
        answer = QMessageBox.question(
            self,
            self.tr("采用该上报包的全部数值"),
            self.tr("上报包 {file} 涉及 {n} 个待处理冲突，全部采用该包的数值？").format(file=name, n=n),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            resolve_package(self.window_.store, package)
        except Exception as exc:
            self.window_.show_error(exc)
            return
        self.window_.announce(DECIDED)

    def choose_selected(self) -> None:
        c = self.current()
        row = self.candidates.currentIndex().row()
        if c is None or c.resolved_at or not 0 <= row < len(c.candidates):
            return
        try:
            resolve(self.window_.store, c.id, row)
        except Exception as exc:
            self.window_.show_error(exc)
            return
        self.window_.announce(DECIDED)

    def resolve_all(self, prefer: str) -> None:
        ids = [c.id for c in self.conflicts_model.rows if not c.resolved_at]
        if not ids:
            return
        text = (
            self.tr("把 {n} 个待处理冲突全部定为各单位最新上报包中的数值？")
            if prefer == "unit"
            else self.tr("在 {n} 个待处理冲突中，凡有区里更正的，全部保留区里更正的数值？")
        )
        answer = QMessageBox.question(self, self.tr("批量处理冲突"), text.format(n=len(ids)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            resolve_many(self.window_.store, ids, prefer)
        except Exception as exc:
            self.window_.show_error(exc)
            return
        self.window_.announce(DECIDED)


def install(window) -> None:
    """The district's 冲突 page (its menu entry: ui/pages.ACTIONS)."""
    if not window.is_district:
        return
    window.add_page(PAGE_KEY, QCoreApplication.translate("packages_page", "冲突"), ConflictsPage(window))
