"""The summary line above the form: filled / missing / errors / warnings, each with its symbol."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ...domain.checks import CheckSummary
from ...services.form import Status
from . import style


class _Chip(QWidget):
    """An icon and a number with its words; colour repeats what the words say. Some open the 审核结果."""

    clicked = Signal()

    def __init__(self, status: Status, parent: QWidget):
        super().__init__(parent)
        self.setObjectName(f"summary_{status.value}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 14, 0)
        layout.setSpacing(4)
        self.icon = QLabel(self)
        self.icon.setPixmap(style.status_icon(status).pixmap(16, 16))
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.icon)
        layout.addWidget(self.label)
        self.status = status

    def set(self, text: str, active: bool) -> None:
        colour = style.status_colour(self.status) if active else style.MUTED_TEXT
        # Style first, then text: the label sizes itself for the bold text it will show.
        self.label.setStyleSheet(f"color: {colour.name()}; font-weight: {'bold' if active else 'normal'};")
        self.label.setText(text)
        self.label.adjustSize()

    def make_clickable(self, tip: str) -> None:
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tip)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class SummaryBar(QWidget):
    findings_requested = Signal()  # the error or warning count was clicked: show the 审核结果

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("form_summary")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.filled = _Chip(Status.OK, self)
        self.missing = _Chip(Status.MISSING, self)
        self.errors = _Chip(Status.ERROR, self)
        self.warnings = _Chip(Status.WARNING, self)
        for chip in (self.filled, self.missing, self.errors, self.warnings):
            layout.addWidget(chip)
        for chip in (self.errors, self.warnings):
            chip.make_clickable(self.tr("查看审核结果（Ctrl+J）"))
            chip.clicked.connect(self.findings_requested)
        layout.addStretch(1)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("form_verdict")
        layout.addWidget(self.verdict)

    def set_summary(self, summary: CheckSummary | None) -> None:
        if summary is None:
            for chip in (self.filled, self.missing, self.errors, self.warnings):
                chip.set("", False)
            self.verdict.clear()
            return
        total = summary.filled + summary.missing
        self.filled.set(self.tr("已填 {filled}/{total}").format(filled=summary.filled, total=total), summary.filled > 0)
        self.missing.set(self.tr("未填 {n}").format(n=summary.missing), False)
        self.errors.set(self.tr("错误 {n}").format(n=summary.errors), summary.errors > 0)
        self.warnings.set(
            self.tr("提示 {n}（未说明 {m}）").format(n=summary.warnings, m=summary.unexplained), summary.unexplained > 0
        )
        if summary.errors:
            verdict, colour = self.tr("有错误，须改正后才能报送"), style.ERROR_TEXT
        elif summary.unexplained:
            verdict, colour = self.tr("有提示未说明，请填写说明"), style.WARNING_TEXT
        elif not summary.filled:
            # Nothing typed yet: nothing has passed a check, so no verdict, only what is left to fill.
            verdict, colour = self.tr("尚未填报（{n} 项未填）").format(n=summary.missing), style.MUTED_TEXT
        elif summary.missing:
            verdict = self.tr("已填的 {filled} 项未发现错误，尚有 {n} 项未填").format(
                filled=summary.filled, n=summary.missing
            )
            colour = style.MUTED_TEXT
        else:
            verdict, colour = self.tr("全部填写，审核通过"), style.OK_TEXT
        self.verdict.setText(verdict)
        self.verdict.setStyleSheet(f"color: {colour.name()};")

    def text(self) -> str:
        """The whole line as plain text (what a screen reader, and a test, reads)."""
        parts = [c.label.text() for c in (self.filled, self.missing, self.errors, self.warnings)]
        return " · ".join(p for p in parts if p) + (f" — {self.verdict.text()}" if self.verdict.text() else "")
