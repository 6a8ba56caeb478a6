"""The printed form: an A4 PDF whose text (read back with QtPdf) holds the unit, the typed figures and the boxes."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument

from tests.ui_form_support import open_window, type_in
from xz_desktop.domain.periods import Period
from xz_desktop.printout.form import write_pdf
from xz_desktop.services import form as service
from xz_desktop.store import open_store
from xz_desktop.store.values import ValueChange
from xz_desktop.ui.form.model import Column

A4_POINTS = (595, 842)


def pdf_text(path) -> tuple[str, list]:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = [document.getAllText(n).text() for n in range(document.pageCount())]
    sizes = [document.pagePointSize(n) for n in range(document.pageCount())]
    document.close()
    # CJK fonts map some glyphs to compatibility characters (⼈ for 人) when text is extracted.
    return unicodedata.normalize("NFKC", "\n".join(pages)), sizes


def test_the_printed_pdf_has_the_unit_a_typed_value_and_the_signature_boxes(qtbot, unit_db, tmp_path):
    window = open_window(qtbot, unit_db)
    page = window.page("form")
    page.open_form("xincheng", "2024")
    type_in(qtbot, page, "phd", "12345")
    type_in(qtbot, page, "phd", "引进高层次人才", Column.EXPLANATION)
    written = page.export_pdf(tmp_path / "新城街道.pdf")
    assert written == tmp_path / "新城街道.pdf"
    text, sizes = pdf_text(written)
    assert "新城街道" in text and "12,345" in text and "引进高层次人才" in text
    assert "2024年" in text and "人才资源总量" in text
    for box in ("填报人", "审核人", "单位负责人", "单位盖章", "日期"):
        assert box in text
    assert "审核情况" in text and "已填 1 项" in text
    for size in sizes:
        assert (round(size.width()), round(size.height())) == A4_POINTS
    assert not list(tmp_path.glob(".*.partial")), "no half-written file is left behind"


def test_every_indicator_of_a_long_form_is_printed_across_pages(qtbot, district_db, tmp_path):
    with open_store(district_db) as store:
        form = service.load_form(store, "xincheng", Period(2024))
        # Arbitrary figures (they break the consistency rules, which a district edit through the form
        # refuses): written through the store's one write path, as a merge would.
        store.values.write(
            [
                ValueChange("xincheng", row.code, "2024", 1000 + n)
                for n, row in enumerate(r for r in form.rows if r.editable)
            ],
            author="区人才办",
        )
        form = service.load_form(store, "xincheng", Period(2024))
    path = write_pdf(form, tmp_path / "form", "区人才办")
    assert path.suffix == ".pdf"
    text, sizes = pdf_text(path)
    assert len(sizes) >= 2
    for n, row in enumerate(r for r in form.rows if r.editable):
        assert f"{1000 + n:,}" in text, row.indicator.name


def test_a_pdf_that_cannot_be_written_is_refused_with_a_message(qtbot, unit_db, tmp_path, monkeypatch):
    window = open_window(qtbot, unit_db)
    page = window.page("form")
    errors = []
    monkeypatch.setattr(window, "show_error", lambda exc, title=None: errors.append(str(exc)))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert page.export_pdf(blocker / "out.pdf") is None
    assert errors and "无法写入" in errors[0]


def test_the_print_dialog_is_offered_and_cancelling_prints_nothing(qtbot, unit_db, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    window = open_window(qtbot, unit_db)
    page = window.page("form")
    shown = []

    def cancel(dialog):
        shown.append(dialog.printer().pageLayout().pageSize().id())
        return QPrintDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", cancel)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert shown and shown[0] == shown[0].A4
