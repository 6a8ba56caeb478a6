"""Evaluating the merge rule over stored candidates and writing the district figures it gives.

:func:`recompute` is the one place that decides merged figures: for a unit's keys it reads
every candidate (packages in force), the district's correction and decisions
(``store.candidates``), asks :func:`domain.merge_rule.decide`, and brings the figures
(``store.values.write_merged``) and the open conflicts (``store.conflicts``) in line with the
answer. Callers hold a transaction and ``store.merge_guard()`` (so the capture triggers of
migration 002 know these writes are derived, not the district's own edits).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ...domain.merge_rule import Candidate, Conflict, decide
from ...store import Store
from ...store.base import Key
from ...store.conflicts import NewConflict
from ...store.package_file import PackageRow
from ...store.values import FigureState, StoredValue


class KeyChange(NamedTuple):
    key: Key
    before: FigureState | None
    after: FigureState | None
    conflict_open: bool

    @property
    def kind(self) -> str:
        if self.conflict_open:
            return "conflict"
        if self.before is None and self.after is not None:
            return "insert"
        if self.before is not None and self.after is None:
            return "delete"
        if self.before is None or self.after is None:
            return "unchanged"  # absent before and after
        # Only the figure and its 说明 count as a change; a new revision or package crediting the same content does not.
        return "unchanged" if self.before.content == self.after.content else "update"


def _candidate(r: PackageRow, package_id: str, exported_at: str) -> Candidate:
    return Candidate(
        "unit", r.revision, r.base_revision, r.value, r.explanation, r.changed_at, r.changed_by, package_id, exported_at
    )


def _state(w: Candidate) -> FigureState:
    return FigureState(w.value, w.explanation, w.revision, w.changed_at, w.changed_by, w.source)


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
    by_key = {(r.unit, r.indicator, r.period): r for r in arriving}  # a package names each key once
    wanted = sorted(set(keys).union(by_key))
    if not wanted:
        return []
    periods = {k[2] for k in wanted}
    unit_c, edits, forks = store.candidates.load(unit, periods)
    fresh: dict[Key, PackageRow] = {}
    for key, r in by_key.items():
        if key in unit_c or key in edits:
            unit_c.setdefault(key, []).append(_candidate(r, package_id, exported_at))
        else:
            fresh[key] = r  # nothing else is known of this figure: the package's row is the figure
    current = store.values.states(unit, periods)
    open_rows = store.conflicts.open_for(unit, periods)
    inserts: list[StoredValue] = []
    upserts: list[StoredValue] = []
    deletes: list[Key] = []
    conflict_deletes: list[int] = []
    conflict_inserts: list[NewConflict] = []
    changes: list[KeyChange] = []
    after: FigureState | None
    for key in wanted:
        before = current.get(key)
        row = fresh.get(key)
        if row is not None and key not in open_rows:
            after = FigureState(row.value, row.explanation, row.revision, row.changed_at, row.changed_by, package_id)
            if before is None or after != before:
                figure = StoredValue(
                    row.unit,
                    row.indicator,
                    row.period,
                    row.value,
                    row.explanation,
                    row.revision,
                    row.changed_at,
                    row.changed_by,
                    package_id,
                )
                (inserts if before is None else upserts).append(figure)
            changes.append(KeyChange(key, before, after, False))
            continue
        candidates = unit_c.get(key, []) if row is None else [_candidate(row, package_id, exported_at)]
        outcome = decide(candidates, edits.get(key), forks.get(key))
        after = None if outcome.winner is None else _state(outcome.winner)
        if after != before and after is not None:
            upserts.append(StoredValue.at(key, after))
        elif after != before:
            deletes.append(key)
        conflict: Conflict | None = outcome.conflict if outcome.conflict is not None and outcome.conflict.open else None
        existing = open_rows.get(key)
        wanted_conflict = None if conflict is None else (conflict.kind, conflict.revision, conflict.candidates_json())
        if existing is not None and (wanted_conflict is None or existing.content != wanted_conflict):
            conflict_deletes.append(existing.id)
        if wanted_conflict is not None and (existing is None or existing.content != wanted_conflict):
            conflict_inserts.append(NewConflict(key, *wanted_conflict))
        changes.append(KeyChange(key, before, after, conflict is not None))
    store.values.write_merged(upserts, inserts=inserts, deletes=deletes)
    store.conflicts.replace_open(conflict_deletes, conflict_inserts)
    return changes
