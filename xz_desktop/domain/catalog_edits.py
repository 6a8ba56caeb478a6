"""The aggregating database's own edits of its catalog: units added, renamed, retired, reactivated, their
contacts; indicators' thresholds. Plain functions from a catalog to the next one and what changed.

Every edited row goes through the same row readers as the shipped CSV files (``catalog_rows``) and the
new catalog through the same cross-checks (``Catalog.validate``): no rule exists twice. What an edit may
not touch is refused with the reason: a unit's code (its figures are filed under it) and kind (which
indicators it reports), an indicator's code, aggregation, measures and reporters (the catalog's meaning,
which every unit's packages and the level above read the same way).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from .catalog import Catalog, Indicator, Unit
from .catalog_rows import THRESHOLD_COLUMNS, RowReader, indicator_from_row, indicator_to_row, unit_from_row, unit_to_row
from .messages import QT_TRANSLATE_NOOP, Message, XzError, joined

UNIT = "unit"
INDICATOR = "indicator"
# What a unit edit may change (``active``: retire with "0", reactivate with "1").
UNIT_EDITABLE = ("name", "type", "contact", "phone", "active")
# The words the messages use for a column.
LABELS = {
    "code": QT_TRANSLATE_NOOP("catalog_edits", "代码"),
    "name": QT_TRANSLATE_NOOP("catalog_edits", "名称"),
    "kind": QT_TRANSLATE_NOOP("catalog_edits", "类别"),
    "type": QT_TRANSLATE_NOOP("catalog_edits", "类型"),
    "sort": QT_TRANSLATE_NOOP("catalog_edits", "排序"),
    "active": QT_TRANSLATE_NOOP("catalog_edits", "状态"),
    "contact": QT_TRANSLATE_NOOP("catalog_edits", "联系人"),
    "phone": QT_TRANSLATE_NOOP("catalog_edits", "电话"),
    "min": QT_TRANSLATE_NOOP("catalog_edits", "最小值"),
    "max": QT_TRANSLATE_NOOP("catalog_edits", "最大值"),
    "usual_min": QT_TRANSLATE_NOOP("catalog_edits", "常见范围下限"),
    "usual_max": QT_TRANSLATE_NOOP("catalog_edits", "常见范围上限"),
    "yoy_threshold": QT_TRANSLATE_NOOP("catalog_edits", "同比变化阈值"),
    "note": QT_TRANSLATE_NOOP("catalog_edits", "备注"),
    "category": QT_TRANSLATE_NOOP("catalog_edits", "类别"),
    "source": QT_TRANSLATE_NOOP("catalog_edits", "数据来源"),
    "aggregation": QT_TRANSLATE_NOOP("catalog_edits", "汇总方式"),
    "entry_measure": QT_TRANSLATE_NOOP("catalog_edits", "填报计量单位"),
    "display_measure": QT_TRANSLATE_NOOP("catalog_edits", "显示计量单位"),
    "display_factor": QT_TRANSLATE_NOOP("catalog_edits", "换算系数"),
    "decimals": QT_TRANSLATE_NOOP("catalog_edits", "小数位数"),
    "numerator": QT_TRANSLATE_NOOP("catalog_edits", "分子"),
    "denominator": QT_TRANSLATE_NOOP("catalog_edits", "分母"),
    "scale": QT_TRANSLATE_NOOP("catalog_edits", "比率系数"),
    "parts": QT_TRANSLATE_NOOP("catalog_edits", "组成项"),
    "growth_of": QT_TRANSLATE_NOOP("catalog_edits", "增长基础指标"),
    "reported_by": QT_TRANSLATE_NOOP("catalog_edits", "填报单位"),
}


@dataclass(frozen=True)
class FieldChange:
    """One field of one unit or indicator, old → new, as the text of its CSV cell ("" is blank)."""

    subject: str  # UNIT or INDICATOR
    code: str
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class CatalogEdit:
    """The catalog after an edit (its version still the old one: the store gives the new) and what changed."""

    catalog: Catalog
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class CatalogRevision:
    """One change of the catalog in force: its number, the version it made, who and when, what changed."""

    revision: int
    version: str
    previous: str
    changed_at: str
    changed_by: str
    changes: tuple[FieldChange, ...]


def label(column: str) -> Message:
    """A column's name as the messages say it (translated in the window)."""
    return Message("catalog_edits", LABELS[column]) if column in LABELS else Message("catalog_edits", column[:40])


def version_name(revision: int, year: int) -> str:
    """The version an edit makes: ``2026.3`` is the third change, made in 2026 (ordered by the number)."""
    return f"{year}.{revision}"


class _EditReader(RowReader):
    """The row readers' rules, with messages naming the unit or indicator and the field, not a file's line."""

    def __init__(self, subject: str, code: str, row: Mapping[str, object]):
        super().__init__(subject, 0, row)
        self.subject, self.code_ = subject, code

    def fail(self, column: str, problem: str) -> XzError:
        template = (
            QT_TRANSLATE_NOOP("catalog_edits", "单位“{code}”的{field}：{problem}")
            if self.subject == UNIT
            else QT_TRANSLATE_NOOP("catalog_edits", "指标“{code}”的{field}：{problem}")
        )
        return XzError(
            Message("catalog_edits", template, {"code": self.code_, "field": label(column), "problem": problem})
        )


def _refuse(template: str, **params: object) -> XzError:
    return XzError(Message("catalog_edits", template, dict(params)))


def _text(value: object) -> str:
    """A cell's text: blank for None, a whole float without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def _diff(subject: str, code: str, old: Mapping[str, object], new: Mapping[str, object]) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(subject, code, k, _text(old.get(k)), _text(new[k]))
        for k in new
        if _text(old.get(k)) != _text(new[k])
    )


def _rebuilt(catalog: Catalog, units: list[Unit], indicators: list[Indicator], edited: str | None = None) -> Catalog:
    """The catalog with the edited rows. The rows not edited were stored under the rules of their day: an
    older database's out-of-order bounds must not stop the edit that repairs them (the edited row itself was
    read strictly, and the ``edited`` indicator's bounds are checked)."""
    new = Catalog(indicators, units, list(catalog.rules), catalog.version, list(catalog.overlaps), plan=catalog.plan)
    new.validate(stored=True, edited=edited)
    return new


def add_unit(catalog: Catalog, fields: Mapping[str, object]) -> CatalogEdit:
    """A new unit (code, name; kind ``geographic`` unless said; placed after the others)."""
    unknown = sorted(set(fields) - {"code", "name", "kind", "type", "contact", "phone"})
    if unknown:
        raise _refuse(
            QT_TRANSLATE_NOOP("catalog_edits", "新增单位时不能指定：{fields}"),
            fields=joined([label(f) for f in unknown]),
        )
    code = _EditReader(UNIT, str(fields.get("code") or ""), fields).code(admin=True)
    if catalog.has_unit(code):
        existing = catalog.unit(code)
        raise _refuse(
            QT_TRANSLATE_NOOP("catalog_edits", "单位代码“{code}”已被“{name}”使用{retired}；单位代码不能重复"),
            code=code,
            name=existing.name,
            retired=""
            if existing.active
            else Message("catalog_edits", QT_TRANSLATE_NOOP("catalog_edits", "（已停用，可恢复）")),
        )
    row = {
        "code": code,
        "name": fields.get("name", ""),
        "kind": fields.get("kind") or "geographic",
        "type": fields.get("type", ""),
        "sort": max((u.sort for u in catalog.units), default=0) + 1,
        "active": "1",
        "contact": fields.get("contact", ""),
        "phone": fields.get("phone", ""),
    }
    unit = unit_from_row(_EditReader(UNIT, code, row))
    new = _rebuilt(catalog, [*catalog.units, unit], list(catalog.indicators))
    return CatalogEdit(new, _diff(UNIT, code, {}, unit_to_row(unit)))


def edit_unit(catalog: Catalog, code: str, fields: Mapping[str, object]) -> CatalogEdit:
    """Rename a unit, change its type, contact or phone, retire (``active`` "0") or reactivate ("1") it."""
    if not catalog.has_unit(code):
        raise _refuse(QT_TRANSLATE_NOOP("catalog_edits", "没有单位“{code}”"), code=code[:40])
    if "code" in fields and str(fields["code"]) != code:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "catalog_edits",
                "单位代码不能修改：它的数值都记在这个代码下。需要新代码时，请新增单位并停用“{code}”",
            ),
            code=code,
        )
    if "kind" in fields:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "catalog_edits", "单位的类别（镇街或部门）决定它填报哪些指标，是目录的含义，不能在这里修改"
            )
        )
    unknown = sorted(set(fields) - set(UNIT_EDITABLE) - {"code"})
    if unknown:
        raise _refuse(
            QT_TRANSLATE_NOOP("catalog_edits", "单位的{fields}不能在这里修改"),
            fields=joined([label(f) for f in unknown]),
        )
    unit = catalog.unit(code)
    old = unit_to_row(unit)
    row = {**old, **{k: v for k, v in fields.items() if k in UNIT_EDITABLE}}
    if isinstance(row["active"], bool):
        row["active"] = "1" if row["active"] else "0"
    new_unit = unit_from_row(_EditReader(UNIT, code, row))
    if unit.active and not new_unit.active:
        _refuse_sole_reporter(catalog, unit)
    units = [new_unit if u.code == code else u for u in catalog.units]
    new = _rebuilt(catalog, units, list(catalog.indicators))
    return CatalogEdit(new, _diff(UNIT, code, old, unit_to_row(new_unit)))


def _first_names(names: list[str], most: int = 5) -> Message:
    """“甲”、“乙”… at most ``most`` of them, with 等 when there are more."""
    quoted = joined([f"“{n}”" for n in names[:most]])
    if len(names) <= most:
        return quoted
    return Message("catalog_edits", QT_TRANSLATE_NOOP("catalog_edits", "{names}等"), {"names": quoted})


def _refuse_sole_reporter(catalog: Catalog, unit: Unit) -> None:
    """A unit may not be retired while it is the only active unit reporting an indicator: no one would."""
    alone = [
        ind.name
        for ind in catalog.indicators
        if ind.is_entered and [u.code for u in catalog.reporters(ind)] == [unit.code]
    ]
    if alone:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "catalog_edits",
                "“{unit}”是{names}唯一的填报单位，停用后没有单位填报这些指标，未停用",
            ),
            unit=unit.name,
            names=_first_names(alone),
        )


def edit_thresholds(catalog: Catalog, code: str, fields: Mapping[str, object]) -> CatalogEdit:
    """An indicator's bounds (min, max, usual_min, usual_max, yoy_threshold) and note; "" makes a bound blank."""
    if not catalog.has_indicator(code):
        raise _refuse(QT_TRANSLATE_NOOP("catalog_edits", "目录中没有指标“{code}”"), code=code[:40])
    meaning = sorted(set(fields) - set(THRESHOLD_COLUMNS))
    if meaning:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "catalog_edits",
                "指标的“{fields}”是目录的含义（各单位的上报包和上一级都按它读数），不能在这里修改；只能修改阈值和备注",
            ),
            fields=joined([label(f) for f in meaning], sep="”“"),
        )
    ind = catalog.indicator(code)
    old = indicator_to_row(ind, catalog.plan)
    row = {**old, **fields}
    new_ind = indicator_from_row(_EditReader(INDICATOR, code, row), catalog.plan)
    indicators = [new_ind if i.code == code else i for i in catalog.indicators]
    new = _rebuilt(catalog, list(catalog.units), indicators, edited=code)
    return CatalogEdit(
        new, _diff(INDICATOR, code, old, {k: indicator_to_row(new_ind, catalog.plan)[k] for k in THRESHOLD_COLUMNS})
    )


def with_version(catalog: Catalog, version: str) -> Catalog:
    """``catalog`` under another version name (its content unchanged)."""
    return replace(catalog, version=version)
