"""``xz demo DB --next-plan`` (issue 20 item 5): the demo's 十四五 database, then a 十五五 plan (示例) put in force
from a folder the demo writes, and its first year (2026) filled; checked by hand against the figures read with SQL."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.conftest import run_xz
from xz_desktop.store import open_store


@pytest.fixture(scope="module")
def next_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("next") / "demo.sqlite"
    done = run_xz("demo", db, "--next-plan")
    assert done.returncode == 0, done.stderr
    return db


def rows(db, sql, *args):
    with sqlite3.connect(db) as con:
        return con.execute(sql, args).fetchall()


def test_the_next_plan_is_held_after_the_demo_plan_and_marked_as_an_example(next_db):
    with open_store(next_db, read_only=True) as store:
        plans = store.plans()
        assert [(p.code, p.base_year, p.target_year) for p in plans] == [("十四五", 2020, 2025), ("十五五", 2025, 2030)]
        assert "示例" in plans[1].name
        new = store.catalog("十五五")
        codes = {i.code for i in new.indicators}
        assert {"digital_talent", "youth_talent_new"} <= codes  # two new indicators
        assert not {"pct_applications", "kunpeng_selected"} & codes  # two dropped
        talent = new.indicator("talent_total")
        assert all("示例" in i.note for i in new.indicators)
    # The continued indicator's base is the district's own complete 2025 figure, by hand from the units' figures.
    [(total_2025,)] = rows(next_db, "SELECT sum(value) FROM value WHERE indicator = 'talent_total' AND period = '2025'")
    assert talent.base == round(total_2025 / 10_000, 2)
    assert talent.target == round(talent.base * 1.2, 2)  # invented for the demo: a fifth more


def test_the_first_year_is_filled_and_the_dropped_indicators_figures_stay(next_db):
    units = {u for (u,) in rows(next_db, "SELECT DISTINCT unit FROM value WHERE period = '2026'")}
    assert len(units) == 23  # every unit, 区科技局 too (from its latest figures)
    for unit in ("xincheng", "honghe"):
        kinds = rows(
            next_db,
            "SELECT sum(value) FROM value WHERE unit = ? AND period = '2026' AND indicator IN "
            "('party_gov_talent','business_mgmt_talent','professional_tech_talent','high_skilled',"
            "'rural_practical_talent','social_work_talent')",
            unit,
        )[0][0]
        [(total,)] = rows(
            next_db, "SELECT value FROM value WHERE unit = ? AND period = '2026' AND indicator = 'talent_total'", unit
        )
        [(youth,)] = rows(
            next_db,
            "SELECT value FROM value WHERE unit = ? AND period = '2026' AND indicator = 'youth_talent_new'",
            unit,
        )
        assert total == kinds and youth == round(total * 0.04)
    assert len(rows(next_db, "SELECT period FROM value WHERE indicator = 'pct_applications'")) == 6  # 2020–2025
    # 2026 is judged under the new plan: its target, 2025 base.
    got = {r["code"]: r for r in json.loads(run_xz("totals", next_db, "--period", "2026", "--json").stdout)}
    assert "youth_talent_new" in got and "pct_applications" not in got
    with open_store(next_db, read_only=True) as store:
        assert got["talent_total"]["target"] == store.catalog("十五五").indicator("talent_total").target


def test_the_final_evaluation_of_the_demo_plan_is_unchanged_by_the_next(next_db):
    got = {e["code"]: e for e in json.loads(run_xz("evaluate", next_db, "--plan", "十四五", "--json").stdout)}
    assert {c for c, e in got.items() if e["met"] is False and e["table2_seq"]} == {
        "phd_master",
        "rd_active_enterprise_share",
    }
    assert got["provincial_enterprise_research_institute"]["met"] is None
    ahead = json.loads(run_xz("evaluate", next_db, "--plan", "十五五", "--json").stdout)
    assert ahead and all(e["met"] is None for e in ahead)  # 2030 not reported: no verdict on any target


def test_the_final_evaluation_is_first_asked_of_the_plan_that_ended(next_db):
    from xz_desktop.services.plan.evaluation import ended_plan

    with open_store(next_db, read_only=True) as store:
        assert ended_plan(store).code == "十四五"  # 2025 has figures, 2030 none yet
