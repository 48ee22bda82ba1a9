-- Evidence files, every version of every record, and the tamper-evident log.
-- Never edit once shipped: add a new numbered file instead.

-- An evidence item: the record of a file whose bytes live in the blob store (content-addressed by
-- SHA-256), with its capture record. A working copy names its original (`derived_from`).
CREATE TABLE evidence (
    case_id       TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id            TEXT NOT NULL,
    position      INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    size          INTEGER NOT NULL,
    media_type    TEXT NOT NULL,
    file          TEXT NOT NULL,
    incident      TEXT,
    source        TEXT,
    note          TEXT,
    captured_at   TEXT,
    captured_by   TEXT,
    source_url    TEXT,
    method        TEXT,
    tool          TEXT,
    place         TEXT,
    derived_from  TEXT,
    derivation    TEXT,
    PRIMARY KEY (case_id, id),
    UNIQUE (case_id, file)
) STRICT;
CREATE INDEX evidence_by_incident ON evidence (case_id, incident);
CREATE INDEX evidence_by_sha256 ON evidence (sha256);

-- Chain of custody: appended to, never changed.
CREATE TABLE custody (
    case_id      TEXT NOT NULL,
    evidence_id  TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    note         TEXT,
    PRIMARY KEY (case_id, evidence_id, seq),
    FOREIGN KEY (case_id, evidence_id) REFERENCES evidence(case_id, id) ON DELETE CASCADE
) STRICT;

-- Every version of every record (incident, source, finding, actor, letter, evidence), oldest
-- first. Not tied to `cases` by a foreign key: replacing or deleting a case keeps its history.
-- `body` is the record's canonical JSON (NULL: the record was removed); `sha256` its SHA-256.
CREATE TABLE record_versions (
    case_id    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    version    INTEGER NOT NULL,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    sha256     TEXT,
    body       TEXT,
    log_seq    INTEGER NOT NULL,
    PRIMARY KEY (case_id, kind, record_id, version)
) STRICT;

-- The tamper-evident log: entry `seq` is leaf `seq` of an RFC 6962 Merkle tree. The columns are
-- what the entry's canonical bytes are rebuilt from (ARCHITECTURE.md, "The log"); `leaf` is
-- SHA-256(0x00 || entry), kept so that proofs need not rebuild every entry.
CREATE TABLE log_entries (
    seq              INTEGER PRIMARY KEY,
    at               TEXT NOT NULL,
    actor            TEXT NOT NULL,
    action           TEXT NOT NULL,
    case_id          TEXT,
    record           TEXT,
    record_sha256    TEXT,
    evidence_sha256  TEXT,
    leaf             BLOB NOT NULL
) STRICT;
CREATE INDEX log_entries_by_record ON log_entries (case_id, record);

-- The right edge of the tree (accord-tlog's Frontier), so an append costs O(log n).
CREATE TABLE log_state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    frontier  BLOB NOT NULL
) STRICT;

-- Every signed checkpoint, kept.
-- `frontier` is the tree's right edge at that size: the next checkpoint proves it extends this
-- one by pushing only the leaves added since, instead of re-reading the whole log.
CREATE TABLE checkpoints (
    size        INTEGER PRIMARY KEY,
    note        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    frontier    BLOB
) STRICT;

-- The version of each incident a finding was confirmed against, so that its page can say when an
-- incident changed after the confirmation.
CREATE TABLE finding_confirmations (
    case_id           TEXT NOT NULL,
    finding_id        TEXT NOT NULL,
    incident_id       TEXT NOT NULL,
    incident_version  INTEGER NOT NULL,
    confirmed_at      TEXT NOT NULL,
    PRIMARY KEY (case_id, finding_id, incident_id)
) STRICT;

-- Whether a finding's author may confirm it (one-person cases; off by default).
ALTER TABLE cases ADD COLUMN self_review INTEGER NOT NULL DEFAULT 0;
