"""帮助 → 用户指南, 帮助 → 快捷键 and Qt's own dialogs in Chinese, through the real widgets."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QWidget

from xz_desktop.paths import docs_dir
from xz_desktop.ui.app import help_window
from xz_desktop.ui.app.help_window import GUIDE, HelpWindow, ShortcutRow, ShortcutsDialog
from xz_desktop.ui.common import translations

from .ui_form_support import open_window

ROOT = Path(__file__).resolve().parent.parent
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def test_the_guide_holds_every_chinese_page_of_docs_and_nothing_for_developers():
    shipped = {p.name for p in (ROOT / "docs").glob("*.md")}
    assert set(GUIDE) | set(help_window.FOR_DEVELOPERS) == shipped, (
        "a new docs/ page: add it to GUIDE or FOR_DEVELOPERS"
    )
    assert docs_dir() == ROOT / "docs"
    for name in ("round.md", "totals.md", "plan.md", "trust.md", "install.md", "window.md", "excel.md", "packages.md"):
        assert name in GUIDE


def test_f1_opens_the_guide_with_its_pages_pictures_and_links(qtbot, unit_db):
    window = open_window(qtbot, unit_db)
    guide = next(a for a in window.menu("help").actions() if a.objectName() == "help_guide")
    assert guide.shortcut().toString() == "F1"
    guide.trigger()
    helper = window._help
    assert isinstance(helper, HelpWindow) and helper.isVisible()
    titles = [helper.pages.item(r).text() for r in range(helper.pages.count())]
    assert titles[0] == "填报窗口使用说明" and "报送轮次：截止日期、审核、退回与验收、回执" in titles
    assert len(titles) == len(GUIDE)
    # The first page is shown, rendered from its Markdown (a heading, not "# …"), with its picture.
    text = helper.browser.toPlainText()
    assert text.startswith("填报窗口使用说明") and "# 填报" not in text
    picture = helper.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl("screenshot-form.png"))
    assert picture is not None and not picture.isNull()
    # Choosing a page in the list shows it.
    helper.pages.setCurrentRow(titles.index("全区汇总值怎么算、什么时候算“完整”"))
    assert helper.current_file() == "totals.md" and "全区汇总值怎么算" in helper.browser.toPlainText()
    # A link to another page of the guide opens it here, and the list follows.
    helper._follow(QUrl("trust.md"))
    assert helper.current_file() == "trust.md"
    assert helper.pages.currentItem().text().startswith("文件的可信")
    # A link out of docs/ (a source file) stays put and says why.
    helper._follow(QUrl("../xz_desktop/paths.py"))
    assert helper.current_file() == "trust.md" and "源文件" in helper.note.text()
    helper.close()
    # Asked again, the same window comes back.
    window.show_guide()
    assert window._help is helper and helper.isVisible()
    window.close()


def test_the_shortcut_list_is_read_from_the_windows_actions(qtbot, district_db):
    window = open_window(qtbot, district_db)
    dialog = ShortcutsDialog(window)
    rows = dialog.rows()
    # Written out by hand from the menus: each with its menu, its text without (&X)… and its keys.
    for expected in (
        ShortcutRow("文件", "打开数据库", "Ctrl+O"),
        ShortcutRow("汇总", "合并上报包", "Ctrl+Shift+M"),
        ShortcutRow("填报", "下一处错误或提示", "F8"),
        ShortcutRow("帮助", "用户指南", "F1"),
    ):
        assert expected in rows, (expected, rows)
    # Every action that has keys is listed once, whatever menu or page it lives in.
    with_keys = {a for a in window.findChildren(help_window.QAction) if a.shortcuts() and a.text() and a.isVisible()}
    assert len(rows) == len(with_keys)
    assert all(row.keys and "&" not in row.command and not row.command.endswith("…") for row in rows)
    dialog.close()
    window.close()


def test_shortcuts_dialog_opens_from_the_help_menu(qtbot, unit_db, monkeypatch):
    window = open_window(qtbot, unit_db)
    shown = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self.rows()) or 0)
    next(a for a in window.menu("help").actions() if a.objectName() == "help_shortcuts").trigger()
    assert shown and ShortcutRow("文件", "导出上报包", "Ctrl+Shift+U") in shown[0]
    window.close()


def english_texts(widget: QWidget) -> list[str]:
    """Visible texts of ``widget`` and its children with an English word in them."""
    texts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        for getter in ("text", "toolTip", "windowTitle"):
            value = getattr(child, getter, None)
            if callable(value):
                text = value()
                if isinstance(text, str) and LATIN_WORD.search(text):
                    texts.append(f"{type(child).__name__}.{getter}: {text}")
    return texts


def test_qts_own_dialogs_speak_chinese(qtbot, qapp, tmp_path):
    """The file dialog said “Look in:” and “Files of type:” (qtbase_zh_CN lacks Qt 6's texts)."""
    translations.install("zh", qapp)  # as ui/main.py does for a Chinese interface
    dialog = QFileDialog(None, "打开", str(tmp_path), "xz-desktop 数据库 (*.sqlite)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own widgets, as on a Linux desktop
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels and "文件名称(&N)：" in labels
    texts = [t for t in english_texts(dialog) if "xz-desktop" not in t and "sqlite" not in t]
    assert texts == []
    box = QMessageBox(QMessageBox.Icon.Question, "标题", "正文", QMessageBox.StandardButton.Ok)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.addButton(QMessageBox.StandardButton.Save)
    box.addButton(QMessageBox.StandardButton.Discard)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.findChildren(QAbstractButton)) == sorted(["确定", "取消", "保存", "丢弃"])
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "关闭"
    assert QApplication.instance() is not None
