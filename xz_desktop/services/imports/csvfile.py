"""Reading a long-form CSV file (``unit,indicator,period,value[,explanation]``) into import rows."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ...domain.incoming import TooLarge, read_regular
from ...domain.limits import MAX_FILE_BYTES
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.raw_csv import EXPLANATION, EXPORT_ONLY_COLUMNS
from .base import CSV_COLUMNS, ImportRow, _problem

# A GBK/GB18030 decoder accepts almost any bytes, so a file in another encoding (Shift-JIS, Big5 …)
# "decodes" into rare characters. Text a Chinese office writes is nearly all in GB2312's common set.
MAX_RARE_SHARE = 0.2
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000-\uf8ff\ufffd]")


def _rare(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


def _decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), else GB18030 (what Excel on a Chinese Windows saves); refused otherwise."""
    refuse = XzError(
        Message(
            "import",
            QT_TRANSLATE_NOOP(
                "import",
                "无法识别 {path} 的文字编码（应为 UTF-8 或 GBK/GB18030）。请在 Excel 中“另存为 CSV UTF-8”后重试",
            ),
            {"path": path.name},
        )
    )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise refuse from None
        wide = [ch for ch in text if ord(ch) > 127 and not ch.isspace()]
        if wide and sum(map(_rare, wide)) > MAX_RARE_SHARE * len(wide):
            raise refuse from None
    if _CONTROL.search(text):
        raise refuse
    return text


def read_csv_rows(path: Path) -> list[ImportRow]:
    """Rows of a long-form CSV: ``unit,indicator,period,value[,explanation]``."""
    try:
        data = read_regular(path, MAX_FILE_BYTES)  # a pipe or device: refused, never read
    except TooLarge as exc:
        raise XzError(
            Message(
                "imports",
                QT_TRANSLATE_NOOP("imports", "{path} 太大（{size} MB），不是可导入的数据文件"),
                {"path": path.name, "size": exc.size // 2**20},
            )
        ) from None
    except OSError as exc:
        raise XzError(
            Message(
                "imports",
                QT_TRANSLATE_NOOP("imports", "无法读取 {path}：{reason}"),
                {"path": str(path), "reason": exc.strerror or exc},
            )
        ) from exc
    if b"\x00" in data[:4096]:
        raise XzError(Message("imports", QT_TRANSLATE_NOOP("imports", "{path} 不是 CSV 文本文件"), {"path": path.name}))
    fields = csv.reader(io.StringIO(_decode(data, path), newline=""))
    # Read as csv.DictReader reads it (which this replaced: a dict per row cost more than the rest of the
    # reading): the first row is the header, empty rows are skipped (but counted: rows are named as Excel
    # numbers them, a quoted field's line breaks inside its one row), a short row's
    # missing fields are blank, a long row's extra fields are refused below; a csv error names the line
    # the reader was on when its last row began.
    header = [h.strip().lower() for h in next(fields, [])]
    line_num = fields.line_num
    duplicated = sorted({h for h in header if header.count(h) > 1})
    unknown = [h for h in header if h not in (*CSV_COLUMNS, EXPLANATION, *EXPORT_ONLY_COLUMNS)]
    if duplicated or unknown:
        raise XzError(
            Message(
                "import",
                QT_TRANSLATE_NOOP(
                    "import", "{path} 的表头有{what}：{columns}（表头应为 unit,indicator,period,value[,explanation]）"
                ),
                {
                    "path": path.name,
                    "what": "重复的列" if duplicated else "无法识别的列",
                    "columns": ", ".join(duplicated or unknown)[:200],
                },
            )
        )
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        raise XzError(
            Message(
                "imports",
                QT_TRANSLATE_NOOP(
                    "imports", "{path} 缺少列：{columns}（表头应为 unit,indicator,period,value[,explanation]）"
                ),
                {"path": path.name, "columns": ", ".join(missing)},
            )
        )
    width = len(header)
    columns = [header.index(c) for c in CSV_COLUMNS]
    explained = header.index(EXPLANATION) if EXPLANATION in header else None
    rows: list[ImportRow] = []
    problems: list[Message] = []
    line = 1
    try:
        for record in fields:
            line_num = fields.line_num
            line += 1  # an empty line is a row too (Excel shows it as one): it counts, so 第 N 行 is Excel's row N
            if not record:
                continue
            count = len(record)
            if count == width:
                unit, indicator, period, value = (record[i].strip() for i in columns)
            else:
                unit, indicator, period, value = (record[i].strip() if i < count else "" for i in columns)
            if not (unit or indicator or period or value):
                continue
            if count > width:
                # Most often 1,200 typed without quotes: reading it as 1 would lose a figure silently.
                problems.append(
                    _problem(
                        f"第 {line} 行",
                        QT_TRANSLATE_NOOP("imports", '比表头多出 {n} 列（数字里的千分位逗号要放在引号中，如 "1,200"）'),
                        n=count - width,
                    )
                )
                continue
            explanation = record[explained].strip() if explained is not None and explained < count else None
            rows.append(ImportRow(f"第 {line} 行", unit, indicator, period, value, explanation))
    except csv.Error as exc:
        raise XzError(
            Message(
                "imports",
                QT_TRANSLATE_NOOP("imports", "{path} 第 {line} 行格式错误：{reason}"),
                {"path": path.name, "line": line_num, "reason": exc},
            )
        ) from exc
    if problems:
        raise XzError(
            Message(
                "imports",
                QT_TRANSLATE_NOOP("imports", "导入被拒绝，数据库未作任何修改。共 {count} 处问题："),
                {"count": len(problems)},
            ),
            details=problems,
        )
    return rows
