"""enrol (the district makes a unit's key and enrolment file); keys (who holds which key)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .output import open_store, print_json, table

R = argparse.RawDescriptionHelpFormatter


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "enrol",
        help="为填报单位登记、发放签名密钥 / enrol a unit: make its signing key",
        formatter_class=R,
        description="在区级汇总数据库中为一个填报单位生成签名密钥，并写出登记文件（含该单位的密钥、区里的公钥和现行目录）。\n"
        "把登记文件交给该单位，用 xz init 单位数据库 --enrolment 登记文件 建立该单位的数据库；此后它的上报包都带签名。\n"
        "--rekey：该单位电脑丢失或更换时重新发放密钥，旧密钥签名的上报包此后一律拒绝。\n"
        "Make a unit's Ed25519 key and an enrolment file (its key, the district's public key, the catalog);\n"
        "--rekey replaces the unit's key, after which packages signed with the old key are refused.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district database")
    p.add_argument("--unit", required=True, metavar="CODE", help="单位代码（见 xz units） / the unit")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="登记文件或文件夹 / file or folder")
    p.add_argument("--rekey", action="store_true", help="重新发放密钥（作废旧密钥） / replace the unit's key")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_enrol)

    p = sub.add_parser(
        "keys",
        help="签名密钥一览 / the signing keys this copy holds",
        description="列出本数据库持有的签名密钥：本机的密钥，以及信任的公钥（区里：各单位；单位：区里），含作废的。\n"
        "List the keys this copy holds: its own, and the public keys it trusts, revoked ones included.",
    )
    p.add_argument("db", type=Path, metavar="DB", help="数据库文件 / database file")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_keys, read_only=True)


def cmd_enrol(args) -> int:
    from ..services.signing.enrolment import enrol

    with open_store(args.db) as store:
        made = enrol(store, args.unit, args.output, rekey=args.rekey)
    if args.json:
        print_json(made.as_json())
        return 0
    verb = "已为" if not made.rekeyed else "已重新发放密钥："
    print(f"{verb}{made.unit_name}（{made.unit}）登记，登记文件：{made.file}")
    print(f"  单位密钥 {made.key_id}；区里密钥 {made.district_key_id}（单位导入时会显示，请电话核对）")
    if made.revoked:
        print(f"  旧密钥 {'、'.join(made.revoked)} 已作废：用它签名的上报包此后一律拒绝")
    print("  登记文件含该单位的私钥：请当面或用加密 U 盘交给该单位，导入后删除。")
    return 0


def cmd_keys(args) -> int:
    from ..services.signing.keys_report import key_rows

    with open_store(args.db, read_only=True) as store:
        rows = key_rows(store)
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    print(
        table(
            ["密钥", "属于", "本机私钥", "生成时间", "状态"],
            [
                [r.key_id, r.owner_name, "有" if r.own else "", r.created_at[:19].replace("T", " "), r.state]
                for r in rows
            ],
        )
    )
    return 0
