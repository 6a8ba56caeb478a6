"""下发目录: the district's catalog, unit list and rules as one file a unit copy puts in force.

The file is UTF-8 JSON (readable, diffable, e-mail safe), signed by the district's Ed25519
key (:mod:`.signing`): a unit's copy puts it in force only when the signature is by the
district key it was enrolled with, so a damaged or forged file is refused rather than applied. Importing keeps the
district's catalog version, so the unit's packages name a version the district knows.

The file carries the catalog's ``revision`` (how many times the district changed it: a unit's copy
refuses a file older than the catalog it has) and the district's ``level`` (level.csv's row); a file
from an older program has neither. It also carries the units' targets (目标分解, ``targets``): a unit's copy puts its own in
force (services/plan/targets.py). A file from an older program has no ``targets`` and leaves
the unit's targets as they are.

Plans (format 3): the file carries every plan the district holds (``plans``: each plan's row, its indicators,
rules and overlaps, by base year), so a unit's copy shows each period's form under the plan whose years contain
it (the 十五五's indicators on its 2026 form, the 十四五's on its 2025 form). The top-level ``plan``,
``indicators``, ``rules`` and ``overlaps`` are the plan in force, as before. A file of format 1 or 2 carries one
catalog without a plan: it is read as the plan its value columns name (``base_2020``/``target_2025``: 十四五).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.catalog import Catalog
from ..domain.catalog_rows import (
    RowReader,
    catalog_from_rows,
    indicator_rows,
    overlap_to_row,
    plan_from_row,
    plan_to_row,
    rule_to_row,
    unit_to_row,
)
from ..domain.incoming import TooLarge, read_regular
from ..domain.levels import Level, level_from_row, level_meta, level_to_row
from ..domain.limits import MAX_NAME
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..domain.plans import Plan
from ..store import Store
from ..store.core import REVISION_KEY
from ..store.database import now_iso
from ..store.keys import DISTRICT
from .files import temporary_beside
from .plan.targets import apply_targets_payload, targets_payload
from .signing.seal import ensure_district_key, load_json, sign_json, verify_json

FORMAT = "xz-desktop-catalog"
# 3: every plan the district holds (``plans``); 2: signed by the district (1: a bare SHA-256, no longer accepted)
FORMAT_VERSION = 3
MAX_PLANS = 50
SUFFIX = ".xzcat"
MAX_BYTES = 10 * 1024 * 1024


@dataclass
class CatalogFile:
    path: Path
    version: str
    exported_at: str
    indicators: int
    units: int
    rules: int

    def as_json(self) -> dict:
        return {
            "file": str(self.path),
            "version": self.version,
            "exported_at": self.exported_at,
            "indicators": self.indicators,
            "units": self.units,
            "rules": self.rules,
        }


def catalog_body(store: Store) -> dict[str, Any]:
    """The catalog in force, with every plan the database holds, as the JSON body a catalog file (and an
    enrolment file, and a receipt) carries."""
    catalog = store.catalog()
    level = store.level()
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "version": catalog.version,
        "revision": store.catalog_revision(),
        "level": level_to_row(level) if level is not None else None,
        "exported_at": now_iso(),
        "issued_by": store.describe(),
        "plan": plan_to_row(catalog.plan),
        "indicators": indicator_rows(catalog),
        "units": [unit_to_row(u) for u in catalog.units],
        "rules": [rule_to_row(r) for r in catalog.rules],
        "overlaps": [overlap_to_row(o) for o in catalog.overlaps],
        "plans": [_plan_body(store.catalog(plan.code)) for plan in store.plans()],
        "targets": targets_payload(store),
    }


def _plan_body(catalog: Catalog) -> dict[str, Any]:
    """One plan of a catalog body: its row, indicators (their values named by their years), rules and overlaps."""
    return {
        "plan": plan_to_row(catalog.plan),
        "indicators": indicator_rows(catalog),
        "rules": [rule_to_row(r) for r in catalog.rules],
        "overlaps": [overlap_to_row(o) for o in catalog.overlaps],
    }


def json_text(value: Any, depth: int = 0) -> str:
    """``value`` as JSON a person can read and diff: the top level's fields and each list's items one to a line,
    each row compact on its line (a changed indicator is one changed line).

    Written by the json module's C encoder row by row: ``indent=`` makes it use its pure-Python encoder, which took
    a tenth of a second for each catalog and enrolment file. Readers parse the JSON, never its layout; a
    signature covers :func:`~.signing.seal.canonical_json` of the parsed body, never the file's bytes."""
    if depth < 2 and isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
        pad = " " * (depth + 1)
        inner = ",\n".join(
            f"{pad}{json.dumps(k, ensure_ascii=False)}: {json_text(v, depth + 1)}" for k, v in value.items()
        )
        return f"{{\n{inner}\n{pad[:-1]}}}"
    if depth < 2 and isinstance(value, list) and value:
        pad = " " * (depth + 1)
        inner = ",\n".join(f"{pad}{json_text(v, depth + 1)}" for v in value)
        return f"[\n{inner}\n{pad[:-1]}]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def write_json_file(out: Path, body: dict[str, Any], context: str = "catalog_transfer") -> None:
    """Write ``body`` as UTF-8 JSON (:func:`json_text`) to ``out`` atomically (temporary file, then rename)."""
    tmp = temporary_beside(out)
    try:
        tmp.write_text(json_text(body), encoding="utf-8")
        os.replace(tmp, out)
    except OSError as exc:
        raise XzError(
            Message(
                "catalog_transfer",
                QT_TRANSLATE_NOOP("catalog_transfer", "无法写入文件 {path}：{reason}"),
                {"path": str(out), "reason": exc.strerror or exc},
            )
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)


def export_catalog(store: Store, out: str | Path) -> CatalogFile:
    """Write the catalog in force (indicators, units, rules, version) to ``out``, signed by the district."""
    if not store.is_district:
        raise XzError(
            Message(
                "catalog_transfer", QT_TRANSLATE_NOOP("catalog_transfer", "目录文件由区级汇总数据库导出，并由区里签名")
            )
        )
    ensure_district_key(store)
    catalog = store.catalog()
    body = sign_json(store, catalog_body(store))
    out = Path(out)
    if out.is_dir():
        out = out / f"目录_{catalog.version}{SUFFIX}"
    write_json_file(out, body)
    return CatalogFile(
        out, catalog.version, body["exported_at"], len(catalog.indicators), len(catalog.units), len(catalog.rules)
    )


def catalog_from_body(body: Any, file: str) -> Catalog:
    """The catalog of a catalog body (from a catalog or enrolment file), checked field by field."""
    refuse = lambda template, **kw: XzError(Message("catalog_transfer", template, {"file": file, **kw}))
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise refuse(
            QT_TRANSLATE_NOOP("catalog_transfer", "{file} 不是目录文件（应为区里用“导出目录”生成的 {suffix} 文件）"),
            suffix=SUFFIX,
        )
    version = body.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION or version < 1:
        raise refuse(QT_TRANSLATE_NOOP("catalog_transfer", "{file} 由更新版本的程序导出，请升级程序后再导入"))
    rows: list[Any] = [body.get(k) for k in ("indicators", "units", "rules")]  # JSON, checked below
    if not all(isinstance(r, list) and all(isinstance(x, dict) for x in r) for r in rows) or not isinstance(
        body.get("version"), str
    ):
        raise refuse(QT_TRANSLATE_NOOP("catalog_transfer", "{file} 的内容不完整"))
    # A lone surrogate (a JSON escape) is no text a database can store: refused here, not by SQLite.
    lone = any("\ud800" <= c <= "\udfff" for c in body["version"])
    if lone or len(body["version"]) > MAX_NAME or any(len(r) > 10_000 for r in rows):
        raise refuse(QT_TRANSLATE_NOOP("catalog_transfer", "{file} 的内容超出目录文件的范围"))
    overlaps = body.get("overlaps", [])  # absent from files exported before overlaps existed
    if not isinstance(overlaps, list) or not all(isinstance(x, dict) for x in overlaps):
        raise refuse(QT_TRANSLATE_NOOP("catalog_transfer", "{file} 的内容不完整"))
    revision_of(body, file)
    level_of(body, file)
    plan = _plan_of(body.get("plan"), f"{file}/plan", refuse) if "plan" in body else None
    return catalog_from_rows(
        rows[0], rows[1], rows[2], version=body["version"], where=file, overlaps=overlaps, plan=plan
    )


def _plan_of(row: Any, where: str, refuse: Any) -> Plan:
    if not isinstance(row, dict):
        raise refuse(QT_TRANSLATE_NOOP("catalog_transfer", "{file} 的内容不完整"))
    return plan_from_row(RowReader(where, 1, row))


def plans_from_body(body: Any, file: str) -> list[Catalog]:
    """Every plan's catalog a catalog body carries, by base year, each checked field by field as the catalog in
    force is (:func:`catalog_from_body` first). A body of format 1 or 2 carries one: the catalog itself."""
    catalog = catalog_from_body(body, file)
    if "plans" not in body:
        return [catalog]
    refuse = lambda template, **kw: XzError(Message("catalog_transfer", template, {"file": file, **kw}))
    items = body["plans"]
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_PLANS:
        raise refuse(QT_TRANSLATE_NOOP("catalog_transfer", "{file} 的内容不完整"))
    found: list[Catalog] = []
    for n, item in enumerate(items, start=1):
        where = f"{file}/plans/{n}"
        if not isinstance(item, dict):
            raise refuse(QT_TRANSLATE_NOOP("catalog_transfer", "{file} 的内容不完整"))
        parts: list[Any] = [item.get(k, []) for k in ("indicators", "rules", "overlaps")]
        if not all(isinstance(r, list) and len(r) <= 10_000 and all(isinstance(x, dict) for x in r) for r in parts):
            raise refuse(QT_TRANSLATE_NOOP("catalog_transfer", "{file} 的内容不完整"))
        plan = _plan_of(item.get("plan"), f"{where}/plan", refuse)
        found.append(
            catalog_from_rows(
                parts[0], body["units"], parts[1], version=body["version"], where=where, overlaps=parts[2], plan=plan
            )
        )
    found.sort(key=lambda c: c.plan.base_year)
    for earlier, later in zip(found, found[1:], strict=False):
        if later.plan.first_year <= earlier.plan.target_year or later.plan.code == earlier.plan.code:
            raise refuse(
                QT_TRANSLATE_NOOP("catalog_transfer", "{file} 中的规划“{code}”与“{other}”年份重叠"),
                code=later.plan.code,
                other=earlier.plan.code,
            )
    if catalog.plan not in [c.plan for c in found]:
        raise refuse(QT_TRANSLATE_NOOP("catalog_transfer", "{file} 的内容不完整"))
    return found


def revision_of(body: dict[str, Any], file: str) -> int:
    """The catalog's revision a catalog body names (0 in a file from before revisions, or never changed)."""
    revision = body.get("revision", 0)
    if not isinstance(revision, int) or isinstance(revision, bool) or not 0 <= revision < 10**9:
        raise XzError(
            Message("catalog_transfer", QT_TRANSLATE_NOOP("catalog_transfer", "{file} 的内容不完整"), {"file": file})
        )
    return revision


def level_of(body: dict[str, Any], file: str) -> Level | None:
    """The district's level row a catalog body carries (None in a file from before levels travelled)."""
    row = body.get("level")
    if row is None:
        return None
    if not isinstance(row, dict) or not all(isinstance(v, str) for v in row.values()):
        raise XzError(
            Message("catalog_transfer", QT_TRANSLATE_NOOP("catalog_transfer", "{file} 的内容不完整"), {"file": file})
        )
    return level_from_row(RowReader(f"{file}/level", 1, row))


def put_in_force(store: Store, catalog: Catalog, body: dict[str, Any], file: str, *, refuse_older: bool) -> bool:
    """Inside a transaction: the district's catalog (``body``'s) in force in this unit's copy; True if it changed.

    A catalog older than the one in force (a smaller revision) is refused with ``refuse_older``
    (a catalog file) or left aside (a receipt: the rest of it still counts).
    """
    revision = revision_of(body, file)
    if revision < store.catalog_revision():
        if refuse_older:
            raise XzError(
                Message(
                    "catalog_transfer",
                    QT_TRANSLATE_NOOP(
                        "catalog_transfer",
                        "{file} 中的目录（版本 {version}）比本单位正在使用的目录（版本 {current}）旧，未导入",
                    ),
                    {"file": file, "version": catalog.version, "current": store.catalog().version},
                )
            )
        return False
    plans = plans_from_body(body, file)
    held = {p.code for p in store.plans()}
    changed = catalog.version != store.catalog().version or any(c.plan.code not in held for c in plans)
    if changed:
        for plan in plans:  # a plan new to this copy first, then every plan as the district has it
            if plan.plan.code not in held:
                store.add_plan(plan)
        for plan in plans:  # each under the district's version (the last one written is the database's)
            store.replace_catalog(plan)
    store.set_meta(REVISION_KEY, str(revision))
    level = level_of(body, file)
    if level is not None:  # who the district is: kept for the unit's information (its own level is none)
        for key, value in level_meta(level).items():
            store.set_meta(key, value)
    return changed


def read_catalog_file(path: str | Path, store: Store | None = None) -> tuple[Catalog, dict]:
    """Read and verify a catalog file; returns the catalog (with the district's version) and the header.

    With ``store`` (a unit's copy) the file must be signed by the district key that copy was enrolled with.
    """
    path = Path(path)
    refuse = lambda template, **kw: XzError(Message("catalog_transfer", template, {"file": path.name, **kw}))
    try:
        body = load_json(read_regular(path, MAX_BYTES).decode("utf-8"))  # a pipe or device: refused, never read
    except TooLarge:
        raise refuse(QT_TRANSLATE_NOOP("catalog_transfer", "{file} 太大，不是目录文件")) from None
    except FileNotFoundError:
        raise refuse(QT_TRANSLATE_NOOP("catalog_transfer", "找不到文件 {file}")) from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        raise refuse(
            QT_TRANSLATE_NOOP("catalog_transfer", "{file} 不是目录文件（应为区里用“导出目录”生成的 {suffix} 文件）"),
            suffix=SUFFIX,
        ) from None
    catalog_from_body(body, path.name)  # the format first: a stranger's file is named as such
    if store is not None:
        verify_json(store, body, file=path.name, expected=DISTRICT)
    catalog = catalog_from_body(body, path.name)
    return catalog, body


def import_catalog(store: Store, path: str | Path) -> CatalogFile:
    """Put the district's catalog from ``path`` in force in this unit's copy (atomically)."""
    if store.is_district:
        raise XzError(
            Message(
                "catalog_transfer",
                QT_TRANSLATE_NOOP(
                    "catalog_transfer", "目录文件用于填报单位的数据库；区级汇总数据库的目录由区里直接维护"
                ),
            )
        )
    catalog, body = read_catalog_file(path, store)
    own = store.unit_code or ""
    if not catalog.has_unit(own) or not catalog.unit(own).active:
        raise XzError(
            Message(
                "catalog_transfer",
                QT_TRANSLATE_NOOP("catalog_transfer", "新目录中没有本单位（{unit}）或本单位已停用，未导入"),
                {"unit": store.describe()},
            )
        )
    with store.transaction():
        put_in_force(store, catalog, body, path.name if isinstance(path, Path) else str(path), refuse_older=True)
        apply_targets_payload(store, body.get("targets"), path.name if isinstance(path, Path) else str(path))
    return CatalogFile(
        Path(path),
        catalog.version,
        str(body.get("exported_at", "")),
        len(catalog.indicators),
        len(catalog.units),
        len(catalog.rules),
    )
