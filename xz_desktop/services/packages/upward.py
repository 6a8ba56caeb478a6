"""The upward package: an aggregating database's totals, sent to the level above as one unit's package.

秀洲区's database sends 嘉兴市 a package of one unit, 330411 (its own code at the level above, from
level.csv), whose figures are its totals of every stock and flow (domain/levels.carried): the
numerator and denominator of every ratio travel as figures of their own, so the city computes
ratios of sums. The city merges it as any package — signed manifest and checksum, idempotent by
package id, order-independent by revision, with provenance, conflicts and review — because it *is*
an ordinary package; a province merges city packages the same way.

Completeness: a total some expected unit has not reported is a partial sum. It does not travel (the
level above then counts this district as missing, which is true); the manifest lists it under
``withheld`` (a count; the command lists each with how many units reported). Every figure that
travels is complete: the manifest's ``level`` entry says so with its ``complete`` count. A ratio's
numerator travels only with its denominator (domain/levels.without_denominator): the level above would
refuse the whole package for a numerator without it; one left home is listed with the denominator it lacks.

Plans: each period's totals are those of the plan that judges it (``store.catalog_for``); the manifest's
``level`` entry names that plan for every period (``plans``: period, code, name, base and target year), so the
level above knows which plan the figures were judged under. A package of an earlier version has no ``plans``.

Revision of a total: the number of changes its figures (the year and its halves) have had, read from
the append-only audit. It grows with every change that can alter the total, so a corrected total
replaces the one sent before and an unchanged one merges as unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ... import __version__
from ...domain.aggregation import Aggregator
from ...domain.catalog_rows import plan_to_row
from ...domain.levels import carried, level_fingerprint, without_denominator
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.periods import Period
from ...store import Store
from ...store.database import now_iso
from ...store.packages import ExportedPackage
from ...store.upward import change_counts
from ..signing.seal import seal_upward, upward_key
from .package_file import SUFFIX, Manifest, PackageRow, new_package_id, write_package

UPWARD_KEY = "level"  # the manifest entry (beyond the standard keys) describing an upward package


@dataclass(frozen=True)
class Withheld:
    indicator: str
    period: str
    reported: int
    expected: int
    # complete, but a ratio's numerator whose denominator (this indicator code) does not travel; "" for a partial sum
    lacks: str = ""


@dataclass
class MadeUpwardPackage:
    path: Path
    package_id: str
    unit: str
    above: str
    periods: list[str]
    values: int
    checksum: str
    withheld: list[Withheld] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "package_id": self.package_id,
            "unit": self.unit,
            "above": self.above,
            "periods": self.periods,
            "values": self.values,
            "checksum": self.checksum,
            "withheld": [w.__dict__ for w in self.withheld],
        }


def make_upward_package(
    store: Store, chosen: Sequence[Period], out: str | Path | None = None, author: str | None = None
) -> MadeUpwardPackage:
    """Write this aggregating database's complete totals for ``periods`` as a package for the level above."""
    level = store.level()
    if level is None or not level.above_code:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "本数据库（{name}）没有上一级，不能导出上报包"),
                {"name": level.name if level else store.describe()},
            )
        )
    key = upward_key(store)  # an aggregating database not enrolled above is told how to enrol first
    if not chosen:
        raise XzError(Message("packages", QT_TRANSLATE_NOOP("packages", "请选择要上报的报告期")))
    periods = [str(p) for p in sorted(set(chosen))]  # as the store and the package file hold them
    figures = store.values.figure_set()
    # Each period's figures are totalled under the plan that judges it (its indicators, its rules).
    judged = {str(p): store.catalog_for(p) for p in chosen}
    aggregators = {c.plan.code: Aggregator(c, figures) for c in judged.values()}
    revisions = change_counts(store, periods)
    stamp = now_iso()
    by = (author or store.author)[:200]
    rows: list[PackageRow] = []
    withheld: list[Withheld] = []
    for period in periods:
        aggregator = aggregators[judged[period].plan.code]
        for ind in carried(judged[period]):
            dv = aggregator.value(ind.code, period)
            reported, missing = len(dv.units_reported), len(dv.units_missing)
            if dv.value is None:
                if reported:
                    withheld.append(Withheld(ind.code, period, reported, reported + missing))
                continue
            if missing:
                withheld.append(Withheld(ind.code, period, reported, reported + missing))
                continue
            revision = max(1, revisions.get((ind.code, period), 0))
            rows.append(PackageRow(level.code, ind.code, period, float(dv.value), "", revision, 0, stamp, by))
    lacking: dict[tuple[str, str], str] = {}
    for period in periods:
        lacking.update(
            without_denominator(judged[period], {(r.indicator, r.period) for r in rows if r.period == period})
        )
    rows = [r for r in rows if (r.indicator, r.period) not in lacking]
    for (code, period), denominator in sorted(lacking.items()):
        # complete: every expected unit reported
        count = len(aggregators[judged[period].plan.code].value(code, period).units_reported)
        withheld.append(Withheld(code, period, count, count, denominator))
    if not rows:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP(
                    "packages", "报告期 {periods} 还没有任何完整的汇总值（所有应报单位都已报送），不能向上一级上报"
                ),
                {"periods": "、".join(periods)},
            ),
            details=[
                Message(
                    "packages",
                    QT_TRANSLATE_NOOP("packages", "{period} {name}：已报 {reported}/{expected} 个单位"),
                    {
                        "period": w.period,
                        "name": judged[w.period].indicator(w.indicator).name,
                        "reported": w.reported,
                        "expected": w.expected,
                    },
                )
                for w in withheld[:50]
            ],
        )
    name = f"{level.code}_{'-'.join(periods)}_{datetime.now():%Y%m%d-%H%M}{SUFFIX}"
    target = Path(out) if out else (store.path.parent if store.path else Path.cwd()) / name
    if target.is_dir():
        target = target / name
    manifest = Manifest(
        package_id=new_package_id(),
        unit=level.code,
        periods=tuple(periods),
        catalog_version=level_fingerprint(judged[periods[-1]]),
        schema_version=store.schema_version(),
        program_version=__version__,
        exported_at=stamp,
        author=by,
        source_database_id=store.database_id,
        value_count=len(rows),
        key_id=key.key_id,
    )
    # who sends, and the completeness of what travels and what does not
    extra = {
        UPWARD_KEY: json.dumps(
            {
                "code": level.code,
                "name": level.name,
                "above": level.above_code,
                # every figure that travels is complete; how many partial totals stayed home
                "complete": len(rows),
                "withheld": len(withheld),
                # the plan each period's figures were judged under (its code, name and years)
                "plans": [{"period": p, **plan_to_row(judged[p].plan)} for p in periods],
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
    }
    checksum = write_package(target, manifest, rows, extra, sign=lambda payload: seal_upward(store, payload).signature)
    store.packages.record_export(
        ExportedPackage(manifest.package_id, str(target), list(periods), stamp, by, len(rows), checksum)
    )
    return MadeUpwardPackage(
        target, manifest.package_id, level.code, level.above_code, periods, len(rows), checksum, withheld
    )
