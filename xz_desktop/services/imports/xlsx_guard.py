"""Looking inside an .xlsx before a native reader does: real sheet size, formulas without values, zip bombs.

python-calamine is native code: handed a sheet whose cells reach XFD1048576 it allocates the whole
range and the process dies (no exception to catch). So the package's XML is read here first, in
Python, in bounded chunks: the furthest cell actually present (not the ``<dimension>`` a file may
lie about), the number of cells, the uncompressed sizes, and every formula cell without a cached
value (Excel and WPS store the value they computed; without one, the cell would read as blank).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError

MAX_ROWS = 5000  # a form has about a hundred rows; a clerk's extra notes below it are fine
MAX_COLUMNS = 64
MAX_CELLS = 200_000
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_MEMBERS = 500
_CHUNK = 1 << 20
MAX_SHEET_XML = 32 * 1024 * 1024

_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="([0-9]{1,7})"')
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]+</(?:\w+:)?v>")
_REL2 = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')


@dataclass(frozen=True)
class SheetSize:
    name: str
    rows: int
    columns: int
    cells: int


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _letters(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _refuse(path: Path, template: str, **params: object) -> XzError:
    return XzError(Message("import", template, {"file": path.name, **params}))


def _sheet_names(book: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part name (xl/worksheets/sheet1.xml) → the sheet's name as the clerk sees it."""
    try:
        workbook = book.read("xl/workbook.xml")[: _CHUNK * 4]
        rels = book.read("xl/_rels/workbook.xml.rels")[: _CHUNK * 4]
    except KeyError:
        return {}
    targets = {i: t for i, t in _REL.findall(rels)} | {i: t for t, i in _REL2.findall(rels)}
    names: dict[str, str] = {}
    for name, rid in _SHEET.findall(workbook):
        target = targets.get(rid)
        if target is None:
            continue
        text = target.decode("utf-8", "replace")
        part = text.lstrip("/") if text.startswith("/") else posixpath.normpath(posixpath.join("xl", text))
        names[part] = name.decode("utf-8", "replace")
    return names


def check_workbook(path: Path, data: bytes) -> list[SheetSize]:
    """Refuse the workbook ``data`` (read from ``path``) a native reader must not be handed; each sheet's real size."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse(path, QT_TRANSLATE_NOOP("import", "{file} 不是 Excel 工作簿（.xlsx），或文件已损坏")) from None
    with book:
        members = book.infolist()
        if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNCOMPRESSED:
            raise _refuse(path, QT_TRANSLATE_NOOP("import", "{file} 解压后过大，不是本程序的填报模板"))
        names = _sheet_names(book)
        sizes = []
        for member in members:
            if not (member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")):
                continue
            sheet = names.get(member.filename, posixpath.basename(member.filename))
            sizes.append(_check_sheet(path, book, member, sheet))
        return sizes


def _check_sheet(path: Path, book: zipfile.ZipFile, member: zipfile.ZipInfo, sheet: str) -> SheetSize:
    try:
        with book.open(member) as fh:
            data = fh.read(MAX_SHEET_XML + 1)  # bounded whatever the zip header claims
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
        raise _refuse(path, QT_TRANSLATE_NOOP("import", "{file} 不是 Excel 工作簿（.xlsx），或文件已损坏")) from None
    if len(data) > MAX_SHEET_XML:
        raise _refuse(path, QT_TRANSLATE_NOOP("import", "{file} 的工作表“{sheet}”过大，不是填报模板"), sheet=sheet)
    rows = max((int(m.group(1)) for m in _ROW.finditer(data)), default=0)
    columns = cells = 0
    for m in _CELL.finditer(data):
        cells += 1
        ref = _REF.search(m.group(1))
        where = "?"
        if ref:
            col, row = _column_number(ref.group(1)), int(ref.group(2))
            columns, rows = max(columns, col), max(rows, row)
            where = f"{ref.group(1).decode()}{row}"
        inner = m.group(3) or b""
        if b"<f" in inner and not _VALUE.search(inner):
            raise _refuse(
                path,
                QT_TRANSLATE_NOOP(
                    "import",
                    "{file} 的工作表“{sheet}”中 {cell} 是公式，但没有保存计算结果（文件不是由 Excel/WPS 保存的？）。"
                    "请在 Excel 或 WPS 中打开、保存后再导入，或把公式改为数值",
                ),
                sheet=sheet,
                cell=where,
            )
    if cells > MAX_CELLS or rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP(
                "import",
                "{file} 的工作表“{sheet}”的内容延伸到 {cell}，远超填报模板的范围（最多 {rows} 行、{columns} 列）。"
                "请删除表格以外的内容后重试",
            ),
            sheet=sheet,
            cell=f"{_letters(max(columns, 1))}{max(rows, 1)}",
            rows=MAX_ROWS,
            columns=MAX_COLUMNS,
        )
    return SheetSize(sheet, rows, columns, cells)
