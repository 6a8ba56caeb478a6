"""A 说明 that is only a number, or too short to say anything, is no explanation (issue 23, item 1).

One rule (``domain/checks.explanation_problem``) for the window, ``xz set --explanation`` and imports;
and a stored one (from an older copy, a package) does not count as explaining a warning.
"""

from __future__ import annotations

import pytest

from xz_desktop.domain.catalog_rows import load_catalog_dir
from xz_desktop.domain.checks import Entry, check_unit_period, explanation_problem, is_explanation
from xz_desktop.domain.messages import XzError
from xz_desktop.domain.periods import Period
from xz_desktop.paths import catalog_dir
from xz_desktop.services import form as service
from xz_desktop.services.imports import import_file
from xz_desktop.store import open_store


@pytest.mark.parametrize("text", ["6200", "9,500", "１２５０", " 12.5% ", "—", "1人", "a"])
def test_numbers_and_single_letters_are_refused(text):
    assert explanation_problem(text) is not None
    assert not is_explanation(text)


@pytest.mark.parametrize("text", ["引进", "新设企业研发中心", "ok", "新增 2 家", "merged 2 firms"])
def test_words_are_explanations(text):
    assert explanation_problem(text) is None
    assert is_explanation(text)


def test_a_blank_clears_and_is_no_explanation():
    assert explanation_problem("  ") is None  # clearing a 说明 is allowed
    assert not is_explanation("  ")


def test_a_number_stored_as_explanation_leaves_the_warning_unexplained():
    catalog = load_catalog_dir(catalog_dir())
    # 博士 40 → 80: +100 % over the 30 % threshold, a warning; "6200" does not explain it, words do.
    for text, explained in (("6200", False), ("新设博士后工作站", True)):
        [finding] = [
            f
            for f in check_unit_period(catalog, "xincheng", "2024", {"phd": Entry(80.0, text)}, {"phd": 40.0})
            if f.indicator == "phd"
        ]
        assert finding.explained is explained


def test_the_service_refuses_and_stores_nothing(unit_db):
    with open_store(unit_db) as store:
        service.set_value(store, "xincheng", "phd", Period(2024), 80)
        with pytest.raises(XzError, match="只是数字"):
            service.set_explanation(store, "xincheng", "phd", Period(2024), "6200")
        assert store.values.get("xincheng", "phd", "2024").explanation == ""
        assert len(store.values.history("xincheng", "phd", "2024")) == 1  # only the value's write


def test_xz_set_refuses_a_number_as_explanation(unit_db, xz):
    done = xz("set", unit_db, "--period", "2024", "phd", "80", "--explanation", "9500")
    assert done.returncode == 1 and "只是数字" in done.stderr and "Traceback" not in done.stderr
    with open_store(unit_db) as store:
        assert store.values.get("xincheng", "phd", "2024") is None  # value and 说明 together: neither landed


def test_an_import_with_a_number_as_explanation_is_refused_whole(unit_db, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(
        "unit,indicator,period,value,explanation\nxincheng,phd,2024,80,9500\nxincheng,master,2024,500,\n",
        encoding="utf-8",
    )
    with open_store(unit_db) as store:
        with pytest.raises(XzError) as refused:
            import_file(store, path)
        assert "第 2 行" in " ".join(str(d) for d in refused.value.details) + str(refused.value)
        assert store.values.select(unit="xincheng") == []
