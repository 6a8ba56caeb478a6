"""合并上报包 dialog: choose files or a folder, preview what each package would do, then merge.

Nothing is written before the clerk has seen the preview of exactly the files listed: the
合并 button is enabled only by a preview, and adding or removing a file disables it again.
Preview and merge run in the background (``operations.StoreOp``) with progress and cancel; a
cancelled merge keeps the packages already merged (each is its own transaction) and shows
the rest as not done.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...services.files import FileKind
from ...services.packages.merge import (
    MERGED,
    NOT_DONE,
    REFUSED,
    UNCHANGED,
    Change,
    MergeReport,
    PackageResult,
    merge_files,
    package_files,
)
from ...services.packages.package_file import SUFFIX
from ..common.changes import MERGE
from ..common.file_dialogs import default_folder
from ..common.i18n import message_text
from ..common.operations import StoreOp
from ..common.period_choice import period_text
from ..common.rows_model import BAD, GOOD, MUTED, RIGHT, WARN, Column, RowsModel, number
from ..common.views import read_only_table

PENDING = "pending"


class MergeDialog(QDialog):
    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.files: list[Path] = []
        self.state = "empty"  # empty → listed → previewing → previewed → merging → merged
        self.report: MergeReport | None = None
        catalog = window.store.catalog()
        self.unit_names = {u.code: u.name for u in catalog.units}
        self.indicator_names = {i.code: i.name for i in catalog.indicators}
        self.setWindowTitle(self.tr("合并上报包"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(980, 640)
        self._build()
        self._update()

    # -- layout ------------------------------------------------------------
    def _build(self) -> None:
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("输入或粘贴上报包文件、文件夹的路径，按回车添加"))
        self.path_edit.returnPressed.connect(self._add_typed)
        add_files = QPushButton(self.tr("添加文件(&A)…"), self)
        add_files.clicked.connect(self._choose_files)
        add_folder = QPushButton(self.tr("添加文件夹(&O)…"), self)
        add_folder.clicked.connect(self._choose_folder)
        self.remove_button = QPushButton(self.tr("移除(&R)"), self)
        self.remove_button.clicked.connect(self._remove_selected)
        row = QHBoxLayout()
        for w in (self.path_edit, add_files, add_folder, self.remove_button):
            row.addWidget(w)
        status_text = {
            PENDING: self.tr("待预览"),
            MERGED: self.tr("可合并"),
            UNCHANGED: self.tr("未变（此前已合并）"),
            REFUSED: self.tr("拒绝"),
            NOT_DONE: self.tr("未处理（已取消）"),
        }
        self._status_text = status_text
        color = {MERGED: GOOD, REFUSED: BAD, UNCHANGED: MUTED, NOT_DONE: WARN}

        def count(attr: str):
            return lambda r: "" if r.status in (PENDING, REFUSED, NOT_DONE) else str(getattr(r, attr))

        columns = [
            Column(self.tr("文件"), lambda r: Path(r.file).name, tooltip=lambda r: r.file),
            Column(
                self.tr("单位"),
                self._unit_label,
                color=lambda r: None if r.unit_verified or r.status == PENDING else WARN,
                tooltip=self._unit_tooltip,
            ),
            Column(self.tr("结果"), lambda r: self._status_label(r), color=lambda r: color.get(r.status)),
            Column(self.tr("新增"), count("inserted"), RIGHT),
            Column(self.tr("修改"), count("updated"), RIGHT),
            Column(self.tr("未变"), count("unchanged"), RIGHT),
            Column(self.tr("冲突"), count("conflicts"), RIGHT, color=lambda r: BAD if r.conflicts else None),
            Column(
                self.tr("原因"), lambda r: self._reason(r), tooltip=lambda r: "\n".join([self._reason(r), *r.details])
            ),
        ]
        self.results_model = RowsModel(columns, parent=self)
        self.results = read_only_table(self, self.results_model)
        self.results.selectionModel().currentRowChanged.connect(lambda *_: self._show_changes())

        kinds = {
            "insert": self.tr("新增"),
            "update": self.tr("修改"),
            "delete": self.tr("删除"),
            "conflict": self.tr("冲突"),
        }
        self.changes_model = RowsModel(
            [
                Column(self.tr("单位"), lambda c: self.unit_names.get(c.unit, c.unit)),
                Column(self.tr("报告期"), lambda c: period_text(c.period)),
                Column(self.tr("指标"), lambda c: self.indicator_names.get(c.indicator, c.indicator)),
                # 原值 and 新值 side by side (the last column stretches: 变动 there, not 新值 at the far edge)
                Column(self.tr("原值"), lambda c: "" if c.kind == "insert" else number(c.before), RIGHT),
                Column(
                    self.tr("新值"),
                    lambda c: number(c.incoming) + self.tr("（待选定）") if c.kind == "conflict" else number(c.after),
                    RIGHT,
                    tooltip=lambda c: (
                        self.tr("冲突：合并后暂用原值，汇总表标为有争议，请到“冲突”页选定")
                        if c.kind == "conflict"
                        else ""
                    ),
                ),
                Column(
                    self.tr("变动"),
                    lambda c: kinds.get(c.kind, c.kind),
                    color=lambda c: BAD if c.kind == "conflict" else None,
                ),
            ],
            parent=self,
        )
        self.changes = read_only_table(self, self.changes_model)
        self.changes_label = QLabel(self.tr("所选上报包将带来的变动（先预览）："), self)
        self.changes_label.setBuddy(self.changes)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.changes_label)
        lower_layout.addWidget(self.changes)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.results)
        splitter.addWidget(lower)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("预览(&P)"), self)
        self.preview_button.clicked.connect(self.preview)
        self.merge_button = QPushButton(self.tr("合并(&M)"), self)
        self.merge_button.clicked.connect(self.merge)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for b in (self.preview_button, self.merge_button, close):
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.path_edit, add_files)
        self.setTabOrder(add_files, add_folder)
        self.setTabOrder(add_folder, self.remove_button)
        self.setTabOrder(self.remove_button, self.results)
        self.setTabOrder(self.results, self.changes)
        self.setTabOrder(self.changes, self.preview_button)
        self.setTabOrder(self.preview_button, self.merge_button)
        self.setTabOrder(self.merge_button, close)

    def _unit_label(self, r: PackageResult) -> str:
        """Who the package is from; for a refused one, whom it claims to be (its signature did not prove it)."""
        if r.status in (PENDING, NOT_DONE):
            return self.unit_names.get(r.unit, r.unit)
        if not r.unit:
            return self.tr("（无法读出）") if r.status == REFUSED else ""
        name = self.unit_names.get(r.unit, r.unit)
        return name if r.unit_verified else self.tr("{unit}（自称，未验证）").format(unit=name)

    def _unit_tooltip(self, r: PackageResult) -> str:
        if r.status != REFUSED:
            return ""
        if not r.unit:
            return self.tr("文件中读不出它属于哪个单位")
        if r.unit_verified:
            return self.tr("签名已验证：确是该单位导出的上报包")
        return self.tr("文件清单中写的单位（代码 {code}）；签名未能证实，可能是他人冒名或文件已损坏").format(
            code=r.unit
        )

    def _status_label(self, r: PackageResult) -> str:
        if r.status == MERGED and self.state == "merged":
            return self.tr("已合并")
        return self._status_text.get(r.status, r.status)

    def _reason(self, r: PackageResult) -> str:
        if r.status != REFUSED:
            notes = []
            if r.resubmission:
                notes.append(self.tr("退回后重新报送"))
            if r.nil:
                notes.append(self.tr("空表上报"))
            return "、".join(notes)
        return message_text(r.message) if r.message is not None else (r.reason or "")

    # -- the file list -------------------------------------------------------
    def busy(self) -> bool:
        return self.state in ("previewing", "merging")

    def add_paths(self, paths: Sequence[str | Path]) -> bool:
        """Add files and folders (a folder adds its *.xzpkg); any change needs a new preview. Refused (False)
        while a preview or a merge runs: the list it works on must stay the list the report covers."""
        if self.busy():
            self.summary.setText(self.tr("正在预览或合并，完成后再添加上报包。"))
            return False
        known = {str(p.resolve()) for p in self.files}
        for path in package_files([Path(p) for p in paths if str(p).strip()]):
            if str(path.resolve()) not in known:
                self.files.append(path)
                known.add(str(path.resolve()))
        self._listed()
        return True

    def _listed(self) -> None:
        self.report = None
        self.state = "listed" if self.files else "empty"
        self.results_model.set_rows([PackageResult(str(p), "", PENDING) for p in self.files])
        self.changes_model.set_rows([])
        self._update()

    def _add_typed(self) -> None:
        text = self.path_edit.text().strip().strip('"')
        if text and self.add_paths([text]):
            self.path_edit.clear()

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择上报包"),
            str(default_folder(FileKind.PACKAGE)),
            self.tr("上报包 (*{suffix});;所有文件 (*)").format(suffix=SUFFIX),
        )
        if names:
            self.add_paths(names)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择存放上报包的文件夹"), str(default_folder(FileKind.PACKAGE))
        )
        if folder:
            self.add_paths([folder])

    def _remove_selected(self) -> None:
        row = self.results.currentIndex().row()
        if 0 <= row < len(self.files) and self.state not in ("previewing", "merging"):
            del self.files[row]
            self._listed()

    # -- preview and merge --------------------------------------------------
    def preview(self) -> None:
        if not self.files or self.state in ("previewing", "merging"):
            return
        self.state = "previewing"
        self._update()
        files = list(self.files)
        StoreOp(
            self.window_,
            self.tr("正在预览上报包…"),
            lambda store, progress: merge_files(store, files, progress=progress, dry_run=True),
            owner=self,
        ).success(self._previewed).failure(self._failed).run_in_background()

    def _previewed(self, report: MergeReport) -> None:
        self.report = report
        self.state = "previewed"
        self.results_model.set_rows(report.results)
        self._select_first()
        self._update()

    def merge(self) -> None:
        if self.state != "previewed":
            return
        self.state = "merging"
        self._update()
        files = list(self.files)
        StoreOp(
            self.window_,
            self.tr("正在合并上报包…"),
            lambda store, progress: merge_files(store, files, progress=progress, collect=True),
            changes=MERGE,  # a preview writes nothing
            owner=self,
        ).success(self._merged).failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        # The dialog's own state first: the message box below runs a nested event loop.
        self._listed()
        self.window_.report_failure(exc)

    def _merged(self, report: MergeReport) -> None:
        self.report = report
        self.state = "merged"
        self.results_model.set_rows(report.results)
        self._select_first()
        self._update()

    def _select_first(self) -> None:
        if self.results_model.rowCount():
            self.results.selectRow(0)
            self._show_changes()

    def _show_changes(self) -> None:
        result = self.results_model.row_at(self.results.currentIndex().row())
        changes: list[Change] = [] if result is None else [c for c in result.changes if c.kind != "unchanged"]
        self.changes_model.set_rows(changes)
        if result is not None and self.state == "merged":
            self.changes_label.setText(self.tr("{file} 带来的变动：").format(file=Path(result.file).name))
        elif result is not None:
            self.changes_label.setText(self.tr("{file} 将带来的变动（尚未写入）：").format(file=Path(result.file).name))

    def _update(self) -> None:
        busy = self.busy()
        self.preview_button.setEnabled(bool(self.files) and not busy)
        self.merge_button.setEnabled(
            self.state == "previewed"
            and self.report is not None
            and any(r.status == MERGED for r in self.report.results)
        )
        self.remove_button.setEnabled(bool(self.files) and not busy)
        r = self.report
        if r is None:
            self.summary.setText(
                self.tr("已选 {count} 个上报包。先预览，确认无误后再合并。").format(count=len(self.files))
                if self.files
                else self.tr("请添加上报包文件或文件夹。")
            )
        else:
            conflicts = sum(x.conflicts for x in r.results)
            template = (
                self.tr(
                    "预览（尚未写入）：{ok} 个可合并，{same} 个此前已合并，{refused} 个拒绝，{conflicts} 个数值有冲突。"
                )
                if r.dry_run
                else self.tr(
                    "合并完成：{ok} 个已合并，{same} 个此前已合并，{refused} 个拒绝，{conflicts} 个数值有冲突（请到“冲突”页处理）。"
                )
            )
            text = template.format(
                ok=r.count(MERGED), same=r.count(UNCHANGED), refused=r.count(REFUSED), conflicts=conflicts
            )
            if r.cancelled:
                text += self.tr("已取消：其余 {n} 个上报包未处理。").format(n=r.count(NOT_DONE))
            self.summary.setText(text)
        if self.state == "previewed" and self.merge_button.isEnabled():
            self.merge_button.setDefault(True)
        elif not busy:
            self.preview_button.setDefault(True)


def open_merge_dialog(window) -> MergeDialog:
    dialog = MergeDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.merge_dialog = dialog  # tests and the window reach the open dialog
    dialog.show()
    return dialog
