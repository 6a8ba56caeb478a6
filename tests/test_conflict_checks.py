"""After conflicts are decided, the unit's period is checked (issue 9, item 8): figures chosen one by
one from two packages can break a rule together, and the 冲突 page, the CLI and the totals say so.
One choice takes every figure of a package; revisions read as plain words."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from xz_desktop.services.packages.conflicts import (
    errors_in_conflicted_periods,
    list_conflicts,
    resolve,
    resolve_package,
    revision_words,
)
from xz_desktop.services.packages.merge import merge_files
from xz_desktop.services.packages.package_file import read_package
from xz_desktop.services.totals import totals
from xz_desktop.store import open_store
from xz_desktop.ui.main_window import MainWindow

from .test_package_support import craft, district

KINDS = [
    "business_mgmt_talent",
    "professional_tech_talent",
    "high_skilled",
    "rural_practical_talent",
    "social_work_talent",
]
OTHERS = dict(zip(KINDS, [4000, 6000, 5000, 1800, 200], strict=True))  # 17 000, the same in both packages
COMMON = {"employed": 50_000, "skilled_workers": 8_000, **OTHERS}


def rows(total: float, party: float) -> list[tuple]:
    # Revision 4 everywhere: the unit saved these figures on two computers (a fork) — each package consistent.
    return [(code, "2023", v, 4) for code, v in {**COMMON, "talent_total": total, "party_gov_talent": party}.items()]


def forked(tmp_path):
    """新城街道 2023 from two computers: A (总量 17 350 = 350 + 17 000) and B (总量 17 410 = 410 + 17 000)."""
    path = district(tmp_path)
    a = craft(tmp_path / "a.xzpkg", rows(17_350, 350), exported_at="2024-01-01T00:00:00.000Z")
    b = craft(tmp_path / "b.xzpkg", rows(17_410, 410), exported_at="2024-02-01T00:00:00.000Z")
    with open_store(path) as store:
        merge_files(store, [a, b])
        assert len(list_conflicts(store)) == 2
    return path, read_package(a).package_id, read_package(b).package_id


def pick(store, code: str, value: float) -> list:
    c = next(c for c in list_conflicts(store) if c.indicator == code)
    return resolve(store, c.id, next(n for n, x in enumerate(c.candidates) if x.value == value))


def test_figure_by_figure_choices_that_break_a_rule_are_reported(tmp_path, xz):
    path, _, _ = forked(tmp_path)
    with open_store(path) as store:
        pick(store, "talent_total", 17_350)  # A's total …
        errors = pick(store, "party_gov_talent", 410)  # … with B's 党政人才: 410 + 17 000 = 17 410 > 17 350
        assert 410 + sum(OTHERS.values()) == 17_410
        assert errors and all((f.unit, f.period) == ("xincheng", "2023") for f in errors)
        assert any(
            "六类人才之和不能超过人才资源总量" in f.text() and "17410" in f.text().replace(",", "") for f in errors
        )
        assert errors_in_conflicted_periods(store) == errors  # what the 冲突 page shows
        row = next(r for r in totals(store, "2023") if r.code == "talent_total")
        assert [(m.unit, m.period) for m in row.errors] == [("xincheng", "2023")]
    text = xz("conflicts", path).stdout
    assert "错误 [xincheng 2023]" in text and "六类人才之和不能超过人才资源总量" in text


def test_take_every_figure_of_one_package(tmp_path, xz):
    path, a, _ = forked(tmp_path)
    with open_store(path) as store:
        done, errors = resolve_package(store, a)
        assert done == 2 and errors == [] and list_conflicts(store) == []
        assert store.values.get("xincheng", "talent_total", "2023").value == 17_350
        assert store.values.get("xincheng", "party_gov_talent", "2023").value == 350
    # From the command line, by the package's file name.
    (tmp_path / "again").mkdir()
    path2, _, _ = forked(tmp_path / "again")
    run = xz("resolve", path2, "--package", "b.xzpkg")
    assert run.returncode == 0, run.stderr
    assert "已处理 2 个冲突" in run.stdout
    with open_store(path2) as store:
        assert store.values.get("xincheng", "talent_total", "2023").value == 17_410


def test_revisions_in_plain_words(tmp_path, xz):
    assert revision_words(1).format() == "该单位首次填报"
    assert revision_words(4).format() == "该单位第 3 次修改"  # revision 4 = the first entry and three changes
    path, _, _ = forked(tmp_path)
    text = xz("conflicts", path).stdout
    assert "该单位第 3 次修改" in text and "修订号" not in text
    assert "单位在两处分别修改过" in text
    data = json.loads(xz("conflicts", path, "--json").stdout)
    assert {c["kind"] for c in data} == {"fork"}  # the JSON contract keeps its codes


def test_conflicts_page_shows_the_error_and_takes_a_whole_package(tmp_path, qtbot, monkeypatch):
    path, _, _ = forked(tmp_path)
    with open_store(path) as store:
        pick(store, "talent_total", 17_350)
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    window.show_page("conflicts")
    page = window.page("conflicts")
    assert page.conflicts_model.rowCount() == 1  # 党政人才 is still open: B's 410 stands meanwhile
    assert page.errors.isVisible() and "六类人才之和不能超过人才资源总量" in page.errors.text()
    assert "新城街道 2023" in page.errors.text()
    words = [page.candidates_model.index(r, 2).data() for r in range(page.candidates_model.rowCount())]
    assert words == ["该单位第 3 次修改"] * 2
    # Take package a.xzpkg's figure: 350 + 17 000 = 17 350, and the error is gone.
    row = next(r for r in range(page.candidates_model.rowCount()) if page.candidates_model.index(r, 1).data() == "350")
    page.candidates.setCurrentIndex(page.candidates_model.index(row, 0))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.whole_package, Qt.MouseButton.LeftButton)
    with open_store(path) as store:
        assert store.values.get("xincheng", "party_gov_talent", "2023").value == 350
        assert errors_in_conflicted_periods(store) == []
    assert not page.errors.isVisible() and page.conflicts_model.rowCount() == 0
    window.close()
