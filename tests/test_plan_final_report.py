"""规划终期评估报告 on the demo (issue 20 item 4): read back with python-docx, it holds every target and target-year
value of ``xz evaluate --json``, 数据不全 and who is missing for an incomplete one (and no verdict beside it),
the units' 说明 on a missed target, and the next plan's 表1 in the seed's layout with growth computed here."""

from __future__ import annotations

import json

from docx import Document

from tests.conftest import run_xz
from tests.excel_support import demo_db  # noqa: F401 - the fixture


def number(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


def report_text(path) -> tuple[str, list]:
    doc = Document(str(path))
    lines = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            lines.append("|".join(c.text for c in row.cells))
    return "\n".join(lines), doc.tables


def test_the_final_report_holds_every_target_and_value_of_the_evaluation(demo_db, tmp_path):
    out = tmp_path / "终期评估.docx"
    done = run_xz("report", demo_db, "--plan", "十四五", "--final", "-o", out)
    assert done.returncode == 0, done.stderr
    evaluation = json.loads(run_xz("evaluate", demo_db, "--plan", "十四五", "--json").stdout)
    text, tables = report_text(out)
    assert "终期评估报告" in text and "一、基本情况" in text and "四、下步工作建议" in text and "附录" in text
    for e in evaluation:
        d = e["decimals"]
        assert number(e["target"], d) in text, e["code"]
        if e["complete"]:
            assert number(e["value"], d) in text, e["code"]
    # An incomplete target: 数据不全, who is missing, and no verdict in its row.
    [row] = [r for r in text.splitlines() if r.startswith("8|省级（重点）企业研究院")]
    assert "数据不全" in row and "完成目标" not in row
    assert "因区科技局2025年数据未报" in text
    missed = [e for e in evaluation if e["met"] is False]
    assert {e["code"] for e in missed} == {"phd_master", "rd_active_enterprise_share"}
    assert "本地高校毕业生留秀比例下降" in text  # the units' 说明 on what fell short
    for word in ("xz", ".sqlite", "json", "None", "True", "null"):
        assert word not in text, word


def test_the_next_plans_table1_has_base_value_and_growth_in_the_seeds_layout(demo_db, tmp_path):
    out = tmp_path / "终期评估.docx"
    assert run_xz("report", demo_db, "--plan", "十四五", "--final", "-o", out).returncode == 0
    evaluation = {e["code"]: e for e in json.loads(run_xz("evaluate", demo_db, "--plan", "十四五", "--json").stdout)}
    _, tables = report_text(out)
    [grid] = [t for t in tables if t.rows[0].cells[0].text == "一级指标"]
    assert [c.text for c in grid.rows[0].cells] == [
        "一级指标",
        "序号",
        "二级指标",
        "计量单位",
        "2020年底基数",
        "2025年底总量",
        "增长率(%)",
    ]
    rows = {r.cells[2].text: [c.text for c in r.cells] for r in grid.rows[1:]}
    assert len(rows) == 15
    talent = evaluation["talent_total"]
    row = rows["人才资源总量"]
    growth = (round(talent["value"], 2) - 12.21) / 12.21 * 100  # by hand, from the figures as printed
    assert (
        row[0] == "人才投入" and row[4] == "12.21" and row[5] == f"{talent['value']:.2f}" and row[6] == f"{growth:.1f}"
    )
    share = evaluation["rd_active_enterprise_share"]
    points = round(round(share["value"], 1) - 86.3, 1)
    assert rows["规模以上工业企业中有研发活动企业数占比"][6] == f"{points:.1f}个百分点"
    assert rows["省级（重点）企业研究院"][5] == "数据不全" and rows["省级（重点）企业研究院"][6] == "—"


def test_final_report_usage(demo_db, tmp_path):
    out = tmp_path / "x.docx"
    assert run_xz("report", demo_db, "--final", "-o", out).returncode == 2
    assert run_xz("report", demo_db, "--plan", "十四五", "--final", "--period", "2025", "-o", out).returncode == 2
    assert run_xz("report", demo_db, "-o", out).returncode == 2
    refused = run_xz("report", demo_db, "--plan", "十六五", "--final", "-o", out)
    assert refused.returncode == 1 and "十六五" in refused.stderr and not out.exists()
