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
    assert kinds(found) == [("phd", "error")]
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
