"""规划终期评估: a plan's targets against its target year, for the district and for each unit's own targets.

The records (domain/evaluation.py) are made from the target year's district totals and unit progress, read
once; ``xz evaluate``, the 终期评估报告 and the window's 终期评估 view all render :func:`evaluate`'s result.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.catalog import Aggregation, Catalog
from ...domain.evaluation import Evaluation, UnitEvaluation, evaluation, unit_evaluation, year_figure
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.periods import parse_period
from ...domain.plans import Plan
from ...store import Store
from ..totals import totals
from .progress import unit_progress_rows


@dataclass(frozen=True)
class PlanEvaluation:
    """The final evaluation of ``plan``: every indicator with a target, then every unit target."""

    plan: Plan
    indicators: list[Evaluation]
    units: list[UnitEvaluation]
    unit_names: dict[str, str]  # every unit's name by its code (who is missing)

    @property
    def table2(self) -> list[Evaluation]:
        """The plan's 表2 targets, in 表2's order."""
        return sorted((e for e in self.indicators if e.table2_seq is not None), key=lambda e: e.table2_seq or 0)

    @property
    def met(self) -> list[Evaluation]:
        return [e for e in self.indicators if e.met is True]

    @property
    def not_met(self) -> list[Evaluation]:
        return [e for e in self.indicators if e.met is False]

    @property
    def incomplete(self) -> list[Evaluation]:
        return [e for e in self.indicators if e.met is None]


def plans_held(store: Store) -> list[Plan]:
    """The plans the database holds, by base year."""
    return store.plans()


def ended_plan(store: Store) -> Plan:
    """The plan a final evaluation is first asked of: the newest whose target year has figures, else the first."""
    years = {parse_period(p).year for p in store.values.periods()}
    plans = plans_held(store)
    ended = [p for p in plans if p.target_year in years]
    return ended[-1] if ended else plans[0]


def plan_catalog(store: Store, plan: Plan) -> Catalog:
    """``plan``'s catalog: its indicators with its bases and targets."""
    return store.catalog(plan.code)


def find_plan(store: Store, code: str) -> Plan:
    """The plan ``code`` of the database; refused, naming the plans held, if there is none."""
    held = plans_held(store)
    for plan in held:
        if plan.code == code.strip():
            return plan
    raise XzError(
        Message(
            "plan_evaluation",
            QT_TRANSLATE_NOOP("plan_evaluation", "数据库中没有规划“{code}”；已有的规划：{held}"),
            {"code": code, "held": "、".join(p.code for p in held)},
        )
    )


def evaluate(store: Store, code: str) -> PlanEvaluation:
    """The final evaluation of the plan ``code``: its target year's figures against its targets."""
    plan = find_plan(store, code)
    catalog = plan_catalog(store, plan)
    year = str(plan.target_year)
    by_year = {y: {r.code: r for r in totals(store, str(y), plan=plan.code)} for y in (plan.base_year, *plan.years)}
    indicators = []
    for r in by_year[plan.target_year].values():
        if r.target is None or not catalog.has_indicator(r.code):
            continue
        ind = catalog.indicator(r.code)
        # A cumulative or a growth rate starts with the plan's first year; any other figure with its base year.
        since_first = ind.is_cumulative or ind.aggregation is Aggregation.GROWTH
        shown = plan.years if since_first else (plan.base_year, *plan.years)
        years = tuple(year_figure(ind, y, by_year[y][r.code]) for y in shown if r.code in by_year[y])
        indicators.append(evaluation(ind, r, years))
    names = {u.code: u.name for u in catalog.units}
    units = [
        unit_evaluation(catalog.indicator(r.indicator), r.progress, names)
        for r in unit_progress_rows(store, year, plan=plan.code)
    ]
    return PlanEvaluation(plan, indicators, units, names)


@dataclass(frozen=True)
class Note:
    """A unit's 说明 on its target-year figure of an indicator behind a missed target (or of one it is made of)."""

    unit: str
    unit_name: str
    indicator: str  # the missed target's indicator
    indicator_name: str
    text: str


def shortfall_notes(store: Store, result: PlanEvaluation) -> list[Note]:
    """What the units said about the missed targets: the 说明 stored with their target-year figures of each
    indicator not met (the district's, or a unit's own) and of the figures it is made of, in catalog order."""
    catalog = plan_catalog(store, result.plan)
    period = str(result.plan.target_year)
    missed = {e.code: e.name for e in result.not_met}
    own = {(u.unit, u.code) for u in result.units if u.met is False}
    missed.update({u.code: u.name for u in result.units if u.met is False})
    out: list[Note] = []
    seen: set[tuple[str, str]] = set()
    for code, name in missed.items():
        ind = catalog.indicator(code)
        codes = [code, *(c.code for c in catalog.components(ind))]
        for part in codes:
            for v in store.values.select(indicator=part, period=period):
                text = v.explanation.strip()
                wanted = code in {e.code for e in result.not_met} or (v.unit, code) in own
                if text and wanted and (v.unit, text) not in seen:
                    seen.add((v.unit, text))
                    out.append(Note(v.unit, result.unit_names.get(v.unit, v.unit), code, name, text))
    return out
