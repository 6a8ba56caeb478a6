"""Signed files (issue 11): enrolment, re-keying, and every file that claims a sender it does not have."""

from __future__ import annotations

import json

import pytest

from xz_desktop.domain.messages import XzError
from xz_desktop.services.catalog_transfer import export_catalog, import_catalog
from xz_desktop.services.packages.merge import MERGED, REFUSED, merge_files
from xz_desktop.services.packages.package_file import read_package
from xz_desktop.services.packages.submission import make_package
from xz_desktop.services.signing import crypto
from xz_desktop.services.signing.enrolment import enrol, init_from_enrolment, read_enrolment
from xz_desktop.store import create_store, open_store

from .db_dump import dump
from .test_package_support import GOOD_ROWS, craft, district, resign, tamper, town

FIXTURE_PACKAGE_ROWS = [("phd", "2023", 5.0)]


def _merge_one(district_path, package):
    with open_store(district_path) as store:
        return merge_files(store, [package]).results[0]


def _rehash(path):
    """Recompute a package's checksum after an edit, as an attacker with a hex editor and the format would."""
    resign(path, None)


def test_key_primitive_signs_and_refuses_any_other_byte():
    pair = crypto.generate()
    signature = crypto.sign(pair.private_key, b"abc")
    assert crypto.verify(pair.public_key, b"abc", signature)
    assert not crypto.verify(pair.public_key, b"abd", signature)
    assert not crypto.verify(crypto.generate().public_key, b"abc", signature)
    assert not crypto.verify(pair.public_key, b"abc", "not base64!")
    assert crypto.public_of(pair.private_key) == pair.public_key and len(pair.key_id) == 16


def test_enrolment_sets_up_a_unit_whose_packages_merge(tmp_path):
    d = tmp_path / "district.sqlite"
    create_store(d, "district").close()
    with open_store(d) as store:
        made = enrol(store, "xincheng", tmp_path)
        # the district keeps the unit's public key only
        key = store.keys.in_force("xincheng")
        assert key is not None and key.private_key is None and key.key_id == made.key_id
    unit_db = tmp_path / "xincheng.sqlite"
    done = init_from_enrolment(unit_db, made.file, "张三")
    assert done.created and done.key_id == made.key_id and done.district_key_id == made.district_key_id
    with open_store(unit_db) as unit:
        from xz_desktop.store.values import ValueChange

        unit.values.write([ValueChange("xincheng", k, "2023", v) for k, _, v in GOOD_ROWS], "张三")
        package = make_package(unit, ["2023"], tmp_path / "p.xzpkg").path
    assert read_package(package).manifest.key_id == made.key_id
    assert _merge_one(d, package).status == MERGED


def test_enrolling_twice_needs_rekey_and_rekey_refuses_the_old_key(tmp_path):
    d = district(tmp_path)
    with town(tmp_path) as unit:  # enrolled with the session's key for xincheng
        old_package = make_package(unit, ["2023"], tmp_path / "old.xzpkg").path
    with open_store(d) as store, pytest.raises(XzError, match="--rekey"):
        enrol(store, "xincheng", tmp_path / "again.xzenrol")
    with open_store(d) as store:
        made = enrol(store, "xincheng", tmp_path / "new.xzenrol", rekey=True)
    assert made.rekeyed and made.revoked
    before = dump(d)
    result = _merge_one(d, old_package)
    assert result.status == REFUSED and "作废" in result.reason and "新城街道" in result.reason
    assert dump(d) == before
    # the unit's existing copy takes the new key and keeps its figures; its next package merges
    with town(tmp_path, name="again.sqlite") as unit:
        path = unit.path
    done = init_from_enrolment(path, made.file)
    assert not done.created
    with open_store(path) as unit:
        assert unit.values.get("xincheng", "phd", "2023") is not None
        assert _merge_one(d, make_package(unit, ["2023"], tmp_path / "new.xzpkg").path).status == MERGED


def test_package_claiming_another_unit_with_its_checksum_recomputed_is_refused(tmp_path):
    """The attack of the issue: a package rewritten to claim another unit, SHA-256 recomputed."""
    d = district(tmp_path)
    bad = craft(tmp_path / "claim.xzpkg", GOOD_ROWS)  # signed by xincheng
    tamper(bad, "UPDATE value SET unit = 'jiabei'")
    tamper(bad, "UPDATE manifest SET value = 'jiabei' WHERE key = 'unit'")
    _rehash(bad)
    before = dump(d)
    result = _merge_one(d, bad)
    assert result.status == REFUSED and "嘉北街道" in result.reason and "不予接受" in result.reason
    assert dump(d) == before


def test_forged_base_revision_is_refused(tmp_path):
    d = district(tmp_path)
    bad = craft(tmp_path / "base.xzpkg", GOOD_ROWS)
    tamper(bad, "UPDATE value SET base_revision = 99 WHERE indicator = 'phd'")
    _rehash(bad)
    before = dump(d)
    result = _merge_one(d, bad)
    assert result.status == REFUSED and "签名与内容不符" in result.reason
    assert dump(d) == before


def test_signed_with_a_key_never_enrolled(tmp_path):
    stranger = crypto.generate()
    d = district(tmp_path)
    bad = craft(tmp_path / "stranger.xzpkg", GOOD_ROWS, signer=(stranger.key_id, stranger.private_key))
    result = _merge_one(d, bad)
    assert result.status == REFUSED and "不是本区为其登记的密钥" in result.reason


def test_signed_with_another_units_key(tmp_path):
    from .test_package_support import unit_key

    d = district(tmp_path)
    bad = craft(tmp_path / "other.xzpkg", GOOD_ROWS, signer=unit_key("jiabei"))
    result = _merge_one(d, bad)
    assert result.status == REFUSED and "嘉北街道" in result.reason and "新城街道" in result.reason


def test_unsigned_and_old_format_packages_are_refused_never_merged(tmp_path):
    d = district(tmp_path)
    unsigned = craft(tmp_path / "unsigned.xzpkg", GOOD_ROWS, signer=("0123456789abcdef", ""))
    assert "没有签名" in _merge_one(d, unsigned).reason
    old = craft(tmp_path / "v1.xzpkg", GOOD_ROWS, signer=("", ""), format_version=1)
    package = read_package(old)  # still readable
    assert package.manifest.format_version == 1
    result = _merge_one(d, old)
    assert result.status == REFUSED and "未签名" in result.reason and "格式 1" in result.reason


def test_a_unit_without_enrolment_is_refused_with_what_to_do(tmp_path):
    d = tmp_path / "fresh-district.sqlite"
    create_store(d, "district").close()  # a district that has enrolled nobody
    result = _merge_one(d, craft(tmp_path / "p.xzpkg", GOOD_ROWS))
    assert result.status == REFUSED and "还没有登记" in result.reason and "xz enrol" in result.reason


def test_an_unenrolled_unit_copy_cannot_make_a_package(tmp_path):
    path = tmp_path / "u.sqlite"
    create_store(path, "unit", "xincheng").close()
    with open_store(path) as store, pytest.raises(XzError, match="还没有登记"):
        make_package(store, ["2023"], tmp_path / "p.xzpkg")


def test_forged_catalog_file_is_refused(tmp_path):
    d = district(tmp_path)
    with open_store(d) as store:
        export_catalog(store, tmp_path / "c.xzcat")
    body = json.loads((tmp_path / "c.xzcat").read_text(encoding="utf-8"))
    body["units"][0]["name"] = "伪造的单位"
    (tmp_path / "forged.xzcat").write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    stranger = tmp_path / "stranger.xzcat"  # a whole catalog signed by someone else's district database
    other = tmp_path / "other-district.sqlite"
    create_store(other, "district").close()
    with open_store(other) as store:
        export_catalog(store, stranger)
    with town(tmp_path) as unit:
        before = dump(unit.path)
        with pytest.raises(XzError, match="签名与内容不符"):
            import_catalog(unit, tmp_path / "forged.xzcat")
        with pytest.raises(XzError, match="不是本区为其登记的密钥"):
            import_catalog(unit, stranger)
        assert import_catalog(unit, tmp_path / "c.xzcat").version
        assert dump(unit.path)["signing_key"] == before["signing_key"]


def test_forged_corrections_file_is_refused(tmp_path):
    from .test_package_support import unit_key

    bad = craft(tmp_path / "corr.xzpkg", GOOD_ROWS, kind="district", signer=unit_key("xincheng"))
    with town(tmp_path) as unit:
        from xz_desktop.services.packages.corrections import import_corrections

        before = dump(unit.path)
        with pytest.raises(XzError, match="不是本区为其登记的密钥|属于"):
            import_corrections(unit, bad)
        assert dump(unit.path) == before


def test_enrolment_file_edited_is_refused(tmp_path):
    d = district(tmp_path)
    with open_store(d) as store:
        made = enrol(store, "xincheng", tmp_path / "e.xzenrol", rekey=True)
    body = json.loads((tmp_path / "e.xzenrol").read_text(encoding="utf-8"))
    body["unit"] = "jiabei"
    (tmp_path / "bad.xzenrol").write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(XzError, match="签名或密钥不符"):
        read_enrolment(tmp_path / "bad.xzenrol")
    assert not (tmp_path / "x.sqlite").exists()
    with pytest.raises(XzError):
        init_from_enrolment(tmp_path / "x.sqlite", tmp_path / "bad.xzenrol")
    assert not (tmp_path / "x.sqlite").exists()
    assert read_enrolment(made.file).unit == "xincheng"


def test_cli_enrol_and_init_contract(tmp_path, xz):
    d, u = tmp_path / "d.sqlite", tmp_path / "u.sqlite"
    assert xz("init", d, "--district").returncode == 0
    made = xz("enrol", d, "--unit", "xincheng", "-o", tmp_path / "x.xzenrol", "--json")
    assert made.returncode == 0, made.stderr
    info = json.loads(made.stdout)
    assert info["unit"] == "xincheng" and not info["rekeyed"]
    again = xz("enrol", d, "--unit", "xincheng", "-o", tmp_path / "y.xzenrol")
    assert again.returncode == 1 and "--rekey" in again.stderr
    init = xz("init", u, "--enrolment", tmp_path / "x.xzenrol")
    assert init.returncode == 0 and info["district_key_id"] in init.stdout
    rekey = xz("enrol", d, "--unit", "xincheng", "-o", tmp_path / "z.xzenrol", "--rekey", "--json")
    assert rekey.returncode == 0 and json.loads(rekey.stdout)["revoked"] == [info["key_id"]]
    keys = json.loads(xz("keys", d, "--json").stdout)
    assert {k["state"][:3] for k in keys if k["owner"] == "xincheng"} == {"在用", "已作废"}


def test_a_catalog_file_is_one_field_and_one_row_to_a_line_and_a_reformatted_one_still_verifies(tmp_path):
    d = district(tmp_path)
    with open_store(d) as store:
        written = export_catalog(store, tmp_path / "c.xzcat")
        indicators = len(store.catalog().indicators)
    text = (tmp_path / "c.xzcat").read_text(encoding="utf-8")
    body = json.loads(text)
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert lines[1] == ' "format": "xz-desktop-catalog",'
    # Each indicator of the plan in force: one line of its own (and once more under ``plans``, inside its plan's line).
    rows = [line for line in lines if line.startswith('  {"code": ') and '"aggregation": ' in line]
    assert len(rows) == indicators == len(body["indicators"])
    assert json.loads(rows[0].rstrip(",")) == body["indicators"][0]
    # The signature covers the parsed body, not the layout: the same body indented by hand still verifies.
    (tmp_path / "indented.xzcat").write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    with town(tmp_path) as unit:
        for name in ("c.xzcat", "indented.xzcat"):
            assert import_catalog(unit, tmp_path / name).version == written.version
