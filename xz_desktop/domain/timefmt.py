"""Times as the clerk reads them: stored as UTC ISO text, shown in local wall-clock time.

Every time the program writes (``store.database.now_iso``) is UTC with a ``Z``; the window,
the command line's tables and the Excel workbook all show it through :func:`local_time`, so
no screen shows UTC as if it were local (8 hours off in Xiuzhou). A stamp without a zone
(written by hand, or by an old file) is shown as written, and text that is not a time at all
(an incoming file is hostile in every field) is shown exactly as stored, never guessed at.
Machine-readable output (``--json``, package files) keeps the stored UTC text.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from functools import lru_cache

SECONDS = "%Y-%m-%d %H:%M:%S"
MINUTES = "%Y-%m-%d %H:%M"


def parse_stamp(stamp: str) -> datetime | None:
    """The moment ``stamp`` names (aware when it carries a zone), or None when it is not an ISO time."""
    try:
        return datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def local_time(stamp: str | None, *, seconds: bool = True, tz: tzinfo | None = None) -> str:
    """``2024-01-15T01:30:00.000Z`` as ``2024-01-15 09:30:00`` in UTC+8 (``seconds=False``: ``… 09:30``).

    ``tz`` is the zone to show (default: this computer's); blank gives ``""``.
    """
    return _shown(stamp, seconds, tz) if stamp else ""


@lru_cache(maxsize=4096)  # an Excel export or CSV shows the same few thousand stamps again and again
def _shown(stamp: str, seconds: bool, tz: tzinfo | None) -> str:
    moment = parse_stamp(stamp)
    if moment is None:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone(tz)  # None: this computer's zone
    return moment.strftime(SECONDS if seconds else MINUTES)


def forget_zone() -> None:
    """Drop cached conversions after this computer's zone changed (tests that set ``TZ``)."""
    _shown.cache_clear()


def chinese_date(day: date) -> str:
    """``2024年03月05日``, built without ``strftime``: Windows' C library refuses a format with Chinese
    characters ("Invalid format string") under some code pages, so the frozen program's report failed there."""
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"
