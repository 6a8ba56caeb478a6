"""Writing the open exchange format (docs/exchange.md) as JSON or CSV."""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from ... import __version__
from ...domain.aggregation import Aggregator
from ...domain.catalog import Aggregation, Catalog, Indicator
from ...domain.periods import Period, parse_period
from ...store import Store
from ...store.database import now_iso
from ..excel.csv_file import csv_text
from ..files import check_target, replacing
from ..progress import SILENT, Progress

FORMAT_NAME = "xz-exchange"
FORMAT_VERSION = 1

# completeness of one record
REPORTED = "reported"  # a unit's figure, given
BLANK = "blank"  # a unit's figure stored empty: missing, not zero
COMPLETE = "complete"  # a total every expected unit contributed to
INCOMPLETE = "incomplete"  # a total some expected unit has not reported: a partial sum, never a verdict
MISSING = "missing"  # a total no unit has reported

AGGREGATE_SOURCE = "aggregate"
DISTRICT_FALLBACK_CODE = "district"

CSV_COLUMNS = [
    "unit",
    "indicator",
    "period",
    "period_start",
    "period_end",
    "value",
    "measure",
    "completeness",
    "units_reported",
    "units_expected",
    "numerator",
    "denominator",
    "source",
    "revision",
    "changed_at",
]


@dataclass(frozen=True)
class ExchangeRecord:
    """One figure as the exchange format carries it (docs/exchange.md, “figures”)."""

    unit: str
    indicator: str
    period: str  # ISO 8601: "2024", or the interval "2024-01/2024-06" for a half-year
    period_start: str  # first day, YYYY-MM-DD
    period_end: str  # last day, YYYY-MM-DD
    value: float | None  # entry measure of the indicator; None is a blank (missing), 0 is a reported zero
    measure: str
    completeness: str
    units_reported: int | None = None  # totals only
    units_expected: int | None = None  # totals only
    numerator: float | None = None  # ratios only
    denominator: float | None = None
    source: str = ""
    revision: int | None = None  # a unit's figure only
    changed_at: str | None = None


@dataclass(frozen=True)
class ExportedExchange:
    path: Path
    format: str  # "json" or "csv"
    figures: int
    totals: int

    def as_json(self) -> dict[str, object]:
        return {"path": str(self.path), "format": self.format, "figures": self.figures, "totals": self.totals}


def iso_period(period: Period) -> tuple[str, str, str]:
    """``(iso, first day, last day)``: ``2024`` → ``2024``; ``2024H1`` → ``2024-01/2024-06``."""
    y = period.year
    if period.is_year:
        return str(y), f"{y}-01-01", f"{y}-12-31"
    if period.half == 1:
        return f"{y}-01/{y}-06", f"{y}-01-01", f"{y}-06-30"
    return f"{y}-07/{y}-12", f"{y}-07-01", f"{y}-12-31"


def own_code(store: Store) -> str:
    """The code this aggregating database carries at the level above (秀洲区: 330411)."""
    level = store.level()
    return level.code if level else DISTRICT_FALLBACK_CODE


def plan_catalogs(store: Store) -> list[Catalog]:
    """The catalog of every plan the database holds, in order."""
    return [store.catalog(p.code) for p in store.plans()]


def every_indicator(catalogs: list[Catalog]) -> list[Indicator]:
    """The indicators of every plan, each code once (a later plan's reading of a code continued wins), in the
    order the plans first name them: a dropped indicator's figures stay described."""
    found: dict[str, Indicator] = {}
    for catalog in catalogs:
        for ind in catalog.indicators:
            found[ind.code] = ind
    return list(found.values())


def _unit_records(store: Store, catalogs: list[Catalog]) -> Iterator[ExchangeRecord]:
    measures = {i.code: i.entry_measure for i in every_indicator(catalogs)}
    for v in sorted(store.values.select(), key=lambda v: (parse_period(v.period), v.unit, v.indicator)):
        iso, start, end = iso_period(parse_period(v.period))
        yield ExchangeRecord(
            v.unit,
            v.indicator,
            iso,
            start,
            end,
            v.value,
            measures.get(v.indicator, ""),
            BLANK if v.value is None else REPORTED,
            source=v.source,
            revision=v.revision,
            changed_at=v.changed_at,
        )


def _total_records(store: Store, periods: list[Period]) -> Iterator[ExchangeRecord]:
    """The totals of each period under the plan that judges it (its indicators, a dropped one's in its years)."""
    figures = store.values.figure_set()
    aggregators: dict[str, Aggregator] = {}
    code = own_code(store)
    for period in periods:
        catalog = store.catalog_for(period)
        aggregator = aggregators.get(catalog.plan.code)
        if aggregator is None:
            aggregator = aggregators[catalog.plan.code] = Aggregator(catalog, figures)
        iso, start, end = iso_period(period)
        for ind in catalog.indicators:
            dv = aggregator.value(ind.code, period)
            reported, missing = len(dv.units_reported), len(dv.units_missing)
            if dv.value is None and not reported:
                continue  # nothing to say: no unit has reported anything of it
            if dv.value is None:
                completeness = MISSING
            else:
                completeness = INCOMPLETE if missing else COMPLETE
            is_ratio = ind.aggregation is Aggregation.RATIO
            yield ExchangeRecord(
                code,
                ind.code,
                iso,
                start,
                end,
                dv.value,
                ind.entry_measure,
                completeness,
                units_reported=reported,
                units_expected=reported + missing,
                numerator=dv.numerator if is_ratio else None,
                denominator=dv.denominator if is_ratio else None,
                source=AGGREGATE_SOURCE,
            )


def exchange_records(store: Store) -> list[ExchangeRecord]:
    """Every stored figure, then (in an aggregating database) its totals of every period with figures."""
    records = list(_unit_records(store, plan_catalogs(store)))
    if store.is_district:
        periods = sorted({parse_period(p) for p in store.values.periods()})
        records.extend(_total_records(store, periods))
    return records


def _number(value: float | None) -> float | int | None:
    """A JSON number, exact: integers without a fraction, others as Python's shortest repr."""
    if value is None or not math.isfinite(value):
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _csv_number(value: float | None) -> str:
    number = _number(value)
    return "" if number is None else repr(number)


def _header(store: Store, catalog: Catalog) -> dict[str, object]:
    level = store.level()
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": now_iso(),
        "program": f"xz-desktop {__version__}",
        "database": {
            "role": "aggregate" if store.is_district else "unit",
            "unit": own_code(store) if store.is_district else store.unit_code,
            "name": level.name if level else store.describe(),
            "above": ({"code": level.above_code, "name": level.above_name} if level and level.above_code else None),
            "database_id": store.database_id,
            "catalog_version": catalog.version,
        },
        "units": [{"code": u.code, "name": u.name, "kind": u.kind.value, "active": u.active} for u in catalog.units],
        "indicators": [
            {
                "code": i.code,
                "name": i.name,
                "measure": i.entry_measure,
                "aggregation": i.aggregation.value,
                **(
                    {"numerator": i.numerator, "denominator": i.denominator, "scale": i.scale}
                    if i.aggregation is Aggregation.RATIO
                    else {}
                ),
            }
            for i in every_indicator(plan_catalogs(store))
        ],
    }


def export_exchange(store: Store, path: str | Path, progress: Progress = SILENT) -> ExportedExchange:
    """Write every figure in the open exchange format to ``path`` (.json or .csv), replacing it only when complete."""
    path = check_target(path, (".json", ".csv"))
    catalog = store.catalog()
    progress.step(0, 2)
    records = exchange_records(store)
    progress.step(1, 2)
    totals = sum(1 for r in records if r.source == AGGREGATE_SOURCE)
    kind = path.suffix.lower().lstrip(".")
    with replacing(path) as tmp:
        if kind == "json":
            figures = []
            for r in records:
                row = asdict(r)
                for key in ("value", "numerator", "denominator"):
                    row[key] = _number(row[key])
                figures.append({k: v for k, v in row.items() if v is not None or k == "value"})
            data = {**_header(store, catalog), "figures": figures}
            with tmp.open("w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=1, allow_nan=False)
                fh.write("\n")
        else:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\r\n")
                writer.writerow(CSV_COLUMNS)
                for r in records:
                    writer.writerow(
                        [
                            r.unit,
                            r.indicator,
                            r.period,
                            r.period_start,
                            r.period_end,
                            _csv_number(r.value),
                            r.measure,
                            r.completeness,
                            "" if r.units_reported is None else r.units_reported,
                            "" if r.units_expected is None else r.units_expected,
                            _csv_number(r.numerator),
                            _csv_number(r.denominator),
                            csv_text(r.source),
                            "" if r.revision is None else r.revision,
                            r.changed_at or "",
                        ]
                    )
    progress.step(2, 2)
    return ExportedExchange(path, kind, len(records) - totals, totals)
