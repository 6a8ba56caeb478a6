-- xz-desktop schema, version 9 (issue 20): plans as data. A database holds several plans one after another
-- (十四五 2021–2025, 十五五 2026–2030 …); each has its own indicators (their bases and targets) and rules. Units
-- are shared, and figures (value) belong to no plan: an indicator whose code continues has one history.
-- A database of an earlier version held one plan, 十四五 (base year 2020, target year 2025): it becomes that plan,
-- its indicators' base_2020 the base, target_2025 the target, base_2015 the history of 2015.

-- One plan: its code (十四五), name (《秀洲区人才发展“十四五”规划》), base year and target year.
CREATE TABLE plan (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    base_year   INTEGER NOT NULL,
    target_year INTEGER NOT NULL CHECK (target_year > base_year)
);

INSERT INTO plan (code, name, base_year, target_year)
SELECT '十四五', '《' || COALESCE((SELECT value FROM meta WHERE key = 'level_name' AND value <> ''), '秀洲区') || '人才发展“十四五”规划》', 2020, 2025
WHERE EXISTS (SELECT 1 FROM indicator);

-- The indicators, one row per plan and indicator. base: the value at the plan's base year (base_span 'year': a
-- year's figure; 'plan': the preceding plan's total, e.g. 发明专利授权量 2016–2020); target: at its target year.
CREATE TABLE indicator_v8 AS SELECT * FROM indicator;
DROP TABLE indicator;
CREATE TABLE indicator (
    plan TEXT NOT NULL REFERENCES plan(code),
    code TEXT NOT NULL,
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
    base REAL,
    target REAL,
    base_span TEXT NOT NULL DEFAULT 'year' CHECK (base_span IN ('year', 'plan')),
    target_sense TEXT,
    min REAL,
    max REAL,
    usual_min REAL,
    usual_max REAL,
    yoy_threshold REAL,
    note TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan, code)
);

INSERT INTO indicator (plan, code, name, category, source, table1_seq, table2_seq, section, entry_measure, display_measure,
    display_factor, decimals, aggregation, numerator, denominator, scale, parts, growth_of, target_basis, trajectory,
    reported_by, base, target, base_span, target_sense, min, max, usual_min, usual_max, yoy_threshold, note, position)
SELECT '十四五', code, name, category, source, table1_seq, table2_seq, section, entry_measure, display_measure,
    display_factor, decimals, aggregation, numerator, denominator, scale, parts, growth_of, target_basis, trajectory,
    reported_by, base_2020, target_2025, 'year', target_sense, min, max, usual_min, usual_max, yoy_threshold, note, position
FROM indicator_v8;

-- A plan's other history values of an indicator (its base_YYYY columns before the base year); value NULL: the
-- column is there, the cell blank.
CREATE TABLE indicator_history (
    plan      TEXT NOT NULL,
    indicator TEXT NOT NULL,
    year      INTEGER NOT NULL,
    value     REAL,
    PRIMARY KEY (plan, indicator, year)
);

INSERT INTO indicator_history (plan, indicator, year, value) SELECT '十四五', code, 2015, base_2015 FROM indicator_v8;

DROP TABLE indicator_v8;

-- The consistency rules, per plan.
CREATE TABLE rule_v8 AS SELECT * FROM rule;
DROP TABLE rule;
CREATE TABLE rule (
    plan    TEXT NOT NULL REFERENCES plan(code),
    code    TEXT NOT NULL,
    "left"  TEXT NOT NULL,
    op      TEXT NOT NULL CHECK (op IN ('<=', '>=')),
    "right" TEXT NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (plan, code)
);
INSERT INTO rule (plan, code, "left", op, "right", message) SELECT '十四五', code, "left", op, "right", message FROM rule_v8;
DROP TABLE rule_v8;

-- The triggers of migration 008 on the tables made again, as they were; and the same for the new tables.
CREATE TRIGGER stored_totals_gone_indicator_insert AFTER INSERT ON indicator BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_indicator_update AFTER UPDATE ON indicator BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_indicator_delete AFTER DELETE ON indicator BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_rule_insert AFTER INSERT ON rule BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_rule_update AFTER UPDATE ON rule BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_rule_delete AFTER DELETE ON rule BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_plan_insert AFTER INSERT ON plan BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_plan_update AFTER UPDATE ON plan BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_plan_delete AFTER DELETE ON plan BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_indicator_history_insert AFTER INSERT ON indicator_history BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_indicator_history_update AFTER UPDATE ON indicator_history BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_indicator_history_delete AFTER DELETE ON indicator_history BEGIN DELETE FROM stored_totals; END;

-- A catalog version names the indicators of every plan the database holds (a code continued counted once).
DROP TRIGGER catalog_version_on_insert;
DROP TRIGGER catalog_version_on_update;
CREATE TRIGGER catalog_version_on_insert AFTER INSERT ON meta WHEN NEW.key = 'catalog_version'
BEGIN
    INSERT OR IGNORE INTO catalog_version (version, first_used_at, indicators)
    VALUES (NEW.value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT json_group_array(code) FROM (SELECT DISTINCT code FROM indicator ORDER BY code)));
END;

CREATE TRIGGER catalog_version_on_update AFTER UPDATE OF value ON meta WHEN NEW.key = 'catalog_version'
BEGIN
    INSERT OR IGNORE INTO catalog_version (version, first_used_at, indicators)
    VALUES (NEW.value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT json_group_array(code) FROM (SELECT DISTINCT code FROM indicator ORDER BY code)));
END;

DELETE FROM stored_totals;
