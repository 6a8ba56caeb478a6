-- xz-desktop schema, version 9 (issue 25): one period's figures read from pages of their own.
-- `value` is keyed by (unit, indicator, period): a unit's figures lie together (its form, its package, an import),
-- and one year's figures of every unit lie on every page of the table. The index value_by_period (period, indicator,
-- and the key's unit) found a period's figures, and each was then looked up in the table for its value: a year's
-- totals touched every page. The index now holds the value as well (a covering index): a period's figures are read
-- from the index's own pages, in period and indicator order, and never from the table's. The table keeps its key
-- (every write path and the unit's reads are unchanged); the index costs about 2 % more file (measured at 1,300
-- units: 104.7 MB → 106.8 MB) and an update of a figure now updates its index entry too.
DROP INDEX value_by_period;
CREATE INDEX value_by_period ON value (period, indicator, unit, value);
