"""Office screens (issue 12 item 6): at 1024×768, and at 1920×1080 with 150 % scaling (1280×720 in
Qt's device-independent pixels), the 汇总 page shows 完成率 / 进度 / 已报 without a horizontal scroll,
names are elided with the whole name in the tooltip, the table/chart splitter remembers its place,
the chart's year labels are never elided, and the form's 说明 column no longer takes all spare width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent
from PySide6.QtWidgets import QApplication

from xz_desktop.ui.common import translations
from xz_desktop.ui.form.model import Column
from xz_desktop.ui.main_window import MainWindow
from xz_desktop.ui.totals.model import TotalsModel

from .excel_support import demo_db  # noqa: F401 - fixture
from .ui_form_support import idle

LONG_NAME = (
    "规模以上工业企业中有研发活动企业数占比"  # the plan's longest name in 表2 (resources/catalog/indicators.csv)
)


def open_totals(qtbot, path, width: int, height: int) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("totals")
    page = window.page("totals")
    idle(qtbot, window)  # the figures are computed on a worker once the page is shown
    qtbot.waitUntil(lambda: page.view.columnWidth(TotalsModel.NAME) > 0)
    QApplication.processEvents()  # the name column is fitted once the figure columns have their sizes
    return window


@pytest.fixture(params=["zh", "en"])
def language(request, qapp):
    translations.install(request.param, qapp)
    yield request.param
    translations.install("zh", qapp)


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)], ids=["1024x768", "1920x1080@150%"])
def test_the_columns_that_matter_are_in_view_without_scrolling(qtbot, demo_db, size, language):
    window = open_totals(qtbot, demo_db, *size)
    page = window.page("totals")
    view, model = page.view, page.model
    row = model.row_of("talent_total")
    viewport = view.viewport().rect()
    for column in range(TotalsModel.NAME, TotalsModel.REPORTED + 1):
        rect = view.visualRect(model.index(row, column))
        assert viewport.contains(rect.topLeft()) and viewport.contains(rect.topRight()), (column, rect, viewport)
    assert view.horizontalScrollBar().maximum() == 0  # nothing hides behind a scroll, 说明 included
    for column in (TotalsModel.COMPLETION, TotalsModel.MARK, TotalsModel.REPORTED):  # wide enough for its text
        assert view.columnWidth(column) >= view.sizeHintForColumn(column)
    # A name longer than its column is elided, and its tooltip says it whole.
    long_row = next(r for r in range(model.rowCount()) if LONG_NAME in (model.index(r, 0).data() or ""))
    name = model.index(long_row, TotalsModel.NAME)
    assert QFontMetrics(view.font()).horizontalAdvance(name.data()) > view.columnWidth(TotalsModel.NAME)
    assert name.data(Qt.ItemDataRole.ToolTipRole).startswith(LONG_NAME + "（%；")  # and the measure, elided too
    window.close()


def test_a_wide_window_shows_whole_names(qtbot, demo_db):
    window = open_totals(qtbot, demo_db, 1800, 1000)
    page = window.page("totals")
    assert page.view.columnWidth(TotalsModel.NAME) >= page.view.sizeHintForColumn(TotalsModel.NAME)
    window.close()


def drag(handle, by: int) -> None:
    """A user's drag of a splitter handle, ``by`` pixels to the right."""
    start = QPointF(handle.rect().center())
    end = start + QPointF(by, 0)
    for kind, at, buttons in (
        (QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseMove, end, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind, at, handle.mapToGlobal(at), Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(handle, event)


def test_the_splitter_survives_a_new_window(qtbot, demo_db):
    window = open_totals(qtbot, demo_db, 1024, 768)
    page = window.page("totals")
    before = page.splitter.sizes()
    drag(page.splitter.handle(1), -120)  # more room for the detail
    moved = page.splitter.sizes()
    assert moved[0] == pytest.approx(before[0] - 120, abs=2)
    drag(page.detail_splitter.handle(1), 0)
    window.close()

    again = open_totals(qtbot, demo_db, 1024, 768)
    assert again.page("totals").splitter.sizes() == moved
    again.close()


def test_the_charts_year_labels_are_never_elided(qtbot, demo_db):
    window = open_totals(qtbot, demo_db, 1024, 768)
    page = window.page("totals")
    page.select_indicator("talent_total")
    QApplication.processEvents()
    chart = page.chart
    axis = chart.x_axis
    width = chart.chart().plotArea().width()
    label = QFontMetrics(axis.labelsFont()).horizontalAdvance("2025")
    lo, hi = int(axis.min() + 0.5), int(axis.max() - 0.5)  # the axis spans half a year beyond each end
    labels = (hi - lo) // int(axis.tickInterval()) + 1
    assert labels * label <= width or axis.labelsAngle() == -90, (labels, label, width)
    assert (lo, hi) == (2015, 2025)
    # Widened, every year gets its label again.
    window.resize(1800, 1000)
    page.splitter.setSizes([900, 900])
    QApplication.processEvents()
    qtbot.waitUntil(lambda: chart.x_axis.tickInterval() == 1)
    window.close()


def test_the_forms_note_column_keeps_its_width(qtbot, unit_db):
    window = MainWindow(unit_db)
    qtbot.addWidget(window)
    window.resize(1900, 900)
    window.show()
    qtbot.waitExposed(window)
    page = window.page("form")
    header = page.view.horizontalHeader()
    assert not header.stretchLastSection()
    assert header.sectionSize(Column.EXPLANATION) == 280  # as set, not all that is left of 1900 pixels
    assert header.length() < page.view.viewport().width()
    window.close()
