"""The aggregating database's changes of its own catalog: their SQL (``store.catalog_history``).

A change puts the new catalog in force, appends its revision and its field changes, and moves
``meta.catalog_revision``, all in one transaction: the catalog in force and its history never disagree.
"""

from __future__ import annotations

from ..domain.catalog import Catalog
from ..domain.catalog_edits import CatalogRevision, FieldChange
from .core import REVISION_KEY, StoreCore


class CatalogHistory:
    """``store.catalog_history``: every revision of the catalog this database made, with what it changed."""

    def __init__(self, store: StoreCore) -> None:
        self._store = store

    def commit(self, catalog: Catalog, revision: CatalogRevision) -> None:
        """Put ``catalog`` (named ``revision.version``) in force and record ``revision``, atomically."""
        store = self._store
        with store.transaction():
            store.replace_catalog(catalog)
            self.record(revision)

    def record(self, revision: CatalogRevision) -> None:
        """Record ``revision`` (its catalog already put in force in the same transaction) and move the revision."""
        store = self._store
        with store.transaction():
            store.conn.execute(
                "INSERT INTO catalog_history (revision, version, previous, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)",
                (revision.revision, revision.version, revision.previous, revision.changed_at, revision.changed_by),
            )
            store.conn.executemany(
                "INSERT INTO catalog_change (revision, subject, code, field, old_value, new_value) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(revision.revision, c.subject, c.code, c.field, c.old, c.new) for c in revision.changes],
            )
            store.set_meta(REVISION_KEY, str(revision.revision))

    def revisions(self) -> list[CatalogRevision]:
        """Every revision, newest first, each with its field changes in the order they were recorded."""
        conn = self._store.conn
        changes: dict[int, list[FieldChange]] = {}
        for r in conn.execute(
            "SELECT revision, subject, code, field, old_value, new_value FROM catalog_change ORDER BY id"
        ):
            changes.setdefault(int(r[0]), []).append(FieldChange(r[1], r[2], r[3], r[4], r[5]))
        return [
            CatalogRevision(int(r[0]), r[1], r[2], r[3], r[4], tuple(changes.get(int(r[0]), ())))
            for r in conn.execute(
                "SELECT revision, version, previous, changed_at, changed_by FROM catalog_history ORDER BY revision DESC"
            )
        ]
