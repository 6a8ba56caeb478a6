"""The indicator catalog, reporting units and consistency rules: the model and its cross-checks.

Reading and writing the catalog as rows of text (CSV files, database rows) is
``catalog_rows.py``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from enum import Enum

from .limits import COUNT_MEASURES
from .messages import QT_TRANSLATE_NOOP, Message, XzError
from .plans import SPAN_PLAN, SPAN_YEAR, Plan, YearValue


class Aggregation(str, Enum):
    STOCK = "stock"  # year-end count: sum over units, latest over time
    FLOW = "flow"  # events in a period: sum over units and over periods
    RATIO = "ratio"  # derived: Σnumerator / Σdenominator × scale
    SUM = "sum"  # derived: the sum of other indicators
    GROWTH = "growth"  # derived: compound annual growth of another indicator
    DISTRICT = "district"  # reported once, by the department that owns it

    @property
    def is_derived(self) -> bool:
        return self in (Aggregation.RATIO, Aggregation.SUM, Aggregation.GROWTH)


class Trajectory(str, Enum):
    LINEAR = "linear"
    COMPOUND = "compound"
    CONSTANT = "constant"


class UnitKind(str, Enum):
    GEOGRAPHIC = "geographic"
    SECTOR = "sector"


GEOGRAPHIC = "geographic"


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    kind: UnitKind
    type: str = ""
    sort: int = 0
    active: bool = True
    # Whom the district calls when the unit is late (催报). Not part of the version: the form is the same.
    contact: str = field(default="", repr=False)
    phone: str = field(default="", repr=False)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    category: str
    source: str
    aggregation: Aggregation
    entry_measure: str
    display_measure: str
    display_factor: float = 1.0
    decimals: int = 0
    table1_seq: int | None = None
    table2_seq: int | None = None
    section: str = ""
    numerator: str | None = None
    denominator: str | None = None
    scale: float = 1.0
    parts: tuple[str, ...] = ()
    growth_of: str | None = None
    target_basis: str = "annual"
    trajectory: Trajectory = Trajectory.LINEAR
    reported_by: tuple[str, ...] = ()
    # The plan's values (catalog.plan says which years): other base_YYYY columns (earlier years' figures),
    # the value at the plan's base year, the target at its target year.
    history: tuple[YearValue, ...] = ()
    base: float | None = None
    target: float | None = None
    target_sense: str | None = None  # min (at least), max (at most), about (approximately: 左右)
    min: float | None = None
    max: float | None = None
    usual_min: float | None = None
    usual_max: float | None = None
    yoy_threshold: float | None = None
    note: str = ""
    base_span: str = SPAN_YEAR  # "year": ``base`` is the base year's figure; "plan": the preceding plan's total

    @property
    def is_about(self) -> bool:
        """Whether the target is approximate (左右): judged as about, not at least."""
        return self.target_sense == "about"

    @property
    def base_is_year(self) -> bool:
        """Whether ``base`` is a year's figure (not the preceding plan's total): a trend may draw it, an
        annual flow's completion may start from it."""
        return self.base_span != SPAN_PLAN

    def history_value(self, year: int) -> float | None:
        """The plan's history value for ``year`` (a ``base_YYYY`` column), or None."""
        return next((h.value for h in self.history if h.year == year), None)

    @property
    def is_entered(self) -> bool:
        """Whether units type this indicator (as opposed to it being computed)."""
        return not self.aggregation.is_derived

    @property
    def is_count(self) -> bool:
        """Whether a figure is a count of people, places or things (entered as a whole number)."""
        return self.entry_measure in COUNT_MEASURES

    @property
    def is_cumulative(self) -> bool:
        return self.aggregation is Aggregation.FLOW and self.target_basis == "cumulative"

    def to_display(self, value: float | None) -> float | None:
        """Entry measure → display measure (人 → 万人)."""
        return None if value is None else value * self.display_factor

    def to_entry(self, value: float | None) -> float | None:
        return None if value is None else value / self.display_factor


@dataclass(frozen=True)
class Rule:
    """``Σleft op Σright`` for one unit and period, in entry measure; an error when false."""

    code: str
    left: tuple[str, ...]
    op: str
    right: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class Overlap:
    """``unit``'s figures of ``indicator`` are already inside other units' figures (e.g. a zone
    lying inside towns): the district total does not add them again; the per-unit view shows them."""

    unit: str
    indicator: str
    note: str = ""


@dataclass
class Catalog:
    """One plan's catalog: its indicators (with that plan's bases and targets), the units, its rules and
    overlaps, cross-checked; ``version`` identifies the content (of every plan a database holds, when stored)."""

    indicators: list[Indicator]
    units: list[Unit]
    rules: list[Rule] = field(default_factory=list)
    version: str = ""
    overlaps: list[Overlap] = field(default_factory=list)
    plan: Plan = field(kw_only=True)

    def __post_init__(self) -> None:
        self._by_code = {i.code: i for i in self.indicators}
        self._units = {u.code: u for u in self.units}
        self._geographic = frozenset(u.code for u in self.units if u.kind is UnitKind.GEOGRAPHIC)
        self._inside = {(o.unit, o.indicator) for o in self.overlaps}
        if not self.version:
            self.version = self.fingerprint()

    # -- lookup ---------------------------------------------------------
    def indicator(self, code: str) -> Indicator:
        try:
            return self._by_code[code]
        except KeyError:
            raise XzError(
                Message("catalog", QT_TRANSLATE_NOOP("catalog", "目录中没有指标“{code}”"), {"code": code})
            ) from None

    def has_indicator(self, code: str) -> bool:
        return code in self._by_code

    def unit(self, code: str) -> Unit:
        try:
            return self._units[code]
        except KeyError:
            raise XzError(
                Message("catalog", QT_TRANSLATE_NOOP("catalog", "没有填报单位“{code}”"), {"code": code})
            ) from None

    def has_unit(self, code: str) -> bool:
        return code in self._units

    def active_units(self) -> list[Unit]:
        return sorted((u for u in self.units if u.active), key=lambda u: (u.sort, u.code))

    # -- who reports what -----------------------------------------------
    def reporters(self, indicator: Indicator, active: list[Unit] | None = None) -> list[Unit]:
        """The active units expected to report ``indicator`` (none for a derived one).

        ``active``: :meth:`active_units` already listed by a caller asking about every indicator.
        """
        if indicator.aggregation.is_derived:
            return []
        units = self.active_units() if active is None else active
        chosen = set(self.reporting(indicator, [u.code for u in units]))
        return [u for u in units if u.code in chosen]

    def reports(self, unit: Unit | str, indicator: Indicator) -> bool:
        unit = self.unit(unit) if isinstance(unit, str) else unit
        wanted = indicator.reported_by
        return unit.code in wanted or (GEOGRAPHIC in wanted and unit.kind is UnitKind.GEOGRAPHIC)

    def reporting(self, indicator: Indicator, units: Iterable[str]) -> list[str]:
        """Those of ``units`` (codes in the catalog) that report ``indicator``: :meth:`reports` of each, in one pass."""
        wanted = set(indicator.reported_by)
        if GEOGRAPHIC in wanted:
            wanted |= self._geographic
        return list(filter(wanted.__contains__, units))  # in C: a province lists thousands of units

    def indicators_for_unit(self, unit: Unit | str) -> list[Indicator]:
        """The indicators a unit types, in catalog order."""
        unit = self.unit(unit) if isinstance(unit, str) else unit
        return [i for i in self.indicators if i.is_entered and self.reports(unit, i)]

    def is_inside_others(self, unit: str, indicator: str) -> bool:
        """Whether ``unit``'s figures of ``indicator`` are already counted in other units' (an overlap)."""
        return (unit, indicator) in self._inside

    def components(self, indicator: Indicator) -> list[Indicator]:
        """The indicators a derived one is computed from."""
        codes = {
            Aggregation.RATIO: (indicator.numerator, indicator.denominator),
            Aggregation.SUM: indicator.parts,
            Aggregation.GROWTH: (indicator.growth_of,),
        }.get(indicator.aggregation, ())
        return [self.indicator(c) for c in codes if c]

    def fingerprint(self) -> str:
        """A short hash of the content: the same catalog has the same version everywhere.

        An indicator is hashed as the program always wrote it, its values named by their years
        (``base_2015=…, base_2020=…, target_2025=…``): a plan folder of an earlier version keeps the version
        its packages, receipts and catalog files name. How a value is *read* (``base_span`` "plan", a target
        ``about``) changes no unit's form and is not part of the version, as a unit's contact is not.
        """
        digest = hashlib.sha256()
        for ind in self.indicators:
            digest.update(_indicator_repr(ind, self.plan).encode("utf-8"))
        tables: list[list[Unit] | list[Rule] | list[Overlap]] = [self.units, self.rules]
        if self.overlaps:  # a catalog without overlaps keeps the version it always had
            tables.append(self.overlaps)
        for table in tables:
            for item in table:
                digest.update(repr(item).encode("utf-8"))
        return digest.hexdigest()[:12]

    # -- validation -----------------------------------------------------
    def validate(self, *, stored: bool = False, edited: str | None = None) -> None:
        """Cross-row checks: unique codes, components that exist and are entered; bounds in order. A catalog
        already ``stored`` by an earlier version is held only to the rules of its day, except the indicator
        being ``edited`` now (see ``catalog_rows.RowReader``)."""
        problems: list[str] = []
        seen: set[str] = set()
        for ind in self.indicators:
            if ind.code in seen:
                problems.append(f"指标代码“{ind.code}”重复")
            seen.add(ind.code)
            self._validate_indicator(ind, problems, bounds=not stored or ind.code == edited)
        if len(self._units) != len(self.units):
            problems.append("填报单位代码重复")
        for rule in self.rules:
            for code in rule.left + rule.right:
                if code not in self._by_code:
                    problems.append(f"审核规则“{rule.code}”引用了不存在的指标“{code}”")
        seen_overlaps: set[tuple[str, str]] = set()
        for o in self.overlaps:
            self._validate_overlap(o, seen_overlaps, problems)
        if problems:
            raise XzError(
                Message(
                    "catalog",
                    QT_TRANSLATE_NOOP("catalog", "指标目录有误：{problems}"),
                    {"problems": "；".join(problems)},
                )
            )

    def _validate_overlap(self, o: Overlap, seen: set[tuple[str, str]], problems: list[str]) -> None:
        if (o.unit, o.indicator) in seen:
            problems.append(f"重叠单位“{o.unit}”的指标“{o.indicator}”重复")
        seen.add((o.unit, o.indicator))
        if o.unit not in self._units:
            problems.append(f"重叠单位“{o.unit}”不存在")
            return
        if o.indicator not in self._by_code:
            problems.append(f"重叠单位“{o.unit}”引用了不存在的指标“{o.indicator}”")
            return
        ind = self._by_code[o.indicator]
        if ind.aggregation.is_derived or ind.aggregation is Aggregation.DISTRICT:
            problems.append(f"重叠只能用于各单位相加的指标，“{o.indicator}”不是")
        elif not self.reports(o.unit, ind):
            problems.append(f"“{o.unit}”不填报“{o.indicator}”，不能声明重叠")

    @staticmethod
    def _validate_bounds(ind: Indicator, problems: list[str]) -> None:
        for low, high, what in (
            (ind.min, ind.max, "最小值大于最大值"),
            (ind.usual_min, ind.usual_max, "常见范围下限大于上限"),
        ):
            if low is not None and high is not None and low > high:
                problems.append(f"指标“{ind.code}”的{what}（{low:g} > {high:g}）")
        if ind.yoy_threshold is not None and ind.yoy_threshold <= 0:
            problems.append(f"指标“{ind.code}”的同比变化阈值应大于 0（0.3 表示 30%）")

    def _validate_indicator(self, ind: Indicator, problems: list[str], *, bounds: bool = True) -> None:
        if bounds:
            self._validate_bounds(ind, problems)

        def need(code: str | None, what: str) -> None:
            if not code:
                problems.append(f"指标“{ind.code}”缺少{what}")
            elif code not in self._by_code:
                problems.append(f"指标“{ind.code}”的{what}“{code}”不存在")

        if ind.aggregation is Aggregation.RATIO:
            need(ind.numerator, "分子")
            need(ind.denominator, "分母")
        elif ind.aggregation is Aggregation.SUM:
            if not ind.parts:
                problems.append(f"指标“{ind.code}”缺少组成项")
            for part in ind.parts:
                need(part, "组成项")
        elif ind.aggregation is Aggregation.GROWTH:
            need(ind.growth_of, "增长基础指标")
        else:
            if not ind.reported_by:
                problems.append(f"指标“{ind.code}”没有填报单位")
            for code in ind.reported_by:
                if code != GEOGRAPHIC and code not in self._units:
                    problems.append(f"指标“{ind.code}”的填报单位“{code}”不存在")
            if ind.aggregation is Aggregation.DISTRICT and len(ind.reported_by) != 1:
                problems.append(f"区级指标“{ind.code}”只能由一个单位填报")


_VALUE_FIELDS = frozenset({"history", "base", "target", "base_span"})


def _indicator_repr(ind: Indicator, plan: Plan) -> str:
    """``repr(ind)`` as the indicator record was before plans were data: its values as fields named by year."""
    parts: list[str] = []
    for f in fields(Indicator):
        if f.name == "history":
            values = [(h.year, f"base_{h.year}", h.value) for h in ind.history]
            values.append((plan.base_year, f"base_{plan.base_year}", ind.base))
            parts += [f"{name}={value!r}" for _, name, value in sorted(values, key=lambda v: v[0])]
            parts.append(f"target_{plan.target_year}={ind.target!r}")
        elif f.name == "target_sense":
            parts.append(f"target_sense={'min' if ind.target_sense == 'about' else ind.target_sense!r}")
        elif f.name not in _VALUE_FIELDS:
            parts.append(f"{f.name}={getattr(ind, f.name)!r}")
    return f"Indicator({', '.join(parts)})"
