-- xz-desktop schema, version 5: unit targets (目标分解), the district's bonus and deduction items of
-- the yearly assessment (考核加减分). The rules are in docs/plan.md.

-- A unit's own target for an indicator, in the indicator's ENTRY measure (人, not 万人), like figures.
-- period '2025' is the unit's 2025 target; an earlier year is a milestone (阶段目标).
-- method: 'manual' (typed or imported) or 'split:base' / 'split:CODE' (舍位平衡 by rule).
CREATE TABLE unit_target (
    unit        TEXT NOT NULL REFERENCES unit(code),
    indicator   TEXT NOT NULL,
    period      TEXT NOT NULL CHECK (period GLOB '20[2-9][0-9]'),
    target      REAL NOT NULL,
    method      TEXT NOT NULL DEFAULT 'manual',
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit, indicator, period)
) WITHOUT ROWID;

-- Every change of a unit target, written by trigger so no code path can forget it.
CREATE TABLE unit_target_audit (
    id          INTEGER PRIMARY KEY,
    unit        TEXT NOT NULL,
    indicator   TEXT NOT NULL,
    period      TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    old_target  REAL,
    new_target  REAL,
    method      TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL DEFAULT ''
);

CREATE TRIGGER unit_target_audit_insert AFTER INSERT ON unit_target BEGIN
    INSERT INTO unit_target_audit (unit, indicator, period, action, old_target, new_target, method, changed_at, changed_by)
    VALUES (NEW.unit, NEW.indicator, NEW.period, 'insert', NULL, NEW.target, NEW.method, NEW.changed_at, NEW.changed_by);
END;

CREATE TRIGGER unit_target_audit_update AFTER UPDATE ON unit_target
WHEN OLD.target IS NOT NEW.target OR OLD.method IS NOT NEW.method
BEGIN
    INSERT INTO unit_target_audit (unit, indicator, period, action, old_target, new_target, method, changed_at, changed_by)
    VALUES (NEW.unit, NEW.indicator, NEW.period, 'update', OLD.target, NEW.target, NEW.method, NEW.changed_at, NEW.changed_by);
END;

CREATE TRIGGER unit_target_audit_delete AFTER DELETE ON unit_target BEGIN
    INSERT INTO unit_target_audit (unit, indicator, period, action, old_target, new_target, method, changed_at, changed_by)
    VALUES (OLD.unit, OLD.indicator, OLD.period, 'delete', OLD.target, NULL, OLD.method, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), OLD.changed_by);
END;

-- The district's bonus (points > 0) and deduction (points < 0) items of a unit's assessment, each with a reason.
CREATE TABLE assessment_adjustment (
    id          INTEGER PRIMARY KEY,
    unit        TEXT NOT NULL REFERENCES unit(code),
    period      TEXT NOT NULL CHECK (period GLOB '20[2-9][0-9]'),
    points      REAL NOT NULL CHECK (points <> 0),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    entered_at  TEXT NOT NULL,
    entered_by  TEXT NOT NULL DEFAULT ''
);

CREATE INDEX assessment_adjustment_by_period ON assessment_adjustment (period, unit);
