-- What happened after a case's letters were sent (issue 14 §4): deliveries, responses, deadlines
-- and follow-up letters, one row each, in the order they were written.
-- Never edit once shipped: add a new numbered file instead.
CREATE TABLE follow_through (
    case_id    TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('delivery', 'response', 'deadline', 'follow_up')),
    -- The letter it is about (a follow-up: the later letter).
    letter_id  TEXT NOT NULL,
    -- YYYY-MM-DD; NULL only for a follow-up.
    date       TEXT,
    -- A delivery's addressee, a response's, or the addressee a deadline binds (NULL: all).
    addressee  TEXT,
    -- A delivery's method.
    method     TEXT,
    -- A response's action: acted, acknowledged or declined.
    action     TEXT,
    -- A response's summary, a deadline's request, a delivery's note.
    summary    TEXT,
    -- A response's text and source.
    text       TEXT,
    source     TEXT,
    -- A follow-up's cited letter.
    cites      TEXT,
    PRIMARY KEY (case_id, id),
    CHECK ((kind = 'follow_up') = (date IS NULL)),
    CHECK ((kind = 'follow_up') = (cites IS NOT NULL))
) STRICT;
CREATE INDEX follow_through_by_letter ON follow_through (case_id, letter_id, position);
