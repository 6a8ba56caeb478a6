"""Choosing and installing the interface language.

Chinese is the source language of every string; English comes from
``resources/i18n/xz_desktop_en.qm`` (built by ``tools/update_translations.py``). Qt's own
dialogs (buttons of message boxes, file dialogs) are translated with the ``qtbase``
catalogue PySide6 ships, so a Chinese window never shows an English "Cancel"; what that
catalogue lacks (texts Qt 6 changed, such as the file dialog's "&Look in:") comes from our own
``resources/i18n/qt_extra_zh_CN.qm``, installed after it.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ...paths import resources_dir

LANGUAGES = ("zh", "en")
QT_EXTRA = "qt_extra_zh_CN"  # Chinese for Qt's own dialogs where qtbase_zh_CN has none
_installed: list[QTranslator] = []  # Qt does not own translators: keep them alive here


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def system_language(locale: QLocale | None = None) -> str:
    """zh for a Chinese (or unspecified, "C") system locale, else en: we ship only these two."""
    language = (locale or QLocale.system()).language()
    return "zh" if language in (QLocale.Language.Chinese, QLocale.Language.C) else "en"


def choose_language(requested: str | None = None, setting: str = "", locale: QLocale | None = None) -> str:
    """The command line wins, then the saved setting, then the system locale."""
    for choice in (requested, setting):
        if choice in LANGUAGES:
            return choice
    return system_language(locale)


def install(language: str, app: QCoreApplication | None = None) -> str:
    """Make ``language`` the interface language (replacing any installed before); returns it."""
    app = cast(QCoreApplication, app or QCoreApplication.instance())  # the application exists by now
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "en":
        ours = QTranslator(app)
        if not ours.load("xz_desktop_en", str(translations_dir())):
            raise FileNotFoundError(translations_dir() / "xz_desktop_en.qm")
        _installed.append(ours)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        qtbase = QTranslator(app)
        if qtbase.load("qtbase_zh_CN", qt_folder):
            _installed.append(qtbase)
        extra = QTranslator(app)  # installed last, so it is asked first: it only holds what qtbase lacks
        if extra.load(QT_EXTRA, str(translations_dir())):
            _installed.append(extra)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    for translator in _installed:
        app.installTranslator(translator)
    return language
