"""人才发展指数 of a database: the scheme from resources/plan/index.json, each geographic unit's index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...domain.catalog import Catalog, UnitKind
from ...domain.periods import parse_period
from ...domain.talent_index import IndexScheme, UnitIndex, parse_index_scheme, rank_indices, unit_index
from ...paths import resources_dir
from ...store import Store
from .assess import read_json
from .figures import UnitFigures


def index_scheme_path() -> Path:
    return resources_dir() / "plan" / "index.json"


def load_index_scheme(store: Store, path: Path | None = None) -> IndexScheme:
    path = path or index_scheme_path()
    return parse_index_scheme(read_json(path), path.name, {i.code for i in store.catalog().indicators})


def _unit_values(figures: UnitFigures, scheme: IndexScheme, unit: str, year: int) -> dict[str, float | None]:
    catalog = figures.catalog
    return {code: figures.year_figure(unit, catalog.indicator(code), year)[0] for code in scheme.codes}


def index_base_year(scheme: IndexScheme, catalog: Catalog) -> int:
    """The year = 100: the scheme's, if it names one, else the base year of ``catalog``'s plan."""
    return scheme.base_year if scheme.base_year is not None else catalog.plan.base_year


def talent_index(
    store: Store, period: str, scheme: IndexScheme | None = None, *, plan: str | None = None
) -> list[UnitIndex]:
    """The index of every active geographic unit in ``period``'s year, ranked (complete ones only), against the
    base year of the plan that judges the period (or of the plan ``plan``)."""
    year = parse_period(period).year
    scheme = scheme or load_index_scheme(store)
    catalog = store.catalog(plan) if plan is not None else store.catalog_for(period)
    base_year = index_base_year(scheme, catalog)
    figures = UnitFigures(catalog, store.values.figure_set())
    out = []
    for u in catalog.active_units():
        if u.kind is not UnitKind.GEOGRAPHIC:
            continue
        out.append(
            unit_index(
                scheme,
                u.code,
                year,
                _unit_values(figures, scheme, u.code, year),
                _unit_values(figures, scheme, u.code, base_year),
            )
        )
    return rank_indices(out)


def index_trend(store: Store, last_year: int, scheme: IndexScheme | None = None) -> dict[str, list[UnitIndex]]:
    """Each geographic unit's index from the base year of ``last_year``'s plan to ``last_year`` (for the trend
    chart), every year against that base."""
    scheme = scheme or load_index_scheme(store)
    catalog = store.catalog_for(str(last_year))
    trend: dict[str, list[UnitIndex]] = {}
    for year in range(index_base_year(scheme, catalog), last_year + 1):
        for i in talent_index(store, str(year), scheme, plan=catalog.plan.code):
            trend.setdefault(i.unit, []).append(i)
    return trend


def index_json(store: Store, i: UnitIndex) -> dict[str, Any]:
    catalog = store.catalog()
    return {
        "unit": i.unit,
        "index": None if i.index is None else round(i.index, 2),
        "rank": i.rank,
        "parts": [
            {
                "name": p.name,
                "weight": p.weight,
                "index": None if p.index is None else round(p.index, 2),
                "indicators": [
                    {
                        "indicator": f.indicator,
                        "weight": f.weight,
                        "base": f.base,
                        "value": f.value,
                        "normalised": f.normalised,
                    }
                    for f in p.figures
                ],
            }
            for p in i.parts
        ],
        "unit_name": catalog.unit(i.unit).name,
        "year": i.year,
        "complete": i.complete,
        "missing": list(i.missing),
    }
