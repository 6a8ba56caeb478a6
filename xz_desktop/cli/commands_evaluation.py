"""evaluate: a plan's final evaluation (规划终期评估, issue 20)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.numbers import format_number
from ..domain.verdicts import label
from .output import open_store, print_json, table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evaluate",
        help="规划终期评估：各项目标是否完成 / a plan's final evaluation: each target met or not",
        description="规划终期评估：每项有目标的指标在规划目标年的数值（五年累计目标为规划首年至目标年的累计）、"
        "基数、目标、是否完成（met：true/false；数据不全时为 null 并列出缺报单位，不作判断）。"
        "--units 改为列出各单位对照本单位目标的完成情况。\n"
        "Per indicator with a target: target, value at the target year (a cumulative target: the plan's "
        "first year … target year), base, met (null when incomplete), complete, missing. --units: each unit "
        "against its own targets instead.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district's database")
    p.add_argument("--plan", required=True, metavar="CODE", help="规划代码，如 十四五 / the plan's code")
    p.add_argument("--units", action="store_true", help="各单位对照本单位目标 / each unit against its own targets")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_evaluate)


def _fmt(value: float | None, decimals: int) -> str:
    return "—" if value is None else format_number(value, decimals)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from ..services.plan.evaluation import evaluate

    with open_store(args.db, read_only=True) as store:
        result = evaluate(store, args.plan)
    if args.json:
        print_json([u.as_json() for u in result.units] if args.units else [e.as_json() for e in result.indicators])
        return 0
    year = result.plan.target_year
    if args.units:
        rows = [
            [
                u.unit_name,
                u.name[:22],
                _fmt(u.base, u.decimals),
                _fmt(u.target, u.decimals),
                _fmt(u.value, u.decimals),
                str(label(u.verdict)),
                "缺 " + "、".join(u.missing) if u.missing else "",
            ]
            for u in result.units
        ]
        print(table(["单位", "指标", "基数", "本单位目标", f"{year}年", "结论", "说明"], rows, right={2, 3, 4}))
        return 0
    names = result.unit_names
    rows = []
    for e in result.indicators:
        missing = "、".join(f"{names.get(m.unit, m.unit)}（{m.period}）" for m in e.missing)
        rows.append(
            [
                "" if e.table2_seq is None else str(e.table2_seq),
                e.name[:24],
                e.measure,
                _fmt(e.base, e.decimals),
                _fmt(e.target, e.decimals),
                _fmt(e.value, e.decimals) + ("（累计）" if e.cumulative else ""),
                "" if e.growth is None else f"{format_number(e.growth, 1)}{e.growth_unit}",
                str(label(e.verdict)),
                f"缺 {missing}" if missing else "",
            ]
        )
    print(f"{result.plan.name}终期评估（{result.plan.first_year}—{year}年）")
    print(
        table(
            [
                "表2",
                "指标",
                "单位",
                f"{result.plan.base_year}年基数",
                f"{year}年目标",
                f"{year}年",
                "增长",
                "结论",
                "说明",
            ],
            rows,
            right={3, 4, 5, 6},
        )
    )
    print(
        f"\n完成 {len(result.met)} 项，未完成 {len(result.not_met)} 项，数据不全（不作判断）{len(result.incomplete)} 项。"
    )
    return 0
