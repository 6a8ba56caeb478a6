"""Who an aggregating database is at the level above: its 行政区划代码 and name, and who it reports to.

The catalog folder says it in ``level.csv`` (one row: ``code,name,above_code,above_name``): the shipped
catalog is 秀洲区 (330411) reporting to 嘉兴市 (330400). A city catalog says 嘉兴市 reporting to 浙江省;
a province's has no ``above``. Levels are data: the same program aggregates at every level.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .catalog import Aggregation, Catalog, Indicator
from .catalog_rows import RowReader, read_catalog_file, read_rows
from .messages import QT_TRANSLATE_NOOP, Message, XzError

LEVEL_FILE = "level.csv"
LEVEL_COLUMNS = ["code", "name", "above_code", "above_name"]
ADMIN_CODE = re.compile(r"^\d{6}$")  # 行政区划代码: 330411
MAX_NAME = 40


@dataclass(frozen=True)
class Level:
    code: str  # this database's unit code at the level above
    name: str
    above_code: str = ""  # "" at the top
    above_name: str = ""


def parse_level(text: str, where: str = LEVEL_FILE) -> Level:
    """The one row of ``level.csv``, every field checked; refused with the file and column otherwise."""
    rows = read_rows(text, where, LEVEL_COLUMNS)  # the header checked, blank lines skipped
    if len(rows) != 1:
        raise XzError(
            Message(
                "catalog",
                QT_TRANSLATE_NOOP("catalog", "目录文件 {where} 应恰好有一行（本级的代码和名称），实有 {count} 行"),
                {"where": where, "count": len(rows)},
            )
        )
    return level_from_row(rows[0])


def level_from_row(reader: RowReader) -> Level:
    """One level row (``level.csv``'s, or the one a catalog file carries), every field checked."""
    row = {k: str(v).strip() for k, v in reader.row.items() if isinstance(k, str) and isinstance(v, str)}
    row.setdefault("above_code", "")
    row.setdefault("above_name", "")
    for column in ("code", "above_code"):
        value = row.get(column, "")
        if (value or column == "code") and not ADMIN_CODE.match(value):
            raise reader.fail(column, f"“{value[:20]}”不是六位行政区划代码")
    for column in ("name", "above_name"):
        value = row.get(column, "")
        if column == "name" and not value:
            raise reader.fail(column, "不能为空")
        if len(value) > MAX_NAME:
            raise reader.fail(column, f"超过 {MAX_NAME} 个字")
    if bool(row["above_code"]) != bool(row["above_name"]):
        raise reader.fail("above_name", "上级代码和上级名称应同时填写或同时留空")
    if row["above_code"] == row["code"]:
        raise reader.fail("above_code", "上级不能是本级自己")
    return Level(row["code"], row["name"], row["above_code"], row["above_name"])


def level_to_row(level: Level) -> dict[str, str]:
    """The row of ``level.csv`` (and of a catalog file's ``level``): the inverse of :func:`level_from_row`."""
    return {"code": level.code, "name": level.name, "above_code": level.above_code, "above_name": level.above_name}


def level_csv_text(level: Level) -> str:
    """``level.csv`` as :func:`parse_level` reads it."""
    out = io.StringIO()
    writer = csv.DictWriter(out, LEVEL_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerow(level_to_row(level))
    return out.getvalue()


def load_level(folder: Path) -> Level | None:
    """``folder/level.csv`` if there is one; None for a catalog folder without it."""
    path = folder / LEVEL_FILE
    if not path.exists():
        return None
    return parse_level(read_catalog_file(path, LEVEL_FILE), LEVEL_FILE)


def level_meta(level: Level) -> dict[str, str]:
    """The database's meta rows that record ``level``."""
    return {
        "level_code": level.code,
        "level_name": level.name,
        "level_above": level.above_code,
        "level_above_name": level.above_name,
    }


def level_from_meta(meta: dict[str, str | None]) -> Level | None:
    code = meta.get("level_code")
    if not code:
        return None
    return Level(
        code, meta.get("level_name") or code, meta.get("level_above") or "", meta.get("level_above_name") or ""
    )


def carried(catalog: Catalog) -> list[Indicator]:
    """What an aggregating database sends to the level above: its totals of every stock and flow.

    Ratios travel as their numerator and denominator (themselves stocks or flows), so the level above
    computes a ratio of sums; sums of parts and growth rates are computed again from what travels.
    A ``district`` figure (reported once by its owner, such as a share of GDP) is not summable
    across districts and stays at its level.
    """
    return [i for i in catalog.indicators if i.aggregation in (Aggregation.STOCK, Aggregation.FLOW)]


def without_denominator(catalog: Catalog, travelling: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The (numerator, period) pairs of ``travelling`` that must stay home, each with the denominator it lacks.

    The level above checks a unit's figures as any unit's: a ratio's numerator without its denominator is a
    逻辑性 error there, and one such error refuses the whole package. So a numerator travels only with its
    denominator: when the denominator is held back (a partial total) or blank, the numerator stays home too, and
    the level above counts this level missing for the ratio (and that numerator), for that period only. A
    denominator without its numerator travels: nothing is wrong with it, and other ratios share it. Repeated
    until nothing changes, since a numerator left home may be another ratio's denominator.
    """
    left = set(travelling)
    lacking: dict[tuple[str, str], str] = {}
    pairs = {
        (str(r.numerator), str(r.denominator))
        for r in catalog.indicators
        if r.aggregation is Aggregation.RATIO and r.numerator and r.denominator
    }
    changed = True
    while changed:
        changed = False
        for numerator, denominator in sorted(pairs):
            for code, period in sorted(left):
                if code == numerator and (denominator, period) not in left:
                    left.discard((code, period))
                    lacking[(code, period)] = denominator
                    changed = True
    return lacking


def level_fingerprint(catalog: Catalog) -> str:
    """The meaning of what travels upward: code, aggregation and measure of every carried indicator.

    Two levels whose catalogs have the same fingerprint read each other's upward packages: the
    package's ``catalog_version`` is this, and the level above accepts it for its own.
    """
    digest = hashlib.sha256()
    for ind in sorted(carried(catalog), key=lambda i: i.code):
        digest.update(repr((ind.code, ind.aggregation.value, ind.entry_measure)).encode("utf-8"))
    return "level-" + digest.hexdigest()[:12]
