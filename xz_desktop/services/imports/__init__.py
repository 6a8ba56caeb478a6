"""Importing figures from files: the format is picked by the file's suffix.

Each format module (``csvfile``, ``xlsx``) reads its file into :class:`~.base.ImportRow` objects and
hands them to :func:`~.base.apply_rows`; they import ``base``, never each other.
"""

from __future__ import annotations

from pathlib import Path

from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.periods import Period
from ...store import Store
from ..progress import SILENT, Progress
from .base import ImportResult, ImportRow, apply_rows
from .csvfile import read_csv_rows

__all__ = ["ImportResult", "ImportRow", "apply_rows", "import_file", "read_csv_rows"]


def import_file(
    store: Store,
    path: str | Path,
    author: str | None = None,
    *,
    dry_run: bool = False,
    period: Period | None = None,
    progress: Progress = SILENT,
) -> ImportResult:
    """Import a CSV file or a filled Excel form (.xlsx) into ``store``, all or nothing.

    ``period``, when given, refuses an Excel form of another period.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = read_csv_rows(path)
    elif suffix in (".xlsx", ".xlsm", ".xls"):
        from .xlsx import import_template  # openpyxl is loaded for an Excel form only

        return import_template(store, path, author, dry_run=dry_run, period=period, progress=progress)
    else:
        raise XzError(
            Message(
                "imports",
                QT_TRANSLATE_NOOP("imports", "不支持的文件类型“{suffix}”：请导入 .csv 文件或 Excel 填报模板（.xlsx）"),
                {"suffix": suffix or path.name},
            )
        )
    return apply_rows(store, rows, author, dry_run=dry_run, progress=progress)
