-- The account lifecycle: disabled accounts, sessions that end when idle and can be listed, API
-- tokens that expire, can be read-only and are listed by name.
-- Never edit once shipped: add a new numbered file instead.

-- A disabled account cannot sign in, and its sessions and tokens are refused (its tokens work
-- again if it is enabled; its sessions do not: they are deleted when it is disabled).
ALTER TABLE users ADD COLUMN disabled_at TEXT;

-- Unix seconds of the last request made with a session (written at most once a minute): a session
-- unused for the idle timeout has ended, whatever its absolute expiry.
ALTER TABLE sessions ADD COLUMN last_seen_unix INTEGER NOT NULL DEFAULT 0;
-- The address the session was started from, when known. Deleted with the session.
ALTER TABLE sessions ADD COLUMN address TEXT;
-- Sessions that existed before this migration count as seen now, so an upgrade signs nobody out.
UPDATE sessions SET last_seen_unix = CAST(strftime('%s', 'now') AS INTEGER);
CREATE INDEX sessions_by_expiry ON sessions (expires_unix);

-- NULL: the token never expires.
ALTER TABLE api_tokens ADD COLUMN expires_unix INTEGER;
-- 1: the token may read, never change anything (the API answers 403 to any other method).
ALTER TABLE api_tokens ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0;
ALTER TABLE api_tokens ADD COLUMN last_used_unix INTEGER;
-- Tokens are listed and revoked by name. Older databases may hold two tokens of one name; they
-- are revoked together, and no new duplicate is accepted (checked on creation).
CREATE INDEX api_tokens_by_user ON api_tokens (user_id, name);
