"""The window's menus, in a unit's copy and in the district's, in Chinese and in English: no menu is
shown empty, and the Alt letters (mnemonics) never clash — within a menu, along the menu bar, and
between a page's own buttons and labels and the menu bar (Alt+H must open 帮助, not press a button)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu

from xz_desktop.ui.common import translations

from .ui_form_support import open_window

MNEMONIC = re.compile(r"&([^&])")


def letter(text: str) -> str | None:
    """The Alt letter of a text (“导出 PDF(&E)…” → “E”); ``None`` without one."""
    found = MNEMONIC.findall(text.replace("&&", ""))
    assert len(found) <= 1, f"two mnemonics in one text: {text!r}"
    return found[0].upper() if found else None


def clashes(texts: list[str]) -> dict[str, list[str]]:
    """Letters used by more than one of ``texts``, with the texts that use them."""
    by_letter: dict[str, list[str]] = {}
    for text in texts:
        key = letter(text)
        if key is not None:
            by_letter.setdefault(key, []).append(text)
    return {key: names for key, names in by_letter.items() if len(names) > 1}


def visible_entries(menu: QMenu) -> list:
    return [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]


def walk(menu: QMenu, path: str, problems: list[str]) -> None:
    menu.aboutToShow.emit()  # menus filled when opened (最近打开) are filled as a user opening them sees them
    entries = visible_entries(menu)
    if not entries:
        problems.append(f"{path}: an empty menu is shown")
    for key, names in clashes([a.text() for a in entries]).items():
        problems.append(f"{path}: Alt+{key} is {names}")
    for action in entries:
        if isinstance(action.menu(), QMenu):
            walk(action.menu(), f"{path} → {action.text()}", problems)


def page_texts(page) -> list[str]:
    """The texts with a mnemonic on a page: buttons, labels that lead to a field, group titles."""
    texts = [w.text() for w in page.findChildren(QAbstractButton)]
    texts += [w.text() for w in page.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.title() for w in page.findChildren(QGroupBox)]
    return [t for t in texts if letter(t)]


@pytest.fixture(params=["zh", "en"])
def language(request, qapp):
    translations.install(request.param, qapp)
    yield request.param
    translations.install("zh", qapp)


@pytest.mark.parametrize("which", ["unit_db", "district_db"])
def test_no_empty_menu_and_no_mnemonic_clash(qtbot, request, which, language):
    window = open_window(qtbot, request.getfixturevalue(which))
    bar = [a for a in window.menuBar().actions() if a.isVisible()]
    problems = [f"menu bar: Alt+{key} is {names}" for key, names in clashes([a.text() for a in bar]).items()]
    for top in bar:
        walk(top.menu(), top.text(), problems)
    bar_letters = {letter(a.text()) for a in bar} - {None}
    for index in range(window.pages.count()):
        page = window.page(window.pages.widget(index).objectName())  # a page not shown yet is built first
        texts = page_texts(page)
        where = window.pages.tabText(index)
        problems += [f"page {where}: Alt+{key} is {names}" for key, names in clashes(texts).items()]
        problems += [
            f"page {where}: {t!r} takes Alt+{letter(t)} from the menu bar" for t in texts if letter(t) in bar_letters
        ]
    assert not problems, "\n".join(problems)
    window.close()


def test_the_district_menu_is_hidden_in_a_units_copy_and_filled_in_the_districts(qtbot, unit_db, district_db):
    unit = open_window(qtbot, unit_db)
    titles = [a.text() for a in unit.menuBar().actions() if a.isVisible()]
    assert titles == ["文件(&F)", "填报(&E)", "帮助(&H)"]
    unit.close()
    district = open_window(qtbot, district_db)
    titles = [a.text() for a in district.menuBar().actions() if a.isVisible()]
    assert titles == ["文件(&F)", "填报(&E)", "汇总(&D)", "帮助(&H)"]
    assert "合并上报包(&M)…" in [a.text() for a in district.menu("district").actions()]
    district.close()


def test_the_clashes_the_walkthrough_found_are_gone(qtbot, district_db):
    """打印预览(V) and 导入 CSV 数据(V) shared Alt+V; 显示已处理的(H) took 帮助's Alt+H."""
    window = open_window(qtbot, district_db)
    file_letters = Counter(letter(a.text()) for a in visible_entries(window.menu("file")))
    assert file_letters["V"] <= 1
    conflicts = window.page("conflicts")
    assert all(letter(t) != "H" for t in page_texts(conflicts))
    window.close()
