"""The merge rule: which figure the district holds for one key, given everything it has received.

A district figure is a *function of a set*: the candidates from every package in force for
the key, the district's own latest correction, and the district's decisions. Because the
result depends on the set and not on the order things arrived, merging packages in any
order, any number of times, gives the same figure; taking a package back out is removing
its candidates and evaluating again. The rules (see docs/packages.md, “合并规则”):

1. Among the unit's candidates the highest revision wins; lower revisions never replace it.
2. Two different contents (value and 说明) at that highest revision are a *fork* conflict
   (the unit's figures were changed in two copies); a district's pick settles it while the
   contents in dispute are still the same ones.
3. A district correction made on top of revision *b* beats every candidate up to *b*. A
   candidate above *b* with a different content that did not start from the correction
   (its base revision is below the correction's revision) is a *correction* conflict.
   One that agrees with the correction, or started from it, replaces it.
4. While a conflict is open the district keeps its correction if it has one, otherwise the
   content from the most recently exported package; totals mark the figure disputed.
5. Among equal contents the figure is credited to the earliest exported package.

This module is pure: no SQL, no Qt.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

Content = tuple[float | None, str]  # (value, explanation)


class Candidate(NamedTuple):
    """One version of a figure (a tuple: a merge evaluates hundreds of thousands)."""

    origin: str  # 'unit' (from a package) or 'district' (the district's correction)
    revision: int
    base_revision: int
    value: float | None
    explanation: str
    changed_at: str
    changed_by: str
    source: str  # package id, or the correction's source ('local', 'import', …)
    exported_at: str = ""  # the package's export time (unit candidates)

    @property
    def content(self) -> Content:
        return (self.value, self.explanation)

    def as_json(self) -> dict[str, object]:
        return {
            "origin": self.origin,
            "revision": self.revision,
            "value": self.value,
            "explanation": self.explanation,
            "changed_at": self.changed_at,
            "changed_by": self.changed_by,
            "source": self.source,
            "exported_at": self.exported_at,
        }


@dataclass(frozen=True)
class ForkChoice:
    revision: int
    contents: frozenset[Content]
    chosen: Content
    resolved_at: str
    resolved_by: str


@dataclass(frozen=True)
class Conflict:
    kind: str  # 'fork' or 'correction'
    revision: int  # the unit's highest revision in dispute
    candidates: tuple[Candidate, ...]
    choice: ForkChoice | None = None  # set when a district decision settles it

    @property
    def open(self) -> bool:
        return self.choice is None

    def candidates_json(self) -> str:
        return json.dumps([c.as_json() for c in self.candidates], ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Outcome:
    winner: Candidate | None
    conflict: Conflict | None = None


def _first(cands: list[Candidate]) -> Candidate:
    return min(cands, key=lambda c: (c.exported_at, c.source))


def _latest(cands: list[Candidate]) -> Candidate:
    return max(cands, key=lambda c: (c.exported_at, c.source))


def _by_content(cands: list[Candidate]) -> dict[Content, Candidate]:
    """One representative per distinct content: the earliest exported package that carried it."""
    groups: dict[Content, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(c.content, []).append(c)
    return {content: _first(group) for content, group in groups.items()}


def _sorted(cands: Iterable[Candidate]) -> tuple[Candidate, ...]:
    return tuple(
        sorted(cands, key=lambda c: (c.origin != "district", -c.revision, repr(c.value), c.explanation, c.source))
    )


def decide(
    unit_candidates: list[Candidate], edit: Candidate | None, forks: dict[int, ForkChoice] | None = None
) -> Outcome:
    """The district figure for one key, and its conflict if there is one."""
    if not unit_candidates:
        return Outcome(edit)
    if edit is None and len(unit_candidates) == 1:
        return Outcome(unit_candidates[0])  # the common case: one package, no correction
    forks = forks or {}
    top = max(c.revision for c in unit_candidates)
    tops = [c for c in unit_candidates if c.revision == top]
    if edit is not None:
        if top <= edit.base_revision:
            return Outcome(edit)  # the correction was made on this or a newer revision
        unseen = [c for c in tops if c.content != edit.content and c.base_revision < edit.revision]
        if unseen:
            reps = _by_content(tops)
            cands = _sorted([edit, *(r for content, r in reps.items() if content != edit.content)])
            return Outcome(edit, Conflict("correction", top, cands))
    reps = _by_content(tops)
    if len(reps) == 1:
        return Outcome(next(iter(reps.values())))
    cands = _sorted(reps.values())
    choice = forks.get(top)
    if choice is not None and set(reps) <= choice.contents and choice.chosen in reps:
        return Outcome(reps[choice.chosen], Conflict("fork", top, cands, choice))
    latest = _latest(tops)
    return Outcome(reps[latest.content], Conflict("fork", top, cands))
