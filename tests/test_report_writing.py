"""The annual report as a 区委 office writes one (issue 22 item 1), read back with python-docx on the demo.

Its four sections and 附表 are there; it names no file or command of the program; every number its sentences
state about an indicator is a field of ``xz totals --json`` for the year (value, 2020 base, target, the plan's
point, completion) or the change since 2020 from the two printed figures; an incomplete indicator is said in
words (数据不全, who is missing) with no percentage; the round's late days are ``xz status --json``'s.
"""

from __future__ import annotations

import json
import re

import pytest
from docx import Document

from .conftest import run_xz

YEAR = "2024"
SECTIONS = ("一、基本情况", "二、主要成效", "三、存在问题", "四、下步工作建议", "附表")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?%?")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("office-report")
    db = folder / "demo.sqlite"
    assert run_xz("demo", db).returncode == 0
    # A due date long past, so the round has late reporters and a unit overdue.
    assert run_xz("due", db, "--period", YEAR, "--date", "2025-01-31").returncode == 0
    out = folder / "评估报告.docx"
    done = run_xz("report", db, "--period", YEAR, "-o", out)
    assert done.returncode == 0, done.stderr
    rows = json.loads(run_xz("totals", db, "--period", YEAR, "--json").stdout)
    status = json.loads(run_xz("status", db, "--period", YEAR, "--json").stdout)
    return Document(str(out)), [r for r in rows if r["table2_seq"]], status


def body(doc) -> list[str]:
    """The paragraphs of the four sections (the analysis), before 附表."""
    texts = [p.text for p in doc.paragraphs]
    return texts[texts.index("一、基本情况") : texts.index("附表")]


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def shown(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


def test_the_report_has_the_four_sections_then_the_tables_and_the_method(demo):
    doc, _, _ = demo
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    at = [headings.index(h) for h in SECTIONS]
    assert at == sorted(at), headings
    for n in range(1, 6):
        assert any(h.startswith(f"附表{n}") for h in headings), n
    assert headings[-1].startswith("附录") and "评估方法说明" in headings[-1]
    texts = [p.text for p in doc.paragraphs]
    sign = next(i for i, t in enumerate(texts) if "填报人" in t and "审核人" in t and "负责人" in t)
    assert texts.index("四、下步工作建议") < sign < texts.index("附表")  # the signature closes the body


def test_the_report_names_no_file_path_or_command_of_the_program(demo):
    text = all_text(demo[0])
    for bit in ("/", "\\", ".json", ".md", ".py", "resources", "docs/", "xz ", "JSON", "cap", "floor"):
        assert bit not in text, bit


def test_every_number_said_about_an_indicator_is_the_totals_row(demo):
    doc, rows, _ = demo
    paragraphs = body(doc)
    checked = 0
    for r in rows:
        if not r["complete"] or r["progress_value"] is None:
            continue
        name = r["name"].removesuffix("（%）")
        said = [p for p in paragraphs if p.startswith(f"{YEAR}年") and name in p]
        assert len(said) == 1, (r["code"], said)
        d = r["decimals"]
        allowed = {"2020", "2021", YEAR, "2025", shown(r["progress_value"], d)}
        allowed |= {shown(r[k], d) for k in ("base_2020", "target_2025", "expected") if r[k] is not None}
        allowed.add(f"{r['completion'] * 100:.1f}%")
        if r["base_2020"] is not None:  # the change since 2020: the printed figures' difference
            allowed.add(shown(abs(round(r["progress_value"], d) - round(r["base_2020"], d)), d))
        numbers = [n.rstrip("%") if r["measure"] == "%" else n for n in NUMBER.findall(said[0].replace(name, ""))]
        allowed |= {a.rstrip("%") for a in allowed} if r["measure"] == "%" else set()
        assert set(numbers) <= allowed, (r["code"], said[0], numbers, allowed)
        assert f"完成率{r['completion'] * 100:.1f}%" in said[0]
        checked += 1
    assert checked == 8  # the demo's complete 表2 indicators in 2024


def test_the_sentences_by_hand(demo):
    paragraphs = body(demo[0])
    # 区人才发展专项资金 9,066 → 10,258 万元 (target 10,510): up 10258 − 9066 = 1192; completion
    # 1192 ÷ (10510 − 9066) = 1192 ÷ 1444 = 0.8255 → 82.5 %; the name says 区, so no 全区 before it.
    assert (
        "2024年区人才发展专项资金10,258万元，比2020年（9,066万元）增加1,192万元，完成率82.5%，达到规划进度。"
        in paragraphs
    )
    # 高新技术产业增加值占规模以上工业增加值比重（%）: 68.0 % → 78.4 %, up 10.4 points; (78.41 − 68) ÷ (75 − 68)
    # = 1.487 → 148.7 %; the name's own （%） is dropped before the figure's %.
    share = next(p for p in paragraphs if "高新技术产业增加值" in p and p.startswith(YEAR))
    assert "比重78.4%，比2020年（68.0%）提高10.4个百分点，完成率148.7%" in share
    text = all_text(demo[0])
    assert "区区" not in text and not re.search(r"（%）[^。\n]*%", text)


def test_an_incomplete_indicator_is_said_in_words_without_a_percentage(demo):
    doc, rows, _ = demo
    paragraphs = body(doc)
    incomplete = [r for r in rows if not r["complete"]]
    assert len(incomplete) == 7  # 洪合镇 reported nothing for 2024
    for r in incomplete:
        said = [p for p in paragraphs if r["name"] in p and "数据不全" in p]
        assert said, r["code"]
        for p in said:
            assert "%" not in p and "完成率" not in p, p
            assert "洪合镇2024年数据未报" in p, p
        assert not [p for p in paragraphs if p.startswith(YEAR) and r["name"] in p], r["code"]


def test_the_round_is_said_with_its_due_date_and_days_late(demo):
    doc, _, status = demo
    paragraphs = body(doc)
    basic = paragraphs[: paragraphs.index("二、主要成效")]
    text = "".join(basic)
    assert "报送截止日期为2025年1月31日" in text
    submitted = [s for s in status if s["submitted"]]
    waiting = [s["name"] for s in status if not s["submitted"]]
    assert (len(status), len(submitted), waiting) == (23, 21, ["洪合镇", "区文广旅体局"])
    assert "应报送数据的单位23个" in text and "已报送21个" in text
    assert "尚未报送2个：洪合镇、区文广旅体局" in text
    for s in status:  # every late day the report states is the round record's
        if s["late_days"]:
            word = "逾期" if s["submitted"] else "已逾期"
            assert f"{s['name']}{word}{s['late_days']}天" in text, s["name"]
