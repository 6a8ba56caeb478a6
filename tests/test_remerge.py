"""A re-merge looks at the package id and checksum before the full checks (issue 14)."""

from __future__ import annotations

from xz_desktop.services.packages import merge as merge_module
from xz_desktop.services.packages.merge import merge_files, unmerge
from xz_desktop.store import open_store

from .test_package_support import craft, district


def _no_checks(*args, **kwargs):
    raise AssertionError("the full checks ran for a package already in force")


def test_an_unchanged_package_in_force_skips_the_checks(tmp_path, monkeypatch):
    db = district(tmp_path)
    pkg = craft(tmp_path / "a.xzpkg", [("talent_total", "2023", 10000), ("employed", "2023", 50000)])
    with open_store(db) as store:
        [first] = merge_files(store, [pkg]).results
        assert (first.status, first.inserted) == ("merged", 2)
        monkeypatch.setattr(merge_module, "district_problems", _no_checks)
        [again] = merge_files(store, [pkg]).results
        assert (again.status, again.unchanged, again.inserted) == ("unchanged", 2, 0)


def test_a_package_taken_out_is_checked_again_when_it_comes_back(tmp_path, monkeypatch):
    db = district(tmp_path)
    pkg = craft(tmp_path / "a.xzpkg", [("talent_total", "2023", 10000), ("employed", "2023", 50000)])
    with open_store(db) as store:
        [first] = merge_files(store, [pkg]).results
        unmerge(store, first.package_id)
        seen = []
        real = merge_module.district_problems

        def counting(*args, **kwargs):
            seen.append(1)
            return real(*args, **kwargs)

        monkeypatch.setattr(merge_module, "district_problems", counting)
        [back] = merge_files(store, [pkg]).results
        assert back.status == "merged" and seen == [1]
        assert store.values.get("xincheng", "talent_total", "2023").value == 10000


def test_same_id_other_content_is_still_refused(tmp_path):
    db = district(tmp_path)
    a = craft(tmp_path / "a.xzpkg", [("talent_total", "2023", 10000), ("employed", "2023", 50000)])
    with open_store(db) as store:
        [first] = merge_files(store, [a]).results
        b = craft(
            tmp_path / "b.xzpkg",
            [("talent_total", "2023", 99999), ("employed", "2023", 50000)],
            package_id=first.package_id,
        )
        [second] = merge_files(store, [b]).results
        assert second.status == "refused" and "内容不同" in second.reason
        assert store.values.get("xincheng", "talent_total", "2023").value == 10000
