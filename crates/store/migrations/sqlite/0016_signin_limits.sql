-- Sign-in limits kept in the database (issue 13 §2), so that every server on one database counts
-- the same failures: one row per account or address being counted, keyed by the SHA-256 the
-- server makes of it (`account:` or `address:` and the value), never the e-mail or address
-- itself. Times are milliseconds since the Unix epoch. A row whose `forget_at_ms` has passed is
-- deleted by the next update; a row with no failure and no attempt in flight is deleted at once.
-- Never edit once shipped: add a new numbered file instead.
CREATE TABLE signin_limits (
    key BLOB PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    in_flight INTEGER NOT NULL,
    in_flight_at_ms INTEGER NOT NULL,
    last_failure_ms INTEGER,
    forget_at_ms INTEGER NOT NULL,
    -- Which update touched the row last: larger is more recent (the least recent go first when
    -- the table is full).
    touched INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX signin_limits_forget ON signin_limits (forget_at_ms);
CREATE INDEX signin_limits_touched ON signin_limits (touched);
