"""合并日志 page: which file was merged or taken back out, when, by whom, with what result; 撤销合并."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...services.packages.merge import LogEntry, UnmergeResult, merge_log, unmerge
from ...services.progress import Progress
from ...store import Store
from ..common.changes import MERGE, Changes
from ..common.operations import StoreOp
from ..common.period_choice import period_text
from ..common.rows_model import GOOD, MUTED, RIGHT, Column, RowsModel, when
from ..common.views import read_only_table

PAGE_KEY = "merge_log"
SHOWS = Changes(packages=True)  # the log lists merges and un-merges, not figures


def _unmerge(store: Store, progress: Progress, package_id: str) -> UnmergeResult:
    progress.step(0, 1, "")
    return unmerge(store, package_id)


class MergeLogPage(QWidget):
    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        self.units = {u.code: u.name for u in window.store.catalog().units}
        self.model = RowsModel(
            [
                Column(self.tr("时间"), lambda e: when(e.at)),
                Column(self.tr("操作人"), lambda e: e.by),
                Column(
                    self.tr("操作"),
                    lambda e: (
                        (self.tr("合并") + (self.tr("（退回后重新报送）") if e.resubmission else ""))
                        if e.action == "merge"
                        else self.tr("撤销合并")
                    ),
                    color=lambda e: GOOD if e.action == "merge" and e.in_force else MUTED,
                ),
                Column(self.tr("文件"), lambda e: e.file),
                Column(self.tr("单位"), lambda e: self.units.get(e.unit, e.unit)),
                Column(self.tr("报告期"), lambda e: "、".join(period_text(p) for p in e.periods)),
                Column(self.tr("新增"), lambda e: str(e.inserted), RIGHT),
                Column(self.tr("修改/恢复"), lambda e: str(e.updated), RIGHT),
                Column(self.tr("移除"), lambda e: str(e.removed), RIGHT),
                Column(self.tr("冲突"), lambda e: str(e.conflicts), RIGHT),
                Column(
                    self.tr("上报包编号"),
                    lambda e: e.package_id[:8] + ("" if e.in_force or e.action == "unmerge" else self.tr("（已撤销）")),
                    tooltip=lambda e: e.package_id,
                ),
            ],
            parent=self,
        )
        self.table = read_only_table(self, self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.unmerge_button = QPushButton(self.tr("撤销合并(&Z)…"), self)
        self.unmerge_button.setToolTip(self.tr("把所选上报包的数值撤出，恢复合并前的数值"))
        self.unmerge_button.clicked.connect(self.unmerge_selected)
        self.summary = QLabel(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.unmerge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        window.watch(self, SHOWS, self.reload)
        self.reload()

    def current(self) -> LogEntry | None:
        return self.model.row_at(self.table.currentIndex().row())

    def reload(self) -> None:
        rows = merge_log(self.window_.store)
        self.model.set_rows(rows)
        in_force = len({e.package_id for e in rows if e.in_force})
        self.summary.setText(self.tr("共 {n} 条记录；现有 {k} 个上报包在用。").format(n=len(rows), k=in_force))
        if rows:
            self.table.selectRow(0)
        self._update()

    def _update(self) -> None:
        e = self.current()
        self.unmerge_button.setEnabled(e is not None and e.action == "merge" and e.in_force)

    def unmerge_selected(self) -> None:
        e = self.current()
        if e is None or e.action != "merge" or not e.in_force:
            return
        answer = QMessageBox.question(
            self,
            self.tr("撤销合并"),
            self.tr(
                "撤销合并 {file}（{unit}，{periods}）？\n该包的数值将撤出，恢复合并前的数值；区里对冲突所做的选择保留。"
            ).format(
                file=e.file, unit=self.units.get(e.unit, e.unit), periods="、".join(period_text(p) for p in e.periods)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        package_id = e.package_id
        StoreOp(
            self.window_,
            self.tr("正在撤销合并…"),
            lambda store, progress: _unmerge(store, progress, package_id),
            changes=MERGE,
        ).success(self._done).run_in_background()

    def _done(self, result: UnmergeResult) -> None:
        self.summary.setText(
            self.tr("已撤销合并 {file}：恢复 {restored} 个数值，移除 {removed} 个，{conflicts} 个仍有冲突。").format(
                file=result.file, restored=result.restored, removed=result.removed, conflicts=result.conflicts
            )
        )


def install(window) -> None:
    """The district's 合并日志 page (its menu entry: ui/pages.ACTIONS)."""
    if not window.is_district:
        return
    window.add_page(PAGE_KEY, QCoreApplication.translate("packages_page", "合并日志"), MergeLogPage(window))
