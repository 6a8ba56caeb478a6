-- xz-desktop schema: the aggregating database's own changes of its catalog (issue 14): units added,
-- renamed, retired, reactivated, their contacts; indicators' thresholds. Each change makes a new catalog
-- version (meta.catalog_version) numbered by meta.catalog_revision; both tables are append-only.

-- One change of the catalog in force: revision 1, 2, … (monotonic), the version it made and the one before.
CREATE TABLE catalog_history (
    revision    INTEGER PRIMARY KEY CHECK (revision >= 1),
    version     TEXT NOT NULL UNIQUE,
    previous    TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL DEFAULT ''
);

-- What a revision changed, field by field, old → new as the text of the CSV cell ('' is blank).
CREATE TABLE catalog_change (
    id          INTEGER PRIMARY KEY,
    revision    INTEGER NOT NULL REFERENCES catalog_history(revision),
    subject     TEXT NOT NULL CHECK (subject IN ('unit', 'indicator')),
    code        TEXT NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT NOT NULL,
    new_value   TEXT NOT NULL
);
CREATE INDEX catalog_change_revision ON catalog_change(revision);

CREATE TRIGGER catalog_history_no_update BEFORE UPDATE ON catalog_history
BEGIN
    SELECT RAISE(ABORT, 'catalog_history is append-only');
END;
CREATE TRIGGER catalog_history_no_delete BEFORE DELETE ON catalog_history
BEGIN
    SELECT RAISE(ABORT, 'catalog_history is append-only');
END;
CREATE TRIGGER catalog_change_no_update BEFORE UPDATE ON catalog_change
BEGIN
    SELECT RAISE(ABORT, 'catalog_change is append-only');
END;
CREATE TRIGGER catalog_change_no_delete BEFORE DELETE ON catalog_change
BEGIN
    SELECT RAISE(ABORT, 'catalog_change is append-only');
END;
