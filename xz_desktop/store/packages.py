"""Packages in the store: those merged into the district (``package``, ``package_value``), those a
unit's copy made (``package_export``), and the base revisions a unit took over (``value_base``)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .base import Key, insert_rows, marks
from .core import StoreCore
from .package_file import PackageRow


@dataclass(frozen=True)
class MergedPackage:
    """A package the district has merged (and perhaps taken back out: ``unmerged_at``)."""

    package_id: str
    unit: str
    periods: list[str]
    format_version: int
    catalog_version: str
    schema_version: int
    program_version: str
    exported_at: str
    author: str
    source_database_id: str
    checksum: str
    value_count: int
    file: str  # the file's name when it was merged
    merged_at: str
    merged_by: str
    unmerged_at: str | None = None
    unmerged_by: str | None = None

    @property
    def in_force(self) -> bool:
        return self.unmerged_at is None


_PACKAGE_COLUMNS = (
    "package_id, unit, periods, format_version, catalog_version, schema_version, program_version, exported_at, "
    "author, source_database_id, checksum, value_count, file, merged_at, merged_by, unmerged_at, unmerged_by"
)


def _merged(row: Sequence[object]) -> MergedPackage:
    values = list(row)
    values[2] = json.loads(str(values[2]))
    return MergedPackage(*values)  # type: ignore[arg-type]  # the columns in the record's order


class DigestMatch(NamedTuple):
    """A package in force merged from a file with a given SHA-256 (migration 007), and the key that signed it."""

    package_id: str
    unit: str
    periods: list[str]
    value_count: int
    key_id: str


@dataclass(frozen=True)
class ExportedPackage:
    """A package this unit's copy made."""

    package_id: str
    file: str
    periods: list[str]
    exported_at: str
    author: str
    values: int
    checksum: str = ""


class BaseRevision(NamedTuple):
    """The district revision a unit's figure has taken over (packages carry it as ``base_revision``)."""

    unit: str
    indicator: str
    period: str
    base_revision: int


class PackageTable:
    """``store.packages``."""

    def __init__(self, store: StoreCore):
        self.store = store

    @property
    def _conn(self) -> sqlite3.Connection:
        return self.store.conn

    # -- merged into the district ---------------------------------------
    def get(self, package_id: str) -> MergedPackage | None:
        row = self._conn.execute(
            f"SELECT {_PACKAGE_COLUMNS} FROM package WHERE package_id = ?", (package_id,)
        ).fetchone()
        return None if row is None else _merged(row)

    def in_force(self) -> list[MergedPackage]:
        """The packages merged now, oldest export first."""
        rows = self._conn.execute(
            f"SELECT {_PACKAGE_COLUMNS} FROM package WHERE unmerged_at IS NULL ORDER BY exported_at, package_id"
        )
        return [_merged(r) for r in rows]

    def files(self) -> dict[str, str]:
        """Each merged package's file name, by package id (none before the merge schema)."""
        if not self._conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'package'").fetchone():
            return {}
        return {str(r[0]): str(r[1]) for r in self._conn.execute("SELECT package_id, file FROM package")}

    def find(self, text: str) -> list[str]:
        """Package ids equal to ``text``, starting with it, or of a package merged from a file of that name."""
        rows = self._conn.execute(
            "SELECT package_id FROM package WHERE package_id = ? OR file = ? OR package_id LIKE ? ESCAPE '\\'",
            (text, text, text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"),
        ).fetchall()
        return sorted({str(r[0]) for r in rows})

    def add(self, p: MergedPackage, rows: Sequence[PackageRow]) -> None:
        """Record a package newly merged, with its figures as the unit sent them (provenance)."""
        with self.store.transaction():
            self._conn.execute(
                f"INSERT INTO package ({_PACKAGE_COLUMNS}) VALUES ({marks(['?'] * 17)})",
                (
                    p.package_id,
                    p.unit,
                    json.dumps(list(p.periods)),
                    p.format_version,
                    p.catalog_version,
                    p.schema_version,
                    p.program_version,
                    p.exported_at,
                    p.author,
                    p.source_database_id,
                    p.checksum,
                    p.value_count,
                    p.file,
                    p.merged_at,
                    p.merged_by,
                    p.unmerged_at,
                    p.unmerged_by,
                ),
            )
            self._add_values(p.package_id, rows)

    def reinstate(self, package_id: str, at: str, by: str, file: str, rows: Sequence[PackageRow]) -> None:
        """A package taken back out earlier, merged again (from the file ``file``)."""
        with self.store.transaction():
            self._conn.execute(
                "UPDATE package SET unmerged_at = NULL, unmerged_by = NULL, merged_at = ?, merged_by = ?, file = ? "
                "WHERE package_id = ?",
                (at, by, file, package_id),
            )
            self._add_values(package_id, rows)

    def values_of(self, package_id: str) -> list[PackageRow]:
        """A package's figures as the unit sent them (what was merged), in key order."""
        return [
            PackageRow(*r)
            for r in self._conn.execute(
                "SELECT unit, indicator, period, value, explanation, revision, base_revision, changed_at, changed_by "
                "FROM package_value WHERE package_id = ? ORDER BY unit, indicator, period",
                (package_id,),
            )
        ]

    def record_digest(self, package_id: str, file_sha256: str, key_id: str) -> None:
        """The SHA-256 of the file ``package_id`` was (or is again) merged from, verified, and its signing key."""
        with self.store.transaction():
            self._conn.execute(
                "INSERT INTO package_digest (package_id, file_sha256, key_id) VALUES (?, ?, ?) "
                "ON CONFLICT (package_id) DO UPDATE SET file_sha256 = excluded.file_sha256, key_id = excluded.key_id",
                (package_id, file_sha256, key_id),
            )

    def by_digest(self, file_sha256: str) -> DigestMatch | None:
        """The package in force merged from a file of exactly this SHA-256, if any."""
        row = self._conn.execute(
            "SELECT p.package_id, p.unit, p.periods, p.value_count, d.key_id FROM package_digest d "
            "JOIN package p ON p.package_id = d.package_id WHERE d.file_sha256 = ? AND p.unmerged_at IS NULL "
            "ORDER BY p.package_id LIMIT 1",
            (file_sha256,),
        ).fetchone()
        if row is None:
            return None
        return DigestMatch(str(row[0]), str(row[1]), json.loads(str(row[2])), int(row[3]), str(row[4]))

    def undigested_in_force(self) -> int:
        """How many packages in force have no file digest (merged before migration 007)."""
        row = self._conn.execute(
            "SELECT COUNT(*) FROM package p WHERE p.unmerged_at IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM package_digest d WHERE d.package_id = p.package_id)"
        ).fetchone()
        return int(row[0])

    def _add_values(self, package_id: str, rows: Sequence[PackageRow]) -> None:
        insert_rows(
            self._conn,
            "package_value",
            "package_id, unit, indicator, period, value, explanation, revision, base_revision, changed_at, changed_by",
            [(package_id, *r) for r in rows],  # a PackageRow is a tuple in the table's column order
        )

    def take_out(self, package_id: str, at: str, by: str) -> list[Key]:
        """Mark a package un-merged and drop its figures; returns the keys they were for."""
        with self.store.transaction():
            keys = [
                (str(k[0]), str(k[1]), str(k[2]))
                for k in self._conn.execute(
                    "SELECT unit, indicator, period FROM package_value WHERE package_id = ?", (package_id,)
                )
            ]
            self._conn.execute("DELETE FROM package_value WHERE package_id = ?", (package_id,))
            self._conn.execute(
                "UPDATE package SET unmerged_at = ?, unmerged_by = ? WHERE package_id = ?", (at, by, package_id)
            )
        return keys

    def known_catalogs(self) -> dict[str, set[str]]:
        """Every catalog version the database has had in force, with its indicator codes."""
        return {
            str(r[0]): set(json.loads(r[1]))
            for r in self._conn.execute("SELECT version, indicators FROM catalog_version")
        }

    # -- made in a unit's copy ------------------------------------------
    def record_export(self, e: ExportedPackage) -> None:
        with self.store.transaction():
            self._conn.execute(
                "INSERT INTO package_export (package_id, file, periods, exported_at, author, value_count, checksum) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (e.package_id, e.file, json.dumps(e.periods), e.exported_at, e.author, e.values, e.checksum),
            )

    def exports(self) -> list[ExportedPackage]:
        """The packages this unit's copy has made, newest first."""
        cur = self._conn.execute(
            "SELECT package_id, file, periods, exported_at, author, value_count, checksum FROM package_export "
            "ORDER BY exported_at DESC"
        )
        return [ExportedPackage(r[0], r[1], json.loads(r[2]), r[3], r[4], r[5], r[6]) for r in cur]

    def base_revisions(self, unit: str, periods: Iterable[str]) -> dict[tuple[str, str], int]:
        """(indicator, period) → the district revision the unit's figure has taken over."""
        wanted = list(periods)
        return {
            (str(r[0]), str(r[1])): int(r[2])
            for r in self._conn.execute(
                f"SELECT indicator, period, base_revision FROM value_base WHERE unit = ? AND period IN ({marks(wanted)})",
                (unit, *wanted),
            )
        }

    def raise_base_revisions(self, bases: Iterable[BaseRevision]) -> None:
        """Record that these figures start from at least these district revisions (never lowers one)."""
        with self.store.transaction():
            self._conn.executemany(
                "INSERT INTO value_base (unit, indicator, period, base_revision) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (unit, indicator, period) DO UPDATE SET "
                "base_revision = MAX(base_revision, excluded.base_revision)",
                list(bases),
            )
