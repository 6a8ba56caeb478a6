"""Every stored figure as a CSV file that Excel opens with its Chinese intact.

UTF-8 with a byte-order mark (without one, Excel on a Chinese Windows reads the file as
GBK and shows nonsense). The first five columns are those ``xz import`` reads, so the
file goes back in. Every field of every row passes the one writer of export text,
:func:`style.inert`: text that starts like a formula (``=``, ``+``, ``-``, ``@``, a tab or a
line break) gets a leading apostrophe, as Excel would otherwise run it when the CSV is opened
and there is no cell type in CSV to say "this is text".
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ...domain.raw_csv import HEADER
from ...domain.timefmt import local_time
from ...store import Store
from ..files import check_target, replacing
from ..progress import SILENT, Progress
from .style import inert, inert_row
from .tables import RAW_CHUNK, raw_count


@dataclass
class CsvResult:
    path: Path
    rows: int


def csv_text(value: str | None) -> str:
    """``value`` made safe to open in Excel: formula-like text gets a leading apostrophe."""
    return str(inert(value or ""))


def export_csv(store: Store, path: str | Path, progress: Progress = SILENT) -> CsvResult:
    """Write every figure (long form, entry measure) to ``path``, replacing it only when complete."""
    path = check_target(path, (".csv",))
    catalog = store.catalog()
    units = {u.code: u.name for u in catalog.units}
    names = {i.code: (i.name, i.entry_measure) for i in catalog.indicators}
    total = raw_count(store)
    done = 0
    with replacing(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")  # CRLF: what Excel writes and expects
        writer.writerow(HEADER)
        for batch in store.values.batches(RAW_CHUNK):
            for v in batch:
                name, measure = names.get(v.indicator, (v.indicator, ""))
                writer.writerow(
                    inert_row(
                        [
                            v.unit,
                            v.indicator,
                            v.period,
                            "" if v.value is None else repr(float(v.value)).removesuffix(".0"),
                            v.explanation,
                            units.get(v.unit, v.unit),
                            name,
                            measure,
                            v.revision,
                            local_time(v.changed_at),
                            v.changed_by,
                            v.source,
                        ]
                    )
                )
            done += len(batch)
            progress.step(done, total, f"{done:,}/{total:,} 行")
    return CsvResult(path, total)
