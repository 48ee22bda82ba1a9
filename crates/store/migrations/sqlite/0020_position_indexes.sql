-- The next position of a record written one at a time (`SELECT COALESCE(MAX(position + 1), 0)
-- FROM <table> WHERE case_id = ?`, inside the write's transaction, so under the write lock) was
-- found by reading every row of the case: 250 ms per API write on a case of 100,000 incidents
-- (bench/scale). With these indexes it is one index probe.
--
-- The indexes are on `position + 1`, not on `position`: SQLite, which keeps no statistics here,
-- would otherwise read a whole case through an index on `position` to avoid sorting the few rows
-- of `... WHERE case_id = ? AND id IN (...) ORDER BY position` (50 ms instead of 0.1 ms); no
-- query orders by `position + 1`, so only the MAX above uses them.
-- Never edit once shipped: add a new numbered file instead.
CREATE INDEX incidents_next_position ON incidents (case_id, (position + 1));
CREATE INDEX sources_next_position ON sources (case_id, (position + 1));
CREATE INDEX findings_next_position ON findings (case_id, (position + 1));
CREATE INDEX evidence_next_position ON evidence (case_id, (position + 1));
