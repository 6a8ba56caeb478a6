"""The indicator catalog, reporting units and consistency rules: the model and its cross-checks.

Reading and writing the catalog as rows of text (CSV files, database rows) is
``catalog_rows.py``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from .limits import COUNT_MEASURES
from .messages import QT_TRANSLATE_NOOP, Message, XzError


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
    base_2015: float | None = None
    base_2020: float | None = None
    target_2025: float | None = None
    target_sense: str | None = None
    min: float | None = None
    max: float | None = None
    usual_min: float | None = None
    usual_max: float | None = None
    yoy_threshold: float | None = None
    note: str = ""

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
    """Indicators, units, rules and overlaps, cross-checked; ``version`` identifies the content."""

    indicators: list[Indicator]
    units: list[Unit]
    rules: list[Rule] = field(default_factory=list)
    version: str = ""
    overlaps: list[Overlap] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_code = {i.code: i for i in self.indicators}
        self._units = {u.code: u for u in self.units}
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
            return [u for u in units if u in wanted or self._units[u].kind is UnitKind.GEOGRAPHIC]
        return [u for u in units if u in wanted]

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
        """A short hash of the content: the same catalog has the same version everywhere."""
        digest = hashlib.sha256()
        tables: list[list[Indicator] | list[Unit] | list[Rule] | list[Overlap]] = [
            self.indicators,
            self.units,
            self.rules,
        ]
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
