"""人才发展指数: a composite per geographic unit and year, the plan's base year = 100 (2020 for the 十四五), by a
scheme kept as data.

The scheme (``resources/plan/index.json``, read by :func:`parse_index_scheme`) groups indicators into
sub-indices following the plan's 一级指标 (人才规模, 人才素质, 人才平台 …), each with a weight.
The method, with a worked example that can be recomputed by hand, is in docs/plan.md:

1. each indicator is normalised against the unit's own base year: n = (x(year) + d) ÷ (x(2020) + d) × 100
   (for an indicator where less is better: the inverse), at most ``cap``. ``d`` (damping, 0 unless the scheme
   gives one) is for small counts: with d = 5, going from 1 to 2 院士专家工作站 is (2 + 5) ÷ (1 + 5) = 116.7,
   not 200, and a town that had none in 2020 is measured too, (3 + 5) ÷ 5 = 160 for three;
2. a sub-index is the weighted mean of its indicators' n: Σ w·n ÷ Σ w;
3. the index is the weighted mean of the sub-indices: Σ W·P ÷ Σ W.

Without damping a base of 0 gives 100 if the figure is still 0, else the cap. An index needs every figure: a unit missing one (in the year or in 2020)
has no index for that year (不完整, with what is missing) and no rank.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .messages import QT_TRANSLATE_NOOP, Message, XzError

INDEX_DECIMALS = 2


@dataclass(frozen=True)
class IndexIndicator:
    code: str
    weight: float
    lower_is_better: bool = False
    damping: float = 0.0  # d, added to the figure and to its base: small counts move the index by steps it can bear


@dataclass(frozen=True)
class IndexPart:
    name: str
    weight: float
    indicators: tuple[IndexIndicator, ...]


@dataclass(frozen=True)
class IndexScheme:
    base_year: int | None  # the year = 100; None (the shipped scheme): the base year of the plan judging the year
    cap: float
    parts: tuple[IndexPart, ...]

    @property
    def codes(self) -> list[str]:
        return list(dict.fromkeys(i.code for p in self.parts for i in p.indicators))


@dataclass(frozen=True)
class NormalisedFigure:
    indicator: str
    weight: float
    base: float | None
    value: float | None
    normalised: float | None


@dataclass(frozen=True)
class PartIndex:
    name: str
    weight: float
    index: float | None
    figures: tuple[NormalisedFigure, ...]


@dataclass(frozen=True)
class UnitIndex:
    unit: str
    year: int
    index: float | None
    parts: tuple[PartIndex, ...]
    missing: tuple[str, ...]  # indicator codes without a usable figure
    rank: int | None = None

    @property
    def complete(self) -> bool:
        return not self.missing


def normalise(
    value: float | None, base: float | None, cap: float, lower_is_better: bool = False, damping: float = 0.0
) -> float | None:
    """(x + d) ÷ (x(base year) + d) × 100, at most ``cap``; None when either is missing or negative.

    Without damping, a base of 0 (a town with no 院士专家工作站 in 2020): 100 if the figure is still 0, else ``cap``.
    """
    if value is None or base is None or base < 0 or value < 0:
        return None
    value, base = value + damping, base + damping
    if base == 0:
        return 100.0 if value == 0 else cap
    if lower_is_better:
        if value == 0:
            return cap
        return min(cap, base / value * 100)
    return min(cap, value / base * 100)


def unit_index(
    scheme: IndexScheme, unit: str, year: int, values: Mapping[str, float | None], bases: Mapping[str, float | None]
) -> UnitIndex:
    """The index of one unit in ``year``: ``values`` and ``bases`` are its figures of the year and of the base year."""
    parts: list[PartIndex] = []
    missing: list[str] = []
    for part in scheme.parts:
        figures = []
        for ind in part.indicators:
            n = normalise(values.get(ind.code), bases.get(ind.code), scheme.cap, ind.lower_is_better, ind.damping)
            if n is None:
                missing.append(ind.code)
            figures.append(NormalisedFigure(ind.code, ind.weight, bases.get(ind.code), values.get(ind.code), n))
        if any(f.normalised is None for f in figures):
            index = None
        else:
            index = sum(f.weight * (f.normalised or 0.0) for f in figures) / sum(f.weight for f in figures)
        parts.append(PartIndex(part.name, part.weight, index, tuple(figures)))
    total = None
    if all(p.index is not None for p in parts):
        total = sum(p.weight * (p.index or 0.0) for p in parts) / sum(p.weight for p in parts)
    return UnitIndex(unit, year, total, tuple(parts), tuple(dict.fromkeys(missing)))


def rank_indices(indices: Sequence[UnitIndex]) -> list[UnitIndex]:
    """Rank the complete indices by the value shown (2 decimals), highest first; equal values share a rank."""
    ranked = sorted((i for i in indices if i.index is not None), key=lambda i: -round(i.index or 0.0, INDEX_DECIMALS))
    ranks: dict[str, int] = {}
    previous: float | None = None
    rank = 0
    for position, i in enumerate(ranked, start=1):
        shown = round(i.index or 0.0, INDEX_DECIMALS)
        if shown != previous:
            rank, previous = position, shown
        ranks[i.unit] = rank
    return [UnitIndex(i.unit, i.year, i.index, i.parts, i.missing, ranks.get(i.unit)) for i in indices]


# -- the scheme as data ------------------------------------------------------------------------


def _refuse(where: str, what: str) -> XzError:
    return XzError(
        Message(
            "talent_index",
            QT_TRANSLATE_NOOP("talent_index", "人才发展指数方案 {file} 有误：{what}"),
            {"file": where, "what": what},
        )
    )


def _weight(entry: Mapping[str, Any], where: str) -> float:
    w = entry.get("weight")
    if isinstance(w, bool) or not isinstance(w, int | float) or not math.isfinite(w) or w <= 0:
        raise _refuse(where, "权重应为正数")
    return float(w)


def parse_index_scheme(data: Any, where: str, indicators: set[str]) -> IndexScheme:
    if not isinstance(data, dict) or not isinstance(data.get("parts"), list) or not data["parts"]:
        raise _refuse(where, "应为含 parts 列表的 JSON 对象")
    base_year = data.get("base_year")
    cap = data.get("cap")
    if base_year is not None and (
        isinstance(base_year, bool) or not isinstance(base_year, int) or not 1990 <= base_year <= 2099
    ):
        raise _refuse(where, "base_year 应为年份（或不写：以规划的基数年为 100）")
    if isinstance(cap, bool) or not isinstance(cap, int | float) or not math.isfinite(cap) or cap < 100:
        raise _refuse(where, "cap 应为不小于 100 的数字")
    parts = []
    for raw in data["parts"]:
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
            raise _refuse(where, "每个分指数应有 name")
        inds = raw.get("indicators")
        if not isinstance(inds, list) or not inds:
            raise _refuse(where, f"分指数“{raw['name']}”没有指标")
        members = []
        for entry in inds:
            if not isinstance(entry, dict) or entry.get("code") not in indicators:
                raise _refuse(where, f"分指数“{raw['name']}”引用了目录中没有的指标")
            damping = entry.get("damping", 0)
            if isinstance(damping, bool) or not isinstance(damping, int | float) or not 0 <= damping <= 1e6:
                raise _refuse(where, f"指标“{entry['code']}”的 damping 应为不小于 0 的数")
            members.append(
                IndexIndicator(
                    str(entry["code"]), _weight(entry, where), bool(entry.get("lower_is_better")), float(damping)
                )
            )
        parts.append(IndexPart(raw["name"], _weight(raw, where), tuple(members)))
    return IndexScheme(base_year, float(cap), tuple(parts))
