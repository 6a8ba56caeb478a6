"""The catalog as rows of text: CSV files a person edits and database rows, in and out.

A bad row is refused with a message that names the file, the row and the column.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Mapping
from enum import Enum
from pathlib import Path
from typing import TypeVar, overload

from .catalog import Aggregation, Catalog, Indicator, Overlap, Rule, Trajectory, Unit, UnitKind
from .incoming import read_regular
from .limits import MAX_NAME, MAX_TEXT
from .messages import QT_TRANSLATE_NOOP, Message, XzError

INDICATOR_COLUMNS = [
    "code",
    "name",
    "category",
    "source",
    "table1_seq",
    "table2_seq",
    "section",
    "entry_measure",
    "display_measure",
    "display_factor",
    "decimals",
    "aggregation",
    "numerator",
    "denominator",
    "scale",
    "parts",
    "growth_of",
    "target_basis",
    "trajectory",
    "reported_by",
    "base_2015",
    "base_2020",
    "target_2025",
    "target_sense",
    "min",
    "max",
    "usual_min",
    "usual_max",
    "yoy_threshold",
    "note",
]
UNIT_COLUMNS = ["code", "name", "kind", "type", "sort", "active"]
UNIT_OPTIONAL_COLUMNS = ["contact", "phone"]  # added with the reporting round: older catalogs have neither
MAX_CONTACT = 100
# The columns of indicators.csv the aggregating database may edit in its own copy: the checks' bounds and
# the note. Every other column is the indicator's meaning (code, aggregation, measures, who reports it).
THRESHOLD_COLUMNS = ["min", "max", "usual_min", "usual_max", "yoy_threshold", "note"]
RULE_COLUMNS = ["code", "left", "op", "right", "message"]
# overlaps.csv: a unit whose figures of an indicator are already inside other units' (not added twice).
OVERLAP_COLUMNS = ["unit", "indicator", "note"]

E = TypeVar("E", bound=Enum)

_CODE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
_ADMIN_CODE = re.compile(r"^\d{6}$")


_SURROGATE = re.compile("[\ud800-\udfff]")  # one search in C per text, not a step per character


class RowReader:
    """Typed access to one CSV row that blames the file, row and column on failure.

    ``strict`` is for rows coming in (a CSV folder, a catalog file, an edit). A catalog already stored
    in a database is read with ``strict=False``: the checks added after it was stored (finite numbers,
    name and note lengths) would otherwise lock the district out of a database an earlier version made,
    with no way to repair it from inside (the edit commands read the stored catalog first).
    """

    def __init__(self, where: str, line: int, row: Mapping[str, object], *, strict: bool = True):
        self.where, self.line, self.row = where, line, row
        self.strict = strict

    def fail(self, column: str, problem: str) -> XzError:
        return XzError(
            Message(
                "catalog",
                QT_TRANSLATE_NOOP("catalog", "目录文件 {where} 第 {line} 行“{column}”列：{problem}"),
                {"where": self.where, "line": self.line, "column": column, "problem": problem},
            )
        )

    def text(self, column: str, required: bool = False) -> str:
        value = self.row.get(column)
        value = "" if value is None else str(value).strip()
        if required and not value:
            raise self.fail(column, "不能为空")
        if _SURROGATE.search(value):  # a lone surrogate: no text a database can store
            raise self.fail(column, "含有无法保存的字符（孤立的 UTF-16 代理码位），不是正常的文字")
        return value

    def code(self, column: str = "code", *, admin: bool = False) -> str:
        """A code of letters, digits and _; with ``admin`` also a 行政区划代码 (a unit at city level: 330411)."""
        value = self.text(column, required=True)
        if admin and _ADMIN_CODE.match(value):
            return value
        if not _CODE.match(value):
            raise self.fail(column, f"代码“{value}”只能由小写字母、数字和下划线组成，且以字母开头")
        return value

    @overload
    def number(self, column: str, default: float) -> float: ...
    @overload
    def number(self, column: str, default: None = None) -> float | None: ...
    def number(self, column: str, default: float | None = None) -> float | None:
        value = self.text(column)
        if value == "":
            return default
        try:
            number = float(value)
        except ValueError:
            raise self.fail(column, f"“{value}”不是数字") from None
        if self.strict and not math.isfinite(number):  # "nan", "inf": float() takes them, no check could use them
            raise self.fail(column, f"“{value}”不是有限的数字")
        return number

    def integer(self, column: str) -> int | None:
        number = self.number(column)
        if number is None:
            return None
        if not float(number).is_integer():
            raise self.fail(column, f"“{number}”不是整数")
        return int(number)

    def choice(self, column: str, enum: type[E], default: E | None = None) -> E:
        value = self.text(column)
        if value == "" and default is not None:
            return default
        try:
            return enum(value)
        except ValueError:
            allowed = "、".join(e.value for e in enum)
            raise self.fail(column, f"“{value}”不是允许的值（{allowed}）") from None

    def codes(self, column: str, sep: str) -> tuple[str, ...]:
        value = self.text(column)
        return tuple(part.strip() for part in value.split(sep) if part.strip())


def _indicator_from_row(reader: RowReader) -> Indicator:
    aggregation = reader.choice("aggregation", Aggregation)
    sense = reader.text("target_sense") or None
    if sense not in (None, "min", "max"):
        raise reader.fail("target_sense", f"“{sense}”应为 min（以上）或 max（以下）")
    basis = reader.text("target_basis") or "annual"
    if basis not in ("annual", "cumulative"):
        raise reader.fail("target_basis", f"“{basis}”应为 annual 或 cumulative")
    factor = reader.number("display_factor", 1.0)
    if not factor:
        raise reader.fail("display_factor", "换算系数不能为 0")
    if reader.strict and factor < 0:  # a negative factor shows every figure with the wrong sign
        raise reader.fail("display_factor", f"换算系数“{factor:g}”应大于 0")
    return Indicator(
        code=reader.code(),
        name=reader.text("name", required=True),
        category=reader.text("category"),
        source=reader.text("source"),
        aggregation=aggregation,
        entry_measure=reader.text("entry_measure"),
        display_measure=reader.text("display_measure") or reader.text("entry_measure"),
        display_factor=factor,
        decimals=reader.integer("decimals") or 0,
        table1_seq=reader.integer("table1_seq"),
        table2_seq=reader.integer("table2_seq"),
        section=reader.text("section"),
        numerator=reader.text("numerator") or None,
        denominator=reader.text("denominator") or None,
        scale=reader.number("scale", 1.0),
        parts=reader.codes("parts", ";"),
        growth_of=reader.text("growth_of") or None,
        target_basis=basis,
        trajectory=reader.choice("trajectory", Trajectory, Trajectory.LINEAR),
        reported_by=reader.codes("reported_by", ";"),
        base_2015=reader.number("base_2015"),
        base_2020=reader.number("base_2020"),
        target_2025=reader.number("target_2025"),
        target_sense=sense,
        min=reader.number("min"),
        max=reader.number("max"),
        usual_min=reader.number("usual_min"),
        usual_max=reader.number("usual_max"),
        yoy_threshold=reader.number("yoy_threshold"),
        note=_note(reader),
    )


def _note(reader: RowReader) -> str:
    value = reader.text("note")
    if reader.strict and len(value) > MAX_TEXT:
        raise reader.fail("note", f"超过 {MAX_TEXT} 字")
    return value


def _unit_from_row(reader: RowReader) -> Unit:
    active = reader.text("active") or "1"
    if active not in ("0", "1"):
        raise reader.fail("active", f"“{active}”应为 1（在用）或 0（停用）")
    name = reader.text("name", required=True)
    if reader.strict and (len(name) > MAX_NAME or any(ord(c) < 32 for c in name)):
        raise reader.fail("name", f"应为不超过 {MAX_NAME} 字的一行文字")
    return Unit(
        code=reader.code(admin=True),
        name=name,
        kind=reader.choice("kind", UnitKind),
        type=reader.text("type"),
        sort=reader.integer("sort") or 0,
        active=active == "1",
        contact=_contact(reader, "contact"),
        phone=_contact(reader, "phone"),
    )


def _contact(reader: RowReader, column: str) -> str:
    value = reader.text(column)
    if len(value) > MAX_CONTACT or any(ord(c) < 32 for c in value):
        raise reader.fail(column, f"应为不超过 {MAX_CONTACT} 字的一行文字")
    return value


def _rule_from_row(reader: RowReader) -> Rule:
    op = reader.text("op", required=True)
    if op not in ("<=", ">="):
        raise reader.fail("op", f"“{op}”应为 <= 或 >=")
    return Rule(
        reader.code(), reader.codes("left", "+"), op, reader.codes("right", "+"), reader.text("message", required=True)
    )


def _overlap_from_row(reader: RowReader) -> Overlap:
    return Overlap(reader.code("unit"), reader.code("indicator"), reader.text("note"))


# The row readers, for one row edited in the aggregating database (domain/catalog_edits.py): the same rules.
indicator_from_row = _indicator_from_row
unit_from_row = _unit_from_row


def read_rows(text: str, where: str, columns: list[str]) -> list[RowReader]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise XzError(
            Message(
                "catalog",
                QT_TRANSLATE_NOOP("catalog", "目录文件 {where} 缺少列：{columns}"),
                {"where": where, "columns": "、".join(missing)},
            )
        )
    # Line numbers as a spreadsheet shows them: the header is line 1.
    return [
        RowReader(where, n, row)
        for n, row in enumerate(reader, start=2)
        if any((v or "").strip() for v in row.values() if isinstance(v, str))
    ]


def decoded(data: bytes, where: str) -> str:
    """The UTF-8 text of a catalog CSV file; refused naming the row and the column where it is not UTF-8 (a
    file saved as GBK, bytes of a lone surrogate)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        header = data.split(b"\n", 1)[0].decode("utf-8", "replace").lstrip("\ufeff")
        columns = next(csv.reader([header]), [])
        before = data[start : exc.start].decode("utf-8", "replace")
        index = len(next(csv.reader([before]), [""])) - 1 if before else 0
        column = "表头" if line == 1 else (columns[index] if index < len(columns) else f"第 {index + 1} 列")
        raise RowReader(where, line, {}).fail(
            column, "不是 UTF-8 编码的文字（可能以 GBK 等编码保存），请在 Excel 中另存为“CSV UTF-8”"
        ) from None


def read_catalog_file(path: Path, where: str) -> str:
    """The text of one CSV file of a catalog folder; refused in Chinese when it cannot be read or is not UTF-8.

    Opened as any incoming file: a pipe or a device in the folder is refused, never waited on."""
    try:
        data = read_regular(path)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            reason = Message("catalog", QT_TRANSLATE_NOOP("catalog", "文件不存在"))
        elif isinstance(exc, PermissionError):
            reason = Message("catalog", QT_TRANSLATE_NOOP("catalog", "没有读取权限"))
        else:
            reason = Message("catalog", QT_TRANSLATE_NOOP("catalog", "无法读取（不是普通文件，或磁盘出错）"))
        raise XzError(
            Message(
                "catalog",
                QT_TRANSLATE_NOOP("catalog", "无法读取目录文件 {path}：{reason}"),
                {"path": str(path), "reason": reason},
            )
        ) from exc
    return decoded(data, where)


def _some_unit(units: list[Unit], where: str) -> list[Unit]:
    """``units`` if one of them is in use: a catalog with no unit makes a database nobody reports to."""
    if not any(u.active for u in units):
        raise RowReader(where, 2, {}).fail("code", "没有任何在用的填报单位（至少要有一个）")
    return units


def catalog_from_rows(
    indicators: Iterable[Mapping[str, object]],
    units: Iterable[Mapping[str, object]],
    rules: Iterable[Mapping[str, object]] = (),
    version: str = "",
    where: str = "catalog",
    overlaps: Iterable[Mapping[str, object]] = (),
    *,
    stored: bool = False,
) -> Catalog:
    """Build and validate a catalog from dict rows: CSV rows, a file's, or (``stored``) the database's own,
    which are held to the rules of the version that stored them (see :class:`RowReader`)."""
    strict = not stored
    catalog = Catalog(
        [
            _indicator_from_row(RowReader(f"{where}/indicators", n, r, strict=strict))
            for n, r in enumerate(indicators, start=1)
        ],
        _some_unit(
            [_unit_from_row(RowReader(f"{where}/units", n, r, strict=strict)) for n, r in enumerate(units, start=1)],
            f"{where}/units",
        )
        if strict
        else [_unit_from_row(RowReader(f"{where}/units", n, r, strict=strict)) for n, r in enumerate(units, start=1)],
        [_rule_from_row(RowReader(f"{where}/rules", n, r, strict=strict)) for n, r in enumerate(rules, start=1)],
        version,
        [
            _overlap_from_row(RowReader(f"{where}/overlaps", n, r, strict=strict))
            for n, r in enumerate(overlaps, start=1)
        ],
    )
    catalog.validate(stored=stored)
    return catalog


def load_catalog_dir(folder: Path) -> Catalog:
    """Load ``indicators.csv``, ``units.csv`` and (optional) ``rules.csv`` and ``overlaps.csv`` from ``folder``."""

    def read(name: str, columns: list[str], optional: bool = False) -> list[RowReader]:
        path = folder / name
        if optional and not path.exists():
            return []
        return read_rows(read_catalog_file(path, name), name, columns)

    catalog = Catalog(
        [_indicator_from_row(r) for r in read("indicators.csv", INDICATOR_COLUMNS)],
        _some_unit([_unit_from_row(r) for r in read("units.csv", UNIT_COLUMNS)], "units.csv"),
        [_rule_from_row(r) for r in read("rules.csv", RULE_COLUMNS, optional=True)],
        overlaps=[_overlap_from_row(r) for r in read("overlaps.csv", OVERLAP_COLUMNS, optional=True)],
    )
    catalog.validate()
    return catalog


def indicator_to_row(ind: Indicator) -> dict[str, object]:
    """The CSV/database row of an indicator (inverse of the loader)."""
    row: dict[str, object] = {}
    for column in INDICATOR_COLUMNS:
        value = getattr(ind, column)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, tuple):
            value = ";".join(value)
        row[column] = value
    return row


def unit_to_row(unit: Unit) -> dict[str, object]:
    return {
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind.value,
        "type": unit.type,
        "sort": unit.sort,
        "active": 1 if unit.active else 0,
        "contact": unit.contact,
        "phone": unit.phone,
    }


def rule_to_row(rule: Rule) -> dict[str, object]:
    return {
        "code": rule.code,
        "left": "+".join(rule.left),
        "op": rule.op,
        "right": "+".join(rule.right),
        "message": rule.message,
    }


def overlap_to_row(overlap: Overlap) -> dict[str, object]:
    return {"unit": overlap.unit, "indicator": overlap.indicator, "note": overlap.note}


def _csv_text(columns: list[str], rows: Iterable[Mapping[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def _cell(value: object) -> object:
    """A float that is a whole number is written as one (``3``, not ``3.0``), as a person types it."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def catalog_csv_texts(catalog: Catalog) -> dict[str, str]:
    """The catalog as the CSV files :func:`load_catalog_dir` reads (file name → text): the inverse of the loader."""
    return {
        "indicators.csv": _csv_text(INDICATOR_COLUMNS, (indicator_to_row(i) for i in catalog.indicators)),
        "units.csv": _csv_text(UNIT_COLUMNS + UNIT_OPTIONAL_COLUMNS, (unit_to_row(u) for u in catalog.units)),
        "rules.csv": _csv_text(RULE_COLUMNS, (rule_to_row(r) for r in catalog.rules)),
        "overlaps.csv": _csv_text(OVERLAP_COLUMNS, (overlap_to_row(o) for o in catalog.overlaps)),
    }
