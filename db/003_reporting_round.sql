-- xz-desktop schema, version 3: the reporting round (due dates, review states, 退回 / 验收, 回执).
-- The rules these tables serve are written down in docs/round.md.

-- Whom the district calls when a unit is late (units.csv gains these columns; old catalogs leave them blank).
ALTER TABLE unit ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE unit ADD COLUMN phone TEXT NOT NULL DEFAULT '';

-- The due date (截止日期) of each period, as the district set it last. In a unit's copy: as its receipt said.
CREATE TABLE due_date (
    period TEXT PRIMARY KEY,
    due    TEXT NOT NULL CHECK (due GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    set_at TEXT NOT NULL,
    set_by TEXT NOT NULL DEFAULT ''
);

-- The district's decision on one unit × period, when there is one: returned (退回) or accepted (验收, locked).
-- No row: the state follows from the packages (未报送 / 已报送). A resubmission after a return is a package
-- merged after decided_at. Reopening (重新开放) deletes the row. In a unit's copy: the decisions its receipt carried.
CREATE TABLE review_state (
    unit           TEXT NOT NULL,
    period         TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('returned', 'accepted')),
    reason         TEXT NOT NULL DEFAULT '',
    figure_reasons TEXT NOT NULL DEFAULT '{}',   -- JSON object: indicator code -> reason (a return's per-figure reasons)
    decided_at     TEXT NOT NULL,
    decided_by     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit, period)
) WITHOUT ROWID;

-- The district's working notes per figure while reviewing (待核实 …); a return may send them as reasons.
CREATE TABLE review_note (
    unit      TEXT NOT NULL,
    period    TEXT NOT NULL,
    indicator TEXT NOT NULL,
    note      TEXT NOT NULL,
    noted_at  TEXT NOT NULL,
    noted_by  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit, period, indicator)
) WITHOUT ROWID;

-- Every state change and every due date set: who, when, from -> to, why. Never updated or deleted.
-- action: due, submit, resubmit, nil, withdraw (un-merged), return, accept, reopen. unit is '' for a due date.
CREATE TABLE review_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    by         TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL CHECK (action IN ('due', 'submit', 'resubmit', 'nil', 'withdraw', 'return', 'accept', 'reopen')),
    unit       TEXT NOT NULL DEFAULT '',
    period     TEXT NOT NULL,
    from_state TEXT NOT NULL DEFAULT '',
    to_state   TEXT NOT NULL DEFAULT '',
    reason     TEXT NOT NULL DEFAULT '',
    details    TEXT NOT NULL DEFAULT '{}',       -- JSON: per-figure reasons, package id, old and new due date
    package_id TEXT
);

CREATE INDEX review_log_by_key ON review_log (unit, period, id);

CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log
BEGIN
    SELECT RAISE(ABORT, 'xz:review_log is append-only');
END;

CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log
BEGIN
    SELECT RAISE(ABORT, 'xz:review_log is append-only');
END;

-- A package that says its unit has nothing to report for a period (空表上报), with the required 说明.
CREATE TABLE nil_report (
    package_id TEXT NOT NULL,
    unit       TEXT NOT NULL,
    period     TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (length(reason) > 0),
    PRIMARY KEY (package_id, period)
) WITHOUT ROWID;

-- merge_log: a package that arrived after its period was returned is a resubmission (重新报送).
ALTER TABLE merge_log ADD COLUMN resubmission INTEGER NOT NULL DEFAULT 0;

-- An accepted period is locked: no figure of it changes, by any path, until the district reopens it.
-- Merges and un-merges write figures under merge_guard, so their candidates are guarded too.
CREATE TRIGGER value_locked_insert BEFORE INSERT ON value
WHEN NOT EXISTS (SELECT 1 FROM merge_guard)
 AND EXISTS (SELECT 1 FROM review_state r WHERE r.unit = NEW.unit AND r.period = NEW.period AND r.state = 'accepted')
BEGIN
    SELECT RAISE(ABORT, 'xz:locked');
END;

CREATE TRIGGER value_locked_update BEFORE UPDATE ON value
WHEN NOT EXISTS (SELECT 1 FROM merge_guard)
 AND EXISTS (SELECT 1 FROM review_state r WHERE r.unit = OLD.unit AND r.period IN (OLD.period, NEW.period) AND r.state = 'accepted')
BEGIN
    SELECT RAISE(ABORT, 'xz:locked');
END;

CREATE TRIGGER value_locked_delete BEFORE DELETE ON value
WHEN NOT EXISTS (SELECT 1 FROM merge_guard)
 AND EXISTS (SELECT 1 FROM review_state r WHERE r.unit = OLD.unit AND r.period = OLD.period AND r.state = 'accepted')
BEGIN
    SELECT RAISE(ABORT, 'xz:locked');
END;

CREATE TRIGGER package_value_locked_insert BEFORE INSERT ON package_value
WHEN EXISTS (SELECT 1 FROM review_state r WHERE r.unit = NEW.unit AND r.period = NEW.period AND r.state = 'accepted')
BEGIN
    SELECT RAISE(ABORT, 'xz:locked');
END;

CREATE TRIGGER package_value_locked_delete BEFORE DELETE ON package_value
WHEN EXISTS (SELECT 1 FROM review_state r WHERE r.unit = OLD.unit AND r.period = OLD.period AND r.state = 'accepted')
BEGIN
    SELECT RAISE(ABORT, 'xz:locked');
END;
