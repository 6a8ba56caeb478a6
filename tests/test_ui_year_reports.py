"""The 汇总 and 分单位数据 pages compute when shown, on a worker, from one shared aggregation (issue 14)."""

from __future__ import annotations

import threading

import pytest

from xz_desktop.domain.periods import Period
from xz_desktop.services import pivot
from xz_desktop.services.totals import computed_totals
from xz_desktop.store import open_store
from xz_desktop.ui.common import settings
from xz_desktop.ui.main_window import MainWindow

from .excel_support import demo_db  # noqa: F401 - fixture
from .ui_form_support import idle


@pytest.fixture(autouse=True)
def _settings(tmp_path):
    settings.use_folder(tmp_path / "settings")


@pytest.fixture
def window(qtbot, demo_db, monkeypatch):
    threads = []
    real = pivot.year_report

    def recording(store, year, **kw):
        threads.append((threading.current_thread(), year))
        return real(store, year, **kw)

    monkeypatch.setattr("xz_desktop.ui.totals.year_reports.year_report", recording)
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    w.show()
    w.computed = threads  # type: ignore[attr-defined]
    yield w
    w.close()


def test_the_window_is_built_without_computing_the_totals(qtbot, window):
    idle(qtbot, window)
    assert window.computed == []
    assert window.page("totals").model.rowCount() == 0 and window.page("pivot").model.table is None


def test_the_totals_are_computed_on_a_worker_when_shown_and_shared_with_the_pivot_page(qtbot, window):
    window.show_page("totals")
    idle(qtbot, window)
    assert [year for _, year in window.computed] == [2025]  # the latest year with figures
    assert window.computed[0][0] is not threading.main_thread()
    totals = window.page("totals")
    assert totals.model.row_of("talent_total") >= 0
    window.show_page("pivot")
    assert not window.tasks, "the pivot page takes the aggregation the totals page computed"
    assert window.page("pivot").model.table.period == "2025" and len(window.computed) == 1


def test_an_edit_makes_the_shown_page_recompute_and_the_hidden_one_stale(qtbot, window):
    window.show_page("totals")
    idle(qtbot, window)
    before = window.page("totals").model.total_row(window.page("totals").model.row_of("talent_total")).value
    with open_store(window.store_path) as store:
        store.values.write_one("xincheng", "talent_total", "2025", 99999.0)
    from xz_desktop.ui.common.changes import Changes

    window.announce(Changes(figures=True))
    idle(qtbot, window)
    page = window.page("totals")
    after = page.model.total_row(page.model.row_of("talent_total")).value
    assert after != before and len(window.computed) == 2
    assert window.page("pivot")._stale
    window.show_page("pivot")
    assert not window.tasks and window.page("pivot").model.table.value("xincheng", "talent_total") == 99999.0


def test_the_shown_indicators_contributions_are_read_for_it_and_not_after_the_window_closed(qtbot, window):
    window.show_page("totals")
    idle(qtbot, window)
    page = window.page("totals")
    row = page.model.row_of("talent_total")
    page.select_indicator("talent_total")
    shown = page.breakdown_model.rowCount()
    assert shown > 0, "the contributions of the selected indicator are shown"
    window.close()
    page._show_indicator(row)  # a row change or a late report while closing: the store is closed, nothing is read
    assert page.breakdown_model.rowCount() == shown


def test_a_report_computed_before_a_write_is_not_delivered_but_computed_again(qtbot, demo_db, monkeypatch):
    """Two workers of one year may finish in any order: a report of the database as it was must never be shown
    after the database changed (it could replace a newer one), so the page asks again."""
    from xz_desktop.ui.totals.year_reports import reports_of

    computed, release, calls = threading.Event(), threading.Event(), []
    real = pivot.year_report

    def slow_first(store, year, **kw):
        report = real(store, year, **kw)
        calls.append(year)
        if len(calls) == 1:  # the first report is done, and held back until the database has changed
            computed.set()
            release.wait(20)
        return report

    monkeypatch.setattr("xz_desktop.ui.totals.year_reports.year_report", slow_first)
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    delivered = []
    reports_of(w).request(2024, False, delivered.append)
    assert computed.wait(20)
    with open_store(demo_db) as other:
        other.values.write_one("xincheng", "talent_total", "2024", 99999.0)
    release.set()
    qtbot.waitUntil(lambda: bool(delivered), timeout=30_000)
    idle(qtbot, w)
    assert calls == [2024, 2024] and len(delivered) == 1
    assert delivered[0].table.value("xincheng", "talent_total") == 99999.0
    w.close()


def test_a_report_finishing_after_the_window_closed_is_not_delivered(qtbot, demo_db, monkeypatch):
    """Closing the window closes its store; a worker still computing must deliver nothing to it (no error)."""
    from xz_desktop.ui.totals.year_reports import reports_of

    computed, release, finished = threading.Event(), threading.Event(), threading.Event()
    real = pivot.year_report

    def held(store, year, **kw):
        report = real(store, year, **kw)
        computed.set()
        release.wait(20)
        finished.set()
        return report

    monkeypatch.setattr("xz_desktop.ui.totals.year_reports.year_report", held)
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    delivered = []
    reports_of(w).request(2024, False, delivered.append)
    assert computed.wait(20)
    w.close()
    release.set()
    assert finished.wait(20)
    qtbot.wait(300)  # the worker's result reaches the GUI thread as an event
    assert delivered == []


def test_the_window_keeps_the_totals_it_computed_and_the_next_window_reads_them(qtbot, window, demo_db):
    version = window.store.version()
    window.show_page("totals")
    idle(qtbot, window)
    assert window.store.version() == version, "keeping totals is not a change: the reports stay current"
    shown = [r.as_json() for r in window.page("totals")._report.rows]
    window.close()
    with open_store(demo_db, read_only=True) as store:
        assert [(k.period, k.carry_forward) for k in store.stored_totals.periods()] == [("2025", False)]
        assert [r.as_json() for r in computed_totals(store, Period(2025))] == shown
    again = MainWindow(demo_db)
    qtbot.addWidget(again)
    again.show()
    again.show_page("totals")
    idle(qtbot, again)
    assert [r.as_json() for r in again.page("totals")._report.rows] == shown
    again.show_page("pivot")
    assert again.page("pivot").model.table.period == "2025"
    again.close()


def test_a_year_change_keeps_the_chart_and_a_figure_change_reads_it_again(qtbot, window, monkeypatch):
    charts = []
    real = pivot.history

    def counting(catalog, aggregator, code, last_year=None, **kw):
        charts.append((code, last_year))
        return real(catalog, aggregator, code, last_year, **kw)

    monkeypatch.setattr(pivot, "history", counting)
    window.show_page("totals")
    idle(qtbot, window)
    page = window.page("totals")
    code = page.selected_code()
    assert code and charts == [(code, 2025)]  # a history through 2025 runs to the plan's 2025
    page.year_box.setCurrentIndex(page.year_box.findData(2023))
    idle(qtbot, window)
    assert [year for _, year in window.computed] == [2025, 2023]
    assert charts == [(code, 2025)], "the chart through 2023 is the chart through 2025: not read again"
    name = window.store.catalog().indicator(code).name
    assert page.chart._chart.title().startswith(name) and page.chart.actual.count() > 0  # still drawn
    with open_store(window.store_path) as store:
        store.values.write_one("xincheng", "talent_total", "2023", 99999.0)
    from xz_desktop.ui.common.changes import Changes

    window.announce(Changes(figures=True))
    idle(qtbot, window)
    assert charts == [(code, 2025), (code, 2025)], "a figure changed: the chart is read again"


def test_a_chart_that_failed_is_read_again_when_next_asked(qtbot, window, monkeypatch):
    from xz_desktop.domain.messages import Message, XzError

    failures = []
    monkeypatch.setattr(window, "show_error", lambda exc: failures.append(exc))
    real = pivot.history
    calls = []

    def once_broken(catalog, aggregator, code, last_year=None, **kw):
        calls.append(code)
        if len(calls) == 1:
            raise XzError(Message("test", "读不到"))
        return real(catalog, aggregator, code, last_year, **kw)

    monkeypatch.setattr(pivot, "history", once_broken)
    window.show_page("totals")
    idle(qtbot, window)
    page = window.page("totals")
    assert len(calls) == 1 and len(failures) == 1  # the failure is reported, the chart stays empty
    page.year_box.setCurrentIndex(page.year_box.findData(2023))  # the same chart: asked again, not stuck
    idle(qtbot, window)
    assert len(calls) == 2 and page.chart.actual.count() > 0
