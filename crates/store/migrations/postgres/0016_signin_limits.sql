-- Sign-in limits kept in the database (issue 13 §2), as migrations/sqlite/0016_signin_limits.sql:
-- one row per account or address being counted, keyed by the SHA-256 the server makes of it
-- (never the e-mail or address itself); times in milliseconds since the Unix epoch.
-- Never edit once shipped: add a new numbered file instead.
CREATE TABLE signin_limits (
    key BYTEA PRIMARY KEY,
    failures BIGINT NOT NULL,
    in_flight BIGINT NOT NULL,
    in_flight_at_ms BIGINT NOT NULL,
    last_failure_ms BIGINT,
    forget_at_ms BIGINT NOT NULL,
    -- Which update touched the row last: larger is more recent (the least recent go first when
    -- the table is full).
    touched BIGINT NOT NULL
);
CREATE INDEX signin_limits_forget ON signin_limits (forget_at_ms);
CREATE INDEX signin_limits_touched ON signin_limits (touched);
