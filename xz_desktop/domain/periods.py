"""Reporting periods: years (``2023``) and half-years (``2023H1``, ``2023H2``).

A period orders before another of the same year when it ends earlier; the year
itself ends with its second half, and counts as the year-end figure.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .messages import QT_TRANSLATE_NOOP, Message, XzError
from .plans import MAX_PLAN_YEAR, MIN_PLAN_YEAR

# A year a period may name at all is in MIN_PLAN_YEAR … MAX_PLAN_YEAR: a sanity range, not a plan's years. Which
# years a database takes figures for follows the plans it holds (:func:`~.plans.entry_years`).

_PATTERN = re.compile(r"^(\d{4})(?:H([12]))?$")


class Period(NamedTuple):
    """A year, or a half of one (``half`` 1 or 2; 0 for the whole year).

    A named tuple, so that hashing, equality and order (by year, then rank) run in C: a year's
    aggregation keys hundreds of thousands of figures by their period.
    """

    year: int
    # Sort key within the year: H1 < H2 < whole year (the year-end figure wins).
    rank: int = 3

    @property
    def half(self) -> int:
        return {1: 1, 2: 2}.get(self.rank, 0)

    @property
    def is_year(self) -> bool:
        return self.rank == 3

    def previous(self) -> Period:
        """The same kind of period one year earlier (for year-on-year checks)."""
        return Period(self.year - 1, self.rank)

    def __str__(self) -> str:
        return str(self.year) if self.is_year else f"{self.year}H{self.half}"


@functools.lru_cache(maxsize=4096)  # a few dozen periods, parsed for every figure read or written
def parse_period(text: str | int) -> Period:
    """Parse ``2023`` or ``2023H1``; refuse anything else or a year outside the sanity range (a refusal is not
    cached). Whether a database takes figures for the year follows its plans (``store.check_year``)."""
    match = _PATTERN.match(str(text).strip().upper())
    if not match:
        raise XzError(
            Message(
                "periods",
                QT_TRANSLATE_NOOP("periods", "无法识别的报告期“{text}”，应为年份（如 2023）或半年（如 2023H1）"),
                {"text": text},
            )
        )
    year = int(match.group(1))
    if not MIN_PLAN_YEAR <= year <= MAX_PLAN_YEAR:
        raise XzError(
            Message(
                "periods",
                QT_TRANSLATE_NOOP("periods", "报告期“{text}”不在 {first}–{last} 年之内"),
                {"text": text, "first": MIN_PLAN_YEAR, "last": MAX_PLAN_YEAR},
            )
        )
    half = match.group(2)
    return Period(year, int(half) if half else 3)


def is_valid_period(text: str) -> bool:
    try:
        parse_period(text)
    except XzError:
        return False
    return True


def period_label(period: str | Period) -> Message:
    """How every page, file name and printout writes a period: “2023年”, “2023年上半年”, “2023年下半年”."""
    p = period if isinstance(period, Period) else parse_period(period)
    template = {
        0: QT_TRANSLATE_NOOP("periods", "{year}年"),
        1: QT_TRANSLATE_NOOP("periods", "{year}年上半年"),
        2: QT_TRANSLATE_NOOP("periods", "{year}年下半年"),
    }[p.half]
    return Message("periods", template, {"year": p.year})
