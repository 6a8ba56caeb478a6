"""Reading a filled Excel form (``excel_template``) back into :class:`ImportRow` objects.

The workbook is read with python-calamine (about ten times faster than openpyxl). What
the hidden sheet says (unit, period, version, which codes the form holds) is checked
first; then every row is taken by its hidden code, wherever it now stands, and each
problem is named by its cell (G7) so the clerk finds it. The rows then go through
``importing.apply_rows``: the same checks as typing, all or nothing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from ...domain.incoming import TooLarge, read_regular
from ...domain.limits import MAX_FILE_BYTES
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.periods import Period, parse_period
from ...store import Store
from ..excel.template import (
    COL_CODE,
    COL_NAME,
    COL_NOTE,
    COL_VALUE,
    FIRST_ROW,
    META_FIRST_LAYOUT_ROW,
    SHEET_FORM,
    SHEET_META,
    TEMPLATE_FORMAT,
    TEMPLATE_VERSION,
)
from ..progress import SILENT, Progress
from .base import ImportRow, apply_rows
from .xlsx_guard import check_workbook

_COL = {letter: ord(letter) - ord("A") for letter in (COL_CODE, COL_NAME, COL_VALUE, COL_NOTE)}


@dataclass
class TemplateRows:
    """What a filled form holds: whose, for when, and its figures as import rows."""

    unit: str
    unit_name: str
    period: Period
    version: int
    rows: list[ImportRow] = field(default_factory=list)
    problems: list[Message] = field(default_factory=list)


def _refuse(path: Path, template: str, **params) -> XzError:
    return XzError(Message("imports", template, {"file": path.name, **params}))


def _open(path: Path) -> CalamineWorkbook:
    try:
        # Read once, the type from the open handle (a pipe is refused, never waited on): the checks and
        # the native reader see exactly these bytes, whatever happens to the file meanwhile.
        data = read_regular(path, MAX_FILE_BYTES)
    except TooLarge:
        raise _refuse(path, QT_TRANSLATE_NOOP("imports", "{file} 太大，不是本程序的填报模板")) from None
    except OSError as exc:
        raise _refuse(
            path, QT_TRANSLATE_NOOP("imports", "无法读取 {file}：{reason}"), reason=exc.strerror or exc
        ) from exc
    magic = data[:8]
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP(
                "imports",
                "{file} 是旧版 .xls 格式：请用本程序生成的 .xlsx 模板填报（或在 Excel 中另存为 .xlsx 后重试）",
            ),
        )
    if not magic.startswith(b"PK"):
        raise _refuse(path, QT_TRANSLATE_NOOP("import", "{file} 不是 Excel 工作簿（.xlsx），或文件已损坏"))
    check_workbook(path, data)  # the native reader is handed only a workbook of a form's size
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own error types for every kind of broken zip or XML
        raise _refuse(path, QT_TRANSLATE_NOOP("imports", "{file} 不是 Excel 工作簿（.xlsx），或文件已损坏")) from exc


def _rows(book: CalamineWorkbook, name: str) -> list[list[Any]]:
    # skip_empty_area=False: row and column indexes count from A1, as the clerk sees them.
    return book.get_sheet_by_name(name).to_python(skip_empty_area=False)


def _cell(rows: list[list[Any]], r: int, col: str) -> Any:
    """The value at 1-based row ``r`` and column letter ``col``; "" where nothing is."""
    i, j = r - 1, _COL[col]
    if i < len(rows) and j < len(rows[i]):
        return rows[i][j]
    return ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _meta(path: Path, book: CalamineWorkbook) -> tuple[dict[str, Any], list[tuple[int, str, str]]]:
    names = book.sheet_names
    if SHEET_META not in names or SHEET_FORM not in names:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP(
                "imports", "{file} 不是本程序生成的填报模板（缺少模板信息）；请先用“生成 Excel 填报模板”生成模板再填写"
            ),
        )
    rows = _rows(book, SHEET_META)
    meta = {_text(r[0]): (r[1] if len(r) > 1 else "") for r in rows[: META_FIRST_LAYOUT_ROW - 2] if r and _text(r[0])}
    layout = []
    for r in rows[META_FIRST_LAYOUT_ROW - 1 :]:
        if len(r) >= 3 and _text(r[1]):
            try:
                layout.append((int(float(r[0])), _text(r[1]), _text(r[2])))
            except (TypeError, ValueError):
                continue
    if _text(meta.get("format")) != TEMPLATE_FORMAT:
        raise _refuse(path, QT_TRANSLATE_NOOP("imports", "{file} 不是本程序生成的填报模板（模板信息不符）"))
    return meta, layout


def read_template(store: Store, path: str | Path, *, period: Period | None = None) -> TemplateRows:
    """The figures of a filled form, refused as a whole if it is not a form this database may take."""
    path = Path(path)
    book = _open(path)
    try:
        meta, layout = _meta(path, book)
        form = _rows(book, SHEET_FORM)
    finally:
        book.close()
    try:
        version = int(float(meta.get("template_version") or 0))
    except (TypeError, ValueError):
        version = 0
    if version < TEMPLATE_VERSION:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP(
                "imports",
                "{file} 是旧版模板（第 {found} 版，现为第 {current} 版）：请重新生成模板，把数值抄入新模板后再导入",
            ),
            found=version,
            current=TEMPLATE_VERSION,
        )
    if version > TEMPLATE_VERSION:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("imports", "{file} 由更新版本的程序生成（模板第 {found} 版）：请升级本程序后再导入"),
            found=version,
        )
    catalog = store.catalog()
    unit = _text(meta.get("unit"))
    unit_name = _text(meta.get("unit_name")) or unit
    if not catalog.has_unit(unit):
        raise _refuse(
            path, QT_TRANSLATE_NOOP("imports", "{file} 是“{name}”的模板，本数据库中没有这个填报单位"), name=unit_name
        )
    if not store.is_district and unit != store.unit_code:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("imports", "{file} 是“{theirs}”的填报模板，不能导入“{ours}”的数据库"),
            theirs=catalog.unit(unit).name,
            ours=store.describe(),
        )
    try:
        found_period = parse_period(_text(meta.get("period")))  # the file's text, read once
    except XzError as exc:
        raise _refuse(path, QT_TRANSLATE_NOOP("imports", "{file} 的报告期无效：{reason}"), reason=str(exc)) from exc
    if period is not None and found_period != period:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP(
                "imports",
                "{file} 是 {found} 年的填报模板，不是 {expected} 年的：请核对报告期，或生成 {expected} 年的模板",
            ),
            found=str(found_period),
            expected=str(period),
        )
    result = TemplateRows(unit, catalog.unit(unit).name, found_period, version)
    _read_rows(result, form, layout)
    return result


def _read_rows(result: TemplateRows, form: list[list[Any]], layout: list[tuple[int, str, str]]) -> None:
    expected = {code: (row, name) for row, code, name in layout}
    seen: dict[str, int] = {}
    problems = result.problems

    def problem(template: str, **params) -> None:
        problems.append(Message("imports", template, params))

    for r in range(FIRST_ROW, len(form) + 1):
        code = _text(_cell(form, r, COL_CODE))
        value = _cell(form, r, COL_VALUE)
        note = _text(_cell(form, r, COL_NOTE))
        if not code:
            if _text(value) or note:
                problem(
                    QT_TRANSLATE_NOOP(
                        "imports", "{cell}：这一行不是模板原有的指标行（新增或粘贴的行？），无法确定是哪项指标"
                    ),
                    cell=f"{COL_VALUE if _text(value) else COL_NOTE}{r}",
                )
            continue
        if code not in expected:
            problem(
                QT_TRANSLATE_NOOP("imports", "第 {row} 行：模板中没有指标代码“{code}”（从其他模板粘贴的行？）"),
                row=r,
                code=code[:40],
            )
            continue
        if code in seen:
            problem(
                QT_TRANSLATE_NOOP("imports", "第 {row} 行与第 {other} 行是同一项指标“{name}”（复制的行？）"),
                row=r,
                other=seen[code],
                name=expected[code][1],
            )
            continue
        seen[code] = r
        name = _text(_cell(form, r, COL_NAME))
        if name != expected[code][1]:
            # Labels no longer match the hidden code: cells were moved within the row block.
            problem(
                QT_TRANSLATE_NOOP(
                    "imports", "{cell}：指标名称“{found}”与本行的指标“{name}”不符（单元格被移动或改写？），请使用新模板"
                ),
                cell=f"{COL_NAME}{r}",
                found=name[:40],
                name=expected[code][1],
            )
            continue
        if isinstance(value, (datetime, date, time, timedelta)):
            problem(
                QT_TRANSLATE_NOOP("imports", "{cell}：“{name}”填成了日期或时间，应为数字"),
                cell=f"{COL_VALUE}{r}",
                name=expected[code][1],
            )
            continue
        if isinstance(value, str):
            value = value.strip() or None
        elif value == "":
            value = None
        result.rows.append(ImportRow(f"{COL_VALUE}{r}", result.unit, code, str(result.period), value, note or None))
    for code, (row, name) in expected.items():
        if code not in seen:
            problem(
                QT_TRANSLATE_NOOP(
                    "imports", "缺少“{name}”一行（原第 {row} 行，被删除了？）：请使用新模板，或恢复这一行"
                ),
                name=name,
                row=row,
            )


def import_template(
    store: Store,
    path: str | Path,
    author: str | None = None,
    *,
    dry_run: bool = False,
    period: Period | None = None,
    progress: Progress = SILENT,
):
    """Import a filled form: every problem of the file and of its figures at once, or all its figures."""
    path = Path(path)
    data = read_template(store, path, period=period)
    if data.problems:
        problems: list[Message | str] = list(data.problems)
        try:
            apply_rows(store, data.rows, author, dry_run=True)
        except XzError as exc:
            problems.extend(exc.details)
        raise XzError(
            Message(
                "imports",
                QT_TRANSLATE_NOOP("imports", "导入被拒绝，数据库未作任何修改。{file} 共 {count} 处问题："),
                {"file": path.name, "count": len(problems)},
            ),
            details=problems,
        )
    return apply_rows(store, data.rows, author, dry_run=dry_run, progress=progress)
