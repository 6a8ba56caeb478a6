"""The totals' error marks and lists of missing figures, found by key (issue 25): the same as the plain ways.

A row's errors are looked up by unit instead of scanning every error of the year, and the records are sorted by
their fields as a key instead of through their own comparison. Neither may change a mark or an order: here the
marks equal the plain scan, computed in the test, and the orders equal lists written out by hand.
"""

from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xz_desktop.domain.aggregation import Carried, Missing, _merge_carried, _merge_missing
from xz_desktop.domain.periods import Period
from xz_desktop.domain.totals import TotalRow
from xz_desktop.services.totals import computed_totals, marked
from xz_desktop.store import open_store

from .excel_support import demo_db  # noqa: F401 - fixture

_UNITS = st.sampled_from(["a", "ab", "b", "B", "z", "甲", "乙"])
_PERIODS = st.sampled_from(["2023", "2023H1", "2023H2", "2024", "2024H1", "2024H2", "2025"])


def _plain_marks(rows: list[SimpleNamespace], keys: set[tuple[str, str]], period: Period) -> list[list[Missing]]:
    """Every error of the year scanned for every row: how the marks were found before."""
    own = {str(period)} | ({f"{period.year}H1", f"{period.year}H2"} if period.is_year else set())
    return [sorted(Missing(u, p) for u, p in keys if u in set(r.units_reported) and p in own) for r in rows]


@given(
    st.lists(st.lists(_UNITS, max_size=8), max_size=6),
    st.sets(st.tuples(_UNITS, _PERIODS), max_size=30),
    st.sampled_from([Period(2024), Period(2024, 1), Period(2024, 2), Period(2023)]),
)
def test_errors_marked_by_unit_are_the_plain_scan_of_every_error(reported, keys, period):
    # units_reported may repeat a unit: it is marked once, as the scan marks it.
    rows = [SimpleNamespace(units_reported=units, errors=[]) for units in reported]
    expected = _plain_marks(rows, keys, period)
    marked(rows, keys, period)  # type: ignore[arg-type]  # only the two fields it reads and sets
    assert [r.errors for r in rows] == expected


def test_errors_of_a_row_are_its_units_periods_of_the_year_in_unit_then_period_order():
    row = SimpleNamespace(units_reported=["b", "a", "乙", "c"], errors=[])
    keys = {("b", "2024"), ("a", "2024H2"), ("a", "2024"), ("乙", "2024H1"), ("a", "2023"), ("d", "2024")}
    marked([row], keys, Period(2024))  # type: ignore[list-item]
    # c has no error, d reports nothing here, 2023 is another year; "a" < "b" < "乙" (U+4E59) by code point.
    assert row.errors == [Missing("a", "2024"), Missing("a", "2024H2"), Missing("b", "2024"), Missing("乙", "2024H1")]


def test_missing_records_merge_into_the_order_given_by_hand():
    merged = _merge_missing(
        [Missing("b", "2024"), Missing("ab", "2023")],
        [Missing("a", "2024H1"), Missing("b", "2024")],  # b 2024 twice: kept once
        [Missing("a", "2024"), Missing("B", "2024")],
    )
    # By unit, then period, as strings: "B" (U+0042) < "a" < "ab" < "b"; "2024" < "2024H1".
    assert merged == [
        Missing("B", "2024"),
        Missing("a", "2024"),
        Missing("a", "2024H1"),
        Missing("ab", "2023"),
        Missing("b", "2024"),
    ]


def test_carried_records_merge_into_the_order_given_by_hand():
    merged = _merge_carried(
        [Carried("b", "2024", "2022"), Carried("a", "2024", "2023")],
        [Carried("a", "2024", "2022"), Carried("a", "2023", "2022")],
    )
    assert merged == [
        Carried("a", "2023", "2022"),
        Carried("a", "2024", "2022"),
        Carried("a", "2024", "2023"),
        Carried("b", "2024", "2022"),
    ]


@given(st.lists(st.tuples(_UNITS, _PERIODS), max_size=40))
def test_missing_records_sorted_by_key_are_sorted_by_their_own_comparison(pairs):
    records = [Missing(u, p) for u, p in pairs]
    assert _merge_missing(records) == sorted(set(records))


@pytest.mark.parametrize(
    "kind",
    [
        "a-list-for-a-record",
        "a-string-for-a-record",
        "a-key-missing",
        "a-key-more",
        "another-key",
        "a-number-for-a-unit",
        "a-dict-for-a-code",
        "records-not-a-list",
    ],
)
def test_a_kept_row_with_a_record_out_of_shape_is_refused(demo_db, kind):
    """Kept rows are sealed, so these guard against a bug, not a forgery: each still refuses the row."""
    with open_store(demo_db, read_only=True) as store:
        honest = next(r.as_json() for r in computed_totals(store, Period(2024)) if r.missing)
    assert TotalRow.from_json(copy.deepcopy(honest)).as_json() == honest
    row = copy.deepcopy(honest)
    first = row["missing"][0]
    if kind == "a-list-for-a-record":
        row["missing"][0] = [first["unit"], first["period"]]
    elif kind == "a-string-for-a-record":
        row["missing"][0] = first["unit"]
    elif kind == "a-key-missing":
        del first["period"]
    elif kind == "a-key-more":
        first["from_period"] = "2023"
    elif kind == "another-key":  # as many keys as a record has, one of them not its own
        first["when"] = first.pop("period")
    elif kind == "a-number-for-a-unit":
        first["unit"] = 7
    elif kind == "a-dict-for-a-code":
        row["units_missing"] = [{"unit": "honghe"}]
    elif kind == "records-not-a-list":
        row["missing"] = first
    with pytest.raises(ValueError):
        TotalRow.from_json(row)
