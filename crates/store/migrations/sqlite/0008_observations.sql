-- Implementation observations: a provision's dated score on the Peace Accords Matrix scale
-- (0 not implemented, 1 minimal, 2 intermediate, 3 full), reviewed like a finding.
-- Never edit once shipped: add a new numbered file instead.
CREATE TABLE observations (
    case_id      TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    position     INTEGER NOT NULL,
    provision    TEXT NOT NULL,
    -- The date described, as written (YYYY, YYYY-MM or YYYY-MM-DD), and its last day as days since
    -- 1970-01-01: an observation counts in a status as of a day once its date has ended.
    date         TEXT NOT NULL,
    date_end     INTEGER NOT NULL,
    score        INTEGER NOT NULL CHECK (score BETWEEN 0 AND 3),
    -- Source ids, a JSON array.
    sources      TEXT NOT NULL,
    coded_by     TEXT,
    note         TEXT,
    status       TEXT NOT NULL CHECK (status IN ('draft', 'confirmed', 'retracted')),
    reviewed_by  TEXT,
    PRIMARY KEY (case_id, id)
) STRICT;
CREATE INDEX observations_by_provision ON observations (case_id, provision, date_end);
