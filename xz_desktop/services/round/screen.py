"""离群筛查: one period's figures across units (robust z-score per 10,000 employed) and against last year."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.periods import Period
from ...domain.round import ScreenFinding, screen
from ...store import Store


@dataclass(frozen=True)
class ScreenRow:
    """A screened figure, with the names an officer reads."""

    finding: ScreenFinding
    unit_name: str
    indicator_name: str
    measure: str

    def as_json(self) -> dict[str, object]:
        f = self.finding
        return {
            "unit": f.unit,
            "unit_name": self.unit_name,
            "indicator": f.indicator,
            "indicator_name": self.indicator_name,
            "measure": self.measure,
            "value": f.value,
            "per_10k_employed": f.per_capita,
            "z": f.z,
            "previous": f.previous,
            "jump": f.jump,
            "outlier": f.outlier,
            "jumped": f.jumped,
        }


def screen_period(
    store: Store, period: Period, *, flagged_only: bool = False, unit: str | None = None
) -> list[ScreenRow]:
    """Every entered figure of the active units for ``period``, screened; ``flagged_only`` keeps the suspicious."""
    catalog = store.catalog()
    key, previous_key = str(period), str(period.previous())  # as the store holds them
    active = {u.code: u for u in catalog.active_units()}
    entered = {i.code: i for i in catalog.indicators if i.is_entered}
    figures = {
        (v.unit, v.indicator): v.value
        for v in store.values.select(period=key)
        if v.unit in active and v.indicator in entered
    }
    before = {
        (v.unit, v.indicator): v.value
        for v in store.values.select(period=previous_key)
        if v.unit in active and v.indicator in entered
    }
    thresholds = {code: ind.yoy_threshold for code, ind in entered.items()}
    out = []
    for finding in screen(figures, before, thresholds):
        if (flagged_only and not finding.flagged) or (unit is not None and finding.unit != unit):
            continue
        ind = entered[finding.indicator]
        out.append(ScreenRow(finding, active[finding.unit].name, ind.name, ind.entry_measure))
    return out
