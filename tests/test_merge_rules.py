"""The merge rules, one behaviour at a time: revisions, corrections, conflicts, decisions, un-merge, preview."""

from __future__ import annotations

import shutil

import pytest

from xz_desktop.domain.messages import XzError
from xz_desktop.domain.periods import Period
from xz_desktop.services.packages.conflicts import list_conflicts, resolve, resolve_many
from xz_desktop.services.packages.merge import merge_files, merge_log, unmerge
from xz_desktop.services.packages.package_file import read_package
from xz_desktop.services.packages.submission import make_package
from xz_desktop.services.progress import CancelFlag
from xz_desktop.services.status import submission_status
from xz_desktop.services.totals import totals
from xz_desktop.store import open_store

from .db_dump import dump
from .test_package_support import TOWN_2023, craft, district, town

ONE = "academician_workstation"


def merge(path, *files):
    with open_store(path) as store:
        return merge_files(store, list(files)).results


def figure(path, unit="xincheng", indicator=ONE, period="2023"):
    with open_store(path) as store:
        return store.values.get(unit, indicator, period)


def test_a_town_package_round_trip(tmp_path):
    with town(tmp_path) as unit:
        made = make_package(unit, ["2023"], tmp_path)
    d = district(tmp_path)
    [result] = merge(d, made.path)
    assert (result.status, result.inserted, result.updated, result.conflicts) == ("merged", len(TOWN_2023), 0, 0)
    stored = figure(d, indicator="talent_total")
    assert stored.value == 10000 and stored.source == made.package_id and stored.changed_by == "张三"
    with open_store(d) as store:
        row = next(r for r in totals(store, "2023") if r.code == "talent_total")
        assert row.units_reported == ["xincheng"] and not row.disputed


def test_newer_revision_wins_and_older_never_replaces_it(tmp_path):
    d = district(tmp_path)
    old = craft(tmp_path / "old.xzpkg", [(ONE, "2023", 1.0, 1)])
    new = craft(
        tmp_path / "new.xzpkg", [(ONE, "2023", 3.0, 2)], exported_at="2023-01-01T00:00:00.000Z"
    )  # clock wrong: revision decides
    assert merge(d, new)[0].inserted == 1
    [late] = merge(d, old)
    assert (late.status, late.unchanged, late.updated) == ("merged", 1, 0)
    assert figure(d).value == 3.0


def test_an_identical_resend_is_credited_to_the_first_package(tmp_path):
    d = district(tmp_path)
    first = craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0)], exported_at="2024-01-01T00:00:00.000Z")
    again = craft(tmp_path / "b.xzpkg", [(ONE, "2023", 2.0)], exported_at="2024-02-01T00:00:00.000Z")
    merge(d, again, first)
    assert figure(d).source == read_package(first).package_id


def test_fork_same_revision_different_values_is_a_conflict(tmp_path):
    d = district(tmp_path)
    a = craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0, 4)], exported_at="2024-01-01T00:00:00.000Z")
    b = craft(tmp_path / "b.xzpkg", [(ONE, "2023", 5.0, 4)], exported_at="2024-02-01T00:00:00.000Z")
    merge(d, a)
    assert merge(d, b)[0].conflicts == 1
    with open_store(d) as store:
        [c] = list_conflicts(store)
        assert c.kind == "fork" and sorted(x.value for x in c.candidates) == [2.0, 5.0]
        assert store.values.disputed_keys() == {("xincheng", ONE, "2023")}
        assert next(r for r in totals(store, "2023") if r.code == ONE).disputed
        assert figure(d).value == 5.0  # while open: the latest export
        resolve(store, c.id, next(n for n, x in enumerate(c.candidates) if x.value == 2.0))
        assert list_conflicts(store) == [] and store.values.disputed_keys() == set()
        assert [x.resolved_at is not None for x in list_conflicts(store, include_resolved=True)] == [True]
    assert figure(d).value == 2.0
    assert merge(d, a, b)[0].status == "unchanged" and figure(d).value == 2.0  # the decision holds
    newer = craft(tmp_path / "c.xzpkg", [(ONE, "2023", 9.0, 5)])
    merge(d, newer)
    assert figure(d).value == 9.0  # and a newer revision moves on as usual


def test_a_package_built_before_a_district_correction_is_a_conflict(tmp_path):
    d = district(tmp_path)
    merge(d, craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0, 1)]))
    with open_store(d) as store:
        store.values.write_one("xincheng", ONE, "2023", 3.0, author="区人才办")  # the district corrects revision 1
        edit = store.conn.execute("SELECT revision, base_revision FROM district_edit").fetchone()
    assert edit == (2, 1)
    older = craft(tmp_path / "old.xzpkg", [(ONE, "2023", 2.0, 1)])
    assert merge(d, older)[0].conflicts == 0 and figure(d).value == 3.0  # what the district corrected: no conflict
    unseen = craft(tmp_path / "b.xzpkg", [(ONE, "2023", 4.0, 2)])  # the unit changed it without seeing the correction
    assert merge(d, unseen)[0].conflicts == 1
    assert figure(d).value == 3.0  # the correction stands while open
    with open_store(d) as store:
        [c] = list_conflicts(store)
        assert c.kind == "correction" and [x.origin for x in c.candidates] == ["district", "unit"]
        resolve(store, c.id, 0)  # keep the district's figure
    assert figure(d).value == 3.0
    assert merge(d, unseen)[0].status == "unchanged"
    with open_store(d) as store:
        assert list_conflicts(store) == []


def test_typing_the_corrected_value_in_the_unit_agrees(tmp_path):
    d = district(tmp_path)
    merge(d, craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0, 1)]))
    with open_store(d) as store:
        store.values.write_one("xincheng", ONE, "2023", 3.0)
    [r] = merge(d, craft(tmp_path / "b.xzpkg", [(ONE, "2023", 3.0, 2)]))
    assert r.conflicts == 0 and figure(d).value == 3.0 and figure(d).source == r.package_id


def test_choosing_the_unit_withdraws_the_correction(tmp_path):
    d = district(tmp_path)
    merge(d, craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0, 1)]))
    with open_store(d) as store:
        store.values.write_one("xincheng", ONE, "2023", 3.0)
    merge(d, craft(tmp_path / "b.xzpkg", [(ONE, "2023", 4.0, 2)]))
    with open_store(d) as store:
        assert resolve_many(store, [c.id for c in list_conflicts(store)], "unit") == 1
    assert figure(d).value == 4.0
    merge(d, craft(tmp_path / "c.xzpkg", [(ONE, "2023", 6.0, 3)]))
    assert figure(d).value == 6.0  # no longer contested by the withdrawn correction
    with open_store(d) as store:
        assert list_conflicts(store) == []


def test_unmerge_restores_exactly_what_was_there(tmp_path):
    d = district(tmp_path)
    merge(d, craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0, 1), ("phd", "2023", 5.0, 1)]))
    with open_store(d) as store:
        store.values.write_one("jiabei", ONE, "2023", 1.0)
    before = dump(d)
    later = craft(tmp_path / "b.xzpkg", [(ONE, "2023", 7.0, 2), ("master", "2023", 9.0, 1)])
    merge(d, later)
    with open_store(d) as store:
        result = unmerge(store, read_package(later).package_id)
        assert (result.restored, result.removed) == (1, 1)
        with pytest.raises(XzError, match="已于"):
            unmerge(store, read_package(later).package_id)
        log = merge_log(store)
        assert [e.action for e in log[:2]] == ["unmerge", "merge"] and not log[1].in_force
    after = dump(d)
    for table in ("value", "package_value", "conflict", "district_edit"):
        assert after[table] == before[table], table
    assert merge(d, later)[0].status == "merged"  # it can come back in
    assert figure(d).value == 7.0


def test_unmerge_of_a_package_whose_figure_the_district_corrected(tmp_path):
    d = district(tmp_path)
    a = craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0, 1)])
    merge(d, a)
    with open_store(d) as store:
        store.values.write_one("xincheng", ONE, "2023", 3.0)
        unmerge(store, read_package(a).package_id)
    assert figure(d).value == 3.0  # the district's own figure is not the package's to take away


def test_preview_writes_nothing_and_predicts_the_merge(tmp_path):
    d = district(tmp_path)
    merge(d, craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0, 1), ("phd", "2023", 5.0, 1)]))
    files = [
        craft(tmp_path / "b.xzpkg", [(ONE, "2023", 3.0, 2), ("phd", "2023", 5.0, 1), ("master", "2023", 8.0, 1)]),
        craft(tmp_path / "c.xzpkg", [(ONE, "2023", 4.0, 2)]),
    ]
    files.append(shutil.copy(files[0], tmp_path / "b-copy.xzpkg"))  # the same package again, under another name
    before = dump(d)
    with open_store(d) as store:
        preview = merge_files(store, files, dry_run=True)
    assert dump(d) == before
    counts = [(r.status, r.inserted, r.updated, r.unchanged, r.conflicts) for r in preview.results]
    assert counts == [("merged", 1, 1, 1, 0), ("merged", 0, 0, 0, 1), ("unchanged", 0, 0, 3, 0)]
    kinds = {(c.indicator, c.kind, c.before, c.after) for c in preview.results[0].changes}
    assert kinds == {(ONE, "update", 2.0, 3.0), ("phd", "unchanged", 5.0, 5.0), ("master", "insert", None, 8.0)}
    with open_store(d) as store:
        real = merge_files(store, files)
    assert [(r.status, r.inserted, r.updated, r.unchanged, r.conflicts) for r in real.results] == counts


def test_cancel_keeps_the_packages_already_merged(tmp_path):
    d = district(tmp_path)
    files = [craft(tmp_path / f"{u}.xzpkg", [(ONE, "2023", 1.0)], unit=u) for u in ("xincheng", "jiabei", "tanghui")]
    with open_store(d) as store:
        report = merge_files(store, files, progress=CancelFlag(cancel_after=1))
    assert report.cancelled
    assert [r.status for r in report.results] == ["merged", "cancelled", "cancelled"]
    with open_store(d) as store:
        assert store.conn.execute("SELECT COUNT(*) FROM package").fetchone()[0] == 1
        assert store.conn.execute("SELECT COUNT(*) FROM merge_guard").fetchone()[0] == 0


def test_a_folder_merges_every_package_in_it(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for u in ("xincheng", "jiabei"):
        craft(folder / f"{u}.xzpkg", [(ONE, "2023", 1.0)], unit=u)
    (folder / "readme.txt").write_text("not a package")
    d = district(tmp_path)
    assert [r.status for r in merge(d, folder)] == ["merged", "merged"]


def test_submission_status(tmp_path):
    d = district(tmp_path)
    merge(
        d,
        craft(tmp_path / "a.xzpkg", [(ONE, "2023", 1.0), ("phd", "2023", 2.0)], exported_at="2024-01-03T09:00:00.000Z"),
    )
    merge(d, craft(tmp_path / "b.xzpkg", [(ONE, "2023", 2.0, 2)], exported_at="2024-02-03T09:00:00.000Z"))
    with open_store(d) as store:
        rows = {r.unit: r for r in submission_status(store, Period(2023))}
        assert len(rows) == len(store.catalog().active_units())
        x = rows["xincheng"]
        assert (
            x.submitted
            and x.submitted_at == "2024-01-03T09:00:00.000Z"
            and x.last_submitted_at == "2024-02-03T09:00:00.000Z"
        )
        assert (x.values, x.expected, x.packages, x.package_file) == (2, 21, 2, "b.xzpkg")
        assert not rows["jiabei"].submitted and rows["jiabei"].submitted_at is None
        assert not any(r.submitted for r in submission_status(store, Period(2022)))
        unmerge(store, read_package(tmp_path / "b.xzpkg").package_id)
        unmerge(store, read_package(tmp_path / "a.xzpkg").package_id)
        assert not {r.unit: r for r in submission_status(store, Period(2023))}["xincheng"].submitted


def test_a_correction_travels_back_and_ends_the_dispute(tmp_path):
    """District corrects → corrections file → the unit imports it, edits on → its next package is taken without conflict."""
    from xz_desktop.services.packages.corrections import import_corrections, make_corrections

    d = district(tmp_path)
    with town(tmp_path) as unit:
        first = make_package(unit, ["2023"], tmp_path / "first.xzpkg")
    merge(d, first.path)
    with open_store(d) as store:
        store.values.write_one("xincheng", "phd", "2023", 55, author="区人才办")
        made = make_corrections(store, "xincheng", tmp_path)
    assert made.values == 1
    with open_store(tmp_path / "xincheng.sqlite") as unit:
        result = import_corrections(unit, made.file)
        assert (result.changed, result.agreed) == (1, 0)
        assert unit.values.get("xincheng", "phd", "2023").value == 55
        unit.values.write_one("xincheng", "phd", "2023", 58, explanation="补录两名博士后")
        unit.values.write_one("xincheng", "master", "2023", 510)
        second = make_package(unit, ["2023"], tmp_path / "second.xzpkg")
    [r] = merge(d, second.path)
    assert (r.conflicts, r.updated) == (0, 2)
    assert figure(d, indicator="phd").value == 58
    # without the corrections file, the same edit would have been a conflict
    with open_store(d) as store:
        store.values.write_one("xincheng", "master", "2023", 520)
    with open_store(tmp_path / "xincheng.sqlite") as unit:
        unit.values.write_one("xincheng", "master", "2023", 530)
        third = make_package(unit, ["2023"], tmp_path / "third.xzpkg")
    assert merge(d, third.path)[0].conflicts == 1


def test_a_correction_is_written_as_an_edit_is_and_a_computed_figure_refuses_the_file(tmp_path):
    """Corrections take the one write path: the unit's own entered figures only; one refused figure refuses all."""
    from xz_desktop.services.packages.corrections import import_corrections

    with town(tmp_path) as unit:
        unit.close()
    copy = tmp_path / "xincheng.sqlite"
    before = dump(copy)
    # phd_master is computed (博士 + 硕士): no database holds it, so no correction may write it
    bad = craft(
        tmp_path / "bad.xzpkg", [("phd", "2023", 60.0, 3, 3), ("phd_master", "2023", 600.0, 3, 3)], kind="district"
    )
    with open_store(copy) as store, pytest.raises(XzError, match="由其他指标计算得出"):
        import_corrections(store, bad)
    assert dump(copy) == before  # not even the good row, nor its base revision
    good = craft(
        tmp_path / "good.xzpkg", [("phd", "2023", 60.0, 3, 3), ("master", "2023", 500.0, 3, 3)], kind="district"
    )
    with open_store(copy) as store:
        result = import_corrections(store, good)
        assert (result.changed, result.agreed, result.keys) == (1, 1, [("phd", "2023")])
        phd = store.values.get("xincheng", "phd", "2023")
        # the district's revision (3) is kept, as the next revision after the unit's own (1) would be lower
        assert (phd.value, phd.revision, phd.source, phd.changed_by) == (60.0, 3, "district", "张三")
        assert [h.action for h in store.values.history("xincheng", "phd", "2023")] == ["insert", "update"]
        assert store.values.get("xincheng", "master", "2023").revision == 1  # agreed: left alone


def test_corrections_files_go_only_where_they_belong(tmp_path):
    from xz_desktop.services.packages.corrections import import_corrections, make_corrections

    d = district(tmp_path)
    merge(d, craft(tmp_path / "a.xzpkg", [(ONE, "2023", 2.0, 1)]))
    with open_store(d) as store:
        with pytest.raises(XzError, match="无需下发"):
            make_corrections(store, "xincheng", tmp_path)
        store.values.write_one("xincheng", ONE, "2023", 3.0)
        made = make_corrections(store, "xincheng", tmp_path / "c.xzpkg")
    before = dump(d)
    [refused] = merge(d, made.file)  # not a submission
    assert refused.status == "refused" and "更正文件" in refused.reason and dump(d) == before
    with town(tmp_path, unit="jiabei", values={}) as other, pytest.raises(XzError, match="发给“xincheng”"):
        import_corrections(other, made.file)
    with town(tmp_path) as unit, pytest.raises(XzError, match="不是区里下发的更正文件"):
        import_corrections(unit, tmp_path / "a.xzpkg")
