"""First run: whose copy is this — one unit's, or the district's — and who fills it in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.catalog import Catalog, UnitKind
from ...domain.catalog_rows import load_catalog_dir
from ...domain.limits import MAX_AUTHOR
from ...domain.messages import XzError
from ...paths import catalog_dir
from ...services.files import FileKind
from ...services.progress import Cancelled
from ...services.signing.enrolment import SUFFIX as ENROLMENT_SUFFIX
from ...services.signing.enrolment import init_from_enrolment
from ...store import create_store
from ...store.database import ROLE_DISTRICT, ROLE_UNIT
from ..common.file_dialogs import default_folder
from ..common.i18n import show_error
from ..common.tasks import Task


class FirstRunDialog(QDialog):
    """Asks for the role, the unit and the clerk's name, then creates the database at ``path``."""

    def __init__(self, path: str | Path, parent: QWidget | None = None, catalog: Catalog | None = None):
        super().__init__(parent)
        self.setObjectName("first_run")
        self.path = Path(path)
        self.catalog = catalog or load_catalog_dir(catalog_dir())
        self.created: Path | None = None
        self.district_key_id = ""
        self.demo = False  # the clerk chose 示例数据: ``created`` is a freshly generated demo database
        self.setWindowTitle(self.tr("新建 xz-desktop 数据库"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<b>欢迎使用秀洲区人才发展规划指标填报程序。</b><br/>"
                "请说明本机这份程序属于哪里。选定后，数据库只接受该单位的数据。"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.enrolment_choice = QRadioButton(
            self.tr("用区里的登记文件建立本单位的数据库(&E)（推荐：导出的上报包带签名，区里才能接收）"), self
        )
        self.enrolment_choice.setObjectName("role_enrolment")
        self.enrolment_edit = QLineEdit(self)
        self.enrolment_edit.setObjectName("first_run_enrolment")
        self.enrolment_edit.setPlaceholderText(self.tr("区里在“汇总 → 单位登记与密钥”中保存的登记文件（*.xzenrol）"))
        browse = QPushButton(self.tr("浏览(&B)…"), self)
        browse.clicked.connect(self._browse)
        self.unit_choice = QRadioButton(self.tr("本单位填报(&U)：镇、街道、高新区或区级部门"), self)
        self.unit_choice.setObjectName("role_unit")
        self.district_choice = QRadioButton(self.tr("区级汇总(&D)：区委人才办，合并各单位报送的数据"), self)
        self.district_choice.setObjectName("role_district")
        self.demo_choice = QRadioButton(self.tr("打开示例数据（演示用）(&S)：不新建数据库，先看看程序怎么用"), self)
        self.demo_choice.setObjectName("role_demo")
        group = QButtonGroup(self)
        group.addButton(self.enrolment_choice)
        group.addButton(self.unit_choice)
        group.addButton(self.district_choice)
        group.addButton(self.demo_choice)
        self.enrolment_choice.setChecked(True)
        self.unit_box = QComboBox(self, objectName="first_run_unit")  # type: ignore[call-arg]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        previous_kind = None
        for unit in self.catalog.active_units():
            if previous_kind is not None and unit.kind != previous_kind:
                self.unit_box.insertSeparator(self.unit_box.count())
            kind = self.tr("镇街") if unit.kind is UnitKind.GEOGRAPHIC else self.tr("部门")
            self.unit_box.addItem(f"{unit.name}（{kind}）", unit.code)
            previous_kind = unit.kind
        # No unit chosen and no name filled in for the clerk (not the first unit, not the computer's login):
        # 创建 waits until they have said who they are (issue 12, item 4).
        self.unit_box.setPlaceholderText(self.tr("请选择本单位"))
        self.unit_box.setCurrentIndex(-1)
        self.name_edit = QLineEdit(self, objectName="first_run_name")  # type: ignore[call-overload]  # PySide6 sets a Qt property from a keyword; its stubs do not list them
        self.name_edit.setMaxLength(MAX_AUTHOR)
        self.name_edit.setPlaceholderText(self.tr("如：张三"))

        form = QFormLayout()
        form.addRow(self.enrolment_choice)
        pick = QHBoxLayout()
        pick.addWidget(self.enrolment_edit)
        pick.addWidget(browse)
        form.addRow(pick)
        form.addRow(self.unit_choice)
        unit_label = QLabel(self.tr("填报单位(&N)："), self)
        unit_label.setBuddy(self.unit_box)
        form.addRow(unit_label, self.unit_box)
        form.addRow(self.district_choice)
        name_label = QLabel(self.tr("填报人姓名(&A)："), self)
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)
        form.addRow(self.demo_choice)
        layout.addLayout(form)
        where = QLabel(self.tr("数据文件：{path}").format(path=self.path), self)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setStyleSheet("color: #6b7280;")
        layout.addWidget(where)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建(&C)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.unit_choice.toggled.connect(self.unit_box.setEnabled)
        self.unit_box.setEnabled(False)
        self.enrolment_choice.toggled.connect(self.enrolment_edit.setEnabled)
        self.enrolment_choice.toggled.connect(browse.setEnabled)
        self.demo_choice.toggled.connect(lambda demo: self.name_edit.setEnabled(not demo))
        for toggled in (self.enrolment_choice, self.unit_choice, self.district_choice, self.demo_choice):
            toggled.toggled.connect(self._update_create)
        self.unit_box.currentIndexChanged.connect(self._update_create)
        self.name_edit.textChanged.connect(self._update_create)
        self.enrolment_edit.textChanged.connect(self._update_create)
        self._update_create()
        self.enrolment_choice.setFocus()
        self.resize(520, self.sizeHint().height())

    @property
    def create_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def ready(self) -> bool:
        """Whether the clerk has said enough to create the database: a name, and whose copy it is."""
        if self.demo_choice.isChecked():
            return True  # nothing is created at ``path``: the demo is generated elsewhere
        if not self.name_edit.text().strip():
            return False
        if self.enrolment_choice.isChecked():
            return bool(self.enrolment_edit.text().strip())
        if self.unit_choice.isChecked():
            return self.unit_box.currentData() is not None
        return self.district_choice.isChecked()

    def _update_create(self) -> None:
        self.create_button.setEnabled(self.ready())
        self.create_button.setText(self.tr("打开(&O)") if self.demo_choice.isChecked() else self.tr("创建(&C)"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择区里发放的登记文件"),
            str(default_folder(FileKind.ENROLMENT)),
            self.tr("登记文件 (*{suffix});;所有文件 (*)").format(suffix=ENROLMENT_SUFFIX),
        )
        if path:
            self.enrolment_edit.setText(path)

    def accept(self) -> None:
        if self.demo_choice.isChecked():
            self._make_demo()
            return
        name = self.name_edit.text().strip()
        if not name:
            show_error(self, XzError(self.tr("请填写填报人姓名：每一次修改都会记下是谁填的。")))
            self.name_edit.setFocus()
            return
        if self.enrolment_choice.isChecked():
            enrolment = self.enrolment_edit.text().strip()
            if not enrolment:
                show_error(self, XzError(self.tr("请选择区里发放的登记文件。")))
                self.enrolment_edit.setFocus()
                return
            try:
                done = init_from_enrolment(self.path, enrolment, name)
            except XzError as exc:
                show_error(self, exc)
                return
            self.district_key_id = done.district_key_id  # shown so the clerk can check it by telephone
            self.created = self.path
            super().accept()
            return
        district = self.district_choice.isChecked()
        unit = None if district else self.unit_box.currentData()
        if not district and unit is None:
            show_error(self, XzError(self.tr("请选择本单位：数据库只接受所选单位的数据。")))
            self.unit_box.setFocus()
            return
        try:
            create_store(self.path, ROLE_DISTRICT if district else ROLE_UNIT, unit, self.catalog, author=name).close()
        except XzError as exc:
            show_error(self, exc)
            return
        self.created = self.path
        super().accept()

    def _make_demo(self) -> None:
        """Generate the demo on a worker (progress shown, the dialog stays responsive), then close with it."""
        from .demo import make_demo

        self.buttons.setEnabled(False)  # one demo at a time

        def made(path: Path) -> None:
            if not self.isVisible():  # closed while the demo was made: nothing to open
                return
            self.created, self.demo = path, True
            super(FirstRunDialog, self).accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            if not isinstance(exc, Cancelled):  # the clerk pressed 取消: nothing to say
                show_error(self, exc)

        self.demo_task: Task | None = make_demo(self, made, failed)

    def reject(self) -> None:
        task = getattr(self, "demo_task", None)
        if task is not None and task.outcome is None:  # closed while the demo is made: stop making it
            task.cancel()
        super().reject()
