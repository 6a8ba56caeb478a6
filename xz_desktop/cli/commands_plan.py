"""targets, progress, assess, index, report: the plan's management tools (issue 13)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.messages import XzError
from ..domain.numbers import format_number, parse_number
from ..domain.verdicts import label
from .output import add_plan_option, open_store, print_json, table, usage_error


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "targets",
        help="目标分解：导入、按规则分解、列出 / unit targets: import, split by rule, list",
        description="各单位的目标（录入计量单位，如“人”）。--import 导入 CSV（unit,indicator,target[,period]）；"
        "--split 按规划基数年（十四五为 2020 年）的数或某一指标的比例分解全区规划目标，舍位平衡使合计恰等于全区目标；"
        "--floor 保底份额（如 0.2：20% 平均分配，其余按依据），使依据为 0 的单位也分得目标；"
        "--set 单位=目标 手工给定某些单位的份额，其余单位分剩下的部分，合计仍恰等于全区目标；"
        "无选项时列出目标并检查份额是否仍合计一致。--plan 指定规划（默认：当前规划）。\n"
        "Unit targets in the entry measure: import a CSV, split a district target by rule (largest remainder), or list and check.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district's database")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--import", dest="import_file", type=Path, metavar="FILE.csv", help="导入目标 / import targets")
    what.add_argument("--split", metavar="CODE", help="分解该指标的规划目标 / split this indicator's target")
    p.add_argument(
        "--by",
        metavar="base|INDICATOR_CODE",
        help="分解依据：base = 各单位规划基数年的数，或某一指标（如 employed） / "
        "by the figures of the plan's base year or by an indicator",
    )
    p.add_argument(
        "--floor",
        type=float,
        default=0.0,
        metavar="F",
        help="保底份额 0–1：F 平均分配，其余按依据 / a share of the target split equally (0 ≤ F < 1)",
    )
    p.add_argument(
        "--set",
        dest="fixed",
        action="append",
        default=[],
        metavar="UNIT=TARGET",
        help="手工给定该单位的份额（可多次） / fix a unit's share by hand (repeatable)",
    )
    p.add_argument("--author", help="记录为修改人 / recorded as the author")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    add_plan_option(p)
    p.set_defaults(func=cmd_targets)

    p = sub.add_parser(
        "progress",
        help="各单位对照本单位目标的进度 / each unit against its own targets",
        description="某年各单位对照本单位规划目标（及阶段目标）的完成率与进度判断；数据不全的不作判断。\n"
        "Each unit's completion and verdict against its own targets; no verdict on an incomplete figure.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("db", type=Path, metavar="DB", help="数据库文件 / database file")
    p.add_argument("--period", required=True, help="年份，如 2023 / the year, e.g. 2023")
    p.add_argument("--unit", help="只看该单位 / this unit only")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    add_plan_option(p)
    p.set_defaults(func=cmd_progress)

    p = sub.add_parser(
        "assess",
        help="年度考核得分与排名 / the yearly assessment: scores and ranks",
        description="按 resources/plan/assessment.json 的考核方案计算各单位得分、明细与同类排名；"
        "--adjust UNIT=POINTS --reason 录入加减分。\n"
        "Scores per unit with their breakdown and rank within each kind; --adjust enters a bonus or deduction.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district's database")
    p.add_argument("--period", required=True, help="考核年度，如 2023 / the year")
    p.add_argument("--adjust", metavar="UNIT=POINTS", help="加分（正数）或减分（负数） / a bonus (+) or deduction (−)")
    p.add_argument("--reason", help="加减分理由（必填） / the reason (required with --adjust)")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    add_plan_option(p)
    p.set_defaults(func=cmd_assess)

    p = sub.add_parser(
        "index",
        help="人才发展指数（规划基数年=100） / the talent development index (the plan's base year = 100)",
        description="按 resources/plan/index.json 计算各镇街的人才发展指数与分指数、排名；方法见 docs/plan.md。\n"
        "The talent development index of each geographic unit with its sub-indices and rank.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("db", type=Path, metavar="DB", help="数据库文件 / database file")
    p.add_argument("--period", required=True, help="年份，如 2023 / the year")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    add_plan_option(p)
    p.set_defaults(func=cmd_index)

    p = sub.add_parser(
        "report",
        help="年度评估报告或规划终期评估报告（Word，可选 PDF） / the annual or the final evaluation report",
        description="写出年度评估报告：封面、概述、表2 进度表、图表、报送情况、考核排名、人才发展指数、落后指标及说明、签字栏。"
        "--plan CODE --final 改为写出该规划的终期评估报告（各项目标是否完成、五年累计、未完成的及说明、"
        "可作下一规划表1的“主要指标完成情况”表）。--pdf 另用 LibreOffice 转为 PDF（需已安装）。\n"
        "Write the annual evaluation report (--period) or, with --plan CODE --final, the plan's final evaluation "
        "report as .docx; --pdf also converts it with LibreOffice.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district's database")
    p.add_argument("--period", help="报告年度，如 2024 / the year")
    p.add_argument("--final", action="store_true", help="规划终期评估报告（需 --plan） / the plan's final evaluation")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.docx", help="输出文件 / output file")
    p.add_argument("--pdf", action="store_true", help="同时生成 PDF / also write a PDF")
    add_plan_option(p)
    p.set_defaults(func=cmd_report)


def cmd_targets(args: argparse.Namespace) -> int:
    from ..services.plan.targets import check_targets, import_targets, list_targets, parse_fixed_shares, split

    if args.by and not args.split:
        return usage_error(args, "--by 只与 --split 一起使用 / --by goes with --split")
    if args.split and not args.by:
        return usage_error(args, "--split 需要 --by base|INDICATOR_CODE / --split needs --by")
    if (args.floor or args.fixed) and not args.split:
        return usage_error(args, "--floor、--set 只与 --split 一起使用 / --floor and --set go with --split")
    with open_store(args.db) as store:
        if args.import_file:
            changed = import_targets(store, args.import_file, args.author, plan=args.plan)
            print(f"已导入目标，{changed} 项有变化。")
        elif args.split:
            catalog = store.catalog(args.plan)
            fixed = parse_fixed_shares(catalog, ",".join(args.fixed))
            result = split(store, args.split, args.by, args.author, floor=args.floor, fixed=fixed, plan=args.plan)
            ind = catalog.indicator(args.split)
            if args.json:
                print_json(
                    [
                        {"unit": s.unit, "indicator": ind.code, "target": s.target, "weight": s.weight}
                        for s in result.shares
                    ]
                )
                return 0
            basis = (
                f"{catalog.plan.base_year} 年基数"
                if args.by == "base"
                else f"{catalog.indicator(args.by).name}（{result.basis_year}）"
            )
            rows = [
                [
                    catalog.unit(s.unit).name,
                    format_number(s.weight, 2),
                    format_number(s.target, ind.decimals if result.district_target is None else 0),
                ]
                for s in result.shares
            ]
            print(table(["单位", "依据", f"目标（{ind.entry_measure}）"], rows, right={1, 2}))
            if result.district_target is not None:
                total = sum(s.target for s in result.shares)
                print(
                    f"\n按{basis}分解“{ind.name}”：合计 {format_number(total, 0)}，全区目标 {format_number(result.district_target, 0)}。"
                )
                if args.floor:
                    print(f"保底份额 {args.floor:.0%}：全区目标的 {args.floor:.0%} 由各单位平均分配，其余按依据。")
                if fixed:
                    print(f"手工给定：{'、'.join(catalog.unit(u).name for u in fixed)}；其余单位分剩下的部分。")
            else:
                print(
                    f"\n“{ind.name}”是比率：各单位目标为本单位比率"
                    f"（{catalog.plan.base_year} 年比率 × 全区目标 ÷ 全区基数）。"
                )
            return 0
        rows_ = list_targets(store)
        problems = check_targets(store, args.plan)
        names = {i.code: i.name for i in store.catalog(args.plan).indicators}
    if args.json:
        print_json([r.as_json() for r in rows_])
        return 0
    print(
        table(
            ["单位", "指标", "期别", "目标", "计量", "来源"],
            [
                [
                    r.unit_name,
                    r.indicator_name[:24],
                    r.period,
                    format_number(r.target, 2).rstrip("0").rstrip("."),
                    r.measure,
                    r.method,
                ]
                for r in rows_
            ],
            right={3},
        )
    )
    for p in problems:
        print(f"提示：{names.get(p.indicator, p.indicator)}：{p.message}")
    return 0


def _pct(x: float | None) -> str:
    return "" if x is None else f"{x:.1%}"


def cmd_progress(args: argparse.Namespace) -> int:
    from ..services.plan.progress import unit_progress_rows

    with open_store(args.db) as store:
        rows = unit_progress_rows(store, args.period, args.unit, plan=args.plan)
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    out = []
    for r in rows:
        p = r.progress
        fmt = lambda v: "—" if v is None else format_number(v, 2).rstrip("0").rstrip(".")
        value = fmt(p.value) + ("（不完整）" if not p.complete and p.value is not None else "")
        out.append(
            [
                r.unit_name,
                r.indicator_name[:20],
                fmt(p.target),
                value,
                fmt(p.due),  # what the verdict compares with: a count's whole milestone
                _pct(p.completion),
                str(label(p.verdict)),
            ]
        )
    print(table(["单位", "指标", "目标", str(args.period), "应达", "完成率", "进度"], out, right={2, 3, 4, 5}))
    return 0


def _parse_adjust(text: str) -> tuple[str, float]:
    unit, sep, raw = text.partition("=")
    points = parse_number(raw) if sep else None
    if not sep or points is None or not unit.strip():
        raise XzError("--adjust 应写作 单位代码=分数，如 xincheng=2 或 xincheng=-1.5")
    return unit.strip(), points


def cmd_assess(args: argparse.Namespace) -> int:
    from ..services.plan.assess import add_adjustment, assess, score_json

    with open_store(args.db) as store:
        if args.adjust:
            if not args.reason:
                return usage_error(args, "--adjust 需要 --reason / --adjust needs --reason")
            unit, points = _parse_adjust(args.adjust)
            add_adjustment(store, unit, args.period, points, args.reason)
        scores = assess(store, args.period, plan=args.plan)
        data = [score_json(store, s) for s in scores]
    if args.json:
        print_json(data)
        return 0
    kinds = {"geographic": "镇街", "sector": "部门"}
    rows = [
        [
            kinds.get(d["kind"], d["kind"]),
            "" if d["rank"] is None else str(d["rank"]),
            d["unit_name"],
            d["unscored_text"] if d["score"] is None else f"{d['score']:.2f}",
            f"{d['bonus']:g}" if d["bonus"] else "",
            f"{-d['deduction']:g}" if d["deduction"] else "",
            "" if d["complete"] or d["score"] is None else "数据不全（缺项按 0 分计）",
        ]
        for d in data
    ]
    print(table(["类别", "名次", "单位", "得分", "加分", "减分", "说明"], rows, right={1, 3, 4, 5}))
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from ..services.plan.talent_index import index_json, talent_index

    with open_store(args.db) as store:
        data = [index_json(store, i) for i in talent_index(store, args.period, plan=args.plan)]
    if args.json:
        print_json(data)
        return 0
    parts = [p["name"] for p in data[0]["parts"]] if data else []
    rows = []
    for d in sorted(data, key=lambda d: (d["rank"] is None, d["rank"] or 0)):
        rows.append(
            [
                "" if d["rank"] is None else str(d["rank"]),
                d["unit_name"],
                "不完整" if d["index"] is None else f"{d['index']:.2f}",
                *["—" if p["index"] is None else f"{p['index']:.2f}" for p in d["parts"]],
            ]
        )
    print(table(["名次", "单位", "指数", *parts], rows, right=set(range(2, 3 + len(parts)))))
    if any(d["index"] is None for d in data):
        print("\n不完整：缺少所需数据的单位不计算指数、不排名（xz index --json 列出缺少的指标）。")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from ..services.plan.final_report import write_final_report
    from ..services.plan.report import write_report

    if args.final and (not args.plan or args.period):
        return usage_error(
            args, "--final 需要 --plan CODE，不与 --period 一起使用 / --final needs --plan, not --period"
        )
    if not args.final and not args.period:
        return usage_error(args, "需要 --period 年度，或 --plan CODE --final / --period, or --plan CODE --final")
    # The report only reads the database: it is made while the window has the database open, too.
    with open_store(args.db, read_only=True) as store:
        if args.final:
            result = write_final_report(store, args.plan, args.output, pdf=args.pdf)
        else:
            result = write_report(store, args.period, args.output, pdf=args.pdf, plan=args.plan)
    print(f"已写出{'规划终期评估报告' if args.final else '年度评估报告'}：{result.docx}")
    if result.pdf:
        print(f"PDF：{result.pdf}")
    return 0
