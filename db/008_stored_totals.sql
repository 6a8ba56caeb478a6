-- xz-desktop schema, version 8 (issue 14): district totals as computed, kept until anything they are made of changes.
-- At province scale a period's totals take seconds to compute (a million figures), and they are asked for again and
-- again between two changes. The window keeps the totals of each period it has computed; the window and `xz totals`
-- read them. The triggers below delete every kept row in the same transaction as any change of what totals are
-- made of: the figures (value), the conflicts awaiting a decision (conflict: a disputed figure is marked), the
-- catalog (indicator, unit, rule, and meta: the catalog's version and overlaps live there). However a change is
-- written, by any code path of any version from this one on, no total computed before it survives it.
-- program: the version of the program and of this format that computed the rows; any other computes afresh.
-- rows: the rows as `xz totals --json` gives them (UTF-8 JSON, zlib-compressed: a row lists its reporting units).
-- unit_table: a year's units × indicators table as the 分单位数据 page shows it (the same encoding), kept by the
-- window with the year's totals; NULL when only the totals were kept.
CREATE TABLE stored_totals (
    period        TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]' OR period GLOB '[12][0-9][0-9][0-9]H[12]'),
    carry_forward INTEGER NOT NULL CHECK (carry_forward IN (0, 1)),
    program       TEXT NOT NULL,
    rows          BLOB NOT NULL,
    unit_table    BLOB,
    computed_at   TEXT NOT NULL,
    PRIMARY KEY (period, carry_forward)
);

CREATE TRIGGER stored_totals_gone_value_insert AFTER INSERT ON value BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_value_update AFTER UPDATE ON value BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_value_delete AFTER DELETE ON value BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_conflict_insert AFTER INSERT ON conflict BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_conflict_update AFTER UPDATE ON conflict BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_conflict_delete AFTER DELETE ON conflict BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_indicator_insert AFTER INSERT ON indicator BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_indicator_update AFTER UPDATE ON indicator BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_indicator_delete AFTER DELETE ON indicator BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_unit_insert AFTER INSERT ON unit BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_unit_update AFTER UPDATE ON unit BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_unit_delete AFTER DELETE ON unit BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_rule_insert AFTER INSERT ON rule BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_rule_update AFTER UPDATE ON rule BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_rule_delete AFTER DELETE ON rule BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_meta_insert AFTER INSERT ON meta BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_meta_update AFTER UPDATE ON meta BEGIN DELETE FROM stored_totals; END;
CREATE TRIGGER stored_totals_gone_meta_delete AFTER DELETE ON meta BEGIN DELETE FROM stored_totals; END;
