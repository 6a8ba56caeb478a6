"""The columns of the raw CSV file: ``xz export --raw`` (and 导出原始数据 CSV) writes them, ``xz import`` reads
the first ones back, so an exported file goes back in as it is. One list, for both sides."""

from __future__ import annotations

READ_COLUMNS = ("unit", "indicator", "period", "value")  # what an import needs
EXPLANATION = "explanation"  # read when present
# Written for the reader of the file (names, measure, provenance); an import accepts and ignores them.
EXPORT_ONLY_COLUMNS = (
    "unit_name",
    "indicator_name",
    "measure",
    "revision",
    "changed_at",
    "changed_by",
    "source",
)
HEADER = (*READ_COLUMNS, EXPLANATION, *EXPORT_ONLY_COLUMNS)
