"""单位与指标: the aggregating database changes its own catalog — units and indicators' thresholds.

Each accepted change makes a new catalog version (``2026.3``: the third change, made in 2026), recorded
with who and when and every field old → new (``store.catalog_history``), in one transaction with the
catalog itself. A refused change leaves the database exactly as it was. The new version reaches the
units in the district's files, which carry the catalog in force: the catalog file (``xz catalog-export``),
the receipt and the enrolment file. Rules: docs/catalog.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain import catalog_edits
from ..domain.catalog import Catalog
from ..domain.catalog_edits import CatalogEdit, CatalogRevision
from ..domain.catalog_rows import catalog_csv_texts
from ..domain.levels import LEVEL_FILE, level_csv_text
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..store import Store
from ..store.base import now_iso


@dataclass(frozen=True)
class CatalogFolder:
    """The CSV folder written by :func:`export_catalog_folder`."""

    folder: Path
    version: str
    files: tuple[str, ...]
    indicators: int
    units: int

    def as_json(self) -> dict[str, object]:
        return {
            "folder": str(self.folder),
            "version": self.version,
            "files": list(self.files),
            "indicators": self.indicators,
            "units": self.units,
        }


# The catalog's unit types (units.csv ``type``: a free label) the program knows, in words.
UNIT_TYPES = {
    "subdistrict": QT_TRANSLATE_NOOP("catalog_edit", "街道"),
    "town": QT_TRANSLATE_NOOP("catalog_edit", "镇"),
    "zone": QT_TRANSLATE_NOOP("catalog_edit", "高新区"),
    "department": QT_TRANSLATE_NOOP("catalog_edit", "区级部门"),
}


def unit_type_label(code: str) -> Message:
    """A unit's type in words: a known type translated, any other label as the catalog has it."""
    template = UNIT_TYPES.get(code)
    return Message("catalog_edit", template) if template else Message("catalog_edit", "{type}", {"type": code})


def _district_only(store: Store) -> None:
    if not store.is_district:
        raise XzError(
            Message(
                "catalog_edit",
                QT_TRANSLATE_NOOP(
                    "catalog_edit",
                    "单位与指标目录由区级汇总数据库维护；填报单位的数据库使用区里下发的目录，不能在这里修改",
                ),
            )
        )


def _edited(store: Store, edit: Callable[[Catalog], CatalogEdit], by: str | None) -> CatalogRevision | None:
    """Read the catalog, ``edit`` it and commit, under one write lock: a change another connection (a second
    window, ``xz`` while no window holds the file) committed since this one cached its catalog is the base of
    this edit, never silently undone by it."""
    with store.transaction():
        store.forget_catalog()
        return _commit(store, edit(store.catalog()), by)


def _commit(store: Store, edit: CatalogEdit, by: str | None) -> CatalogRevision | None:
    """Put ``edit`` in force as the next version; None when it changes nothing (no new version)."""
    if not edit.changes:
        return None
    revision = store.catalog_revision() + 1
    stamp = now_iso()
    version = catalog_edits.version_name(revision, datetime.now(UTC).year)
    record = CatalogRevision(revision, version, store.catalog().version, stamp, by or store.author, edit.changes)
    store.catalog_history.commit(catalog_edits.with_version(edit.catalog, version), record)
    return record


def add_unit(
    store: Store,
    code: str,
    name: str,
    *,
    kind: str = "geographic",
    type: str = "",
    contact: str = "",
    phone: str = "",
    by: str | None = None,
) -> CatalogRevision:
    """A new unit of this aggregating database (active, after the others)."""
    _district_only(store)
    fields = {"code": code, "name": name, "kind": kind, "type": type, "contact": contact, "phone": phone}
    made = _edited(store, lambda catalog: catalog_edits.add_unit(catalog, fields), by)
    assert made is not None  # a new unit is always a change
    return made


def edit_unit(store: Store, code: str, fields: Mapping[str, object], by: str | None = None) -> CatalogRevision | None:
    """Rename a unit, change its contact or phone, retire (``active=False``) or reactivate it."""
    _district_only(store)
    return _edited(store, lambda catalog: catalog_edits.edit_unit(catalog, code, fields), by)


def set_thresholds(
    store: Store, indicator: str, fields: Mapping[str, object], by: str | None = None
) -> CatalogRevision | None:
    """An indicator's min, max, usual_min, usual_max, yoy_threshold (entry measure, as indicators.csv) or note."""
    _district_only(store)
    return _edited(store, lambda catalog: catalog_edits.edit_thresholds(catalog, indicator, fields), by)


def history(store: Store) -> list[CatalogRevision]:
    """Every change this database made to its catalog, newest first."""
    return store.catalog_history.revisions()


def export_catalog_folder(store: Store, folder: str | Path) -> CatalogFolder:
    """The catalog in force as the CSV folder ``xz init DB --district --catalog DIR`` starts from.

    indicators.csv, units.csv, rules.csv, overlaps.csv and level.csv (who this database is at the
    level above); an existing file of those names in ``folder`` is refused, never overwritten.
    """
    _district_only(store)
    folder = Path(folder)
    catalog = store.catalog()
    texts = catalog_csv_texts(catalog)
    level = store.level()
    if level is not None:
        texts[LEVEL_FILE] = level_csv_text(level)
    if folder.exists() and not folder.is_dir():
        raise XzError(
            Message(
                "catalog_edit",
                QT_TRANSLATE_NOOP("catalog_edit", "{path} 是文件，不是文件夹"),
                {"path": str(folder)},
            )
        )
    taken = [name for name in texts if (folder / name).exists()]
    if taken:
        raise XzError(
            Message(
                "catalog_edit",
                QT_TRANSLATE_NOOP("catalog_edit", "文件夹 {path} 中已有 {files}，不会覆盖；请选一个空文件夹"),
                {"path": str(folder), "files": "、".join(taken)},
            )
        )
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
            written.append(folder / name)
    except OSError as exc:
        for path in written:  # no half folder: init would start from it
            path.unlink(missing_ok=True)
        raise XzError(
            Message(
                "catalog_edit",
                QT_TRANSLATE_NOOP("catalog_edit", "无法写入文件夹 {path}：{reason}"),
                {"path": str(folder), "reason": exc.strerror or exc},
            )
        ) from exc
    return CatalogFolder(folder, catalog.version, tuple(texts), len(catalog.indicators), len(catalog.units))
