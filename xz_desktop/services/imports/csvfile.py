"""Reading a long-form CSV file (``unit,indicator,period,value[,explanation]``) into import rows."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ...domain.limits import MAX_FILE_BYTES
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from .base import CSV_COLUMNS, ImportRow, _problem

I = "import"


def _decode(data: bytes, path: Path) -> str:
    # Excel on a Chinese Windows saves “CSV” in GBK; a UTF-8 file may carry a BOM.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise XzError(
        Message(I, QT_TRANSLATE_NOOP(I, "无法识别 {path} 的文字编码（应为 UTF-8 或 GBK）"), {"path": path.name})
    )


def read_csv_rows(path: Path) -> list[ImportRow]:
    """Rows of a long-form CSV: ``unit,indicator,period,value[,explanation]``."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise XzError(
                Message(
                    I,
                    QT_TRANSLATE_NOOP(I, "{path} 太大（{size} MB），不是可导入的数据文件"),
                    {"path": path.name, "size": size // 2**20},
                )
            )
        data = path.read_bytes()
    except OSError as exc:
        raise XzError(
            Message(
                I, QT_TRANSLATE_NOOP(I, "无法读取 {path}：{reason}"), {"path": str(path), "reason": exc.strerror or exc}
            )
        ) from exc
    if b"\x00" in data[:4096]:
        raise XzError(Message(I, QT_TRANSLATE_NOOP(I, "{path} 不是 CSV 文本文件"), {"path": path.name}))
    reader = csv.DictReader(io.StringIO(_decode(data, path), newline=""))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        raise XzError(
            Message(
                I,
                QT_TRANSLATE_NOOP(I, "{path} 缺少列：{columns}（表头应为 unit,indicator,period,value[,explanation]）"),
                {"path": path.name, "columns": ", ".join(missing)},
            )
        )
    reader.fieldnames = header
    rows, problems = [], []
    try:
        for line, record in enumerate(reader, start=2):
            get = lambda k, record=record: (record.get(k) or "").strip()  # bound: no late binding
            if not any(get(k) for k in CSV_COLUMNS):
                continue
            extra = record.get(None) or []
            if extra:
                # Most often 1,200 typed without quotes: reading it as 1 would lose a figure silently.
                problems.append(
                    _problem(
                        f"第 {line} 行",
                        QT_TRANSLATE_NOOP(I, '比表头多出 {n} 列（数字里的千分位逗号要放在引号中，如 "1,200"）'),
                        n=len(extra),
                    )
                )
                continue
            explanation = record.get("explanation") if "explanation" in header else None
            rows.append(
                ImportRow(
                    f"第 {line} 行",
                    get("unit"),
                    get("indicator"),
                    get("period"),
                    get("value"),
                    None if explanation is None else explanation.strip(),
                )
            )
    except csv.Error as exc:
        raise XzError(
            Message(
                I,
                QT_TRANSLATE_NOOP(I, "{path} 第 {line} 行格式错误：{reason}"),
                {"path": path.name, "line": reader.line_num, "reason": exc},
            )
        ) from exc
    if problems:
        raise XzError(
            Message(
                I, QT_TRANSLATE_NOOP(I, "导入被拒绝，数据库未作任何修改。共 {count} 处问题："), {"count": len(problems)}
            ),
            details=problems,
        )
    return rows
