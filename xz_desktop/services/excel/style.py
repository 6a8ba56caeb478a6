"""How our workbooks look and how a row gets into them safely.

One place decides fonts, borders, number formats and print setup, so every sheet reads
as one report. Text always goes in as text: openpyxl turns a string that starts with
``=`` into a formula, and a figure's 说明 is typed by whoever filled the form, so a
hostile ``=HYPERLINK(…)`` must reach the reader as the characters typed, nothing more.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

BODY_FONT = "宋体"  # declared by name: Excel and WPS map it on every Chinese Windows
TITLE_FONT = "黑体"
MAX_CELL_TEXT = 32767  # Excel's limit; a longer string makes the file unreadable
# Characters XML 1.0 forbids (openpyxl refuses them): pasted text sometimes carries them.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
RISKY_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
_WRITE_ONLY = WriteOnlyWorksheet
_PLAIN_NUMBER = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$")

GOOD_FILL = "E2EFDA"  # 达到进度: green, with the words beside it
BAD_FILL = "FCE4D6"  # 落后进度: red-orange, with the words beside it
NA_FILL = "EDEDED"  # not reported by this unit
HEADER_FILL = "DDEBF7"
INPUT_FILL = "FFF2CC"  # cells a clerk fills in a template

_thin = Side(style="thin", color="808080")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
MAX_DECIMALS = 4


def number_format(decimals: int) -> str:
    """``#,##0`` with ``decimals`` places."""
    decimals = max(0, min(int(decimals), MAX_DECIMALS))
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _named(
    name: str,
    *,
    size: float = 10.5,
    bold: bool = False,
    font: str = BODY_FONT,
    horizontal: str = "left",
    wrap: bool = True,
    border: bool = True,
    fill: str | None = None,
    fmt: str = "General",
) -> NamedStyle:
    style = NamedStyle(name=name)
    style.font = Font(name=font, size=size, bold=bold)
    style.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=wrap)
    if border:
        style.border = BORDER
    if fill:
        style.fill = PatternFill("solid", start_color=fill, end_color=fill)
    style.number_format = fmt
    return style


def register_styles(wb: Workbook) -> None:
    """Add the named styles every sheet uses (``xz_title``, ``xz_header``, ``xz_num2`` …)."""
    styles = [
        _named("xz_title", size=16, font=TITLE_FONT, horizontal="center", border=False, wrap=False),
        _named("xz_subtitle", size=10.5, border=False, wrap=False),
        _named("xz_header", bold=True, horizontal="center", fill=HEADER_FILL),
        _named("xz_group", bold=True, horizontal="center"),
        _named("xz_text"),
        _named("xz_code", size=9, wrap=False),
        _named("xz_center", horizontal="center"),
        _named("xz_note", size=9, border=False, wrap=True),
        _named("xz_good", horizontal="center", fill=GOOD_FILL),
        _named("xz_bad", horizontal="center", fill=BAD_FILL),
        _named("xz_na", fill=NA_FILL),
        _named("xz_pct", horizontal="right", fmt="0.0%"),
        _named("xz_date", horizontal="center", fmt="yyyy-mm-dd hh:mm"),
        _named("xz_input", fill=INPUT_FILL, horizontal="right"),
        _named("xz_input_text", fill=INPUT_FILL),
    ]
    styles += [_named(f"xz_num{d}", horizontal="right", fmt=number_format(d)) for d in range(MAX_DECIMALS + 1)]
    for style in styles:
        wb.add_named_style(style)


def num_style(decimals: int) -> str:
    return f"xz_num{max(0, min(int(decimals), MAX_DECIMALS))}"


def clean_text(text: str) -> str:
    """``text`` without characters a workbook cannot hold, within Excel's cell limit."""
    text = _ILLEGAL.sub("", text)
    return text[:MAX_CELL_TEXT]


def safe_number(value: Any) -> float | int | None:
    """A finite number, or None (NaN and infinities would make Excel repair the file)."""
    if value is None or isinstance(value, bool):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _style_array(ws, name: str):
    """The style array of the named style ``name`` in ``ws``'s workbook, looked up once per workbook.

    Setting ``cell.style = name`` searches the workbook's named styles on every cell; the
    units × indicators sheets have a million styled cells at province scale.
    """
    wb = ws.parent
    try:
        return wb._xz_style_arrays[name]
    except AttributeError:
        wb._xz_style_arrays = {}
    except KeyError:
        pass
    probe = WriteOnlyCell(ws)
    probe.style = name
    array = wb._xz_style_arrays[name] = probe._style
    return array


def cell(ws, value: Any, style: str | None = None) -> Cell:
    """A styled write-only cell; a string is always stored as a string, never a formula (see :func:`inert`).

    The cells of one style share its style array (nothing changes a cell's style once made: openpyxl only
    reads it when it writes the cell), and a number is stored as the value setter would store it, without it.
    """
    c = Cell(ws, 1, 1)
    if isinstance(value, str):
        c._value = clean_text(value)  # cleaned: nothing left for the value setter to check
        c.data_type = "s"  # typed as text: the same guarantee inert() gives, for every styled cell
    elif value is not None:
        if hasattr(value, "year"):
            c.value = value  # a date or time: the setter types it
        else:
            c._value = value if type(value) is float and math.isfinite(value) else safe_number(value)  # type "n"
    if style:
        c._style = _style_array(ws, style)
    return c


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula (or a DDE command) rather than as text."""
    if _PLAIN_NUMBER.match(text):
        return False  # “-5” is the figure −5 to every spreadsheet, not a formula
    return text.lstrip(" \u3000").startswith(RISKY_PREFIXES)


def inert(value: Any, ws: Any = None) -> Any:
    """THE writer of every text cell of every export: formula-like text is made inert, here and only here.

    With ``ws`` (a worksheet) the value goes to xlsx: text is cleaned of characters XML forbids and
    a formula-like one becomes a cell typed as a string, which Excel and WPS never evaluate; an empty
    string is no cell at all (a blank, as Excel has it). Without ``ws`` it goes to a CSV file, which
    has no cell types: formula-like text gets a leading apostrophe, as Excel itself writes it.
    Numbers pass (non-finite ones become blank: Excel would repair the file); ``None`` is a blank.
    """
    if isinstance(value, str):
        if _ILLEGAL.search(value) or len(value) > MAX_CELL_TEXT:
            value = clean_text(value)
        if ws is None:
            return "'" + value if is_formula_like(value) else value
        if not value:
            return None
        if is_formula_like(value) and isinstance(ws, _WRITE_ONLY):
            c = WriteOnlyCell(ws, value)
            c.data_type = "s"
            return c
        return value  # an ordinary sheet: put() types it as text
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return None if ws is not None else ""
    if value is None and ws is None:
        return ""
    return value


class InertTexts:
    """``inert(convert(text), ws)`` of texts that repeat row after row (names, periods, times, who, which package),
    worked out once per distinct text of one write-only sheet.

    Only what :func:`inert` gives as a plain value (a cleaned string or a blank) is kept: a formula-like text
    gets a fresh text-typed cell every time, exactly as :func:`inert` makes it, and a value that is not a
    string (a hostile database's) is worked out every time. At most ``limit`` texts are kept.
    """

    def __init__(self, ws: Any, convert: Callable[[Any], Any] | None = None, limit: int = 50_000):
        self.ws = ws
        self.convert = convert
        self.limit = limit
        self._known: dict[str, Any] = {}

    def __call__(self, value: Any) -> Any:
        if type(value) is str:
            try:
                return self._known[value]
            except KeyError:
                pass
        safe = inert(value if self.convert is None else self.convert(value), self.ws)
        if type(value) is str and (safe is None or type(safe) is str):
            if len(self._known) >= self.limit:
                self._known.clear()
            self._known[value] = safe
        return safe


def inert_row(values: Iterable[Any], ws: Any = None) -> list[Any]:
    """A whole row through :func:`inert`: no field of a row can be forgotten."""
    return [inert(v, ws) for v in values]


def put(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write one cell of an ordinary worksheet through :func:`inert`; returns the cell."""
    safe = inert(value, ws)
    c = ws.cell(row, column)
    if isinstance(safe, str):
        c.value = str(safe)
        c.data_type = "s"  # a string stays a string even when the setter would guess a formula
    else:
        c.value = safe
    return c


def text_width(text: str) -> int:
    """Columns ``text`` takes in a cell: a Chinese character is two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def row_height(cells: Iterable[tuple[str | None, float]], line: float = 14.0) -> float:
    """The height of a row whose wrapped cells are ``(text, column width)`` pairs.

    Write-only rows are never auto-fitted by Excel or LibreOffice: without a height a
    long indicator name would spill over the next row when printed.
    """
    lines = max([1] + [math.ceil(text_width(t) / max(w - 1.5, 1)) for t, w in cells if t])
    return max(18.0, lines * line + 4)


class SheetWriter:
    """A write-only sheet that knows its current row, for merges and row heights."""

    def __init__(
        self,
        wb: Workbook,
        title: str,
        widths: Iterable[float],
        *,
        freeze: str | None = None,
        title_rows: str | None = None,
        landscape: bool = True,
        index: int | None = None,
        fit: str = "width",
        hidden: Iterable[int] = (),
    ):
        """``title_rows``: the sheet's header rows (``"3:4"``); printed on every page with the title above them.

        ``hidden``: columns (1-based) kept in the file but out of sight and off the printed page (指标代码).
        """
        self.ws = wb.create_sheet(title, index) if index is not None else wb.create_sheet(title)
        self.row = 0
        self.widths = list(widths)
        hide = set(hidden)
        self.hidden = hide
        # The last column printed: a banner (title, footnote) spans up to it, never into a hidden column, so
        # that its text wraps within the printed width instead of running past the right margin.
        self.printed = max((i for i in range(1, len(self.widths) + 1) if i not in hide), default=len(self.widths))
        # Column widths and panes precede the rows in the file: set them before the first append.
        for i, width in enumerate(self.widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = width
            if i in hide:
                self.ws.column_dimensions[get_column_letter(i)].hidden = True
        if freeze:
            self.ws.freeze_panes = freeze
        # Every row from the sheet's first (title, subtitle) to the header's last is repeated on each printed
        # page, so that a continuation page says what it continues.
        setup_print(self.ws, f"1:{title_rows.split(':')[-1]}" if title_rows else None, landscape, fit)

    @property
    def ncols(self) -> int:
        return len(self.widths)

    def append(self, cells: list[Any], height: float | None = None) -> int:
        self.row += 1
        if height:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(cells)
        if self.hidden:  # the printed page ends at the last printed column (written with the workbook)
            self.ws.print_area = f"A1:{get_column_letter(self.printed)}{self.row}"
        return self.row

    def merge(self, row1: int, col1: int, row2: int, col2: int) -> None:
        if (row1, col1) != (row2, col2):
            self.ws.merged_cells.add(f"{get_column_letter(col1)}{row1}:{get_column_letter(col2)}{row2}")

    def banner(self, text: str, style: str = "xz_title", height: float | None = None, span: int | None = None) -> int:
        """A row of one merged cell across the printed columns (or the first ``span``): a title, a subtitle, a note.

        A note gets the height its wrapped lines need (a write-only row is never auto-fitted).
        """
        span = min(span or self.printed, self.ncols)
        if height is None and style == "xz_note":
            height = row_height([(text, sum(self.widths[:span]))], line=13.0)
        row = self.append([cell(self.ws, text, style)] + [cell(self.ws, None, style) for _ in range(span - 1)], height)
        self.merge(row, 1, row, span)
        return row

    def blank(self, style: str | None = None, count: int | None = None) -> list[WriteOnlyCell]:
        """Empty cells that still carry the border of the merged block they belong to."""
        return [cell(self.ws, None, style or "xz_text") for _ in range(count or self.ncols)]


def setup_print(ws, title_rows: str | None, landscape: bool = True, fit: str = "width") -> None:
    """A4, ``title_rows`` (``"1:4"``) repeated on every page, page numbers below.

    ``fit``: ``"width"`` scales to the page width (pages run down), ``"page"`` fits the whole
    sheet on one page, ``"none"`` prints at full size (a wide table runs across pages).
    """
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    if fit == "none":
        ws.page_setup.scale = 70
    else:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 1 if fit == "page" else 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.8
    ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.font = BODY_FONT
    if title_rows:
        ws.print_title_rows = title_rows
