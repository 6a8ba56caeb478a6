"""Seeded hostile-file fuzz: every damaged or forged package is refused and the district database stays as it was.

A valid, signed package of 新城街道 is merged first; then a few hundred variants are tried, as someone
with a USB stick and a hex editor would: truncations, bit flips, field edits re-signed with the wrong
key, edits with the SHA-256 recomputed, oversized and non-finite values and formula text in every field
re-signed with the right key. A variant whose content still reads exactly as the original may merge (it
changes nothing); any other is refused. ``XZ_FUZZ_SEED`` replays another seed.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from pathlib import Path

from openpyxl import load_workbook

from xz_desktop.services.excel.export import export_workbook
from xz_desktop.services.packages.merge import MERGED, REFUSED, UNCHANGED, merge_files
from xz_desktop.services.packages.package_file import read_package
from xz_desktop.services.signing import crypto
from xz_desktop.store import open_store

from .db_dump import dump
from .test_package_support import GOOD_ROWS, craft, district, resign, unit_key

SEED = int(os.environ.get("XZ_FUZZ_SEED", "20261201"))
FORMULA = '=HYPERLINK("http://x","点此")'
ROW_TEXT = ["unit", "indicator", "period", "changed_at"]  # fields with a format: any formula text is refused
FREE_TEXT = ["explanation", "changed_by"]  # free text: may hold anything, exported inert
MANIFEST_FIELDS = [
    "package_id",
    "format_version",
    "kind",
    "unit",
    "periods",
    "schema_version",
    "exported_at",
    "value_count",
    "key_id",
]
HOSTILE_VALUES = [float("inf"), float("-inf"), float("nan"), 1e308, -1e308, 9.2e18, 2.5, -1.0, 1e30, 2**62]


def _content(path: Path):
    package = read_package(path)
    return package.fields, sorted(package.rows)


def _variants(original: Path, folder: Path, rng: random.Random):
    data = original.read_bytes()
    own = unit_key("xincheng")
    stranger = crypto.generate()
    other = unit_key("jiabei")
    n = 0

    def fresh(kind: str) -> Path:
        nonlocal n
        n += 1
        path = folder / f"{n:03d}_{kind}.xzpkg"
        path.write_bytes(data)
        return path

    for _ in range(60):  # truncations
        path = fresh("truncated")
        path.write_bytes(data[: rng.randrange(0, len(data))])
        yield path, "truncated"
    for _ in range(100):  # bit flips
        path = fresh("flip")
        raw = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(raw))
            raw[i] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(raw))
        yield path, "flip"
    edits = [
        ("UPDATE value SET value = value + 1 WHERE indicator = 'phd'", ()),
        ("UPDATE value SET base_revision = 99", ()),
        ("UPDATE value SET unit = 'jiabei'", ()),
        ("UPDATE manifest SET value = 'jiabei' WHERE key = 'unit'", ()),
        ("UPDATE manifest SET value = '2030-01-01T00:00:00.000Z' WHERE key = 'exported_at'", ()),
        ("DELETE FROM value WHERE indicator = 'phd'", ()),
    ]
    for sql, args in edits:
        for signer, label in ((None, "rehashed"), (stranger.private_key, "stranger"), (other[1], "other-unit")):
            path = fresh(label)
            conn = sqlite3.connect(path)
            with conn:
                conn.execute(sql, args)
            conn.close()
            resign(path, signer)
            yield path, label
    # right key, hostile fields: refused by the field checks, not the signature
    for field in ROW_TEXT:
        for text in (FORMULA, "9999-01-01T00:00:00Z", "x" * 5000, ""):
            path = fresh(f"row-{field}")
            conn = sqlite3.connect(path)
            with conn:
                conn.execute(
                    f"UPDATE value SET {field} = ? WHERE indicator = (SELECT MIN(indicator) FROM value)", (text,)
                )
            conn.close()
            resign(path, own[1])
            yield path, f"row-{field}"
    for field in MANIFEST_FIELDS:
        for text in (FORMULA, "1" * 31, "-1", ""):
            path = fresh(f"manifest-{field}")
            conn = sqlite3.connect(path)
            with conn:
                conn.execute("UPDATE manifest SET value = ? WHERE key = ?", (text, field))
            conn.close()
            resign(path, own[1])
            yield path, f"manifest-{field}"
    for value in HOSTILE_VALUES:
        for indicator in ("academician_workstation", "talent_total", "phd"):
            path = fresh("value")
            conn = sqlite3.connect(path)
            with conn:
                conn.execute(
                    "UPDATE value SET value = ? WHERE indicator = ?", (value if value == value else None, indicator)
                )
                if value != value:  # NaN: SQLite stores NULL; write the bytes of a NaN REAL instead
                    conn.execute("UPDATE value SET value = 9e999 - 9e999 WHERE indicator = ?", (indicator,))
            conn.close()
            resign(path, own[1])
            yield path, "value"


def test_hostile_packages_are_refused_and_the_district_is_unchanged(tmp_path):
    rng = random.Random(SEED)
    d = district(tmp_path)
    original = craft(tmp_path / "original.xzpkg", [(k, p, v, 1, 0, "") for k, p, v in GOOD_ROWS])
    with open_store(d) as store:
        assert merge_files(store, [original]).results[0].status == MERGED
    before = dump(d)
    content = _content(original)
    folder = tmp_path / "variants"
    folder.mkdir()
    accepted_forgeries, tried = [], 0
    with open_store(d) as store:
        for path, kind in _variants(original, folder, rng):
            tried += 1
            [result] = merge_files(store, [path]).results
            if result.status == REFUSED:
                assert result.reason and "Traceback" not in result.reason, (path.name, result.reason)
                continue
            # not refused: only a file whose content still reads exactly as the original may pass
            same = False
            try:
                same = _content(path) == content
            except Exception:
                same = False
            if not same or result.status not in (UNCHANGED, MERGED):
                accepted_forgeries.append((path.name, kind, result.status))
    assert accepted_forgeries == []
    assert tried > 250
    after = dump(d)
    # a flipped copy that reads as the original is an identical re-send: at most a log line, never a figure
    for table in ("value", "package_value", "conflict", "signing_key", "district_edit", "meta"):
        if table in before:
            assert after[table] == before[table], table


def test_free_text_with_formulas_signed_by_the_unit_merges_and_exports_inert(tmp_path):
    d = district(tmp_path)
    rows = [(k, p, v, 1, 0, FORMULA) for k, p, v in GOOD_ROWS]
    package = craft(tmp_path / "text.xzpkg", rows)
    conn = sqlite3.connect(package)
    with conn:
        conn.execute("UPDATE value SET changed_by = ?", ("@SUM(A1:A9)",))
        conn.execute("UPDATE manifest SET value = ? WHERE key = 'author'", ("+1+1",))
    conn.close()
    resign(package, unit_key("xincheng")[1])
    with open_store(d) as store:
        assert merge_files(store, [package]).results[0].status == MERGED
        export_workbook(store, tmp_path / "x.xlsx", "2023")
    wb = load_workbook(tmp_path / "x.xlsx")
    assert [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"] == []
    shutil.rmtree(tmp_path / "x.xlsx", ignore_errors=True)
