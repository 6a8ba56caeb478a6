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
from .plans import (
    BASE_SPANS,
    DEFAULT_LEVEL_NAME,
    MAX_PLAN_YEAR,
    MIN_PLAN_YEAR,
    SPAN_YEAR,
    Plan,
    YearValue,
    plan_code_for,
    plan_name_for,
)
from .recent import Recent

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
    "target_sense",
    "min",
    "max",
    "usual_min",
    "usual_max",
    "yoy_threshold",
    "note",
]
# Between reported_by and target_sense a plan folder has its value columns, named by year: ``base_YYYY`` for the
# base (YYYY = plan.csv's base_year) and earlier history, ``target_YYYY`` for the target (YYYY = target_year).
# ``base_span`` (optional: older folders have none) says whether the base is a year's figure or the preceding
# plan's total.
BASE_SPAN_COLUMN = "base_span"
PLAN_FILE = "plan.csv"
PLAN_COLUMNS = ["code", "name", "base_year", "target_year"]
MAX_PLAN_CODE = 20
MAX_PLAN_NAME = 100
_BASE_COLUMN = re.compile(r"^base_(\d{4})$")
_TARGET_COLUMN = re.compile(r"^target_(\d{4})$")
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


def history_years(columns: Iterable[object], plan: Plan) -> list[int]:
    """The years of the ``base_YYYY`` columns other than the plan's base year (its history), in order."""
    years = {int(m.group(1)) for c in columns if isinstance(c, str) and (m := _BASE_COLUMN.match(c))}
    return sorted(years - {plan.base_year})


def value_columns(plan: Plan, history: Iterable[int] = ()) -> list[str]:
    """The value columns of a plan's indicators.csv: ``base_YYYY`` (history and base year), ``target_YYYY``."""
    return [f"base_{y}" for y in sorted({*history, plan.base_year})] + [f"target_{plan.target_year}"]


def indicator_columns(plan: Plan, history: Iterable[int] = ()) -> list[str]:
    """Every column of a plan's indicators.csv, in the order the program writes them."""
    columns = list(INDICATOR_COLUMNS)
    at = columns.index("target_sense")
    columns[at:at] = value_columns(plan, history)
    columns.insert(columns.index("target_sense") + 1, BASE_SPAN_COLUMN)
    return columns


def _indicator_from_row(reader: RowReader, plan: Plan) -> Indicator:
    aggregation = reader.choice("aggregation", Aggregation)
    sense = reader.text("target_sense") or None
    if sense not in (None, "min", "max", "about"):
        raise reader.fail("target_sense", f"“{sense}”应为 min（以上）、max（以下）或 about（左右，约数）")
    span = reader.text(BASE_SPAN_COLUMN) or SPAN_YEAR
    if span not in BASE_SPANS:
        raise reader.fail(BASE_SPAN_COLUMN, f"“{span}”应为 year（当年数）或 plan（上一规划期累计数）")
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
        history=tuple(YearValue(y, reader.number(f"base_{y}")) for y in history_years(reader.row, plan)),
        base=reader.number(f"base_{plan.base_year}"),
        target=reader.number(f"target_{plan.target_year}"),
        target_sense=sense,
        min=reader.number("min"),
        max=reader.number("max"),
        usual_min=reader.number("usual_min"),
        usual_max=reader.number("usual_max"),
        yoy_threshold=reader.number("yoy_threshold"),
        note=_note(reader),
        base_span=span,
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


def _header_fail(where: str, column: str, problem: str) -> XzError:
    return RowReader(where, 1, {}).fail(column, problem)


def plan_from_columns(columns: Iterable[object], where: str, level_name: str = DEFAULT_LEVEL_NAME) -> Plan:
    """The plan of a folder (or rows) without plan.csv, from its value columns' years: the base year is the
    largest ``base_YYYY`` column's, the target year the ``target_YYYY`` column's; the code follows the
    five-year-plan numbering (2025 → 十四五) and the name the level (《秀洲区人才发展“十四五”规划》)."""
    names = [c for c in columns if isinstance(c, str)]
    targets = sorted({int(m.group(1)) for c in names if (m := _TARGET_COLUMN.match(c))})
    bases = sorted({int(m.group(1)) for c in names if (m := _BASE_COLUMN.match(c))})
    if len(targets) != 1:
        found = "、".join(f"target_{y}" for y in targets) or "无"
        raise _header_fail(where, "target_YYYY", f"应恰好有一个目标列（如 target_2025），实有：{found}")
    target = targets[0]
    earlier = [b for b in bases if b < target]
    if not earlier:
        raise _header_fail(where, "base_YYYY", f"缺少早于目标年 {target} 的基数列（如 base_{target - 5}）")
    plan_years_in_range(where, 1, earlier[-1], target)
    code = plan_code_for(target)
    return Plan(code, plan_name_for(code, level_name), earlier[-1], target)


def plan_years_in_range(where: str, line: int, base_year: int, target_year: int) -> None:
    """Refuse a plan whose years are outside the sanity range or not in order."""
    for column, year in (("base_year", base_year), ("target_year", target_year)):
        if not MIN_PLAN_YEAR <= year <= MAX_PLAN_YEAR:
            raise RowReader(where, line, {}).fail(column, f"年份 {year} 不在 {MIN_PLAN_YEAR}–{MAX_PLAN_YEAR} 之内")
    if target_year <= base_year:
        raise RowReader(where, line, {}).fail("target_year", f"目标年 {target_year} 应晚于基数年 {base_year}")


def check_value_columns(columns: Iterable[object], plan: Plan, where: str) -> None:
    """The value columns of an indicators.csv against its plan: ``base_<base_year>`` and ``target_<target_year>``
    present, no other target column, no history column at or after the base year."""
    names = [c for c in columns if isinstance(c, str)]
    for needed in (f"base_{plan.base_year}", f"target_{plan.target_year}"):
        if needed not in names:
            raise _header_fail(
                where,
                needed,
                f"缺少此列（plan.csv 的基数年 {plan.base_year}、目标年 {plan.target_year} 应有 "
                f"base_{plan.base_year} 和 target_{plan.target_year} 两列）",
            )
    for name in names:
        if (m := _TARGET_COLUMN.match(name)) and int(m.group(1)) != plan.target_year:
            raise _header_fail(where, name, f"与 plan.csv 的目标年 {plan.target_year} 不符")
        if (m := _BASE_COLUMN.match(name)) and int(m.group(1)) > plan.base_year:
            raise _header_fail(where, name, f"晚于 plan.csv 的基数年 {plan.base_year}（历史数只能在基数年之前）")
        if (m := _BASE_COLUMN.match(name)) and int(m.group(1)) < MIN_PLAN_YEAR:
            raise _header_fail(where, name, f"年份不在 {MIN_PLAN_YEAR}–{MAX_PLAN_YEAR} 之内")


def plan_from_row(reader: RowReader) -> Plan:
    """One plan row (plan.csv's, a catalog file's, the database's), every field checked."""
    code = reader.text("code", required=True)
    if len(code) > MAX_PLAN_CODE or any(ord(c) < 32 for c in code):
        raise reader.fail("code", f"应为不超过 {MAX_PLAN_CODE} 字的一行文字")
    name = reader.text("name", required=True)
    if len(name) > MAX_PLAN_NAME or any(ord(c) < 32 for c in name):
        raise reader.fail("name", f"应为不超过 {MAX_PLAN_NAME} 字的一行文字")
    years = []
    for column in ("base_year", "target_year"):
        year = reader.integer(column)
        if year is None:
            raise reader.fail(column, "不能为空")
        years.append(year)
    plan_years_in_range(reader.where, reader.line, years[0], years[1])
    return Plan(code, name, years[0], years[1])


def plan_to_row(plan: Plan) -> dict[str, object]:
    return {"code": plan.code, "name": plan.name, "base_year": plan.base_year, "target_year": plan.target_year}


def parse_plan(text: str, where: str = PLAN_FILE) -> Plan:
    """The one row of ``plan.csv``; refused with the file, row and column otherwise."""
    rows = read_rows(text, where, PLAN_COLUMNS)
    if len(rows) != 1:
        raise XzError(
            Message(
                "catalog",
                QT_TRANSLATE_NOOP(
                    "catalog", "目录文件 {where} 应恰好有一行（规划的代码、名称、基数年和目标年），实有 {count} 行"
                ),
                {"where": where, "count": len(rows)},
            )
        )
    return plan_from_row(rows[0])


# Catalogs built from rows, by the rows' exact text (``repr``: every key, its order, every value and its type) and
# the arguments that shape the result: the same rows build the same catalog, so they are read and checked once per
# process. An enrolment file's catalog was read five times when a unit's copy was set up from it (the file checked,
# every plan it carries checked, then put in force), and the demo sets up 23 copies from the same catalog. Only a
# catalog that passed every check is kept (rows that fail are read again, with their own file named in the
# message); ``where`` names the rows in messages only. A Catalog is never changed once made.
_BUILT: Recent[tuple[object, ...], Catalog] = Recent()


def catalog_from_rows(
    indicators: Iterable[Mapping[str, object]],
    units: Iterable[Mapping[str, object]],
    rules: Iterable[Mapping[str, object]] = (),
    version: str = "",
    where: str = "catalog",
    overlaps: Iterable[Mapping[str, object]] = (),
    *,
    stored: bool = False,
    plan: Plan | None = None,
) -> Catalog:
    """Build and validate a catalog from dict rows: CSV rows, a file's, or (``stored``) the database's own,
    which are held to the rules of the version that stored them (see :class:`RowReader`).

    ``plan``: the plan the rows' value columns belong to; None for rows of an earlier version (a catalog file
    without a plan), whose plan is read from the value columns' years (:func:`plan_from_columns`)."""
    rows = (list(indicators), list(units), list(rules), list(overlaps))
    key = (repr(rows), version, stored, plan)
    return _BUILT.get_or_make(key, lambda: _build_catalog(*rows, version, where, stored=stored, plan=plan))


def _build_catalog(
    indicators: list[Mapping[str, object]],
    units: list[Mapping[str, object]],
    rules: list[Mapping[str, object]],
    overlaps: list[Mapping[str, object]],
    version: str,
    where: str,
    *,
    stored: bool,
    plan: Plan | None,
) -> Catalog:
    strict = not stored
    if plan is None:
        plan = plan_from_columns({k for r in indicators for k in r}, f"{where}/indicators")
    catalog = Catalog(
        [
            _indicator_from_row(RowReader(f"{where}/indicators", n, r, strict=strict), plan)
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
        plan=plan,
    )
    catalog.validate(stored=stored)
    return catalog


def _header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text.lstrip("\ufeff"))), [])


def load_catalog_dir(folder: Path) -> Catalog:
    """Load a plan folder: ``indicators.csv``, ``units.csv``, (optional) ``plan.csv``, ``rules.csv`` and
    ``overlaps.csv``. Without plan.csv the plan is read from indicators.csv's value columns (a folder of an
    earlier version: its 十四五 plan)."""

    def read(name: str, columns: list[str], optional: bool = False) -> list[RowReader]:
        path = folder / name
        if optional and not path.exists():
            return []
        return read_rows(read_catalog_file(path, name), name, columns)

    text = read_catalog_file(folder / "indicators.csv", "indicators.csv")
    header = _header(text)
    if (folder / PLAN_FILE).exists():
        plan = parse_plan(read_catalog_file(folder / PLAN_FILE, PLAN_FILE))
        check_value_columns(header, plan, "indicators.csv")
    else:
        plan = plan_from_columns(header, "indicators.csv", _level_name(folder))
        check_value_columns(header, plan, "indicators.csv")
    catalog = Catalog(
        [_indicator_from_row(r, plan) for r in read_rows(text, "indicators.csv", value_required(plan))],
        _some_unit([_unit_from_row(r) for r in read("units.csv", UNIT_COLUMNS)], "units.csv"),
        [_rule_from_row(r) for r in read("rules.csv", RULE_COLUMNS, optional=True)],
        overlaps=[_overlap_from_row(r) for r in read("overlaps.csv", OVERLAP_COLUMNS, optional=True)],
        plan=plan,
    )
    catalog.validate()
    return catalog


def _level_name(folder: Path) -> str:
    """The level's name in the folder's level.csv (checked in full where the level is read: domain/levels.py),
    else the shipped district's."""
    path = folder / "level.csv"
    if not path.exists():
        return DEFAULT_LEVEL_NAME
    rows = read_rows(read_catalog_file(path, "level.csv"), "level.csv", ["name"])
    return rows[0].text("name", required=True) if rows else DEFAULT_LEVEL_NAME


def value_required(plan: Plan) -> list[str]:
    """The columns indicators.csv must have under ``plan`` (base_span is optional)."""
    return [c for c in indicator_columns(plan) if c != BASE_SPAN_COLUMN]


def indicator_to_row(ind: Indicator, plan: Plan) -> dict[str, object]:
    """The CSV/database row of an indicator under ``plan`` (inverse of the loader): its values in columns named
    by their years."""
    row: dict[str, object] = {}
    for column in INDICATOR_COLUMNS:
        value = getattr(ind, column)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, tuple):
            value = ";".join(value)
        row[column] = value
    row.update(indicator_values(ind, plan))
    row[BASE_SPAN_COLUMN] = ind.base_span
    return row


# Each catalog's indicator rows (:func:`indicator_rows`), by the catalog's id with the catalog itself (an id is
# reused only once its catalog is gone, and the catalog kept here is compared).
_ROWS: Recent[int, tuple[Catalog, list[dict[str, object]]]] = Recent()


def indicator_rows(catalog: Catalog) -> list[dict[str, object]]:
    """:func:`indicator_to_row` of each of ``catalog``'s indicators under its plan, made once per catalog (a
    Catalog is never changed once made; the demo wrote the same catalog's rows 70 times); each call gets its own
    dicts, which the caller may change."""
    found = _ROWS.get(id(catalog))
    if found is None or found[0] is not catalog:
        found = (catalog, [indicator_to_row(i, catalog.plan) for i in catalog.indicators])
        _ROWS.put(id(catalog), found)
    return [dict(r) for r in found[1]]


def indicator_values(ind: Indicator, plan: Plan) -> dict[str, float | None]:
    """The indicator's values under ``plan`` named as the plan folder's columns: ``base_2015``, ``base_2020``,
    ``target_2025`` for the 十四五."""
    values: dict[str, float | None] = {f"base_{h.year}": h.value for h in ind.history}
    values[f"base_{plan.base_year}"] = ind.base
    values[f"target_{plan.target_year}"] = ind.target
    return values


def catalog_history_years(catalog: Catalog) -> list[int]:
    """The history years any of the catalog's indicators has a column for."""
    return sorted({h.year for i in catalog.indicators for h in i.history})


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
    """The plan folder as the CSV files :func:`load_catalog_dir` reads (file name → text): the inverse of the loader."""
    columns = indicator_columns(catalog.plan, catalog_history_years(catalog))
    return {
        "plan.csv": _csv_text(PLAN_COLUMNS, [plan_to_row(catalog.plan)]),
        "indicators.csv": _csv_text(columns, (indicator_to_row(i, catalog.plan) for i in catalog.indicators)),
        "units.csv": _csv_text(UNIT_COLUMNS + UNIT_OPTIONAL_COLUMNS, (unit_to_row(u) for u in catalog.units)),
        "rules.csv": _csv_text(RULE_COLUMNS, (rule_to_row(r) for r in catalog.rules)),
        "overlaps.csv": _csv_text(OVERLAP_COLUMNS, (overlap_to_row(o) for o in catalog.overlaps)),
    }
