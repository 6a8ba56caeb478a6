"""目标分解 of a database: import by hand, split by rule (舍位平衡), list, check, and carry to the units.

Targets are in the indicator's entry measure (人, as figures are typed), period 2025 or a milestone year.
``targets_payload`` / ``apply_targets_payload`` are the small pair any file the district sends back to a
unit (the catalog file now, the round's receipt) calls to carry a unit's targets.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...domain.catalog import Aggregation, Catalog, Indicator
from ...domain.incoming import TooLarge, read_regular
from ...domain.limits import MAX_FILE_BYTES
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.numbers import parse_number
from ...domain.targets import (
    Share,
    ShareProblem,
    UnitTarget,
    check_shares,
    district_target_entry,
    is_splittable,
    ratio_targets,
    split_target,
)
from ...store import Store
from .figures import UnitFigures

COLUMNS = ("unit", "indicator", "target")
MAX_TARGET = 1e12


@dataclass(frozen=True)
class TargetRow:
    """A target as listed (``xz targets --json``): entry measure, with names for people."""

    unit: str
    unit_name: str
    indicator: str
    indicator_name: str
    target: float
    period: str
    measure: str
    method: str

    def as_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "indicator": self.indicator,
            "target": self.target,
            "period": self.period,
            "unit_name": self.unit_name,
            "indicator_name": self.indicator_name,
            "measure": self.measure,
            "method": self.method,
        }


@dataclass(frozen=True)
class SplitResult:
    indicator: str
    by: str
    basis_year: int | None
    shares: list[Share]
    district_target: float | None  # entry measure; None for a ratio (each unit gets a ratio of its own)


def _unit_figures(store: Store, catalog: Catalog) -> UnitFigures:
    return UnitFigures(catalog, store.values.figure_set())


def _require_district(store: Store) -> None:
    if not store.is_district:
        raise XzError(
            Message(
                "plan_targets",
                QT_TRANSLATE_NOOP("plan_targets", "目标由区里分解下达；本单位数据库只能通过区里的目录文件接收目标"),
            )
        )


def can_have_target(catalog: Catalog, unit: str, ind: Indicator) -> bool:
    """A unit can be given a target for what it reports, or for a ratio or sum of what it reports."""
    if ind.aggregation is Aggregation.GROWTH:
        return False
    if ind.aggregation.is_derived:
        return all(can_have_target(catalog, unit, c) for c in catalog.components(ind))
    return catalog.reports(unit, ind)


def list_targets(store: Store) -> list[TargetRow]:
    catalog = store.catalog()
    out = []
    for t in store.targets.list():
        ind = catalog.indicator(t.indicator) if catalog.has_indicator(t.indicator) else None
        unit = catalog.unit(t.unit) if catalog.has_unit(t.unit) else None
        out.append(
            TargetRow(
                t.unit,
                unit.name if unit else t.unit,
                t.indicator,
                ind.name if ind else t.indicator,
                t.target,
                t.period,
                ind.entry_measure if ind else "",
                t.method,
            )
        )
    return out


# -- by hand: a CSV file ---------------------------------------------------------------------


def _problem(row: int, template: str, **params: Any) -> Message:
    return Message("plan_targets", template, {"row": row, **params})


def _cell(row: list[str], at: dict[str, int], column: str) -> str:
    return row[at[column]].strip() if column in at and at[column] < len(row) else ""


def read_targets_csv(catalog: Catalog, path: Path) -> list[UnitTarget]:
    """Read ``unit,indicator,target[,period]``; every problem of every row, or the targets."""
    try:
        data = read_regular(path, MAX_FILE_BYTES)  # a pipe or device: refused, never read
    except TooLarge:
        raise XzError(
            Message("plan_targets", QT_TRANSLATE_NOOP("plan_targets", "{file} 太大，不是目标文件"), {"file": path.name})
        ) from None
    except OSError as exc:
        raise XzError(
            Message(
                "plan_targets",
                QT_TRANSLATE_NOOP("plan_targets", "无法读取 {file}：{reason}"),
                {"file": path.name, "reason": exc.strerror or exc},
            )
        ) from exc
    text = None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None or "\x00" in text[:4096]:
        raise XzError(
            Message(
                "plan_targets",
                QT_TRANSLATE_NOOP("plan_targets", "{file} 不是 UTF-8 或 GBK 编码的 CSV 文本文件"),
                {"file": path.name},
            )
        )
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        header = []
    except csv.Error:
        header = []
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise XzError(
            Message(
                "plan_targets",
                QT_TRANSLATE_NOOP(
                    "plan_targets", "{file} 缺少列：{columns}（表头应为 unit,indicator,target[,period]）"
                ),
                {"file": path.name, "columns": ", ".join(missing)},
            )
        )
    at = {c: header.index(c) for c in (*COLUMNS, "period") if c in header}
    problems: list[Message | str] = []
    targets: list[UnitTarget] = []
    seen: dict[tuple[str, str, str], int] = {}
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise XzError(
            Message(
                "plan_targets",
                QT_TRANSLATE_NOOP("plan_targets", "{file} 不是有效的 CSV：{reason}"),
                {"file": path.name, "reason": str(exc)},
            )
        ) from None
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        unit, code, raw = (_cell(row, at, c) for c in ("unit", "indicator", "target"))
        period = _cell(row, at, "period") or str(catalog.plan.target_year)
        try:
            value = parse_number(raw)
        except XzError:
            value = None
            problems.append(
                _problem(number, QT_TRANSLATE_NOOP("plan_targets", "第 {row} 行：目标“{text}”不是数字"), text=raw[:40])
            )
        else:
            if value is None:
                problems.append(_problem(number, QT_TRANSLATE_NOOP("plan_targets", "第 {row} 行：目标为空")))
            elif not math.isfinite(value) or value < 0 or value > MAX_TARGET:
                problems.append(
                    _problem(
                        number,
                        QT_TRANSLATE_NOOP("plan_targets", "第 {row} 行：目标 {text} 超出范围（应为 0 到 10^12）"),
                        text=raw[:40],
                    )
                )
                value = None
        if not catalog.has_unit(unit) or not catalog.unit(unit).active:
            problems.append(
                _problem(
                    number, QT_TRANSLATE_NOOP("plan_targets", "第 {row} 行：没有在用的填报单位“{unit}”"), unit=unit[:40]
                )
            )
            continue
        if not catalog.has_indicator(code):
            problems.append(
                _problem(
                    number, QT_TRANSLATE_NOOP("plan_targets", "第 {row} 行：目录中没有指标“{code}”"), code=code[:40]
                )
            )
            continue
        ind = catalog.indicator(code)
        if not can_have_target(catalog, unit, ind):
            problems.append(
                _problem(
                    number,
                    QT_TRANSLATE_NOOP("plan_targets", "第 {row} 行：{unit} 不填报“{name}”，不能给它下达该指标的目标"),
                    unit=catalog.unit(unit).name,
                    name=ind.name,
                )
            )
            continue
        if not (period.isdigit() and catalog.plan.contains(int(period))):
            problems.append(
                _problem(
                    number,
                    QT_TRANSLATE_NOOP("plan_targets", "第 {row} 行：期别“{period}”应为 {first} 到 {last} 的年份"),
                    period=period[:20],
                    first=catalog.plan.first_year,
                    last=catalog.plan.target_year,
                )
            )
            continue
        key = (unit, code, period)
        if key in seen:
            problems.append(
                _problem(number, QT_TRANSLATE_NOOP("plan_targets", "第 {row} 行与第 {first} 行重复"), first=seen[key])
            )
            continue
        seen[key] = number
        if value is not None:
            targets.append(UnitTarget(unit, code, value, period, "manual"))
    if problems:
        raise XzError(
            Message(
                "plan_targets",
                QT_TRANSLATE_NOOP("plan_targets", "{file} 有 {count} 处错误，未导入任何目标"),
                {"file": path.name, "count": len(problems)},
            ),
            details=problems[:200],
        )
    return targets


def import_targets(store: Store, path: str | Path, author: str | None = None, *, plan: str | None = None) -> int:
    """All or nothing: every row valid, or nothing written. Returns how many targets changed. The targets are the
    plan ``plan``'s (None: the plan in force): a row's period is one of its years, the target year by default."""
    _require_district(store)
    targets = read_targets_csv(store.catalog(plan), Path(path))
    return store.targets.put(targets, author or store.author)


# -- by rule: 舍位平衡 --------------------------------------------------------------------------


def _resolution(total: float) -> float:
    """The coarsest step (1, 0.1, 0.01 …) of which ``total`` is a whole multiple: nothing rounded silently."""
    for decimals in range(0, 7):
        step = 10.0**-decimals
        if abs(round(total / step) * step - total) <= 1e-9 * max(1.0, abs(total)):
            return step
    return 1e-6


def _basis_year(figures: UnitFigures, code: str, units: list[str]) -> int | None:
    """The latest year in which every unit has a figure of ``code`` (entry measure)."""
    ind = figures.catalog.indicator(code)
    plan = figures.catalog.plan
    # From the target year back over this plan and the one before it (2025 … 2015 for the 十四五).
    for year in range(plan.target_year, 2 * plan.base_year - plan.target_year - 1, -1):
        if all(figures.year_figure(u, ind, year)[0] is not None for u in units):
            return year
    return None


def _is_share(text: str) -> bool:
    try:
        return 0 <= float(text) <= 1
    except ValueError:
        return False


def method_label(catalog: Catalog, method: str) -> Message:
    """Where a unit's target came from, in words (the stored ``method`` is a code: manual, split:base …)."""
    method, has_floor, floor = method.partition("+floor")
    if has_floor and _is_share(floor):
        return Message(
            "plan_targets",
            QT_TRANSLATE_NOOP("plan_targets", "{method}，保底份额 {floor}"),
            {"method": method_label(catalog, method), "floor": f"{float(floor):.0%}"},
        )
    if method == "manual":
        return Message("plan_targets", QT_TRANSLATE_NOOP("plan_targets", "直接下达"))
    if method == "split:base":
        return Message(
            "plan_targets", QT_TRANSLATE_NOOP("plan_targets", "按 {year} 年基数分解"), {"year": catalog.plan.base_year}
        )
    if method == "split:ratio":
        return Message(
            "plan_targets",
            QT_TRANSLATE_NOOP("plan_targets", "比率指标：按本单位 {year} 年比率"),
            {"year": catalog.plan.base_year},
        )
    basis = method.removeprefix("split:")
    if method.startswith("split:") and catalog.has_indicator(basis):
        return Message(
            "plan_targets",
            QT_TRANSLATE_NOOP("plan_targets", "按“{basis}”分解"),
            {"basis": catalog.indicator(basis).name},
        )
    return Message("plan_targets", "{method}", {"method": method})  # an imported file's own word


def split(
    store: Store,
    code: str,
    by: str,
    author: str | None = None,
    *,
    write: bool = True,
    floor: float = 0.0,
    fixed: dict[str, float] | None = None,
    plan: str | None = None,
) -> SplitResult:
    """Split the district's target of ``code`` (of the plan ``plan``; None: the plan in force) over its reporting
    units by ``by``: ``base`` (the plan's base year's figures) or an indicator code.

    ``floor``: the share split equally (保底份额), so a unit whose basis is 0 still gets a target; ``fixed``: units'
    shares set by hand (手工调整), the rest split over the others. A basis of 0 without either is refused: it
    would give that unit a target of 0 for good.
    """
    _require_district(store)
    catalog = store.catalog(plan)
    base_year = catalog.plan.base_year
    ind = catalog.indicator(code)
    figures = _unit_figures(store, catalog)
    units = figures.reporters(ind)
    if ind.aggregation is Aggregation.DISTRICT or not units or ind.aggregation is Aggregation.GROWTH:
        raise XzError(
            Message(
                "plan_targets",
                QT_TRANSLATE_NOOP("plan_targets", "“{name}”由一个单位填报或由计算得出，不需要分解到单位"),
                {"name": ind.name},
            )
        )
    if ind.target is None:
        raise XzError(
            Message(
                "plan_targets",
                QT_TRANSLATE_NOOP("plan_targets", "“{name}”没有规划目标，无法分解"),
                {"name": ind.name},
            )
        )
    basis = ind if by == "base" else (catalog.indicator(by) if catalog.has_indicator(by) else None)
    if basis is None:
        raise XzError(
            Message(
                "plan_targets",
                QT_TRANSLATE_NOOP("plan_targets", "分解依据“{by}”应为 base 或目录中的指标代码"),
                {"by": by},
            )
        )
    fixed = dict(fixed or {})
    strangers = [u for u in fixed if u not in units]
    if strangers:
        raise XzError(
            Message(
                "plan_targets",
                QT_TRANSLATE_NOOP("plan_targets", "手工份额的单位“{units}”不填报“{name}”"),
                {"units": "、".join(strangers), "name": ind.name},
            )
        )
    if ind.aggregation is Aggregation.RATIO:
        if floor or fixed:
            raise XzError(
                Message(
                    "plan_targets",
                    QT_TRANSLATE_NOOP(
                        "plan_targets",
                        "“{name}”是比率，各单位目标不相加，没有保底份额或手工份额：可用 --import 逐个修改",
                    ),
                    {"name": ind.name},
                )
            )
        bases = {u: figures.year_figure(u, ind, base_year)[0] for u in units}
        district_base = ind.base
        shares = ratio_targets(ind, bases, district_base)
        method = "split:ratio"
        result = SplitResult(code, by, base_year, shares, None)
    else:
        if by == "base":
            year: int | None = base_year
            lacking = [u for u in units if figures.year_figure(u, ind, base_year)[0] is None]
            if lacking:
                raise XzError(
                    Message(
                        "plan_targets",
                        QT_TRANSLATE_NOOP(
                            "plan_targets", "按 {year} 年基数分解“{name}”，但这些单位没有 {year} 年数：{units}"
                        ),
                        {
                            "name": ind.name,
                            "units": "、".join(catalog.unit(u).name for u in lacking),
                            "year": base_year,
                        },
                    )
                )
        else:
            reporters_of_basis = set(figures.reporters(basis))
            outside = [u for u in units if u not in reporters_of_basis]
            if outside:
                raise XzError(
                    Message(
                        "plan_targets",
                        QT_TRANSLATE_NOOP("plan_targets", "分解依据“{basis}”不由这些单位填报：{units}"),
                        {"basis": basis.name, "units": "、".join(catalog.unit(u).name for u in outside)},
                    )
                )
            year = _basis_year(figures, basis.code, units)
            if year is None:
                raise XzError(
                    Message(
                        "plan_targets",
                        QT_TRANSLATE_NOOP("plan_targets", "没有哪一年各单位都填报了“{basis}”，无法按它分解"),
                        {"basis": basis.name},
                    )
                )
        basis_year = year if year is not None else base_year
        weights = {u: figures.year_figure(u, basis, basis_year)[0] or 0.0 for u in units}
        zero = [u for u in units if weights[u] == 0 and u not in fixed]
        if zero and not floor:
            raise XzError(
                Message(
                    "plan_targets",
                    QT_TRANSLATE_NOOP(
                        "plan_targets",
                        "按“{basis}”分解，这些单位的依据为 0，将永远分得 0：{units}。"
                        "请给保底份额（如 20% 由各单位平均分配），或按其他指标分解，或手工给定这些单位的份额",
                    ),
                    {"basis": basis.name, "units": "、".join(catalog.unit(u).name for u in zero)},
                )
            )
        total = district_target_entry(ind) or 0.0
        shares = split_target(ind, weights, resolution=_resolution(total), floor=floor, fixed=fixed)
        method = f"split:{by}" + (f"+floor{floor:g}" if floor else "")
        result = SplitResult(code, by, year, shares, total)
    if write:
        store.targets.put(
            [
                UnitTarget(
                    s.unit, code, s.target, str(catalog.plan.target_year), "manual" if s.unit in fixed else method
                )
                for s in shares
            ],
            author or store.author,
            replace_indicator=code,
        )
    return result


def parse_fixed_shares(catalog: Catalog, text: str) -> dict[str, float]:
    """``单位=目标`` pairs separated by commas or 、 (a unit by its code or its name): the shares set by hand."""
    fixed: dict[str, float] = {}
    for raw in text.replace("，", ",").replace("、", ",").replace(";", ",").replace("；", ",").split(","):
        if not raw.strip():
            continue
        who, sep, number = raw.replace("＝", "=").partition("=")
        who = who.strip()
        code = who if catalog.has_unit(who) else next((u.code for u in catalog.units if u.name == who), None)
        try:
            value = parse_number(number) if sep else None
        except XzError:
            value = None
        if code is None or value is None or code in fixed:
            raise XzError(
                Message(
                    "plan_targets",
                    QT_TRANSLATE_NOOP(
                        "plan_targets", "手工份额“{text}”应写作 单位=目标（每个单位一次），如 新城街道=3"
                    ),
                    {"text": raw.strip()[:40]},
                )
            )
        fixed[code] = value
    return fixed


# -- the check ----------------------------------------------------------------------------------


def check_targets(store: Store, plan: str | None = None) -> list[ShareProblem]:
    """Every indicator whose shares of the plan's target year no longer add up to the district target (after a
    unit came or went), of the plan ``plan`` (None: the plan in force)."""
    catalog = store.catalog(plan)
    figures = UnitFigures(catalog, store.values.figure_set())
    targets = store.targets.list()
    active = [u.code for u in catalog.active_units()]
    problems: list[ShareProblem] = []
    for code in dict.fromkeys(t.indicator for t in targets):
        if not catalog.has_indicator(code):
            continue
        ind = catalog.indicator(code)
        if is_splittable(ind):
            problems += check_shares(ind, targets, figures.reporters(ind), active, catalog.plan)
    return problems


# -- carried to the unit ----------------------------------------------------------------------


def targets_payload(store: Store, unit: str | None = None) -> list[dict[str, Any]]:
    """The targets as plain rows for a file sent to units (all units', or one unit's)."""
    return [
        {"unit": t.unit, "indicator": t.indicator, "period": t.period, "target": t.target, "method": t.method}
        for t in store.targets.list(unit=unit)
    ]


def apply_targets_payload(store: Store, rows: Any, where: str) -> int:
    """In a unit's copy, put the district's targets for this unit in force (others' rows are ignored).

    Every field is checked before anything is written; a bad row refuses the whole set.
    """
    if store.is_district or rows is None:
        return 0
    own = store.unit_code or ""
    catalog = store.catalog()
    if not isinstance(rows, list):
        raise XzError(
            Message("plan_targets", QT_TRANSLATE_NOOP("plan_targets", "{file} 中的目标数据无效"), {"file": where})
        )
    mine: list[UnitTarget] = []
    for row in rows:
        if not isinstance(row, dict):
            raise XzError(
                Message("plan_targets", QT_TRANSLATE_NOOP("plan_targets", "{file} 中的目标数据无效"), {"file": where})
            )
        unit, code, period, target = row.get("unit"), row.get("indicator"), row.get("period"), row.get("target")
        method = row.get("method", "manual")
        ok = (
            isinstance(unit, str)
            and isinstance(code, str)
            and isinstance(period, str)
            and period.isdigit()
            and any(p.contains(int(period)) for p in store.plans())
            and isinstance(target, int | float)
            and not isinstance(target, bool)
            and math.isfinite(target)
            and 0 <= target <= MAX_TARGET
            and isinstance(method, str)
            and len(method) <= 100
        )
        if not ok:
            raise XzError(
                Message("plan_targets", QT_TRANSLATE_NOOP("plan_targets", "{file} 中的目标数据无效"), {"file": where})
            )
        if unit != own or not catalog.has_indicator(str(code)):
            continue
        mine.append(UnitTarget(own, str(code), float(target or 0), str(period), str(method)))
    return store.targets.replace_unit(own, mine, store.author)
