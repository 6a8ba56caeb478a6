"""``xz check`` of the totals kept in the database (migration 008): each recomputed from the figures."""

from __future__ import annotations

import json

from ..domain.messages import XzError
from ..domain.periods import parse_period
from ..domain.totals import district_totals
from ..store import Store
from .kept_totals import code_digest, totals_text
from .pivot import table_text, unit_table
from .totals import marked, year_figures


def kept_differences(store: Store) -> list[str]:
    """Chinese, one line each: the triggers kept totals rely on that are missing or changed, and each period whose
    kept totals (or units × indicators table) differ from the totals computed from the figures now, whatever
    their seal says (a row that would not be read is reported all the same: the file was changed)."""
    found = []
    kept = store.stored_totals.periods()
    # Without kept rows a missing trigger misleads no one (nothing is kept while one is missing), and a database of
    # an earlier version opened read-only has none of them.
    missing = store.stored_totals.missing_guards() if kept else []
    if missing:
        found.append("留存汇总所依赖的触发器缺失或被改动：" + "、".join(missing))
    catalog = store.catalog()
    for key in kept:
        if key.program != code_digest():
            continue  # kept by another version of the program: never read by this one
        texts = store.stored_totals.unsealed(key)
        if texts is None:
            continue
        what = f"{key.period}{'（沿用上期）' if key.carry_forward else ''}"
        try:
            period = parse_period(key.period)
        except XzError:
            found.append(f"留存的{what}汇总不是本程序所写")
            continue
        aggregator, errors = year_figures(store, period, carry_forward=key.carry_forward)
        rows = marked(district_totals(catalog, aggregator, period), errors, period)
        same = _same_json(texts[0], totals_text(rows))
        if same and texts[1] is not None:
            same = period.is_year and _same_json(texts[1], table_text(unit_table(catalog, aggregator, period)))
        if not same:
            found.append(f"留存的{what}汇总与按现有数据重新计算的结果不符")
    return found


def _same_json(kept: str | None, computed: str) -> bool:
    if kept is None:
        return False
    try:
        return bool(json.loads(kept) == json.loads(computed))
    except (ValueError, RecursionError):
        return False
