"""Hostile catalog folders (issue 24, item 5): `xz init DB --district --catalog DIR` refuses each with a Chinese
message naming the file, the row and the column, and makes no database."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from xz_desktop.domain.catalog_rows import catalog_from_rows
from xz_desktop.domain.messages import XzError
from xz_desktop.paths import catalog_dir


def folder(tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), target)
    return target


def edit_csv(path: Path, edit) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8").lstrip("\ufeff"))))
    header = list(rows[0]) if rows else next(csv.reader([path.read_text(encoding="utf-8").lstrip("\ufeff")]))
    rows = edit(rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def refused(xz, tmp_path: Path, catalog: Path, *words: str) -> None:
    db = tmp_path / "district.sqlite"
    result = xz("init", db, "--district", "--catalog", catalog)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("xz: 错误：目录文件 ") and all(w in line for w in words), line
    assert "codec" not in line and "Error" not in line and "surrogate" not in line, line
    assert not db.exists()


def test_a_negative_display_factor_is_refused(xz, tmp_path):
    catalog = folder(tmp_path)

    def negative(rows):
        rows[0]["display_factor"] = "-1"  # the first indicator: row 2 as a spreadsheet shows it
        return rows

    edit_csv(catalog / "indicators.csv", negative)
    refused(xz, tmp_path, catalog, "indicators.csv", "第 2 行", "“display_factor”列", "应大于 0")


def test_a_units_file_without_units_is_refused(xz, tmp_path):
    catalog = folder(tmp_path)
    edit_csv(catalog / "units.csv", lambda rows: [])

    def nobody_named(rows):  # indicators that name no reporting unit: nothing else would notice
        return [{**r, "reported_by": ""} for r in rows]

    edit_csv(catalog / "indicators.csv", nobody_named)
    (catalog / "overlaps.csv").unlink(missing_ok=True)
    refused(xz, tmp_path, catalog, "units.csv", "第 2 行", "“code”列", "没有任何在用的填报单位")


def test_a_gbk_file_is_refused_naming_where(xz, tmp_path):
    catalog = folder(tmp_path)
    units = catalog / "units.csv"
    units.write_bytes(units.read_text(encoding="utf-8").lstrip("\ufeff").encode("gbk"))
    # the first non-ASCII byte is in the first unit's name: row 2, column name
    refused(xz, tmp_path, catalog, "units.csv", "第 2 行", "“name”列", "UTF-8")


def test_the_bytes_of_a_lone_surrogate_are_refused_naming_where(xz, tmp_path):
    catalog = folder(tmp_path)
    units = catalog / "units.csv"
    lines = units.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",", ",\ud800", 1)  # row 4: the name starts with a lone surrogate
    units.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    refused(xz, tmp_path, catalog, "units.csv", "第 4 行", "“name”列", "UTF-8")


def test_a_lone_surrogate_in_a_row_is_refused_naming_where(catalog):
    """A catalog file (.xzcat, JSON) can carry a lone surrogate as an escape: refused before any SQL."""
    from xz_desktop.domain.catalog_rows import indicator_to_row, unit_to_row

    indicators = [indicator_to_row(i, catalog.plan) for i in catalog.indicators]
    units = [unit_to_row(u) for u in catalog.units]
    units[2] = {**units[2], "name": "新\ud800城"}
    with pytest.raises(XzError) as caught:
        catalog_from_rows(indicators, units, where="目录.xzcat")
    text = caught.value.lines()[0]
    assert "目录.xzcat/units" in text and "第 3 行" in text and "“name”列" in text, text
