"""Helpers shared by the package and merge tests (and a check that they make what they claim)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from xz_desktop.services.packages.package_file import Manifest, PackageRow, new_package_id, read_package, write_package
from xz_desktop.services.signing import crypto
from xz_desktop.services.signing.enrolment import enrol, init_from_enrolment, read_enrolment
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
_enrolments: dict[str, Path] = {}  # unit -> its enrolment file from the district template


def enrolment_for(unit: str) -> Path:
    """The unit's enrolment file from the session's district template (every district copy shares its keys)."""
    district_template()
    return _enrolments[unit]


def district_template() -> Path:
    key = ("district", None)
    if key not in _templates:
        template = Path(__import__("tempfile").mkdtemp()) / "template.sqlite"
        create_store(template, "district", author="模板").close()
        _templates[key] = template
        folder = Path(__import__("tempfile").mkdtemp())
        with open_store(template) as store:  # every unit enrolled once: each district copy knows every unit's key
            for unit in store.catalog().active_units():
                _enrolments[unit.code] = Path(enrol(store, unit.code, folder / f"{unit.code}.xzenrol").file)
    return _templates[key]


def unit_key(unit: str) -> tuple[str, str]:
    """(key id, private key) of ``unit`` as enrolled in the session's district template."""
    e = read_enrolment(enrolment_for(unit))
    return e.unit_key.key_id, e.unit_key.private_key


def district_key() -> tuple[str, str]:
    """(key id, private key) of the session's district template."""
    enrolment_for("xincheng")
    with open_store(district_template()) as store:
        key = store.keys.own()
    return key.key_id, key.private_key


def new_db(folder: Path, name: str, role: str, unit: str | None = None) -> Path:
    """A fresh database file, copied from a template made once per session (creation takes ~30 ms).

    Unit copies are set up from the district template's enrolment of that unit, as for real.
    """
    key = (role, unit)
    if role == "district":
        district_template()
    if key not in _templates:
        template = Path(__import__("tempfile").mkdtemp()) / "template.sqlite"
        init_from_enrolment(template, enrolment_for(unit), author="模板")
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
    signer: tuple[str, str] | None = None,
    **manifest,
) -> Path:
    """A package written directly: rows are (indicator, period, value[, revision[, base[, explanation[, unit]]]]).

    Signed with ``signer`` (key id, private key); by default with the key enrolled for ``unit`` (or the
    district's, for ``kind="district"``). ``signer=("", "")`` writes it unsigned.
    """
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
    if signer is None:
        enrolled = district_template() and unit in _enrolments
        signer = district_key() if manifest.get("kind") == "district" else unit_key(unit if enrolled else "xincheng")
    key_id, private = signer
    manifest.setdefault("key_id", key_id)
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
    write_package(path, m, out, sign=(lambda b: crypto.sign(private, b)) if private else None)
    return path


def resign(path: Path, private: str | None, *, rehash: bool = True) -> None:
    """Recompute the checksum (and, with ``private``, the signature) over whatever the file now holds."""
    from xz_desktop.services.packages.package_file import canonical_bytes, compute_checksum
    from xz_desktop.store.package_file import PackageRow as Row

    conn = sqlite3.connect(path)
    try:
        fields = dict(conn.execute("SELECT key, value FROM manifest").fetchall())
        cols = "unit, indicator, period, value, explanation, revision, base_revision, changed_at, changed_by"
        rows = [Row(*r) for r in conn.execute(f"SELECT {cols} FROM value")]
        try:
            payload, checksum = canonical_bytes(fields, rows), compute_checksum(fields, rows)
        except (ValueError, TypeError):  # non-finite values cannot even be serialised: the old seal stays
            return
        with conn:
            if rehash:
                conn.execute("UPDATE manifest SET value = ? WHERE key = 'checksum'", (checksum,))
            if private:
                conn.execute("UPDATE manifest SET value = ? WHERE key = 'signature'", (crypto.sign(private, payload),))
    finally:
        conn.close()


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
