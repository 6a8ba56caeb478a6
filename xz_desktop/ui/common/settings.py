"""The window's remembered choices (QSettings), each with its default in one registry.

Settings are conveniences only (language, last form opened, window layout): figures live
in the database, never here. An INI file in the user's configuration folder keeps them
readable and portable; tests point it at a temporary folder with :func:`use_folder`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ...services.files import FileKind

ORGANIZATION = "Xiuzhou"
APPLICATION = "xz-desktop"

# key -> default. The type of the default is the type read back (INI files store text).
DEFAULTS: dict[str, Any] = {
    "language": "",  # "" follows the system locale; "zh" or "en"
    "form/unit": "",  # the unit whose form was open last (district copy)
    "period/chosen": "",  # the period the pages showed last (ui/common/period_choice.py) …
    "period/database": "",  # … in the window of this database
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "form/findings_shown": True,  # the 审核结果 under the form is open
    "form/findings_split": QByteArray(),  # the split between the form and its 审核结果
    "form/columns": QByteArray(),  # column widths of the form ("form/header" before 说明 stopped stretching)
    "totals/splitter": QByteArray(),  # 汇总: the table beside the selected indicator's detail
    "totals/detail_splitter": QByteArray(),  # 汇总: the contributions above the chart
    "recent/databases": [],
    "print/last_folder": "",
}
# The folder each kind of file was last saved in (ui/common/file_dialogs.py): packages, receipts, workbooks, PDFs …
DEFAULTS.update({f"folders/{kind.name.lower()}": "" for kind in FileKind})


def use_folder(folder: str | Path) -> None:
    """Keep settings in ``folder`` (tests; a portable copy on a USB stick)."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def _qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def get(key: str) -> Any:
    """The stored value of ``key`` in the type of its default."""
    default = DEFAULTS[key]
    value: Any = _qsettings().value(key, default)  # whatever the settings file holds: checked below
    if isinstance(default, list):
        if value in (None, ""):
            return []
        return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
    if isinstance(default, QByteArray):
        return value if isinstance(value, QByteArray) else QByteArray()
    if isinstance(default, bool):
        return str(value).lower() in ("1", "true", "yes")
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    return "" if value is None else str(value)


def put(key: str, value: Any) -> None:
    """Remember ``value`` under ``key`` (one of :data:`DEFAULTS`)."""
    if key not in DEFAULTS:
        raise KeyError(key)
    _qsettings().setValue(key, value)  # written when the QSettings object goes, at once


def remember_database(path: str | Path, keep: int = 8) -> None:
    """Put ``path`` first in the recent databases list."""
    path = str(Path(path).resolve())
    recent = [p for p in get("recent/databases") if p != path]
    put("recent/databases", [path, *recent][:keep])
