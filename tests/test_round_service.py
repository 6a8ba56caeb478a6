"""The round's rules without Qt: timeliness against a due date with fixed clocks, the outlier screen
(expected values worked out by hand), the lock, the receipt against hostile files, old catalogs."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from xz_desktop.domain.catalog_rows import catalog_from_rows, load_catalog_dir
from xz_desktop.domain.messages import XzError
from xz_desktop.domain.periods import Period
from xz_desktop.domain.round import late_days, local_date, robust_z
from xz_desktop.paths import catalog_dir
from xz_desktop.services.packages.corrections import import_corrections
from xz_desktop.services.packages.merge import merge_files
from xz_desktop.services.packages.package_file import Manifest, new_package_id, write_package
from xz_desktop.services.round.due import set_due
from xz_desktop.services.round.receipt import import_receipt, make_receipt
from xz_desktop.services.round.review import accept, reopen, return_period
from xz_desktop.services.round.screen import screen_period
from xz_desktop.services.round.states import round_status
from xz_desktop.store import open_store
from xz_desktop.store.values import ValueChange

from .db_dump import dump
from .test_package_support import GOOD_ROWS, craft, district, new_db, tamper, town


# -- timeliness, with fixed clocks ---------------------------------------------------
def test_a_due_date_is_a_day_in_jiaxing():
    assert local_date("2024-01-31T15:59:59.999Z") == date(2024, 1, 31)  # 23:59 in 嘉兴
    assert local_date("2024-01-31T16:00:00.000Z") == date(2024, 2, 1)  # midnight in 嘉兴
    due = date(2024, 1, 31)
    today = date(2024, 3, 1)
    assert late_days(due, "2024-01-31T15:59:59.999Z", today) is None
    assert late_days(due, "2024-01-31T16:00:00.000Z", today) == 1
    assert late_days(due, "2024-02-10T02:00:00.000Z", today) == 10
    assert late_days(due, "2023-12-01T00:00:00.000Z", today) is None
    assert late_days(due, None, date(2024, 2, 5)) == 5  # not submitted, and overdue so far
    assert late_days(due, None, date(2024, 1, 31)) is None
    assert late_days(None, "2030-01-01T00:00:00.000Z", today) is None  # nothing is due


def test_status_says_who_was_late_against_the_due_date(tmp_path):
    path = district(tmp_path)
    craft(tmp_path / "on_time.xzpkg", GOOD_ROWS, exported_at="2024-01-31T15:00:00.000Z")
    late_rows = [(k, "2023", v, 1, 0, "", "jiabei") for k, _, v in GOOD_ROWS]
    craft(tmp_path / "late.xzpkg", late_rows, unit="jiabei", exported_at="2024-02-03T01:00:00.000Z")
    with open_store(path) as store:
        set_due(store, Period(2023), "2024-01-31")
        assert [
            r.status for r in merge_files(store, [tmp_path / "on_time.xzpkg", tmp_path / "late.xzpkg"]).results
        ] == [
            "merged",
            "merged",
        ]
        rows = {r.unit: r for r in round_status(store, Period(2023), today=date(2024, 2, 10))}
        before_due = {r.unit: r for r in round_status(store, Period(2023), today=date(2024, 1, 20))}
    assert (rows["xincheng"].state, rows["xincheng"].late_days) == ("submitted", None)
    assert (rows["jiabei"].state, rows["jiabei"].late_days) == ("submitted", 3)
    assert (rows["tanghui"].state, rows["tanghui"].late_days) == ("not_submitted", 10)
    assert rows["tanghui"].to_chase and not rows["xincheng"].to_chase
    assert before_due["tanghui"].late_days is None and before_due["jiabei"].late_days == 3


def test_changing_the_due_date_is_logged(tmp_path):
    with open_store(district(tmp_path)) as store:
        set_due(store, Period(2023), "2024-01-31", "甲")
        set_due(store, Period(2023), "2024-01-31", "甲")  # the same date: nothing changes, nothing logged
        set_due(store, Period(2023), "2024-02-15", "乙")
        log = store.review.log(period="2023")
        with pytest.raises(XzError):
            set_due(store, Period(2023), "2022-12-31")  # before the period itself
    assert [(e.by, e.details) for e in log] == [
        ("甲", {"from": None, "to": "2024-01-31"}),
        ("乙", {"from": "2024-01-31", "to": "2024-02-15"}),
    ]


# -- the outlier screen ------------------------------------------------------------------
def test_robust_z_by_hand():
    # median 13; |deviations| 3, 1, 1, 87 -> MAD 2; z = 0.6745 (x - 13) / 2
    z = robust_z({"a": 10, "b": 12, "c": 14, "d": 100})
    assert z["d"] == pytest.approx(0.6745 * 87 / 2) and z["a"] == pytest.approx(0.6745 * -3 / 2)
    # MAD 0: the mean absolute deviation (30 / 4 = 7.5) × 1.253314 stands in
    z = robust_z({"a": 10, "b": 10, "c": 10, "d": 40})
    assert z["d"] == pytest.approx(30 / (1.253314 * 7.5)) and z["a"] == 0
    assert robust_z({"a": 5, "b": 5, "c": 5}) == {"a": None, "b": None, "c": None}
    assert robust_z({"a": 1, "b": 100}) == {"a": None, "b": None}  # two units: no spread to speak of


def test_screen_flags_the_outlier_per_10000_employed_and_the_jump(tmp_path):
    with open_store(district(tmp_path)) as store:
        employed = {"xincheng": 10000, "jiabei": 20000, "tanghui": 10000, "gaozhao": 10000}
        phd = {"xincheng": 10, "jiabei": 24, "tanghui": 14, "gaozhao": 100}  # per 10,000: 10, 12, 14, 100
        store.values.write(
            [ValueChange(u, "employed", "2023", v) for u, v in employed.items()]
            + [ValueChange(u, "phd", "2023", v) for u, v in phd.items()]
            + [ValueChange("xincheng", "phd", "2022", 5)]
        )
        rows = {(r.finding.unit, r.finding.indicator): r.finding for r in screen_period(store, Period(2023))}
        flagged = {(r.finding.unit, r.finding.indicator) for r in screen_period(store, Period(2023), flagged_only=True)}
    assert rows[("jiabei", "phd")].per_capita == pytest.approx(12)
    assert rows[("gaozhao", "phd")].z == pytest.approx(0.6745 * 87 / 2) and rows[("gaozhao", "phd")].outlier
    assert not rows[("tanghui", "phd")].outlier
    # 5 -> 10 is +100 %, above phd's 30 % threshold
    assert rows[("xincheng", "phd")].jump == pytest.approx(1.0) and rows[("xincheng", "phd")].jumped
    assert ("gaozhao", "employed") in rows and rows[("gaozhao", "employed")].z is None  # the base itself
    assert flagged == {("gaozhao", "phd"), ("xincheng", "phd")}


# -- the lock ---------------------------------------------------------------------------------
def _accepted_round(tmp_path):
    town(tmp_path).close()
    path = district(tmp_path)
    craft(tmp_path / "p.xzpkg", GOOD_ROWS)
    with open_store(path) as store:
        merge_files(store, [tmp_path / "p.xzpkg"])
        accept(store, "xincheng", Period(2023), "区人才办")
    return path


def test_an_accepted_period_is_locked_on_every_path(tmp_path):
    path = _accepted_round(tmp_path)
    craft(tmp_path / "later.xzpkg", [("phd", "2023", 60.0, 2)])
    before = dump(path)
    with open_store(path) as store:
        [refused] = merge_files(store, [tmp_path / "later.xzpkg"]).results
        assert refused.status == "refused" and "锁定" in refused.reason and "区人才办" in refused.reason
        with pytest.raises(XzError, match="锁定"):
            store.values.write_one("xincheng", "phd", "2023", 1)  # the district's own hand edit
        with pytest.raises(XzError):
            return_period(store, "xincheng", Period(2023), "x")  # reopen first
        with pytest.raises(XzError):
            reopen(store, "xincheng", Period(2023), " ")
    assert dump(path) == before
    with open_store(path) as store:
        reopen(store, "xincheng", Period(2023), "更正")
        assert merge_files(store, [tmp_path / "later.xzpkg"]).results[0].status == "merged"


# -- the receipt -------------------------------------------------------------------------------
def test_a_fresh_copy_starts_from_the_receipt(tmp_path):
    path = _accepted_round(tmp_path)
    with open_store(path) as store:
        set_due(store, Period(2024), "2025-01-31")
        made = make_receipt(store, "xincheng", tmp_path / "r.xzpkg")
    assert (made.accepted_values, made.decisions, made.due_dates) == (len(GOOD_ROWS), 1, 1)
    fresh = new_db(tmp_path, "new_pc.sqlite", "unit", "xincheng")
    with open_store(fresh) as store:
        result = import_receipt(store, tmp_path / "r.xzpkg")
        assert (result.accepted, result.changed) == (["2023"], len(GOOD_ROWS))
        assert store.values.previous("xincheng", "2024")["phd"] == 50  # last year's figures for the yoy checks
        assert store.review.due("2024").due == "2025-01-31"
        with pytest.raises(XzError, match="锁定"):
            store.values.write_one("xincheng", "phd", "2023", 1)
        again = import_receipt(store, tmp_path / "r.xzpkg")  # importing twice changes nothing
        assert (again.changed, again.agreed) == (0, len(GOOD_ROWS))


def test_hostile_receipts_are_refused_and_change_nothing(tmp_path):
    path = _accepted_round(tmp_path)
    with open_store(path) as store:
        make_receipt(store, "xincheng", tmp_path / "r.xzpkg")
        make_receipt(store, "xincheng", tmp_path / "t.xzpkg")
        with pytest.raises(XzError):
            make_receipt(store, "jiabei", tmp_path / "none.xzpkg")  # nothing to say to jiabei
        [merged] = merge_files(store, [tmp_path / "r.xzpkg"]).results
        assert merged.status == "refused" and "回执" in merged.reason
    tamper(
        tmp_path / "t.xzpkg", "UPDATE attachment SET body = replace(body, 'accepted', 'returned') WHERE name = 'round'"
    )
    # a receipt with a valid checksum but a decision no district writes
    m = Manifest(
        new_package_id(), "xincheng", ("2023",), "v", 3, "test", "2024-01-01T00:00:00Z", "x", "d", 0, kind="receipt"
    )
    body = {
        "format": 1,
        "decisions": [
            {"period": "2023", "state": "burn", "reason": "", "figure_reasons": {}, "decided_at": "x", "decided_by": ""}
        ],
        "due_dates": [],
    }
    with open_store(path) as store:
        from xz_desktop.services.catalog_transfer import catalog_body

        cat = json.dumps(catalog_body(store))
    write_package(tmp_path / "bad.xzpkg", m, [], attachments={"round": json.dumps(body), "catalog": cat})
    other = new_db(tmp_path, "jiabei.sqlite", "unit", "jiabei")
    unit = new_db(tmp_path, "fresh.sqlite", "unit", "xincheng")
    before = dump(unit)
    with open_store(unit) as store:
        for name, words in (("t.xzpkg", "校验码"), ("bad.xzpkg", "无效"), ("p.xzpkg", "不是回执")):
            with pytest.raises(XzError, match=words):
                import_receipt(store, tmp_path / name)
        with pytest.raises(XzError, match="回执"):
            import_corrections(store, tmp_path / "r.xzpkg")
    assert dump(unit) == before
    with open_store(other) as store, pytest.raises(XzError, match="发给“xincheng”"):
        import_receipt(store, tmp_path / "r.xzpkg")


# -- units.csv gains contact person and phone; old catalogs still load -------------------------
def test_old_catalogs_without_contact_columns_still_load(tmp_path):
    folder = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), folder)
    lines = (folder / "units.csv").read_text(encoding="utf-8").splitlines()
    (folder / "units.csv").write_text(
        "\n".join(",".join(line.split(",")[:6]) for line in lines) + "\n", encoding="utf-8"
    )
    old = load_catalog_dir(folder)
    assert old.unit("xincheng").contact == "" and old.version == load_catalog_dir(catalog_dir()).version
    rows = [{"code": "a", "name": "甲镇", "kind": "geographic", "contact": "王五", "phone": "0573-1234567"}]
    indicators = [
        {
            "code": "talent_total",
            "name": "人才资源总量",
            "category": "c",
            "aggregation": "stock",
            "entry_measure": "人",
            "display_measure": "人",
            "reported_by": "geographic",
        }
    ]
    plan = load_catalog_dir(catalog_dir()).plan
    unit = catalog_from_rows(indicators, rows, plan=plan).unit("a")
    assert (unit.contact, unit.phone) == ("王五", "0573-1234567")
    with pytest.raises(XzError, match="phone"):
        catalog_from_rows(indicators, [{**rows[0], "phone": "1\n2"}], plan=plan)


# -- what 验收 accepts, said before it locks ---------------------------------------------
def test_the_acceptance_summary_counts_what_is_accepted():
    from xz_desktop.domain.checks import Finding, Severity
    from xz_desktop.domain.messages import Message
    from xz_desktop.services.round.review import ReviewRow, ReviewSheet, acceptance_summary

    def finding(severity, explained=False):
        return Finding("xincheng", "phd", "2024", severity, Message("t", "x"), explained)

    def row(code, value, findings=(), *, note="", outlier=False, jumped=False, changed=False):
        return ReviewRow(
            code, code, "人", value, None, None, changed, "", tuple(findings), note, "", outlier, jumped, None, None
        )

    rows = [
        row("a", 1.0, [finding(Severity.ERROR)], note="待核实"),
        row("b", 2.0, [finding(Severity.WARNING), finding(Severity.WARNING, explained=True)], jumped=True),
        row("c", None, outlier=True, changed=True),
        row("d", 0.0),  # a zero is a figure given
    ]
    sheet = ReviewSheet("xincheng", "新城街道", "2024", "2023", "submitted", None, False, True, None, rows, 2)
    assert [str(m) for m in acceptance_summary(sheet)] == [
        "已填 3 项（共 4 项）",  # a, b, d
        "审核：错误 1 处，提示 1 处未说明、1 处已说明",
        "离群筛查标出 2 项",  # b jumped, c an outlier
        "与上一个上报包相比改动 1 项",  # c
        "区里备注 1 条",
        "尚有 2 处冲突待区里裁决",
    ]
    nil = ReviewSheet("xincheng", "新城街道", "2024", "2023", "submitted", None, False, False, "本期无新增", [], 0)
    assert [str(m) for m in acceptance_summary(nil)] == ["空表上报，说明：本期无新增"]
