"""Conflicts (the ``conflict`` table): figures awaiting, or given, the district's decision."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

from .base import Key, marks
from .core import StoreCore
from .packages import PackageTable


@dataclass(frozen=True)
class ConflictCandidate:
    """One value in dispute, with its origin, as a conflict stores it."""

    origin: str  # 'unit' (from a package) or 'district' (the district's correction)
    revision: int
    value: float | None
    explanation: str
    changed_at: str
    changed_by: str
    source: str  # package id, or the correction's source
    exported_at: str = ""
    file: str | None = None  # the package's file when it was merged (unit candidates)

    @classmethod
    def from_json(cls, data: dict[str, Any], file: str | None = None) -> ConflictCandidate:
        return cls(
            data["origin"],
            data["revision"],
            data["value"],
            data["explanation"],
            data["changed_at"],
            data["changed_by"],
            data["source"],
            data.get("exported_at", ""),
            file,
        )

    def as_json(self, *, with_file: bool = True) -> dict[str, Any]:
        data = asdict(self)
        if not with_file:
            del data["file"]
        return data


@dataclass(frozen=True)
class ConflictRow:
    """A stored conflict, with the figure the district holds for it now."""

    id: int
    unit: str
    indicator: str
    period: str
    kind: str  # 'fork' or 'correction'
    revision: int
    candidates: tuple[ConflictCandidate, ...]
    resolved_at: str | None
    resolved_by: str | None
    chosen: ConflictCandidate | None
    current: float | None
    current_source: str | None

    @property
    def key(self) -> Key:
        return (self.unit, self.indicator, self.period)


class OpenConflict(NamedTuple):
    """An open conflict as the merge compares it with what the rule now says."""

    id: int
    kind: str
    revision: int
    candidates_json: str

    @property
    def content(self) -> tuple[str, int, str]:
        return (self.kind, self.revision, self.candidates_json)


class NewConflict(NamedTuple):
    key: Key
    kind: str
    revision: int
    candidates_json: str


class ConflictTable:
    """``store.conflicts``."""

    def __init__(self, store: StoreCore, packages: PackageTable):
        self.store = store
        self._packages = packages

    @property
    def _conn(self) -> sqlite3.Connection:
        return self.store.conn

    def open_keys(self) -> set[Key]:
        """Figures with a conflict awaiting the district's decision (none before the merge schema)."""
        has_table = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'conflict'"
        ).fetchone()
        if not has_table:
            return set()
        return {
            (str(r[0]), str(r[1]), str(r[2]))
            for r in self._conn.execute(
                "SELECT DISTINCT unit, indicator, period FROM conflict WHERE resolved_at IS NULL"
            )
        }

    def select(
        self, *, include_resolved: bool = False, unit: str | None = None, period: str | None = None
    ) -> list[ConflictRow]:
        """Open conflicts (and, on request, decided ones), unsorted; unit candidates name their package's file."""
        where: list[str] = []
        args: list[str] = []
        if not include_resolved:
            where.append("c.resolved_at IS NULL")
        if unit:
            where.append("c.unit = ?")
            args.append(unit)
        if period:
            where.append("c.period = ?")
            args.append(period)
        sql = (
            "SELECT c.id, c.unit, c.indicator, c.period, c.kind, c.revision, c.candidates, c.resolved_at, c.resolved_by, "
            "c.chosen, v.value, v.source FROM conflict c LEFT JOIN value v ON v.unit = c.unit "
            "AND v.indicator = c.indicator AND v.period = c.period" + (" WHERE " + " AND ".join(where) if where else "")
        )
        files = self._packages.files()
        out = []
        for r in self._conn.execute(sql, args):
            cid, u, ind, per, kind, rev, cands, resolved_at, resolved_by, chosen, current, source = r
            candidates = tuple(
                ConflictCandidate.from_json(c, files.get(c["source"]) if c["origin"] == "unit" else None)
                for c in json.loads(cands)
            )
            picked = ConflictCandidate.from_json(json.loads(chosen)) if chosen else None
            out.append(
                ConflictRow(cid, u, ind, per, kind, rev, candidates, resolved_at, resolved_by, picked, current, source)
            )
        return out

    def get_open(self, conflict_id: int) -> ConflictRow | None:
        """An open conflict by its id (None if there is none, or it is decided)."""
        r = self._conn.execute(
            "SELECT unit, indicator, period, kind, revision, candidates FROM conflict WHERE id = ? AND resolved_at IS NULL",
            (conflict_id,),
        ).fetchone()
        if r is None:
            return None
        unit, indicator, period, kind, revision, cands = r
        candidates = tuple(ConflictCandidate.from_json(c) for c in json.loads(cands))
        return ConflictRow(
            conflict_id, unit, indicator, period, kind, revision, candidates, None, None, None, None, None
        )

    def open_for(self, unit: str, periods: Iterable[str]) -> dict[Key, OpenConflict]:
        """A unit's open conflicts in ``periods``, by key."""
        wanted = sorted(set(periods))
        return {
            (unit, r[0], r[1]): OpenConflict(*r[2:])
            for r in self._conn.execute(
                f"SELECT indicator, period, id, kind, revision, candidates FROM conflict "
                f"WHERE unit = ? AND period IN ({marks(wanted)}) AND resolved_at IS NULL",
                (unit, *wanted),
            )
        }

    def replace_open(self, removed: Sequence[int], added: Sequence[NewConflict]) -> None:
        """Drop the open conflicts ``removed`` (ids) and open ``added``: what a merge's evaluation gives."""
        with self.store.transaction():
            if removed:
                self._conn.executemany("DELETE FROM conflict WHERE id = ?", [(i,) for i in removed])
            if added:
                self._conn.executemany(
                    "INSERT INTO conflict (unit, indicator, period, kind, revision, candidates) VALUES (?, ?, ?, ?, ?, ?)",
                    [(*c.key, c.kind, c.revision, c.candidates_json) for c in added],
                )

    def mark_resolved(self, conflict_id: int, at: str, by: str, chosen: ConflictCandidate) -> None:
        """Record the district's decision (the conflict stays as history)."""
        with self.store.transaction():
            self._conn.execute(
                "UPDATE conflict SET resolved_at = ?, resolved_by = ?, chosen = ? WHERE id = ?",
                (
                    at,
                    by,
                    json.dumps(chosen.as_json(with_file=False), ensure_ascii=False, sort_keys=True),
                    conflict_id,
                ),
            )
