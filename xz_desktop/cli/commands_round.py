"""due, review, review-log, receipt, receipt-import, screen: the reporting round on the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..domain.numbers import format_typed
from ..domain.periods import parse_period
from ..domain.round import State, state_label
from ..domain.timefmt import local_time
from .output import open_store, print_json, table

R = argparse.RawDescriptionHelpFormatter
_ACTIONS = {
    "due": "截止日期",
    "submit": "报送",
    "resubmit": "重新报送",
    "nil": "空表上报",
    "withdraw": "撤销合并",
    "return": "退回",
    "accept": "验收",
    "reopen": "重新开放",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "due",
        help="设置报告期的截止日期 / set a period's due date",
        description="设置（或修改）某报告期的截止日期，修改会记入审核日志。\nSet or change a period's due date (logged).",
        formatter_class=R,
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district database")
    p.add_argument("--period", required=True, help="报告期，如 2024 / period")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="截止日期 / the due date")
    p.add_argument("--author", help="记录为操作人 / recorded as who did it")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_due)

    p = sub.add_parser(
        "review",
        help="验收、退回或重新开放某单位某期 / accept, return or reopen a unit's period",
        description="审核决定：--accept 验收（锁定，此后该期的上报包不予合并）；--return 退回并写明原因，"
        "可用 --figure 代码=原因 逐项说明；--reopen 重新开放已验收的报告期（须写明原因）。\n"
        "Accept (locks the period), return with reasons (overall and per figure), or reopen an accepted period.",
        formatter_class=R,
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district database")
    p.add_argument("--unit", required=True, metavar="CODE", help="单位代码 / the unit")
    p.add_argument("--period", required=True, help="报告期 / period")
    action = p.add_mutually_exclusive_group(required=True)
    action.add_argument("--accept", action="store_true", help="验收（锁定） / accept and lock")
    action.add_argument("--return", dest="return_", action="store_true", help="退回 / return to the unit")
    action.add_argument("--reopen", action="store_true", help="重新开放 / reopen an accepted period")
    p.add_argument("--reason", help="退回或重新开放的原因 / the reason")
    p.add_argument(
        "--figure",
        action="append",
        default=[],
        metavar="CODE=TEXT",
        help="某项指标的退回原因，可重复 / a figure's reason, repeatable",
    )
    p.add_argument("--author", help="记录为审核人 / recorded as who decided")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser(
        "review-log",
        help="审核日志 / the review log",
        description="每次状态变化（报送、退回、验收、重新开放）和截止日期设置：何时、何人、从何到何、原因。\n"
        "Every state change and due date: when, who, from what to what, why.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="数据库文件 / database file")
    p.add_argument("--unit", metavar="CODE", help="只看这个单位 / only this unit")
    p.add_argument("--period", help="只看这个报告期 / only this period")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_review_log)

    p = sub.add_parser(
        "receipt",
        help="导出给某单位的回执 / export the receipt for a unit",
        description="把区里对该单位各期的审核决定（验收锁定、退回原因）、区里的更正、截止日期、现行目录和已验收的数值写入一个文件，"
        "发给该单位导入（xz receipt-import）。\n"
        "Write the district's decisions, corrections, due dates, catalog and accepted figures for one unit to a file.",
        formatter_class=R,
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district database")
    p.add_argument("--unit", required=True, metavar="CODE", help="单位代码 / the unit")
    p.add_argument("-o", "--output", type=Path, required=True, help="回执文件或文件夹 / file or folder")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_receipt)

    p = sub.add_parser(
        "receipt-import",
        help="导入区里的回执 / import the district's receipt",
        description="在本单位数据库中导入区里的回执：退回的报告期显示退回原因，已验收的报告期变为只读。\n"
        "Import the district's receipt: returned periods show the reasons, accepted ones become read-only.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="本单位数据库 / the unit's database")
    p.add_argument("file", type=Path, metavar="FILE", help="回执文件 / the receipt")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_receipt_import)

    p = sub.add_parser(
        "screen",
        help="离群筛查 / the outlier screen across units",
        description="某报告期各单位数值的离群筛查：每万名从业人员的稳健 z 分数（|z|>3.5 为可疑）和与上年相比的跳变。\n"
        "Robust z-score of per-10,000-employed values across units (|z| > 3.5 flagged) and jumps from last year.",
        formatter_class=R,
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district database")
    p.add_argument("--period", required=True, help="报告期 / period")
    p.add_argument("--all", action="store_true", help="列出全部数值，而不只是可疑的 / every figure, not only flagged")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_screen)


def cmd_due(args) -> int:
    from ..services.round.due import set_due

    with open_store(args.db) as store:
        new, previous = set_due(store, parse_period(args.period), args.date, args.author)
    if args.json:
        print_json({"period": new.period, "due": new.due, "previous": previous.due if previous else None})
    elif previous is not None and previous.due == new.due:
        print(f"{new.period} 的截止日期已是 {new.due}，未变。")
    else:
        was = f"（原为 {previous.due}）" if previous else ""
        print(f"{new.period} 的截止日期：{new.due}{was}")
    return 0


def _figures(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        code, sep, text = item.partition("=")
        if not sep or not code.strip():
            raise XzError(
                Message("cli", QT_TRANSLATE_NOOP("cli", "--figure 应写成 指标代码=原因，如 phd=请核实博士人数"))
            )
        out[code.strip()] = text
    return out


def cmd_review(args) -> int:
    from ..services.round.review import accept, reopen, return_period

    figures = _figures(args.figure)
    if figures and not args.return_:
        raise XzError(Message("cli", QT_TRANSLATE_NOOP("cli", "--figure 只用于 --return（退回）")))
    with open_store(args.db) as store:
        if args.accept:
            if args.reason:
                raise XzError(Message("cli", QT_TRANSLATE_NOOP("cli", "验收不需要 --reason")))
            result = accept(store, args.unit, parse_period(args.period), args.author)
        elif args.return_:
            result = return_period(store, args.unit, parse_period(args.period), args.reason or "", figures, args.author)
        else:
            result = reopen(store, args.unit, parse_period(args.period), args.reason or "", args.author)
        name = store.catalog().unit(result.unit).name
    if args.json:
        print_json(result.as_json())
        return 0
    before, after = state_label(State(result.from_state)), state_label(State(result.to_state))
    print(f"{name} {result.period}：{before} → {after}")
    if result.reason:
        print(f"  原因：{result.reason}")
    for code, text in result.figure_reasons.items():
        print(f"  {code}：{text}")
    return 0


def cmd_review_log(args) -> int:
    from ..services.round.review import review_log

    with open_store(args.db) as store:
        entries = review_log(store, args.unit, parse_period(args.period) if args.period else None)
        names = {u.code: u.name for u in store.catalog().units}
    if args.json:
        print_json(
            [
                {
                    "id": e.id,
                    "at": e.at,
                    "by": e.by,
                    "action": e.action,
                    "unit": e.unit or None,
                    "period": e.period,
                    "from": e.from_state or None,
                    "to": e.to_state or None,
                    "reason": e.reason,
                    "details": e.details,
                    "package_id": e.package_id,
                }
                for e in entries
            ]
        )
        return 0
    if not entries:
        print("审核日志为空。")
        return 0
    rows = []
    for e in entries:
        if e.action == "due":
            change = f"{e.details.get('from') or '（无）'} → {e.details.get('to')}"
        else:
            change = f"{state_label(State(e.from_state))} → {state_label(State(e.to_state))}"
        rows.append(
            [
                local_time(e.at),
                e.by,
                _ACTIONS.get(e.action, e.action),
                names.get(e.unit, e.unit) or "（全部单位）",
                e.period,
                change,
                e.reason[:40],
            ]
        )
    print(table(["时间", "操作人", "操作", "单位", "报告期", "变化", "原因"], rows))
    return 0


def cmd_receipt(args) -> int:
    from ..services.round.receipt import make_receipt

    with open_store(args.db) as store:
        made = make_receipt(store, args.unit, args.output)
    if args.json:
        print_json(made.as_json())
    else:
        print(
            f"已导出给 {made.unit} 的回执：{made.file}\n  审核决定 {made.decisions} 项，更正 {made.corrections} 个数值，"
            f"已验收数值 {made.accepted_values} 个，截止日期 {made.due_dates} 个，目录版本 {made.catalog_version}"
        )
    return 0


def cmd_receipt_import(args) -> int:
    from ..services.round.receipt import import_receipt

    with open_store(args.db) as store:
        result = import_receipt(store, args.file)
    if args.json:
        print_json(result.as_json())
        return 0
    print(f"已导入区里的回执：{result.changed} 个数值改为区里的数值，{result.agreed} 个原本一致。")
    if result.returned:
        print(f"  已退回：{'、'.join(result.returned)}（退回原因见 xz form --period …）")
    if result.accepted:
        print(f"  已验收（锁定）：{'、'.join(result.accepted)}")
    if result.catalog_changed:
        print(f"  已启用目录版本 {result.catalog_version}")
    return 0


def _num(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def cmd_screen(args) -> int:
    from ..services.round.screen import screen_period

    with open_store(args.db) as store:
        rows = screen_period(store, parse_period(args.period), flagged_only=not args.all)
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    if not rows:
        print(f"{args.period}：没有可疑的数值。")
        return 0
    out = []
    for r in rows:
        f = r.finding
        flags = "、".join(t for t, on in (("离群", f.outlier), ("跳变", f.jumped)) if on)
        out.append(
            [
                r.unit_name,
                r.indicator_name[:24],
                format_typed(f.value) + r.measure,
                _num(f.per_capita),
                _num(f.z, 2),
                "" if f.previous is None else format_typed(f.previous),
                "" if f.jump is None else f"{f.jump * 100:+.0f}%",
                flags,
            ]
        )
    print(table(["单位", "指标", "数值", "每万从业人员", "z", "上年", "变化", "提示"], out, right={2, 3, 4, 5, 6}))
    return 0
