"""The demo's next plan (示例): a plan folder started from the demo's plan and its final evaluation.

``xz demo DB --next-plan`` starts it after the demo's own plan: the folder is the shipped catalog folder with a
``plan.csv`` for the plan after (base year = the demo plan's target year, five years on), its indicators the
demo plan's less :data:`DROPPED` plus :data:`NEW`, each base the district's own complete figure of the base year
(the final evaluation's value; a five-year cumulative: its five-year total, a period's total), blank where that
figure is incomplete. Every target is invented for the demo only, and the plan's name and every indicator's
note say so (示例).
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path

from ..domain.catalog import Catalog
from ..domain.catalog_rows import load_catalog_dir
from ..domain.evaluation import Evaluation
from ..domain.numbers import format_number
from ..domain.periods import parse_period
from ..domain.plans import Plan
from ..paths import catalog_dir
from ..store import Store
from ..store.values import ValueChange
from .demo import TALENT_KINDS

PLAN_FILE = "plan.csv"
DROPPED = ("pct_applications", "kunpeng_selected")  # figures stay as history; the next plan sets no target
NOTE = "示例：本规划为演示虚构，目标值仅供演示。"
# Two indicators the next plan adds (reported by the towns, from its first year on).
NEW: tuple[dict[str, str], ...] = (
    {
        "code": "digital_talent",
        "name": "数字经济核心产业人才",
        "category": "人才投入",
        "entry_measure": "人",
        "display_measure": "万人",
        "display_factor": "0.0001",
        "decimals": "2",
        "aggregation": "stock",
        "target_basis": "annual",
        "trajectory": "linear",
        "reported_by": "geographic",
        "target": "3.2",
        "min": "0",
        "yoy_threshold": "0.3",
    },
    {
        "code": "youth_talent_new",
        "name": "新引进35岁以下青年人才",
        "category": "人才素质",
        "entry_measure": "人",
        "display_measure": "人",
        "display_factor": "1",
        "decimals": "0",
        "aggregation": "flow",
        "target_basis": "cumulative",
        "trajectory": "linear",
        "reported_by": "geographic",
        "target": "30000",
        "min": "0",
        "yoy_threshold": "0.5",
    },
)


# The new indicators' first-year figures, as a share of the unit's 人才资源总量.
NEW_SHARES = {"digital_talent": 0.15, "youth_talent_new": 0.04}


def next_plan(plan: Plan) -> Plan:
    """The demo's next plan: five years on from ``plan``, marked 示例."""
    number = plan.code.replace("十四五", "十五五") if "十四五" in plan.code else f"{plan.code}之后"
    name = plan.name.replace(plan.code, number).rstrip("》") + "（示例）》"
    return Plan(number, name, plan.target_year, plan.target_year + 5)


def _target(e: Evaluation | None, old: str, decimals: int, cumulative: bool, rate: bool) -> str:
    """An invented target: a fifth more than the base (a share: a tenth more, at most halfway to 100), a
    cumulative a fifth more than the last plan's, a rate as it was."""
    if rate or e is None:
        return old
    if cumulative:
        return format_number(float(old) * 1.2, decimals, grouping=False) if old else ""
    if e.value is None or not e.complete:
        return format_number(float(old) * 1.3, decimals, grouping=False) if old else ""
    if e.measure == "%":
        return format_number(min(e.value * 1.1, e.value + (100 - e.value) / 2), decimals, grouping=False)
    return format_number(e.value * 1.2, decimals, grouping=False)


def write_next_plan_folder(plan: Plan, evaluations: list[Evaluation], out: Path) -> Plan:
    """Write the next plan's folder into ``out`` (which must not exist) from the shipped catalog folder and
    ``plan``'s final evaluation; returns the next plan."""
    new = next_plan(plan)
    shutil.copytree(catalog_dir(), out)
    by_code = {e.code: e for e in evaluations}
    source = out / "indicators.csv"
    with open(source, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = list(reader.fieldnames or [])
        rows = list(reader)
    old_base, old_target = f"base_{plan.base_year}", f"target_{plan.target_year}"
    base, target = f"base_{new.base_year}", f"target_{new.target_year}"
    at = header.index(old_target)
    header = [*header[:at], base, target, *header[at + 1 :]]
    written = []
    table2 = 0
    for row in rows:
        if row["code"] in DROPPED:
            continue
        e = by_code.get(row["code"])
        decimals = int(row["decimals"] or 0)
        cumulative = row["aggregation"] == "flow" and row["target_basis"] == "cumulative"
        rate = row["aggregation"] == "growth"
        value = "" if e is None or not e.complete or e.value is None or rate else e.value
        row[base] = "" if value == "" else format_number(float(value), decimals, grouping=False)
        row[target] = _target(e, row.pop(old_target), decimals, cumulative, rate) if e is not None else ""
        if cumulative and "base_span" in header and row[base]:
            row["base_span"] = "plan"  # the last plan's five-year total, not a year's figure
        if row["table2_seq"]:
            table2 += 1
            row["table2_seq"] = str(table2)
        row["note"] = NOTE + (row.get("note") or "")
        written.append(row)
    for extra in NEW:
        table2 += 1
        row = dict.fromkeys(header, "")
        row.update({k: v for k, v in extra.items() if k != "target"})
        row.update({"source": "表2", "section": "表2", "table2_seq": str(table2), "target_sense": "min", "note": NOTE})
        row[target] = extra["target"]
        written.append(row)
    del old_base  # the last plan's base stays as a history column
    with open(source, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, extrasaction="ignore")
        w.writeheader()
        w.writerows(written)
    with open(out / PLAN_FILE, "w", encoding="utf-8", newline="") as fh:
        w2 = csv.writer(fh)
        w2.writerow(["code", "name", "base_year", "target_year"])
        w2.writerow([new.code, new.name, new.base_year, new.target_year])
    return new


AUTHOR = "区人才办（演示）"


def start_next_plan(district: Store) -> Plan:
    """Start the demo's next plan in ``district`` from the folder :func:`write_next_plan_folder` writes, and fill
    its first year: one transaction, so the database holds both or neither."""
    from .plan.evaluation import evaluate

    plan = district.plans()[-1]
    result = evaluate(district, plan.code)
    with tempfile.TemporaryDirectory(prefix="xz-next-plan-") as tmp:
        folder = Path(tmp) / "plan"
        new = write_next_plan_folder(plan, result.indicators, folder)
        catalog = load_catalog_dir(folder)
    with district.transaction():
        district.add_plan(catalog)
        district.values.write(first_year_figures(district, catalog), author=AUTHOR)
    return new


def first_year_figures(district: Store, catalog: Catalog) -> list[ValueChange]:
    """Every reporting unit's figures of the next plan's first year (entry measure): each continued indicator's
    district figure grown by the demo's yearly rate for it and split over its units by their latest figures
    (the parts add up exactly); a part never above what a rule says contains it (有研发活动企业 ≤ 规上企业);
    人才资源总量 the sum of the talent kinds; the new indicators from the unit's 人才资源总量."""
    from .demo import COMPONENTS_AT_BASE, DEFAULT_GROWTH, _apportion

    year = catalog.plan.first_year
    latest: dict[tuple[str, str], float] = {}
    for v in sorted(district.values.select(), key=lambda v: parse_period(v.period)):
        if v.value is not None and parse_period(v.period).is_year and parse_period(v.period).year < year:
            latest[(v.unit, v.indicator)] = v.value
    figures: dict[tuple[str, str], float] = {}
    for ind in catalog.indicators:
        if not ind.is_entered:
            continue
        decimals = 1 if ind.entry_measure in ("%", "万元/人") else 0
        last = {u.code: latest[(u.code, ind.code)] for u in catalog.reporters(ind) if (u.code, ind.code) in latest}
        if not last:
            continue
        growth = COMPONENTS_AT_BASE.get(ind.code, (None, DEFAULT_GROWTH))[1]
        weights = {u: max(v, 1e-6) for u, v in last.items()}
        for unit, value in _apportion(sum(last.values()) * (1 + growth), weights, decimals).items():
            figures[(unit, ind.code)] = value
    for rule in catalog.rules:  # a part above its whole (rounding, a faster rate): held at the whole
        if rule.op == "<=" and len(rule.left) == 1 and len(rule.right) == 1:
            for unit in {u for u, _ in figures}:
                part, whole = figures.get((unit, rule.left[0])), figures.get((unit, rule.right[0]))
                if part is not None and whole is not None and part > whole:
                    figures[(unit, rule.left[0])] = whole
    kinds = [k for k in TALENT_KINDS if catalog.has_indicator(k)]
    for code_of_unit in sorted({u for u, _ in figures}):
        if all((code_of_unit, k) in figures for k in kinds) and (code_of_unit, "talent_total") in figures:
            total = sum(figures[(code_of_unit, k)] for k in kinds)
            figures[(code_of_unit, "talent_total")] = total
            for code, share in NEW_SHARES.items():
                if catalog.has_indicator(code):
                    figures[(code_of_unit, code)] = round(total * share)
    return [ValueChange(u, c, str(year), v) for (u, c), v in sorted(figures.items())]
