"""package, merge, unmerge, conflicts, resolve, status, catalog-export, catalog-import, log."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..domain.numbers import format_typed
from ..domain.periods import Period, parse_period
from ..domain.round import State, state_label
from ..domain.timefmt import local_time
from .output import open_store, print_json, table, usage_error

R = argparse.RawDescriptionHelpFormatter


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "package",
        help="导出上报包 / export a submission package",
        formatter_class=R,
        description="从本单位的数据库导出所选报告期的上报包。有错误或未说明的提示时拒绝导出，并列出需要处理的地方。\n"
        "在汇总数据库（区、市）上：导出本级完整的汇总值，作为上一级的一个单位的上报包（见 docs/levels.md）。\n"
        "Export the unit's figures for the chosen periods as a package; refused while errors or unexplained warnings remain.\n"
        "On an aggregating database (district, city): its complete totals as one unit's package for the level above.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="本单位或汇总数据库 / the unit's or aggregating database")
    p.add_argument(
        "-o", "--output", type=Path, help="上报包文件或文件夹（默认：数据库所在文件夹） / package file or folder"
    )
    p.add_argument(
        "--period",
        action="append",
        required=True,
        metavar="PERIOD",
        help="报告期，可重复或用逗号分隔，如 2023 或 2023,2024H1 / period(s), repeat or comma-separate",
    )
    p.add_argument("--author", help="填报人 / who made the package")
    p.add_argument(
        "--nil",
        metavar="REASON",
        help="空表上报：本期确无数据可报，写明说明 / nil report: nothing to report, with the reason",
    )
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_package)

    p = sub.add_parser(
        "merge",
        help="合并上报包 / merge submission packages",
        formatter_class=R,
        description="把上报包合并到区级汇总数据库。每个包要么整体合并，要么整体拒绝；重复合并不会重复计数。\n"
        "Merge packages into the district database: each wholly or not at all; merging again changes nothing.\n"
        "退出码 / exit code: 0 全部合并或未变 / all merged or unchanged; 1 有包被拒绝 / some refused.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district database")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE", help="上报包文件或文件夹 / package files or folders")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="只预览将新增、修改、产生冲突的数值，不写入 / preview only, write nothing",
    )
    p.add_argument("--author", help="记录为合并人 / recorded as who merged")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser(
        "unmerge",
        help="撤销合并某个上报包 / take a merged package back out",
        description="撤销合并：该包的数值退出，恢复合并前的数值。Take a package back out, restoring what was there before.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district database")
    p.add_argument(
        "package",
        metavar="PACKAGE",
        help="上报包编号（或其前几位、文件名），见 xz log / package id, prefix or file name",
    )
    p.add_argument("--author", help="记录为操作人 / recorded as who did it")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_unmerge)

    p = sub.add_parser(
        "conflicts",
        help="列出待处理的冲突 / list conflicts awaiting a decision",
        description="列出合并时发现的冲突（同一数值有两个不同版本）。List conflicts found while merging.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district database")
    p.add_argument("--all", action="store_true", help="包括已处理的 / include decided ones")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_conflicts)

    p = sub.add_parser(
        "resolve",
        help="处理冲突 / decide a conflict",
        formatter_class=R,
        description="为冲突选定一个数值。Pick the figure of a conflict.\n"
        "  xz resolve DB 3 --choose 2          第 3 号冲突采用第 2 个数值 / conflict 3 takes candidate 2\n"
        "  xz resolve DB --all --prefer unit   全部采用上报包的数值 / every open conflict takes the unit's figure\n"
        "  xz resolve DB --package PKG         采用该上报包的全部数值 / take every figure of one package",
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district database")
    p.add_argument("id", type=int, nargs="?", metavar="ID", help="冲突编号（见 xz conflicts） / conflict id")
    p.add_argument("--choose", type=int, metavar="N", help="采用第 N 个数值（从 1 起） / take candidate N (from 1)")
    p.add_argument("--all", action="store_true", help="处理全部待处理冲突 / every open conflict")
    p.add_argument(
        "--prefer", choices=["unit", "district"], help="批量处理时采用：unit 上报包的数值，district 区里更正的数值"
    )
    p.add_argument(
        "--package",
        metavar="PKG",
        help="采用该上报包（编号、编号前缀或文件名）的全部数值 / take every figure of this package (id, prefix or file)",
    )
    p.add_argument("--author", help="记录为处理人 / recorded as who decided")
    p.set_defaults(func=cmd_resolve)

    p = sub.add_parser(
        "status",
        help="报送情况 / who has submitted",
        description="某报告期各单位的状态（未报送、已报送待审核、已退回、已验收）、截止日期、首次和最近报送时间、逾期天数、数据是否齐全，"
        "以及催报名单（联系人、电话）。\nPer period: each unit's state, due date, submissions, days late, completeness; the units to chase.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district database")
    p.add_argument("--period", required=True, help="报告期，如 2023 / period, e.g. 2023")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser(
        "catalog-export",
        help="导出目录文件（下发各单位） / export the catalog for the units",
        description="把本库使用的指标目录、单位名单和审核规则（含版本）写入文件，供各单位导入；--csv 写成目录文件夹，"
        "新建汇总数据库时用 xz init --district --catalog 读取。\n"
        "Write the catalog, unit list and rules in force (with their version) to a file units import;\n"
        "--csv writes the catalog folder of CSV files that xz init --district --catalog reads.",
        formatter_class=R,
    )
    p.add_argument("db", type=Path, metavar="DB", help="数据库文件 / database file")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="目录文件（.xzcat），--csv 时为文件夹 / the file (--csv: a folder)",
    )
    p.add_argument(
        "--csv",
        action="store_true",
        help="写成目录文件夹的 CSV（xz init --district --catalog 读取） / write the CSV folder init --catalog reads",
    )
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_catalog_export)

    p = sub.add_parser(
        "catalog-import",
        help="导入区里下发的目录 / put the district's catalog in force",
        description="在本单位数据库中启用区里下发的目录文件。Put the district's catalog file in force in this unit's copy.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="本单位数据库 / the unit's database")
    p.add_argument("file", type=Path, metavar="FILE", help="目录文件（.xzcat） / the catalog file")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_catalog_import)

    p = sub.add_parser(
        "corrections",
        help="导出给某单位的更正文件 / export the district's corrections for a unit",
        description="把区里对某单位数值所做的更正写入文件，发给该单位导入（xz corrections-import）。\n"
        "Write the district's hand corrections of a unit's figures to a file the unit imports.",
        formatter_class=R,
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district database")
    p.add_argument("--unit", required=True, metavar="CODE", help="单位代码 / the unit")
    p.add_argument("--period", action="append", metavar="PERIOD", help="只导出这些报告期 / only these periods")
    p.add_argument("-o", "--output", type=Path, required=True, help="更正文件或文件夹 / file or folder")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_corrections)

    p = sub.add_parser(
        "corrections-import",
        help="导入区里的更正 / take the district's corrections into a unit's copy",
        description="在本单位数据库中采用区里的更正；此后导出的上报包不会再与这些更正冲突。\n"
        "Take the district's corrections; later packages no longer conflict with them.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="本单位数据库 / the unit's database")
    p.add_argument("file", type=Path, metavar="FILE", help="更正文件 / the corrections file")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_corrections_import)

    p = sub.add_parser(
        "log",
        help="合并日志 / the merge log",
        description="哪个文件、何时、由谁合并或撤销，结果如何。Which file, when, by whom, with what result.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district database")
    p.add_argument("--limit", type=int, help="只显示最近 N 条 / only the latest N")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_log)


def _periods(values: list[str]) -> list[Period]:
    """``--period 2023 --period 2024H1,2024``, parsed here: the services take :class:`Period`."""
    return [parse_period(p.strip()) for v in values for p in v.split(",") if p.strip()]


def cmd_package(args) -> int:
    from ..services.packages.submission import make_package

    with open_store(args.db) as store:
        if store.is_district:
            if args.nil is not None:
                return usage_error(args, "汇总数据库不报空表 / --nil is for a unit's copy")
            return _upward_package(store, args)
        made = make_package(store, [str(p) for p in _periods(args.period)], args.output, args.author, args.nil)
    if args.json:
        print_json(made.as_json())
        return 0
    print(f"已导出{'空表' if args.nil is not None else ''}上报包：{made.path}")
    print(f"  单位 {made.unit}，报告期 {'、'.join(made.periods)}，{made.values} 个数值，编号 {made.package_id}")
    if made.skipped:
        print(f"  现行目录已不含以下指标，未导出：{'、'.join(made.skipped)}")
    return 0


def _upward_package(store, args) -> int:
    """On an aggregating database: its complete totals as a package for the level above."""
    from ..services.packages.upward import make_upward_package

    made = make_upward_package(store, _periods(args.period), args.output, args.author)
    if args.json:
        print_json(made.as_json())
        return 0
    names = {i.code: i.name for i in store.catalog().indicators}
    print(f"已导出向上一级（{made.above}）的上报包：{made.path}")
    print(f"  单位 {made.unit}，报告期 {'、'.join(made.periods)}，{made.values} 个完整的汇总值，编号 {made.package_id}")
    if made.withheld:
        print(f"  以下 {len(made.withheld)} 个汇总值未上报（不完整，或比率的分母未上报）：")
        for w in made.withheld:
            name = names.get(w.indicator, w.indicator)
            if w.lacks:
                print(f"    {w.period} {name}：{names.get(w.lacks, w.lacks)}未上报，作为比率的分子不单独上报")
            else:
                print(f"    {w.period} {name}：已报 {w.reported}/{w.expected} 个单位")
    return 0


# The keys are services.packages.merge.MERGED, UNCHANGED, REFUSED, NOT_DONE (tests/test_cli_imports.py checks).
_STATUS = {"merged": "已合并", "unchanged": "未变（此前已合并）", "refused": "拒绝", "cancelled": "未处理（已取消）"}


def cmd_merge(args) -> int:
    from ..services.packages.merge import MERGED, REFUSED, merge_files

    with open_store(args.db, scratch=args.dry_run) as store:
        report = merge_files(store, args.files, by=args.author, dry_run=args.dry_run, collect=args.dry_run)
        names = {i.code: i.name for i in store.catalog().indicators}
    if not report.results:
        raise XzError(Message("packages", QT_TRANSLATE_NOOP("packages", "没有找到上报包（*.xzpkg）")))
    if args.json:
        print_json([r.as_json(with_changes=args.dry_run) for r in report.results])
    else:
        if args.dry_run:
            print("预览（未写入任何数据）：")
        rows = [
            [
                Path(r.file).name,
                r.unit if r.unit_verified or not r.unit else f"{r.unit}（自称，未验证）",
                _STATUS.get(r.status, r.status),
                str(r.inserted),
                str(r.updated),
                str(r.unchanged),
                str(r.conflicts),
                r.reason or ("退回后重新报送" if r.resubmission else "") or ("空表上报" if r.nil else ""),
            ]
            for r in report.results
        ]
        print(table(["文件", "单位", "结果", "新增", "修改", "未变", "冲突", "原因/备注"], rows, right={3, 4, 5, 6}))
        for r in report.results:
            for d in r.details[:20]:
                print(f"  - {Path(r.file).name}：{d}")
            if args.dry_run:
                for c in r.changes:
                    if c.kind == "unchanged":
                        continue
                    what = {"insert": "新增", "update": "修改", "delete": "删除", "conflict": "冲突"}[c.kind]
                    if c.kind == "conflict":
                        print(
                            f"  {what} {c.unit} {c.period} {names.get(c.indicator, c.indicator)}：现用 {_num(c.before)}，"
                            f"上报包 {_num(c.incoming)}（合并后待区里选定）"
                        )
                    else:
                        print(
                            f"  {what} {c.unit} {c.period} {names.get(c.indicator, c.indicator)}：{_num(c.before)} → {_num(c.after)}"
                        )
    refused, merged = report.count(REFUSED), report.count(MERGED)
    if refused and merged and not args.dry_run:  # said from what was committed: the merged ones are in
        print(
            f"xz: 错误：{refused} 个上报包未能合并，数据库中与它们有关的内容未作任何修改；"
            f"其余 {merged} 个已合并，数据库保持它们合并后的状态",
            file=sys.stderr,
        )
        return 1
    if refused:
        print(f"xz: 错误：{refused} 个上报包被拒绝，数据库中与它们有关的内容未作任何修改", file=sys.stderr)
        return 1
    return 0


def _num(value: float | None) -> str:
    return "空" if value is None else format_typed(value)


def cmd_unmerge(args) -> int:
    from ..services.packages.merge import find_package, unmerge

    with open_store(args.db) as store:
        result = unmerge(store, find_package(store, args.package), by=args.author)
    if args.json:
        print_json(result.as_json())
    else:
        print(
            f"已撤销合并 {result.file}（{result.unit}）：恢复 {result.restored} 个数值，移除 {result.removed} 个，"
            f"{result.unchanged} 个不变，{result.conflicts} 个仍有冲突。"
        )
    return 0


def cmd_conflicts(args) -> int:
    from ..services.packages.conflicts import errors_in_conflicted_periods, list_conflicts, revision_words

    with open_store(args.db, read_only=True) as store:
        conflicts = list_conflicts(store, include_resolved=args.all)
        store_errors = errors_in_conflicted_periods(store)
    if args.json:
        print_json([c.as_json() for c in conflicts])
        return 0
    if not conflicts:
        print("没有待处理的冲突。")
        _print_errors(store_errors)
        return 0
    for c in conflicts:
        state = f"已处理（{c.resolved_by}，{c.resolved_at}）" if c.resolved_at else "待处理"
        kind = "区里更正与单位新报数值不同" if c.kind == "correction" else "单位在两处分别修改过，报来两个不同数值"
        print(f"[{c.id}] {c.unit_name} {c.period} {c.indicator_name}（{kind}）{state}")
        for n, cand in enumerate(c.candidates, start=1):
            origin = "区里更正" if cand.origin == "district" else f"上报包 {cand.file or cand.source[:8]}"
            expl = f"，说明：{cand.explanation}" if cand.explanation else ""
            words = revision_words(cand.revision).format()
            print(
                f"    {n}. {_num(cand.value)}{c.measure}  {origin}，{words}，{cand.changed_by} {cand.changed_at}{expl}"
            )
    _print_errors(store_errors)
    return 0


def _print_errors(errors) -> None:
    """The 逻辑性 errors left in unit-periods that had conflicts (figures chosen one by one may break a rule)."""
    for f in errors:
        print(f"错误 [{f.unit} {f.period}] {f.text()}（请在填报页面更正该单位该期的数值）")


def cmd_resolve(args) -> int:
    from ..services.packages.conflicts import (
        errors_in_conflicted_periods,
        list_conflicts,
        resolve,
        resolve_many,
        resolve_package,
    )
    from ..services.packages.merge import find_package

    with open_store(args.db) as store:
        if args.package:
            done, errors = resolve_package(store, find_package(store, args.package), by=args.author)
            print(f"已处理 {done} 个冲突：全部采用该上报包的数值。")
            _print_errors(errors)
            return 0
        if args.all:
            if not args.prefer:
                raise XzError(
                    Message(
                        "packages",
                        QT_TRANSLATE_NOOP("packages", "批量处理请用 --prefer unit 或 --prefer district 指定采用哪一方"),
                    )
                )
            ids = [c.id for c in list_conflicts(store)]
            done = resolve_many(store, ids, args.prefer, by=args.author)
            print(f"已处理 {done} 个冲突，{len(ids) - done} 个需逐个选择。")
            _print_errors(errors_in_conflicted_periods(store))
            return 0
        if args.id is None or args.choose is None:
            raise XzError(
                Message(
                    "packages", QT_TRANSLATE_NOOP("packages", "请给出冲突编号和 --choose N（或用 --all --prefer …）")
                )
            )
        errors = resolve(store, args.id, args.choose - 1, by=args.author)
    print(f"冲突 {args.id} 已处理：采用第 {args.choose} 个数值。")
    _print_errors(errors)
    return 0


def cmd_status(args) -> int:
    from ..services.round.states import round_status

    with open_store(args.db, read_only=True) as store:
        rows = round_status(store, parse_period(args.period))  # the one record of each unit × period
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    out = []
    for s in rows:
        state = str(state_label(State(s.state)))
        if s.nil_reason is not None:
            state += "（空表）"
        if s.resubmitted:
            state += "（重新报送）"
        out.append(
            [
                s.name,
                state,
                local_time(s.submitted_at, seconds=False),
                local_time(s.last_submitted_at, seconds=False) if s.packages > 1 else "",
                f"逾期 {s.late_days} 天" if s.late_days else ("按时" if s.submitted and s.due else ""),
                f"{s.values}/{s.expected}",
                s.reason or s.nil_reason or "",
            ]
        )
    due = rows[0].due if rows else None
    print(f"{args.period} 截止日期：{due or '未设置'}")
    print(table(["单位", "状态", "首次报送", "最近报送", "及时性", "已填/应填", "原因/说明"], out, right={5}))
    done = sum(1 for s in rows if s.submitted)
    print(f"\n{args.period}：{done}/{len(rows)} 个单位已报送。")
    chase = [s for s in rows if s.to_chase]
    if chase:
        print("催报名单：")
        for s in chase:
            why = "已退回未重报" if s.state == State.RETURNED.value else "未报送"
            late = f"，逾期 {s.late_days} 天" if s.late_days else ""
            contact = "，".join(x for x in (s.contact, s.phone) if x) or "（未登记联系人）"
            print(f"  {s.name}：{why}{late}；{contact}")
    else:
        print("未报送：无")
    return 0


def cmd_catalog_export(args) -> int:
    from ..services.catalog_transfer import export_catalog

    if args.csv:
        from ..services.catalog_edit import export_catalog_folder

        with open_store(args.db, read_only=True) as store:
            folder = export_catalog_folder(store, args.output)
        if args.json:
            print_json(folder.as_json())
        else:
            print(
                f"已写出目录文件夹（版本 {folder.version}，{folder.indicators} 项指标，{folder.units} 个单位）：{folder.folder}"
            )
        return 0
    with open_store(args.db) as store:
        made = export_catalog(store, args.output)
    if args.json:
        print_json(made.as_json())
    else:
        print(
            f"已导出目录（版本 {made.version}，{made.indicators} 项指标，{made.units} 个单位，{made.rules} 条审核规则）：{made.path}"
        )
    return 0


def cmd_catalog_import(args) -> int:
    from ..services.catalog_transfer import import_catalog

    with open_store(args.db) as store:
        before = store.catalog().version
        made = import_catalog(store, args.file)
    if args.json:
        print_json({**made.as_json(), "previous_version": before})
    elif before == made.version:
        print(f"目录版本 {made.version} 已在使用，无需更新。")
    else:
        print(f"已启用目录版本 {made.version}（原版本 {before}）：{made.indicators} 项指标，{made.units} 个单位。")
    return 0


def cmd_log(args) -> int:
    from ..services.packages.merge import merge_log

    with open_store(args.db, read_only=True) as store:
        entries = merge_log(store, args.limit)
    if args.json:
        print_json([e.as_json() for e in entries])
        return 0
    if not entries:
        print("还没有合并过上报包。")
        return 0
    rows = [
        [
            local_time(e.at),
            e.by,
            "合并" if e.action == "merge" else "撤销合并",
            e.file,
            e.unit,
            "、".join(e.periods),
            f"+{e.inserted} ~{e.updated} ={e.unchanged} !{e.conflicts}" + (f" -{e.removed}" if e.removed else ""),
            e.package_id[:8]
            + ("" if e.in_force or e.action == "unmerge" else "（已撤销）")
            + ("（重新报送）" if e.resubmission else ""),
        ]
        for e in entries
    ]
    print(table(["时间", "操作人", "操作", "文件", "单位", "报告期", "新增~修改=未变!冲突", "编号"], rows))
    return 0


def cmd_corrections(args) -> int:
    from ..services.packages.corrections import make_corrections

    with open_store(args.db) as store:
        made = make_corrections(store, args.unit, args.output, _periods(args.period) if args.period else None)
    if args.json:
        print_json(made.as_json())
    else:
        print(f"已导出给 {made.unit} 的更正文件（{made.values} 个数值，报告期 {'、'.join(made.periods)}）：{made.file}")
    return 0


def cmd_corrections_import(args) -> int:
    from ..services.packages.corrections import import_corrections

    with open_store(args.db) as store:
        result = import_corrections(store, args.file)
    if args.json:
        print_json(result.as_json())
    else:
        print(f"已导入区里的更正：{result.changed} 个数值改为区里更正的数值，{result.agreed} 个原本一致。")
    return 0
