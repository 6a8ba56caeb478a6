"""Totals kept in the database as computed (migration 008), read while nothing they are made of has changed.

Computing a period's totals reads every unit's figures: seconds at province scale. The window keeps what it has
computed (it is a writer of the database) and the database's triggers delete what is kept with any change of the
figures, the conflicts or the catalog; whoever asks next (the window, ``xz totals``, the annual report) reads them
instead of computing. Kept rows are keyed by the code that computed them (:func:`code_digest`): a program whose
computation differs in any way computes afresh. A kept text is read as hostile: it is read only under its seal
(an HMAC under this installation's secret, :func:`secret`, of the row and of what the totals are made of,
``store.stored_totals``) with the triggers that delete it in place; anything that is not exactly what this program
writes for the catalog in force is not read either, and the totals are computed (docs/totals.md).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import logging
import marshal
import os
import secrets
from pathlib import Path

from .. import __version__
from ..domain.catalog import Catalog
from ..domain.periods import Period
from ..domain.totals import TotalRow, display_order
from ..paths import secret_dir
from ..store import Store
from ..store.stored_totals import TotalsKey

log = logging.getLogger(__name__)

# Raise it when what is kept changes form (the rows' or the table's encoding, the seal).
KEPT_FORMAT = 2
SECRET_FILE = "kept_totals.key"
SECRET_BYTES = 32

# The modules whose code decides a kept row or table — the whole domain, and what reads, computes and keeps the
# totals: any change of any of them (an update of the program, a corrected rule) gives another key, so nothing
# computed by other code is read. tests/test_kept_totals.py keeps every domain module listed.
COMPUTED_BY = (
    "xz_desktop.domain.aggregation",
    "xz_desktop.domain.assessment",
    "xz_desktop.domain.catalog",
    "xz_desktop.domain.catalog_edits",
    "xz_desktop.domain.catalog_rows",
    "xz_desktop.domain.checks",
    "xz_desktop.domain.evaluation",
    "xz_desktop.domain.fields",
    "xz_desktop.domain.incoming",
    "xz_desktop.domain.levels",
    "xz_desktop.domain.limits",
    "xz_desktop.domain.merge_rule",
    "xz_desktop.domain.messages",
    "xz_desktop.domain.numbers",
    "xz_desktop.domain.periods",
    "xz_desktop.domain.plans",
    "xz_desktop.domain.progress",
    "xz_desktop.domain.raw_csv",
    "xz_desktop.domain.recent",
    "xz_desktop.domain.round",
    "xz_desktop.domain.talent_index",
    "xz_desktop.domain.targets",
    "xz_desktop.domain.timefmt",
    "xz_desktop.domain.totals",
    "xz_desktop.domain.trajectory",
    "xz_desktop.domain.verdicts",
    "xz_desktop.services.kept_totals",
    "xz_desktop.services.pivot",
    "xz_desktop.services.totals",
    "xz_desktop.store.conflicts",
    "xz_desktop.store.core",
    "xz_desktop.store.stored_totals",
    "xz_desktop.store.values",
)


@functools.cache
def code_digest() -> str:
    """A digest of the code of :data:`COMPUTED_BY`: their source where it is shipped, else their compiled code
    (the installed bundle). Nothing is imported to compute it (the CLI's totals must not import pandas)."""
    digest = hashlib.sha256(f"{__version__}/{KEPT_FORMAT}".encode())
    for name in COMPUTED_BY:
        digest.update(name.encode() + b"\0" + hashlib.sha256(_code_of(name)).digest())
    return digest.hexdigest()[:32]


def _code_of(name: str) -> bytes:
    """The module's source, else its compiled code. Code that cannot be read gives bytes of this process alone:
    nothing kept by another process is read then (slower, never stale)."""
    try:
        spec = importlib.util.find_spec(name)
        loader = spec.loader if spec is not None else None
        source = loader.get_source(name) if loader is not None and hasattr(loader, "get_source") else None
        if source is not None:
            return source.encode("utf-8")
        if loader is not None and hasattr(loader, "get_code"):
            return marshal.dumps(loader.get_code(name))
    except (ImportError, OSError, ValueError) as exc:
        log.warning("kept totals: the code of %s is not readable (%s)", name, exc)
    return os.urandom(16)


def kept_key(period: Period, carry_forward: bool) -> TotalsKey:
    return TotalsKey(str(period), carry_forward, code_digest())


_secrets: dict[Path, bytes] = {}


def secret(*, create: bool = False) -> bytes:
    """This installation's secret sealing kept totals (``paths.secret_dir``), made on first keeping (``create``).

    Empty when there is none and none can be made (a read-only profile): nothing kept is read then, and nothing
    is kept. Another machine (another secret) computes what this one kept: kept totals only save time.
    """
    path = secret_dir() / SECRET_FILE
    if path in _secrets:
        return _secrets[path]
    found = _read_secret(path)
    if found is None and create:
        found = _make_secret(path)
    if found is None:
        return b""
    _secrets[path] = found
    return found


def _read_secret(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if len(data) == SECRET_BYTES else None


def _make_secret(path: Path) -> bytes | None:
    """A new secret, written whole under its name at once (another process making its own at the same time:
    the first one linked stays, and both use it)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{SECRET_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(secrets.token_bytes(SECRET_BYTES))
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
    except OSError as exc:
        log.info("kept totals: no secret to seal them (%s): none kept", exc)
        return None
    return _read_secret(path)


def kept_totals(store: Store, period: Period, carry_forward: bool, plan: str | None = None) -> list[TotalRow] | None:
    """The totals kept for ``period`` in the database as it is now, or ``None`` (none kept, or not readable)."""
    text = store.stored_totals.get(kept_key(period, carry_forward), secret())
    if text is None:
        return None
    try:
        data = json.loads(text)
        if not isinstance(data, list):
            return None
        rows = [TotalRow.from_json(item) for item in data]
    except (ValueError, TypeError, RecursionError):  # not what keep_totals wrote: compute instead
        return None
    if not _of_catalog(rows, store.catalog(plan) if plan is not None else store.catalog_for(period)):
        log.warning("kept totals of %s do not fit the catalog in force: computed afresh", period)
        return None
    return rows


def kept_table(store: Store, period: Period, carry_forward: bool) -> str | None:
    """The text of the units × indicators table kept with ``period``'s totals, or ``None`` (as :func:`kept_totals`)."""
    return store.stored_totals.get_table(kept_key(period, carry_forward), secret())


def _of_catalog(rows: list[TotalRow], catalog: Catalog) -> bool:
    """Whether ``rows`` are one per indicator in the totals' order, each saying of its indicator what the catalog
    says, and name only the catalog's units (what the window and the CLI look up in it)."""
    indicators = sorted(catalog.indicators, key=display_order)
    if [r.code for r in rows] != [i.code for i in indicators]:
        return False
    units = {u.code for u in catalog.units}
    for row, ind in zip(rows, indicators, strict=True):
        described = (row.name, row.category, row.source, row.table1_seq, row.table2_seq, row.measure, row.decimals)
        planned = (
            row.aggregation,
            row.plan,
            row.base_year,
            row.target_year,
            tuple(row.history),
            row.plan_base,
            row.base_span,
            row.target,
            row.target_sense,
        )
        if described != (
            ind.name,
            ind.category,
            ind.source,
            ind.table1_seq,
            ind.table2_seq,
            ind.display_measure,
            ind.decimals,
        ) or planned != (
            ind.aggregation.value,
            catalog.plan.code,
            catalog.plan.base_year,
            catalog.plan.target_year,
            ind.history,
            ind.base,
            ind.base_span,
            ind.target,
            ind.target_sense,
        ):
            return False
        if not units.issuperset(row.units_reported) or not units.issuperset(row.units_missing):
            return False
        named = [m.unit for m in row.missing] + [c.unit for c in row.carried] + [e.unit for e in row.errors]
        if not units.issuperset(named):
            return False
    return True


def totals_text(rows: list[TotalRow]) -> str:
    """What :func:`keep_totals` keeps: the rows as ``xz totals --json`` gives them, compactly."""
    return json.dumps([r.as_json() for r in rows], ensure_ascii=False, separators=(",", ":"))


def keep_totals(
    store: Store,
    period: Period,
    carry_forward: bool,
    text: str,
    *,
    table: str | None = None,
    computed_at: tuple[int, int],
) -> bool:
    """Keep the :func:`totals_text` of ``period``'s totals (and a year's units × indicators ``table``, the text of
    ``services.pivot.table_text``), computed when the store's version was ``computed_at``.

    Kept only if nothing changed since (checked under the write lock, given up at once if another writer holds
    it); whether they were kept.
    """
    return store.stored_totals.put(
        kept_key(period, carry_forward), text, secret(create=True), table=table, computed_at=computed_at
    )
