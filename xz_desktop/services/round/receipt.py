"""回执: the one file that goes back to a unit, and its import in the unit's copy.

The receipt is a package file (``package_file``: SQLite, manifest, checksum) of kind ``receipt``,
so whatever verifies or signs a package verifies or signs a receipt. Its figures are the
district's corrections of the unit's figures (as in a corrections file) and the unit's accepted
figures of every accepted period (so a new PC starts from last year's values); its
attachments are the district's decisions and due dates (``round``) and the catalog in force
(``catalog``, exactly the content of a catalog file). Importing is one transaction: the catalog,
the figures, the decisions and the due dates land together, or nothing does.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ... import __version__
from ...domain.catalog import Catalog
from ...domain.limits import MAX_TEXT
from ...domain.messages import QT_TRANSLATE_NOOP, Message, Translate, XzError
from ...domain.periods import parse_period
from ...domain.round import State, parse_due
from ...store import Store
from ...store.database import now_iso
from ...store.review import Decision, DueDate
from ..catalog_transfer import catalog_body, catalog_from_body, plans_from_body, put_in_force
from ..files import FileKind, suggested_name
from ..packages.corrections import CorrectionsResult, correction_rows, take_rows
from ..packages.package_file import SUFFIX, Manifest, PackageRow, new_package_id, read_package, write_package
from ..packages.verify import verify_package
from ..plan.targets import apply_targets_payload
from ..signing.seal import ensure_district_key, seal

# A receipt is a package file (same format), but named apart so that nobody mistakes it for a package to
# merge or send: new receipts are *.xzrcpt; a receipt saved as *.xzpkg by an earlier version is still read.
RECEIPT_SUFFIX = ".xzrcpt"
RECEIPT_SUFFIXES = (RECEIPT_SUFFIX, SUFFIX)

ROUND = "round"  # attachment names
CATALOG = "catalog"
ROUND_FORMAT = 1
MAX_DECISIONS = 1000
MAX_REASONS = 500
MAX_SHORT = 200


@dataclass
class ReceiptMade:
    file: str
    unit: str
    periods: list[str]
    decisions: int
    corrections: int
    accepted_values: int
    due_dates: int
    catalog_version: str

    def as_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class ReceiptResult:
    file: str
    unit: str
    returned: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    due_dates: int = 0
    values: int = 0
    changed: int = 0  # figures the unit's copy took over
    agreed: int = 0
    catalog_version: str = ""
    catalog_changed: bool = False

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def _refuse(template: str, **params: object) -> XzError:
    return XzError(Message("round", template, dict(params)))


def default_receipt_name(store: Store, unit: str, translate: Translate | None = None) -> str:
    """``新城街道_回执_20240115.xzrcpt``: whom the receipt is for and the day (:func:`..files.suggested_name`)."""
    catalog = store.catalog()
    name = catalog.unit(unit).name if catalog.has_unit(unit) else unit
    return suggested_name(FileKind.RECEIPT, RECEIPT_SUFFIX, owner=name, translate=translate)


def make_receipt(store: Store, unit: str, out: str | Path) -> ReceiptMade:
    """Write the receipt of ``unit``: decisions, corrections, accepted figures, due dates, the catalog."""
    if not store.is_district:
        raise _refuse(QT_TRANSLATE_NOOP("round", "回执由区级汇总数据库导出"))
    catalog = store.catalog()
    if not catalog.has_unit(unit):
        raise _refuse(QT_TRANSLATE_NOOP("round", "没有填报单位“{code}”"), code=unit[:40])
    decisions = store.review.decisions(unit=unit)
    dues = list(store.review.due_dates().values())
    rows: dict[tuple[str, str], PackageRow] = {}
    accepted = {d.period for d in decisions if d.state == State.ACCEPTED.value}
    history = 0
    for period in sorted(accepted):
        for v in store.values.select(unit=unit, period=period):
            rows[(v.indicator, v.period)] = PackageRow(
                unit, v.indicator, v.period, v.value, v.explanation, v.revision, 0, v.changed_at, v.changed_by
            )
            history += 1
    corrections = correction_rows(store, unit)
    for r in corrections:  # a correction carries the district's revision as the unit's new base
        rows[(r.indicator, r.period)] = r
    periods = sorted(
        {r.period for r in rows.values()} | {d.period for d in decisions} | {d.period for d in dues}, key=parse_period
    )
    if not periods:
        raise _refuse(
            QT_TRANSLATE_NOOP("round", "区里对“{unit}”还没有审核决定、更正或截止日期，暂无回执可导出"),
            unit=catalog.unit(unit).name,
        )
    body = {
        "format": ROUND_FORMAT,
        "decisions": [
            {
                "period": d.period,
                "state": d.state,
                "reason": d.reason,
                "figure_reasons": d.figure_reasons,
                "decided_at": d.decided_at,
                "decided_by": d.decided_by,
            }
            for d in decisions
        ],
        "due_dates": [{"period": d.period, "due": d.due, "set_at": d.set_at, "set_by": d.set_by} for d in dues],
    }
    attachments = {
        ROUND: json.dumps(body, ensure_ascii=False, sort_keys=True),
        CATALOG: json.dumps(catalog_body(store), ensure_ascii=False, sort_keys=True),
    }
    target = Path(out)
    if target.is_dir():
        target = target / default_receipt_name(store, unit)
    values = sorted(rows.values(), key=lambda r: (parse_period(r.period), r.indicator))
    manifest = Manifest(
        new_package_id(),
        unit,
        tuple(periods),
        catalog.version,
        store.schema_version(),
        __version__,
        now_iso(),
        store.author[:200],
        store.database_id,
        len(values),
        kind="receipt",
        key_id=ensure_district_key(store).key_id,
    )
    write_package(
        target, manifest, values, attachments=attachments, sign=lambda payload: seal(store, payload).signature
    )
    return ReceiptMade(
        str(target), unit, periods, len(decisions), len(corrections), history, len(dues), catalog.version
    )


# -- reading ------------------------------------------------------------------------
def _string(value: object, limit: int, *, empty: bool = True) -> str:
    if not isinstance(value, str) or len(value) > limit or (not empty and not value.strip()):
        raise ValueError(value)
    return value


def _period(value: object) -> str:
    text = _string(value, 20)
    if str(parse_period(text)) != text:
        raise ValueError(text)
    return text


def parse_round(text: str, unit: str) -> tuple[list[Decision], list[DueDate]]:
    """The decisions and due dates of a receipt, every field checked; ValueError (or XzError) when invalid."""
    body = json.loads(text)
    if not isinstance(body, dict) or body.get("format") != ROUND_FORMAT:
        raise ValueError("format")
    raw_decisions, raw_dues = body.get("decisions"), body.get("due_dates")
    if not isinstance(raw_decisions, list) or not isinstance(raw_dues, list) or len(raw_decisions) > MAX_DECISIONS:
        raise ValueError("lists")
    decisions: dict[str, Decision] = {}
    for item in raw_decisions:
        if not isinstance(item, dict):
            raise ValueError(item)
        state = item.get("state")
        if state not in (State.RETURNED.value, State.ACCEPTED.value):
            raise ValueError(state)
        reasons = item.get("figure_reasons")
        if not isinstance(reasons, dict) or len(reasons) > MAX_REASONS:
            raise ValueError(reasons)
        figures = {_string(k, 64, empty=False): _string(v, MAX_TEXT) for k, v in reasons.items()}
        period = _period(item.get("period"))
        if period in decisions:
            raise ValueError(period)
        decisions[period] = Decision(
            unit,
            period,
            str(state),
            _string(item.get("reason"), MAX_TEXT),
            figures,
            _string(item.get("decided_at"), MAX_SHORT, empty=False),
            _string(item.get("decided_by"), MAX_SHORT),
        )
    dues: dict[str, DueDate] = {}
    for item in raw_dues[:MAX_DECISIONS]:
        if not isinstance(item, dict):
            raise ValueError(item)
        period = _period(item.get("period"))
        due = _string(item.get("due"), 10, empty=False)
        parse_due(due)
        dues[period] = DueDate(
            period, due, _string(item.get("set_at"), MAX_SHORT, empty=False), _string(item.get("set_by"), MAX_SHORT)
        )
    return list(decisions.values()), list(dues.values())


def import_receipt(store: Store, path: str | Path) -> ReceiptResult:
    """Take the district's receipt into this unit's copy, in one transaction."""
    package = read_package(path)
    m = package.manifest
    name = Path(path).name
    if m.kind != "receipt":
        raise _refuse(QT_TRANSLATE_NOOP("round", "{file} 不是回执（应为区里用“导出回执”生成的文件）"), file=name)
    if store.is_district or m.unit != store.unit_code:
        raise _refuse(
            QT_TRANSLATE_NOOP("round", "这份回执是发给“{unit}”的，不能导入本数据库（{own}）"),
            unit=m.unit[:40],
            own=store.describe(),
        )
    verify_package(store, package)  # signed by the district key this copy was enrolled with
    if set(package.attachments) != {ROUND, CATALOG}:
        raise _refuse(QT_TRANSLATE_NOOP("round", "{file} 的内容不完整，不是完整的回执"), file=name)
    try:
        decisions, dues = parse_round(package.attachments[ROUND], m.unit)
        catalog_data = json.loads(package.attachments[CATALOG])
    except (ValueError, TypeError, XzError):
        raise _refuse(QT_TRANSLATE_NOOP("round", "{file} 中的审核决定或截止日期无效，未导入"), file=name) from None
    catalog: Catalog = catalog_from_body(catalog_data, name)
    own = store.unit_code or ""
    if not catalog.has_unit(own) or not catalog.unit(own).active:
        raise _refuse(
            QT_TRANSLATE_NOOP("round", "回执中的目录没有本单位（{unit}）或本单位已停用，未导入"), unit=store.describe()
        )
    known = {i.code for plan in plans_from_body(catalog_data, name) for i in plan.indicators}  # of every plan
    unknown = sorted({r.indicator for r in package.rows if r.indicator not in known})
    if unknown:
        raise _refuse(
            QT_TRANSLATE_NOOP("round", "{file} 中有目录里没有的指标：{codes}，未导入"),
            file=name,
            codes="、".join(unknown),
        )
    result = ReceiptResult(
        str(path),
        m.unit,
        sorted((d.period for d in decisions if d.state == State.RETURNED.value), key=parse_period),
        sorted((d.period for d in decisions if d.state == State.ACCEPTED.value), key=parse_period),
        len(dues),
        len(package.rows),
        catalog_version=catalog.version,
    )
    with store.transaction():
        if isinstance(catalog_data, dict) and put_in_force(store, catalog, catalog_data, name, refuse_older=False):
            result.catalog_changed = True
        taken = CorrectionsResult(str(path), m.unit, list(m.periods), len(package.rows))
        with store.merge_guard():  # the district's figures of an accepted period land although it is locked
            take_rows(store, package.rows, taken)
            store.review.replace_decisions(m.unit, decisions)
        store.review.replace_due_dates(dues)
        if isinstance(catalog_data, dict):  # the unit's own targets travel in the catalog it carries
            apply_targets_payload(store, catalog_data.get("targets"), name)
    result.changed, result.agreed = taken.changed, taken.agreed
    return result
