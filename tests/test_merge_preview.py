"""The merge preview (issue 12 item 11): 原值 and 新值 side by side, rows in the form's order, and a
refused package says which unit it claims to be — from its manifest, marked unverified. The service
gives all of it (services/packages/merge); the dialog and ``xz merge`` only show it."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from xz_desktop.services.packages.merge import MERGED, REFUSED, merge_files
from xz_desktop.services.packages.package_file import claimed_unit, read_package
from xz_desktop.store import open_store
from xz_desktop.ui.main_window import MainWindow

from .test_package_support import craft, district, tamper, unit_key

# Given out of order; the form (resources/catalog/indicators.csv, line by line) lists them
# academician_workstation (line 10), postdoc_workstation (11), new_high_end_talent (39),
# top_talent_fulltime (42), new_graduates (47).
SHUFFLED = [
    ("new_graduates", "2023", 800.0),
    ("postdoc_workstation", "2023", 1.0),
    ("top_talent_fulltime", "2023", 1.0),
    ("academician_workstation", "2023", 2.0),
    ("new_high_end_talent", "2023", 5.0),
]
FORM_ORDER = [
    "academician_workstation",
    "postdoc_workstation",
    "new_high_end_talent",
    "top_talent_fulltime",
    "new_graduates",
]


@pytest.fixture
def inbox(tmp_path):
    """A good package of 新城街道, one signed with 嘉北街道's key but claiming 新城街道, one altered after
    export (its checksum fails), and a file that is no package at all."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    craft(folder / "a_good.xzpkg", SHUFFLED)
    craft(folder / "b_forged.xzpkg", SHUFFLED, package_id=None, signer=unit_key("jiabei"))
    craft(folder / "c_altered.xzpkg", SHUFFLED)
    tamper(folder / "c_altered.xzpkg", "UPDATE value SET value = 9999 WHERE indicator = 'new_graduates'")
    (folder / "d_text.xzpkg").write_text("不是上报包", encoding="utf-8")
    return folder


def by_file(report):
    return {r.file.rsplit("/", 1)[-1]: r for r in report.results}


def test_the_service_names_who_each_package_claims_and_lists_changes_in_form_order(tmp_path, inbox):
    with open_store(district(tmp_path)) as store:
        report = by_file(merge_files(store, [inbox], dry_run=True))
    good, forged, altered, text = (
        report[n] for n in ("a_good.xzpkg", "b_forged.xzpkg", "c_altered.xzpkg", "d_text.xzpkg")
    )
    assert (good.status, good.unit, good.unit_verified) == (MERGED, "xincheng", True)
    assert [c.indicator for c in good.changes] == FORM_ORDER
    assert [(c.before, c.after) for c in good.changes][:2] == [(None, 2.0), (None, 1.0)]
    # Refused: the unit is what the file claims, and it is flagged as not proven by a signature.
    assert (forged.status, forged.unit, forged.unit_verified) == (REFUSED, "xincheng", False)
    assert (altered.status, altered.unit, altered.unit_verified) == (REFUSED, "xincheng", False)
    assert (text.status, text.unit, text.unit_verified) == (REFUSED, "", False)
    assert good.as_json()["unit_verified"] is True and forged.as_json()["unit_verified"] is False


def test_a_refusal_after_the_signature_was_checked_keeps_the_unit_verified(tmp_path, inbox):
    """Same package id, other contents: refused, but its signature proved who sent it."""
    path = district(tmp_path)
    first = read_package(inbox / "a_good.xzpkg").manifest.package_id
    other = craft(tmp_path / "same_id.xzpkg", SHUFFLED[:2], package_id=first)
    with open_store(path) as store:
        merge_files(store, [inbox / "a_good.xzpkg"])
        (result,) = merge_files(store, [other], dry_run=True).results
    assert (result.status, result.unit, result.unit_verified) == (REFUSED, "xincheng", True)
    assert "内容不同" in result.reason


def test_claimed_unit_reads_only_a_well_formed_claim(tmp_path, inbox):
    assert claimed_unit(inbox / "c_altered.xzpkg") == "xincheng"
    assert claimed_unit(inbox / "d_text.xzpkg") == ""
    assert claimed_unit(tmp_path / "missing.xzpkg") == ""
    hostile = craft(tmp_path / "hostile.xzpkg", SHUFFLED[:1])
    tamper(hostile, "UPDATE manifest SET value = ? WHERE key = 'unit'", "<b>x</b>" * 10)
    assert claimed_unit(hostile) == ""  # not a unit code: nothing claimed rather than hostile text shown


def test_the_dialog_shows_old_and_new_side_by_side_and_who_is_claimed(qtbot, tmp_path, inbox):
    window = MainWindow(district(tmp_path))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.findChild(type(window.menu("district").actions()[0]), "merge_packages").trigger()
    dialog = window.merge_dialog
    dialog.add_paths([inbox])
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "previewed", timeout=10_000)
    model = dialog.results_model
    units = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert units == {
        "a_good.xzpkg": "新城街道",
        "b_forged.xzpkg": "新城街道（自称，未验证）",
        "c_altered.xzpkg": "新城街道（自称，未验证）",
        "d_text.xzpkg": "（无法读出）",
    }
    forged_row = list(units).index("b_forged.xzpkg")
    assert "签名未能证实" in model.index(forged_row, 1).data(Qt.ItemDataRole.ToolTipRole)

    dialog.results.selectRow(list(units).index("a_good.xzpkg"))
    changes = dialog.changes_model
    headers = [changes.headerData(c, Qt.Orientation.Horizontal) for c in range(changes.columnCount())]
    old, new = headers.index("原值"), headers.index("新值")
    assert new == old + 1 and new != len(headers) - 1  # adjacent, and 新值 is not the stretched last column
    view = dialog.changes
    left, right = view.visualRect(changes.index(0, old)), view.visualRect(changes.index(0, new))
    assert right.left() - left.right() <= 2  # side by side on the screen
    names = [changes.index(r, headers.index("指标")).data() for r in range(changes.rowCount())]
    assert names == [
        "院士专家工作站",
        "博士后工作（流动）站",
        "新引育国家级、省级高端人才",
        "全职引进顶尖人才（团队）",
        "新引进大学生",
    ]
    assert [changes.index(r, new).data() for r in range(changes.rowCount())] == ["2", "1", "5", "1", "800"]
    dialog.close()
    window.close()


def test_xz_merge_says_who_a_refused_package_claims(xz, tmp_path, inbox):
    path = district(tmp_path)
    result = xz("merge", path, inbox / "b_forged.xzpkg", "--json")
    assert result.returncode == 1
    (row,) = json.loads(result.stdout)
    assert (row["unit"], row["unit_verified"], row["status"]) == ("xincheng", False, "refused")
    table = xz("merge", path, inbox / "b_forged.xzpkg", "--dry-run")
    assert "xincheng（自称，未验证）" in table.stdout
