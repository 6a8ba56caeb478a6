"""form, set, history, print: the 填报 window's operations without a window."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..domain.numbers import format_typed
from ..domain.periods import parse_period
from ..domain.timefmt import local_time
from .output import open_store, print_json, table

if TYPE_CHECKING:
    from ..store import Store

_WHO = "填报单位代码（单位数据库可省略，默认本单位） / unit code (default: the database's own unit)"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "form",
        help="显示某单位某期的填报表及审核 / show a unit's form for a period",
        description="显示某单位某报告期的填报表：上期值、本期值、审核状态、说明和汇总行（与窗口“填报”页相同）。\n"
        "A unit's form for a period, as the window shows it: last period, this period, check status, explanation, summary.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common(p)
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_form)

    p = sub.add_parser(
        "set",
        help="填写或修改一个数值及说明 / write one figure and/or its explanation",
        description="填写一个数值（可用全角数字、千分位；空字符串表示清空为未填），或只写说明。每次写入单独成一个事务并留下修改记录。\n"
        'Write one figure (full-width digits and thousands separators accepted; "" blanks it) and/or its explanation.',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common(p)
    p.add_argument("indicator", metavar="INDICATOR", help="指标代码（见 xz catalog） / indicator code")
    p.add_argument(
        "value",
        metavar="VALUE",
        nargs="?",
        help="数值；省略则只改说明 / the figure; omit to change only the explanation",
    )
    p.add_argument("--explanation", "-e", help="说明 / explanation")
    p.add_argument("--author", help="记录为修改人（默认数据库的填报人） / recorded as the author")
    p.set_defaults(func=cmd_set)

    p = sub.add_parser(
        "history",
        help="一个数值的修改记录 / the change history of one figure",
        description="一个数值的全部修改：时间、修改人、原值、新值、说明、来源。\nEvery change of one figure.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common(p)
    p.add_argument("indicator", metavar="INDICATOR", help="指标代码 / indicator code")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser(
        "print",
        help="把填报表输出为 A4 PDF / write the form as an A4 PDF",
        description="输出供签字盖章的 A4 填报表 PDF（与窗口“打印”相同）。\nThe form as an A4 PDF for signature and stamp, as the window prints it.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common(p)
    p.add_argument("--output", "-o", type=Path, required=True, metavar="PDF", help="输出文件 / output file")
    p.set_defaults(func=cmd_print)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("db", type=Path, metavar="DB", help="数据库文件 / database file")
    p.add_argument("--unit", help=_WHO)
    p.add_argument("--period", required=True, help="报告期，如 2024 或 2024H1 / period, e.g. 2024 or 2024H1")


def _unit(store: Store, code: str | None) -> str:
    if code:
        store.catalog().unit(code)
        return code
    if store.unit_code:
        return store.unit_code
    raise XzError(Message("cli", QT_TRANSLATE_NOOP("cli", "区级数据库请用 --unit 指定填报单位（见 xz units）")))


def cmd_form(args) -> int:
    from ..services import form as service
    from ..services.plan.progress import unit_progress_rows

    with open_store(args.db, read_only=True) as store:
        form = service.load_form(store, _unit(store, args.unit), parse_period(args.period))
        targets = [r.as_json() for r in unit_progress_rows(store, str(form.period), form.unit.code)]
        target_year = store.catalog_for(form.period).plan.target_year
    s = form.summary
    if args.json:
        print_json(
            {
                "unit": form.unit.code,
                "unit_name": form.unit.name,
                "period": str(form.period),
                "previous_period": str(form.previous_period),
                "rows": [
                    {
                        "code": r.code,
                        "name": r.indicator.name,
                        "category": r.group,
                        "measure": r.measure,
                        "previous": r.previous,
                        "value": r.value,
                        "status": r.status.value,
                        "explanation": r.explanation,
                        "editable": r.editable,
                        "findings": [f.text() for f in r.findings],
                        "return_reason": r.return_reason or None,
                    }
                    for r in form.rows
                ],
                "due": form.due,
                "state": form.review.state if form.review else None,
                "locked": form.locked,
                "review": form.review.as_json() if form.review else None,
                "targets": targets,
                "summary": {
                    "filled": s.filled,
                    "missing": s.missing,
                    "errors": s.errors,
                    "warnings": s.warnings,
                    "unexplained": s.unexplained,
                },
            }
        )
        return 0
    print(f"{form.unit.name} {service.period_label(form.period)}" + (f"（截止日期 {form.due}）" if form.due else ""))
    if form.locked and form.review:
        print(
            f"本期已由区里验收并锁定（{form.review.decided_by}，{local_time(form.review.decided_at, seconds=False)}），只读。"
        )
    elif form.returned and form.review:
        print(f"本期已被区里退回：{form.review.reason}")
        for code, text in form.review.figure_reasons.items():
            row = form.row(code)
            print(f"  {row.indicator.name if row else code}：{text}")
    rows = []
    for group, members in form.groups():
        rows.append([f"【{group}】", "", "", "", "", ""])
        for r in members:
            rows.append(
                [
                    r.indicator.name[:26],
                    r.measure,
                    r.shown(r.previous),
                    r.shown(r.value),
                    str(service.status_label(r.status)),
                    r.explanation[:30],
                ]
            )
    print(
        table(
            ["指标", "单位", f"上期 {form.previous_period}", f"本期 {form.period}", "审核", "说明"], rows, right={2, 3}
        )
    )
    for finding in form.findings:
        kind = "错误" if finding.severity.value == "error" else ("提示（已说明）" if finding.explained else "提示")
        print(f"{kind}：{finding.text()}")
    print(
        f"已填 {s.filled} 项，未填 {s.missing} 项；错误 {s.errors} 个；提示 {s.warnings} 条（未说明 {s.unexplained} 条）"
    )
    from ..domain.verdicts import label

    for t in targets:
        done = "" if t["completion"] is None else f"，完成率 {t['completion']:.1%}"
        print(f"本单位目标：{t['indicator']} {target_year} 年 {t['target']:g}{done}，{label(t['verdict'])}")
    return 0


def cmd_set(args) -> int:
    from ..services import form as service

    if args.value is None and args.explanation is None:
        raise XzError(Message("cli", QT_TRANSLATE_NOOP("cli", "请给出数值，或用 --explanation 给出说明")))
    with open_store(args.db) as store:
        unit = _unit(store, args.unit)
        period = parse_period(args.period)
        # Value and explanation together in one transaction: both land, or neither.
        with store.transaction():
            written = []
            if args.value is not None:
                written.append(service.set_value(store, unit, args.indicator, period, args.value, args.author))
            if args.explanation is not None:
                written.append(
                    service.set_explanation(store, unit, args.indicator, period, args.explanation, args.author)
                )
        name = store.catalog_for(period).indicator(args.indicator).name
        form = service.load_form(store, unit, period)
    row = form.row(args.indicator)
    if not any(written):
        print(f"{name}：未变")
    else:
        shown = "（未填）" if row is None or row.value is None else row.shown(row.value) + row.measure
        print(f"已保存 {form.unit.name} {form.period} {name} = {shown}")
    for finding in row.findings if row else ():
        kind = "错误" if finding.severity.value == "error" else ("提示（已说明）" if finding.explained else "提示")
        print(f"{kind}：{finding.text()}")
    return 0


def cmd_history(args) -> int:
    from ..services import form as service

    with open_store(args.db, read_only=True) as store:
        unit = _unit(store, args.unit)
        store.catalog_for(args.period).indicator(args.indicator)
        entries = service.value_history(store, unit, args.indicator, parse_period(args.period))
    if args.json:
        print_json([e.__dict__ for e in entries])
        return 0
    actions = {"insert": "新填", "update": "修改", "delete": "删除", "undo": "撤销", "redo": "重做"}
    print(
        table(
            ["时间", "操作", "原值", "新值", "说明", "修改人", "来源"],
            [
                [
                    local_time(e.changed_at),
                    actions.get(service.edit_kind(e), e.action),
                    format_typed(e.old_value),
                    format_typed(e.new_value),
                    e.new_explanation or "",
                    e.changed_by,
                    e.source,
                ]
                for e in entries
            ],
            right={2, 3},
        )
    )
    if not entries:
        print("（这个数值还没有填写或修改过）")
    return 0


def cmd_print(args) -> int:
    # Drawing needs Qt; imported here so the rest of the command line runs without it.
    from ..printout.form import write_pdf
    from ..services import form as service

    with open_store(args.db, read_only=True) as store:
        form = service.load_form(store, _unit(store, args.unit), parse_period(args.period))
        author = store.author
    path = write_pdf(form, args.output, author)
    print(f"已输出 {path}")
    return 0
