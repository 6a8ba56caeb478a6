"""汇总 → 规划 through real widgets: the plans held, 开始新规划 writes the folder, 启用规划 puts a filled one in
force, and a hostile folder is refused with a Chinese message naming file, row and column."""

from __future__ import annotations

import pytest

from xz_desktop.ui.common import settings
from xz_desktop.ui.main_window import MainWindow
from xz_desktop.ui.plan import plans_page

from .test_plans_cli import NEW, OLD_NAME, SHIPPED_INDICATORS, district, fill, header, rows, write_rows  # noqa: F401


@pytest.fixture(autouse=True)
def _settings(tmp_path):
    settings.use_folder(tmp_path / "settings")


@pytest.fixture
def window(qtbot, district):
    w = MainWindow(district)
    qtbot.addWidget(w)
    w.show()
    w.show_page(plans_page.PAGE_KEY)
    yield w
    w.close()


def finished(qtbot, window, task) -> None:
    assert task is not None
    qtbot.waitUntil(lambda: task.outcome is not None and task not in window.tasks, timeout=30_000)


def texts(model, row: int) -> list[str]:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_the_plan_list_starts_and_adds_a_plan(qtbot, window, tmp_path, monkeypatch, qtmodeltester):
    page = window.page(plans_page.PAGE_KEY)
    assert isinstance(page, plans_page.PlansPage)
    widget = page.plan_list
    model = widget.model
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    # 十四五: 87 indicators, 2021–2025 (its targets: the shipped catalog's target_2025 cells)
    assert texts(model, 0)[:6] == ["十四五", OLD_NAME, "2020", "2025", "2021–2025", str(SHIPPED_INDICATORS)]

    # the dialog proposes the next five years after the newest plan, starting from the plan in force
    dialog = plans_page.PlanNewDialog(list(model.rows), widget)
    assert (dialog.base_box.value(), dialog.target_box.value(), dialog.from_box.currentData()) == (2025, 2030, "十四五")
    dialog.close()

    out = tmp_path / "十五五"
    fields = {
        "code": NEW[0],
        "name": NEW[1],
        "base_year": 2025,
        "target_year": 2030,
        "from_plan": "十四五",
        "folder": str(out),
    }
    finished(qtbot, window, widget.start_new_plan(fields))
    assert (out / "plan.csv").exists()
    # 博士 lacks 洪合镇's 2025 figure: listed in the message, base left blank
    assert "phd 博士" in widget.message.text()
    assert rows(out / "indicators.csv")["talent_total"]["base_2025"] == "14.5"

    fill(out)
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda exc, title=None: shown.append("\n".join(exc.lines())))
    bad = tmp_path / "bad"
    bad.mkdir()
    for f in out.iterdir():
        (bad / f.name).write_bytes(f.read_bytes())
    found = list(rows(bad / "indicators.csv").values())
    found[1]["target_2030"] = "abc"
    write_rows(bad / "indicators.csv", found, header(bad / "indicators.csv"))
    finished(qtbot, window, widget.add_plan(str(bad)))
    assert len(shown) == 1 and all(w in shown[0] for w in ("indicators.csv", "第 3 行", "target_2030")), shown
    assert model.rowCount() == 1

    finished(qtbot, window, widget.add_plan(str(out)))
    assert shown == [str(shown[0])]
    assert model.rowCount() == 2
    assert texts(model, 1)[:6] == [NEW[0], NEW[1], "2025", "2030", "2026–2030", str(SHIPPED_INDICATORS + 1)]
    assert texts(model, 1)[6] == "2"  # two targets filled in: 人才资源总量 17.5 万人, 数字经济人才 5000 人
    qtmodeltester.check(model)
