"""考核 of a database for a year: the scheme from resources/plan/assessment.json, scores, ranks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ...domain.assessment import (
    UNSCORED_TEXT,
    Adjustment,
    Scheme,
    UnitScore,
    parse_scheme,
    rank_scores,
    score_unit,
)
from ...domain.catalog import Catalog
from ...domain.incoming import read_regular
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.periods import parse_period
from ...domain.targets import UnitProgress
from ...paths import resources_dir
from ...store import Store
from ..status import submission_status
from .progress import unit_progress_rows


def scheme_path() -> Path:
    return resources_dir() / "plan" / "assessment.json"


def read_json(path: Path) -> Any:
    try:
        return json.loads(read_regular(path).decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise XzError(
            Message(
                "plan_assess",
                QT_TRANSLATE_NOOP("plan_assess", "无法读取方案文件 {file}：{reason}"),
                {"file": path.name, "reason": str(exc)},
            )
        ) from None


def load_scheme(store: Store, path: Path | None = None, *, catalog: Catalog | None = None) -> Scheme:
    """The scheme, its indicators those of ``catalog`` (default: the plan in force's)."""
    path = path or scheme_path()
    catalog = catalog or store.catalog()
    return parse_scheme(
        read_json(path), path.name, {i.code for i in catalog.indicators}, {u.code for u in catalog.units}
    )


def assess(store: Store, period: str, scheme: Scheme | None = None, *, plan: str | None = None) -> list[UnitScore]:
    """Every active unit's score for ``period``'s year, ranked within its kind, under the plan that judges the
    period (or the plan ``plan``)."""
    year = str(parse_period(period).year)
    catalog = store.catalog(plan) if plan is not None else store.catalog_for(period)
    scheme = scheme or load_scheme(store, catalog=catalog)
    rows = unit_progress_rows(store, year, plan=catalog.plan.code)
    by_unit: dict[str, dict[str, UnitProgress]] = {}
    starts: dict[str, dict[str, float | None]] = {}
    for r in rows:
        by_unit.setdefault(r.unit, {})[r.indicator] = r.progress
        ind = catalog.indicator(r.indicator)
        starts.setdefault(r.unit, {})[r.indicator] = 0.0 if ind.is_cumulative else r.progress.base
    adjustments = store.targets.adjustments(year)
    reported = _reported(store, year)
    scores = [
        score_unit(
            scheme,
            u.code,
            u.kind.value,
            by_unit.get(u.code, {}),
            starts.get(u.code, {}),
            adjustments,
            u.code in reported,
        )
        for u in catalog.active_units()
    ]
    return rank_scores(scores)


def _reported(store: Store, year: str) -> set[str]:
    """The units the district holds any figure of for the year or one of its halves."""
    return {s.unit for period in (year, f"{year}H1", f"{year}H2") for s in submission_status(store, period) if s.values}


def score_json(store: Store, s: UnitScore) -> dict[str, Any]:
    catalog = store.catalog()
    name = lambda code: catalog.indicator(code).name if catalog.has_indicator(code) else code
    return {
        "unit": s.unit,
        "score": None if s.score is None else round(s.score, 2),
        "rank": s.rank,
        "items": [
            {
                "indicator": i.indicator,
                "name": name(i.indicator),
                "weight": i.weight,
                "target": i.target,
                "value": i.value,
                "expected": i.expected,
                "due": i.due,
                "ratio": i.ratio,
                "points": i.points,
                "status": i.status,
            }
            for i in s.items
        ]
        + [
            {
                "adjustment": a.id,
                "points": a.points,
                "reason": a.reason,
                "status": "bonus" if a.points > 0 else "deduction",
            }
            for a in s.adjustments
        ],
        "unit_name": catalog.unit(s.unit).name,
        "kind": s.kind,
        "bonus": s.bonus,
        "deduction": s.deduction,
        "complete": s.complete,
        # Why there is no score and no rank: not_reported (未报), incomplete (数据不全), no_target (未下达目标).
        "unscored": s.unscored,
        "unscored_text": None if s.unscored is None else UNSCORED_TEXT[s.unscored],
    }


def add_adjustment(store: Store, unit: str, period: str, points: float, reason: str, author: str | None = None) -> int:
    """A bonus or deduction item entered by the district, with its reason (refused without one)."""
    if not store.is_district:
        raise XzError(Message("plan_assess", QT_TRANSLATE_NOOP("plan_assess", "加减分只能在区级汇总数据库中录入")))
    catalog = store.catalog()
    if not catalog.has_unit(unit):
        raise XzError(Message("plan_assess", QT_TRANSLATE_NOOP("plan_assess", "没有填报单位“{unit}”"), {"unit": unit}))
    year = str(parse_period(period).year)
    if not points or points != points or abs(points) > 100:
        raise XzError(
            Message("plan_assess", QT_TRANSLATE_NOOP("plan_assess", "加减分应为 -100 到 100 之间、不为 0 的数"))
        )
    reason = (reason or "").strip()
    if not reason or len(reason) > 500:
        raise XzError(Message("plan_assess", QT_TRANSLATE_NOOP("plan_assess", "加减分须写明理由（不超过 500 字）")))
    return store.targets.add_adjustment(Adjustment(unit, year, points, reason), author or store.author)
