-- The anchor of `cab report --json` (issue 13, goal 2): the plain aggregates of the report's
-- counts over `changes` for its period, the 30 days to CAB_NOW = 2026-11-27T08:00:00Z
-- (since 1793174400000, until 1795766400000 in milliseconds), as a person would write them for
-- the sqlite3 or psql command line. scripts/bench runs it interleaved with `cab report --json`.
SELECT route, first_outcome, COUNT(*) FROM changes
WHERE first_decision_at >= 1793174400000 AND first_decision_at < 1795766400000 GROUP BY route, first_outcome;
SELECT route, COUNT(*), SUM(approved_at - submitted_at) FROM changes
WHERE approved_at >= 1793174400000 AND approved_at < 1795766400000 GROUP BY route;
SELECT route, COUNT(*) FROM changes
WHERE submitted_at >= 1793174400000 AND submitted_at < 1795766400000 GROUP BY route;
SELECT c.route, COUNT(DISTINCT c.id), COUNT(DISTINCT ic.incident_id) FROM changes c JOIN incident_causes ic ON ic.change_id = c.id
WHERE c.approved_at >= 1793174400000 AND c.approved_at < 1795766400000 GROUP BY c.route;
