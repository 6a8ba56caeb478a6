"""No code or stray English word reaches the window (issue 23, item 6): every table model of the district
window, and the catalog dialog's, read in Chinese and in English; argparse's own words in ``xz``."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from xz_desktop.domain.targets import UnitTarget
from xz_desktop.services.catalog_edit import unit_type_label
from xz_desktop.services.plan.targets import method_label
from xz_desktop.store import open_store
from xz_desktop.ui.common import translations
from xz_desktop.ui.common.findings_panel import FindingColumn, FindingsModel
from xz_desktop.ui.common.i18n import message_text
from xz_desktop.ui.form.model import Column, FormModel
from xz_desktop.ui.main_window import MainWindow

# What the catalog and the targets store as codes: never a cell's text as they are.
CODES = re.compile(r"split:\w+|(subdistrict|town|zone|department|manual|geographic|sector)")
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(params=["zh", "en"])
def language(request, qapp):
    translations.install(request.param, qapp)
    yield request.param
    translations.install("zh", qapp)


@pytest.fixture
def district_with_targets(district_db):
    with open_store(district_db) as store:
        store.targets.put(
            [
                UnitTarget("xincheng", "academician_workstation", 3, "2025", "split:base"),
                UnitTarget("jiabei", "academician_workstation", 2, "2025", "manual"),
                UnitTarget("xincheng", "phd", 50, "2025", "split:talent_total"),
            ],
            "区人才办",
        )
    return district_db


def _texts(model: QAbstractItemModel) -> list[str]:
    out = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    for r in range(model.rowCount()):
        out.extend(str(model.index(r, c).data() or "") for c in range(model.columnCount()))
    return out


def test_every_table_model_of_the_district_window_shows_words(qtbot, district_with_targets, language):
    window = MainWindow(district_with_targets)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    for n in range(window.pages.count()):  # every page computed once, as when shown
        window.pages.setCurrentIndex(n)
    window.findChild(QAction, "action_catalog").trigger()
    dialog = window.findChild(QDialog, "catalog_dialog")
    qtbot.addWidget(dialog)
    models = window.findChildren(QAbstractItemModel) + dialog.findChildren(QAbstractItemModel)
    leaks = {text for model in models for text in _texts(model) if CODES.fullmatch(text.strip()) or "split:" in text}
    assert not leaks, leaks
    if language == "en":
        tabs = [window.pages.tabText(i) for i in range(window.pages.count())]
        # A tab's text is a mnemonic's place: a single & would underline the next letter ("Targets _assessment").
        assert not [t for t in tabs if "&" in t.replace("&&", "")], tabs
        assert "Targets && assessment" in tabs


def test_unit_types_and_target_sources_in_both_languages(language, catalog):
    words = {
        "zh": (["街道", "镇", "高新区", "区级部门", "片区"], ["直接下达", "按 2020 年基数分解", "按“博士”分解"]),
        "en": (
            ["Subdistrict", "Town", "High-tech zone", "District department", "片区"],  # a free label stays as typed
            ["Set directly", "Split by the 2020 base", "Split by “博士”"],  # the catalog's name is data
        ),
    }[language]
    assert [message_text(unit_type_label(t)) for t in ("subdistrict", "town", "zone", "department", "片区")] == words[0]
    methods = ["manual", "split:base", "split:phd"]
    assert [message_text(method_label(catalog, m)) for m in methods] == words[1]


def test_the_unit_and_the_unit_of_measure_are_two_words_in_english(qapp):
    translations.install("en", qapp)
    try:
        measure = FormModel().headerData(Column.MEASURE, Qt.Orientation.Horizontal)
        unit = FindingsModel().headerData(FindingColumn.UNIT, Qt.Orientation.Horizontal)
        assert (measure, unit) == ("Measure", "Unit")
    finally:
        translations.install("zh", qapp)


def test_argparse_speaks_as_xz_does(xz, tmp_path):
    shown = xz("init", "--help").stdout
    assert "用法 / usage: xz init" in shown and "选项 / options:" in shown and "参数 / positional arguments:" in shown
    assert "显示本帮助并退出" in shown
    refused = xz("init", tmp_path / "x.sqlite")
    assert refused.returncode == 2
    assert "须给出其中一个参数" in refused.stderr and "用法 / usage:" in refused.stderr
    assert "usage:" not in refused.stderr.replace("用法 / usage:", "")


def test_argparse_texts_keep_every_placeholder():
    from xz_desktop.cli.app import ARGPARSE_TEXTS

    fields = re.compile(r"%\(\w+\)[sr]|%[sr]")
    for source, text in ARGPARSE_TEXTS.items():
        assert sorted(fields.findall(source)) == sorted(fields.findall(text)), source
