"""Checks of single fields read from a file, before anything uses them (every file is hostile)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from .limits import EARLIEST_YEAR, MAX_CLOCK_SKEW_HOURS, MAX_CODE

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
# ISO 8601 as this program writes it (2024-01-10T08:00:00.000Z), or with seconds only, or an offset.
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$")


def is_code(text: object) -> bool:
    """A unit or indicator code: short, letters, digits, ``_ . -``."""
    return isinstance(text, str) and 0 < len(text) <= MAX_CODE and bool(_CODE.match(text))


def parse_timestamp(text: object, now: datetime | None = None) -> datetime | None:
    """The moment ``text`` names, or ``None`` when it is not an ISO time between the plan's start and now (+ skew)."""
    if not isinstance(text, str) or len(text) > 40 or not _ISO.match(text):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    if moment.year < EARLIEST_YEAR or moment > now + timedelta(hours=MAX_CLOCK_SKEW_HOURS):
        return None
    return moment


def is_small_int(value: object, high: int, low: int = 0) -> bool:
    """An ``int`` (not a bool) in ``low…high``."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
