"""审核结果 as records: every finding of a unit's period with its reason, the cell to fix, worst first in form order."""

from __future__ import annotations

from xz_desktop.domain.periods import Period
from xz_desktop.services import findings, form
from xz_desktop.services.findings import Field, Level
from xz_desktop.store import open_store


def _fill(store) -> None:
    form.set_value(store, "xincheng", "talent_total", Period(2023), 10000)
    form.set_value(store, "xincheng", "employed", Period(2023), 30000)
    form.set_value(store, "xincheng", "talent_total", Period(2024), 20000)  # +100 % on last year (threshold 30 %)
    form.set_value(store, "xincheng", "phd", Period(2024), -3)  # a negative count
    # 从业人员数 2024 left blank: 每万名从业人员人才资源数 cannot be computed


def _listed(store) -> list[findings.FindingItem]:
    """What the form's 审核结果 list shows of 新城街道's 2024 (ui/form/page.py: its form's findings as items)."""
    return findings.items(store.catalog(), form.load_form(store, "xincheng", Period(2024)).findings)


def test_every_finding_with_its_reason_and_cell_worst_first_in_form_order(unit_db):
    with open_store(unit_db) as store:
        _fill(store)
        found = _listed(store)
    assert [(i.indicator, i.level, i.field, i.text()) for i in found] == [
        # errors first, in the form's order: 博士 (人才素质) comes before 从业人员数 (基础数据, last)
        ("phd", Level.ERROR, Field.VALUE, "博士不能为负数（填了 -3人）"),
        ("employed", Level.ERROR, Field.VALUE, "填了人才资源总量，缺少计算“每万名从业人员人才资源数”所需的从业人员数"),
        (
            "talent_total",
            Level.WARNING,
            Field.EXPLANATION,
            "人才资源总量比上年增长 100%（上年 10,000人），超过 30%，请填写说明",
        ),
    ]
    assert {(i.unit, i.unit_name, i.period) for i in found} == {("xincheng", "新城街道", "2024")}
    assert [i.name for i in found] == ["博士", "从业人员数", "人才资源总量"]
    assert findings.counts(found) == findings.FindingCounts(errors=2, warnings=1, explained=0)


def test_an_explained_warning_stays_listed_but_no_longer_blocks(unit_db):
    with open_store(unit_db) as store:
        _fill(store)
        form.set_explanation(store, "xincheng", "talent_total", Period(2024), "新设人才驿站")
        found = _listed(store)
        blockers = findings.package_blockers(store, ["2024"])
    warning = next(i for i in found if i.indicator == "talent_total")
    assert warning.level is Level.EXPLAINED and not warning.blocking
    assert findings.counts(found) == findings.FindingCounts(errors=2, warnings=0, explained=1)
    assert [i.indicator for i in blockers] == ["phd", "employed"]  # what stops the package: the two errors


def test_a_clean_period_has_no_findings(unit_db):
    with open_store(unit_db) as store:
        form.set_value(store, "xincheng", "phd", Period(2024), 0)  # a zero is a figure, and a valid one
        assert _listed(store) == []
        assert findings.package_blockers(store, ["2024"]) == []


def test_periods_in_time_order_a_half_year_before_its_year(unit_db):
    from xz_desktop.domain.checks import Finding, Severity
    from xz_desktop.domain.messages import Message

    def error(period: str) -> Finding:
        return Finding("xincheng", "phd", period, Severity.ERROR, Message("t", "博士不能为负数", {}))

    with open_store(unit_db) as store:
        listed = findings.items(store.catalog(), [error("2024"), error("2024H2"), error("2023"), error("2024H1")])
    assert [i.period for i in listed] == ["2023", "2024H1", "2024H2", "2024"]
