"""冲突: the figures awaiting the district's decision, and deciding them.

A decision is a district act that un-merging does not undo: choosing the district's own
correction raises the revision it is based on to the one in dispute (the unit's figures up
to there no longer contest it); choosing a unit's figure withdraws the correction, and where
the unit sent two contents with one revision, records which one (``fork_choice``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ...domain.checks import Finding, Severity
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...store import Store
from ...store.conflicts import ConflictCandidate, ConflictRow
from ...store.database import now_iso
from ..checking import findings_for
from .engine import recompute


@dataclass
class ConflictView:
    id: int
    unit: str
    unit_name: str
    indicator: str
    indicator_name: str
    measure: str
    period: str
    kind: str
    revision: int
    candidates: list[ConflictCandidate]
    current: float | None
    current_source: str | None
    resolved_at: str | None = None
    resolved_by: str | None = None
    chosen: ConflictCandidate | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.unit, self.indicator, self.period)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "unit": self.unit,
            "unit_name": self.unit_name,
            "indicator": self.indicator,
            "indicator_name": self.indicator_name,
            "measure": self.measure,
            "period": self.period,
            "kind": self.kind,
            "revision": self.revision,
            "candidates": [c.as_json() for c in self.candidates],
            "current": self.current,
            "current_source": self.current_source,
            "resolved_at": self.resolved_at,
            "resolved_by": self.resolved_by,
            "chosen": None if self.chosen is None else self.chosen.as_json(with_file=False),
        }


def list_conflicts(
    store: Store, *, include_resolved: bool = False, unit: str | None = None, period: str | None = None
) -> list[ConflictView]:
    """Open conflicts (and, on request, decided ones), in unit, period, catalog order."""
    catalog = store.catalog()
    order = {ind.code: n for n, ind in enumerate(catalog.indicators)}
    units = {u.code: (u.sort, u.name) for u in catalog.units}
    out = []
    for r in store.conflicts.select(include_resolved=include_resolved, unit=unit, period=period):
        known = catalog.has_indicator(r.indicator)
        out.append(
            ConflictView(
                r.id,
                r.unit,
                units.get(r.unit, (0, r.unit))[1],
                r.indicator,
                catalog.indicator(r.indicator).name if known else r.indicator,
                catalog.indicator(r.indicator).entry_measure if known else "",
                r.period,
                r.kind,
                r.revision,
                list(r.candidates),
                r.current,
                r.current_source,
                r.resolved_at,
                r.resolved_by,
                r.chosen,
            )
        )
    out.sort(
        key=lambda c: (
            c.resolved_at is not None,
            units.get(c.unit, (0,))[0],
            c.unit,
            c.period,
            order.get(c.indicator, 10**6),
            -c.id,
        )
    )
    return out


def _open_row(store: Store, conflict_id: int) -> ConflictRow:
    row = store.conflicts.get_open(conflict_id)
    if row is None:
        raise XzError(
            Message("packages", QT_TRANSLATE_NOOP("packages", "冲突 {id} 不存在或已处理"), {"id": conflict_id})
        )
    return row


def resolve(store: Store, conflict_id: int, choice: int, *, by: str | None = None) -> list[Finding]:
    """Settle an open conflict with candidate number ``choice`` (0-based, as listed).

    Returns the 逻辑性 errors the unit's period holds once it is settled: figures chosen one by one
    can together break a rule (六类人才之和 > 人才资源总量) that no single candidate broke.
    """
    c = _open_row(store, conflict_id)
    if not 0 <= choice < len(c.candidates):
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "冲突 {id} 只有 {count} 个可选数值"),
                {"id": conflict_id, "count": len(c.candidates)},
            )
        )
    chosen = c.candidates[choice]
    by = by or store.author
    stamp = now_iso()
    with store.transaction(), store.merge_guard():
        if chosen.origin == "district":
            store.candidates.keep_correction(c.key, c.revision)
        else:
            store.candidates.withdraw_correction(c.key, stamp)
            contents = {(x.value, x.explanation) for x in c.candidates if x.origin == "unit"}
            if len(contents) > 1:
                store.candidates.choose_fork(
                    c.key,
                    c.revision,
                    sorted(contents, key=json_order),
                    (chosen.value, chosen.explanation),
                    stamp,
                    by,
                )
        store.conflicts.mark_resolved(conflict_id, stamp, by, chosen)
        recompute(store, c.unit, [c.key])
    return period_errors(store, c.unit, c.period)


def period_errors(store: Store, unit: str, period: str) -> list[Finding]:
    """The 逻辑性 errors of one unit's period as the district now holds it."""
    return [f for f in findings_for(store, unit, period) if f.severity is Severity.ERROR]


def errors_in_conflicted_periods(store: Store) -> list[Finding]:
    """Errors in every unit-period that had a conflict, decided or not: what the 冲突 page must show."""
    seen = sorted({(c.unit, c.period) for c in list_conflicts(store, include_resolved=True)})
    return [f for unit, period in seen for f in period_errors(store, unit, period)]


def json_order(content: tuple[float | None, str]) -> str:
    """The order fork contents have always been stored in: that of their JSON text."""
    return json.dumps(list(content))


def resolve_many(store: Store, conflict_ids: list[int], prefer: str, *, by: str | None = None) -> int:
    """Settle many conflicts at once: ``prefer`` 'unit' (the latest package's figure) or 'district' (the correction)."""
    if prefer not in ("unit", "district"):
        raise ValueError(prefer)
    done = 0
    with store.transaction():
        for cid in conflict_ids:
            candidates = _open_row(store, cid).candidates
            index: int | None
            if prefer == "district":
                index = next((n for n, c in enumerate(candidates) if c.origin == "district"), None)
            else:
                units = [(c.exported_at, c.source, n) for n, c in enumerate(candidates) if c.origin == "unit"]
                index = max(units)[2] if units else None
            if index is None:
                continue  # a fork has no district figure to keep: left for a person to decide
            resolve(store, cid, index, by=by)
            done += 1
    return done


def resolve_package(store: Store, package_id: str, *, by: str | None = None) -> tuple[int, list[Finding]]:
    """Take every figure of one package: each open conflict with a candidate from ``package_id`` gets it.

    Returns how many conflicts were settled and the 逻辑性 errors their unit-periods then hold.
    """
    done = 0
    periods: set[tuple[str, str]] = set()
    with store.transaction():
        for c in list_conflicts(store):
            index = next((n for n, x in enumerate(c.candidates) if x.origin == "unit" and x.source == package_id), None)
            if index is None:
                continue
            resolve(store, c.id, index, by=by)
            periods.add((c.unit, c.period))
            done += 1
    return done, [f for unit, period in sorted(periods) for f in period_errors(store, unit, period)]


def revision_words(revision: int) -> Message:
    """A revision in plain words: “该单位第 3 次修改” (the first entry is not a change)."""
    if revision <= 1:
        return Message("packages", QT_TRANSLATE_NOOP("packages", "该单位首次填报"))
    return Message("packages", QT_TRANSLATE_NOOP("packages", "该单位第 {n} 次修改"), {"n": revision - 1})
