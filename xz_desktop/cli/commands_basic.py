"""catalog, units, init, import, totals, check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.catalog import GEOGRAPHIC, Aggregation, Catalog, Indicator
from ..domain.catalog_rows import indicator_values, load_catalog_dir
from ..domain.checks import Severity
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..domain.numbers import format_number
from ..domain.periods import parse_period
from ..domain.trajectory import BASE_NONE
from ..paths import catalog_dir
from .output import add_plan_option, open_store, print_json, table, usage_error

# Each command imports the services it uses inside its function: `xz --help` and `xz catalog` load
# neither sqlite_utils nor pandas/openpyxl (tests/test_cli_imports.py).


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "catalog",
        help="列出指标目录 / list the indicator catalog",
        description="列出指标目录。List the indicators of the plan.",
    )
    p.add_argument(
        "--db",
        type=Path,
        help="使用该数据库中的目录（默认：程序自带目录） / the catalog of this database (default: the shipped one)",
    )
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    add_plan_option(p)
    p.set_defaults(func=cmd_catalog)

    p = sub.add_parser(
        "units", help="列出填报单位 / list the reporting units", description="列出填报单位。List the reporting units."
    )
    p.add_argument("--db", type=Path, help="使用该数据库中的单位表 / the units of this database")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_units)

    p = sub.add_parser(
        "init",
        help="新建数据库 / create a database",
        description="为一个填报单位或区级汇总新建数据库。汇总数据库可用 --catalog 从一个目录文件夹"
        "（indicators.csv、units.csv、rules.csv、level.csv）开始，例如市级：resources/catalogs/jiaxing。\n"
        "Create a database for one unit or for an aggregating level; --catalog DIR starts the aggregating\n"
        "database from a catalog folder of the same CSVs (a city: resources/catalogs/jiaxing).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("db", type=Path, metavar="DB", help="新数据库文件 / the new database file")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument(
        "--unit", metavar="CODE", help="本数据库所属单位代码（见 xz units） / the unit this copy belongs to"
    )
    who.add_argument("--district", action="store_true", help="区级汇总数据库 / the district's database")
    who.add_argument(
        "--enrolment",
        type=Path,
        metavar="FILE",
        help="用区里发放的登记文件建立本单位数据库（或为已有的本单位数据库换用新密钥） / "
        "set up a unit's copy from the district's enrolment file (or give an existing copy its new key)",
    )
    p.add_argument(
        "--catalog",
        type=Path,
        metavar="DIR",
        help="与 --district 一起用：从该文件夹的目录 CSV 开始（默认：程序自带目录） / with --district: the catalog folder",
    )
    p.add_argument(
        "--author",
        help="填报人或经办人姓名（记入每条修改、退回和审核日志；省略时取本机登录名，root 等系统账户名不取） / "
        "who fills it in (omitted: the login name, never a system account such as root)",
    )
    p.set_defaults(func=cmd_init)

    p = sub.add_parser(
        "import",
        help="导入数据文件 / import figures from a file",
        description="导入数据（CSV：unit,indicator,period,value[,explanation]；或填好的 Excel 填报模板 .xlsx）。全部通过审核才写入，否则一条也不写。\n"
        "Import figures; all or nothing: any error refuses the whole file.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("db", type=Path, metavar="DB", help="数据库文件 / database file")
    p.add_argument("file", type=Path, metavar="FILE", help="数据文件 / data file")
    p.add_argument("--author", help="记录为修改人 / recorded as the author of the change")
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入 / check only, write nothing")
    p.add_argument("--period", help="Excel 填报模板须为该报告期，否则拒绝 / refuse an Excel form of another period")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "totals",
        help="区级汇总与规划目标对比 / district totals against the plan",
        description="某一报告期的区级汇总值、规划基数、规划目标、预期进度与完成率，按报告期所在的规划评价\n"
        "（--plan 指定另一规划；晚于规划目标年的报告期不作评价）。\n"
        "District values for a period with base, target, trajectory and completion, judged under the plan whose\n"
        "years contain the period (--plan: another plan; a period after its target year is not judged).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("db", type=Path, metavar="DB", help="数据库文件 / database file")
    p.add_argument("--period", required=True, help="报告期，如 2023 或 2023H1 / period, e.g. 2023 or 2023H1")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.add_argument(
        "--carry-forward",
        action="store_true",
        help="沿用上期：缺报单位的存量指标沿用其最近一期数值，结果标“估” / "
        "use a missing unit's latest earlier stock figure, marked as an estimate",
    )
    add_plan_option(p)
    p.set_defaults(func=cmd_totals)

    p = sub.add_parser(
        "check",
        help="审核数据库 / check a database",
        description="检查数据库完整性，并对每个已存数值运行全部审核公式。\n"
        "Database integrity plus every check on every stored figure. Exit 1 if an error is found.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("db", type=Path, metavar="DB", help="数据库文件 / database file")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_check)

    register_demo(sub)


def _catalog(db: Path | None, plan: str | None = None) -> Catalog:
    if db is None:
        return load_catalog_dir(catalog_dir())
    with open_store(db, read_only=True) as store:
        return store.catalog(plan)


def reported_by_codes(catalog: Catalog, ind: Indicator) -> list[str]:
    return [u.code for u in catalog.reporters(ind)]


def indicator_json(catalog: Catalog, ind: Indicator) -> dict:
    data = {
        "code": ind.code,
        "name": ind.name,
        "measure": ind.display_measure,
        "entry_measure": ind.entry_measure,
        "display_factor": ind.display_factor,
        "category": ind.category,
        "source": ind.source,
        "section": ind.section,
        "table1_seq": ind.table1_seq,
        "table2_seq": ind.table2_seq,
        "aggregation": ind.aggregation.value,
        "reported_by": reported_by_codes(catalog, ind),
        **indicator_values(ind, catalog.plan),
        "plan": catalog.plan.code,
        "base": ind.base,
        "base_span": ind.base_span,
        "target": ind.target,
        "target_sense": ind.target_sense,
        "target_basis": ind.target_basis,
        "trajectory": ind.trajectory.value,
    }
    if ind.aggregation is Aggregation.RATIO:
        data.update(numerator=ind.numerator, denominator=ind.denominator, scale=ind.scale)
    elif ind.aggregation is Aggregation.SUM:
        data["parts"] = list(ind.parts)
    elif ind.aggregation is Aggregation.GROWTH:
        data["of"] = ind.growth_of
    return data


def cmd_catalog(args) -> int:
    catalog = _catalog(args.db, args.plan)
    if args.json:
        print_json([indicator_json(catalog, i) for i in catalog.indicators])
        return 0
    rows = []
    for ind in catalog.indicators:
        who = (
            "（计算）"
            if ind.aggregation.is_derived
            else (
                "各镇街" if GEOGRAPHIC in ind.reported_by else "、".join(catalog.unit(u).name for u in ind.reported_by)
            )
        )
        rows.append(
            [
                ind.code,
                ind.name,
                ind.display_measure,
                ind.aggregation.value,
                who,
                "" if ind.target is None else format_number(ind.target, ind.decimals),
            ]
        )
    print(f"{catalog.plan.name}（{catalog.plan.first_year}–{catalog.plan.target_year}年）")
    print(table(["代码", "指标", "单位", "汇总方式", "填报", f"{catalog.plan.target_year}目标"], rows, right={5}))
    print(f"\n共 {len(catalog.indicators)} 项指标，目录版本 {catalog.version}")
    return 0


def cmd_units(args) -> int:
    catalog = _catalog(args.db)
    if args.json:
        print_json(
            [
                {"code": u.code, "name": u.name, "kind": u.kind.value, "type": u.type, "active": u.active}
                for u in catalog.units
            ]
        )
        return 0
    kinds = {"geographic": "镇街", "sector": "部门"}
    print(
        table(
            ["代码", "单位", "类别", "状态"],
            [[u.code, u.name, kinds[u.kind.value], "在用" if u.active else "停用"] for u in catalog.units],
        )
    )
    return 0


def cmd_init(args) -> int:
    if args.catalog is not None and not args.district:
        return usage_error(args, "--catalog 只能与 --district 一起使用 / --catalog needs --district")
    if args.enrolment is not None:
        from ..services.signing.enrolment import init_from_enrolment

        done = init_from_enrolment(args.db, args.enrolment, args.author)
        verb = "已用登记文件创建" if done.created else "已为已有数据库换用新密钥："
        print(f"{verb}{done.unit_name} 的数据库：{args.db}")
        print(f"  本单位密钥 {done.key_id}；区里密钥 {done.district_key_id}（请与区委人才办电话核对这一串字符）")
        return 0
    if args.unit:
        print(
            "提示：这样建立的数据库没有签名密钥，导出的上报包区里会拒绝；请向区里索取登记文件，用 --enrolment 建立。",
            file=sys.stderr,
        )
    from ..domain.levels import load_level
    from ..store import create_store
    from ..store.database import ROLE_DISTRICT, ROLE_UNIT

    role = ROLE_DISTRICT if args.district else ROLE_UNIT
    catalog = level = None
    if args.catalog is not None:
        if not args.catalog.is_dir():
            raise XzError(
                Message("cli", QT_TRANSLATE_NOOP("cli", "目录文件夹 {path} 不存在"), {"path": str(args.catalog)})
            )
        catalog = load_catalog_dir(args.catalog)
        level = load_level(args.catalog)
    from ..store.core import default_author, personal_login

    # The name every decision, review-log row and audit row carries: --author, else a personal login name;
    # a system account's login ("root") is never taken: the office's own name stands instead, said below.
    author = args.author or personal_login()
    with create_store(
        args.db, role, None if args.district else args.unit, catalog, author=author, level=level
    ) as store:
        print(f"已创建 {store.describe()} 的数据库：{args.db}")
        if args.author is None:
            print(
                f"提示：没有给 --author，经办人记为“{store.author}”"
                + (f"（本机登录名“{default_author()}”不是人名）" if author is None else "（本机登录名）")
                + "；建库时用 --author 姓名 给出经办人。",
                file=sys.stderr,
            )
    return 0


def cmd_import(args) -> int:
    from ..services.imports import import_file

    with open_store(args.db, scratch=args.dry_run) as store:
        result = import_file(
            store,
            args.file,
            args.author,
            dry_run=args.dry_run,
            period=parse_period(args.period) if args.period else None,
        )
    verb = "检查通过（未写入）" if args.dry_run else f"已导入 {result.written} 个数值，{result.unchanged} 个未变"
    print(f"{verb}；跳过空白 {result.skipped_blank} 个。")
    if result.warnings:
        print(f"合理性审核提示 {len(result.warnings)} 条（需填写说明）：")
        for finding in result.warnings:
            print(f"  - [{finding.unit} {finding.period}] {finding.text()}{'（已说明）' if finding.explained else ''}")
    return 0


def _fmt(value: float | None, decimals: int) -> str:
    return "—" if value is None else format_number(value, decimals)


def cmd_totals(args) -> int:
    from ..services.totals import carried_text, errors_text, missing_text, totals, verdict_text

    with open_store(args.db, read_only=True) as store:
        rows = totals(store, args.period, carry_forward=args.carry_forward, plan=args.plan)
        catalog = store.catalog(args.plan) if args.plan else store.catalog_for(args.period)
    if args.json:
        print_json([{**r.plan_values(), **r.as_json()} for r in rows])
        return 0
    out = []
    for r in rows:
        if r.target is None and r.value is None:
            continue
        estimate = "估 " if r.estimated else ""
        out.append(
            [
                r.name[:24],
                r.measure,
                ("" if r.cumulative is not None else estimate) + _fmt(r.value, r.decimals),
                "" if r.cumulative is None else estimate + _fmt(r.cumulative, r.decimals),
                _fmt(r.base, r.decimals) if r.base_source != BASE_NONE else "无基数",
                _fmt(r.target, r.decimals),
                _fmt(r.expected, r.decimals),
                "" if r.completion is None else f"{r.completion:.0%}",
                verdict_text(r) + ("（有争议）" if r.disputed else ""),
                f"{len(r.units_reported)}/{len(r.units_reported) + len(r.units_missing)}",
                "；".join(
                    p for p in (missing_text(catalog, r), carried_text(catalog, r), errors_text(catalog, r)) if p
                ),
            ]
        )
    print(
        table(
            [
                "指标",
                "单位",
                f"{args.period}",
                "累计",
                "基数",
                f"{catalog.plan.target_year}目标",
                "应达",
                "完成率",
                "进度",
                "已报",
                "说明",
            ],
            out,
            right={2, 3, 4, 5, 6, 7},
        )
    )
    print(
        f"\n按{catalog.plan.name}评价。完成率 =（实际 − 基数）÷（目标 − 基数）；基数为规划{catalog.plan.base_year}年值，"
        f"规划未给出时取本库{catalog.plan.base_year}年全区值，规划期累计目标为0，均无时为“无基数”，完成率 = 实际 ÷ 目标。"
        "数据不全的指标不作进度评价；晚于规划目标年的报告期不作评价。"
    )
    return 0


def cmd_check(args) -> int:
    from ..services.checking import check_database
    from ..services.kept_check import kept_differences

    with open_store(args.db, read_only=True) as store:
        report = check_database(store)
        report.kept = kept_differences(store)
        names = {i.code: i.name for i in store.catalog().indicators}
    if args.json:
        print_json(
            {
                "integrity": report.integrity or ["ok"],
                "findings": [
                    {
                        "unit": f.unit,
                        "indicator": f.indicator,
                        "period": f.period,
                        "severity": f.severity.value,
                        "message": f.text(),
                        "explained": f.explained,
                    }
                    for f in report.findings
                ],
                "kept_totals": report.kept or ["ok"],
            }
        )
    else:
        print("数据库完整性：" + ("正常" if not report.integrity else "；".join(report.integrity)))
        for f in report.findings:
            kind = "错误" if f.severity is Severity.ERROR else ("提示（已说明）" if f.explained else "提示")
            print(f"{kind} [{f.unit} {f.period} {names.get(f.indicator, f.indicator)}] {f.text()}")
        print("留存的汇总：" + ("与重新计算的一致" if not report.kept else "；".join(report.kept)))
        print(
            f"共 {len(report.errors)} 个错误，{len(report.findings) - len(report.errors)} 条提示（{len(report.unexplained_warnings)} 条未说明）。"
        )
    if report.kept and not report.integrity and not report.errors:
        print(f"xz: 错误：{report.kept[0]}", file=sys.stderr)
        return 1
    if not report.ok:
        print("xz: 错误：数据库未通过审核", file=sys.stderr)
        return 1
    return 0


def register_demo(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="生成示例数据库 / create the demo database",
        description="生成一个区级示例数据库（示例数据），含各单位 2020–2025 年（十四五规划的基数年至目标年）的模拟数据。"
        "--next-plan 另按示例生成的规划目录开始下一个规划（十五五，示例，目标为演示虚构）并填入其第一年的数据。\n"
        "Create a demo district database with plausible figures of every unit for the plan's base year to its target "
        "year (2020–2025); --next-plan also starts the next plan (示例, targets invented for the demo) and fills its "
        "first year.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("db", type=Path, metavar="DB", help="新数据库文件 / the new database file")
    p.add_argument(
        "--next-plan",
        action="store_true",
        help="另开始下一个规划（示例）并填入其第一年 / also start the next plan (示例) and fill its first year",
    )
    p.set_defaults(func=cmd_demo)


def cmd_demo(args) -> int:
    from ..services.demo import create_demo

    create_demo(args.db)
    if args.next_plan:  # the next plan (示例), started from a folder the demo writes, and its first year filled
        from ..services.demo_next_plan import start_next_plan

        with open_store(args.db) as store:
            plan = start_next_plan(store)
        print(f"已开始示例规划：{plan.name}（{plan.first_year}—{plan.target_year}年），并填入 {plan.first_year} 年数据")
    print(f"已生成示例数据库：{args.db}")
    return 0
