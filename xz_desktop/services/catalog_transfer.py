"""下发目录: the district's catalog, unit list and rules as one file a unit copy puts in force.

The file is UTF-8 JSON (readable, diffable, e-mail safe) with a SHA-256 over its content,
so a file damaged on the way is refused rather than half-applied. Importing keeps the
district's catalog version, so the unit's packages name a version the district knows.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.catalog import Catalog
from ..domain.catalog_rows import catalog_from_rows, indicator_to_row, overlap_to_row, rule_to_row, unit_to_row
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..store import Store
from ..store.database import now_iso

C = "catalog_transfer"
FORMAT = "xz-desktop-catalog"
FORMAT_VERSION = 1
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


def _digest(body: dict) -> str:
    return hashlib.sha256(
        json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    ).hexdigest()


def catalog_body(store: Store) -> dict:
    """The catalog in force as the catalog file holds it (with its checksum): also carried inside a receipt."""
    catalog = store.catalog()
    body: dict[str, Any] = {  # JSON
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "version": catalog.version,
        "exported_at": now_iso(),
        "issued_by": store.describe(),
        "indicators": [indicator_to_row(i) for i in catalog.indicators],
        "units": [unit_to_row(u) for u in catalog.units],
        "rules": [rule_to_row(r) for r in catalog.rules],
        "overlaps": [overlap_to_row(o) for o in catalog.overlaps],
    }
    body["checksum"] = _digest(body)
    return body


def export_catalog(store: Store, out: str | Path) -> CatalogFile:
    """Write the catalog in force (indicators, units, rules, version) to ``out``."""
    catalog = store.catalog()
    body = catalog_body(store)
    out = Path(out)
    if out.is_dir():
        out = out / f"目录_{catalog.version}{SUFFIX}"
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, out)
    except OSError as exc:
        raise XzError(
            Message(
                C,
                QT_TRANSLATE_NOOP(C, "无法写入目录文件 {path}：{reason}"),
                {"path": str(out), "reason": exc.strerror or exc},
            )
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return CatalogFile(
        out, catalog.version, body["exported_at"], len(catalog.indicators), len(catalog.units), len(catalog.rules)
    )


def read_catalog_file(path: str | Path) -> tuple[Catalog, dict]:
    """Read and verify a catalog file; returns the catalog (with the district's version) and the header."""
    path = Path(path)
    refuse = lambda template, **kw: XzError(Message(C, template, {"file": path.name, **kw}))
    try:
        if path.stat().st_size > MAX_BYTES:
            raise refuse(QT_TRANSLATE_NOOP(C, "{file} 太大，不是目录文件"))
        body = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise refuse(QT_TRANSLATE_NOOP(C, "找不到文件 {file}")) from None
    except (OSError, UnicodeDecodeError, ValueError):
        raise refuse(
            QT_TRANSLATE_NOOP(C, "{file} 不是目录文件（应为区里用“导出目录”生成的 {suffix} 文件）"), suffix=SUFFIX
        ) from None
    return catalog_from_body(body, path.name), body


def catalog_from_body(body: object, name: str) -> Catalog:
    """Verify a catalog file's content (from the file, or from inside a receipt) and build the catalog."""
    refuse = lambda template, **kw: XzError(Message(C, template, {"file": name, **kw}))
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise refuse(
            QT_TRANSLATE_NOOP(C, "{file} 不是目录文件（应为区里用“导出目录”生成的 {suffix} 文件）"), suffix=SUFFIX
        )
    body = dict(body)
    version = body.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise refuse(QT_TRANSLATE_NOOP(C, "{file} 由更新版本的程序导出，请升级程序后再导入"))
    checksum = body.pop("checksum", None)
    if checksum != _digest(body):
        raise refuse(QT_TRANSLATE_NOOP(C, "{file} 的校验码不符：文件在导出后被修改过或已损坏"))
    rows: list[Any] = [body.get(k) for k in ("indicators", "units", "rules")]  # JSON, checked below
    if not all(isinstance(r, list) and all(isinstance(x, dict) for x in r) for r in rows) or not isinstance(
        body.get("version"), str
    ):
        raise refuse(QT_TRANSLATE_NOOP(C, "{file} 的内容不完整"))
    overlaps = body.get("overlaps", [])  # absent from files exported before overlaps existed
    if not isinstance(overlaps, list) or not all(isinstance(x, dict) for x in overlaps):
        raise refuse(QT_TRANSLATE_NOOP(C, "{file} 的内容不完整"))
    return catalog_from_rows(rows[0], rows[1], rows[2], version=body["version"], where=name, overlaps=overlaps)


def import_catalog(store: Store, path: str | Path) -> CatalogFile:
    """Put the district's catalog from ``path`` in force in this unit's copy (atomically)."""
    catalog, body = read_catalog_file(path)
    if store.is_district:
        raise XzError(
            Message(C, QT_TRANSLATE_NOOP(C, "目录文件用于填报单位的数据库；区级汇总数据库的目录由区里直接维护"))
        )
    own = store.unit_code or ""
    if not catalog.has_unit(own) or not catalog.unit(own).active:
        raise XzError(
            Message(
                C,
                QT_TRANSLATE_NOOP(C, "新目录中没有本单位（{unit}）或本单位已停用，未导入"),
                {"unit": store.describe()},
            )
        )
    if catalog.version != store.catalog().version:
        store.replace_catalog(catalog)
    return CatalogFile(
        Path(path),
        catalog.version,
        str(body.get("exported_at", "")),
        len(catalog.indicators),
        len(catalog.units),
        len(catalog.rules),
    )
