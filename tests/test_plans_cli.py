"""Issue 20, plans in use: ``xz plan-new`` starts the next plan from the district's complete figures, ``xz plan-add``
puts a filled folder in force (a hostile one refused, the database untouched), ``xz plans`` lists them, and the
plans travel to a unit's copy, whose 2026 form shows the new plan's indicators and its 2025 form the old ones.

Every expected number is worked out by hand here from the figures the test writes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from xz_desktop.store import open_store

from .conftest import GEOGRAPHIC, run_xz

NEW = ("十五五", "《秀洲区人才发展“十五五”规划》")
OLD_NAME = "《秀洲区人才发展“十四五”规划》"
SHIPPED_INDICATORS = 87  # resources/catalog/indicators.csv: 88 lines with its header


def ok(done) -> None:
    assert done.returncode == 0, done.stderr


def refused(done) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    return done.stderr


def rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return {r["code"]: r for r in csv.DictReader(f)}


def write_rows(path: Path, found: list[dict[str, str]], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(found)


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return next(csv.reader(f))


@pytest.fixture
def district(district_db: Path) -> Path:
    """The district holding 2021–2025 figures: 人才资源总量 of every town each year (2025 complete), the
    专项资金 of the finance bureau, 发明专利授权量 each year, and 博士 of every town but 洪合镇 in 2025 (incomplete)."""
    with open_store(district_db) as store, store.transaction():  # the fixture's figures: one commit
        for year in range(2021, 2026):
            for n, unit in enumerate(GEOGRAPHIC):
                # 2025: 10000, 11000, …, 19000 人 → Σ = 145000 人 = 14.5 万人
                store.values.write_one(unit, "talent_total", str(year), 10000 + 1000 * n - 100 * (2025 - year))
        store.values.write_one("finance", "talent_fund", "2025", 12000)
        for year, granted in zip(range(2021, 2026), (500, 520, 540, 560, 580), strict=True):
            store.values.write_one("market", "invention_patents_granted", str(year), granted)
        for n, unit in enumerate(GEOGRAPHIC):
            if unit != "honghe":
                store.values.write_one(unit, "phd", "2025", 10 + n)
    return district_db


def plan_new(db: Path, out: Path, *extra: str):
    return run_xz(
        "plan-new",
        db,
        "--code",
        NEW[0],
        "--name",
        NEW[1],
        "--base-year",
        "2025",
        "--target-year",
        "2030",
        "-o",
        out,
        *extra,
    )


def test_plan_new_fills_the_base_from_complete_figures_and_lists_the_others(tmp_path, district):
    out = tmp_path / "十五五"
    done = plan_new(district, out)
    ok(done)
    # 博士 lacks 洪合镇's 2025 figure: blank and listed, never a partial sum.
    assert "phd" in done.stdout and "洪合镇（2025）" in done.stdout
    assert "talent_total 人才资源总量" not in done.stdout
    with (out / "plan.csv").open(encoding="utf-8-sig") as f:
        assert list(csv.DictReader(f)) == [{"code": NEW[0], "name": NEW[1], "base_year": "2025", "target_year": "2030"}]
    columns = header(out / "indicators.csv")
    assert {"base_2015", "base_2020", "base_2025", "target_2030"} <= set(columns)
    assert "target_2025" not in columns
    found = rows(out / "indicators.csv")
    assert len(found) == SHIPPED_INDICATORS
    talent = found["talent_total"]
    # the 十四五's base (2020) and history (2015) carried on; the new base is Σ 2025 = 145000 人 = 14.5 万人
    assert (talent["base_2015"], talent["base_2020"], talent["base_2025"], talent["target_2030"]) == (
        "8.94",
        "12.21",
        "14.5",
        "",
    )
    assert found["talent_fund"]["base_2025"] == "12000"
    # 发明专利授权量: its 十四五 base 2447 was the 2016–2020 total (base_span plan); the 十五五's is 2021–2025's,
    # 500 + 520 + 540 + 560 + 580 = 2700, and 2447 is no year's figure: not carried on as the history of 2020
    patents = found["invention_patents_granted"]
    assert (patents["base_2015"], patents["base_2020"], patents["base_2025"], patents["base_span"]) == (
        "465",
        "",
        "2700",
        "plan",
    )
    assert talent["base_span"] == "year"
    assert found["phd"]["base_2025"] == ""
    assert all(r["target_2030"] == "" for r in found.values())
    assert (out / "units.csv").exists()


def test_plan_new_refusals(tmp_path, district):
    before = district.read_bytes()
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "note.txt").write_text("x", encoding="utf-8")
    assert "不是空文件夹" in refused(plan_new(district, taken))
    held = run_xz(
        "plan-new",
        district,
        "--code",
        "十四五",
        "--name",
        "x",
        "--base-year",
        "2025",
        "--target-year",
        "2030",
        "-o",
        tmp_path / "a",
    )
    assert "已有规划" in refused(held)
    backwards = run_xz(
        "plan-new",
        district,
        "--code",
        "十五五",
        "--name",
        "x",
        "--base-year",
        "2030",
        "--target-year",
        "2025",
        "-o",
        tmp_path / "b",
    )
    assert "应晚于" in refused(backwards)
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()
    assert district.read_bytes() == before


def filled_folder(tmp_path: Path, district: Path) -> Path:
    """The 十五五 folder as :func:`fill` fills it."""
    out = tmp_path / "十五五"
    ok(plan_new(district, out))
    return fill(out)


def fill(out: Path) -> Path:
    """The 十五五 folder as the district fills it: two targets set, 全职引进顶尖人才 dropped, two new indicators."""
    path = out / "indicators.csv"
    columns = header(path)
    found = list(rows(path).values())
    found = [r for r in found if r["code"] != "top_talent_fulltime"]
    for r in found:
        if r["code"] == "talent_total":
            r["target_2030"], r["target_sense"] = "17.5", "min"
        if r["code"] == "phd":
            r["base_2025"] = "150"
    template = next(r for r in found if r["code"] == "phd")
    found.append(
        {
            **template,
            "code": "digital_talent",
            "name": "数字经济人才",
            "base_2025": "",
            "target_2030": "5000",
            "base_2015": "",
            "base_2020": "",
            "table1_seq": "",
            "table2_seq": "",
        }
    )
    found.append(
        {
            **template,
            "code": "ai_enterprise",
            "name": "人工智能企业",
            "reported_by": "science",
            "base_2025": "",
            "target_2030": "",
            "base_2015": "",
            "base_2020": "",
            "table1_seq": "",
            "table2_seq": "",
        }
    )
    write_rows(path, found, columns)
    return out


def test_plan_add_puts_the_plan_in_force_and_plans_lists_both(tmp_path, district):
    folder = filled_folder(tmp_path, district)
    ok(run_xz("plan-add", district, folder, "--author", "区人才办"))
    listed = json.loads(run_xz("plans", district, "--json").stdout)
    assert [{k: p[k] for k in ("code", "name", "base_year", "target_year", "indicators")} for p in listed] == [
        {"code": "十四五", "name": OLD_NAME, "base_year": 2020, "target_year": 2025, "indicators": SHIPPED_INDICATORS},
        {"code": NEW[0], "name": NEW[1], "base_year": 2025, "target_year": 2030, "indicators": SHIPPED_INDICATORS + 1},
    ]
    # The same folder again: the code is held (and the years overlap): refused.
    assert "plan.csv" in refused(run_xz("plan-add", district, folder))


@pytest.mark.parametrize(
    ("file", "column", "bad", "named"),
    [
        ("indicators.csv", "target_2030", "abc", ("indicators.csv", "第 3 行", "target_2030")),
        ("indicators.csv", "aggregation", "sideways", ("indicators.csv", "第 3 行", "aggregation")),
        ("plan.csv", "base_year", "20x5", ("plan.csv", "第 2 行", "base_year")),
    ],
)
def test_a_hostile_plan_folder_is_refused_naming_file_row_column_and_nothing_changes(
    tmp_path, district, file, column, bad, named
):
    folder = filled_folder(tmp_path, district)
    path = folder / file
    columns = header(path)
    found = list(rows(path).values())
    found[1 if file == "indicators.csv" else 0][column] = bad  # indicators.csv's third line, plan.csv's second
    write_rows(path, found, columns)
    before = district.read_bytes()
    text = refused(run_xz("plan-add", district, folder))
    for word in named:
        assert word in text, text
    assert district.read_bytes() == before


def test_a_plan_whose_years_overlap_a_plan_held_is_refused(tmp_path, district):
    folder = filled_folder(tmp_path, district)
    # base year 2024: 2025–2030 overlaps the 十四五 (2021–2025)
    (folder / "plan.csv").write_text(
        f"code,name,base_year,target_year\n{NEW[0]},{NEW[1]},2024,2030\n", encoding="utf-8"
    )
    text = (folder / "indicators.csv").read_text(encoding="utf-8")
    (folder / "indicators.csv").write_text(text.replace("base_2025", "base_2024", 1), encoding="utf-8")
    before = district.read_bytes()
    text = refused(run_xz("plan-add", district, folder))
    assert all(w in text for w in ("plan.csv", "第 2 行", "base_year", "重叠", "2021–2025")), text
    assert district.read_bytes() == before


@pytest.fixture
def enrolled(tmp_path, district):
    """The district with the 十五五 in force for 2026–2030, and 新城街道's copy set up from its enrolment file."""
    ok(run_xz("plan-add", district, filled_folder(tmp_path, district)))
    enrolment = tmp_path / "xincheng.xzenrol"
    ok(run_xz("enrol", district, "--unit", "xincheng", "-o", enrolment))
    town = tmp_path / "town.sqlite"
    ok(run_xz("init", town, "--enrolment", enrolment, "--author", "张三"))
    return district, town


def form_codes(db: Path, period: str) -> set[str]:
    done = run_xz("form", db, "--period", period, "--json")
    ok(done)
    return {r["code"] for r in json.loads(done.stdout)["rows"]}


def test_a_units_copy_shows_each_plans_indicators_on_its_years_form(enrolled):
    _, town = enrolled
    later, earlier = form_codes(town, "2026"), form_codes(town, "2025")
    assert "digital_talent" in later and "top_talent_fulltime" not in later
    assert "top_talent_fulltime" in earlier and "digital_talent" not in earlier
    assert "ai_enterprise" not in later  # the 科技局's, not a town's
    assert "talent_total" in later and "talent_total" in earlier
    # the Excel form of 2026 is the 十五五's too
    from openpyxl import load_workbook

    ok(run_xz("template", town, "--period", "2026", "-o", town.parent / "2026.xlsx"))
    book = load_workbook(town.parent / "2026.xlsx")
    cells = {str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value}
    assert "数字经济人才" in cells and "全职引进顶尖人才（团队）" not in cells


def test_the_catalog_file_brings_a_new_plan_to_a_copy_enrolled_before_it(tmp_path, district_db):
    enrolment = tmp_path / "xincheng.xzenrol"
    ok(run_xz("enrol", district_db, "--unit", "xincheng", "-o", enrolment))
    town = tmp_path / "town.sqlite"
    ok(run_xz("init", town, "--enrolment", enrolment, "--author", "张三"))
    assert "digital_talent" not in form_codes(town, "2026")
    ok(run_xz("plan-add", district_db, filled_folder(tmp_path, district_db)))
    file = tmp_path / "目录.xzcat"
    ok(run_xz("catalog-export", district_db, "-o", file))
    assert json.loads(file.read_text(encoding="utf-8"))["format_version"] == 3
    ok(run_xz("catalog-import", town, file))
    assert "digital_talent" in form_codes(town, "2026")
    assert "top_talent_fulltime" in form_codes(town, "2025")
    listed = json.loads(run_xz("plans", town, "--json").stdout)
    assert [p["code"] for p in listed] == ["十四五", NEW[0]]


def test_a_package_for_2026_is_checked_against_the_2026_plan_and_2025_against_the_old_one(enrolled, tmp_path):
    district, town = enrolled
    ok(run_xz("set", town, "--period", "2026", "digital_talent", "120"))
    ok(run_xz("set", town, "--period", "2025", "top_talent_fulltime", "2"))
    # 数字经济人才 is no indicator of the 十四五: its 2025 form refuses it
    assert "digital_talent" in refused(run_xz("set", town, "--period", "2025", "digital_talent", "1"))
    for period in ("2025", "2026"):
        ok(run_xz("package", town, "--period", period, "-o", tmp_path / f"{period}.xzpkg"))
    merged = json.loads(run_xz("merge", district, tmp_path / "2025.xzpkg", tmp_path / "2026.xzpkg", "--json").stdout)
    assert [m["status"] for m in merged] == ["merged", "merged"], merged
    with open_store(district) as store:
        assert store.values.get("xincheng", "digital_talent", "2026").value == 120
        assert store.values.get("xincheng", "top_talent_fulltime", "2025").value == 2


def test_an_upward_package_names_the_plan_its_figures_were_judged_under(tmp_path):
    from xz_desktop.domain.catalog_rows import load_catalog_dir
    from xz_desktop.domain.levels import load_level
    from xz_desktop.domain.periods import Period
    from xz_desktop.services.packages.package_file import read_package
    from xz_desktop.services.packages.upward import make_upward_package
    from xz_desktop.services.signing.enrolment import enrol, init_from_enrolment
    from xz_desktop.store import create_store

    from .test_levels import CITY, TOWNS, district_folder

    folder = district_folder(tmp_path, "330411")
    xiuzhou = tmp_path / "xiuzhou.sqlite"
    create_store(xiuzhou, "district", catalog=load_catalog_dir(folder), author="测试", level=load_level(folder)).close()
    city = tmp_path / "jiaxing.sqlite"
    ok(run_xz("init", city, "--district", "--catalog", CITY))
    # 嘉兴's catalog is a plan folder: its own plan.csv
    assert [
        (p["code"], p["name"], p["base_year"], p["target_year"])
        for p in json.loads(run_xz("plans", city, "--json").stdout)
    ] == [("十四五", "《嘉兴市人才发展“十四五”规划》", 2020, 2025)]
    with open_store(city) as above:
        enrolment = enrol(above, "330411", tmp_path / "330411.xzenrol").file
    init_from_enrolment(xiuzhou, enrolment)
    with open_store(xiuzhou) as store:
        with store.transaction():
            for t, unit in enumerate(TOWNS):
                store.values.write_one(unit, "talent_total", "2023", 1000 * (t + 1))
                store.values.write_one(unit, "employed", "2023", 20000 + 1000 * t)  # the ratio's denominator
        made = make_upward_package(store, [Period(2023)], tmp_path / "up.xzpkg")
    level = json.loads(read_package(made.path).extra["level"])
    assert level["plans"] == [
        {"period": "2023", "code": "十四五", "name": OLD_NAME, "base_year": 2020, "target_year": 2025}
    ]
    [merged] = json.loads(run_xz("merge", city, made.path, "--json").stdout)
    assert merged["status"] == "merged"


@pytest.mark.parametrize(
    ("spoil", "says"),
    [
        (lambda body: body["plans"][1]["plan"].update(base_year=2022), "年份重叠"),
        (lambda body: body["plans"][1]["indicators"][0].update(aggregation="sideways"), "aggregation"),
        (lambda body: body["plans"][1]["plan"].update(target_year="2030x"), "target_year"),
        (lambda body: body.update(plans="all"), "内容不完整"),
    ],
)
def test_a_hostile_plan_in_a_well_sealed_catalog_file_is_refused_and_nothing_changes(
    tmp_path, district_db, spoil, says
):
    from .test_plan_transfer import resigned

    enrolment = tmp_path / "xincheng.xzenrol"
    ok(run_xz("enrol", district_db, "--unit", "xincheng", "-o", enrolment))
    town = tmp_path / "town.sqlite"
    ok(run_xz("init", town, "--enrolment", enrolment, "--author", "张三"))
    ok(run_xz("plan-add", district_db, filled_folder(tmp_path, district_db)))
    file = tmp_path / "目录.xzcat"
    ok(run_xz("catalog-export", district_db, "-o", file))
    body = json.loads(file.read_text(encoding="utf-8"))
    spoil(body)
    file.write_text(resigned(district_db, body), encoding="utf-8")
    before = town.read_bytes()
    assert says in refused(run_xz("catalog-import", town, file))
    assert town.read_bytes() == before


def test_the_receipt_brings_a_new_plan_to_a_copy_enrolled_before_it(tmp_path, district_db):
    enrolment = tmp_path / "xincheng.xzenrol"
    ok(run_xz("enrol", district_db, "--unit", "xincheng", "-o", enrolment))
    town = tmp_path / "town.sqlite"
    ok(run_xz("init", town, "--enrolment", enrolment, "--author", "张三"))
    ok(run_xz("plan-add", district_db, filled_folder(tmp_path, district_db)))
    ok(run_xz("due", district_db, "--period", "2026", "--date", "2027-03-31"))  # something for the receipt to say
    receipt = tmp_path / "回执.xzrcpt"
    ok(run_xz("receipt", district_db, "--unit", "xincheng", "-o", receipt))
    ok(run_xz("receipt-import", town, receipt))
    assert "digital_talent" in form_codes(town, "2026")
    assert "top_talent_fulltime" in form_codes(town, "2025")
