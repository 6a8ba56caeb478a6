"""Files of every earlier format version in tests/fixtures/ still open (CHANGELOG.md: which old files a version reads).

Each fixture was written by xz-desktop 0.1.0 and is never regenerated (tests/fixtures/README.md):
a database of schema version 1, a unit's package and the district's corrections file of package
format 1, a catalog file of format 1 and an Excel template of template version 1. When a format's
version goes up, the fixture of the old version stays here and this test says what still reads it.
The ``v5_`` files were written by the release of database schema 5 (signed packages, the reporting round),
before the catalog history (schema 6) and the packages' file digests (schema 7).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from xz_desktop.domain.messages import XzError
from xz_desktop.domain.periods import Period
from xz_desktop.services.catalog_transfer import import_catalog, read_catalog_file
from xz_desktop.services.imports import import_file
from xz_desktop.services.packages.corrections import import_corrections
from xz_desktop.services.packages.merge import merge_files
from xz_desktop.services.packages.package_file import read_package
from xz_desktop.store import create_store, open_store

FIXTURES = Path(__file__).parent / "fixtures"
PACKAGE_1 = FIXTURES / "format1_package_xincheng_2023.xzpkg"
CORRECTIONS_1 = FIXTURES / "format1_corrections_xincheng.xzpkg"
CATALOG_1 = FIXTURES / "format1_catalog.xzcat"
TEMPLATE_1 = FIXTURES / "format1_template_xincheng_2024.xlsx"
DATABASE_1 = FIXTURES / "v1_unit_xincheng.sqlite"
# Written by the release with database schema 5 and package format 2 (signed): a district that enrolled 新城街道,
# merged its 2023 package and accepted the period; the unit's copy; the package; the district's receipt.
DISTRICT_5 = FIXTURES / "v5_district.sqlite"
UNIT_5 = FIXTURES / "v5_unit_xincheng.sqlite"
PACKAGE_5 = FIXTURES / "v5_package_xincheng_2023.xzpkg"
RECEIPT_5 = FIXTURES / "v5_receipt_xincheng.xzrcpt"
# Catalog file format 2 (signed, one plan: no ``plans``), exported from that district before plans were data.
CATALOG_2 = FIXTURES / "format2_catalog.xzcat"


@pytest.fixture
def town(tmp_path) -> Path:
    """A fresh copy of 新城街道 (the unit every fixture file belongs to)."""
    path = tmp_path / "新城街道.sqlite"
    create_store(path, "unit", "xincheng", author="张三").close()
    return path


def test_a_schema_1_database_opens_upgraded_with_its_figures(tmp_path):
    path = tmp_path / "旧数据库.sqlite"
    shutil.copy(DATABASE_1, path)
    with open_store(path) as store:
        assert store.unit_code == "xincheng"
        assert store.values.get("xincheng", "talent_total", "2021").value == 12500
        assert store.values.get("xincheng", "employed", "2021").value == 40000
    assert list(tmp_path.glob("旧数据库.v1-*.backup.sqlite")), "the upgrade kept the version-1 file beside it"


def test_a_format_1_package_is_read_but_never_merged(district_db):
    # Format 1 carries no signature: anyone could have written it (CHANGELOG 0.2.0, docs/trust.md).
    package = read_package(PACKAGE_1)
    assert package.manifest.format_version == 1
    assert (package.manifest.unit, tuple(package.manifest.periods)) == ("xincheng", ("2023",))
    assert len(package.rows) == 21
    with open_store(district_db) as store:
        report = merge_files(store, [PACKAGE_1], by="区人才办")
        [result] = report.results
        assert (result.status, result.unit, result.inserted) == ("refused", "xincheng", 0)
        assert "未签名" in " ".join([result.reason or "", *result.details])
        assert store.values.get("xincheng", "talent_total", "2023") is None


def test_a_format_1_corrections_file_is_read_but_refused_unsigned(town):
    assert read_package(CORRECTIONS_1).manifest.format_version == 1
    with open_store(town) as store, pytest.raises(XzError, match="未签名"):
        import_corrections(store, CORRECTIONS_1)
    with open_store(town) as store:
        assert store.values.get("xincheng", "phd", "2023") is None


def test_a_format_1_catalog_file_is_read_but_not_put_in_force_unsigned(tmp_path):
    catalog, body = read_catalog_file(CATALOG_1)
    assert body["format_version"] == 1 and body["version"] == "b0510e3fa5c3"
    assert (len(catalog.indicators), len(catalog.units), len(catalog.rules)) == (87, 23, 18)
    path = tmp_path / "洪合镇.sqlite"
    create_store(path, "unit", "honghe").close()
    with open_store(path) as store:
        before = store.catalog().version
        with pytest.raises(XzError, match="没有签名"):
            import_catalog(store, CATALOG_1)
        assert store.catalog().version == before


def test_a_version_1_excel_template_is_imported(town):
    with open_store(town) as store:
        result = import_file(store, TEMPLATE_1)
        assert result.written == 3  # 人才资源总量, 从业人员, 博士 filled in by hand (README of the fixtures)
        assert store.values.get("xincheng", "phd", "2024").value == 66
        assert store.values.get("xincheng", "talent_total", "2024").value == 12000
        assert store.values.get("xincheng", "employed", "2024").value == 52000


def _copy(fixture: Path, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    shutil.copy(fixture, path)
    return path


def test_a_schema_5_district_opens_upgraded_and_re_merges_its_old_package_unchanged(tmp_path):
    path = _copy(DISTRICT_5, tmp_path, "区级汇总.sqlite")
    with open_store(path) as store:
        assert store.is_district and store.schema_version() >= 7
        assert store.values.get("xincheng", "talent_total", "2023").value == 10000
        assert store.values.get("xincheng", "phd", "2023").value == 50
        assert store.review.decision("xincheng", "2023").state == "accepted"
        # merged before the file digests were kept: recognised from its manifest and figures, nothing written
        [result] = merge_files(store, [PACKAGE_5], by="区人才办").results
        assert (result.status, result.unchanged, result.unit_verified) == ("unchanged", 21, True)
    assert list(tmp_path.glob("区级汇总.v5-*.backup.sqlite")), "the upgrade kept the schema-5 file beside it"


def test_a_schema_5_units_copy_takes_the_old_receipt_and_its_period_is_locked(tmp_path):
    from xz_desktop.services.round.receipt import import_receipt

    path = _copy(UNIT_5, tmp_path, "新城街道.sqlite")
    with open_store(path) as store:
        assert store.unit_code == "xincheng" and store.schema_version() >= 7
        assert store.values.get("xincheng", "employed", "2023").value == 50000
        result = import_receipt(store, RECEIPT_5)
        assert result.accepted == ["2023"] and result.values == 21
        assert store.review.decision("xincheng", "2023").state == "accepted"
        with pytest.raises(XzError):  # accepted by the district: read-only until it reopens the period
            store.values.write_one("xincheng", "phd", "2023", 51)


def test_a_format_2_catalog_file_is_put_in_force_as_the_one_plan_it_carries(tmp_path):
    path = _copy(UNIT_5, tmp_path, "新城街道.sqlite")
    with open_store(path) as store:
        before = store.catalog().version
        done = import_catalog(store, CATALOG_2)  # signed by the district this copy was enrolled with
        assert done.version == "b0510e3fa5c3" == before
        assert [(p.code, p.base_year, p.target_year) for p in store.plans()] == [("十四五", 2020, 2025)]
        catalog = store.catalog()
        assert (len(catalog.indicators), len(catalog.units), len(catalog.rules)) == (87, 23, 18)
        talent = catalog.indicator("talent_total")
        assert (talent.base, talent.target, talent.history_value(2015)) == (12.21, 14.71, 8.94)


def test_a_format_2_package_of_the_previous_release_merges_again_the_full_way(tmp_path):
    from xz_desktop.services.packages.merge import unmerge
    from xz_desktop.services.round.review import reopen

    path = _copy(DISTRICT_5, tmp_path, "区级汇总.sqlite")
    package_id = read_package(PACKAGE_5).manifest.package_id
    with open_store(path) as store:
        reopen(store, "xincheng", Period(2023), "重新核对", by="区人才办")
        unmerge(store, package_id, by="区人才办")
        assert store.values.get("xincheng", "talent_total", "2023") is None
        # read, verified against the key the old district enrolled 新城街道 with, checked and merged anew
        [result] = merge_files(store, [PACKAGE_5], by="区人才办").results
        assert (result.status, result.inserted, result.unit_verified) == ("merged", 21, True)
        assert store.values.get("xincheng", "talent_total", "2023").value == 10000
        [again] = merge_files(store, [PACKAGE_5], by="区人才办").results  # now by its file's digest
        assert (again.status, again.unchanged) == ("unchanged", 21)
