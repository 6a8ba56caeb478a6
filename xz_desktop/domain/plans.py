"""A development plan as data: its code, name, base year and target year.

Plans follow one another (十三五 → 十四五 → 十五五). Figures belong to units, indicators and periods, never
to a plan; a period is judged by the plan whose years contain it. No plan's years are written in code:
they come from the plan folder's ``plan.csv`` (or, for a folder of an earlier version without one, from
its ``base_YYYY``/``target_YYYY`` column names).
"""

from __future__ import annotations

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
