"""Figures: reading, writing with revision and audit, and history.

Every write goes through :meth:`ValueTable.write`, one transaction per call: the
figures, their revisions and (by trigger) their audit rows land together or not at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.aggregation import Figure, FigureSet
from ..domain.checks import Entry
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..domain.periods import parse_period

if TYPE_CHECKING:
    from .database import Store

S = "store"
_COLUMNS = "unit, indicator, period, value, explanation, revision, changed_at, changed_by, source"


@dataclass(frozen=True)
class StoredValue:
    unit: str
    indicator: str
    period: str
    value: float | None
    explanation: str
    revision: int
    changed_at: str
    changed_by: str
    source: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.unit, self.indicator, self.period)


@dataclass(frozen=True)
class FigureSelection:
    """Which figures to load: those of ``periods`` (None: every period) and ``indicators`` (None: every indicator)."""

    periods: frozenset[str] | None = None
    indicators: frozenset[str] | None = None


class _SelectedFigures(FigureSet):
    """A :class:`FigureSet` of some figures that still knows which units ever reported each indicator.

    The aggregator counts a retired unit wherever it reported the indicator in *any* period;
    knowing that from every period keeps each aggregate of the loaded periods exactly what
    the whole set gives.
    """

    def __init__(self, figures, disputed, reporters: dict[str, set[str]]):
        super().__init__(figures, disputed)
        self._reporters = reporters

    def units_with(self, indicator: str) -> set[str]:
        return set(self._reporters.get(indicator, ()))


@dataclass(frozen=True)
class ValueChange:
    """A figure to write. ``explanation=None`` keeps the stored one."""

    unit: str
    indicator: str
    period: str
    value: float | None
    explanation: str | None = None


@dataclass(frozen=True)
class AuditEntry:
    action: str
    old_value: float | None
    new_value: float | None
    old_explanation: str | None
    new_explanation: str | None
    revision: int | None
    changed_at: str
    changed_by: str
    source: str


class ValueTable:
    def __init__(self, store: Store):
        self.store = store

    @property
    def conn(self):
        return self.store.conn

    # -- reading --------------------------------------------------------
    def list(
        self, *, unit: str | None = None, period: str | None = None, indicator: str | None = None
    ) -> list[StoredValue]:
        where, args = [], []
        for column, value in (("unit", unit), ("period", period), ("indicator", indicator)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        sql = (
            f"SELECT {_COLUMNS} FROM value"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY unit, indicator, period"
        )
        return [StoredValue(*row) for row in self.conn.execute(sql, args)]

    def get(self, unit: str, indicator: str, period: str) -> StoredValue | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM value WHERE unit = ? AND indicator = ? AND period = ?", (unit, indicator, period)
        ).fetchone()
        return StoredValue(*row) if row else None

    def entries(self, unit: str, period: str) -> dict[str, Entry]:
        """A unit's figures for a period, as the checks take them."""
        return {v.indicator: Entry(v.value, v.explanation) for v in self.list(unit=unit, period=period)}

    def previous(self, unit: str, period: str) -> dict[str, float | None]:
        """The same unit's figures one year earlier (for year-on-year checks)."""
        before = str(parse_period(period).previous())
        return {v.indicator: v.value for v in self.list(unit=unit, period=before)}

    def periods(self) -> list[str]:
        rows = self.conn.execute("SELECT DISTINCT period FROM value ORDER BY period").fetchall()
        return sorted((r[0] for r in rows), key=parse_period)

    def units_and_periods(self) -> list[tuple[str, str]]:
        return [tuple(r) for r in self.conn.execute("SELECT DISTINCT unit, period FROM value ORDER BY unit, period")]

    def figure_set(self, *selections: FigureSelection) -> FigureSet:
        """Every figure; or, given ``selections``, only the figures in any of them.

        A selected set holds a fraction of a large database in memory and gives exactly the
        same aggregates for the periods and indicators it covers (and their components, if
        selected too): ``services.pivot`` says what each report needs.
        """
        if not selections:
            rows = self.conn.execute("SELECT unit, indicator, period, value FROM value WHERE value IS NOT NULL")
            return FigureSet((Figure(*r) for r in rows), self.disputed_keys())
        where, args = [], []
        for sel in selections:
            parts = []
            for column, wanted in (("period", sel.periods), ("indicator", sel.indicators)):
                if wanted is not None:
                    wanted = sorted(wanted)
                    parts.append(f"{column} IN ({', '.join('?' * len(wanted))})" if wanted else "0")
                    args.extend(wanted)
            where.append("(" + " AND ".join(parts or ["1"]) + ")")
        rows = self.conn.execute(
            f"SELECT unit, indicator, period, value FROM value WHERE value IS NOT NULL AND ({' OR '.join(where)})", args
        )
        return _SelectedFigures((Figure(*r) for r in rows), self.disputed_keys(), self._reporters())

    def _reporters(self) -> dict[str, set[str]]:
        """Which units hold a figure of each indicator (any period); one scan, until the figures change."""
        # total_changes counts this connection's writes, data_version any other connection's.
        version = (self.conn.total_changes, self.conn.execute("PRAGMA data_version").fetchone()[0])
        cached = getattr(self, "_reporters_cache", None)
        if cached is None or cached[0] != version:
            reporters: dict[str, set[str]] = {}
            for indicator, unit in self.conn.execute(
                "SELECT DISTINCT indicator, unit FROM value WHERE value IS NOT NULL"
            ):
                reporters.setdefault(indicator, set()).add(unit)
            cached = self._reporters_cache = (version, reporters)
        return cached[1]

    def disputed_keys(self) -> set[tuple[str, str, str]]:
        """Figures with a conflict awaiting the district's decision (none before the merge schema)."""
        has_table = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'conflict'"
        ).fetchone()
        if not has_table:
            return set()
        return {
            tuple(r)
            for r in self.conn.execute(
                "SELECT DISTINCT unit, indicator, period FROM conflict WHERE resolved_at IS NULL"
            )
        }

    def history(self, unit: str, indicator: str, period: str) -> list[AuditEntry]:
        rows = self.conn.execute(
            "SELECT action, old_value, new_value, old_explanation, new_explanation, revision, changed_at, changed_by, source "
            "FROM audit WHERE unit = ? AND indicator = ? AND period = ? ORDER BY id",
            (unit, indicator, period),
        )
        return [AuditEntry(*r) for r in rows]

    # -- writing --------------------------------------------------------
    def _check_writable(self, change: ValueChange) -> None:
        store = self.store
        catalog = store.catalog()
        if not catalog.has_unit(change.unit):
            raise XzError(Message(S, QT_TRANSLATE_NOOP(S, "没有填报单位“{code}”"), {"code": change.unit}))
        if not store.is_district and change.unit != store.unit_code:
            raise XzError(
                Message(
                    S,
                    QT_TRANSLATE_NOOP(S, "本数据库属于“{own}”，不能写入“{other}”的数据"),
                    {"own": store.describe(), "other": catalog.unit(change.unit).name},
                )
            )
        indicator = catalog.indicator(change.indicator)
        if not indicator.is_entered:
            raise XzError(
                Message(S, QT_TRANSLATE_NOOP(S, "“{name}”由其他指标计算得出，不能直接填报"), {"name": indicator.name})
            )
        parse_period(change.period)

    def write(
        self, changes: Iterable[ValueChange], author: str | None = None, source: str = "local"
    ) -> list[StoredValue]:
        """Write figures atomically; unchanged ones are left alone. Returns what was written."""
        from .database import now_iso, translate_sqlite_error

        changes = list(changes)
        for change in changes:
            self._check_writable(change)
        author = author or self.store.author
        try:
            return self._write(changes, author, source, now_iso())
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, self.store.path) from exc

    def _write(self, changes: list[ValueChange], author: str, source: str, stamp: str) -> list[StoredValue]:
        written: list[StoredValue] = []
        with self.store.db.atomic():
            for change in changes:
                old = self.get(change.unit, change.indicator, change.period)
                explanation = (
                    (old.explanation if old else "") if change.explanation is None else change.explanation.strip()
                )
                value = None if change.value is None else float(change.value)
                if old is not None and old.value == value and old.explanation == explanation:
                    continue
                if old is None and value is None and not explanation:
                    continue
                revision = (old.revision + 1) if old else 1
                self.conn.execute(
                    f"INSERT INTO value ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (unit, indicator, period) DO UPDATE SET value = excluded.value, explanation = excluded.explanation, "
                    "revision = excluded.revision, changed_at = excluded.changed_at, changed_by = excluded.changed_by, source = excluded.source",
                    (change.unit, change.indicator, change.period, value, explanation, revision, stamp, author, source),
                )
                written.append(
                    StoredValue(
                        change.unit,
                        change.indicator,
                        change.period,
                        value,
                        explanation,
                        revision,
                        stamp,
                        author,
                        source,
                    )
                )
        return written

    def set(
        self,
        unit: str,
        indicator: str,
        period: str,
        value: float | None,
        explanation: str | None = None,
        author: str | None = None,
    ) -> StoredValue | None:
        """Write one figure in its own transaction; None if nothing changed."""
        written = self.write([ValueChange(unit, indicator, period, value, explanation)], author)
        return written[0] if written else None
