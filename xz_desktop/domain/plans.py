"""A development plan as data: its code, name, base year and target year.

Plans follow one another (十三五 → 十四五 → 十五五). Figures belong to units, indicators and periods, never
to a plan; a period is judged by the plan whose years contain it. No plan's years are written in code:
they come from the plan folder's ``plan.csv`` (or, for a folder of an earlier version without one, from
its ``base_YYYY``/``target_YYYY`` column names).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    code: str  # e.g. "十四五"
    name: str  # e.g. 《秀洲区人才发展“十四五”规划》
    base_year: int  # the year the plan's base values describe (the previous plan's last year)
    target_year: int  # the year its targets are set for

    @property
    def first_year(self) -> int:
        """The plan's first year: a cumulative target counts from here."""
        return self.base_year + 1

    @property
    def years(self) -> tuple[int, ...]:
        """The plan's own years, first to target year."""
        return tuple(range(self.first_year, self.target_year + 1))

    def contains(self, year: int) -> bool:
        """Whether ``year`` is one of the years this plan judges."""
        return self.first_year <= year <= self.target_year


# A base value's span: a year's figure (the default), or the total of the preceding plan's years (表1 reports
# some of the previous plan's results as five-year totals: 发明专利授权量 2447 = 2016–2020).
SPAN_YEAR = "year"
SPAN_PLAN = "plan"
BASE_SPANS = (SPAN_YEAR, SPAN_PLAN)

# The district this program ships for (resources/catalog/level.csv): a plan folder without plan.csv or
# level.csv is its plan.
DEFAULT_LEVEL_NAME = "秀洲区"
# A year a plan may name: a sanity range, not a plan's years.
MIN_PLAN_YEAR = 1990
MAX_PLAN_YEAR = 2099

_DIGITS = "〇一二三四五六七八九"


@dataclass(frozen=True)
class YearValue:
    """A value a plan records for a year: a history column ``base_YYYY`` (``value`` None where left blank)."""

    year: int
    value: float | None


def _chinese_number(n: int) -> str:
    """1 → 一, 14 → 十四, 20 → 二十, 23 → 二十三 (1–99)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + ("" if ones == 0 else _DIGITS[ones])


def plan_code_for(target_year: int) -> str:
    """The five-year plan's code by the national numbering: the plan ending ``target_year``.

    The 1st plan ran 1953–1957; since the 6th (1981–1985) each ends in a year divisible by 5, so its number is
    (target_year − 1970) ÷ 5 + 3 (2025 → 十四五, 2030 → 十五五). A target year off that grid gets its span.
    """
    number, rest = divmod(target_year - 1970, 5)
    if rest or not 1 <= number + 3 <= 99:
        return f"{target_year - 5}–{target_year}"
    return f"{_chinese_number(number + 3)}五"


def plan_name_for(code: str, level_name: str = DEFAULT_LEVEL_NAME) -> str:
    """The plan's name from its code and the level's name: 《秀洲区人才发展“十四五”规划》."""
    return f"《{level_name}人才发展“{code}”规划》"


def plan_for_year(plans: list[Plan], year: int) -> Plan:
    """The plan that judges ``year``: the one whose years contain it; a year before every plan: the first plan
    (history read under it); a year after every plan's target year: the newest (for entry only:
    :func:`judges` says nothing judges it). ``plans`` in order of their base years, at least one."""
    for plan in plans:
        if plan.contains(year):
            return plan
    if year <= plans[0].base_year:
        return plans[0]
    earlier = [p for p in plans if p.target_year < year]
    later = [p for p in plans if p.base_year >= year]
    if later and earlier:  # a gap between two plans: the one before it
        return earlier[-1]
    return plans[-1]


def plan_in_force(plans: list[Plan], year: int) -> Plan:
    """The plan in force in ``year`` (the current reporting year): the one containing it, else the newest."""
    return next((p for p in plans if p.contains(year)), plans[-1])


def entry_years(plans: list[Plan], history_years: Iterable[int] = ()) -> tuple[int, int]:
    """The years a database holding ``plans`` takes figures for: from the earliest year a plan records (a history
    column, a base year) to the newest plan's target year and one plan's length beyond it (the years of the plan
    to come, entered before its folder arrives and judged by none): 2015–2030 for the 十四五 alone."""
    first = min([*history_years, *(p.base_year for p in plans)])
    last = plans[-1].target_year + (plans[-1].target_year - plans[-1].base_year)
    return first, last


def judges(plan: Plan, year: int) -> bool:
    """Whether ``plan`` can judge a figure of ``year``: never one after its target year (no target reaches it)."""
    return year <= plan.target_year


def combined_version(versions: list[str]) -> str:
    """The catalog version of a database holding several plans: one plan's version is its own; several plans'
    a short hash of theirs, in order."""
    if len(versions) == 1:
        return versions[0]
    return hashlib.sha256("+".join(versions).encode("utf-8")).hexdigest()[:12]
