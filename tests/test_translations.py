"""The English translation: complete, consistent with the sources, built, and chosen as the user asks."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from xz_desktop.domain.messages import XzError
from xz_desktop.domain.numbers import parse_number
from xz_desktop.ui import main
from xz_desktop.ui.common import translations
from xz_desktop.ui.common.i18n import message_text
from xz_desktop.ui.form.model import Column
from xz_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import update_translations as tool  # noqa: E402 - tools/ is not a package: importable only after the path insert above

FIELD = re.compile(r"\{[^{}]*\}")


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> Path:
    """The shipped .ts run through lupdate against today's sources, in a temporary copy."""
    ts = tmp_path_factory.mktemp("i18n") / "xz_desktop_en.ts"
    shutil.copy(tool.TS, ts)
    tool.update(ts)
    return ts


@pytest.fixture
def english(qapp):
    translations.install("en", qapp)
    yield
    translations.install("zh", qapp)


def test_every_string_in_the_sources_has_an_english_text(refreshed):
    missing = tool.untranslated(tool.read_ts(refreshed))
    assert missing == [], "run tools/update_translations.py and translate:\n" + "\n".join(
        f"[{c}] {s}" for c, s in missing
    )


def test_the_shipped_ts_is_up_to_date_with_the_sources(refreshed):
    assert set(tool.messages(tool.read_ts(refreshed))) == set(tool.messages(tool.read_ts())), (
        "resources/i18n/xz_desktop_en.ts is stale: run tools/update_translations.py"
    )


# Parameters that carry Chinese words (增长/下降): an English text words them itself.
MAY_DROP = {"{direction}"}


def test_translations_keep_every_placeholder_and_mnemonic():
    for (context, source), message in tool.messages(tool.read_ts()).items():
        text = message.find("translation").text or ""
        assert set(FIELD.findall(text)) == set(FIELD.findall(source)) - (MAY_DROP - set(FIELD.findall(text))), (
            context,
            source,
            text,
        )
        assert ("&" in source.replace("&&", "")) <= ("&" in text.replace("&&", "")), (context, source, text)


def test_the_built_qm_matches_the_ts(tmp_path):
    qm = tmp_path / "check.qm"
    tool.release(tool.TS, qm)
    assert qm.read_bytes() == tool.QM.read_bytes(), (
        "resources/i18n/xz_desktop_en.qm is stale: run tools/update_translations.py"
    )


def test_language_choice_order():
    chinese, german = QLocale(QLocale.Language.Chinese, QLocale.Country.China), QLocale(QLocale.Language.German)
    assert translations.choose_language("en", "zh", chinese) == "en"  # the command line first
    assert translations.choose_language(None, "en", chinese) == "en"  # then the saved setting
    assert translations.choose_language(None, "", chinese) == "zh"  # then the system
    assert translations.choose_language(None, "", german) == "en"
    assert translations.choose_language(None, "", QLocale.c()) == "zh"


def test_the_window_in_english(qtbot, unit_db, english):
    window = MainWindow(unit_db)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&File", "&Entry"]
    page = window.page("form")
    page.open_form("xincheng", "2024")
    assert window.pages.tabText(0) == "Form"
    assert page.model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Indicator"
    assert page.model.headerData(Column.VALUE, Qt.Orientation.Horizontal) == "Current (2024)"
    assert "Filled 0/21" in page.summary.text()
    with pytest.raises(XzError) as refused:
        parse_number("十二")
    assert message_text(refused.value.message) == '"十二" is not a number'


def test_lang_on_the_command_line(qtbot, unit_db, qapp):
    try:
        window = main.start(["--lang", "en", "--db", str(unit_db)])
        qtbot.addWidget(window)
        assert window.menuBar().actions()[0].text() == "&File"
        assert window.page("form").unit_box.currentText() == "新城街道"  # data stays as entered
    finally:
        translations.install("zh", QApplication.instance())


def test_every_tab_and_menu_of_the_district_window_in_english(qtbot, district_db, english):
    window = MainWindow(district_db)
    qtbot.addWidget(window)
    han = re.compile(r"[\u4e00-\u9fff]")
    tabs = [window.pages.tabText(i) for i in range(window.pages.count())]
    assert tabs and not [t for t in tabs if han.search(t)], tabs
    menus = [a for m in window.menuBar().actions() for a in m.menu().actions() if a.text()]
    untranslated = [a.text() for a in menus if han.search(a.text()) and not a.text().startswith(("1 ", "2 ", "3 "))]
    assert not untranslated, untranslated


def _translating_calls(tree):
    import ast

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            yield name, node


def test_every_context_is_a_literal_lupdate_reads_where_the_text_is():
    # So that pyside6-lupdate finds every text by itself: no context constants, no `tr = self.tr` aliases,
    # and a Message carries the very context its template was marked with.
    import ast

    problems = []
    for path in tool.source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(tool.ROOT)
        for name, call in _translating_calls(tree):
            args = call.args
            text_is_literal = len(args) >= 2 and isinstance(args[1], ast.Constant)
            if name in ("QT_TRANSLATE_NOOP", "translate") and text_is_literal and not isinstance(args[0], ast.Constant):
                problems.append(f"{where}:{call.lineno} context is not a literal")
            if name == "tr" and isinstance(call.func, ast.Name):
                problems.append(f"{where}:{call.lineno} tr() alias: lupdate cannot tell its class")
            if name == "Message" and len(args) >= 2:
                inner = args[1]
                if isinstance(inner, ast.Call) and getattr(inner.func, "id", None) == "QT_TRANSLATE_NOOP":
                    same = isinstance(args[0], ast.Constant) and ast.dump(args[0]) == ast.dump(inner.args[0])
                    if not same:
                        problems.append(f"{where}:{call.lineno} Message context differs from its template's")
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                texts = {"tr": 0, "translate": 1}  # where the text is: a literal there is a text lupdate should see
                inside = [
                    c
                    for n, c in _translating_calls(node)
                    if n in texts and len(c.args) > texts[n] and isinstance(c.args[texts[n]], ast.Constant)
                ]
                if inside:
                    problems.append(f"{where}:{node.lineno} tr() inside an f-string: lupdate does not see it")
    assert not problems, "\n".join(problems)
