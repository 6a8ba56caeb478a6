"""报送情况: per period, which units have submitted a package, when, and which have not."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..domain.periods import parse_period
from ..store import Store
from ..store.packages import MergedPackage


@dataclass
class UnitStatus:
    unit: str
    name: str
    kind: str  # 'geographic' or 'sector'
    submitted: bool  # a package covering the period is merged (and not taken back out)
    submitted_at: str | None  # when the unit exported its first such package (timeliness)
    package_file: str | None  # the file of its latest such package
    values: int  # figures the district holds for the unit and period (blanks excluded)
    expected: int  # indicators the unit is to report
    last_submitted_at: str | None = None  # export time of its latest package for the period
    merged_at: str | None = None  # when the district merged that latest package
    packages: int = 0  # how many packages in force cover the period
    author: str | None = None  # who made the latest package

    @property
    def missing(self) -> int:
        return max(self.expected - self.values, 0)

    def as_json(self) -> dict:
        data = asdict(self)
        data["missing"] = self.missing
        return data


def submission_status(store: Store, period: str) -> list[UnitStatus]:
    """One row per active unit, in the catalog's order: submitted or not, when, how complete."""
    period = str(parse_period(period))
    catalog = store.catalog()
    packages: dict[str, list[MergedPackage]] = {}
    for p in store.packages.in_force():
        if period in p.periods:
            packages.setdefault(p.unit, []).append(p)
    present = store.values.reported(period)
    active = [u.code for u in catalog.active_units()]
    reported: dict[str, set[str]] = {u: set() for u in active}  # what each unit is expected to report
    for ind in catalog.indicators:
        if ind.is_entered:
            for u in catalog.reporting(ind, active):
                reported[u].add(ind.code)
    out = []
    for unit in catalog.active_units():
        mine = packages.get(unit.code, [])
        first, last = (mine[0], mine[-1]) if mine else (None, None)
        out.append(
            UnitStatus(
                unit=unit.code,
                name=unit.name,
                kind=unit.kind.value,
                submitted=bool(mine),
                submitted_at=first.exported_at if first else None,
                package_file=last.file if last else None,
                # figures present, counting only indicators the unit is expected to report
                values=len(present.get(unit.code, set()) & reported[unit.code]),
                expected=len(reported[unit.code]),
                last_submitted_at=last.exported_at if last else None,
                merged_at=last.merged_at if last else None,
                packages=len(mine),
                author=last.author if last else None,
            )
        )
    return out


def status_periods(store: Store) -> list[str]:
    """Periods worth showing: those with figures or packages, and every plan year."""
    from ..domain.periods import plan_years

    found = set(store.values.periods())
    for p in store.packages.in_force():
        found.update(p.periods)
    found.update(str(y) for y in plan_years())
    return sorted(found, key=parse_period)
