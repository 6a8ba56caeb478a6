-- xz-desktop schema, version 2: submission packages, the district merge, conflicts.
-- The rules these tables serve are written down in docs/packages.md (“合并规则”).

-- Every package merged into this (district) database, one row per package id.
-- unmerged_at is set when the district takes the package back out; its rows then
-- leave package_value and the figures are recomputed from what remains.
CREATE TABLE package (
    package_id         TEXT PRIMARY KEY,
    unit               TEXT NOT NULL,
    periods            TEXT NOT NULL,             -- JSON array, e.g. ["2023"]
    format_version     INTEGER NOT NULL,
    catalog_version    TEXT NOT NULL,
    schema_version     INTEGER NOT NULL,
    program_version    TEXT NOT NULL,
    exported_at        TEXT NOT NULL,
    author             TEXT NOT NULL,
    source_database_id TEXT NOT NULL,
    checksum           TEXT NOT NULL,
    value_count        INTEGER NOT NULL,
    file               TEXT NOT NULL,             -- the file's name when it was merged
    merged_at          TEXT NOT NULL,
    merged_by          TEXT NOT NULL,
    unmerged_at        TEXT,
    unmerged_by        TEXT
);

CREATE INDEX package_by_unit ON package (unit, unmerged_at);

-- Provenance: every figure of every package in force, as the unit sent it. A district
-- figure is a function of these rows, the district's own corrections and its decisions,
-- which is what makes merging order-free, repeatable and reversible.
CREATE TABLE package_value (
    package_id    TEXT NOT NULL REFERENCES package(package_id),
    unit          TEXT NOT NULL,
    indicator     TEXT NOT NULL,
    period        TEXT NOT NULL,
    value         REAL,
    explanation   TEXT NOT NULL DEFAULT '',
    revision      INTEGER NOT NULL,
    base_revision INTEGER NOT NULL DEFAULT 0,
    changed_at    TEXT NOT NULL,
    changed_by    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit, indicator, period, package_id)
) WITHOUT ROWID;

CREATE INDEX package_value_by_package ON package_value (package_id);

-- The district's own latest change of a unit's figure (typed in the form or imported), written
-- by trigger so no code path can forget it. base_revision is the unit's revision the district
-- corrected; a later package built on that or an older revision, with a different value, is a
-- conflict, not a silent overwrite. withdrawn_at: the district later chose the unit's value.
CREATE TABLE district_edit (
    unit          TEXT NOT NULL,
    indicator     TEXT NOT NULL,
    period        TEXT NOT NULL,
    value         REAL,
    explanation   TEXT NOT NULL DEFAULT '',
    revision      INTEGER NOT NULL,
    base_revision INTEGER NOT NULL DEFAULT 0,
    changed_at    TEXT NOT NULL,
    changed_by    TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT 'local',
    withdrawn_at  TEXT,
    PRIMARY KEY (unit, indicator, period)
) WITHOUT ROWID;

-- Present (one row) only inside a merge, un-merge or resolution transaction: the figures those
-- write are derived, not the district's own edits, so the capture triggers stand aside.
CREATE TABLE merge_guard (
    active INTEGER PRIMARY KEY CHECK (active = 1)
);

CREATE TRIGGER district_edit_on_insert AFTER INSERT ON value
WHEN NOT EXISTS (SELECT 1 FROM merge_guard) AND (SELECT value FROM meta WHERE key = 'role') = 'district'
BEGIN
    INSERT INTO district_edit (unit, indicator, period, value, explanation, revision, base_revision, changed_at, changed_by, source)
    VALUES (NEW.unit, NEW.indicator, NEW.period, NEW.value, NEW.explanation, NEW.revision,
            COALESCE((SELECT base_revision FROM district_edit d WHERE d.unit = NEW.unit AND d.indicator = NEW.indicator
                      AND d.period = NEW.period AND d.withdrawn_at IS NULL), 0),
            NEW.changed_at, NEW.changed_by, NEW.source)
    ON CONFLICT (unit, indicator, period) DO UPDATE SET value = excluded.value, explanation = excluded.explanation,
        revision = excluded.revision, base_revision = excluded.base_revision, changed_at = excluded.changed_at,
        changed_by = excluded.changed_by, source = excluded.source, withdrawn_at = NULL;
END;

-- base_revision: a correction of a package's figure is based on that figure's revision; a second
-- correction of the district's own figure keeps the first one's base.
CREATE TRIGGER district_edit_on_update AFTER UPDATE ON value
WHEN NOT EXISTS (SELECT 1 FROM merge_guard) AND (SELECT value FROM meta WHERE key = 'role') = 'district'
BEGIN
    INSERT INTO district_edit (unit, indicator, period, value, explanation, revision, base_revision, changed_at, changed_by, source)
    VALUES (NEW.unit, NEW.indicator, NEW.period, NEW.value, NEW.explanation, NEW.revision,
            CASE WHEN EXISTS (SELECT 1 FROM package p WHERE p.package_id = OLD.source) THEN OLD.revision
                 ELSE COALESCE((SELECT base_revision FROM district_edit d WHERE d.unit = NEW.unit AND d.indicator = NEW.indicator
                                AND d.period = NEW.period AND d.withdrawn_at IS NULL), 0) END,
            NEW.changed_at, NEW.changed_by, NEW.source)
    ON CONFLICT (unit, indicator, period) DO UPDATE SET value = excluded.value, explanation = excluded.explanation,
        revision = excluded.revision, base_revision = excluded.base_revision, changed_at = excluded.changed_at,
        changed_by = excluded.changed_by, source = excluded.source, withdrawn_at = NULL;
END;

-- Figures the district held before this schema are its own: capture them.
INSERT INTO district_edit (unit, indicator, period, value, explanation, revision, base_revision, changed_at, changed_by, source)
SELECT unit, indicator, period, value, explanation, revision, 0, changed_at, changed_by, source
FROM value WHERE (SELECT value FROM meta WHERE key = 'role') = 'district';

-- A figure awaiting (resolved_at NULL) or given (resolved_at set) the district's decision.
-- Open rows are derived from the candidates and rewritten on every merge; decided rows stay as history.
-- kind: 'fork' (one unit, same revision, different values) or 'correction' (the unit's newer
-- value against the district's hand correction it never saw).
CREATE TABLE conflict (
    id          INTEGER PRIMARY KEY,
    unit        TEXT NOT NULL,
    indicator   TEXT NOT NULL,
    period      TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('fork', 'correction')),
    revision    INTEGER NOT NULL,
    candidates  TEXT NOT NULL,       -- JSON: the values to choose from, with their origin
    resolved_at TEXT,
    resolved_by TEXT,
    chosen      TEXT                 -- JSON: the candidate the district picked
);

CREATE INDEX conflict_by_key ON conflict (unit, indicator, period, resolved_at);
CREATE UNIQUE INDEX conflict_open ON conflict (unit, indicator, period) WHERE resolved_at IS NULL;

-- The district's pick between two values a unit sent with the same revision (a forked copy).
-- Applies while the values in dispute are still the ones it was made for.
CREATE TABLE fork_choice (
    unit        TEXT NOT NULL,
    indicator   TEXT NOT NULL,
    period      TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    contents    TEXT NOT NULL,       -- JSON: the sorted [value, explanation] pairs in dispute
    chosen      TEXT NOT NULL,       -- JSON: [value, explanation]
    resolved_at TEXT NOT NULL,
    resolved_by TEXT NOT NULL,
    PRIMARY KEY (unit, indicator, period, revision)
) WITHOUT ROWID;

-- Which file was merged or un-merged, when, by whom, with what result. Refused packages are
-- not written here: a refusal leaves the database exactly as it was.
CREATE TABLE merge_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    by         TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('merge', 'unmerge')),
    file       TEXT NOT NULL,
    package_id TEXT NOT NULL,
    unit       TEXT NOT NULL,
    periods    TEXT NOT NULL,
    status     TEXT NOT NULL,
    inserted   INTEGER NOT NULL DEFAULT 0,
    updated    INTEGER NOT NULL DEFAULT 0,
    unchanged  INTEGER NOT NULL DEFAULT 0,
    conflicts  INTEGER NOT NULL DEFAULT 0,
    removed    INTEGER NOT NULL DEFAULT 0
);

-- Every catalog version this database has had in force, with its indicator codes, recorded by
-- trigger whenever meta.catalog_version changes: the merge knows which older catalogs it issued.
CREATE TABLE catalog_version (
    version       TEXT PRIMARY KEY,
    first_used_at TEXT NOT NULL,
    indicators    TEXT NOT NULL      -- JSON array of codes
);

CREATE TRIGGER catalog_version_on_insert AFTER INSERT ON meta WHEN NEW.key = 'catalog_version'
BEGIN
    INSERT OR IGNORE INTO catalog_version (version, first_used_at, indicators)
    VALUES (NEW.value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT json_group_array(code) FROM (SELECT code FROM indicator ORDER BY code)));
END;

CREATE TRIGGER catalog_version_on_update AFTER UPDATE OF value ON meta WHEN NEW.key = 'catalog_version'
BEGIN
    INSERT OR IGNORE INTO catalog_version (version, first_used_at, indicators)
    VALUES (NEW.value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT json_group_array(code) FROM (SELECT code FROM indicator ORDER BY code)));
END;

INSERT OR IGNORE INTO catalog_version (version, first_used_at, indicators)
SELECT value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT json_group_array(code) FROM (SELECT code FROM indicator ORDER BY code))
FROM meta WHERE key = 'catalog_version';

-- In a unit's copy: the packages it made, and per figure the district revision it has taken over
-- from a district correction file (0 when none): packages carry it as base_revision.
CREATE TABLE package_export (
    package_id  TEXT PRIMARY KEY,
    file        TEXT NOT NULL,
    periods     TEXT NOT NULL,
    exported_at TEXT NOT NULL,
    author      TEXT NOT NULL,
    value_count INTEGER NOT NULL,
    checksum    TEXT NOT NULL
);

CREATE TABLE value_base (
    unit          TEXT NOT NULL,
    indicator     TEXT NOT NULL,
    period        TEXT NOT NULL,
    base_revision INTEGER NOT NULL,
    PRIMARY KEY (unit, indicator, period)
) WITHOUT ROWID;
