"""Helpers shared by the package and merge tests (and a check that they make what they claim)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from xz_desktop.services.packages.package_file import Manifest, PackageRow, new_package_id, read_package, write_package
from xz_desktop.store import Store, create_store, open_store
from xz_desktop.store.values import ValueChange

# A complete, consistent year of a town (新城街道): passes every error check, no warnings.
TOWN_2023 = dict(
    talent_total=10000,
    party_gov_talent=500,
    business_mgmt_talent=1000,
    professional_tech_talent=3000,
    high_skilled=2000,
    rural_practical_talent=500,
    social_work_talent=200,
    phd=50,
    master=500,
    bachelor=3000,
    senior_title=300,
    employed=50000,
    skilled_workers=8000,
    rd_personnel=1000,
    resident_population=100000,
    academician_workstation=2,
    postdoc_workstation=1,
    new_high_end_talent=5,
    new_phd_master_youth=20,
    top_talent_fulltime=1,
    new_graduates=800,
)
_templates: dict[tuple, Path] = {}


def new_db(folder: Path, name: str, role: str, unit: str | None = None) -> Path:
    """A fresh database file, copied from a template made once per session (creation takes ~30 ms)."""
    key = (role, unit)
    if key not in _templates:
        template = Path(__import__("tempfile").mkdtemp()) / "template.sqlite"
        create_store(template, role, unit, author="模板").close()
        _templates[key] = template
    path = folder / name
    shutil.copy(_templates[key], path)
    with open_store(path) as store:  # a copy must not share the template's identity
        store.set_meta("database_id", new_package_id())
        store.set_meta("author", "张三" if role == "unit" else "区人才办")
    return path


def town(
    folder: Path, unit: str = "xincheng", values: dict | None = None, period: str = "2023", name: str | None = None
) -> Store:
    """An open unit copy with a full, valid year."""
    store = open_store(new_db(folder, name or f"{unit}.sqlite", "unit", unit))
    store.values.write(
        [ValueChange(unit, k, period, v) for k, v in (TOWN_2023 if values is None else values).items()], "张三"
    )
    return store


def district(folder: Path, name: str = "district.sqlite") -> Path:
    return new_db(folder, name, "district")


def craft(
    path: Path,
    rows: list[tuple],
    *,
    unit: str = "xincheng",
    periods: tuple[str, ...] = ("2023",),
    catalog_version: str | None = None,
    exported_at: str = "2024-01-10T08:00:00.000Z",
    package_id: str | None = None,
    **manifest,
) -> Path:
    """A package written directly: rows are (indicator, period, value[, revision[, base[, explanation[, unit]]]])."""
    if catalog_version is None:
        from xz_desktop.domain.catalog_rows import load_catalog_dir
        from xz_desktop.paths import catalog_dir

        catalog_version = load_catalog_dir(catalog_dir()).version
    out = []
    for r in rows:
        ind, period, value, *rest = r
        defaults = (1, 0, "", unit)
        rev, base, expl, who = (*rest, *defaults[len(rest) :])
        out.append(PackageRow(who, ind, period, value, expl, rev, base, "2024-01-09T10:00:00.000Z", "张三"))
    m = Manifest(
        package_id or new_package_id(),
        unit,
        periods,
        catalog_version,
        2,
        "test",
        exported_at,
        "张三",
        "db-1",
        len(out),
        **manifest,
    )
    write_package(path, m, out)
    return path


def tamper(path: Path, sql: str, *args) -> None:
    """Change a package file behind the checksum's back."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql, args)
    conn.close()


def test_craft_reads_back(tmp_path):
    path = craft(tmp_path / "p.xzpkg", [("phd", "2023", 5.0), ("master", "2023", 7.0, 3, 1, "说明")])
    package = read_package(path)
    assert package.unit == "xincheng" and len(package.rows) == 2
    row = {r.indicator: r for r in package.rows}["master"]
    assert (row.value, row.revision, row.base_revision, row.explanation) == (7.0, 3, 1, "说明")


def test_town_is_clean(tmp_path):
    from xz_desktop.services.packages.submission import blocking_findings

    with town(tmp_path) as store:
        assert blocking_findings(store, ["2023"]) == []


GOOD_ROWS = [(k, "2023", float(v)) for k, v in TOWN_2023.items()]
