"""What the merge rule weighs for a figure: the district's own corrections (``district_edit``) and
its decisions between forked values (``fork_choice``); with the candidates of ``package_value``
read in the same breath (the table itself is written by :mod:`.packages`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import NamedTuple

from ..domain.merge_rule import Candidate, ForkChoice
from .base import Key, marks
from .core import StoreCore


class Candidates(NamedTuple):
    """Everything stored that the rule weighs, for some of one unit's keys."""

    unit: dict[Key, list[Candidate]]  # the unit's figures in every package in force
    district: dict[Key, Candidate]  # the district's correction in force
    forks: dict[Key, dict[int, ForkChoice]]  # the district's fork decisions, by revision


class Correction(NamedTuple):
    """A district correction in force and not in dispute (what is sent back to the unit)."""

    unit: str
    indicator: str
    period: str
    value: float | None
    explanation: str
    revision: int
    changed_at: str
    changed_by: str


# A district correction that is the figure in force (same revision and source) and not disputed.
_CORRECTIONS = (
    "FROM district_edit e JOIN value v ON v.unit = e.unit AND v.indicator = e.indicator AND v.period = e.period "
    "AND v.revision = e.revision AND v.source = e.source WHERE e.withdrawn_at IS NULL AND NOT EXISTS "
    "(SELECT 1 FROM conflict c WHERE c.unit = e.unit AND c.indicator = e.indicator AND c.period = e.period "
    "AND c.resolved_at IS NULL)"
)


class CandidateTable:
    """``store.candidates``."""

    def __init__(self, store: StoreCore):
        self.store = store

    @property
    def _conn(self) -> sqlite3.Connection:
        return self.store.conn

    def load(self, unit: str, periods: Iterable[str]) -> Candidates:
        """Unit candidates, district corrections and fork choices for a unit's periods, by key."""
        wanted = sorted(set(periods))
        args = (unit, *wanted)
        q = self._conn.execute
        unit_c: dict[Key, list[Candidate]] = {}
        for row in q(
            f"SELECT pv.indicator, pv.period, pv.value, pv.explanation, pv.revision, pv.base_revision, pv.changed_at, "
            f"pv.changed_by, pv.package_id, p.exported_at FROM package_value pv JOIN package p ON p.package_id = pv.package_id "
            f"WHERE pv.unit = ? AND pv.period IN ({marks(wanted)})",
            args,
        ):
            ind, period, value, expl, rev, base, at, by, pid, exported = row
            key = (unit, ind, period)
            candidate = Candidate("unit", rev, base, value, expl, at, by, pid, exported)
            if key in unit_c:
                unit_c[key].append(candidate)
            else:
                unit_c[key] = [candidate]
        edits: dict[Key, Candidate] = {}
        for ind, period, value, expl, rev, base, at, by, source in q(
            f"SELECT indicator, period, value, explanation, revision, base_revision, changed_at, changed_by, source "
            f"FROM district_edit WHERE unit = ? AND period IN ({marks(wanted)}) AND withdrawn_at IS NULL",
            args,
        ):
            edits[(unit, ind, period)] = Candidate("district", rev, base, value, expl, at, by, source)
        forks: dict[Key, dict[int, ForkChoice]] = {}
        for ind, period, rev, contents, chosen, at, by in q(
            f"SELECT indicator, period, revision, contents, chosen, resolved_at, resolved_by FROM fork_choice "
            f"WHERE unit = ? AND period IN ({marks(wanted)})",
            args,
        ):
            forks.setdefault((unit, ind, period), {})[rev] = ForkChoice(
                rev, frozenset(tuple(c) for c in json.loads(contents)), tuple(json.loads(chosen)), at, by
            )
        return Candidates(unit_c, edits, forks)

    # -- the district's corrections -------------------------------------
    def corrections(self, unit: str) -> list[Correction]:
        """The district's corrections of ``unit``'s figures in force and not in dispute, by period and indicator."""
        sql = (
            "SELECT e.unit, e.indicator, e.period, e.value, e.explanation, e.revision, e.changed_at, e.changed_by "
            + _CORRECTIONS
            + " AND e.unit = ? ORDER BY e.period, e.indicator"
        )
        return [Correction(*r) for r in self._conn.execute(sql, (unit,))]

    def corrected_units(self) -> set[str]:
        """Units with at least one such correction."""
        return {str(r[0]) for r in self._conn.execute("SELECT DISTINCT e.unit " + _CORRECTIONS)}

    # -- the district's decisions ---------------------------------------
    def keep_correction(self, key: Key, revision: int) -> None:
        """The district keeps its correction: it now stands above the unit's figures up to ``revision``."""
        with self.store.transaction():
            self._conn.execute(
                "UPDATE district_edit SET base_revision = MAX(base_revision, ?) "
                "WHERE unit = ? AND indicator = ? AND period = ?",
                (revision, *key),
            )

    def withdraw_correction(self, key: Key, at: str) -> None:
        """The district chose the unit's figure over its correction."""
        with self.store.transaction():
            self._conn.execute(
                "UPDATE district_edit SET withdrawn_at = ? WHERE unit = ? AND indicator = ? AND period = ? "
                "AND withdrawn_at IS NULL",
                (at, *key),
            )

    def choose_fork(
        self,
        key: Key,
        revision: int,
        contents: list[tuple[float | None, str]],
        chosen: tuple[float | None, str],
        at: str,
        by: str,
    ) -> None:
        """The district's pick between ``contents`` (sorted) a unit sent with one revision."""
        with self.store.transaction():
            self._conn.execute(
                "INSERT OR REPLACE INTO fork_choice (unit, indicator, period, revision, contents, chosen, resolved_at, "
                "resolved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (*key, revision, json.dumps([list(c) for c in contents]), json.dumps(list(chosen)), at, by),
            )
