"""The district's own figures obey the checks (issue 9, item 8): a figure set in the district's copy
passes the same 逻辑性 checks as a unit's, and an error left in a unit's period shows in the totals."""

from __future__ import annotations

import json

from xz_desktop.services.totals import totals
from xz_desktop.store import open_store
from xz_desktop.store.values import ValueChange

from .db_dump import dump


def test_district_cannot_store_a_negative_count_and_the_totals_never_see_it(xz, district_db):
    before = dump(district_db)
    r = xz("set", district_db, "talent_total", "-5", "--unit", "xincheng", "--period", "2023")
    assert r.returncode == 1 and "不能为负数" in r.stderr.splitlines()[0] and "Traceback" not in r.stderr
    assert dump(district_db) == before  # nothing written, no audit row
    # The denominator of 每万名从业人员人才资源数 first: the total alone would add an error (issue 24).
    assert xz("set", district_db, "employed", "50000", "--unit", "xincheng", "--period", "2023").returncode == 0
    ok = xz("set", district_db, "talent_total", "17350", "--unit", "xincheng", "--period", "2023")
    assert ok.returncode == 0, ok.stderr
    rows = {r["code"]: r for r in json.loads(xz("totals", district_db, "--period", "2023", "--json").stdout)}
    assert rows["talent_total"]["value"] == 1.735  # 17 350 人 in 万人, the only figure


def test_district_correction_breaking_a_rule_is_refused(xz, district_db):
    assert xz("set", district_db, "employed", "50000", "--unit", "xincheng", "--period", "2023").returncode == 0
    assert xz("set", district_db, "talent_total", "17350", "--unit", "xincheng", "--period", "2023").returncode == 0
    # 党政人才 17 400 > 人才资源总量 17 350 (rules.csv): refused as a unit's package would be.
    r = xz("set", district_db, "party_gov_talent", "17400", "--unit", "xincheng", "--period", "2023")
    assert r.returncode == 1 and "党政人才不能超过人才资源总量" in r.stderr
    with open_store(district_db) as store:
        assert store.values.get("xincheng", "party_gov_talent", "2023") is None
    # Within the total it is kept.
    assert xz("set", district_db, "party_gov_talent", "1700", "--unit", "xincheng", "--period", "2023").returncode == 0


def test_an_error_left_in_a_units_period_is_said_in_the_totals(xz, district_db):
    # As a figure-by-figure resolution of conflicts can leave it: 六类人才之和 17 410 > 人才资源总量 17 350.
    kinds = {
        "party_gov_talent": 410,
        "business_mgmt_talent": 4000,
        "professional_tech_talent": 6000,
        "high_skilled": 5000,
        "rural_practical_talent": 1800,
        "social_work_talent": 200,
    }
    assert sum(kinds.values()) == 17_410
    with open_store(district_db) as store:
        store.values.write(
            [ValueChange("xincheng", "talent_total", "2023", 17_350)]
            + [ValueChange("xincheng", code, "2023", v) for code, v in kinds.items()],
            author="测试",
        )
        rows = {r.code: r for r in totals(store, "2023")}
    assert [(m.unit, m.period) for m in rows["talent_total"].errors] == [("xincheng", "2023")]
    assert rows["business_mgmt_talent"].errors  # every figure of that unit's period says so
    text = xz("totals", district_db, "--period", "2023").stdout
    line = next(x for x in text.splitlines() if x.startswith("人才资源总量"))
    assert "含未通过逻辑性审核的数值：新城街道（2023）" in line
    data = {r["code"]: r for r in json.loads(xz("totals", district_db, "--period", "2023", "--json").stdout)}
    assert data["talent_total"]["errors"] == [{"unit": "xincheng", "period": "2023"}]
