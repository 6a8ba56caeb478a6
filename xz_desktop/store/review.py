"""The reporting round's tables (migration 003): due dates, decisions, notes, nil reports, the review log.

Only SQL lives here; what a state means is :mod:`xz_desktop.domain.round`, what may happen
is :mod:`xz_desktop.services.round`. Callers that change several rows hold ``store.transaction()``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .core import StoreCore as Store


@dataclass(frozen=True)
class DueDate:
    period: str
    due: str  # YYYY-MM-DD
    set_at: str
    set_by: str


@dataclass(frozen=True)
class Decision:
    """The district's decision on a unit's period: ``returned`` (with reasons) or ``accepted`` (locked)."""

    unit: str
    period: str
    state: str
    reason: str
    figure_reasons: dict[str, str]
    decided_at: str
    decided_by: str


@dataclass(frozen=True)
class Note:
    indicator: str
    note: str
    noted_at: str
    noted_by: str


@dataclass(frozen=True)
class ReviewLogEntry:
    id: int
    at: str
    by: str
    action: str
    unit: str
    period: str
    from_state: str
    to_state: str
    reason: str
    details: dict[str, object] = field(default_factory=dict)
    package_id: str | None = None


@dataclass(frozen=True)
class Submission:
    """The packages in force that cover one unit's period."""

    unit: str
    first_exported_at: str
    last_exported_at: str
    last_merged_at: str
    packages: int
    last_file: str
    last_package_id: str
    author: str
    nil_reason: str | None  # the latest package is a nil report (空表上报) with this 说明


class ReviewTable:
    def __init__(self, store: Store):
        self.store = store

    @property
    def _q(self) -> sqlite3.Connection:
        return self.store.conn

    # -- due dates -------------------------------------------------------------
    def due_dates(self) -> dict[str, DueDate]:
        rows = self._q.execute("SELECT period, due, set_at, set_by FROM due_date")
        return {r[0]: DueDate(*r) for r in rows}

    def due(self, period: str) -> DueDate | None:
        row = self._q.execute("SELECT period, due, set_at, set_by FROM due_date WHERE period = ?", (period,)).fetchone()
        return DueDate(*row) if row else None

    def put_due(self, due: DueDate) -> None:
        self._q.execute(
            "INSERT INTO due_date (period, due, set_at, set_by) VALUES (?, ?, ?, ?) ON CONFLICT (period) DO UPDATE SET "
            "due = excluded.due, set_at = excluded.set_at, set_by = excluded.set_by",
            (due.period, due.due, due.set_at, due.set_by),
        )

    def replace_due_dates(self, dues: Iterable[DueDate]) -> None:
        self._q.execute("DELETE FROM due_date")
        for due in dues:
            self.put_due(due)

    # -- decisions -------------------------------------------------------------
    def decisions(self, unit: str | None = None, period: str | None = None) -> list[Decision]:
        sql = "SELECT unit, period, state, reason, figure_reasons, decided_at, decided_by FROM review_state WHERE 1 = 1"
        args: list[str] = []
        if unit is not None:
            sql += " AND unit = ?"
            args.append(unit)
        if period is not None:
            sql += " AND period = ?"
            args.append(period)
        out = []
        for u, p, state, reason, figures, at, by in self._q.execute(sql + " ORDER BY unit, period", args):
            out.append(Decision(u, p, state, reason, dict(json.loads(figures)), at, by))
        return out

    def decision(self, unit: str, period: str) -> Decision | None:
        found = self.decisions(unit, period)
        return found[0] if found else None

    def put_decision(self, d: Decision) -> None:
        self._q.execute(
            "INSERT INTO review_state (unit, period, state, reason, figure_reasons, decided_at, decided_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (unit, period) DO UPDATE SET state = excluded.state, "
            "reason = excluded.reason, figure_reasons = excluded.figure_reasons, decided_at = excluded.decided_at, "
            "decided_by = excluded.decided_by",
            (
                d.unit,
                d.period,
                d.state,
                d.reason,
                json.dumps(d.figure_reasons, ensure_ascii=False, sort_keys=True),
                d.decided_at,
                d.decided_by,
            ),
        )

    def delete_decision(self, unit: str, period: str) -> None:
        self._q.execute("DELETE FROM review_state WHERE unit = ? AND period = ?", (unit, period))

    def replace_decisions(self, unit: str, decisions: Iterable[Decision]) -> None:
        self._q.execute("DELETE FROM review_state WHERE unit = ?", (unit,))
        for d in decisions:
            self.put_decision(d)

    # -- notes -----------------------------------------------------------------
    def notes(self, unit: str, period: str) -> dict[str, Note]:
        rows = self._q.execute(
            "SELECT indicator, note, noted_at, noted_by FROM review_note WHERE unit = ? AND period = ?", (unit, period)
        )
        return {r[0]: Note(*r) for r in rows}

    def put_note(self, unit: str, period: str, note: Note) -> None:
        if not note.note:
            self._q.execute(
                "DELETE FROM review_note WHERE unit = ? AND period = ? AND indicator = ?",
                (unit, period, note.indicator),
            )
            return
        self._q.execute(
            "INSERT INTO review_note (unit, period, indicator, note, noted_at, noted_by) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (unit, period, indicator) DO UPDATE SET note = excluded.note, noted_at = excluded.noted_at, "
            "noted_by = excluded.noted_by",
            (unit, period, note.indicator, note.note, note.noted_at, note.noted_by),
        )

    # -- the log ----------------------------------------------------------------
    def append_log(
        self,
        at: str,
        by: str,
        action: str,
        unit: str,
        period: str,
        from_state: str = "",
        to_state: str = "",
        reason: str = "",
        details: dict[str, object] | None = None,
        package_id: str | None = None,
    ) -> None:
        self._q.execute(
            "INSERT INTO review_log (at, by, action, unit, period, from_state, to_state, reason, details, package_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                at,
                by,
                action,
                unit,
                period,
                from_state,
                to_state,
                reason,
                json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
                package_id,
            ),
        )

    def log(self, unit: str | None = None, period: str | None = None) -> list[ReviewLogEntry]:
        """The review log, oldest first (a due date, with unit '', belongs to every unit of its period)."""
        sql = (
            "SELECT id, at, by, action, unit, period, from_state, to_state, reason, details, package_id "
            "FROM review_log WHERE 1 = 1"
        )
        args: list[str] = []
        if unit is not None:
            sql += " AND unit IN (?, '')"
            args.append(unit)
        if period is not None:
            sql += " AND period = ?"
            args.append(period)
        return [
            ReviewLogEntry(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], dict(json.loads(r[9])), r[10])
            for r in self._q.execute(sql + " ORDER BY id", args)
        ]

    # -- packages, as the round sees them ------------------------------------------
    def submissions(self, period: str, unit: str | None = None) -> dict[str, Submission]:
        """Per unit (or only ``unit``), the packages in force covering ``period`` (a nil report counts)."""
        rows = self._q.execute(
            "SELECT p.unit, p.exported_at, p.merged_at, p.file, p.package_id, p.author, n.reason FROM package p "
            "JOIN json_each(p.periods) j ON j.value = ? LEFT JOIN nil_report n ON n.package_id = p.package_id "
            "AND n.period = ? WHERE p.unmerged_at IS NULL AND (? IS NULL OR p.unit = ?) ORDER BY p.exported_at, p.package_id",
            (period, period, unit, unit),
        )
        found: dict[str, list[tuple[str, str, str, str, str, str | None]]] = {}
        for code, exported, merged, file, package_id, author, nil in rows:
            found.setdefault(code, []).append((exported, merged, file, package_id, author, nil))
        out = {}
        for code, packages in found.items():
            first, last = packages[0], packages[-1]
            out[code] = Submission(
                code,
                first[0],
                last[0],
                max(p[1] for p in packages),
                len(packages),
                last[2],
                last[3],
                last[4],
                last[5],
            )
        return out

    def previous_package_values(self, unit: str, period: str) -> dict[str, float | None] | None:
        """The unit's figures for ``period`` in the package before its latest one in force (None: there is none)."""
        ids = [
            r[0]
            for r in self._q.execute(
                "SELECT p.package_id FROM package p JOIN json_each(p.periods) j ON j.value = ? "
                "WHERE p.unit = ? AND p.unmerged_at IS NULL ORDER BY p.exported_at DESC, p.package_id DESC LIMIT 2",
                (period, unit),
            )
        ]
        if len(ids) < 2:
            return None
        return {
            r[0]: r[1]
            for r in self._q.execute(
                "SELECT indicator, value FROM package_value WHERE package_id = ? AND unit = ? AND period = ?",
                (ids[1], unit, period),
            )
        }

    def add_nil_report(self, package_id: str, unit: str, period: str, reason: str) -> None:
        self._q.execute(
            "INSERT OR IGNORE INTO nil_report (package_id, unit, period, reason) VALUES (?, ?, ?, ?)",
            (package_id, unit, period, reason),
        )

    def open_conflicts(self, unit: str, period: str) -> int:
        row = self._q.execute(
            "SELECT COUNT(*) FROM conflict WHERE unit = ? AND period = ? AND resolved_at IS NULL", (unit, period)
        ).fetchone()
        return int(row[0])
