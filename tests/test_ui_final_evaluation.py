"""终期评估 on the window's 目标与考核 page (issue 20 item 4): the evaluation records in a table (met, not met,
数据不全 with who is missing), each unit against its own targets, and the final report written in the background."""

from __future__ import annotations

import sqlite3

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from xz_desktop.services.plan import report
from xz_desktop.ui.common import settings
from xz_desktop.ui.main_window import MainWindow

from .excel_support import demo_db  # noqa: F401 - fixture


@pytest.fixture(autouse=True)
def _settings(tmp_path):
    settings.use_folder(tmp_path / "settings")


@pytest.fixture
def window(qtbot, demo_db):
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    w.resize(1300, 820)
    w.show()
    w.show_page("plan")
    qtbot.waitUntil(lambda: not w.tasks, timeout=60_000)
    yield w
    w.close()


def summed(db, code: str, period: str) -> float:
    with sqlite3.connect(db) as con:
        return con.execute(
            "SELECT sum(value) FROM value WHERE indicator = ? AND period = ?", (code, period)
        ).fetchone()[0]


def test_the_final_evaluation_tab_shows_met_not_met_and_incomplete(qtbot, window, demo_db, qtmodeltester):
    page = window.page("plan")
    view = page.final_view
    page.tabs.setCurrentWidget(view)
    qtmodeltester.check(view.model)
    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rows = {
        model.index(r, 1).data(): [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    }
    verdict, missing, year = headers.index("结论"), headers.index("缺报"), headers.index("目标年")
    phd_master = summed(demo_db, "phd", "2025") + summed(demo_db, "master", "2025")  # by hand: 4,465 < 4,750
    assert rows["博士、硕士人才"][year] == f"{phd_master:,.0f}" and phd_master < 4750
    assert rows["博士、硕士人才"][verdict] == "未完成目标"
    assert rows["人才资源总量"][verdict] == "完成目标" and summed(demo_db, "talent_total", "2025") / 10_000 >= 14.71
    row = rows["省级（重点）企业研究院"]
    assert row[verdict] == "数据不全" and row[year] == "数据不全" and "区科技局（2025）" in row[missing]
    assert "未完成 2 项" in view.summary.text()
    assert view.units_model.rowCount() > 0


def test_the_final_report_is_written_from_the_tab(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "终期评估报告.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(report, "soffice", lambda: None)  # the Word file only
    page = window.page("plan")
    page.tabs.setCurrentWidget(page.final_view)
    page.final_view.report_button.click()
    qtbot.waitUntil(lambda: getattr(window, "last_report", None) is not None, timeout=60_000)
    assert window.last_report.docx == target
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "终期评估报告" in text and "三、存在问题" in text
    assert "未安装 LibreOffice" in window.statusBar().currentMessage()
