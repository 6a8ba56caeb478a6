"""Plans as data (issue 20): the plan folder, the database's plans, which plan judges a period.

Every expected value is written out by hand from the shipped 十四五 folder (resources/catalog) and the
small folders the tests write.
"""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from xz_desktop.domain.catalog_rows import catalog_csv_texts, load_catalog_dir
from xz_desktop.domain.messages import XzError
from xz_desktop.domain.plans import Plan, YearValue, plan_code_for, plan_for_year, plan_in_force
from xz_desktop.paths import catalog_dir
from xz_desktop.store import create_store, open_store

FIXTURES = Path(__file__).parent / "fixtures"
SHIPPED_VERSION = "b0510e3fa5c3"  # the 十四五 catalog's version every earlier package, receipt and catalog file names
SHIPPED = Plan("十四五", "《秀洲区人才发展“十四五”规划》", 2020, 2025)


def _copy(tmp_path: Path, name: str = "catalog") -> Path:
    target = tmp_path / name
    shutil.copytree(catalog_dir(), target)
    return target


def _rewrite(path: Path, change) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows = change(rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _refusal(folder: Path) -> str:
    with pytest.raises(XzError) as caught:
        load_catalog_dir(folder)
    return str(caught.value)


# -- the shipped folder --------------------------------------------------------------------------


def test_the_shipped_folder_is_the_14th_plan_and_keeps_its_version():
    catalog = load_catalog_dir(catalog_dir())
    assert catalog.plan == SHIPPED
    assert catalog.version == SHIPPED_VERSION
    talent = catalog.indicator("talent_total")
    assert (talent.history, talent.base, talent.target) == ((YearValue(2015, 8.94),), 12.21, 14.71)
    # The seed: 发明专利授权量 2447 is the 十三五's five-year total (“累计2447项”), 增加50人左右 is approximate.
    patents = catalog.indicator("invention_patents_granted")
    assert (patents.base, patents.base_span, patents.base_is_year) == (2447, "plan", False)
    teachers = catalog.indicator("master_degree_teachers_increase")
    assert (teachers.target, teachers.target_sense, teachers.is_about) == (50, "about", True)


def test_a_folder_without_plan_csv_is_read_as_the_14th_plan_from_its_columns(tmp_path):
    folder = _copy(tmp_path)
    (folder / "plan.csv").unlink()
    catalog = load_catalog_dir(folder)
    assert catalog.plan == SHIPPED and catalog.version == SHIPPED_VERSION
    (folder / "level.csv").write_text("code,name,above_code,above_name\n330400,嘉兴市,330000,浙江省\n", "utf-8")
    assert load_catalog_dir(folder).plan == Plan("十四五", "《嘉兴市人才发展“十四五”规划》", 2020, 2025)


def test_the_five_year_plan_numbering():
    # (target_year − 1970) ÷ 5 + 3: 2025 → 14, 2030 → 15, 2020 → 13, 2010 → 11; off the grid: the span.
    assert [plan_code_for(y) for y in (2025, 2030, 2020, 2010)] == ["十四五", "十五五", "十三五", "十一五"]
    assert plan_code_for(2027) == "2022–2027"


def test_the_folder_written_is_read_back_the_same(tmp_path):
    catalog = load_catalog_dir(catalog_dir())
    folder = tmp_path / "out"
    folder.mkdir()
    for name, text in catalog_csv_texts(catalog).items():
        (folder / name).write_text(text, encoding="utf-8")
    assert (folder / "plan.csv").read_text(encoding="utf-8").splitlines() == [
        "code,name,base_year,target_year",
        "十四五,《秀洲区人才发展“十四五”规划》,2020,2025",
    ]
    header = (folder / "indicators.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[header.index("reported_by") + 1 : header.index("target_sense") + 2] == [
        "base_2015",
        "base_2020",
        "target_2025",
        "target_sense",
        "base_span",
    ]
    again = load_catalog_dir(folder)
    assert again.plan == catalog.plan and again.indicators == catalog.indicators
    assert again.version == SHIPPED_VERSION


def _next_plan_folder(tmp_path: Path, plan_row: str = "十五五,《秀洲区人才发展“十五五”规划》,2025,2030") -> Path:
    """A 十五五 folder: the shipped one with its value columns renamed to base_2020, base_2025, target_2030."""
    folder = _copy(tmp_path, "next")

    def rename(rows):
        rows[0] = [
            {"base_2015": "base_2020", "base_2020": "base_2025", "target_2025": "target_2030"}.get(c, c)
            for c in rows[0]
        ]
        return rows

    _rewrite(folder / "indicators.csv", rename)
    (folder / "plan.csv").write_text(f"code,name,base_year,target_year\n{plan_row}\n", encoding="utf-8")
    return folder


def test_a_plan_folder_names_its_years(tmp_path):
    catalog = load_catalog_dir(_next_plan_folder(tmp_path))
    assert catalog.plan == Plan("十五五", "《秀洲区人才发展“十五五”规划》", 2025, 2030)
    talent = catalog.indicator("talent_total")
    assert (talent.history, talent.base, talent.target) == ((YearValue(2020, 8.94),), 12.21, 14.71)
    assert catalog.version != SHIPPED_VERSION  # other years: another catalog


@pytest.mark.parametrize(
    ("plan_row", "words"),
    [
        ("十五五,《规划》,2025,2031", ["indicators.csv", "第 1 行", "“target_2031”列", "缺少此列"]),
        ("十五五,《规划》,2024,2030", ["indicators.csv", "第 1 行", "“base_2024”列", "缺少此列"]),
        ("十五五,《规划》,2030,2025", ["plan.csv", "第 2 行", "“target_year”列", "应晚于基数年"]),
        ("十五五,《规划》,二〇二五,2030", ["plan.csv", "第 2 行", "“base_year”列", "不是数字"]),
        (",《规划》,2025,2030", ["plan.csv", "第 2 行", "“code”列", "不能为空"]),
        ("十五五,《规划》,2025,3030", ["plan.csv", "第 2 行", "“target_year”列", "1990–2099"]),
    ],
)
def test_a_bad_plan_folder_is_refused_naming_file_row_and_column(tmp_path, plan_row, words):
    text = _refusal(_next_plan_folder(tmp_path, plan_row))
    for word in words:
        assert word in text, (word, text)


def test_two_target_columns_are_refused(tmp_path):
    folder = _copy(tmp_path)
    (folder / "plan.csv").unlink()
    _rewrite(folder / "indicators.csv", lambda rows: [r + ["" if n else "target_2030"] for n, r in enumerate(rows)])
    text = _refusal(folder)
    assert "indicators.csv" in text and "第 1 行" in text and "target_2025、target_2030" in text


def test_a_bad_base_span_is_refused(tmp_path):
    folder = _copy(tmp_path)

    def bad(rows):
        at = rows[0].index("base_span")
        rows[3][at] = "decade"
        return rows

    _rewrite(folder / "indicators.csv", bad)
    text = _refusal(folder)
    assert "第 4 行" in text and "“base_span”列" in text and "decade" in text


# -- which plan judges a year --------------------------------------------------------------------

FOURTEEN = Plan("十四五", "a", 2020, 2025)
FIFTEEN = Plan("十五五", "b", 2025, 2030)


def test_the_plan_of_a_year():
    plans = [FOURTEEN, FIFTEEN]
    assert [plan_for_year(plans, y).code for y in (2015, 2020, 2021, 2025, 2026, 2030, 2031)] == [
        "十四五",  # history: the first plan reads it
        "十四五",
        "十四五",
        "十四五",
        "十五五",
        "十五五",
        "十五五",  # after every plan: the newest, for entry only
    ]
    assert plan_in_force(plans, 2026) == FIFTEEN and plan_in_force(plans, 2024) == FOURTEEN
    assert plan_in_force(plans, 2031) == FIFTEEN and plan_in_force([FOURTEEN], 2026) == FOURTEEN


# -- the database --------------------------------------------------------------------------------


def test_a_schema_5_database_opens_with_one_plan(tmp_path):
    path = tmp_path / "district.sqlite"
    shutil.copy(FIXTURES / "v5_district.sqlite", path)
    with open_store(path) as store:
        assert store.plans() == [SHIPPED]
        catalog = store.catalog()
        assert catalog.plan == SHIPPED and store.catalog("十四五") is catalog
        assert catalog.version == SHIPPED_VERSION  # as stored: the version its packages named
        talent = catalog.indicator("talent_total")
        assert (talent.history, talent.base, talent.target) == ((YearValue(2015, 8.94),), 12.21, 14.71)
        assert store.catalog_for("2023").plan == SHIPPED and store.catalog_for("2026").plan == SHIPPED
    conn = sqlite3.connect(path)
    try:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(indicator)")}
        assert {"plan", "base", "target", "base_span"} <= columns and "base_2020" not in columns
        assert conn.execute("SELECT count(*) FROM indicator_history WHERE year = 2015").fetchone()[0] == len(
            catalog.indicators
        )
    finally:
        conn.close()


def test_a_schema_1_unit_database_opens_with_one_plan(tmp_path):
    path = tmp_path / "unit.sqlite"
    shutil.copy(FIXTURES / "v1_unit_xincheng.sqlite", path)
    with open_store(path) as store:
        assert [p.code for p in store.plans()] == ["十四五"]
        assert (store.plans()[0].base_year, store.plans()[0].target_year) == (2020, 2025)


def test_a_plan_added_judges_its_years_and_the_version_moves(tmp_path):
    path = tmp_path / "district.sqlite"
    create_store(path, "district", author="测试").close()
    nxt = load_catalog_dir(_next_plan_folder(tmp_path))
    with open_store(path) as store:
        version = store.add_plan(nxt)
        assert version not in (SHIPPED_VERSION, nxt.version) and len(version) == 12
        assert [p.code for p in store.plans()] == ["十四五", "十五五"]
        assert store.catalog_for("2025").plan.code == "十四五"
        assert store.catalog_for("2026H1").plan.code == "十五五"
        assert store.catalog("十五五").indicator("talent_total").base == 12.21
        assert store.catalog("十四五").version == store.catalog("十五五").version == version
        with pytest.raises(XzError, match="已有规划“十五五”"):
            store.add_plan(nxt)
    overlapping = load_catalog_dir(_next_plan_folder(tmp_path / "o", "十五五甲,《甲》,2025,2030"))
    with open_store(path) as store, pytest.raises(XzError, match="年份重叠"):
        store.add_plan(overlapping)
    with open_store(path) as store:  # read again from the file
        assert [p.code for p in store.plans()] == ["十四五", "十五五"]
        with pytest.raises(XzError, match="没有规划“十六五”"):
            store.catalog("十六五")


# -- an approximate target (左右) -------------------------------------------------------------------


def test_an_about_target_is_judged_as_about_not_at_least():
    """增加50人左右 (2021–2025 cumulative, base 0): Δ = 50, tolerance 10 % × 50 = 5 (docs/plan.md, 约数目标)."""
    from xz_desktop.domain import progress
    from xz_desktop.domain.trajectory import completion, expected

    catalog = load_catalog_dir(catalog_dir())
    ind = catalog.indicator("master_degree_teachers_increase")
    plan = catalog.plan
    assert expected(ind, 2025, 0.0, plan=plan) == 50
    assert progress.on_track(ind, 45, 50, 0.0) and not progress.on_track(ind, 44, 50, 0.0)
    assert progress.on_track(ind, 60, 50, 0.0)  # beyond an about target is no failure: it is no cap
    assert expected(ind, 2023, 0.0, plan=plan) == pytest.approx(30)  # 50 × 3/5
    assert progress.on_track(ind, 27, 30, 0.0) and not progress.on_track(ind, 26, 30, 0.0)
    assert completion(ind, 45, 0.0) == pytest.approx(0.9)
    # The same target read as "at least" (min) needs the whole 50.
    from dataclasses import replace

    at_least = replace(ind, target_sense="min")
    assert not progress.on_track(at_least, 45, 50, 0.0) and progress.on_track(at_least, 50, 50, 0.0)
    # A planned fall, about: 100 → 80 (Δ = 20, tolerance 2): 82 is about 80, 83 is not; 70 is beyond it.
    fall = replace(ind, target=80.0, target_basis="annual")
    assert progress.on_track(fall, 82, 80, 100.0) and not progress.on_track(fall, 83, 80, 100.0)
    assert progress.on_track(fall, 70, 80, 100.0)


def test_a_base_that_is_a_plans_total_is_no_years_base():
    from xz_desktop.domain.trajectory import BASE_NONE, BASE_STORED, plan_base, resolve_base

    catalog = load_catalog_dir(catalog_dir())
    patents = catalog.indicator("invention_patents_granted")  # 2447 = 2016–2020, an annual flow
    assert plan_base(patents).source == BASE_NONE
    assert resolve_base(patents, 512.0).value == 512.0 and resolve_base(patents, 512.0).source == BASE_STORED


def test_the_years_a_database_takes_figures_for_follow_its_plans(tmp_path):
    # The 十四五 alone: from its earliest history column (2015) to its target year and one plan beyond (2030).
    path = tmp_path / "district.sqlite"
    create_store(path, "district", author="测试").close()
    with open_store(path) as store:
        assert store.entry_years() == (2015, 2030)
        store.values.write_one("xincheng", "phd", "2030", 1)
        for period in ("2014", "2031H1"):
            with pytest.raises(XzError, match="不在本库的规划年份 2015–2030 之内"):
                store.values.write_one("xincheng", "phd", period, 1)
        store.add_plan(load_catalog_dir(_next_plan_folder(tmp_path)))
        assert store.entry_years() == (2015, 2035)
        store.values.write_one("xincheng", "talent_total", "2035", 1)
