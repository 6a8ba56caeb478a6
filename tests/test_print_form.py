"""The printed form on the demo data: pages numbered 第 1 页 共 N 页, the signature block with the last rows,
the contact line, computed rows marked without italics. The PDF is the one ``xz print`` writes, read back."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from html import escape as html_escape
from pathlib import Path

from PySide6.QtPdf import QPdfDocument

from xz_desktop.domain.periods import Period
from xz_desktop.printout.form import KEEP_ROWS, FormPrintout, write_pdf
from xz_desktop.services import form as service
from xz_desktop.store import open_store

from .excel_support import demo_db  # noqa: F401 - fixture

# Some CJK fonts map glyphs to radicals when text is extracted (⻚ for 页): NFKC alone does not undo these.
RADICALS = str.maketrans({"⻚": "页", "⻛": "风", "⻓": "长", "⻔": "门"})
# On the demo's 2024 form of 新城街道: 26 rows, the last three (of category 基础数据) numbered as printed.
LAST_ROWS = ("24技能劳动者数", "25R&D人员", "26常住人口")


def pages_of(path: Path) -> list[str]:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = [document.getAllText(n).text() for n in range(document.pageCount())]
    document.close()
    return [unicodedata.normalize("NFKC", p).translate(RADICALS) for p in pages]


def flat(text: str) -> str:
    """Text as extracted, for comparing: NFKC (： is read back as :), without spaces and line breaks."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_xz_print_numbers_the_pages_and_keeps_the_signature_with_the_last_rows(qtbot, demo_db, tmp_path, xz):
    out = tmp_path / "新城街道_2024.pdf"
    run = xz("print", demo_db, "--unit", "xincheng", "--period", "2024", "-o", out)
    assert run.returncode == 0, run.stderr
    pages = pages_of(out)
    # 26 rows under 8 category headings at 9 pt do not fit one A4 page, and two do.
    assert len(pages) == 2
    for n, text in enumerate(pages, start=1):
        assert f"第{n}页共2页" in flat(text), n
    signature = [n for n, text in enumerate(pages) if "单位盖章" in text]
    assert signature == [1], "the boxes are printed once, on the last page"
    last = pages[1]
    # The signature page holds form rows too: the last three (row 23 stays with its heading on page 1).
    for row in LAST_ROWS:
        assert row in flat(last), row
        assert row not in flat(pages[0]), row
    assert "基础数据23从业人员数" in flat(pages[0])
    assert last.index("常住人口") < last.index("单位盖章")
    # The table's header is repeated on the continuation page.
    assert "序号" in last and "本期" in last
    # The contact line: who filled the figures (the town's clerk, from the audit), contact, phone, reviewer.
    line = flat(last)
    for words in ("填报人：新城街道填报员", "联系人：", "联系电话：", "审核人：", "新城街道2024年填报表（续）"):
        assert flat(words) in line, words


def test_the_registered_contact_and_phone_are_printed(qtbot, demo_db, tmp_path):
    with open_store(demo_db) as store:
        form = service.load_form(store, "jiabei", Period(2024))
    form.unit = dataclasses.replace(form.unit, contact="李娟", phone="0573-82345678")
    text = flat("".join(pages_of(write_pdf(form, tmp_path / "jiabei.pdf"))))
    assert flat("联系人：李娟") in text and flat("联系电话：0573-82345678") in text


def test_computed_rows_are_marked_grey_with_a_word_not_slanted(qtbot, demo_db, tmp_path):
    with open_store(demo_db) as store:
        form = service.load_form(store, "xincheng", Period(2024))
    derived = [r for r in form.rows if not r.editable]
    assert derived, "the demo form has computed rows"
    html = FormPrintout(form).html()
    assert "<i>" not in html
    for row in derived:
        assert f"{html_escape(row.indicator.name)}<span style='color:#555'>（计算）</span>" in html
    assert html.count("<tr style='background-color:#e4e4e4'>") == len(derived)
    text = flat("".join(pages_of(write_pdf(form, tmp_path / "form.pdf"))))
    assert flat(f"{derived[0].indicator.name}（计算）") in text
    assert flat("灰底并标“计算”的行") in text  # the legend says what the mark means


def test_wherever_the_page_ends_the_signature_page_holds_the_last_rows(qtbot, demo_db, tmp_path):
    """Longer 说明 on the first row push the page's end down the table: every time, the block keeps its rows."""
    with open_store(demo_db) as store:
        form = service.load_form(store, "xincheng", Period(2024))
    first = form.rows[0]
    names = [r.indicator.name for r in form.rows][-KEEP_ROWS:]
    counts = set()
    for lines in range(0, 16, 2):
        padded = dataclasses.replace(first, explanation="说明文字较长需要换行。" * 4 * lines)
        form.rows[0] = padded
        pages = pages_of(write_pdf(form, tmp_path / f"form{lines}.pdf"))
        counts.add(len(pages))
        with_boxes = [text for text in pages if "单位盖章" in text]
        assert len(with_boxes) == 1, lines
        for name in names:
            assert name in with_boxes[0], (lines, name)
        for n, text in enumerate(pages, start=1):
            assert f"第{n}页共{len(pages)}页" in flat(text), (lines, n)
    assert counts == {2, 3}, "the padding moved the page's end over the table, and on to a third page"


def test_the_window_prints_the_same_numbered_pages_through_the_print_dialog(qtbot, demo_db, tmp_path, monkeypatch):
    """Ctrl+P on the form page: the printer (here printing to a PDF file) gets the paginated, numbered form."""
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from tests.ui_form_support import open_window

    out = tmp_path / "printed.pdf"

    def accept(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window = open_window(qtbot, demo_db)
    page = window.page("form")
    page.open_form("xincheng", "2024")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    pages = pages_of(out)
    assert len(pages) == 2
    assert [flat(f"第{n}页共2页") in flat(text) for n, text in enumerate(pages, start=1)] == [True, True]
    assert "单位盖章" in pages[1] and "单位盖章" not in pages[0]
    for row in LAST_ROWS:
        assert row in flat(pages[1]), row


def test_a_block_longer_than_a_page_flows_on_and_every_finding_is_printed(qtbot, demo_db, tmp_path):
    """Eighty open findings make the block after the table taller than a page: no break can keep it whole."""
    from xz_desktop.domain.checks import Finding, Severity
    from xz_desktop.domain.messages import Message

    with open_store(demo_db) as store:
        form = service.load_form(store, "xincheng", Period(2024))
    form.findings = [
        Finding("xincheng", "phd", "2024", Severity.WARNING, Message("t", f"第{n}条需要说明的变动", {}))
        for n in range(1, 81)
    ]
    pages = pages_of(write_pdf(form, tmp_path / "long.pdf"))
    assert len(pages) >= 3
    text = flat("".join(pages))
    for n in range(1, 81):
        assert flat(f"第{n}条需要说明的变动") in text, n
    for n, page in enumerate(pages, start=1):
        assert f"第{n}页共{len(pages)}页" in flat(page), n
    assert sum("单位盖章" in p for p in pages) == 1
