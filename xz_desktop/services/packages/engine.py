"""Evaluating the merge rule over stored candidates and writing the district figures it gives.

:func:`recompute` is the one place that writes merged figures: for a unit's keys it reads
every candidate (``package_value`` of packages in force), the district's correction
(``district_edit``) and decisions (``fork_choice``), asks :func:`package_rules.decide`,
and brings ``value`` and the open rows of ``conflict`` in line with the answer. Callers
hold a transaction and the :func:`guard` (so the capture triggers of migration 002 know
these writes are derived, not the district's own edits).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from ...domain.merge_rule import Candidate, Conflict, ForkChoice, decide
from ...store import Store
from .package_file import PackageRow

Key = tuple[str, str, str]
Row = tuple  # (value, explanation, revision, changed_at, changed_by, source)
_VALUE_COLUMNS = "unit, indicator, period, value, explanation, revision, changed_at, changed_by, source"


@contextlib.contextmanager
def guard(store: Store) -> Iterator[None]:
    """Inside a transaction: mark the writes as derived for the triggers, until the block ends."""
    store.conn.execute("INSERT INTO merge_guard (active) VALUES (1)")
    try:
        yield
    finally:
        store.conn.execute("DELETE FROM merge_guard")


class KeyChange(NamedTuple):
    key: Key
    before: Row | None
    after: Row | None
    conflict_open: bool

    @property
    def kind(self) -> str:
        if self.conflict_open:
            return "conflict"
        if self.before is None and self.after is not None:
            return "insert"
        if self.before is not None and self.after is None:
            return "delete"
        # Only the figure and its 说明 count as a change; a new revision or package crediting the same content does not.
        return "unchanged" if self.before[:2] == self.after[:2] else "update"


def _in(periods: Iterable[str]) -> tuple[str, list[str]]:
    periods = sorted(set(periods))
    return ",".join("?" * len(periods)), periods


def load_candidates(store: Store, unit: str, periods: Iterable[str]) -> tuple[dict, dict, dict]:
    """Unit candidates, district corrections and fork choices for a unit's periods, by key."""
    marks, args = _in(periods)
    q = store.conn.execute
    unit_c: dict[Key, list[Candidate]] = {}
    for row in q(
        f"SELECT pv.indicator, pv.period, pv.value, pv.explanation, pv.revision, pv.base_revision, pv.changed_at, "
        f"pv.changed_by, pv.package_id, p.exported_at FROM package_value pv JOIN package p ON p.package_id = pv.package_id "
        f"WHERE pv.unit = ? AND pv.period IN ({marks})",
        (unit, *args),
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
        f"SELECT indicator, period, value, explanation, revision, base_revision, changed_at, changed_by, source FROM district_edit "
        f"WHERE unit = ? AND period IN ({marks}) AND withdrawn_at IS NULL",
        (unit, *args),
    ):
        edits[(unit, ind, period)] = Candidate("district", rev, base, value, expl, at, by, source)
    forks: dict[Key, dict[int, ForkChoice]] = {}
    for ind, period, rev, contents, chosen, at, by in q(
        f"SELECT indicator, period, revision, contents, chosen, resolved_at, resolved_by FROM fork_choice "
        f"WHERE unit = ? AND period IN ({marks})",
        (unit, *args),
    ):
        forks.setdefault((unit, ind, period), {})[rev] = ForkChoice(
            rev, frozenset(tuple(c) for c in json.loads(contents)), tuple(json.loads(chosen)), at, by
        )
    return unit_c, edits, forks


def outcome_for(store: Store, key: Key):
    """The rule's answer for one key, from what is stored now."""
    unit_c, edits, forks = load_candidates(store, key[0], [key[2]])
    return decide(unit_c.get(key, []), edits.get(key), forks.get(key))


def _candidate(r: PackageRow, package_id: str, exported_at: str) -> Candidate:
    return Candidate(
        "unit", r.revision, r.base_revision, r.value, r.explanation, r.changed_at, r.changed_by, package_id, exported_at
    )


def recompute(
    store: Store,
    unit: str,
    keys: Iterable[Key],
    arriving: Sequence[PackageRow] = (),
    package_id: str = "",
    exported_at: str = "",
) -> list[KeyChange]:
    """Bring the figures and open conflicts of ``keys`` (all of ``unit``) in line with the rule.

    ``arriving`` are the rows of a package being merged, not yet in ``package_value``: they are
    candidates too (reading them back from the table would only cost time).
    """
    keys = sorted(set(keys).union(r[:3] for r in arriving))
    if not keys:
        return []
    periods = {k[2] for k in keys}
    unit_c, edits, forks = load_candidates(store, unit, periods)
    fresh: dict[Key, PackageRow] = {}
    for r in arriving:
        key = r[:3]
        if key in unit_c or key in edits:
            unit_c.setdefault(key, []).append(_candidate(r, package_id, exported_at))
        else:
            fresh[key] = r  # nothing else is known of this figure: the package's row is the figure
    marks, args = _in(periods)
    q = store.conn.execute
    current: dict[Key, Row] = {
        (unit, r[0], r[1]): tuple(r[2:])
        for r in q(
            f"SELECT indicator, period, value, explanation, revision, changed_at, changed_by, source FROM value "
            f"WHERE unit = ? AND period IN ({marks})",
            (unit, *args),
        )
    }
    open_rows: dict[Key, tuple] = {
        (unit, r[0], r[1]): (r[2], r[3], r[4], r[5])
        for r in q(
            f"SELECT indicator, period, id, kind, revision, candidates FROM conflict "
            f"WHERE unit = ? AND period IN ({marks}) AND resolved_at IS NULL",
            (unit, *args),
        )
    }
    inserts, upserts, deletes, conflict_deletes, conflict_inserts = [], [], [], [], []
    changes: list[KeyChange] = []
    for key in keys:
        before = current.get(key)
        row = fresh.get(key)
        if row is not None and key not in open_rows:
            after = (row.value, row.explanation, row.revision, row.changed_at, row.changed_by, package_id)
            if before is None:
                inserts.append((*key, *after))
            elif after != before:
                upserts.append((*key, *after))
            changes.append(KeyChange(key, before, after, False))
            continue
        candidates = unit_c.get(key, []) if row is None else [_candidate(row, package_id, exported_at)]
        outcome = decide(candidates, edits.get(key), forks.get(key))
        w = outcome.winner
        after = None if w is None else (w.value, w.explanation, w.revision, w.changed_at, w.changed_by, w.source)
        if after != before and after is not None:
            upserts.append((*key, *after))
        elif after != before:
            deletes.append(key)
        conflict: Conflict | None = outcome.conflict if outcome.conflict is not None and outcome.conflict.open else None
        existing = open_rows.get(key)
        wanted = None if conflict is None else (conflict.kind, conflict.revision, conflict.candidates_json())
        if existing is not None and (wanted is None or existing[1:] != wanted):
            conflict_deletes.append((existing[0],))
        if wanted is not None and (existing is None or existing[1:] != wanted):
            conflict_inserts.append((*key, *wanted))
        changes.append(KeyChange(key, before, after, conflict is not None))
    if deletes:
        store.conn.executemany("DELETE FROM value WHERE unit = ? AND indicator = ? AND period = ?", deletes)
    if inserts:
        store.conn.executemany(f"INSERT INTO value ({_VALUE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts)
    if upserts:
        store.conn.executemany(
            f"INSERT INTO value ({_VALUE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (unit, indicator, period) DO UPDATE SET "
            "value = excluded.value, explanation = excluded.explanation, revision = excluded.revision, "
            "changed_at = excluded.changed_at, changed_by = excluded.changed_by, source = excluded.source",
            upserts,
        )
    if conflict_deletes:
        store.conn.executemany("DELETE FROM conflict WHERE id = ?", conflict_deletes)
    if conflict_inserts:
        store.conn.executemany(
            "INSERT INTO conflict (unit, indicator, period, kind, revision, candidates) VALUES (?, ?, ?, ?, ?, ?)",
            conflict_inserts,
        )
    return changes
