"""How a check status looks: colour, icon and words together, never colour alone."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from ...services.form import Status, status_label
from ..common.i18n import message_text

# Text colours readable on white (contrast ≥ 4.5:1) and pale backgrounds that keep black text readable.
ERROR_TEXT = QColor("#b3261e")
ERROR_BACK = QColor("#fde7e6")
WARNING_TEXT = QColor("#8a4b00")
WARNING_BACK = QColor("#fff1d6")
OK_TEXT = QColor("#1e6b34")
MUTED_TEXT = QColor("#6b7280")
GROUP_BACK = QColor("#e8eef6")
GROUP_TEXT = QColor("#1f3a5f")
DERIVED_BACK = QColor("#f6f7f9")
RETURNED_BACK = QColor("#fdecea")  # a figure the district returned, with its reason
# The cell being typed in: a thick blue frame on pale yellow, unlike any cell at rest (no status uses these).
EDITOR_FRAME = QColor("#1a56db")
EDITOR_BACK = QColor("#fffbe6")
EDITOR_FRAME_WIDTH = 2
EDITOR_STYLE = (
    f"QLineEdit {{ border: {EDITOR_FRAME_WIDTH}px solid {EDITOR_FRAME.name()}; background: {EDITOR_BACK.name()};"
    " color: #111827; padding: 0 3px; }"
)
# A text that is not a number: the same frame in red, on the error's pale red.
INVALID_EDITOR_STYLE = (
    f"QLineEdit {{ border: {EDITOR_FRAME_WIDTH}px solid {ERROR_TEXT.name()}; background: {ERROR_BACK.name()};"
    f" color: {ERROR_TEXT.name()}; padding: 0 3px; }}"
)


def status_text(status: Status) -> str:
    """The word the 审核 column shows (the same words ``xz form`` prints)."""
    return message_text(status_label(status))


def status_colour(status: Status) -> QColor:
    return {Status.ERROR: ERROR_TEXT, Status.WARNING: WARNING_TEXT, Status.EXPLAINED: OK_TEXT, Status.OK: OK_TEXT}.get(
        status, MUTED_TEXT
    )


def status_background(status: Status) -> QBrush | None:
    colour = {Status.ERROR: ERROR_BACK, Status.WARNING: WARNING_BACK, Status.DERIVED: DERIVED_BACK}.get(status)
    return QBrush(colour) if colour is not None else None


@cache
def status_icon(status: Status) -> QIcon:
    """A small drawn symbol: ✕ in a red disc, ! in an amber triangle, ✓ in green, ○ for blank."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    white = QPen(QColor("white"), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    if status is Status.ERROR:
        p.setBrush(ERROR_TEXT)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QRectF(2, 2, 28, 28))
        p.setPen(white)
        p.drawLine(QPointF(11, 11), QPointF(21, 21))
        p.drawLine(QPointF(21, 11), QPointF(11, 21))
    elif status is Status.WARNING:
        path = QPainterPath()
        path.moveTo(16, 2)
        path.lineTo(30, 29)
        path.lineTo(2, 29)
        path.closeSubpath()
        p.setPen(Qt.PenStyle.NoPen)
        p.fillPath(path, QColor("#e69500"))
        p.setPen(white)
        p.drawLine(QPointF(16, 11), QPointF(16, 19))
        p.drawPoint(QPointF(16, 24.5))
    elif status in (Status.OK, Status.EXPLAINED):
        p.setBrush(OK_TEXT)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QRectF(2, 2, 28, 28))
        p.setPen(white)
        p.drawPolyline([QPointF(9, 16.5), QPointF(14, 21.5), QPointF(23, 11)])
    elif status is Status.MISSING:
        p.setPen(QPen(MUTED_TEXT, 2.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QRectF(5, 5, 22, 22))
    else:  # derived: an equals sign
        p.setPen(QPen(MUTED_TEXT, 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(8, 12), QPointF(24, 12))
        p.drawLine(QPointF(8, 20), QPointF(24, 20))
    p.end()
    return QIcon(pixmap)
