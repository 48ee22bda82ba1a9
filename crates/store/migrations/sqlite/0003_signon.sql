-- Sign-on: organisations invited to co-sign a letter, and the links sent to them (owned by the
-- letters work). A signatory row (`signatories`, 0001) holds what a case bundle exports: the name
-- as printed, state, order and the SHA-256 of the text signed. These tables hold what is never
-- exported: who was invited and how to reach them, the links, and when things happened.
-- Secrets are never stored: a link is kept as the SHA-256 of its token.

CREATE TABLE signon_invitations (
    case_id       TEXT NOT NULL,
    letter_id     TEXT NOT NULL,
    -- The signatory row this invitation created.
    position      INTEGER NOT NULL,
    -- The name the coordinator invited; the signatory may print another (`signatories.organisation`).
    invited_name  TEXT NOT NULL,
    contact       TEXT NOT NULL,
    invited_by    TEXT NOT NULL,
    invited_at    TEXT NOT NULL,
    signed_at     TEXT,
    verified_at   TEXT,
    verified_by   TEXT,
    PRIMARY KEY (case_id, letter_id, position),
    FOREIGN KEY (case_id, letter_id, position)
        REFERENCES signatories(case_id, letter_id, position) ON DELETE CASCADE
) STRICT;

CREATE TABLE signon_links (
    token_sha256  TEXT PRIMARY KEY,
    case_id       TEXT NOT NULL,
    letter_id     TEXT NOT NULL,
    position      INTEGER NOT NULL,
    purpose       TEXT NOT NULL CHECK (purpose IN ('sign', 'withdraw')),
    -- Unix seconds; NULL for a link that does not expire (withdraw links).
    expires_unix  INTEGER,
    -- Set once, when the link is used (or replaced by a newer sign link).
    used_unix     INTEGER,
    outcome       TEXT CHECK (outcome IN ('signed', 'declined', 'withdrawn', 'replaced')),
    created_at    TEXT NOT NULL,
    FOREIGN KEY (case_id, letter_id, position)
        REFERENCES signatories(case_id, letter_id, position) ON DELETE CASCADE
) STRICT;
CREATE INDEX signon_links_by_signatory ON signon_links (case_id, letter_id, position);
