"""A window that fits (issue 23, items 7/8): it opens within the screen's available area from 1024×768 up,
every action of the form page lies inside the window at 1024×768, and the print preview fits too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

from xz_desktop.ui.common import settings, translations
from xz_desktop.ui.common import views as views_module
from xz_desktop.ui.main_window import MainWindow

from .ui_form_support import open_window


@pytest.fixture(params=["zh", "en"])
def language(request, qapp):
    translations.install(request.param, qapp)
    yield request.param
    translations.install("zh", qapp)


def _inside(window, widget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def test_every_action_of_the_form_page_is_inside_the_window_at_1024x768(qtbot, unit_db, language):
    window = open_window(qtbot, unit_db)
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024)
    page = window.page("form")
    page.open_form("xincheng", "2024")
    widgets = [
        w
        for kind in (QAbstractButton, QComboBox, QLineEdit)
        for w in page.findChildren(kind)
        if w.isVisible() and w.parent() is not page.view.viewport()
    ]
    assert {page.print_button, page.pdf_button, page.history_button, page.unit_box, page.period_box} <= set(widgets)
    outside = [w.objectName() or w.text() for w in widgets if not _inside(window, w)]
    assert not outside, outside
    # and the figures keep the room: more than a dozen rows in view (the empty targets panel takes none)
    assert not page.targets_panel.isVisible()
    assert page.view.viewport().height() // page.view.verticalHeader().defaultSectionSize() >= 12


@pytest.mark.parametrize("screen", [(1024, 768), (1366, 768), (1920, 1080)])
def test_the_window_opens_within_the_available_screen(qtbot, unit_db, monkeypatch, screen):
    width, height = screen
    available = QRect(0, 0, width, height - 40)  # a taskbar of 40 pixels
    monkeypatch.setattr(views_module, "available_area", lambda widget: available)
    window = MainWindow(unit_db)
    qtbot.addWidget(window)
    frame = window.frameGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    assert available.contains(QRect(frame.topLeft(), window.size()))


def test_a_remembered_geometry_larger_than_the_screen_is_brought_inside(qtbot, unit_db, monkeypatch):
    window = MainWindow(unit_db)
    qtbot.addWidget(window)
    window.setGeometry(50, 50, 1800, 1000)  # remembered on a larger monitor
    settings.put("window/geometry", window.saveGeometry())
    window.close()
    available = QRect(0, 0, 1024, 728)
    monkeypatch.setattr(views_module, "available_area", lambda widget: available)
    again = MainWindow(unit_db)
    qtbot.addWidget(again)
    assert again.width() <= 1024 and again.height() <= 728
    assert available.contains(QRect(again.geometry().topLeft(), again.size()))


def test_dialogs_fit_the_screen(qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    monkeypatch.setattr(views_module, "available_area", lambda widget: QRect(0, 0, 1024, 728))
    dialog = QDialog()
    qtbot.addWidget(dialog)
    views_module.fit_to_screen(dialog, 900, 1000)  # the print preview's size
    assert dialog.width() <= 1024 and dialog.height() <= 728
