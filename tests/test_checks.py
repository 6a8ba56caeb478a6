from xz_desktop.domain.checks import Entry, Severity, check_unit_period, summarise

from .synthetic import synthetic_catalog

CAT = synthetic_catalog()


def findings(entries, previous=None, unit="big"):
    return check_unit_period(
        CAT, unit, "2023", {k: v if isinstance(v, Entry) else Entry(v) for k, v in entries.items()}, previous
    )


def kinds(found):
    return sorted((f.indicator, f.severity.value) for f in found)


def test_negative_count_is_an_error():
    found = findings({"talent": -5})
    assert kinds(found) == [("talent", "error")]
    assert "不能为负数" in found[0].text()


def test_percentage_above_100_is_an_error_and_unusual_value_a_warning():
    assert kinds(findings({"share": 101})) == [("share", "error")]
    assert kinds(findings({"share": 95})) == [("share", "warning")]
    assert findings({"share": 50}) == []


def test_numerator_without_denominator_is_an_error_on_the_missing_one():
    found = findings({"doctors": 100})
    assert kinds(found) == [("population", "error")]
    assert "常住人口" in found[0].text()
    assert findings({"doctors": 100, "population": 10000}) == []
    assert kinds(findings({"doctors": 100, "population": 0})) == [("population", "error")]


def test_consistency_rule_phd_and_master_within_talent_total():
    found = findings({"phd": 60, "master": 50, "talent": 100})
    # 60 + 50 = 110 > 100 and neither part alone exceeds 100: the total is the cell to look at first
    assert kinds(found) == [("talent", "error")]
    assert "博士与硕士之和" in found[0].text()
    assert findings({"phd": 50, "master": 50, "talent": 100}) == []
    assert findings({"phd": 60, "master": 50}) == []  # nothing to compare yet


def test_year_on_year_jump_is_a_warning_until_explained():
    found = findings({"talent": 200}, previous={"talent": 100})
    assert kinds(found) == [("talent", "warning")] and found[0].blocking
    assert "增长 100%" in found[0].text()
    explained = findings({"talent": Entry(200, "新设园区并入")}, previous={"talent": 100})
    assert explained[0].explained and not explained[0].blocking
    assert findings({"talent": 120}, previous={"talent": 100}) == []


def test_errors_cannot_be_explained_away():
    found = findings({"talent": Entry(-1, "说明")})
    assert found[0].severity is Severity.ERROR and found[0].blocking


def test_summary_counts():
    entries = {"talent": Entry(-1), "share": Entry(95), "phd": Entry(0)}
    found = findings(entries)
    s = summarise(CAT, "big", entries, found)
    assert (s.filled, s.errors, s.warnings, s.unexplained) == (3, 1, 1, 1)
    assert s.missing == len(CAT.indicators_for_unit("big")) - 3


# -- a broken rule names both sides and the cell most likely mistyped (issue 23, item 2) ------------------
def _rule_errors(catalog, entries, previous=None):
    from xz_desktop.domain.checks import Entry, Severity, check_unit_period

    found = check_unit_period(
        catalog, "xincheng", "2024", {c: Entry(v) for c, v in entries.items()}, previous or {}, errors_only=False
    )
    return [(f.indicator, f.text()) for f in found if f.severity is Severity.ERROR and "超过" in f.text()]


KINDS = {
    "party_gov_talent": 1200,
    "business_mgmt_talent": 2100,
    "professional_tech_talent": 6500,
    "high_skilled": 1500,
    "rural_practical_talent": 800,
    "social_work_talent": 200,
}


def test_a_total_typed_too_small_carries_every_error_it_causes(catalog):
    # 人才资源总量 5,800 (meant 58,000): 专业技术人才 6,500 > 5,800 alone, and the six kinds
    # 1,200 + 2,100 + 6,500 + 1,500 + 800 + 200 = 12,300 > 5,800. Their common part is 专业技术人才, which
    # alone exceeds the total; but last year decides first: the total moved 58,000 → 5,800 (a factor of 10),
    # 专业技术人才 6,300 → 6,500 (a factor of 1.03).
    errors = _rule_errors(
        catalog, {"talent_total": 5800, **KINDS}, {"talent_total": 58000, "professional_tech_talent": 6300}
    )
    assert [code for code, _ in errors] == ["talent_total", "talent_total"]
    assert errors[0][1] == (
        "党政、经营管理、专业技术、高技能、农村实用、社会工作六类人才之和不能超过人才资源总量："
        "党政人才 1,200 + 经营管理人才 2,100 + 专业技术人才 6,500 + 高技能人才 1,500 + 农村实用人才 800"
        " + 社会工作（专业）人才 200 = 12,300，超过人才资源总量 5,800；最可能填错的是“人才资源总量”"
    )
    assert errors[1][1] == (
        "专业技术人才不能超过人才资源总量：专业技术人才 6,500，超过人才资源总量 5,800；最可能填错的是“人才资源总量”"
    )


def test_without_last_year_a_part_alone_over_the_total_is_the_suspect(catalog):
    # No previous figures: 专业技术人才 6,500 alone exceeds 5,800 and is in both broken rules.
    errors = _rule_errors(catalog, {"talent_total": 5800, **KINDS})
    assert [code for code, _ in errors] == ["professional_tech_talent", "professional_tech_talent"]


def test_a_total_below_several_parts_is_the_suspect(catalog):
    # 人才资源总量 1,000: 党政人才 1,200, 经营管理人才 2,100, 专业技术人才 6,500 and 高技能人才 1,500 each exceed it;
    # their rules share no part, so the total is the one cell they have in common.
    errors = _rule_errors(catalog, {"talent_total": 1000, **KINDS})
    assert {code for code, _ in errors} == {"talent_total"}
    assert len(errors) == 5  # four single kinds + the six kinds' sum 12,300 > 1,000


def test_a_part_that_jumped_is_the_suspect_over_a_steady_total(catalog):
    # 党政人才 12,000 (meant 1,200; last year 1,150: a factor of 10.4) against a total of 10,000 (last year 9,800).
    # Broken: 党政人才 ≤ total, and the six kinds 12,000 + 2,100 + 6,500 + 1,500 + 800 + 200 = 23,100 > 10,000.
    errors = _rule_errors(
        catalog,
        {"talent_total": 10000, **KINDS, "party_gov_talent": 12000},
        {"talent_total": 9800, "party_gov_talent": 1150},
    )
    assert {code for code, _ in errors} == {"party_gov_talent"} and len(errors) == 2
