"""plans, plan-new, plan-add: the plans a district holds, starting the next one and putting it in force (issue 20)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from .output import open_store, print_json, table

if TYPE_CHECKING:
    from ..services.plan.plans import BlankBase

R = argparse.RawDescriptionHelpFormatter


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "plans",
        help="本库的规划 / the plans this database holds",
        formatter_class=R,
        description="列出本库的各个规划：代码、名称、基期年、目标年、指标数，以及现行规划。\n"
        "List the plans this database holds: code, name, base year, target year, indicators, and the one in force.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="数据库文件 / database file")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_plans, read_only=True)

    p = sub.add_parser(
        "plan-new",
        help="开始新规划：写出待填写的规划文件夹 / start the next plan: write a plan folder to fill in",
        formatter_class=R,
        description="以现行规划（或 --from 指定的规划）的指标写出新规划的文件夹（plan.csv、indicators.csv 等）："
        "基期年的基数取本库该年完整的全区值，数据不全或缺失的留空并列出；目标留空，由区里填写后用 xz plan-add 启用。\n"
        "Write a plan folder to fill in from the plan in force (or --from): each base value is the district's\n"
        "complete figure of the base year (left blank and listed where incomplete or missing); targets are blank.\n"
        "Fill it in, then put it in force with xz plan-add.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district's database")
    p.add_argument("--code", required=True, help="规划代码，如 十五五 / the plan's code")
    p.add_argument("--name", required=True, help="规划名称 / the plan's name")
    p.add_argument(
        "--base-year",
        type=int,
        required=True,
        metavar="Y",
        help="基期年（上一规划的目标年） / the base year (the previous plan's target year)",
    )
    p.add_argument("--target-year", type=int, required=True, metavar="Z", help="目标年 / the target year")
    p.add_argument(
        "--from", dest="from_plan", metavar="PLAN", help="从该规划的指标开始（默认现行规划） / start from this plan"
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="输出文件夹（须为空） / folder")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_plan_new, read_only=True)

    p = sub.add_parser(
        "plan-add",
        help="启用规划：导入填好的规划文件夹 / put a filled plan folder in force",
        formatter_class=R,
        description="检查规划文件夹（与指标目录文件夹相同，另有 plan.csv），并在其年度启用该规划；"
        "与已有规划年度重叠的不予启用。生成新的目录版本：用 xz catalog-export 发给各单位。\n"
        "Check a plan folder (a catalog folder with plan.csv) and put the plan in force for its years\n"
        "(years overlapping a plan already held are refused). Makes a new catalog version: send it with xz catalog-export.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district's database")
    p.add_argument("folder", type=Path, metavar="DIR", help="规划文件夹 / the plan folder")
    p.add_argument("--author", help="记录为修改人 / recorded as the author")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_plan_add)


def cmd_plans(args: argparse.Namespace) -> int:
    from ..services.plan.plans import list_plans

    with open_store(args.db, read_only=True) as store:
        plans = list_plans(store)
    if args.json:
        print_json([p.as_json() for p in plans])
        return 0
    rows = [
        [
            p.code,
            p.name,
            str(p.base_year),
            str(p.target_year),
            f"{p.first_year}–{p.target_year}",
            str(p.indicators),
            "现行" if p.in_force else "",
        ]
        for p in plans
    ]
    print(table(["代码", "名称", "基期年", "目标年", "规划期", "指标", ""], rows, right={2, 3, 5}))
    return 0


def _blank_line(b: BlankBase) -> str:
    if b.missing_units:
        return f"  {b.code} {b.name}：数据不全（缺 {'、'.join(b.missing_units)}）"
    return f"  {b.code} {b.name}：{b.why}"


def cmd_plan_new(args: argparse.Namespace) -> int:
    from ..services.plan.plans import new_plan_folder

    with open_store(args.db, read_only=True) as store:
        made = new_plan_folder(
            store,
            code=args.code,
            name=args.name,
            base_year=args.base_year,
            target_year=args.target_year,
            folder=args.output,
            from_plan=args.from_plan,
        )
    if args.json:
        print_json(made.as_json())
        return 0
    plan = made.plan
    print(
        f"已写出规划文件夹 {made.folder}：{plan.name}（{plan.code}，{plan.first_year}–{plan.target_year}），"
        f"{made.indicators} 个指标，取自 {made.from_code}。"
    )
    print(f"基数 base_{plan.base_year}：{len(made.filled)} 个取自本库 {plan.base_year} 年完整的全区值。")
    if made.blank:
        print(f"以下 {len(made.blank)} 个指标的 base_{plan.base_year} 留空，请核实后填写：")
        for b in made.blank:
            print(_blank_line(b))
    print(f"目标 target_{plan.target_year} 均留空：填好后用 xz plan-add 启用。")
    return 0


def cmd_plan_add(args: argparse.Namespace) -> int:
    from ..services.plan.plans import add_plan_folder

    with open_store(args.db) as store:
        added = add_plan_folder(store, args.folder, by=args.author)
    if args.json:
        print_json(added.as_json())
        return 0
    plan = added.plan
    print(
        f"已启用 {plan.name}（{plan.code}，{plan.first_year}–{plan.target_year}）：{added.indicators} 个指标，"
        f"其中 {added.targets} 个有目标。"
    )
    print(f"目录版本 {added.previous} → {added.version}；用 xz catalog-export 把新目录发给各单位。")
    return 0
