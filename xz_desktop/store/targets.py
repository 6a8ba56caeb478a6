"""Unit targets (目标分解) and the district's assessment adjustments (考核加减分): their SQL.

Every write is one transaction; every change of a target leaves an audit row (by trigger).
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.assessment import Adjustment
from ..domain.targets import UnitTarget
from .base import now_iso
from .core import StoreCore


@dataclass(frozen=True)
class TargetAuditEntry:
    unit: str
    indicator: str
    period: str
    action: str
    old_target: float | None
    new_target: float | None
    method: str
    changed_at: str
    changed_by: str


class TargetTable:
    """``store.targets``: the unit targets of this database and the district's bonus/deduction items."""

    def __init__(self, store: StoreCore) -> None:
        self._store = store

    # -- targets ---------------------------------------------------------------------------
    def list(self, unit: str | None = None, indicator: str | None = None) -> list[UnitTarget]:
        sql = "SELECT unit, indicator, target, period, method FROM unit_target"
        where, args = [], []
        if unit is not None:
            where.append("unit = ?")
            args.append(unit)
        if indicator is not None:
            where.append("indicator = ?")
            args.append(indicator)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY indicator, unit, period"
        return [UnitTarget(u, i, float(t), p, m) for u, i, t, p, m in self._store.conn.execute(sql, args)]

    def put(self, targets: Iterable[UnitTarget], author: str, *, replace_indicator: str | None = None) -> int:
        """Write ``targets`` in one transaction; returns how many rows changed.

        ``replace_indicator``: the shares of that indicator for the target year the split ``targets`` name (e.g.
        2025) not in ``targets`` are removed (a new split replaces the old one whole).
        """
        rows = list(targets)
        stamp = now_iso()
        conn = self._store.conn
        before = conn.total_changes
        with self._store.transaction():
            for period in sorted({t.period for t in rows if t.indicator == replace_indicator}):
                keep = {t.unit for t in rows if t.indicator == replace_indicator and t.period == period}
                for (unit,) in conn.execute(
                    "SELECT unit FROM unit_target WHERE indicator = ? AND period = ?", (replace_indicator, period)
                ).fetchall():
                    if unit not in keep:
                        conn.execute(
                            "DELETE FROM unit_target WHERE unit = ? AND indicator = ? AND period = ?",
                            (unit, replace_indicator, period),
                        )
            for t in rows:
                conn.execute(
                    "INSERT INTO unit_target (unit, indicator, period, target, method, changed_at, changed_by)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (unit, indicator, period) DO UPDATE SET target = excluded.target,"
                    " method = excluded.method, changed_at = excluded.changed_at, changed_by = excluded.changed_by"
                    " WHERE unit_target.target IS NOT excluded.target OR unit_target.method IS NOT excluded.method",
                    (t.unit, t.indicator, t.period, t.target, t.method, stamp, author),
                )
        return int(conn.total_changes - before)

    def replace_unit(self, unit: str, targets: Iterable[UnitTarget], author: str) -> int:
        """A unit's copy: put the district's targets for ``unit`` in force, dropping any it no longer sets."""
        rows = [t for t in targets if t.unit == unit]
        conn = self._store.conn
        before = conn.total_changes
        with self._store.transaction():
            keep = {(t.indicator, t.period) for t in rows}
            for indicator, period in conn.execute(
                "SELECT indicator, period FROM unit_target WHERE unit = ?", (unit,)
            ).fetchall():
                if (indicator, period) not in keep:
                    conn.execute(
                        "DELETE FROM unit_target WHERE unit = ? AND indicator = ? AND period = ?",
                        (unit, indicator, period),
                    )
            self.put(rows, author)
        return int(conn.total_changes - before)

    def delete(self, unit: str, indicator: str, period: str) -> bool:
        with self._store.transaction():
            cur = self._store.conn.execute(
                "DELETE FROM unit_target WHERE unit = ? AND indicator = ? AND period = ?", (unit, indicator, period)
            )
        return cur.rowcount > 0

    def history(self, unit: str | None = None) -> builtins.list[TargetAuditEntry]:
        sql = (
            "SELECT unit, indicator, period, action, old_target, new_target, method, changed_at, changed_by"
            " FROM unit_target_audit"
        )
        args: tuple[str, ...] = ()
        if unit is not None:
            sql += " WHERE unit = ?"
            args = (unit,)
        return [TargetAuditEntry(*row) for row in self._store.conn.execute(sql + " ORDER BY id", args)]

    # -- assessment adjustments --------------------------------------------------------------
    def adjustments(self, period: str) -> builtins.list[Adjustment]:
        rows = self._store.conn.execute(
            "SELECT unit, period, points, reason, id FROM assessment_adjustment WHERE period = ? ORDER BY unit, id",
            (period,),
        )
        return [Adjustment(u, p, float(pts), r, int(i)) for u, p, pts, r, i in rows]

    def add_adjustment(self, adjustment: Adjustment, author: str) -> int:
        with self._store.transaction():
            cur = self._store.conn.execute(
                "INSERT INTO assessment_adjustment (unit, period, points, reason, entered_at, entered_by)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (adjustment.unit, adjustment.period, adjustment.points, adjustment.reason.strip(), now_iso(), author),
            )
        return int(cur.lastrowid or 0)
