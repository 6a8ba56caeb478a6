"""The names files are offered under, the one period label, and the period every page opens on (no Qt)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xz_desktop.domain.periods import period_label
from xz_desktop.services.files import FileKind, owner_name, suggested_name
from xz_desktop.services.packages.submission import default_package_name
from xz_desktop.services.reporting_period import initial_period, periods_with_data
from xz_desktop.services.round.receipt import default_receipt_name
from xz_desktop.store import open_store

DAY = date(2026, 12, 1)


def test_the_issue_s_example():
    assert suggested_name(FileKind.PACKAGE, ".xzpkg", owner="新城街道", periods=["2024"], day=DAY) == (
        "新城街道_2024年_上报包_20261201.xzpkg"
    )


@pytest.mark.parametrize(
    ("kind", "suffix", "owner", "periods", "expected"),
    [
        (FileKind.RECEIPT, ".xzrcpt", "王店镇", [], "王店镇_回执_20261201.xzrcpt"),
        (FileKind.FORM_PDF, ".pdf", "区卫健局", ["2023H1"], "区卫健局_2023年上半年_填报表_20261201.pdf"),
        (FileKind.WORKBOOK, ".xlsx", "秀洲区", ["2025"], "秀洲区_2025年_汇总表_20261201.xlsx"),
        # several periods in order, each once, the halves written as the form writes them
        (
            FileKind.PACKAGE,
            ".xzpkg",
            "新城街道",
            ["2024", "2023H2", "2024"],
            "新城街道_2023年下半年、2024年_上报包_20261201.xzpkg",
        ),
        (FileKind.RAW_DATA, ".csv", "", [], "原始数据_20261201.csv"),
    ],
)
def test_each_kind_of_file(kind, suffix, owner, periods, expected):
    assert suggested_name(kind, suffix, owner=owner, periods=periods, day=DAY) == expected


def test_characters_no_file_system_takes_become_underscores():
    name = suggested_name(FileKind.CATALOG, ".xzcat", owner='a/b\\c:d*e?"<>|\x00f', day=DAY)
    assert name == "a_b_c_d_e_f_指标目录_20261201.xzcat"
    assert suggested_name(FileKind.CATALOG, ".xzcat", owner="x" * 500, day=DAY) == "x" * 60 + "_指标目录_20261201.xzcat"


@given(st.text(max_size=200))
def test_any_owner_gives_one_safe_name(owner):
    name = suggested_name(FileKind.PACKAGE, ".xzpkg", owner=owner, periods=["2024"], day=DAY)
    assert name.endswith("2024年_上报包_20261201.xzpkg") and not name.startswith((".", "_", " "))
    assert not set(name) & set('\\/:*?"<>|') and all(ord(c) >= 32 and ord(c) != 127 for c in name)


def test_the_interface_language_names_the_file():
    english = {"上报包": "package", "{year}年": "{year}"}
    name = suggested_name(
        FileKind.PACKAGE, ".xzpkg", owner="Xincheng", periods=["2024"], day=DAY, translate=lambda c, t: english[t]
    )
    assert name == "Xincheng_2024_package_20261201.xzpkg"


def test_a_refused_period_is_refused():
    with pytest.raises(Exception, match="2100"):
        suggested_name(FileKind.PACKAGE, ".xzpkg", periods=["2100"], day=DAY)


def test_one_period_label():
    assert [str(period_label(p)) for p in ("2024", "2024H1", "2024H2")] == ["2024年", "2024年上半年", "2024年下半年"]


def test_packages_and_receipts_are_named_by_the_rule(unit_db, district_db):
    today = date.today().strftime("%Y%m%d")
    with open_store(unit_db) as store:
        assert owner_name(store) == "新城街道"
        assert default_package_name(store, ["2024"]) == f"新城街道_2024年_上报包_{today}.xzpkg"
    with open_store(district_db) as store:
        assert owner_name(store) == "秀洲区"
        assert default_receipt_name(store, "wangdian") == f"王店镇_回执_{today}.xzrcpt"


def test_the_initial_period_is_the_latest_with_data_else_the_reporting_period(unit_db):
    with open_store(unit_db) as store:
        assert periods_with_data(store) == []
        assert initial_period(store, date(2025, 3, 1)) == "2024"  # last year's annual form
        assert initial_period(store, date(2040, 3, 1)) == "2025"  # within the plan
        store.values.write_one("xincheng", "phd", "2022", 5)
        store.values.write_one("xincheng", "phd", "2023H1", 6)
        assert periods_with_data(store) == ["2022", "2023H1"]
        assert initial_period(store, date(2025, 3, 1)) == "2023H1"
        store.values.write_one("xincheng", "phd", "2023", 7)
        assert initial_period(store) == "2023"  # the year ends after its halves
        store.values.write_one("xincheng", "phd", "2027", 8)  # beyond the plan: not where pages open
        assert initial_period(store) == "2023"
