"""汇总 → 规划 (district copy): the plans the database holds, 开始新规划 and 启用规划.

:class:`PlanListWidget` is the list of plans (a :class:`~..common.rows_model.RowsModel` of ``services.plan.plans.list_plans``) with
its two actions, each run through the window's one operation helper (:class:`~..common.operations.StoreOp`): 开始新规划
writes the next plan's folder to fill in (``new_plan_folder``), 启用规划 puts a filled folder in force
(``add_plan_folder``). A refusal comes back as the service's Chinese message. :class:`PlansPage` is the
page; other views of the plans (the final evaluation) sit beside the list as widgets of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services.plan.plans import (
    EARLIEST,
    LATEST,
    AddedPlan,
    NewPlanFolder,
    PlanSummary,
    add_plan_folder,
    list_plans,
    new_plan_folder,
)
from ..common.changes import Changes
from ..common.operations import StoreOp
from ..common.rows_model import RIGHT, Column, RowsModel
from ..common.tasks import Task
from ..common.views import read_only_table

if TYPE_CHECKING:
    from ..main_window import MainWindow

PAGE_KEY = "plans"
SHOWS = Changes(catalog=True)  # a plan added changes the catalog


def plan_columns() -> list[Column]:
    """The plan list's columns: code, name, base year, target year, its years, indicators, targets, in force."""
    in_force = QCoreApplication.translate("PlanListModel", "现行")
    return [
        Column(QCoreApplication.translate("PlanListModel", "代码"), lambda p: p.code),
        Column(QCoreApplication.translate("PlanListModel", "名称"), lambda p: p.name),
        Column(QCoreApplication.translate("PlanListModel", "基期年"), lambda p: str(p.base_year), RIGHT),
        Column(QCoreApplication.translate("PlanListModel", "目标年"), lambda p: str(p.target_year), RIGHT),
        Column(QCoreApplication.translate("PlanListModel", "规划期"), lambda p: f"{p.first_year}–{p.target_year}"),
        Column(QCoreApplication.translate("PlanListModel", "指标"), lambda p: str(p.indicators), RIGHT),
        Column(QCoreApplication.translate("PlanListModel", "有目标"), lambda p: str(p.targets), RIGHT),
        Column(QCoreApplication.translate("PlanListModel", "状态"), lambda p: in_force if p.in_force else ""),
    ]


class PlanNewDialog(QDialog):
    """开始新规划: the new plan's code, name, years, the plan it starts from and the (empty) folder to write."""

    def __init__(self, plans: Sequence[PlanSummary], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("开始新规划"))
        form = QFormLayout(self)
        newest = max(plans, key=lambda p: p.target_year) if plans else None
        span = (newest.target_year - newest.base_year) if newest else 5
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("plan_new_code")
        self.code_edit.setPlaceholderText(self.tr("如 十五五"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("plan_new_name")
        self.base_box = self._year_box("plan_new_base", newest.target_year if newest else EARLIEST)
        self.target_box = self._year_box("plan_new_target", (newest.target_year if newest else EARLIEST) + span)
        self.from_box = QComboBox(self)
        self.from_box.setObjectName("plan_new_from")
        for plan in plans:
            self.from_box.addItem(f"{plan.name}（{plan.code}）", plan.code)
            if plan.in_force:
                self.from_box.setCurrentIndex(self.from_box.count() - 1)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("plan_new_folder")
        browse = QPushButton(self.tr("选择(&B)…"), self)
        browse.clicked.connect(self._browse)
        folder = QHBoxLayout()
        folder.addWidget(self.folder_edit, 1)
        folder.addWidget(browse)
        form.addRow(self.tr("规划代码(&C)："), self.code_edit)
        form.addRow(self.tr("规划名称(&N)："), self.name_edit)
        form.addRow(self.tr("基期年(&Y)："), self.base_box)
        form.addRow(self.tr("目标年(&T)："), self.target_box)
        form.addRow(self.tr("沿用指标自(&F)："), self.from_box)
        form.addRow(self.tr("写到文件夹（须为空）(&O)："), folder)
        hint = QLabel(self.tr("基数取本库基期年完整的全区值，数据不全的留空；目标留空，填好后用“启用规划”导入。"), self)
        hint.setWordWrap(True)
        form.addRow(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _year_box(self, name: str, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setRange(EARLIEST, LATEST)
        box.setValue(value)
        return box

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("新规划文件夹"))
        if folder:
            self.folder_edit.setText(folder)

    def fields(self) -> dict[str, Any]:
        return {
            "code": self.code_edit.text().strip(),
            "name": self.name_edit.text().strip(),
            "base_year": self.base_box.value(),
            "target_year": self.target_box.value(),
            "from_plan": self.from_box.currentData(),
            "folder": self.folder_edit.text().strip(),
        }


class PlanListWidget(QWidget):
    """The plans held, with 开始新规划 and 启用规划."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("开始新规划(&N)…"), self)
        self.new_button.setObjectName("plans_new")
        self.add_button = QPushButton(self.tr("启用规划(&A)…"), self)
        self.add_button.setObjectName("plans_add")
        bar.addWidget(self.new_button)
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.model = RowsModel(plan_columns(), parent=self)
        self.view = read_only_table(self, self.model)
        self.view.setObjectName("plans_list")
        layout.addWidget(self.view, 1)
        self.new_button.clicked.connect(lambda: self.start_new_plan())
        self.add_button.clicked.connect(lambda: self.add_plan())
        window.watch(self, SHOWS, self.reload)
        self.reload()

    def reload(self) -> None:
        try:
            self.model.set_rows(list_plans(self.window_.store))
        except Exception as exc:  # a database the window cannot read: said in the window, never a traceback
            self.window_.show_error(exc)

    # -- 开始新规划 ----------------------------------------------------------
    def start_new_plan(self, fields: dict[str, Any] | None = None) -> Task | None:
        """Ask for the new plan (or take ``fields``), then write its folder in the background."""
        if fields is None:
            dialog = PlanNewDialog(list(self.model.rows), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            fields = dialog.fields()
        chosen = dict(fields)
        return (
            StoreOp(
                self.window_,
                self.tr("正在写出新规划文件夹…"),
                lambda store, progress: new_plan_folder(store, **chosen),
            )
            .success(self._written)
            .run_in_background()
        )

    def _written(self, made: NewPlanFolder) -> None:
        self.last_result: NewPlanFolder | AddedPlan = made
        text = self.tr("已写出 {name} 的文件夹 {folder}：{n} 个指标，{filled} 个基数取自本库完整的全区值。").format(
            name=made.plan.name, folder=str(made.folder), n=made.indicators, filled=len(made.filled)
        )
        if made.blank:
            listed = "\n".join(f"{b.code} {b.name}" for b in made.blank)
            text += "\n" + self.tr("以下 {n} 个指标的基数留空（{year} 年数据不全或缺失），请核实后填写：").format(
                n=len(made.blank), year=made.plan.base_year
            )
            text += "\n" + listed
        self._tell(self.tr("开始新规划"), text)

    # -- 启用规划 ------------------------------------------------------------
    def add_plan(self, folder: str | None = None) -> Task | None:
        """Ask for a filled plan folder (or take ``folder``), then put it in force in the background."""
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("选择填好的规划文件夹"))
            if not folder:
                return None
        chosen = folder
        return (
            StoreOp(
                self.window_,
                self.tr("正在启用规划…"),
                lambda store, progress: add_plan_folder(store, chosen),
                changes=SHOWS,
            )
            .success(self._added)
            .run_in_background()
        )

    def _added(self, added: AddedPlan) -> None:
        self.last_result = added
        self._tell(
            self.tr("启用规划"),
            self.tr("已启用 {name}（{first}–{last}），目录版本 {version}。请导出目录发给各单位。").format(
                name=added.plan.name, first=added.plan.first_year, last=added.plan.target_year, version=added.version
            ),
        )

    def _tell(self, title: str, text: str) -> None:
        """The result in the status bar and in a box that does not hold the window (``self.message``)."""
        self.window_.statusBar().showMessage(text.split("\n", 1)[0], 15000)
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("plans_message")
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self.message = box


class PlansPage(QWidget):
    """规划: the plans held (:class:`PlanListWidget`); further views of the plans are added below it."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        self.plan_list = PlanListWidget(window, self)
        layout.addWidget(self.plan_list, 1)


def install(window: MainWindow) -> None:
    """The 规划 page (district copy only; its entry in the 汇总 menu: ui/pages.ACTIONS)."""
    if not window.is_district:
        return
    window.add_page(PAGE_KEY, QCoreApplication.translate("window", "规划"), PlansPage(window))
