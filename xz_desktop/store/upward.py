"""What an aggregating database needs to send its totals to the level above (services/packages/upward.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .database import Store


def change_counts(store: Store, periods: list[str]) -> dict[tuple[str, str], int]:
    """For each (indicator, year) of ``periods``: how many changes its figures (the year and its halves) ever had.

    The audit is append-only and written by triggers with every change, so this count grows whenever a
    total of that key can have changed: it serves as the total's revision in the upward package.
    """
    wanted = {p: p[:4] for p in periods}
    keys = sorted({k for p in periods for k in (p, f"{p[:4]}H1", f"{p[:4]}H2")} if periods else set())
    if not keys:
        return {}
    rows = store.conn.execute(
        f"SELECT indicator, period, COUNT(*) FROM audit WHERE period IN ({','.join('?' * len(keys))}) "
        "GROUP BY indicator, period",
        keys,
    ).fetchall()
    out: dict[tuple[str, str], int] = {}
    for indicator, period, count in rows:
        for asked in wanted:
            if period == asked or (asked.isdigit() and period[:4] == asked):
                out[(indicator, asked)] = out.get((indicator, asked), 0) + int(count)
    return out
