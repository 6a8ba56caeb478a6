"""A re-merge recognises the very file a package in force was merged from by the SHA-256 of its bytes
(migration 007), and nothing else: any changed row, manifest field or signature goes the full way."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from xz_desktop.services.packages import merge as merge_module
from xz_desktop.services.packages.merge import merge_files, unchanged_by_digest, unmerge
from xz_desktop.services.packages.package_file import read_package
from xz_desktop.services.signing.enrolment import enrol
from xz_desktop.store import open_store

from .db_dump import dump
from .test_package_support import craft, district, resign, unit_key

ROWS = [("talent_total", "2023", 10000), ("employed", "2023", 50000)]


def _digests(db: Path) -> dict[str, tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT package_id, file_sha256, key_id FROM package_digest")}
    finally:
        conn.close()


def _no_read(*args, **kwargs):
    raise AssertionError("the file was read again")


def test_a_merged_file_is_recorded_by_the_sha256_of_its_bytes_and_recognised_without_reading_it(tmp_path, monkeypatch):
    db = district(tmp_path)
    pkg = craft(tmp_path / "a.xzpkg", ROWS)
    expected = hashlib.sha256(pkg.read_bytes()).hexdigest()
    with open_store(db) as store:
        [first] = merge_files(store, [pkg]).results
    assert first.status == "merged"
    assert _digests(db) == {first.package_id: (expected, unit_key("xincheng")[0])}
    monkeypatch.setattr(merge_module, "read_package", _no_read)
    monkeypatch.setattr(merge_module, "unchanged_by_manifest", _no_read)
    with open_store(db) as store:
        [again] = merge_files(store, [pkg]).results
        renamed = tmp_path / "renamed.xzpkg"
        renamed.write_bytes(pkg.read_bytes())
        [copy] = merge_files(store, [renamed]).results
    for r in (again, copy):
        assert (r.status, r.package_id, r.unchanged, r.inserted, r.unit, r.unit_verified) == (
            "unchanged",
            first.package_id,
            2,
            0,
            "xincheng",
            True,
        )


def _changed(src: Path, dst: Path, sql: str, *, resigned: bool) -> Path:
    dst.write_bytes(src.read_bytes())
    conn = sqlite3.connect(dst)
    with conn:
        conn.execute(sql)
    conn.close()
    if resigned:
        resign(dst, unit_key("xincheng")[1])  # well formed and properly signed by the unit: a real, other package
    return dst


@pytest.mark.parametrize(
    ("sql", "resigned", "status"),
    [
        ("UPDATE value SET value = 9999 WHERE indicator = 'employed'", False, "refused"),  # checksum no longer fits
        ("UPDATE value SET value = 9999 WHERE indicator = 'employed'", True, "refused"),  # same id, other content
        ("UPDATE value SET explanation = '改' WHERE indicator = 'employed'", True, "refused"),
        ("UPDATE manifest SET value = 'someone' WHERE key = 'author'", False, "refused"),
        ("UPDATE manifest SET value = 'someone' WHERE key = 'author'", True, "refused"),
        ("UPDATE manifest SET value = 'AAAA' || substr(value, 5) WHERE key = 'signature'", False, "refused"),
    ],
)
def test_a_file_with_a_changed_row_manifest_or_signature_is_not_recognised(tmp_path, sql, resigned, status):
    db = district(tmp_path)
    pkg = craft(tmp_path / "a.xzpkg", ROWS)
    with open_store(db) as store:
        [first] = merge_files(store, [pkg]).results
    changed = _changed(pkg, tmp_path / "b.xzpkg", sql, resigned=resigned)
    with open_store(db) as store:
        assert unchanged_by_digest(store, changed) is None
        [result] = merge_files(store, [changed]).results
        assert result.status == status
        assert store.values.get("xincheng", "employed", "2023").value == 50000
        assert store.values.get("xincheng", "employed", "2023").explanation == ""
    assert list(_digests(db)) == [first.package_id]


def test_any_flipped_byte_changes_the_digest_so_the_file_is_read_in_full(tmp_path):
    db = district(tmp_path)
    pkg = craft(tmp_path / "a.xzpkg", ROWS)
    data = pkg.read_bytes()
    with open_store(db) as store:
        merge_files(store, [pkg])
        for offset in (0, 17, 100, len(data) // 2, len(data) - 1):
            flipped = tmp_path / f"f{offset}.xzpkg"
            flipped.write_bytes(data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1 :])
            assert unchanged_by_digest(store, flipped) is None


def test_a_package_merged_before_digests_were_kept_is_recognised_as_before_and_nothing_is_written(tmp_path):
    db = district(tmp_path)
    pkg = craft(tmp_path / "a.xzpkg", ROWS)
    with open_store(db) as store:
        [first] = merge_files(store, [pkg]).results
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM package_digest")  # as a database upgraded by migration 007 holds it
    conn.close()
    before = dump(db)
    with open_store(db) as store:
        assert unchanged_by_digest(store, pkg) is None
        [again] = merge_files(store, [pkg]).results
    assert (again.status, again.package_id, again.unchanged) == ("unchanged", first.package_id, 2)
    assert dump(db) == before  # an unchanged re-merge writes nothing, not even the digest
    changed = _changed(
        pkg, tmp_path / "b.xzpkg", "UPDATE value SET value = 1 WHERE indicator = 'employed'", resigned=True
    )
    with open_store(db) as store:
        assert merge_files(store, [changed]).results[0].status == "refused"
    assert dump(db) == before


def test_a_file_signed_with_a_key_revoked_since_is_not_recognised(tmp_path):
    db = district(tmp_path)
    pkg = craft(tmp_path / "a.xzpkg", ROWS)
    with open_store(db) as store:
        merge_files(store, [pkg])
        enrol(store, "xincheng", tmp_path / "new.xzenrol", rekey=True)
        assert unchanged_by_digest(store, pkg) is None
        assert merge_files(store, [pkg]).results[0].status == "refused"


def test_a_package_taken_out_is_not_recognised_and_is_recorded_again_when_merged_back(tmp_path):
    db = district(tmp_path)
    pkg = craft(tmp_path / "a.xzpkg", ROWS)
    with open_store(db) as store:
        [first] = merge_files(store, [pkg]).results
        unmerge(store, first.package_id)
        assert unchanged_by_digest(store, pkg) is None
        assert merge_files(store, [pkg]).results[0].status == "merged"
        assert unchanged_by_digest(store, pkg) is not None
    assert list(_digests(db)) == [first.package_id]


def test_what_is_checked_is_the_bytes_that_were_hashed(tmp_path):
    pkg = craft(tmp_path / "a.xzpkg", ROWS)
    package = read_package(pkg)
    assert package.file_sha256 == hashlib.sha256(pkg.read_bytes()).hexdigest()
    assert sorted((r.indicator, r.value) for r in package.rows) == [("employed", 50000.0), ("talent_total", 10000.0)]
