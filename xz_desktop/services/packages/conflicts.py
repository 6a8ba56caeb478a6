"""冲突: the figures awaiting the district's decision, and deciding them.

A decision is a district act that un-merging does not undo: choosing the district's own
correction raises the revision it is based on to the one in dispute (the unit's figures up
to there no longer contest it); choosing a unit's figure withdraws the correction, and where
the unit sent two contents with one revision, records which one (``fork_choice``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...store import Store
from ...store.database import now_iso
from .engine import guard, recompute
from .package_file import P


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
    candidates: list[dict]  # origin, revision, value, explanation, changed_at, changed_by, source, exported_at, file
    current: float | None
    current_source: str | None
    resolved_at: str | None = None
    resolved_by: str | None = None
    chosen: dict | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.unit, self.indicator, self.period)

    def as_json(self) -> dict:
        return {
            k: getattr(self, k)
            for k in (
                "id",
                "unit",
                "unit_name",
                "indicator",
                "indicator_name",
                "measure",
                "period",
                "kind",
                "revision",
                "candidates",
                "current",
                "current_source",
                "resolved_at",
                "resolved_by",
                "chosen",
            )
        }


def list_conflicts(
    store: Store, *, include_resolved: bool = False, unit: str | None = None, period: str | None = None
) -> list[ConflictView]:
    """Open conflicts (and, on request, decided ones), in unit, period, catalog order."""
    catalog = store.catalog()
    where, args = [], []
    if not include_resolved:
        where.append("c.resolved_at IS NULL")
    if unit:
        where.append("c.unit = ?")
        args.append(unit)
    if period:
        where.append("c.period = ?")
        args.append(period)
    sql = (
        "SELECT c.id, c.unit, c.indicator, c.period, c.kind, c.revision, c.candidates, c.resolved_at, c.resolved_by, c.chosen, "
        "v.value, v.source FROM conflict c LEFT JOIN value v ON v.unit = c.unit AND v.indicator = c.indicator AND v.period = c.period"
        + (" WHERE " + " AND ".join(where) if where else "")
    )
    files = dict(store.conn.execute("SELECT package_id, file FROM package"))
    order = {ind.code: n for n, ind in enumerate(catalog.indicators)}
    units = {u.code: (u.sort, u.name) for u in catalog.units}
    out = []
    for r in store.conn.execute(sql, args):
        cid, u, ind, period, kind, rev, cands, resolved_at, resolved_by, chosen, current, source = r
        candidates = json.loads(cands)
        for c in candidates:
            c["file"] = files.get(c["source"]) if c["origin"] == "unit" else None
        known = catalog.has_indicator(ind)
        out.append(
            ConflictView(
                cid,
                u,
                units.get(u, (0, u))[1],
                ind,
                catalog.indicator(ind).name if known else ind,
                catalog.indicator(ind).entry_measure if known else "",
                period,
                kind,
                rev,
                candidates,
                current,
                source,
                resolved_at,
                resolved_by,
                json.loads(chosen) if chosen else None,
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


def _open_row(store: Store, conflict_id: int) -> tuple:
    row = store.conn.execute(
        "SELECT unit, indicator, period, kind, revision, candidates FROM conflict WHERE id = ? AND resolved_at IS NULL",
        (conflict_id,),
    ).fetchone()
    if row is None:
        raise XzError(Message(P, QT_TRANSLATE_NOOP(P, "冲突 {id} 不存在或已处理"), {"id": conflict_id}))
    return row


def resolve(store: Store, conflict_id: int, choice: int, *, by: str | None = None) -> None:
    """Settle an open conflict with candidate number ``choice`` (0-based, as listed)."""
    unit, indicator, period, kind, revision, cands = _open_row(store, conflict_id)
    candidates = json.loads(cands)
    if not 0 <= choice < len(candidates):
        raise XzError(
            Message(
                P,
                QT_TRANSLATE_NOOP(P, "冲突 {id} 只有 {count} 个可选数值"),
                {"id": conflict_id, "count": len(candidates)},
            )
        )
    chosen = candidates[choice]
    by = by or store.author
    stamp = now_iso()
    key = (unit, indicator, period)
    with store.db.atomic(), guard(store):
        if chosen["origin"] == "district":
            store.conn.execute(
                "UPDATE district_edit SET base_revision = MAX(base_revision, ?) WHERE unit = ? AND indicator = ? AND period = ?",
                (revision, *key),
            )
        else:
            store.conn.execute(
                "UPDATE district_edit SET withdrawn_at = ? WHERE unit = ? AND indicator = ? AND period = ? AND withdrawn_at IS NULL",
                (stamp, *key),
            )
            contents = sorted({json.dumps([c["value"], c["explanation"]]) for c in candidates if c["origin"] == "unit"})
            if len(contents) > 1:
                store.conn.execute(
                    "INSERT OR REPLACE INTO fork_choice (unit, indicator, period, revision, contents, chosen, resolved_at, resolved_by) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        *key,
                        revision,
                        json.dumps([json.loads(c) for c in contents]),
                        json.dumps([chosen["value"], chosen["explanation"]]),
                        stamp,
                        by,
                    ),
                )
        store.conn.execute(
            "UPDATE conflict SET resolved_at = ?, resolved_by = ?, chosen = ? WHERE id = ?",
            (stamp, by, json.dumps(chosen, ensure_ascii=False, sort_keys=True), conflict_id),
        )
        recompute(store, unit, [key])


def resolve_many(store: Store, conflict_ids: list[int], prefer: str, *, by: str | None = None) -> int:
    """Settle many conflicts at once: ``prefer`` 'unit' (the latest package's figure) or 'district' (the correction)."""
    if prefer not in ("unit", "district"):
        raise ValueError(prefer)
    done = 0
    with store.db.atomic():
        for cid in conflict_ids:
            candidates = json.loads(_open_row(store, cid)[5])
            if prefer == "district":
                index = next((n for n, c in enumerate(candidates) if c["origin"] == "district"), None)
            else:
                units = [(c["exported_at"], c["source"], n) for n, c in enumerate(candidates) if c["origin"] == "unit"]
                index = max(units)[2] if units else None
            if index is None:
                continue  # a fork has no district figure to keep: left for a person to decide
            resolve(store, cid, index, by=by)
            done += 1
    return done
