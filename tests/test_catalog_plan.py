"""The indicator catalog (resources/catalog/*.csv) against the plan text.

表1 and 表2 are parsed out of tests/fixtures/plan.txt and every row must be found in
indicators.csv with exactly the plan's numbers.  The CSV files are read with the csv module
only, independent of the program's own loader.
"""

import csv
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "tests" / "fixtures" / "plan.txt"
CATALOG = ROOT / "resources" / "catalog"

INDICATOR_COLUMNS = [
    "code",
    "name",
    "category",
    "source",
    "table1_seq",
    "table2_seq",
    "section",
    "entry_measure",
    "display_measure",
    "display_factor",
    "decimals",
    "aggregation",
    "numerator",
    "denominator",
    "scale",
    "parts",
    "growth_of",
    "target_basis",
    "trajectory",
    "reported_by",
    "base_2015",
    "base_2020",
    "target_2025",
    "target_sense",
    "base_span",
    "min",
    "max",
    "usual_min",
    "usual_max",
    "yoy_threshold",
    "note",
]
UNIT_COLUMNS = ["code", "name", "kind", "type", "sort", "active", "contact", "phone"]
RULE_COLUMNS = ["code", "left", "op", "right", "message"]

DERIVED = {"ratio", "sum", "growth"}
AGGREGATIONS = {"stock", "flow", "district"} | DERIVED
CODE_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


# ---------------------------------------------------------------- plan parsing


def _table_cells(lines, title_prefix):
    """Cells of the table whose title line starts with title_prefix.

    A cell is a line starting with a tab; a non-blank line without a tab that is directly
    followed by a tab line continues the previous cell (a line break inside the cell); any
    other non-blank line without a tab ends the table.  Blank lines are ignored.
    """
    start = next(i for i, line in enumerate(lines) if line.startswith(title_prefix))
    cells = []
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            cells.append(line.strip())
        elif line.strip():
            following = lines[i + 1] if i + 1 < len(lines) else ""
            if cells and following.startswith("\t"):
                cells[-1] += line.strip()
            else:
                break
        i += 1
    return cells


def _table_rows(cells, header):
    n = len(header)
    assert len(cells) % n == 0, f"{len(cells)} cells do not fill rows of {n}"
    assert cells[:n] == header, cells[:n]
    rows = []
    group = ""
    for k in range(n, len(cells), n):
        row = cells[k : k + n]
        if row[0]:
            group = row[0]
        rows.append([group] + row[1:])
    return rows


def _number(text):
    """Plan cell -> (value or None, sense or None). '-' is blank; '7以上' is 7, at least."""
    text = text.strip()
    if text in ("", "-", "－"):
        return None, None
    if text.endswith("以上"):
        return float(text[:-2]), "min"
    return float(text), None


@pytest.fixture(scope="module")
def plan_text():
    return PLAN.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def table1(plan_text):
    cells = _table_cells(plan_text.splitlines(), "表1：")
    header = ["一级指标", "序号", "二级指标", "计量单位", "2015年底基数", "2020年底总量", "增长率(%)"]
    rows = _table_rows(cells, header)
    return [
        dict(category=r[0], seq=int(r[1]), name=r[2], measure=r[3], v2015=_number(r[4])[0], v2020=_number(r[5])[0])
        for r in rows
    ]


@pytest.fixture(scope="module")
def table2(plan_text):
    cells = _table_cells(plan_text.splitlines(), "表2：")
    header = ["一级指标", "序号", "二级指标", "计量单位", "2020年基数", "2025年目标"]
    rows = _table_rows(cells, header)
    out = []
    for r in rows:
        target, sense = _number(r[5])
        out.append(
            dict(
                category=r[0],
                seq=int(r[1]),
                name=r[2],
                measure=r[3],
                v2020=_number(r[4])[0],
                target=target,
                sense=sense,
            )
        )
    return out


# ---------------------------------------------------------------- catalog reading


def _read_csv(name, columns):
    raw = (CATALOG / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{name} must not start with a BOM"
    text = raw.decode("utf-8")
    reader = csv.DictReader(text.splitlines())
    assert reader.fieldnames == columns, reader.fieldnames
    rows = list(reader)
    for row in rows:
        assert None not in row, f"{name}: too many fields in {row}"
        assert all(v is not None for v in row.values()), f"{name}: too few fields in {row}"
    return rows


@pytest.fixture(scope="module")
def indicators():
    return _read_csv("indicators.csv", INDICATOR_COLUMNS)


@pytest.fixture(scope="module")
def by_code(indicators):
    return {r["code"]: r for r in indicators}


@pytest.fixture(scope="module")
def units():
    return _read_csv("units.csv", UNIT_COLUMNS)


@pytest.fixture(scope="module")
def rules():
    return _read_csv("rules.csv", RULE_COLUMNS)


def _float(text):
    return None if text.strip() == "" else float(text)


def _reporters(row):
    return [c for c in row["reported_by"].split(";") if c]


# ---------------------------------------------------------------- the tables


def test_plan_tables_parse(table1, table2):
    assert [r["seq"] for r in table1] == list(range(1, 28))
    assert [r["seq"] for r in table2] == list(range(1, 16))
    assert table1[0]["name"] == "人才资源总量"
    assert table1[21]["name"] == "财政人才专项投入占地方公共财政收入比例"
    assert table2[11]["name"] == "高新技术产业增加值占规模以上工业增加值比重（%）"
    assert table2[10]["v2020"] is None and table2[10]["target"] == 7 and table2[10]["sense"] == "min"
    assert {r["category"] for r in table1} == {"人才规模", "人才素质", "人才平台", "人才服务及投入", "人才效能"}
    assert {r["category"] for r in table2} == {"人才投入", "人才素质", "载体环境", "绩效产出"}


def test_counts(indicators):
    assert sum(1 for r in indicators if r["table1_seq"]) == 27
    assert sum(1 for r in indicators if r["table2_seq"]) == 15
    t1 = sorted(int(r["table1_seq"]) for r in indicators if r["table1_seq"])
    t2 = sorted(int(r["table2_seq"]) for r in indicators if r["table2_seq"])
    assert t1 == list(range(1, 28))
    assert t2 == list(range(1, 16))


def test_every_table1_row(table1, indicators):
    for t in table1:
        matches = [r for r in indicators if r["table1_seq"] == str(t["seq"])]
        assert len(matches) == 1, t
        row = matches[0]
        where = f"表1 #{t['seq']} {t['name']} -> {row['code']}"
        assert _float(row["base_2015"]) == t["v2015"], where
        assert _float(row["base_2020"]) == t["v2020"], where
        assert row["display_measure"] == t["measure"], where
        if row["table2_seq"]:
            assert row["source"] == "表2", where
            assert row["name"] == t["name"] or t["name"] in row["note"], where
        else:
            assert row["source"] == "表1", where
            assert row["name"] == t["name"], where
            assert row["category"] == t["category"], where
            assert row["section"] == "表1", where


def test_every_table2_row(table2, indicators):
    for t in table2:
        matches = [r for r in indicators if r["table2_seq"] == str(t["seq"])]
        assert len(matches) == 1, t
        row = matches[0]
        where = f"表2 #{t['seq']} {t['name']} -> {row['code']}"
        assert row["source"] == "表2", where
        assert row["section"] == "表2", where
        assert row["name"] == t["name"], where
        assert row["category"] == t["category"], where
        assert row["display_measure"] == t["measure"], where
        assert _float(row["base_2020"]) == t["v2020"], where
        assert _float(row["target_2025"]) == t["target"], where
        assert row["target_sense"] == (t["sense"] or "min"), where


def test_merged_rows_keep_table1_base_2015(by_code):
    merged = {c: r for c, r in by_code.items() if r["table1_seq"] and r["table2_seq"]}
    assert set(merged) == {
        "talent_total",
        "talent_fund",
        "academician_workstation",
        "postdoc_workstation",
        "hitech_value_added_share",
    }
    for row in merged.values():
        assert row["base_2015"] != ""


# ---------------------------------------------------------------- structure


def test_codes_unique_and_snake_case(indicators):
    codes = [r["code"] for r in indicators]
    assert len(codes) == len(set(codes))
    for c in codes:
        assert c.isascii() and CODE_RE.match(c), c


def test_enumerations(indicators):
    for r in indicators:
        c = r["code"]
        assert r["source"] in {"表1", "表2", "正文", "组成项"}, c
        assert r["aggregation"] in AGGREGATIONS, c
        assert r["target_basis"] in {"", "annual", "cumulative"}, c
        assert r["trajectory"] in {"", "linear", "compound", "constant"}, c
        assert r["target_sense"] in {"", "min", "max", "about"}, c
        assert r["base_span"] in {"", "year", "plan"}, c
        assert r["name"] and r["category"] and r["section"], c
        assert r["entry_measure"] and r["display_measure"], c
        assert float(r["display_factor"]) > 0, c
        assert int(r["decimals"]) >= 0, c
        if r["target_2025"]:
            assert r["target_sense"], c
        else:
            assert not r["target_sense"], c
        if r["target_basis"] == "cumulative":
            assert r["aggregation"] == "flow", c
            assert r["base_2020"] == "", c
        if r["source"] == "组成项":
            assert r["category"] == "基础数据", c
        for col in (
            "base_2015",
            "base_2020",
            "target_2025",
            "min",
            "max",
            "usual_min",
            "usual_max",
            "yoy_threshold",
            "scale",
        ):
            if r[col]:
                float(r[col])
        if r["display_measure"] in {"万人", "万名"}:
            assert r["entry_measure"] in {"人", "名"}, c
            assert float(r["display_factor"]) == 0.0001, c
        else:
            assert float(r["display_factor"]) == 1, c


def test_source_counts(indicators):
    count = {}
    for r in indicators:
        count[r["source"]] = count.get(r["source"], 0) + 1
    assert count["表2"] == 15
    assert count["表1"] == 22
    assert count["正文"] >= 30
    assert count["组成项"] >= 10


def test_derived_rows_reference_existing_codes(by_code):
    for code, r in by_code.items():
        agg = r["aggregation"]
        if agg == "ratio":
            assert r["numerator"] and r["denominator"] and r["scale"], code
            assert float(r["scale"]) in (100, 1000, 10000), code
            for ref in (r["numerator"], r["denominator"]):
                assert ref in by_code, (code, ref)
                assert by_code[ref]["aggregation"] in {"stock", "flow"}, (code, ref)
        else:
            assert not (r["numerator"] or r["denominator"] or r["scale"]), code
        if agg == "sum":
            parts = r["parts"].split(";")
            assert len(parts) >= 2, code
            for ref in parts:
                assert ref in by_code, (code, ref)
                assert by_code[ref]["aggregation"] not in DERIVED, (code, ref)
        else:
            assert not r["parts"], code
        if agg == "growth":
            assert r["growth_of"] in by_code, code
            assert r["trajectory"] == "constant", code
        else:
            assert not r["growth_of"], code


def test_sum_bases_add_up(by_code):
    for code, r in by_code.items():
        if r["aggregation"] != "sum" or not r["base_2020"]:
            continue
        parts = [by_code[p] for p in r["parts"].split(";")]
        assert all(p["base_2020"] for p in parts), code
        assert sum(float(p["base_2020"]) for p in parts) == pytest.approx(float(r["base_2020"])), code


def test_reported_by(by_code, units):
    unit_codes = {u["code"]: u for u in units}
    for code, r in by_code.items():
        who = _reporters(r)
        if r["aggregation"] in DERIVED:
            assert who == [], code
            continue
        assert who, code
        if who == ["geographic"]:
            assert r["aggregation"] in {"stock", "flow"}, code
            continue
        for w in who:
            assert w in unit_codes, (code, w)
            assert unit_codes[w]["kind"] == "sector", (code, w)
        if r["aggregation"] == "district":
            assert len(who) == 1, code


def test_units(units):
    codes = [u["code"] for u in units]
    assert len(codes) == len(set(codes))
    for u in units:
        assert CODE_RE.match(u["code"]), u
        assert u["kind"] in {"geographic", "sector"}, u
        assert u["type"] in {"subdistrict", "town", "zone", "department"}, u
        assert (u["kind"] == "sector") == (u["type"] == "department"), u
        assert u["active"] == "1", u
    assert sorted(int(u["sort"]) for u in units) == list(range(1, len(units) + 1))
    by_type = {}
    for u in units:
        by_type.setdefault(u["type"], set()).add(u["name"])
    assert by_type["subdistrict"] == {"新城街道", "嘉北街道", "塘汇街道", "高照街道"}
    assert by_type["town"] == {"王江泾镇", "油车港镇", "新塍镇", "王店镇", "洪合镇"}
    assert by_type["zone"] == {"秀洲国家高新区管委会"}


def test_rules(rules, by_code):
    codes = [r["code"] for r in rules]
    assert len(codes) == len(set(codes))
    assert "phd_master_within_total" in codes
    for rule in rules:
        assert CODE_RE.match(rule["code"]), rule
        assert rule["op"] in {"<=", ">="}, rule
        assert rule["message"], rule
        sides = rule["left"].split("+") + rule["right"].split("+")
        reporters = set()
        for ref in sides:
            assert ref in by_code, (rule["code"], ref)
            assert by_code[ref]["aggregation"] in {"stock", "flow"}, (rule["code"], ref)
            reporters.add(by_code[ref]["reported_by"])
        assert len(reporters) == 1, (rule["code"], reporters)


def test_numbers_traceable_to_plan(indicators, plan_text):
    """Every base and target is printed somewhere in the plan, as written in the CSV."""
    for r in indicators:
        for col in ("base_2015", "base_2020", "target_2025"):
            if r[col]:
                assert r[col] in plan_text, (r["code"], col, r[col])


TEXT_TARGETS = {
    # code: (target_2025 as written, target_basis)
    "talent_total": ("14.71", "annual"),
    "rd_personnel_per_10k_employed": ("200", "annual"),
    "high_skilled_per_10k_employed": ("1240", "annual"),
    "labor_productivity_growth": ("7", "annual"),
    "new_high_end_talent": ("100", "cumulative"),
    "new_phd_master_youth": ("2500", "cumulative"),
    "provincial_enterprise_research_institute": ("40", "annual"),
    "academician_workstation": ("18", "annual"),
    "postdoc_workstation": ("16", "annual"),
    "city_incubator": ("15", "annual"),
    "top_talent_fulltime": ("10", "cumulative"),
    "kunpeng_selected": ("1", "cumulative"),
    "provincial_program_talent": ("50", "cumulative"),
    "city_high_end_talent": ("50", "cumulative"),
    "overseas_engineers": ("50", "cumulative"),
    "new_graduates": ("6", "cumulative"),
    "culture_innovation_team": ("1", "cumulative"),
    "humanities_top_talent": ("1", "cumulative"),
    "arts_crafts_master": ("1", "cumulative"),
    "cultural_master_studio": ("2", "cumulative"),
    "education_master": ("1", "cumulative"),
    "education_leader": ("1", "cumulative"),
    "master_degree_teachers_increase": ("50", "cumulative"),
    "national_team_athletes": ("5", "cumulative"),
    "physicians_per_1000": ("3.23", "annual"),
    "nurses_per_1000": ("5", "annual"),
    "gps_per_10k": ("5", "annual"),
    "cdc_staff_per_10k": ("1.75", "annual"),
    "social_worker_senior": ("2", "annual"),
    "social_worker_intermediate": ("391", "annual"),
    "social_worker_junior": ("2053", "annual"),
    "rural_talent_trained": ("5000", "cumulative"),
    "legal_service_talent": ("550", "annual"),
    "legal_publicity_talent": ("1040", "annual"),
    "mediation_talent": ("200", "annual"),
    "construction_tech_center": ("1", "cumulative"),
    "construction_masters_new": ("20", "cumulative"),
    "construction_senior_title": ("100", "annual"),
    "international_talent_community": ("1", "cumulative"),
    "high_end_talent_apartments": ("600", "cumulative"),
}


ABOUT = {"master_degree_teachers_increase"}  # 原文“增加50人左右”: about, not at least


def test_text_targets(by_code):
    for code, (target, basis) in TEXT_TARGETS.items():
        assert code in by_code, code
        r = by_code[code]
        assert float(r["target_2025"]) == float(target), code
        assert r["target_basis"] == basis, code
        assert r["target_sense"] == ("about" if code in ABOUT else "min"), code
    text = PLAN.read_text(encoding="utf-8")
    assert "硕士研究生及以上学历教师人数增加50人左右" in text  # the one text target said as an approximate number
    assert "发明专利授权量累计2447项" in text  # 表1's 2447 is the 十三五's five-year total
    assert by_code["invention_patents_granted"]["base_2020"] == "2447"
    assert by_code["invention_patents_granted"]["base_span"] == "plan"
    assert {c for c, r in by_code.items() if r["base_span"] == "plan"} == {"invention_patents_granted"}
    assert by_code["talent_total"]["trajectory"] == "compound"
    assert by_code["new_graduates"]["display_measure"] == "万名"
    assert by_code["phd_master"]["parts"] == "phd;master"
    assert by_code["labor_productivity_growth"]["growth_of"] == "labor_productivity"
    assert by_code["physicians_per_1000"]["numerator"] == "physicians"
    assert by_code["physicians_per_1000"]["denominator"] == "resident_population"
    assert by_code["physicians_per_1000"]["scale"] == "1000"
