"""export (Excel workbook or CSV) and template (the Excel form a clerk fills)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .output import open_store, print_json


class _StderrProgress:
    """One updating line on a terminal; silent in a pipe."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()

    def step(self, done: int, total: int, text: str = "") -> None:
        if self.tty and total:
            print(f"\r{done * 100 // total:3d}%  {text}\033[K", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.tty:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="导出区级汇总 Excel 工作簿或 CSV / export the district workbook (or CSV)",
        description="导出区级汇总：表2主要指标、其他规划目标、其他指标、进度图、分单位数据（每年一表）、报送情况、原始数据。\n"
        "文件名以 .json 或 .csv 结尾时导出开放交换格式（见 docs/exchange.md）：每个数值的单位代码、指标代码、\n"
        "ISO 报告期、数值、完整性和来源；加 --raw 时 .csv 只导出原始数据（UTF-8 带 BOM，可再用 xz import 导入）。\n"
        "Export the district workbook: 表2 against the plan, other targets, charts, units × indicators per year,\n"
        "completeness and every raw figure. A .json or .csv name writes the open exchange format (docs/exchange.md);\n"
        "with --raw a .csv name exports the raw figures only (UTF-8 with BOM, importable with xz import).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("db", type=Path, metavar="DB", help="区级汇总数据库 / the district database")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="导出文件（.xlsx、.json 或 .csv），写完整后才替换同名旧文件 / output file, replaced only once complete",
    )
    p.add_argument(
        "--period",
        help="报告期，如 2024 或 2024H1（默认：有数据的最近年份） / period (default: the latest year with figures)",
    )
    p.add_argument(
        "--raw",
        action="store_true",
        help="与 .csv 一起用：导出可再导入的原始数据而非交换格式 / with .csv: the raw figures, not the exchange format",
    )
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.add_argument(
        "--carry-forward",
        action="store_true",
        help="沿用上期：缺报单位的存量指标沿用其最近一期数值，结果标“估” / "
        "use a missing unit's latest earlier stock figure, marked as an estimate",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "template",
        help="生成 Excel 填报模板 / write the Excel form of a unit",
        description="为一个填报单位和报告期生成 Excel 填报模板（已有数值会预先填入）。填好后用 xz import 导入。\n"
        "Write the Excel form of one unit and period (stored figures prefilled); import it back with xz import.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("db", type=Path, metavar="DB", help="数据库文件 / database file")
    p.add_argument(
        "--unit",
        metavar="CODE",
        help="填报单位代码（见 xz units；单位数据库可省略） / unit code (optional in a unit's database)",
    )
    p.add_argument("--period", required=True, help="报告期，如 2024 / period, e.g. 2024")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx", help="模板文件 / the form to write")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(func=cmd_template)


def cmd_export(args) -> int:
    from ..services.excel.csv_file import export_csv
    from ..services.excel.export import export_workbook
    from ..services.exchange import export_exchange

    progress = _StderrProgress()
    try:
        with open_store(args.db, read_only=True) as store:
            suffix = args.output.suffix.lower()
            if suffix in (".json", ".csv") and not args.raw:
                made = export_exchange(store, args.output, progress)
                data = made.as_json()
                text = f"已导出交换格式 {made.path}：{made.figures:,} 个单位数值，{made.totals:,} 个汇总值。"
            elif suffix == ".csv":
                raw = export_csv(store, args.output, progress)
                data = {"path": str(raw.path), "format": "csv", "rows": raw.rows}
                text = f"已导出 {raw.path}：原始数据 {raw.rows:,} 行（UTF-8 带 BOM）。"
            else:
                result = export_workbook(store, args.output, args.period, progress, carry_forward=args.carry_forward)
                data = {
                    "path": str(result.path),
                    "format": "xlsx",
                    "period": result.period,
                    "sheets": result.sheets,
                    "raw_rows": result.raw_rows,
                }
                text = (
                    f"已导出 {result.path}：报告期 {result.period}，{len(result.sheets)} 个工作表"
                    f"（{'、'.join(result.sheets)}），原始数据 {result.raw_rows:,} 行。"
                )
    finally:
        progress.close()
    if args.json:
        print_json(data)
    else:
        print(text)
    return 0


def cmd_template(args) -> int:
    from ..services.excel.template import write_template

    with open_store(args.db, read_only=True) as store:
        info = write_template(store, args.unit, args.period, args.output)
    if args.json:
        print_json(
            {
                "path": str(info.path),
                "unit": info.unit,
                "unit_name": info.unit_name,
                "period": info.period,
                "indicators": info.indicators,
                "prefilled": info.prefilled,
            }
        )
    else:
        print(
            f"已生成 {info.unit_name} {info.period} 年填报模板 {info.path}：{info.indicators} 项指标，已预填 {info.prefilled} 项。"
        )
    return 0
