"""What an operation changed in the database, so that only the pages that show it reload (see ``operations.py``)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    """What an operation may have changed in the database; a page reloads if it shows any of it."""

    figures: bool = False  # values (and their audit rows): the form, totals, pivot, completeness
    packages: bool = False  # packages merged, taken out or exported: the merge log, 报送情况
    conflicts: bool = False  # conflicts opened or decided: the 冲突 page, 有争议 marks
    catalog: bool = False  # the indicator catalog in force: every page that lists indicators or units
    round: bool = False  # the reporting round: due dates, review decisions, notes (审核, 报送情况, the form's lock)
    targets: bool = False  # unit targets and assessment adjustments: 目标与考核, the form's own targets

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def __and__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) and getattr(other, f.name) for f in fields(self)})


NOTHING = Changes()
EVERYTHING = Changes(figures=True, packages=True, conflicts=True, catalog=True, round=True, targets=True)
# A merge or un-merge writes figures, records its package and may open or close conflicts.
MERGE = Changes(figures=True, packages=True, conflicts=True)
