"""区里的更正: the district's hand corrections of a unit's figures, sent back to the unit as a file.

The district exports, for one unit, the figures it corrected (its own edits that are in
force and not in dispute) as a package of kind ``district``; each row carries the
correction's revision. The unit imports it: a figure that differs takes the district's
value (a new revision in the unit's copy), and every imported figure records the
correction's revision as the base it now starts from (``value_base``). The unit's next
package carries that base, so the district knows the unit has seen the correction and
takes the unit's later changes without a conflict. A clerk may instead simply type the
corrected value: a package that agrees with the correction is never a conflict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ... import __version__
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.periods import Period, parse_period
from ...store import Store
from ...store.database import now_iso
from ...store.packages import BaseRevision
from ...store.values import ValueChange
from ..files import check_author, clean_leftovers
from ..signing.seal import ensure_district_key, seal
from .package_file import SUFFIX, Manifest, PackageRow, new_package_id, read_package, write_package
from .verify import verify_package


@dataclass
class CorrectionsResult:
    file: str
    unit: str
    periods: list[str]
    values: int = 0  # exported, or in the imported file
    changed: int = 0  # figures the unit's copy took over
    agreed: int = 0  # figures the unit already had
    keys: list[tuple[str, str]] = field(default_factory=list)  # (indicator, period) changed

    def as_json(self) -> dict:
        return asdict(self)


def units_with_corrections(store: Store) -> list[str]:
    """Units whose figures the district has corrected (corrections in force, not in dispute)."""
    order = {u.code: n for n, u in enumerate(store.catalog().units)}
    return sorted(store.candidates.corrected_units(), key=lambda u: (order.get(u, len(order)), u))


def correction_rows(store: Store, unit: str) -> list[PackageRow]:
    """The district's corrections of ``unit``'s figures in force and not in dispute, as rows (base = revision)."""
    return [
        PackageRow(
            unit, c.indicator, c.period, c.value, c.explanation, c.revision, c.revision, c.changed_at, c.changed_by
        )
        for c in store.candidates.corrections(unit)
    ]


def make_corrections(
    store: Store, unit: str, out: str | Path, periods: Sequence[Period] | None = None
) -> CorrectionsResult:
    """Write the district's corrections of ``unit``'s figures (optionally only ``periods``) to a file."""
    if not store.is_district:
        raise XzError(Message("packages", QT_TRANSLATE_NOOP("packages", "更正文件由区级汇总数据库导出")))
    catalog = store.catalog()
    if not catalog.has_unit(unit):
        raise XzError(Message("packages", QT_TRANSLATE_NOOP("packages", "没有填报单位“{code}”"), {"code": unit[:40]}))
    wanted = [str(p) for p in sorted(set(periods))] if periods else None  # as the store holds them
    rows = [r for r in correction_rows(store, unit) if wanted is None or r.period in wanted]
    if not rows:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "区里没有更正过“{unit}”的数值{periods}，无需下发更正文件"),
                {"unit": catalog.unit(unit).name, "periods": f"（{'、'.join(wanted)}）" if wanted else ""},
            )
        )
    used = sorted({r.period for r in rows}, key=parse_period)
    out = Path(out)
    if out.is_dir():
        out = out / f"更正_{unit}_{'-'.join(used)}{SUFFIX}"
    manifest = Manifest(
        new_package_id(),
        unit,
        tuple(used),
        catalog.version,
        store.schema_version(),
        __version__,
        now_iso(),
        check_author(store.author),
        store.database_id,
        len(rows),
        kind="district",
        key_id=ensure_district_key(store).key_id,
    )
    clean_leftovers(out.parent)
    write_package(out, manifest, rows, sign=lambda payload: seal(store, payload).signature)
    return CorrectionsResult(str(out), unit, used, len(rows))


def import_corrections(store: Store, path: str | Path) -> CorrectionsResult:
    """Take the district's corrections into this unit's copy, in one transaction."""
    package = read_package(path)
    m = package.manifest
    if m.kind == "receipt":
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "{file} 是区里的回执，请用“导入回执”（xz receipt-import）导入"),
                {"file": Path(path).name},
            )
        )
    if m.kind != "district":
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "{file} 是填报单位的上报包，不是区里下发的更正文件"),
                {"file": Path(path).name},
            )
        )
    if store.is_district or m.unit != store.unit_code:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP("packages", "这份更正文件是发给“{unit}”的，不能导入本数据库（{own}）"),
                {"unit": m.unit, "own": store.describe()},
            )
        )
    verify_package(store, package)  # signed by the district key this copy was enrolled with
    # each figure an indicator of the plan whose years contain its period
    unknown = sorted({r.indicator for r in package.rows if not store.catalog_for(r.period).has_indicator(r.indicator)})
    if unknown:
        raise XzError(
            Message(
                "packages",
                QT_TRANSLATE_NOOP(
                    "packages", "更正文件中有本数据库目录里没有的指标：{codes}。请先导入区里下发的最新目录"
                ),
                {"codes": "、".join(unknown)},
            )
        )
    result = CorrectionsResult(str(path), m.unit, list(m.periods), len(package.rows))
    with store.transaction():
        take_rows(store, package.rows, result)
    return result


def take_rows(store: Store, rows: list[PackageRow], result: CorrectionsResult) -> None:
    """In a unit's copy, inside a transaction: take the district's figures (counted in ``result``).

    A correction is written as any edit of this copy is (the same rules: this unit's figures,
    indicators units type, never a computed one; a new revision, at least the district's),
    credited to the district clerk who made it. One figure the rules refuse refuses the file.
    Each records the district's revision as the base the unit's next package starts from.
    """
    changes = [
        ValueChange(r.unit, r.indicator, r.period, r.value, r.explanation, min_revision=r.revision, author=r.changed_by)
        for r in rows
    ]
    written = {v.key for v in store.values.write(changes, source="district")}
    for r in rows:
        if r.key in written:
            result.changed += 1
            result.keys.append((r.indicator, r.period))
        else:
            result.agreed += 1
    store.packages.raise_base_revisions(BaseRevision(r.unit, r.indicator, r.period, r.base_revision) for r in rows)
