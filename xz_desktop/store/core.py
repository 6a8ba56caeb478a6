"""The core of an open database: connection, transactions, meta (identity and role), the catalog."""

from __future__ import annotations

import contextlib
import datetime
import getpass
import json
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self

from ..domain.catalog import Catalog
from ..domain.catalog_rows import catalog_from_rows, indicator_rows, overlap_to_row, rule_to_row, unit_to_row
from ..domain.levels import Level, level_from_meta, load_level
from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..domain.periods import Period, parse_period
from ..domain.plans import Plan, combined_version, entry_years, plan_for_year, plan_in_force
from ..domain.recent import Recent
from ..paths import catalog_dir
from . import migrations

ROLE_UNIT = "unit"
ROLE_DISTRICT = "district"
OVERLAPS_KEY = "catalog_overlaps"  # meta key: the catalog's overlaps (units inside others) as JSON rows
REVISION_KEY = "catalog_revision"  # meta key: how many times the aggregating database changed its catalog


def default_author() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some Windows services; an author is still needed
        return "unknown"


# Login names that name an account, not a person: never shown to a unit as who returned its figures.
SYSTEM_LOGINS = frozenset({"root", "administrator", "admin", "system", "unknown", "user", "guest", "owner"})


def personal_login() -> str | None:
    """The login name when it looks like a person's, else None (root, Administrator …)."""
    name = default_author().strip()
    return None if not name or name.casefold() in SYSTEM_LOGINS else name


@contextlib.contextmanager
def _atomic(conn: sqlite3.Connection) -> Iterator[None]:
    """One transaction that takes the write lock at once (``BEGIN IMMEDIATE``), or a savepoint inside another.

    A deferred ``BEGIN`` that reads and then writes cannot wait for another writer: SQLite refuses the
    upgrade at once (SQLITE_BUSY) instead of using the busy timeout. Taking the lock first makes the
    timeout real: a second writer waits up to :data:`BUSY_TIMEOUT_MS`, then gets a clear message.
    Nested, a savepoint as sqlite-utils' ``atomic`` makes one (an error inside rolls back to it).
    """
    if conn.in_transaction:
        savepoint = f"xz_{secrets.token_hex(8)}"
        conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield
        except BaseException:
            # A RAISE(ROLLBACK) trigger can end the whole transaction, savepoints included.
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        else:
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


# Catalogs as parsed from their stored rows, by those rows (every column) and the meta they are read with: a
# catalog is the same object for the same rows, parsed and validated once per process however many databases
# hold it (the demo opens 24 copies of one catalog, each several times: parsing was a quarter of its time).
# A Catalog is never changed once made (a change is a new catalog, written and read again).
_PARSED: Recent[tuple[Any, ...], Catalog] = Recent()


class StoreCore:
    """The connection of one open database, its transactions, its meta and its catalog.

    :class:`~.database.Store` adds the managers of the tables; they are given this core, so
    none of them imports the module that builds them.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None):
        self.conn = conn
        self.path = path
        conn.execute("PRAGMA recursive_triggers = ON")  # what sqlite-utils sets on a connection it is given
        self._catalogs: dict[str, Catalog] = {}  # by plan code, read when first asked for
        self._judging: dict[str | int | Period, Catalog] = {}  # catalog_for's answers: a merge asks per figure
        self._plans: list[Plan] | None = None
        self._entry: tuple[int, int] | None = None
        self._guarded = False
        self._seen_version = self.data_version()
        self._derived = 0  # rows this connection wrote that are derived, not data (kept totals): see version()

    # -- transactions ---------------------------------------------------
    def transaction(self) -> contextlib.AbstractContextManager[Any]:
        """One transaction (a savepoint inside another): everything in the block lands, or nothing."""
        return _atomic(self.conn)

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    @contextlib.contextmanager
    def merge_guard(self) -> Iterator[None]:
        """Inside a transaction: the figures written are derived by the merge, not the district's own edits.

        While it is held the capture triggers of migration 002 stand aside, and only then may
        ``values.write_merged`` write.
        """
        self.conn.execute("INSERT INTO merge_guard (active) VALUES (1)")
        self._guarded = True
        try:
            yield
        finally:
            self._guarded = False
            self.conn.execute("DELETE FROM merge_guard")

    @property
    def merge_guarded(self) -> bool:
        return self._guarded

    def begin(self) -> None:
        """Open an outer transaction, taking the write lock at once (for work committed in steps: a merge's
        packages, each inside it in its own savepoint, committed every few packages)."""
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        """Commit the outer transaction opened by :meth:`begin`."""
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        """Roll back the outer transaction, if one is (still) open."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def rolled_back(self) -> Iterator[None]:
        """Everything in the block is undone at its end (a preview is the real work, then rolled back)."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """Many transactions in a row, each still atomic, with fewer syncs and checkpoints.

        In WAL mode synchronous=NORMAL keeps every commit atomic and the database consistent;
        only a power cut could lose the last few commits. Checkpointing the WAL less often
        (every 64 MB instead of 4 MB) writes each page once for many transactions instead of
        once each. Outside a transaction only: inside one, the pragmas are left alone.
        """
        previous = int(self.conn.execute("PRAGMA synchronous").fetchone()[0])
        checkpoint = int(self.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        if not self.conn.in_transaction:
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA wal_autocheckpoint = 16384")
        try:
            yield
        finally:
            if not self.conn.in_transaction:
                self.conn.execute(f"PRAGMA synchronous = {previous}")
                self.conn.execute(f"PRAGMA wal_autocheckpoint = {checkpoint}")
                # Only a tidying: every transaction above is committed (in the WAL) whether it runs or not.
                # On a full disk it fails as copying the WAL into the file grows the file; raised, that
                # error told the user "nothing changed" of work that had landed (issue 24). SQLite
                # checkpoints again later, and on close.
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    # -- identity -------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def _meta_text(self, key: str, default: str) -> str:
        value = self.meta(key)
        return default if value is None else value

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def role(self) -> str:
        return self._meta_text("role", ROLE_DISTRICT)

    @property
    def is_district(self) -> bool:
        return self.role == ROLE_DISTRICT

    @property
    def unit_code(self) -> str | None:
        return self.meta("unit") or None

    @property
    def database_id(self) -> str:
        return self._meta_text("database_id", "")

    @property
    def author(self) -> str:
        # A database made without a name: a personal login name, else the office itself — never "root".
        return self.meta("author") or personal_login() or self.describe()

    @property
    def is_demo(self) -> bool:
        return self.meta("demo") == "1"

    def schema_version(self) -> int:
        return migrations.applied_version(self.conn)

    def level(self) -> Level | None:
        """Who this aggregating database is at the level above (None in a unit's copy).

        Recorded when the database was created from its catalog folder's level.csv; a district
        database made before levels existed was made from the shipped catalog: 秀洲区.
        """
        if not self.is_district:
            return None
        keys = ("level_code", "level_name", "level_above", "level_above_name")
        return level_from_meta({k: self.meta(k) for k in keys}) or load_level(catalog_dir())

    def describe(self) -> str:
        """“秀洲区（汇总）” or the unit's name: what the title bar shows."""
        if self.is_district:
            level = self.level()
            if level is not None and level.code != "330411":
                return f"{level.name}（汇总）"
            return "秀洲区（区级汇总）"
        code = self.unit_code
        return self.catalog().unit(code).name if code and self.catalog().has_unit(code) else str(code)

    # -- plans and their catalogs ----------------------------------------
    def plans(self) -> list[Plan]:
        """The plans the database holds, in order of their base years (at least one)."""
        if self._plans is None:
            self._plans = [
                Plan(str(code), str(name), int(base), int(target))
                for code, name, base, target in self.conn.execute(
                    "SELECT code, name, base_year, target_year FROM plan ORDER BY base_year, code"
                )
            ]
        return self._plans

    def plan(self, code: str | None = None) -> Plan:
        """The plan ``code``, or (None) the plan in force: the one containing the current reporting year (this
        calendar year), else the newest."""
        plans = self.plans()
        if not plans:
            raise XzError(Message("store", QT_TRANSLATE_NOOP("store", "数据库中没有规划，无法读取指标目录")))
        if code is None:
            return plan_in_force(plans, datetime.date.today().year)
        for plan in plans:
            if plan.code == code:
                return plan
        raise XzError(
            Message(
                "store",
                QT_TRANSLATE_NOOP("store", "数据库中没有规划“{code}”（有：{known}）"),
                {"code": code, "known": "、".join(p.code for p in plans)},
            )
        )

    def catalog(self, plan: str | None = None) -> Catalog:
        """The catalog of the plan ``plan`` (a code), or (None) of the plan in force (:meth:`plan`)."""
        chosen = self.plan(plan)
        cached = self._catalogs.get(chosen.code)
        if cached is None:
            cached = self._catalogs[chosen.code] = self._read_catalog(chosen)
        return cached

    def catalog_for(self, period: str | int | Period) -> Catalog:
        """The catalog of the plan that judges ``period``: the plan whose years contain its year; a year before
        every plan: the first plan's (history); after every plan's target year: the newest plan's, for entry only
        (nothing judges it: :func:`~..domain.plans.judges`)."""
        found = self._judging.get(period)
        if found is None:
            year = period.year if isinstance(period, Period) else parse_period(period).year
            found = self._judging[period] = self.catalog(plan_for_year(self.plans(), year).code)
        return found

    def entry_years(self) -> tuple[int, int]:
        """The years this database takes figures for (:func:`~..domain.plans.entry_years` of its plans)."""
        if self._entry is None:
            years = [int(r[0]) for r in self.conn.execute("SELECT DISTINCT year FROM indicator_history")]
            self._entry = entry_years(self.plans(), years)
        return self._entry

    def check_year(self, period: str | Period) -> Period:
        """``period`` parsed, if this database takes figures for its year; refused naming the years it takes."""
        parsed = period if isinstance(period, Period) else parse_period(period)
        first, last = self.entry_years()
        if not first <= parsed.year <= last:
            raise XzError(
                Message(
                    "store",
                    QT_TRANSLATE_NOOP("store", "报告期“{period}”不在本库的规划年份 {first}–{last} 之内"),
                    {"period": str(period), "first": first, "last": last},
                )
            )
        return parsed

    def takes_period(self, text: str) -> bool:
        """Whether ``text`` is a period of a year this database takes figures for (:meth:`check_year`)."""
        try:
            self.check_year(text)
        except XzError:
            return False
        return True

    def _read_catalog(self, plan: Plan) -> Catalog:
        def rows(sql: str, *args: object) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
            cur = self.conn.execute(sql, args)
            return tuple(d[0] for d in cur.description), cur.fetchall()

        tables = (
            rows("SELECT indicator, year, value FROM indicator_history WHERE plan = ? ORDER BY year", plan.code),
            rows("SELECT * FROM indicator WHERE plan = ? ORDER BY position, code", plan.code),
            rows("SELECT * FROM unit ORDER BY sort, code"),
            rows("SELECT * FROM rule WHERE plan = ? ORDER BY code", plan.code),
        )
        version, overlaps = self._meta_text("catalog_version", ""), self._meta_text(OVERLAPS_KEY, "")
        # The same stored rows parse to the same catalog: parsed once per process (the demo opens a database
        # per unit, the window's workers a connection each).
        key = (plan, tuple((names, tuple(found)) for names, found in tables), version, overlaps)
        return _PARSED.get_or_make(key, lambda: self._parse_catalog(plan, tables, version, overlaps))

    def _parse_catalog(
        self,
        plan: Plan,
        tables: tuple[tuple[tuple[str, ...], list[tuple[Any, ...]]], ...],
        version: str,
        overlap_text: str,
    ) -> Catalog:
        history_rows, indicator_rows, unit_rows, rule_rows = (
            [dict(zip(names, r, strict=True)) for r in found] for names, found in tables
        )
        history: dict[str, dict[str, object]] = {}
        for h in history_rows:
            history.setdefault(str(h["indicator"]), {})[f"base_{int(h['year'])}"] = h["value"]
        indicators = []
        for row in indicator_rows:
            row.pop("plan", None)
            row[f"base_{plan.base_year}"] = row.pop("base")
            row[f"target_{plan.target_year}"] = row.pop("target")
            row.update(history.get(str(row["code"]), {}))
            indicators.append(row)
        codes = {str(r["code"]) for r in indicators}
        overlaps = [o for o in read_overlaps(overlap_text) if o.get("indicator") in codes]
        return catalog_from_rows(
            indicators,
            unit_rows,
            [{k: v for k, v in r.items() if k != "plan"} for r in rule_rows],
            version=version,
            where=str(self.path or "database"),
            overlaps=overlaps,
            stored=True,
            plan=plan,
        )

    def forget_catalog(self) -> None:
        """Read the plans and catalogs again when next asked: another connection may have changed them."""
        self._catalogs = {}
        self._judging = {}
        self._plans = None
        self._entry = None

    def replace_catalog(self, catalog: Catalog) -> None:
        """Put ``catalog`` in force for its plan (the plan added if the database has none of that code),
        atomically; the database's catalog version becomes ``catalog.version``. Units are shared by every plan:
        they are retired, never deleted (figures refer to them). Incoming rows were read strictly where they came
        in (a file, a folder, an edit); this last guard holds the rows to what any stored catalog must be, so an
        edit of an earlier version's database goes through."""
        catalog.validate(stored=True)
        with self.transaction():
            self._delete_plan_rows(catalog.plan.code)
            self.conn.execute("UPDATE unit SET active = 0")
            write_catalog(self.conn, catalog)
            self._set_version(catalog.version)
        self.forget_catalog()

    def add_plan(self, catalog: Catalog) -> str:
        """Put a new plan's catalog in force for its years, atomically; returns the database's new catalog
        version (of every plan it holds). Refused when the database holds a plan of that code or whose years
        overlap. The catalog's units are written (added or updated); units it does not list stay as they are."""
        catalog.validate()
        new = catalog.plan
        for plan in self.plans():
            if plan.code == new.code:
                raise XzError(
                    Message("store", QT_TRANSLATE_NOOP("store", "数据库中已有规划“{code}”"), {"code": new.code})
                )
            if plan.first_year <= new.target_year and new.first_year <= plan.target_year:
                raise XzError(
                    Message(
                        "store",
                        QT_TRANSLATE_NOOP(
                            "store",
                            "规划“{code}”（{first}–{last}年）与已有的规划“{other}”（{first2}–{last2}年）年份重叠",
                        ),
                        {
                            "code": new.code,
                            "first": new.first_year,
                            "last": new.target_year,
                            "other": plan.code,
                            "first2": plan.first_year,
                            "last2": plan.target_year,
                        },
                    )
                )
        versions = [self._meta_text("catalog_version", ""), catalog.fingerprint()]
        version = combined_version([v for v in versions if v])
        with self.transaction():
            write_catalog(self.conn, catalog)
            self._set_version(version)
        self.forget_catalog()
        return version

    def _delete_plan_rows(self, code: str) -> None:
        for table in ("indicator", "rule"):
            self.conn.execute(f"DELETE FROM {table} WHERE plan = ?", (code,))
        self.conn.execute("DELETE FROM indicator_history WHERE plan = ?", (code,))

    def _set_version(self, version: str) -> None:
        # A plain UPDATE, not an upsert: an upsert's conflict clause overrides the INSERT OR IGNORE of
        # migration 002's catalog_version triggers, and the same version put in force again failed.
        updated = self.conn.execute("UPDATE meta SET value = ? WHERE key = 'catalog_version'", (version,)).rowcount
        if not updated:
            self.conn.execute("INSERT INTO meta (key, value) VALUES ('catalog_version', ?)", (version,))

    def catalog_revision(self) -> int:
        """How many times the catalog in force was changed by the aggregating database (0: as created)."""
        text = self.meta(REVISION_KEY) or "0"
        return int(text) if text.isdigit() else 0

    # -- changes made by other connections -----------------------------------
    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: it moves when another connection (another process, a second
        window, a worker) commits to the file, never for this connection's own writes."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def version(self) -> tuple[int, int]:
        """Changes whenever anyone writes the database: this connection (its count of changed rows) or another
        connection (``data_version``). What is computed from the database can be kept under it. Rows written as
        derived data (:meth:`derived_changes`: kept totals) are not changes of the data and do not move it."""
        return (self.conn.total_changes - self._derived, self.data_version())

    def derived_changes(self, rows: int) -> None:
        """Say that this connection's last ``rows`` changed rows were derived data (kept totals), not data."""
        self._derived += rows

    def changed_elsewhere(self) -> bool:
        """Whether another connection has committed since the last call (or since opening); if so, what this
        connection keeps in memory (the catalog) is read again when next asked for."""
        version = self.data_version()
        if version == self._seen_version:
            return False
        self._seen_version = version
        self.forget_catalog()
        return True

    # -- housekeeping ---------------------------------------------------
    def integrity_problems(self) -> list[str]:
        rows = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        rows += [f"外键错误：{r}" for r in self.conn.execute("PRAGMA foreign_key_check").fetchall()]
        return [] if rows == ["ok"] else [r for r in rows if r != "ok"]

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_catalog(conn: sqlite3.Connection, catalog: Catalog) -> None:
    """Write ``catalog``'s plan, its indicators (their history) and rules, the units (shared by every plan) and
    the overlaps (shared: those of the plan's indicators replaced)."""
    plan = catalog.plan
    conn.execute(
        "INSERT INTO plan (code, name, base_year, target_year) VALUES (?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
        "name = excluded.name, base_year = excluded.base_year, target_year = excluded.target_year",
        (plan.code, plan.name, plan.base_year, plan.target_year),
    )
    rows: list[dict[str, Any]] = []
    history: list[tuple[str, str, int, float | None]] = []
    for position, (ind, row) in enumerate(zip(catalog.indicators, indicator_rows(catalog), strict=True)):
        for h in ind.history:
            row.pop(f"base_{h.year}", None)
            history.append((plan.code, ind.code, h.year, h.value))
        row["base"] = row.pop(f"base_{plan.base_year}")
        row["target"] = row.pop(f"target_{plan.target_year}")
        row["plan"] = plan.code
        row["position"] = position
        rows.append(row)
    insert_rows(conn, "indicator", rows)
    conn.executemany(
        "INSERT OR REPLACE INTO indicator_history (plan, indicator, year, value) VALUES (?, ?, ?, ?)", history
    )
    insert_rows(conn, "unit", [unit_to_row(u) for u in catalog.units], upsert_key="code")
    insert_rows(conn, "rule", [{"plan": plan.code, **rule_to_row(r)} for r in catalog.rules])
    # Overlaps (a unit's figures already inside others') live in meta: a short list, shared by the plans.
    stored = read_overlaps(_meta_value(conn, OVERLAPS_KEY))
    codes = {i.code for i in catalog.indicators}
    kept = [o for o in stored if o.get("indicator") not in codes]
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (OVERLAPS_KEY, json.dumps(kept + [overlap_to_row(o) for o in catalog.overlaps], ensure_ascii=False)),
    )


def insert_rows(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]], upsert_key: str = "") -> None:
    """Write dict ``rows`` to ``table`` with one ``executemany``: ``INSERT OR REPLACE``, or with ``upsert_key`` an
    upsert that updates the columns given (a row's missing columns are NULL). The statements sqlite-utils'
    ``insert_all(replace=True)`` and ``upsert_all(pk=...)`` make, without their per-chunk Python work (a third of
    the time of writing a catalog, which every new database does)."""
    if not rows:
        return
    columns = list(dict.fromkeys(k for r in rows for k in r))
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    if upsert_key:
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != upsert_key)
        sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks}) ON CONFLICT("{upsert_key}") DO UPDATE SET {updates}'
    else:
        sql = f'INSERT OR REPLACE INTO "{table}" ({names}) VALUES ({marks})'
    conn.executemany(sql, [tuple(r.get(c) for c in columns) for r in rows])


def _meta_value(conn: sqlite3.Connection, key: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else ""


def read_overlaps(text: str) -> list[dict[str, Any]]:
    """The overlap rows stored in meta (none in a database made before they existed)."""
    if not text:
        return []
    try:
        rows = json.loads(text)
    except ValueError:
        rows = None
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise XzError(Message("store", QT_TRANSLATE_NOOP("store", "数据库中的单位重叠设置已损坏，无法读取指标目录")))
    return rows
