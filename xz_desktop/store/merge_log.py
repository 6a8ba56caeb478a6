"""The merge log (``merge_log``): which file was merged or taken back out, when, by whom, with what result."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from .core import StoreCore


@dataclass(frozen=True)
class LogLine:
    """A line to append to the log."""

    at: str
    by: str
    action: str  # 'merge' or 'unmerge'
    file: str
    package_id: str
    unit: str
    periods: list[str]
    status: str
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    removed: int = 0
    resubmission: bool = False  # the package arrived after the district returned its period (migration 003)


@dataclass
class LogEntry:
    id: int
    at: str
    by: str
    action: str
    file: str
    package_id: str
    unit: str
    periods: list[str]
    status: str
    inserted: int
    updated: int
    unchanged: int
    conflicts: int
    removed: int
    in_force: bool  # the package is merged now (can be taken back out)
    resubmission: bool = False  # the package arrived after the district returned its period

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


class MergeLog:
    """``store.log``."""

    def __init__(self, store: StoreCore):
        self.store = store

    @property
    def _conn(self) -> sqlite3.Connection:
        return self.store.conn

    def append(self, line: LogLine) -> None:
        with self.store.transaction():
            self._conn.execute(
                "INSERT INTO merge_log (at, by, action, file, package_id, unit, periods, status, inserted, updated, "
                "unchanged, conflicts, removed, resubmission) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    line.at,
                    line.by,
                    line.action,
                    line.file,
                    line.package_id,
                    line.unit,
                    json.dumps(line.periods),
                    line.status,
                    line.inserted,
                    line.updated,
                    line.unchanged,
                    line.conflicts,
                    line.removed,
                    int(line.resubmission),
                ),
            )

    def entries(self, limit: int | None = None) -> list[LogEntry]:
        """The merge log, newest first."""
        sql = (
            "SELECT l.id, l.at, l.by, l.action, l.file, l.package_id, l.unit, l.periods, l.status, l.inserted, "
            "l.updated, l.unchanged, l.conflicts, l.removed, p.unmerged_at IS NULL AND p.package_id IS NOT NULL, "
            "l.resubmission "
            "FROM merge_log l LEFT JOIN package p ON p.package_id = l.package_id ORDER BY l.id DESC"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [
            LogEntry(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                json.loads(r[7]),
                r[8],
                r[9],
                r[10],
                r[11],
                r[12],
                r[13],
                bool(r[14]),
                bool(r[15]),
            )
            for r in self._conn.execute(sql)
        ]
