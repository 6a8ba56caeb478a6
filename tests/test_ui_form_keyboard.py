"""A column of figures typed by keyboard alone lands in its own rows, warnings or not (issue 23, item 1).

A clerk types twenty figures with Enter after each; three of them raise a warning that needs a 说明.
Enter must go on to the next figure every time — never into the warning's 说明, where the next figure
would become the explanation and every figure after it would shift one row.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui_form_support import current, editor, go_to, open_window, shown, type_text
from xz_desktop.domain.periods import Period
from xz_desktop.services import form as service
from xz_desktop.store import open_store
from xz_desktop.ui.form.model import Column

# (indicator, 2023 as stored, 2024 as typed): the form's first twenty figures, in its order.
COLUMN = [
    ("talent_total", 10000, "10,500"),
    ("phd", 40, "80"),  # 40 → 80: +100 %, over the 30 % threshold — a warning
    ("master", 500, "520"),
    ("bachelor", 3000, "3100"),
    ("senior_title", 300, "310"),
    ("academician_workstation", 2, "2"),
    ("postdoc_workstation", 1, "1"),
    ("party_gov_talent", 1000, "1500"),  # +50 % over 30 % — a warning
    ("business_mgmt_talent", 2000, "2100"),
    ("professional_tech_talent", 3000, "3100"),
    ("high_skilled", 1500, "1550"),
    ("rural_practical_talent", 800, "820"),
    ("social_work_talent", 200, "210"),
    ("new_high_end_talent", 3, "3"),
    ("new_phd_master_youth", 20, "22"),
    ("top_talent_fulltime", 1, "1"),
    ("new_graduates", 100, "250"),  # +150 % over 100 % — a warning
    ("employed", 30000, "31000"),
    ("skilled_workers", 5000, "5200"),
    ("rd_personnel", 400, "420"),
]
WARNED = {"phd", "party_gov_talent", "new_graduates"}


@pytest.fixture
def page(qtbot, unit_db):
    with open_store(unit_db) as store:
        for code, before, _ in COLUMN:
            service.set_value(store, "xincheng", code, Period(2023), before)
    window = open_window(qtbot, unit_db)
    page = window.page("form")
    page.open_form("xincheng", "2024")
    return page


def test_twenty_figures_typed_with_enter_each_land_in_their_own_row(qtbot, unit_db, page):
    go_to(qtbot, page, "talent_total")
    first = COLUMN[0][2]
    type_text(qtbot, page.view, first[:1])  # typing on the cell opens its editor
    qtbot.keyClicks(editor(), first[1:])
    qtbot.keyClick(editor(), Qt.Key.Key_Return)
    for code, _, typed in COLUMN[1:]:
        # Enter opened the next figure's editor: keep typing, as a clerk does without looking.
        assert current(page) == (code, Column.VALUE)
        qtbot.keyClicks(editor(), typed)
        qtbot.keyClick(editor(), Qt.Key.Key_Return)

    with open_store(unit_db) as store:
        stored = {v.indicator: (v.value, v.explanation) for v in store.values.select(unit="xincheng", period="2024")}
    expected = {code: (float(typed.replace(",", "")), "") for code, _, typed in COLUMN}
    assert stored == expected  # every figure in its own row, no 说明 written, nothing else stored
    assert {code for code, *_ in COLUMN if shown(page, code, Column.STATUS) == "需说明"} == WARNED
    # The 说明 of a warning is reached on purpose: Ctrl+E opens it on the current row.
    go_to(qtbot, page, "phd")
    qtbot.keyClick(page.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert current(page) == ("phd", Column.EXPLANATION)
    qtbot.keyClicks(editor(), "new postdoc station")
    qtbot.keyClick(editor(), Qt.Key.Key_Return)
    assert current(page) == ("master", Column.VALUE)  # and Enter goes on to the next figure
    with open_store(unit_db) as store:
        assert store.values.get("xincheng", "phd", "2024").explanation == "new postdoc station"
    assert shown(page, "phd", Column.STATUS) == "已说明"


def test_tab_goes_to_the_next_figure_too_and_shift_tab_back(qtbot, page):
    go_to(qtbot, page, "phd")
    qtbot.keyClicks(page.view, "8")
    qtbot.keyClicks(editor(), "0")
    qtbot.keyClick(editor(), Qt.Key.Key_Tab)  # a warning (40 → 80), and still the next figure
    assert current(page) == ("master", Column.VALUE)
    qtbot.keyClick(editor(), Qt.Key.Key_Escape)
    qtbot.keyClick(page.view, Qt.Key.Key_Backtab)
    assert current(page) == ("phd", Column.VALUE)
    assert "Ctrl+E" in page.saved_label.text()  # the clerk is told how to reach the 说明


def test_typing_on_a_cell_that_cannot_be_written_says_why(qtbot, unit_db, page):
    # A computed row (每万名从业人员人才资源数): the keys used to vanish without a word.
    derived = next(r.code for r in page.form.rows if not r.editable)
    go_to(qtbot, page, derived)
    qtbot.keyClicks(page.view, "5")
    assert page.message.isVisible() and "自动计算，不能直接填写" in page.message.text()
    with open_store(unit_db) as store:
        assert store.values.get("xincheng", derived, "2024") is None


def test_typing_in_a_locked_period_says_it_is_locked(qtbot, tmp_path):
    from xz_desktop.services.packages.merge import merge_files
    from xz_desktop.services.packages.submission import make_package
    from xz_desktop.services.round.receipt import import_receipt, make_receipt
    from xz_desktop.services.round.review import accept

    from .test_package_support import district, town

    town(tmp_path).close()
    unit_path, district_path = tmp_path / "xincheng.sqlite", district(tmp_path)
    with open_store(unit_path) as store:
        made = make_package(store, ["2023"], tmp_path / "p.xzpkg")
    with open_store(district_path) as store:
        merge_files(store, [made.path])
        accept(store, "xincheng", Period(2023))
        make_receipt(store, "xincheng", tmp_path / "r.xzpkg")
    with open_store(unit_path) as store:
        import_receipt(store, tmp_path / "r.xzpkg")
    window = open_window(qtbot, unit_path)
    form = window.page("form")
    form.open_form("xincheng", "2023")
    go_to(qtbot, form, "phd")
    qtbot.keyClicks(form.view, "9")
    assert "验收并锁定，数值只读" in form.message.text()
