"""Times: stored as UTC ISO text, shown in local time everywhere (the window, ``xz`` tables, Excel)."""

from __future__ import annotations

import re
import time
from datetime import date, timedelta, timezone

import pytest

from xz_desktop.domain.timefmt import chinese_date, forget_zone, local_time, parse_stamp

from .conftest import ROOT

XIUZHOU = timezone(timedelta(hours=8))  # China Standard Time, no summer time


def test_a_utc_stamp_is_shown_eight_hours_later_in_xiuzhou():
    assert local_time("2024-01-15T01:30:00.000Z", tz=XIUZHOU) == "2024-01-15 09:30:00"
    assert local_time("2024-01-15T01:30:59.999Z", seconds=False, tz=XIUZHOU) == "2024-01-15 09:30"


def test_late_evening_utc_is_the_next_morning_local():
    assert local_time("2024-12-31T16:30:00Z", tz=XIUZHOU) == "2025-01-01 00:30:00"


def test_an_explicit_offset_is_respected():
    assert local_time("2024-06-01T12:00:00+02:00", tz=XIUZHOU) == "2024-06-01 18:00:00"


def test_blank_and_non_times_are_never_guessed_at():
    assert local_time(None, tz=XIUZHOU) == ""
    assert local_time("", tz=XIUZHOU) == ""
    assert local_time("昨天下午", tz=XIUZHOU) == "昨天下午"  # a hostile file's text, exactly as stored
    assert parse_stamp("2024-13-40T99:00:00Z") is None


def test_a_stamp_without_zone_is_shown_as_written():
    assert local_time("2024-01-15T09:30:00", tz=XIUZHOU) == "2024-01-15 09:30:00"


@pytest.fixture
def in_xiuzhou(monkeypatch):
    """This process (and the ``xz`` it starts) in UTC+8, whatever the machine's zone."""
    monkeypatch.setenv("TZ", "XZT-8")  # POSIX: 8 hours east of UTC, needs no zone database
    time.tzset()
    forget_zone()
    yield
    monkeypatch.undo()
    time.tzset()
    forget_zone()


def test_the_default_zone_is_this_computers(in_xiuzhou):
    assert local_time("2024-01-15T01:30:00.000Z") == "2024-01-15 09:30:00"
    assert local_time("2024-01-15T01:30:00.000Z", seconds=False) == "2024-01-15 09:30"


# End to end: what the window and ``xz`` show of one package exported at 20:00 UTC (04:00 next day in Xiuzhou).
EXPORTED = "2024-01-10T20:00:00.000Z"
EXPORTED_LOCAL = "2024-01-11 04:00"


def _merged_district(tmp_path):
    from xz_desktop.services.packages.merge import merge_files
    from xz_desktop.store import open_store

    from .test_package_support import craft, district

    path = district(tmp_path)
    package = craft(tmp_path / "a.xzpkg", [("academician_workstation", "2023", 2.0)], exported_at=EXPORTED)
    with open_store(path) as store:
        merge_files(store, [package])
    return path


def _plus_eight_hours(stamp: str, pattern: str) -> str:
    # By hand: the stored UTC text, moved 8 hours on.
    from datetime import datetime

    return (datetime.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S") + timedelta(hours=8)).strftime(pattern)


def test_xz_tables_show_local_time_and_json_keeps_utc(tmp_path, xz, in_xiuzhou):
    import json

    path = _merged_district(tmp_path)
    status = xz("status", path, "--period", "2023")
    assert EXPORTED_LOCAL in status.stdout and "2024-01-10 20:00" not in status.stdout
    [entry] = json.loads(xz("log", path, "--json").stdout)
    assert entry["at"].endswith("Z")  # machine-readable output keeps the stored UTC text
    log = xz("log", path).stdout
    assert _plus_eight_hours(entry["at"], "%Y-%m-%d %H:%M:%S") in log
    [change] = json.loads(
        xz("history", path, "--unit", "xincheng", "--period", "2023", "academician_workstation", "--json").stdout
    )
    history = xz("history", path, "--unit", "xincheng", "--period", "2023", "academician_workstation").stdout
    assert _plus_eight_hours(change["changed_at"], "%Y-%m-%d %H:%M:%S") in history


def test_the_window_shows_local_time(tmp_path, qtbot, in_xiuzhou):
    from xz_desktop.ui.common import settings
    from xz_desktop.ui.main_window import MainWindow

    settings.use_folder(tmp_path / "settings")
    path = _merged_district(tmp_path)
    window = MainWindow(path)
    qtbot.addWidget(window)
    try:
        window.show()
        window.show_page("submission_status")  # computed while shown
        status = window.page("submission_status")
        status.period.setCurrentIndex(status.period.findData("2023"))
        row = next(r for r in range(status.model.rowCount()) if status.model.row_at(r).unit == "xincheng")
        assert status.model.index(row, 3).data() == EXPORTED_LOCAL
        log = window.page("merge_log")
        at = log.model.row_at(0).at
        assert log.model.index(0, 0).data() == _plus_eight_hours(at, "%Y-%m-%d %H:%M")
    finally:
        window.close()


def test_a_chinese_date_is_written_without_strftime():
    assert chinese_date(date(2024, 3, 5)) == "2024年03月05日"
    assert chinese_date(date(2025, 12, 31)) == "2025年12月31日"


def test_no_chinese_format_string_goes_to_strftime():
    # Windows' C library refuses a strftime format with Chinese characters ("Invalid format string": the frozen
    # xz report failed so under Wine in code page 936). Chinese dates are built by chinese_date instead.
    cjk = "[\u4e00-\u9fff]"
    through_strftime = re.compile(rf"strftime\([^)]*{cjk}|\{{[^{{}}]*:[^{{}}]*%[^{{}}]*{cjk}[^{{}}]*\}}")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "xz_desktop").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if through_strftime.search(line)
    ]
    assert not found
