"""规划终期评估 on the demo (issue 20 item 4): ``xz evaluate --plan 十四五`` gives met / not met for every 表2
target with a 2025 value and null with ``missing`` for an incomplete one, each equal to a hand computation from
the demo's figures read with SQL and the plan's targets read from the shipped catalog file; per unit too."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from tests.conftest import run_xz
from tests.excel_support import demo_db  # noqa: F401 - the fixture

CATALOG = Path(__file__).resolve().parents[1] / "resources" / "catalog"


def xz(*args):
    return run_xz(*args)


def plan_rows() -> dict[str, dict[str, str]]:
    with open(CATALOG / "indicators.csv", encoding="utf-8") as fh:
        return {r["code"]: r for r in csv.DictReader(fh)}


def reporters(row: dict[str, str]) -> list[str]:
    with open(CATALOG / "units.csv", encoding="utf-8") as fh:
        units = list(csv.DictReader(fh))
    who = row["reported_by"]
    return [u["code"] for u in units if u["kind"] == who] or [who]


def figures(db: Path, code: str, period: str) -> dict[str, float]:
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT unit, value FROM value WHERE indicator = ? AND period = ?", (code, period)))


def hand(db: Path, code: str, rows: dict[str, dict[str, str]]) -> tuple[float | None, list[dict[str, str]]]:
    """The district's 2025 figure of ``code`` (display measure) and who is missing, computed here by hand:
    a sum of the units' figures, a ratio of two sums, a sum of parts, or a compound growth since 2020."""
    value, missing = entered(db, code, rows)
    return (None if value is None else value * float(rows[code]["display_factor"])), missing


def entered(db: Path, code: str, rows: dict[str, dict[str, str]]) -> tuple[float | None, list[dict[str, str]]]:
    """:func:`hand` in the entry measure (what a ratio or sum is made of)."""
    row = rows[code]
    kind = row["aggregation"]
    if kind == "ratio":
        (num, m1), (den, m2) = entered(db, row["numerator"], rows), entered(db, row["denominator"], rows)
        missing = m1 + [m for m in m2 if m not in m1]
        return (None if missing else num / den * float(row["scale"])), missing  # type: ignore[operator]
    if kind == "sum":
        parts = [entered(db, p, rows) for p in row["parts"].split(";")]
        missing = [m for _, ms in parts for m in ms]
        return (None if missing else sum(v for v, _ in parts)), missing  # type: ignore[misc]
    if kind == "growth":
        start, _ = sum(figures(db, row["growth_of"], "2020").values()), None
        end = sum(figures(db, row["growth_of"], "2025").values())
        return ((end / start) ** (1 / 5) - 1) * 100, []
    have = figures(db, code, "2025")
    missing = [{"unit": u, "period": "2025"} for u in reporters(row) if u not in have]
    return (sum(have.values()) if not missing else None), missing


def test_evaluate_gives_every_table2_target_met_or_not_by_hand(demo_db):
    rows = plan_rows()
    done = xz("evaluate", demo_db, "--plan", "十四五", "--json")
    assert done.returncode == 0, done.stderr
    got = {e["code"]: e for e in json.loads(done.stdout)}
    for e in got.values():  # the contract's fields, every one of them
        assert {"code", "target", "value", "base", "met", "complete", "missing"} <= set(e)
    table2 = [c for c, r in rows.items() if r["table2_seq"]]
    assert set(table2) <= set(got)
    verdicts = {}
    for code in table2:
        value, missing = hand(demo_db, code, rows)
        e = got[code]
        target = float(rows[code]["target_2025"])
        assert e["target"] == target
        if missing:  # incomplete: no verdict, and who is missing
            assert e["met"] is None and e["complete"] is False and e["missing"] == missing, code
            verdicts[code] = None
            continue
        assert value is not None
        assert abs(e["value"] - value) < 1e-9 * max(1, abs(value)), code
        assert e["complete"] is True and e["missing"] == []
        assert e["met"] is (value >= target - 1e-9), code  # every 表2 target is an at-least target
        if rows[code]["base_2020"]:
            assert e["base"] == float(rows[code]["base_2020"])
        verdicts[code] = e["met"]
    # The demo's five years: two targets missed, one department not yet reported, the rest met.
    assert {c for c, v in verdicts.items() if v is False} == {"phd_master", "rd_active_enterprise_share"}
    assert {c for c, v in verdicts.items() if v is None} == {"provincial_enterprise_research_institute"}
    assert got["provincial_enterprise_research_institute"]["missing"] == [{"unit": "science", "period": "2025"}]


def test_evaluate_cumulative_target_counts_the_plan_years(demo_db):
    """A five-year cumulative target: 2021 … 2025 added up; a year missing (洪合镇 2024) leaves it without verdict."""
    got = {e["code"]: e for e in json.loads(xz("evaluate", demo_db, "--plan", "十四五", "--json").stdout)}
    code = "overseas_engineers"  # reported by 区人社局 every year
    total = sum(sum(figures(demo_db, code, str(y)).values()) for y in range(2021, 2026))
    assert got[code]["value"] == total and got[code]["met"] is (total >= 50) and got[code]["complete"] is True
    code = "new_high_end_talent"  # the towns: 洪合镇 has not sent 2024
    assert got[code]["met"] is None and {"unit": "honghe", "period": "2024"} in got[code]["missing"]


def test_evaluate_units_against_their_own_targets(demo_db):
    with sqlite3.connect(demo_db) as con:
        targets = dict(
            con.execute("SELECT unit, target FROM unit_target WHERE indicator = 'phd_master' AND period = '2025'")
        )
    got = json.loads(xz("evaluate", demo_db, "--plan", "十四五", "--units", "--json").stdout)
    mine = {u["unit"]: u for u in got if u["code"] == "phd_master"}
    assert set(mine) == set(targets)
    phd, master = figures(demo_db, "phd", "2025"), figures(demo_db, "master", "2025")
    for unit, target in targets.items():
        value = phd[unit] + master[unit]
        assert mine[unit]["target"] == target and mine[unit]["value"] == value
        assert mine[unit]["met"] is (value >= target) and mine[unit]["complete"] is True
    # 洪合镇 has not sent 2024: its five-year cumulative targets get no verdict, and say which year is missing.
    honghe = [u for u in got if u["unit"] == "honghe" and u["code"] in ("new_phd_master_youth", "new_graduates")]
    assert len(honghe) == 2 and all(u["met"] is None and u["missing"] == ["2024"] for u in honghe)


def test_evaluate_text_and_refusals(demo_db):
    text = xz("evaluate", demo_db, "--plan", "十四五").stdout
    line = next(x for x in text.splitlines() if "省级（重点）企业研究院" in x)
    assert "数据不全" in line and "区科技局（2025）" in line and "完成目标" not in line
    assert "未完成目标" in next(x for x in text.splitlines() if "博士、硕士人才" in x)
    refused = xz("evaluate", demo_db, "--plan", "十六五")
    assert refused.returncode == 1 and "十六五" in refused.stderr and "Traceback" not in refused.stderr
    assert xz("evaluate", demo_db).returncode == 2
