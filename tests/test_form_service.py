"""The form service without Qt: rows, statuses, summary, writes and their audit; ``xz form/set/history/print``."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xz_desktop.domain.checks import Severity
from xz_desktop.domain.messages import XzError
from xz_desktop.domain.periods import Period, parse_period
from xz_desktop.services import form as service
from xz_desktop.services.checking import check_database
from xz_desktop.services.form import Status
from xz_desktop.store import create_store, open_store


@pytest.fixture
def store(unit_db):
    with open_store(unit_db) as s:
        yield s


def test_rows_are_the_units_indicators_grouped_with_derived_ones_read_only(store, catalog):
    form = service.load_form(store, "xincheng", Period(2024))
    entered = [r.code for r in form.rows if r.editable]
    position = {i.code: n for n, i in enumerate(catalog.indicators)}
    for _, rows in form.groups():  # catalog order within each category
        assert [position[r.code] for r in rows] == sorted(position[r.code] for r in rows)
    assert set(entered) == {i.code for i in catalog.indicators_for_unit("xincheng")}
    groups = [g for g, _ in form.groups()]
    assert len(groups) == len(set(groups)), "each category appears once"
    derived = {r.code: r for r in form.rows if not r.editable}
    assert "phd_master" in derived and "talent_per_10k_employed" in derived
    assert all(r.status is Status.DERIVED for r in derived.values())
    assert form.summary.filled == 0 and form.summary.missing == len(entered)


def test_blank_and_zero_differ_and_text_is_parsed_as_typed(store):
    service.set_value(store, "xincheng", "phd", Period(2024), "１,２３４")
    service.set_value(store, "xincheng", "master", Period(2024), "0")
    form = service.load_form(store, "xincheng", Period(2024))
    assert form.row("phd").value == 1234.0 and form.row("phd").shown(1234.0) == "1,234"
    assert form.row("master").value == 0.0 and form.row("master").status is Status.OK
    assert form.row("bachelor").value is None and form.row("bachelor").status is Status.MISSING
    service.set_value(store, "xincheng", "phd", Period(2024), "")
    assert service.load_form(store, "xincheng", Period(2024)).row("phd").value is None
    with pytest.raises(XzError, match="不是数字"):
        service.set_value(store, "xincheng", "phd", Period(2024), "十二")
    assert store.values.get("xincheng", "phd", "2024").value is None


def test_statuses_and_summary_are_those_of_xz_check(store):
    service.set_value(store, "xincheng", "talent_total", Period(2023), 10000)
    service.set_value(store, "xincheng", "talent_total", Period(2024), 20000)  # +100 %: warning
    service.set_value(store, "xincheng", "phd", Period(2024), -3)  # negative: error
    form = service.load_form(store, "xincheng", Period(2024))
    assert form.row("talent_total").status is Status.WARNING
    assert form.row("phd").status is Status.ERROR
    # What `xz check` reports of this unit's period is what the form shows.
    checked = [f for f in check_database(store).findings if (f.unit, f.period) == ("xincheng", "2024")]
    assert form.findings == checked
    errors = [f for f in checked if f.severity is Severity.ERROR]
    unexplained = [f for f in checked if f.severity is Severity.WARNING and not f.explained]
    assert (form.summary.errors, form.summary.unexplained) == (len(errors), 1) == (len(errors), len(unexplained))
    service.set_explanation(store, "xincheng", "talent_total", Period(2024), "新设人才驿站")
    form = service.load_form(store, "xincheng", Period(2024))
    assert form.row("talent_total").status is Status.EXPLAINED and form.summary.unexplained == 0
    assert form.row("talent_total").value == 20000  # explaining keeps the figure


def test_derived_ratio_from_the_units_own_figures(store):
    service.set_value(store, "xincheng", "talent_total", Period(2024), 4000)
    service.set_value(store, "xincheng", "employed", Period(2024), 20000)
    row = service.load_form(store, "xincheng", Period(2024)).row("talent_per_10k_employed")
    assert row.value == pytest.approx(2000.0) and not row.editable


def test_every_write_is_audited_with_author(store):
    service.set_value(store, "xincheng", "phd", Period(2024), 10, author="李四")
    service.set_value(store, "xincheng", "phd", Period(2024), 12, author="李四")
    service.set_explanation(store, "xincheng", "phd", Period(2024), "引进", author="王五")
    history = service.value_history(store, "xincheng", "phd", Period(2024))
    assert [(h.action, h.old_value, h.new_value, h.changed_by) for h in history] == [
        ("insert", None, 10.0, "李四"),
        ("update", 10.0, 12.0, "李四"),
        ("update", 12.0, 12.0, "王五"),
    ]
    assert history[-1].new_explanation == "引进"
    assert service.set_value(store, "xincheng", "phd", Period(2024), 12) is None  # unchanged: no write, no audit
    assert len(service.value_history(store, "xincheng", "phd", Period(2024))) == 3


def test_refusals_leave_the_database_as_it_was(store):
    before = store.values.select()
    with pytest.raises(XzError, match="不能写入"):
        service.set_value(store, "jiabei", "phd", Period(2024), 1)  # another unit's figure
    with pytest.raises(XzError, match="不填报"):
        service.set_value(store, "xincheng", "physicians", Period(2024), 1)  # a department's indicator
    with pytest.raises(XzError, match="计算得出"):
        service.set_value(store, "xincheng", "phd_master", Period(2024), 1)
    with pytest.raises(XzError, match="报告期"):
        service.set_value(store, "xincheng", "phd", parse_period("2024Q3"), 1)  # refused where it is read
    assert store.values.select() == before


def test_choices(tmp_path, store):
    assert service.form_units(store)[0].code == "xincheng" and len(service.form_units(store)) == 1
    with create_store(tmp_path / "d.sqlite", "district") as district:
        assert len(service.form_units(district)) == len(district.catalog().active_units())
    periods = service.period_choices(store)
    assert periods[:4] == ["2020", "2020H1", "2020H2", "2021"] and periods[-1] == "2025H2"
    plans = store.plans()  # the 十四五 alone: 2021–2025
    assert service.default_period(plans, date(2026, 3, 1)) == "2025"
    assert service.default_period(plans, date(2022, 3, 1)) == "2021"
    assert service.default_period(plans, date(2040, 3, 1)) == "2025"
    assert str(service.period_label("2023H1")) == "2023年上半年"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.sampled_from(["phd", "master", "bachelor"]), st.one_of(st.none(), st.integers(0, 500).map(float))),
        min_size=1,
        max_size=12,
    )
)
def test_undoing_edits_in_reverse_restores_every_figure(tmp_path_factory, edits):
    # What the window's undo does: write each edit's old value back, newest first.
    path = tmp_path_factory.mktemp("undo") / "u.sqlite"
    with create_store(path, "unit", "xincheng", author="张三") as store:
        service.set_value(store, "xincheng", "phd", Period(2024), 5)
        start = {
            c: (v.value if (v := store.values.get("xincheng", c, "2024")) else None)
            for c in ("phd", "master", "bachelor")
        }
        done = []
        for code, value in edits:
            old = store.values.get("xincheng", code, "2024")
            service.set_value(store, "xincheng", code, Period(2024), value)
            done.append((code, old.value if old else None))
        for code, old in reversed(done):
            service.set_value(store, "xincheng", code, Period(2024), old)
        now = {
            c: (v.value if (v := store.values.get("xincheng", c, "2024")) else None)
            for c in ("phd", "master", "bachelor")
        }
        assert now == start
        # Every effective change left exactly one audit row.
        audit_rows = store.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
        revisions = store.conn.execute("SELECT COALESCE(SUM(revision), 0) FROM value").fetchone()[0]
        assert audit_rows == revisions


# -- the command line twins ----------------------------------------------


def test_xz_set_form_history_print(xz, unit_db, tmp_path):
    r = xz("set", unit_db, "--period", "2023", "talent_total", "１２,０００")
    assert r.returncode == 0, r.stderr
    assert "12,000" in r.stdout
    r = xz("set", unit_db, "--period", "2024", "talent_total", "20000")
    assert r.returncode == 0 and "请填写说明" in r.stdout
    r = xz("set", unit_db, "--period", "2024", "talent_total", "-e", "新设人才驿站")
    assert r.returncode == 0, r.stderr
    r = xz("form", unit_db, "--period", "2024", "--json")
    data = json.loads(r.stdout)
    row = next(x for x in data["rows"] if x["code"] == "talent_total")
    assert (row["value"], row["previous"], row["status"], row["explanation"]) == (
        20000,
        12000,
        "explained",
        "新设人才驿站",
    )
    r = xz("form", unit_db, "--period", "2024")
    assert "新城街道" in r.stdout and "已说明" in r.stdout
    r = xz("history", unit_db, "--period", "2024", "talent_total", "--json")
    assert [e["action"] for e in json.loads(r.stdout)] == ["insert", "update"]
    pdf = tmp_path / "form.pdf"
    r = xz("print", unit_db, "--period", "2024", "-o", pdf)
    assert r.returncode == 0, r.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


def test_xz_set_refuses_with_one_line_and_writes_nothing(xz, unit_db, district_db):
    r = xz("set", unit_db, "--period", "2024", "phd", "abc")
    assert r.returncode == 1 and "不是数字" in r.stderr.splitlines()[0]
    r = xz("set", district_db, "--period", "2024", "phd", "3")
    assert r.returncode == 1 and "--unit" in r.stderr
    r = xz("set", unit_db, "--period", "2024", "phd")
    assert r.returncode == 1
    with open_store(unit_db) as store:
        assert store.values.select() == []
