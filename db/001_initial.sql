-- xz-desktop schema, version 1.
-- Applied by xz_desktop/store/migrations.py inside one transaction with its record in
-- schema_migration. Never edit a released migration: add the next number instead.

-- What this database is: role ('unit' or 'district'), the unit it belongs to,
-- the catalog version it was made with, when and by which program.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Reporting units are data: the district adds, renames or retires them.
CREATE TABLE unit (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('geographic', 'sector')),
    type   TEXT NOT NULL DEFAULT '',
    sort   INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- The indicator catalog in force, one row per indicator, columns as resources/catalog/indicators.csv.
CREATE TABLE indicator (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    table1_seq INTEGER,
    table2_seq INTEGER,
    section TEXT NOT NULL DEFAULT '',
    entry_measure TEXT NOT NULL DEFAULT '',
    display_measure TEXT NOT NULL DEFAULT '',
    display_factor REAL NOT NULL DEFAULT 1,
    decimals INTEGER NOT NULL DEFAULT 0,
    aggregation TEXT NOT NULL,
    numerator TEXT,
    denominator TEXT,
    scale REAL NOT NULL DEFAULT 1,
    parts TEXT NOT NULL DEFAULT '',
    growth_of TEXT,
    target_basis TEXT NOT NULL DEFAULT 'annual',
    trajectory TEXT NOT NULL DEFAULT 'linear',
    reported_by TEXT NOT NULL DEFAULT '',
    base_2015 REAL,
    base_2020 REAL,
    target_2025 REAL,
    target_sense TEXT,
    min REAL,
    max REAL,
    usual_min REAL,
    usual_max REAL,
    yoy_threshold REAL,
    note TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE rule (
    code    TEXT PRIMARY KEY,
    "left"  TEXT NOT NULL,
    op      TEXT NOT NULL CHECK (op IN ('<=', '>=')),
    "right" TEXT NOT NULL,
    message TEXT NOT NULL
);

-- One figure: a unit's value of an indicator for a period ('2023' or '2023H1').
-- value NULL is a blank (missing); 0 is a reported zero. revision counts the unit's edits.
-- indicator is not a foreign key: figures filled against an older catalog are kept.
CREATE TABLE value (
    unit        TEXT NOT NULL REFERENCES unit(code),
    indicator   TEXT NOT NULL,
    period      TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]' OR period GLOB '[12][0-9][0-9][0-9]H[12]'),
    value       REAL,
    explanation TEXT NOT NULL DEFAULT '',
    revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT 'local',
    PRIMARY KEY (unit, indicator, period)
) WITHOUT ROWID;

CREATE INDEX value_by_period ON value (period, indicator);

-- Every change of a figure, written by triggers in the same transaction as the change,
-- so no code path can forget it.
CREATE TABLE audit (
    id              INTEGER PRIMARY KEY,
    unit            TEXT NOT NULL,
    indicator       TEXT NOT NULL,
    period          TEXT NOT NULL,
    action          TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    old_value       REAL,
    new_value       REAL,
    old_explanation TEXT,
    new_explanation TEXT,
    revision        INTEGER,
    changed_at      TEXT NOT NULL,
    changed_by      TEXT NOT NULL DEFAULT '',
    source          TEXT NOT NULL DEFAULT ''
);

CREATE INDEX audit_by_key ON audit (unit, indicator, period, id);

CREATE TRIGGER value_audit_insert AFTER INSERT ON value BEGIN
    INSERT INTO audit (unit, indicator, period, action, old_value, new_value, old_explanation, new_explanation, revision, changed_at, changed_by, source)
    VALUES (NEW.unit, NEW.indicator, NEW.period, 'insert', NULL, NEW.value, NULL, NEW.explanation, NEW.revision, NEW.changed_at, NEW.changed_by, NEW.source);
END;

CREATE TRIGGER value_audit_update AFTER UPDATE ON value
WHEN OLD.value IS NOT NEW.value OR OLD.explanation IS NOT NEW.explanation OR OLD.revision IS NOT NEW.revision OR OLD.source IS NOT NEW.source
BEGIN
    INSERT INTO audit (unit, indicator, period, action, old_value, new_value, old_explanation, new_explanation, revision, changed_at, changed_by, source)
    VALUES (NEW.unit, NEW.indicator, NEW.period, 'update', OLD.value, NEW.value, OLD.explanation, NEW.explanation, NEW.revision, NEW.changed_at, NEW.changed_by, NEW.source);
END;

CREATE TRIGGER value_audit_delete AFTER DELETE ON value BEGIN
    INSERT INTO audit (unit, indicator, period, action, old_value, new_value, old_explanation, new_explanation, revision, changed_at, changed_by, source)
    VALUES (OLD.unit, OLD.indicator, OLD.period, 'delete', OLD.value, NULL, OLD.explanation, NULL, OLD.revision, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), OLD.changed_by, OLD.source);
END;
