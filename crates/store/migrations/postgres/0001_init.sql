-- Accord's schema on PostgreSQL: the final state of migrations/sqlite/0001..0015 in one file.
-- Never edit once shipped: add a new numbered file instead (this folder has its own numbering).
--
-- The translation keeps every table, column name, key, index and CHECK of the SQLite schema, so
-- the SQL of the two stores reads almost line for line alike:
-- - INTEGER is BIGINT (the store reads every integer as i64), flags are BOOLEAN, BLOB is BYTEA,
--   AUTOINCREMENT ids are identity columns;
-- - every TEXT column is COLLATE "C": ids, dates and keys sort by their bytes, as in SQLite,
--   whatever the cluster's locale (the stores page through records by id, and their order must
--   not depend on where the database runs).
-- Small lists read whole are JSON arrays in TEXT columns, as in SQLite. `position` keeps the order
-- of records as the researcher wrote them (export must reproduce it).

CREATE TABLE cases (
    id           TEXT COLLATE "C" PRIMARY KEY,
    title        TEXT COLLATE "C" NOT NULL,
    country      TEXT COLLATE "C",
    period       TEXT COLLATE "C",
    summary      TEXT COLLATE "C",
    published    BOOLEAN NOT NULL DEFAULT FALSE,
    -- Bumped by every write to the case, so caches of derived state can be checked.
    version      BIGINT NOT NULL DEFAULT 1,
    created_at   TEXT COLLATE "C" NOT NULL,
    updated_at   TEXT COLLATE "C" NOT NULL,
    -- Whether a finding's author may confirm it (one-person cases; off by default).
    self_review  BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE instruments (
    case_id     TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id          TEXT COLLATE "C" NOT NULL,
    position    BIGINT NOT NULL,
    kind        TEXT COLLATE "C" NOT NULL,
    title       TEXT COLLATE "C" NOT NULL,
    date        TEXT COLLATE "C",
    place       TEXT COLLATE "C",
    parties     TEXT COLLATE "C" NOT NULL,
    parent      TEXT COLLATE "C",
    url         TEXT COLLATE "C",
    notes       TEXT COLLATE "C",
    PRIMARY KEY (case_id, id)
);

CREATE TABLE provisions (
    case_id       TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    citation      TEXT COLLATE "C" NOT NULL,
    instrument_id TEXT COLLATE "C" NOT NULL,
    position      BIGINT NOT NULL,
    heading       TEXT COLLATE "C",
    themes        TEXT COLLATE "C" NOT NULL,
    text          TEXT COLLATE "C",
    text_status   TEXT COLLATE "C" NOT NULL,
    text_source   TEXT COLLATE "C",
    translations  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, citation)
);

-- Who may see each incident, actor, source and evidence item: 'public', 'case' (the members of
-- the case) or 'restricted' (the members named in restricted_to, a JSON array of e-mail
-- addresses, and the case's owners). With the instance's keys, a restricted record's text is in
-- `sealed` (XChaCha20-Poly1305, bound to kind, case and id) and its text columns hold placeholders.
CREATE TABLE actors (
    case_id        TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id             TEXT COLLATE "C" NOT NULL,
    position       BIGINT NOT NULL,
    kind           TEXT COLLATE "C" NOT NULL,
    name           TEXT COLLATE "C" NOT NULL,
    aliases        TEXT COLLATE "C" NOT NULL,
    country        TEXT COLLATE "C",
    members        TEXT COLLATE "C" NOT NULL,
    sensitivity    TEXT COLLATE "C" NOT NULL DEFAULT 'case'
        CHECK (sensitivity IN ('public', 'case', 'restricted')),
    restricted_to  TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    sealed         BYTEA,
    PRIMARY KEY (case_id, id)
);

CREATE TABLE sources (
    case_id        TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id             TEXT COLLATE "C" NOT NULL,
    position       BIGINT NOT NULL,
    authors        TEXT COLLATE "C" NOT NULL,
    title          TEXT COLLATE "C" NOT NULL,
    publisher      TEXT COLLATE "C",
    date           TEXT COLLATE "C",
    url            TEXT COLLATE "C",
    accessed       TEXT COLLATE "C",
    note           TEXT COLLATE "C",
    sensitivity    TEXT COLLATE "C" NOT NULL DEFAULT 'case'
        CHECK (sensitivity IN ('public', 'case', 'restricted')),
    restricted_to  TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    sealed         BYTEA,
    PRIMARY KEY (case_id, id)
);

CREATE TABLE incidents (
    case_id        TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id             TEXT COLLATE "C" NOT NULL,
    position       BIGINT NOT NULL,
    date           TEXT COLLATE "C" NOT NULL,
    -- Earliest and latest day as days since 1970-01-01 (latest NULL when ongoing): range filters.
    date_start     BIGINT NOT NULL,
    date_end       BIGINT,
    title          TEXT COLLATE "C" NOT NULL,
    kind           TEXT COLLATE "C" NOT NULL,
    summary        TEXT COLLATE "C",
    place          TEXT COLLATE "C",
    sources        TEXT COLLATE "C" NOT NULL,
    evidence       TEXT COLLATE "C" NOT NULL,
    sensitivity    TEXT COLLATE "C" NOT NULL DEFAULT 'case'
        CHECK (sensitivity IN ('public', 'case', 'restricted')),
    restricted_to  TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    sealed         BYTEA,
    PRIMARY KEY (case_id, id)
);
CREATE INDEX incidents_by_date ON incidents (case_id, date_start DESC, id);
CREATE INDEX incidents_by_kind ON incidents (case_id, kind, date_start DESC);

CREATE TABLE incident_actors (
    case_id      TEXT COLLATE "C" NOT NULL,
    incident_id  TEXT COLLATE "C" NOT NULL,
    position     BIGINT NOT NULL,
    actor_id     TEXT COLLATE "C" NOT NULL,
    role         TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, incident_id, position),
    FOREIGN KEY (case_id, incident_id) REFERENCES incidents(case_id, id) ON DELETE CASCADE
);
-- Ends in the incident id, so "the incidents of this actor" is read from the index alone.
CREATE INDEX incident_actors_by_actor ON incident_actors (case_id, actor_id, incident_id);

CREATE TABLE incident_themes (
    case_id      TEXT COLLATE "C" NOT NULL,
    incident_id  TEXT COLLATE "C" NOT NULL,
    position     BIGINT NOT NULL,
    theme        TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, incident_id, position),
    FOREIGN KEY (case_id, incident_id) REFERENCES incidents(case_id, id) ON DELETE CASCADE
);
CREATE INDEX incident_themes_by_theme ON incident_themes (case_id, theme, incident_id);

CREATE TABLE findings (
    case_id      TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id           TEXT COLLATE "C" NOT NULL,
    position     BIGINT NOT NULL,
    provision    TEXT COLLATE "C" NOT NULL,
    verdict      TEXT COLLATE "C" NOT NULL,
    status       TEXT COLLATE "C" NOT NULL,
    rationale    TEXT COLLATE "C" NOT NULL,
    author       TEXT COLLATE "C",
    reviewed_by  TEXT COLLATE "C",
    PRIMARY KEY (case_id, id)
);

CREATE TABLE finding_incidents (
    case_id      TEXT COLLATE "C" NOT NULL,
    finding_id   TEXT COLLATE "C" NOT NULL,
    position     BIGINT NOT NULL,
    incident_id  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, finding_id, position),
    FOREIGN KEY (case_id, finding_id) REFERENCES findings(case_id, id) ON DELETE CASCADE
);
CREATE INDEX finding_incidents_by_incident ON finding_incidents (case_id, incident_id);

CREATE TABLE mechanisms (
    case_id            TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id                 TEXT COLLATE "C" NOT NULL,
    position           BIGINT NOT NULL,
    name               TEXT COLLATE "C" NOT NULL,
    provision          TEXT COLLATE "C" NOT NULL,
    counts             TEXT COLLATE "C" NOT NULL,
    scope_instruments  TEXT COLLATE "C" NOT NULL,
    scope_provisions   TEXT COLLATE "C" NOT NULL,
    requested_by       TEXT COLLATE "C" NOT NULL,
    responsible        TEXT COLLATE "C" NOT NULL,
    consult            TEXT COLLATE "C" NOT NULL,
    action             TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, id)
);

CREATE TABLE letters (
    case_id          TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id               TEXT COLLATE "C" NOT NULL,
    position         BIGINT NOT NULL,
    title            TEXT COLLATE "C" NOT NULL,
    date             TEXT COLLATE "C" NOT NULL,
    place            TEXT COLLATE "C",
    language         TEXT COLLATE "C" NOT NULL,
    coordinator      TEXT COLLATE "C",
    body             TEXT COLLATE "C" NOT NULL,
    closing          TEXT COLLATE "C",
    signatory_order  TEXT COLLATE "C" NOT NULL,
    addressees       TEXT COLLATE "C" NOT NULL,
    cc               TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, id)
);

CREATE TABLE signatories (
    case_id             TEXT COLLATE "C" NOT NULL,
    letter_id           TEXT COLLATE "C" NOT NULL,
    position            BIGINT NOT NULL,
    organisation        TEXT COLLATE "C" NOT NULL,
    country             TEXT COLLATE "C",
    representative      TEXT COLLATE "C",
    url                 TEXT COLLATE "C",
    state               TEXT COLLATE "C" NOT NULL,
    ord                 BIGINT,
    signed_text_sha256  TEXT COLLATE "C",
    PRIMARY KEY (case_id, letter_id, position),
    FOREIGN KEY (case_id, letter_id) REFERENCES letters(case_id, id) ON DELETE CASCADE
);

CREATE TABLE elections (
    case_id   TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id        TEXT COLLATE "C" NOT NULL,
    position  BIGINT NOT NULL,
    json      TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, id)
);

-- Evidence files, content-addressed (kept for parity with SQLite's first schema; the blob store
-- holds the bytes).
CREATE TABLE blobs (
    sha256      TEXT COLLATE "C" PRIMARY KEY,
    size        BIGINT NOT NULL,
    media_type  TEXT COLLATE "C",
    data        BYTEA NOT NULL,
    created_at  TEXT COLLATE "C" NOT NULL
);

-- Append-only record of who changed what (the readable list; the log is what proves).
CREATE TABLE audit_log (
    id        BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at        TEXT COLLATE "C" NOT NULL,
    actor     TEXT COLLATE "C" NOT NULL,
    case_id   TEXT COLLATE "C",
    action    TEXT COLLATE "C" NOT NULL,
    detail    TEXT COLLATE "C" NOT NULL
);

-- Accounts, sessions, API tokens and per-case roles. Secrets are never stored: sessions and
-- tokens are kept as SHA-256 digests of the random value.
CREATE TABLE users (
    id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    email          TEXT COLLATE "C" NOT NULL UNIQUE,
    password_hash  TEXT COLLATE "C" NOT NULL,
    is_admin       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     TEXT COLLATE "C" NOT NULL,
    -- A disabled account cannot sign in, and its sessions and tokens are refused.
    disabled_at    TEXT COLLATE "C",
    -- How a member is named to readers who are not members of a case.
    display_name   TEXT COLLATE "C",
    organisation   TEXT COLLATE "C",
    attribution    TEXT COLLATE "C" NOT NULL DEFAULT 'role'
        CHECK (attribution IN ('name', 'organisation', 'role'))
);

CREATE TABLE sessions (
    token_sha256    TEXT COLLATE "C" PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf            TEXT COLLATE "C" NOT NULL,
    expires_unix    BIGINT NOT NULL,
    created_at      TEXT COLLATE "C" NOT NULL,
    -- Unix seconds of the last request made with the session (written at most once a minute).
    last_seen_unix  BIGINT NOT NULL DEFAULT 0,
    -- The address the session was started from, when known.
    address         TEXT COLLATE "C"
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_unix);

CREATE TABLE api_tokens (
    token_sha256    TEXT COLLATE "C" PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name            TEXT COLLATE "C" NOT NULL,
    created_at      TEXT COLLATE "C" NOT NULL,
    -- NULL: the token never expires.
    expires_unix    BIGINT,
    -- TRUE: the token may read, never change anything.
    read_only       BOOLEAN NOT NULL DEFAULT FALSE,
    last_used_unix  BIGINT
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id, name);

CREATE TABLE memberships (
    case_id  TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    user_id  BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships (user_id);

-- Sign-on: who was invited to co-sign a letter and how to reach them, the links sent to them
-- (kept as the SHA-256 of their token), and when things happened. Never exported.
CREATE TABLE signon_invitations (
    case_id       TEXT COLLATE "C" NOT NULL,
    letter_id     TEXT COLLATE "C" NOT NULL,
    position      BIGINT NOT NULL,
    invited_name  TEXT COLLATE "C" NOT NULL,
    contact       TEXT COLLATE "C" NOT NULL,
    invited_by    TEXT COLLATE "C" NOT NULL,
    invited_at    TEXT COLLATE "C" NOT NULL,
    signed_at     TEXT COLLATE "C",
    verified_at   TEXT COLLATE "C",
    verified_by   TEXT COLLATE "C",
    PRIMARY KEY (case_id, letter_id, position),
    FOREIGN KEY (case_id, letter_id, position)
        REFERENCES signatories(case_id, letter_id, position) ON DELETE CASCADE
);

CREATE TABLE signon_links (
    token_sha256  TEXT COLLATE "C" PRIMARY KEY,
    case_id       TEXT COLLATE "C" NOT NULL,
    letter_id     TEXT COLLATE "C" NOT NULL,
    position      BIGINT NOT NULL,
    purpose       TEXT COLLATE "C" NOT NULL CHECK (purpose IN ('sign', 'withdraw')),
    -- Unix seconds; NULL for a link that does not expire (withdraw links).
    expires_unix  BIGINT,
    -- Set once, when the link is used (or replaced by a newer sign link).
    used_unix     BIGINT,
    outcome       TEXT COLLATE "C" CHECK (outcome IN ('signed', 'declined', 'withdrawn', 'replaced')),
    created_at    TEXT COLLATE "C" NOT NULL,
    FOREIGN KEY (case_id, letter_id, position)
        REFERENCES signatories(case_id, letter_id, position) ON DELETE CASCADE
);
CREATE INDEX signon_links_by_signatory ON signon_links (case_id, letter_id, position);

-- An evidence item: the record of a file whose bytes live in the blob store (content-addressed by
-- SHA-256), with its capture record. A working copy names its original (`derived_from`).
CREATE TABLE evidence (
    case_id        TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id             TEXT COLLATE "C" NOT NULL,
    position       BIGINT NOT NULL,
    sha256         TEXT COLLATE "C" NOT NULL,
    size           BIGINT NOT NULL,
    media_type     TEXT COLLATE "C" NOT NULL,
    file           TEXT COLLATE "C" NOT NULL,
    incident       TEXT COLLATE "C",
    source         TEXT COLLATE "C",
    note           TEXT COLLATE "C",
    captured_at    TEXT COLLATE "C",
    captured_by    TEXT COLLATE "C",
    source_url     TEXT COLLATE "C",
    method         TEXT COLLATE "C",
    tool           TEXT COLLATE "C",
    place          TEXT COLLATE "C",
    derived_from   TEXT COLLATE "C",
    derivation     TEXT COLLATE "C",
    sensitivity    TEXT COLLATE "C" NOT NULL DEFAULT 'case'
        CHECK (sensitivity IN ('public', 'case', 'restricted')),
    restricted_to  TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    sealed         BYTEA,
    PRIMARY KEY (case_id, id),
    UNIQUE (case_id, file)
);
CREATE INDEX evidence_by_incident ON evidence (case_id, incident);
CREATE INDEX evidence_by_sha256 ON evidence (sha256);

-- Chain of custody: appended to, never changed.
CREATE TABLE custody (
    case_id      TEXT COLLATE "C" NOT NULL,
    evidence_id  TEXT COLLATE "C" NOT NULL,
    seq          BIGINT NOT NULL,
    at           TEXT COLLATE "C" NOT NULL,
    actor        TEXT COLLATE "C" NOT NULL,
    action       TEXT COLLATE "C" NOT NULL,
    note         TEXT COLLATE "C",
    PRIMARY KEY (case_id, evidence_id, seq),
    FOREIGN KEY (case_id, evidence_id) REFERENCES evidence(case_id, id) ON DELETE CASCADE
);

-- Every version of every record, oldest first. Not tied to `cases` by a foreign key: replacing or
-- deleting a case keeps its history. `body` is the record's canonical JSON (NULL: removed, or
-- sealed in `sealed_body` for a restricted record); `sha256` its SHA-256, always in the clear.
CREATE TABLE record_versions (
    case_id      TEXT COLLATE "C" NOT NULL,
    kind         TEXT COLLATE "C" NOT NULL,
    record_id    TEXT COLLATE "C" NOT NULL,
    version      BIGINT NOT NULL,
    at           TEXT COLLATE "C" NOT NULL,
    actor        TEXT COLLATE "C" NOT NULL,
    sha256       TEXT COLLATE "C",
    body         TEXT COLLATE "C",
    log_seq      BIGINT NOT NULL,
    sealed_body  BYTEA,
    PRIMARY KEY (case_id, kind, record_id, version)
);

-- The tamper-evident log: entry `seq` is leaf `seq` of an RFC 6962 Merkle tree; `leaf` is
-- SHA-256(0x00 || entry). Writers append one at a time: each holds the `log_state` row locked
-- (SELECT ... FOR UPDATE) from reading the right edge to writing it back.
CREATE TABLE log_entries (
    seq              BIGINT PRIMARY KEY,
    at               TEXT COLLATE "C" NOT NULL,
    actor            TEXT COLLATE "C" NOT NULL,
    action           TEXT COLLATE "C" NOT NULL,
    case_id          TEXT COLLATE "C",
    record           TEXT COLLATE "C",
    record_sha256    TEXT COLLATE "C",
    evidence_sha256  TEXT COLLATE "C",
    leaf             BYTEA NOT NULL
);
CREATE INDEX log_entries_by_record ON log_entries (case_id, record);

-- The right edge of the tree (accord-tlog's Frontier), so an append costs O(log n).
CREATE TABLE log_state (
    id        BIGINT PRIMARY KEY CHECK (id = 1),
    frontier  BYTEA NOT NULL
);

-- Every signed checkpoint, kept, with the tree's right edge at its size.
CREATE TABLE checkpoints (
    size        BIGINT PRIMARY KEY,
    note        TEXT COLLATE "C" NOT NULL,
    created_at  TEXT COLLATE "C" NOT NULL,
    frontier    BYTEA
);

-- The version of each incident a finding was confirmed against.
CREATE TABLE finding_confirmations (
    case_id           TEXT COLLATE "C" NOT NULL,
    finding_id        TEXT COLLATE "C" NOT NULL,
    incident_id       TEXT COLLATE "C" NOT NULL,
    incident_version  BIGINT NOT NULL,
    confirmed_at      TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, finding_id, incident_id)
);

-- Implementation observations: a provision's dated score on the Peace Accords Matrix scale.
CREATE TABLE observations (
    case_id      TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id           TEXT COLLATE "C" NOT NULL,
    position     BIGINT NOT NULL,
    provision    TEXT COLLATE "C" NOT NULL,
    date         TEXT COLLATE "C" NOT NULL,
    date_end     BIGINT NOT NULL,
    score        BIGINT NOT NULL CHECK (score BETWEEN 0 AND 3),
    sources      TEXT COLLATE "C" NOT NULL,
    coded_by     TEXT COLLATE "C",
    note         TEXT COLLATE "C",
    status       TEXT COLLATE "C" NOT NULL CHECK (status IN ('draft', 'confirmed', 'retracted')),
    reviewed_by  TEXT COLLATE "C",
    PRIMARY KEY (case_id, id)
);
CREATE INDEX observations_by_provision ON observations (case_id, provision, date_end);

-- The instance's keys: what is public about them and the data keys wrapped to them. No secret.
CREATE TABLE vault_keys (
    id                  BIGINT PRIMARY KEY CHECK (id = 1),
    instance_recipient  TEXT COLLATE "C" NOT NULL,
    recovery_recipient  TEXT COLLATE "C" NOT NULL,
    recovery_threshold  BIGINT NOT NULL CHECK (recovery_threshold BETWEEN 1 AND 255),
    recovery_shares     BIGINT NOT NULL CHECK (recovery_shares BETWEEN recovery_threshold AND 255),
    created_at          TEXT COLLATE "C" NOT NULL,
    rewrapped_at        TEXT COLLATE "C"
);

CREATE TABLE vault_data_keys (
    id          BIGINT PRIMARY KEY CHECK (id BETWEEN 1 AND 4294967295),
    wrapped     BYTEA NOT NULL,
    created_at  TEXT COLLATE "C" NOT NULL
);

-- What happened after a case's letters were sent: deliveries, responses, deadlines, follow-ups.
CREATE TABLE follow_through (
    case_id    TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id         TEXT COLLATE "C" NOT NULL,
    position   BIGINT NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL
        CHECK (kind IN ('delivery', 'response', 'deadline', 'follow_up')),
    letter_id  TEXT COLLATE "C" NOT NULL,
    date       TEXT COLLATE "C",
    addressee  TEXT COLLATE "C",
    method     TEXT COLLATE "C",
    action     TEXT COLLATE "C",
    summary    TEXT COLLATE "C",
    text       TEXT COLLATE "C",
    source     TEXT COLLATE "C",
    cites      TEXT COLLATE "C",
    PRIMARY KEY (case_id, id),
    CHECK ((kind = 'follow_up') = (date IS NULL)),
    CHECK ((kind = 'follow_up') = (cites IS NOT NULL))
);
CREATE INDEX follow_through_by_letter ON follow_through (case_id, letter_id, position);
