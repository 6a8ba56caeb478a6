"""unit-add, unit-edit, threshold, catalog-history: the aggregating database changes its own catalog."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.timefmt import local_time
from .output import open_store, print_json, table, usage_error

if TYPE_CHECKING:
    from ..domain.catalog_edits import CatalogRevision

R = argparse.RawDescriptionHelpFormatter
_AFTER = (
    "每次修改生成新的目录版本并记录修改人、时间和改动（xz catalog-history）；用 xz catalog-export 把新目录发给各单位。\n"
    "Each change makes a new catalog version, recorded with who, when and what (xz catalog-history);\n"
    "send it to the units with xz catalog-export."
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "unit-add",
        help="汇总数据库：新增填报单位 / add a reporting unit",
        formatter_class=R,
        description="在区级（或市级、省级）汇总数据库中新增一个填报单位。\nAdd a reporting unit to an aggregating database.\n"
        + _AFTER,
    )
    p.add_argument("db", type=Path, metavar="DB", help="汇总数据库 / the aggregating database")
    p.add_argument(
        "--code", required=True, help="单位代码（小写字母、数字、下划线；市级、省级为六位行政区划代码） / code"
    )
    p.add_argument("--name", required=True, help="单位名称 / name")
    p.add_argument(
        "--kind",
        default="geographic",
        help="geographic（镇街，填报各镇街都报的指标，默认）或 sector（部门） / geographic (default) or sector",
    )
    p.add_argument("--type", default="", help="类型说明，如 town、subdistrict / a free label")
    p.add_argument("--contact", default="", help="联系人 / contact person")
    p.add_argument("--phone", default="", help="联系电话 / phone")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_unit_add)

    p = sub.add_parser(
        "unit-edit",
        help="汇总数据库：改名、停用、恢复单位，改联系人 / rename, retire, reactivate a unit",
        formatter_class=R,
        description="修改填报单位的名称、类型、联系人、电话；--retire 停用（不再计入报送情况，数值保留），"
        "--reactivate 恢复。单位代码和类别不能修改。\n"
        "Rename a unit, change its contact or phone, retire it (no longer expected; its figures are kept)\n"
        "or reactivate it. Its code and kind cannot change.\n" + _AFTER,
    )
    p.add_argument("db", type=Path, metavar="DB", help="汇总数据库 / the aggregating database")
    p.add_argument("code", metavar="CODE", help="单位代码（见 xz units） / the unit's code")
    p.add_argument("--name", help="新名称 / new name")
    p.add_argument("--type", help="类型说明 / a free label")
    p.add_argument("--contact", help="联系人（空字符串清除） / contact ('' clears)")
    p.add_argument("--phone", help="联系电话（空字符串清除） / phone ('' clears)")
    state = p.add_mutually_exclusive_group()
    state.add_argument("--retire", action="store_true", help="停用该单位 / retire the unit")
    state.add_argument("--reactivate", action="store_true", help="恢复已停用的单位 / reactivate it")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_unit_edit)

    p = sub.add_parser(
        "threshold",
        help="汇总数据库：修改指标的审核阈值 / edit an indicator's thresholds",
        formatter_class=R,
        description="修改指标的审核范围：最小值、最大值、常见范围、同比变化阈值（0.3 表示 30%）和备注，"
        "数值按填报计量单位（与 indicators.csv 相同）；空字符串清除该项。指标的代码、汇总方式和计量单位不能修改。\n"
        "Edit an indicator's bounds (entry measure, as indicators.csv; '' clears one) and note;\n"
        "its code, aggregation and measures cannot change.\n" + _AFTER,
    )
    p.add_argument("db", type=Path, metavar="DB", help="汇总数据库 / the aggregating database")
    p.add_argument("indicator", metavar="INDICATOR", help="指标代码（见 xz catalog） / the indicator's code")
    for flag, column, text in (
        ("--min", "min", "最小值 / minimum"),
        ("--max", "max", "最大值 / maximum"),
        ("--usual-min", "usual_min", "常见范围下限 / usual minimum"),
        ("--usual-max", "usual_max", "常见范围上限 / usual maximum"),
        ("--yoy", "yoy_threshold", "同比变化阈值，0.3 = 30%% / year-on-year change threshold"),
        ("--note", "note", "备注 / note"),
    ):
        p.add_argument(flag, dest=column, metavar="VALUE", help=text)
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_threshold)

    p = sub.add_parser(
        "catalog-history",
        help="目录的修改记录 / the catalog's change history",
        description="列出汇总数据库对自己目录的每次修改：版本、时间、修改人、改动（旧值 → 新值）。\n"
        "Every change the aggregating database made to its catalog: version, when, who, old → new.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="汇总数据库 / the aggregating database")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_catalog_history, read_only=True)


def _revision_json(r: CatalogRevision) -> dict[str, object]:
    return {
        "revision": r.revision,
        "version": r.version,
        "previous": r.previous,
        "changed_at": r.changed_at,
        "changed_by": r.changed_by,
        "changes": [
            {"subject": c.subject, "code": c.code, "field": c.field, "old": c.old, "new": c.new} for c in r.changes
        ],
    }


def _done(made: CatalogRevision | None, as_json: bool) -> int:
    if as_json:
        print_json(_revision_json(made) if made is not None else {"changes": []})
    elif made is None:
        print("没有改动，目录版本不变。")
    else:
        print(f"目录版本 {made.previous} → {made.version}：")
        for c in made.changes:
            print(f"  {c.code} {c.field}：{c.old or '（空）'} → {c.new or '（空）'}")
        print("用 xz catalog-export 把新目录发给各单位。")
    return 0


def cmd_unit_add(args: argparse.Namespace) -> int:
    from ..services.catalog_edit import add_unit

    with open_store(args.db) as store:
        made = add_unit(
            store,
            args.code,
            args.name,
            kind=args.kind,
            type=args.type,
            contact=args.contact,
            phone=args.phone,
        )
    return _done(made, args.json)


def cmd_unit_edit(args: argparse.Namespace) -> int:
    from ..services.catalog_edit import edit_unit

    fields: dict[str, object] = {
        k: getattr(args, k) for k in ("name", "type", "contact", "phone") if getattr(args, k) is not None
    }
    if args.retire or args.reactivate:
        fields["active"] = "1" if args.reactivate else "0"
    if not fields:
        return usage_error(args, "请至少给出一项修改 / give at least one change")
    with open_store(args.db) as store:
        made = edit_unit(store, args.code, fields)
    return _done(made, args.json)


def cmd_threshold(args: argparse.Namespace) -> int:
    from ..domain.catalog_rows import THRESHOLD_COLUMNS
    from ..services.catalog_edit import set_thresholds

    fields: dict[str, object] = {k: getattr(args, k) for k in THRESHOLD_COLUMNS if getattr(args, k) is not None}
    with open_store(args.db) as store:
        if not fields:  # nothing to change: show the thresholds in force
            ind = store.catalog().indicator(args.indicator)
            current = {k: getattr(ind, k) for k in THRESHOLD_COLUMNS}
            if args.json:
                print_json({"indicator": ind.code, **current})
            else:
                print(f"{ind.name}（{ind.code}，{ind.entry_measure}）")
                for k, v in current.items():
                    print(f"  {k}: {'' if v is None else v}")
            return 0
        made = set_thresholds(store, args.indicator, fields)
    return _done(made, args.json)


def cmd_catalog_history(args: argparse.Namespace) -> int:
    from ..services.catalog_edit import history

    with open_store(args.db, read_only=True) as store:
        revisions = history(store)
        current = store.catalog().version
    if args.json:
        print_json({"version": current, "revisions": [_revision_json(r) for r in revisions]})
        return 0
    print(f"现行目录版本 {current}")
    if not revisions:
        print("目录自建库以来没有修改过。")
        return 0
    rows = [
        [r.version, local_time(r.changed_at), r.changed_by, c.code, c.field, c.old, c.new]
        for r in revisions
        for c in r.changes
    ]
    print(table(["版本", "时间", "修改人", "单位/指标", "项目", "旧值", "新值"], rows))
    return 0
