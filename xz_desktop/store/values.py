"""Figures (the ``value`` table): reading, the one path that writes them, and their history.

Every write of ``value`` goes through :meth:`ValueTable._save`, reached three ways:

* :meth:`ValueTable.write`: a clerk's edits, an import, a district correction taken into a
  unit's copy: each changed figure gets the next revision (or the one the change asks for
  at least), the author and the source;
* :meth:`ValueTable.write_merged`: the figures the merge rule derives in the district, with the
  revision and provenance of the candidate that won, only while the store's merge guard is held.

Either way :meth:`ValueTable._check_all` runs first over every figure (the unit and role
rules, computed indicators, periods) and the rows land in one transaction; the audit rows
follow by trigger (migration 001), so no writer can skip them.
"""

from __future__ import annotations

import contextlib
import json
import math
import sqlite3
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from ..domain.aggregation import Columns, FigureSet
from ..domain.catalog import Catalog
from ..domain.checks import Entry, beyond_ceiling, ceiling
from ..domain.limits import MAX_AUTHOR, MAX_EXPLANATION, MAX_MAGNITUDE
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..domain.numbers import format_number
from ..domain.periods import parse_period
from .base import Key, insert_rows, marks, now_iso, translate_sqlite_error
from .conflicts import ConflictTable
from .core import StoreCore

_COLUMNS = "unit, indicator, period, value, explanation, revision, changed_at, changed_by, source"
_UPSERT = (
    "ON CONFLICT (unit, indicator, period) DO UPDATE SET value = excluded.value, "
    "explanation = excluded.explanation, revision = excluded.revision, changed_at = excluded.changed_at, "
    "changed_by = excluded.changed_by, source = excluded.source"
)


class FigureState(NamedTuple):
    """What is stored for one figure, without its key (what the merge compares before and after)."""

    value: float | None
    explanation: str
    revision: int
    changed_at: str
    changed_by: str
    source: str

    @property
    def content(self) -> tuple[float | None, str]:
        """The figure and its 说明: only these count as a change."""
        return (self.value, self.explanation)


class StoredValue(NamedTuple):
    """One stored figure, a tuple in the ``value`` table's column order (a merge writes hundreds of thousands)."""

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
    def key(self) -> Key:
        return (self.unit, self.indicator, self.period)

    @property
    def state(self) -> FigureState:
        return FigureState(self.value, self.explanation, self.revision, self.changed_at, self.changed_by, self.source)

    @classmethod
    def at(cls, key: Key, state: FigureState) -> StoredValue:
        return cls(key[0], key[1], key[2], *state)


class FigureRef(Protocol):
    """Anything that names one figure: a :class:`ValueChange`, a :class:`StoredValue`."""

    @property
    def unit(self) -> str: ...
    @property
    def indicator(self) -> str: ...
    @property
    def period(self) -> str: ...


class _KeyRef(NamedTuple):
    unit: str
    indicator: str
    period: str


class UnitPeriod(NamedTuple):
    unit: str
    period: str


@dataclass(frozen=True)
class FigureSelection:
    """Which figures to load: those of ``periods`` (None: every period), ``indicators`` (None: every
    indicator) and ``units`` (None: every unit)."""

    periods: frozenset[str] | None = None
    indicators: frozenset[str] | None = None
    units: frozenset[str] | None = None


class _SelectedFigures(FigureSet):
    """A :class:`FigureSet` of some figures that still knows which units ever reported each indicator.

    The aggregator counts a retired unit wherever it reported the indicator in *any* period;
    knowing that from every period keeps each aggregate of the loaded periods exactly what
    the whole set gives.
    """

    def __init__(
        self,
        figures: Iterable[tuple[str, str, str, float | None]],
        disputed: set[Key],
        reporters: Callable[[frozenset[str] | None], dict[str, set[str]]],
        *,
        columns: Columns | None = None,
    ):
        super().__init__(figures, disputed, columns=columns)
        self._reporters = reporters  # of the given units (None: every unit), read when first asked
        self._asked: dict[frozenset[str] | None, dict[str, set[str]]] = {}

    def units_with(self, indicator: str, among: Collection[str] | None = None) -> set[str]:
        key = None if among is None else frozenset(among)
        if key not in self._asked:
            self._asked[key] = self._reporters(key)
        return set(self._asked[key].get(indicator, ()))


class ValueChange(NamedTuple):
    """A figure to write. ``explanation=None`` keeps the stored one.

    ``min_revision``: the written revision is at least this (a district correction keeps its
    revision in the unit's copy); ``author``: who made this change, if not the writer's author.
    A named tuple: an import makes one per row of its file (tens of thousands).
    """

    unit: str
    indicator: str
    period: str
    value: float | None
    explanation: str | None = None
    min_revision: int = 0
    author: str | None = None


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


class HeldFigure(NamedTuple):
    """What a write needs to know of a stored figure: whether it changes, and its revision."""

    value: float | None
    explanation: str
    revision: int


@dataclass(frozen=True)
class HeldFigures:
    """Some units' stored figures in some periods, read by :meth:`ValueTable.held`, with the database's
    version then: :meth:`ValueTable.write` given them trusts them only while that version is unchanged
    (nothing written since, by this connection or any other), and reads what is stored itself otherwise."""

    units: frozenset[str]
    periods: frozenset[str]
    # None: never to be trusted (read inside a transaction, whose rollback the version would not show)
    version: tuple[int, int] | None
    figures: dict[UnitPeriod, dict[str, HeldFigure]]
    # The table (one connection's) that read them: another connection's counters mean nothing here. Held, so
    # the identity cannot pass to another table while these figures exist.
    reader: object = field(default=None, compare=False, repr=False)

    def of(self, unit: str, period: str) -> dict[str, HeldFigure]:
        """The unit's stored figures in ``period`` by indicator (empty if none, or not read)."""
        return self.figures.get(UnitPeriod(unit, period), {})


class ValueTable:
    """``store.values``: the district's or the unit's figures."""

    def __init__(self, store: StoreCore, conflicts: ConflictTable):
        self.store = store
        self._conflicts = conflicts
        self._reporters_cache: dict[frozenset[str] | None, tuple[tuple[int, int], dict[str, set[str]]]] = {}
        self._rules: tuple[Catalog, bool] | None = None  # while checking many figures
        self._periods_cache: tuple[tuple[int, int], list[str]] | None = None

    @property
    def _conn(self) -> sqlite3.Connection:
        return self.store.conn

    # -- reading --------------------------------------------------------
    def select(
        self, *, unit: str | None = None, period: str | None = None, indicator: str | None = None
    ) -> list[StoredValue]:
        """Stored figures, optionally of one unit, period and/or indicator, in key order."""
        where: list[str] = []
        args: list[str] = []
        for column, value in (("unit", unit), ("period", period), ("indicator", indicator)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        sql = (
            f"SELECT {_COLUMNS} FROM value"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY unit, indicator, period"
        )
        return [StoredValue(*row) for row in self._conn.execute(sql, args)]

    def get(self, unit: str, indicator: str, period: str) -> StoredValue | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM value WHERE unit = ? AND indicator = ? AND period = ?", (unit, indicator, period)
        ).fetchone()
        return StoredValue(*row) if row else None

    def entries(self, unit: str, period: str) -> dict[str, Entry]:
        """A unit's figures for a period, as the checks take them."""
        return {v.indicator: Entry(v.value, v.explanation) for v in self.select(unit=unit, period=period)}

    def previous(self, unit: str, period: str) -> dict[str, float | None]:
        """The same unit's figures one year earlier (for year-on-year checks)."""
        before = str(parse_period(period).previous())
        return {v.indicator: v.value for v in self.select(unit=unit, period=before)}

    def periods(self) -> list[str]:
        """Every period with a stored figure; one index scan, kept until the figures change (pages ask often).

        A period outside the program's years (written by another program, or an older one with other years)
        is left out: its figures stay in the file, untouched, but no list offers it and no page opens on it
        (:meth:`unknown_periods` names them). One such row once kept the whole window from opening.
        """
        version = self._version()
        if self._periods_cache is None or self._periods_cache[0] != version:
            rows = self._conn.execute("SELECT DISTINCT period FROM value ORDER BY period").fetchall()
            self._periods_cache = (
                version,
                sorted((p for p in map(str, (r[0] for r in rows)) if self.store.takes_period(p)), key=parse_period),
            )
        return list(self._periods_cache[1])

    def unknown_periods(self) -> list[str]:
        """The stored periods this database cannot read (outside its plans' years): left out of :meth:`periods`."""
        rows = self._conn.execute("SELECT DISTINCT period FROM value ORDER BY period").fetchall()
        return [p for p in map(str, (r[0] for r in rows)) if not self.store.takes_period(p)]

    def _version(self) -> tuple[int, int]:
        """Changes with every write: this connection's (total_changes) and any other connection's (data_version)."""
        return (self._conn.total_changes, int(self._conn.execute("PRAGMA data_version").fetchone()[0]))

    def units_and_periods(self) -> list[UnitPeriod]:
        return [
            UnitPeriod(*r) for r in self._conn.execute("SELECT DISTINCT unit, period FROM value ORDER BY unit, period")
        ]

    def count(self) -> int:
        """How many figures are stored (blanks included)."""
        return int(self._conn.execute("SELECT COUNT(*) FROM value").fetchone()[0])

    def batches(self, size: int) -> Iterator[list[StoredValue]]:
        """Every stored figure in report order (period, unit, indicator as the catalog sorts them), ``size`` at a time.

        Streamed from a cursor: a long table never sits in memory whole.
        """
        cursor = self._conn.execute(
            "SELECT v.unit, v.indicator, v.period, v.value, v.explanation, v.revision, v.changed_at, v.changed_by, "
            "v.source FROM value v LEFT JOIN unit u ON u.code = v.unit LEFT JOIN indicator i ON i.code = v.indicator "
            "ORDER BY v.period, u.sort, v.unit, i.position, v.indicator"
        )
        while batch := cursor.fetchmany(size):
            yield list(map(StoredValue._make, batch))  # _make: a third cheaper than StoredValue(*r)

    def reported(self, period: str) -> dict[str, set[str]]:
        """Per unit, the indicators with a figure (not a blank) in ``period``."""
        # Grouped in SQL: a row per unit, not per figure (at province scale 1,300 rows instead of 93,600).
        rows = self._conn.execute(
            "SELECT unit, json_group_array(indicator) FROM value "
            "WHERE period = ? AND value IS NOT NULL AND typeof(indicator) = 'text' GROUP BY unit",  # JSON holds no BLOB
            (period,),
        )
        return {str(unit): set(json.loads(codes)) for unit, codes in rows}

    def states(self, unit: str, periods: Iterable[str]) -> dict[Key, FigureState]:
        """A unit's stored figures in ``periods``, by key."""
        wanted = sorted(set(periods))
        return {
            (unit, r[0], r[1]): FigureState(*r[2:])
            for r in self._conn.execute(
                f"SELECT indicator, period, value, explanation, revision, changed_at, changed_by, source FROM value "
                f"WHERE unit = ? AND period IN ({marks(wanted)})",
                (unit, *wanted),
            )
        }

    def figure_set(
        self,
        *selections: FigureSelection,
        columns: Columns | None = None,
    ) -> FigureSet:
        """Every figure; or, given ``selections``, only the figures in any of them.

        A selected set holds a fraction of a large database in memory and gives exactly the
        same aggregates for the periods and indicators it covers (and their components, if
        selected too): ``services.pivot`` says what each report needs. ``columns``: the figures
        already read by :meth:`columns` (then nothing is read, and ``selections`` are not looked at).
        """
        if columns is not None:
            return _SelectedFigures((), self.disputed_keys(), self._reporters, columns=columns)
        if not selections:
            rows = self._conn.execute("SELECT unit, indicator, period, value FROM value WHERE value IS NOT NULL")
            return FigureSet(rows, self.disputed_keys())
        return _SelectedFigures(self._selected(selections), self.disputed_keys(), self._reporters)

    def columns(self, periods: Iterable[str], *selections: FigureSelection) -> Columns:
        """Every figure of ``periods``, blanks included (as None), and the figures of ``selections`` (not their
        blanks), in one read: period → indicator → unit → figure.

        What a year's totals need: the year's figures for its 逻辑性 checks (a blank is an entry there) and,
        through :meth:`figure_set`, for its aggregation, with the earlier periods the aggregation reads.
        """
        own = FigureSelection(frozenset(periods))
        rest = [s for s in selections if s != own]
        if all(s.units is None for s in rest):
            return self._columns_by_indicator(own.periods or frozenset(), rest)
        out: Columns = {}
        for unit, indicator, period, value in self._read([own], rest)[0]:
            try:
                out[period][indicator][unit] = value
            except KeyError:
                out.setdefault(period, {}).setdefault(indicator, {})[unit] = value
        wanted = _period_texts([own, *rest])
        return {p: by_indicator for p, by_indicator in out.items() if wanted is None or p in wanted}

    def _columns_by_indicator(self, periods: frozenset[str], selections: Sequence[FigureSelection]) -> Columns:
        """:meth:`columns` through ``value_by_period`` (covering: migration 009), one indicator's column of a
        period at a time: ``unit → figure`` straight from the cursor into a dict, with no Python object per
        figure but its unit and value (a read of every figure's four columns made a tuple and three texts of
        each, and the caller sorted them into columns again: twice the time at province scale).

        For selections of every unit (what the totals read); the periods' blanks too, the other selections'
        figures only (as :meth:`columns`)."""
        out: Columns = {}
        found: list[tuple[str, str, bool]] = []
        for period in sorted(periods):
            found += [(period, i, True) for i in self._indicators_in(period)]
        seen = {(p, i) for p, i, _ in found}
        for sel in selections:  # one query each: an OR of them would be a multi-index OR (slow: see _through_index)
            if sel.periods is not None and sel.indicators is not None:
                # named pairs are looked up, not found by reading each pair's figures (an empty column is left out)
                pairs: Iterable[tuple[str, str]] = sorted((p, i) for p in sel.periods for i in sel.indicators)
            else:
                where, args = _where([sel])
                pairs = self._conn.execute(
                    f"SELECT DISTINCT period, indicator FROM value WHERE value IS NOT NULL AND {where}", args
                )
            for pair in pairs:
                if pair not in seen and pair[0] not in periods:
                    seen.add(pair)
                    found.append((pair[0], pair[1], False))
        for period, indicator, blanks in found:
            sql = "SELECT unit, value FROM value WHERE period = ? AND indicator = ?"
            column = dict(self._conn.execute(sql if blanks else sql + " AND value IS NOT NULL", (period, indicator)))
            if set(map(type, column)) <= {str}:
                # One copy of each unit's code (``sys.intern``), a column at a time: each row brought its own, and the
                # copies of a province's year held until the figure set interned them took memory that stayed taken.
                column = dict(zip(map(sys.intern, column), column.values()))
            if column:
                out.setdefault(period, {})[indicator] = column
        return out

    def _indicators_in(self, period: str) -> list[str]:
        """The indicators with a row (a blank too) in ``period``, in the index's order: each found by one step of
        ``value_by_period`` (period, indicator, …) past the one before, not by reading the period's rows
        (``SELECT DISTINCT`` read every unit's row of the year: a fifth of a province's cold totals)."""
        sql = "SELECT indicator FROM value WHERE period = ? AND indicator > ? ORDER BY indicator LIMIT 1"
        found: list[str] = []
        row = self._conn.execute(
            "SELECT indicator FROM value WHERE period = ? ORDER BY indicator LIMIT 1", (period,)
        ).fetchone()
        while row is not None:
            found.append(row[0])
            row = self._conn.execute(sql, (period, row[0])).fetchone()
        return found

    def _selected(self, selections: Sequence[FigureSelection]) -> Iterator[tuple[str, str, str, float | None]]:
        rows, scanned = self._read([], selections)
        wanted = _period_texts(selections)
        return rows if wanted is None or not scanned else (row for row in rows if row[2] in wanted)

    def _read(
        self, with_blanks: Sequence[FigureSelection], selections: Sequence[FigureSelection]
    ) -> tuple[Iterator[tuple[str, str, str, float | None]], bool]:
        """(unit, indicator, period, value) of the figures in ``with_blanks`` (blanks too) or in ``selections``,
        and whether the whole table was passed over (then periods not selected may be among them: see
        :func:`_where`).

        The ``value`` table is keyed by unit: the figures of one period lie on every page, each found through
        ``value_by_period`` and then by its key (≈4 µs a figure at province scale). A read of more than a
        small share of the table (a year's totals read a fifth of ten years) is faster as one pass over the
        whole table (≈0.15 µs a figure passed over), so that is how it is read then. Either way the same
        figures, in no particular order.
        """
        if not with_blanks and not selections:
            return iter(()), False
        scan = self._scan_pays([*with_blanks, *selections])
        scanned = _scan_where(with_blanks, selections) if scan else None
        if scanned is not None:
            where, args = scanned
            return iter(
                self._conn.execute(f"SELECT unit, indicator, period, value FROM value WHERE {where}", args)
            ), True
        if scan:
            parts: list[str] = []
            args = []
            if with_blanks:
                sql, sql_args = _where(with_blanks, prefix="+")
                parts.append(sql)
                args += sql_args
            if selections:
                sql, sql_args = _where(selections, prefix="+")
                parts.append(f"(value IS NOT NULL AND {sql})")
                args += sql_args
            where = " OR ".join(parts)
            return iter(
                self._conn.execute(f"SELECT unit, indicator, period, value FROM value WHERE {where}", args)
            ), True
        return self._through_index(with_blanks, selections), False

    def _through_index(
        self, with_blanks: Sequence[FigureSelection], selections: Sequence[FigureSelection]
    ) -> Iterator[tuple[str, str, str, float | None]]:
        """The figures of :meth:`_read` through ``value_by_period`` (period, indicator, unit, value: migration 009
        made it covering, so a period's figures are read from its own pages of the index, never from the
        table's), one query per selection: an ``OR`` of them is a multi-index OR in SQLite, which collects every
        key it found in a temporary table (ten times slower at province scale). A selection's query leaves out
        what an earlier one read, so each figure comes once."""
        done: list[str] = []
        done_args: list[str] = []
        for blanks, group in ((True, with_blanks), (False, selections)):
            for sel in group:
                sql, args = _where([sel])
                if not blanks:
                    sql = f"value IS NOT NULL AND {sql}"
                if done:
                    sql += f" AND NOT ({' OR '.join(done)})"
                yield from self._conn.execute(
                    f"SELECT unit, indicator, period, value FROM value WHERE {sql}", [*args, *done_args]
                )
                plain, plain_args = _where([sel], prefix="+")
                done.append(plain if blanks else f"(value IS NOT NULL AND {plain})")
                done_args += plain_args

    def _scan_pays(self, selections: Sequence[FigureSelection]) -> bool:
        """Whether the figures of ``selections`` are a share of the table a whole pass reads faster.

        Counted through ``value_by_period`` alone, one selection at a time (an ``OR`` of them is not).
        """
        selected = 0
        for sel in selections:
            where, args = _where([sel])
            selected += int(self._conn.execute(f"SELECT count(*) FROM value WHERE {where}", args).fetchone()[0])
        if selected < SCAN_FROM_FIGURES:
            return False
        total = int(self._conn.execute("SELECT count(*) FROM value").fetchone()[0])
        return selected * SCAN_FROM_SHARE >= total

    def _reporters(self, units: frozenset[str] | None = None) -> dict[str, set[str]]:
        """Which of ``units`` (None: every unit) hold a figure of each indicator, in any period.

        The aggregator asks only about retired units (a few, read through the key's index); the
        answer is kept until the figures change.
        """
        version = self._version()
        cached = self._reporters_cache.get(units)
        if cached is None or cached[0] != version:
            reporters: dict[str, set[str]] = {}
            if units is None:
                rows = self._conn.execute("SELECT DISTINCT indicator, unit FROM value WHERE value IS NOT NULL")
            else:
                wanted = sorted(units)
                rows = self._conn.execute(
                    f"SELECT DISTINCT indicator, unit FROM value WHERE value IS NOT NULL AND unit IN ({marks(wanted)})",
                    wanted,
                )
            for indicator, unit in rows:
                reporters.setdefault(indicator, set()).add(unit)
            cached = self._reporters_cache[units] = (version, reporters)
        return cached[1]

    def disputed_keys(self) -> set[Key]:
        """Figures with a conflict awaiting the district's decision (none before the merge schema)."""
        return self._conflicts.open_keys()

    def history(self, unit: str, indicator: str, period: str) -> list[AuditEntry]:
        rows = self._conn.execute(
            "SELECT action, old_value, new_value, old_explanation, new_explanation, revision, changed_at, changed_by, source "
            "FROM audit WHERE unit = ? AND indicator = ? AND period = ? ORDER BY id",
            (unit, indicator, period),
        )
        return [AuditEntry(*r) for r in rows]

    # -- writing: the one path ------------------------------------------
    def _check_unit(self, unit: str) -> None:
        store = self.store
        catalog, district = self._rules or (store.catalog(), store.is_district)
        if not catalog.has_unit(unit):
            raise XzError(Message("store", QT_TRANSLATE_NOOP("store", "没有填报单位“{code}”"), {"code": unit}))
        if not district and unit != store.unit_code:
            raise XzError(
                Message(
                    "store",
                    QT_TRANSLATE_NOOP("store", "本数据库属于“{own}”，不能写入“{other}”的数据"),
                    {"own": store.describe(), "other": catalog.unit(unit).name},
                )
            )

    def _check_indicator(self, code: str, *, derived: bool, catalog: Catalog) -> None:
        if catalog.has_indicator(code) or not derived:
            indicator = catalog.indicator(code)
            if not indicator.is_entered:
                raise XzError(
                    Message(
                        "store",
                        QT_TRANSLATE_NOOP("store", "“{name}”由其他指标计算得出，不能直接填报"),
                        {"name": indicator.name},
                    )
                )

    def _check_all(self, changes: Iterable[FigureRef], *, derived: bool = False) -> None:
        """May this database hold these figures? Refuses with the reason of the first it may not.

        A unit's copy holds only its own unit's figures, the district any unit's; no database
        holds a computed indicator (it is derived from others on every read); the period is one of the
        program's. An edit names an indicator of the catalog of the plan that judges its period (a 2025 figure
        the 十四五's, a 2026 one the 十五五's); a merged figure (``derived``) may also be of an indicator an
        earlier catalog had (the district took it then; un-merging must still be able to restore it). The
        catalog and role are read once, each period's plan's catalog once per period.

        The rules look at the unit, the indicator and the period each on its own, so each distinct unit,
        indicator and period is checked once per batch (a package: one unit, two periods, 150 indicators), in the
        figures' order: the first figure refused, and its reason, are those of checking figure by figure.
        """
        self._rules = (self.store.catalog(), self.store.is_district)
        try:
            units: set[str] = set()
            indicators: set[tuple[str, str]] = set()  # (plan, indicator)
            periods: dict[str, Catalog] = {}  # each period's plan's catalog
            for change in changes:
                unit, indicator, period = change.unit, change.indicator, change.period
                if unit not in units:
                    self._check_unit(unit)
                    units.add(unit)
                catalog = periods.get(period)
                if catalog is None:
                    self.store.check_year(period)
                    catalog = periods[period] = self.store.catalog_for(period)
                if (catalog.plan.code, indicator) not in indicators:
                    self._check_indicator(indicator, derived=derived, catalog=catalog)
                    indicators.add((catalog.plan.code, indicator))
        finally:
            self._rules = None

    def _save(
        self,
        rows: Sequence[StoredValue],
        *,
        new: Sequence[StoredValue] = (),
        deletes: Sequence[Key] = (),
        enclosed: bool = False,
    ) -> None:
        """The only SQL that changes ``value``: upsert ``rows``, insert ``new`` (known absent), delete ``deletes``.

        Callers have checked every key; the audit rows follow by trigger, in the same transaction.
        ``enclosed``: the caller's own transaction (or savepoint) ends with this call and is undone by any
        error from it (:meth:`write`'s), so no savepoint of its own is opened: SQLite copies every page a
        savepoint's writes touch into its sub-journal (a sixth of a 20,000-figure import's time).
        """
        try:
            with contextlib.nullcontext() if enclosed and self._conn.in_transaction else self.store.transaction():
                if deletes:
                    self._conn.executemany("DELETE FROM value WHERE unit = ? AND indicator = ? AND period = ?", deletes)
                if new:  # a StoredValue is a tuple in the columns' order
                    insert_rows(self._conn, "value", _COLUMNS, new)
                if rows:
                    insert_rows(self._conn, "value", _COLUMNS, rows, _UPSERT)
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, self.store.path) from exc

    def write(
        self,
        changes: Iterable[ValueChange],
        author: str | None = None,
        source: str = "local",
        *,
        held: HeldFigures | None = None,
    ) -> list[StoredValue]:
        """Write figures atomically; unchanged ones are left alone. Returns what was written.

        Each written figure gets the next revision (at least its ``min_revision``). ``held``: what is
        stored for the changes' units and periods, as the caller has read it (:meth:`held`); used only
        if it covers every change and nothing has been written since it was read, else read again.
        """
        changes = list(changes)
        self._check_all(changes)
        author = author or self.store.author
        _check_lengths(changes, author)
        _check_ceilings(self.store.catalog(), changes)
        stamp = now_iso()
        latest: dict[Key, StoredValue] = {}
        rows: list[StoredValue] = []
        try:
            with self.store.transaction():
                # What is stored now, read for all the changes at once (inside the transaction), not once per figure;
                # or what the caller read, if nothing has changed since (the version is taken inside the transaction).
                figures = held.figures if held is not None and self._holds(held, changes) else None
                stored = self._stored(changes) if figures is None else {}
                at: tuple[str, str] | None = None  # the unit and period of the last change (a file goes form by form)
                group: dict[str, HeldFigure] = {}
                for change in changes:
                    key = (change.unit, change.indicator, change.period)
                    old: StoredValue | HeldFigure | None = latest.get(key) or stored.get(key)
                    if old is None and figures is not None:
                        if at != (change.unit, change.period):
                            at = (change.unit, change.period)
                            group = figures.get(UnitPeriod(*at), {})
                        old = group.get(change.indicator)
                    explanation = (
                        (old.explanation if old else "") if change.explanation is None else change.explanation.strip()
                    )
                    value = None if change.value is None else float(change.value)
                    if old is not None and old.value == value and old.explanation == explanation:
                        continue
                    if old is None and value is None and not explanation:
                        continue
                    revision = max((old.revision + 1) if old else 1, change.min_revision)
                    row = StoredValue(*key, value, explanation, revision, stamp, change.author or author, source)
                    rows.append(row)
                    latest[key] = row
                self._save(rows, enclosed=True)  # the last statement of this transaction: an error undoes it all
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, self.store.path) from exc
        return rows

    def _stored(self, changes: Sequence[FigureRef]) -> dict[Key, StoredValue]:
        """The stored figures of ``changes``' keys, in one query over their periods and units (a whole file's)."""
        keys = {(c.unit, c.indicator, c.period) for c in changes}
        out: dict[Key, StoredValue] = {}
        for row in self._units_rows(_COLUMNS, {k[0] for k in keys}, {k[2] for k in keys}):
            key = (row[0], row[1], row[2])
            if key in keys:
                out[key] = StoredValue(*row)
        return out

    def held(self, units: Iterable[str], periods: Iterable[str]) -> HeldFigures:
        """``units``' stored figures in ``periods``, by unit and period, with the version they were read at.

        For a caller that checks many figures before writing them (an import): the checks take them, and
        :meth:`write` given them does not read them again.
        """
        chosen, wanted = frozenset(units), frozenset(periods)
        # A rollback lowers neither counter of the version: what is read inside a transaction may be undone
        # unseen, so it is never trusted (write reads what is stored itself then).
        version = None if self._conn.in_transaction else self._version()
        figures: dict[UnitPeriod, dict[str, HeldFigure]] = {}
        columns = "unit, indicator, period, value, explanation, revision"
        for unit, indicator, period, value, explanation, revision in self._units_rows(columns, chosen, wanted):
            key = UnitPeriod(unit, period)
            entries = figures.get(key)
            if entries is None:
                entries = figures[key] = {}
            entries[indicator] = HeldFigure(value, explanation, revision)
        return HeldFigures(chosen, wanted, version, figures, self)

    def _holds(self, held: HeldFigures, changes: Sequence[FigureRef]) -> bool:
        """Whether ``held`` is still what is stored (read by this connection outside a transaction, nothing
        written since) and covers every change's key."""
        if held.version is None or held.reader is not self or held.version != self._version():
            return False
        units, periods = held.units, held.periods
        return all(c.unit in units and c.period in periods for c in changes)

    def _units_rows(self, columns: str, units: Collection[str], periods: Collection[str]) -> Iterator[tuple[Any, ...]]:
        """``columns`` of the stored figures of ``units`` in ``periods``, in key order.

        Read along the key (unit first: a unit's figures lie together), not through ``value_by_period``
        (one period's figures of every unit, each looked up in the table: four times slower for a few
        hundred units, and never much faster, as the whole table read along the key costs about what that
        index costs for one year of every unit).
        """
        chosen, wanted = sorted(units), sorted(periods)
        if not chosen or not wanted:
            return
        for start in range(0, len(chosen), 900):  # within SQLite's limit of bound values
            chunk = chosen[start : start + 900]
            yield from self._conn.execute(
                f"SELECT {columns} FROM value WHERE unit IN ({marks(chunk)}) AND +period IN ({marks(wanted)}) "
                "ORDER BY unit, indicator, period",
                (*chunk, *wanted),
            )

    def write_one(
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

    def write_merged(
        self,
        upserts: Sequence[StoredValue],
        *,
        inserts: Sequence[StoredValue] = (),
        deletes: Sequence[Key] = (),
    ) -> None:
        """The district figures the merge rule gives, as they are (revision and provenance of the winner).

        Only inside :meth:`Store.merge_guard`: these figures are derived, not the district's own edits.
        """
        if not self.store.merge_guarded:
            raise RuntimeError("merged figures are written only inside store.merge_guard()")
        self._check_all([*upserts, *inserts, *(_KeyRef(*k) for k in deletes)], derived=True)
        _check_ceilings(self.store.catalog(), [*upserts, *inserts])
        self._save(upserts, new=inserts, deletes=deletes)


class _Figure(Protocol):
    @property
    def indicator(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def value(self) -> float | None: ...


def _check_ceilings(catalog: Catalog, figures: Sequence[_Figure]) -> None:
    """A figure beyond the hard ceiling (a typo of a dozen zeros, a forged 1e308) is no figure: refused on every
    way in, the unit's own form included, where a 逻辑性 error is otherwise kept to be corrected. Stored, it
    would stretch every table that shows it and make a total infinite."""
    for figure in figures:
        value = figure.value
        if value is None:
            continue
        if not catalog.has_indicator(figure.indicator):
            # an indicator an earlier catalog had (a merged figure restored by un-merging): the general bound
            if not math.isfinite(float(value)) or abs(float(value)) > MAX_MAGNITUDE:
                raise XzError(
                    Message(
                        "store",
                        QT_TRANSLATE_NOOP("store", "{name}（{period}）填了 {value}，超出可能的范围，未写入"),
                        {"name": figure.indicator, "period": figure.period, "value": repr(value)},
                    )
                )
            continue
        ind = catalog.indicator(figure.indicator)
        if beyond_ceiling(ind, float(value)):
            raise XzError(
                Message(
                    "store",
                    QT_TRANSLATE_NOOP(
                        "store", "{name}（{period}）填了 {value}，超出可能的范围（绝对值不超过 {bound}），未写入"
                    ),
                    {
                        "name": ind.name,
                        "period": figure.period,
                        "value": repr(value),
                        "bound": format_number(ceiling(ind)),
                    },
                )
            )


def _check_lengths(changes: Sequence[ValueChange], author: str) -> None:
    """One limit per kind of text, for every write: a 说明 or a name over it is refused, never cut."""
    names = [author, *(c.author for c in changes if c.author)]
    if any(len(n) > MAX_AUTHOR for n in names):
        raise XzError(
            Message("store", QT_TRANSLATE_NOOP("store", "填报人姓名超过 {limit} 个字，未写入"), {"limit": MAX_AUTHOR})
        )
    for c in changes:
        if c.explanation is not None and len(c.explanation) > MAX_EXPLANATION:
            raise XzError(
                Message(
                    "store",
                    QT_TRANSLATE_NOOP("store", "{indicator} {period} 的说明有 {length} 字，超过 {limit} 字，未写入"),
                    {
                        "indicator": c.indicator,
                        "period": c.period,
                        "length": len(c.explanation),
                        "limit": MAX_EXPLANATION,
                    },
                )
            )


# A read selecting at least this many figures, and at least 1/SCAN_FROM_SHARE of the table, passes over the
# whole table instead of finding each figure through the index. Since the index holds the value (migration 009) a
# figure found through it costs SQLite about what a figure passed over costs (measured at 1,300 units: a year's
# 93,600 figures counted through the index in 6 ms), so only a read of most of the table passes over all of it.
SCAN_FROM_FIGURES = 20_000
SCAN_FROM_SHARE = 2


def _where(selections: Sequence[FigureSelection], *, prefix: str = "") -> tuple[str, list[str]]:
    """The SQL condition of a figure in any of ``selections``, and its arguments (``prefix`` "+": without
    the indexes, a column written ``+period`` is not looked up in one)."""
    where: list[str] = []
    args: list[str] = []
    for sel in selections:
        parts = []
        for column, chosen in (("period", sel.periods), ("indicator", sel.indicators), ("unit", sel.units)):
            if chosen is not None:
                wanted = sorted(chosen)
                parts.append(f"{prefix}{column} IN ({marks(wanted)})" if wanted else "0")
                args.extend(wanted)
        where.append("(" + " AND ".join(parts or ["1"]) + ")")
    return "(" + " OR ".join(where or ["0"]) + ")", args


# One way a figure of a period is selected: blanks too?, which indicators and units (None: any).
_Way = tuple[bool, frozenset[str] | None, frozenset[str] | None]


def _scan_where(
    with_blanks: Sequence[FigureSelection], selections: Sequence[FigureSelection]
) -> tuple[str, list[str]] | None:
    """The condition of :meth:`ValueTable._read` for a pass over the whole table, tested cheaply on each row.

    Each period text is tested once, as a range where it can be: ``CASE WHEN period in these THEN what they
    select there …``, the periods grouped by what is selected in them, a group's whole years as ranges of
    text (``'2021' <= period <= '2023H2'``: the periods the table's CHECK admits there are those years' and
    their halves), the rest by name. The caller keeps only the periods selected (:func:`_period_texts`).
    None when a selection reads every period.
    """
    ways: dict[str, set[_Way]] = {}
    for blanks, group in ((True, with_blanks), (False, selections)):
        for sel in group:
            if sel.periods is None:
                return None
            for period in sel.periods:
                ways.setdefault(period, set()).add((blanks, sel.indicators, sel.units))
    by_condition: dict[frozenset[_Way], set[str]] = {}
    for period, found in ways.items():
        by_condition.setdefault(_merged(found), set()).add(period)
    cases: list[str] = []
    args: list[str] = []
    for condition, periods in sorted(by_condition.items(), key=lambda kv: min(kv[1])):
        when, when_args = _period_condition(frozenset(periods))
        args += when_args
        then: list[str] = []
        for blanks, indicators, units in sorted(condition, key=repr):
            parts = [] if blanks else ["value IS NOT NULL"]
            for column, chosen in (("indicator", indicators), ("unit", units)):
                if chosen is not None:
                    wanted = sorted(chosen)
                    parts.append(f"+{column} IN ({marks(wanted)})" if wanted else "0")
                    args += wanted
            then.append("(" + " AND ".join(parts or ["1"]) + ")")
        cases.append(f"WHEN {when} THEN {' OR '.join(then)}")
    return "CASE " + " ".join(cases) + " ELSE 0 END", args


def _merged(ways: set[_Way]) -> frozenset[_Way]:
    """The same selection of a period's figures in fewer ways: the indicators of ways alike otherwise
    joined, and nothing besides a way that selects everything."""
    if (True, None, None) in ways:
        return frozenset({(True, None, None)})
    joined: dict[tuple[bool, frozenset[str] | None], frozenset[str] | None] = {}
    for blanks, indicators, units in ways:
        key = (blanks, units)
        if key in joined:
            held = joined[key]
            joined[key] = None if held is None or indicators is None else held | indicators
        else:
            joined[key] = indicators
    return frozenset((blanks, indicators, units) for (blanks, units), indicators in joined.items())


def _period_texts(selections: Sequence[FigureSelection]) -> frozenset[str] | None:
    """Every period text ``selections`` name (None: some selection reads every period)."""
    if any(s.periods is None for s in selections):
        return None
    return frozenset().union(*(s.periods or () for s in selections))


def _period_condition(periods: frozenset[str]) -> tuple[str, list[str]]:
    """``+period`` in ``periods`` or in their whole years' text ranges (runs of whole years as one range)."""
    whole = sorted({int(p[:4]) for p in periods if p[:4].isdigit() and {p[:4], f"{p[:4]}H1", f"{p[:4]}H2"} <= periods})
    runs: list[list[int]] = []
    for year in whole:
        if runs and runs[-1][1] == year - 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    covered = {f"{y}{h}" for first, last in runs for y in range(first, last + 1) for h in ("", "H1", "H2")}
    rest = sorted(periods - covered)
    parts = ["+period BETWEEN ? AND ?"] * len(runs) + ([f"+period IN ({marks(rest)})"] if rest else [])
    args = [a for first, last in runs for a in (f"{first:04d}", f"{last:04d}H2")] + rest
    return "(" + " OR ".join(parts or ["0"]) + ")", args
