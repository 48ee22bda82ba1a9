-- Accord's first schema (SQLite). Never edit once shipped: add a new numbered file instead.
-- Small lists that are only ever read whole are JSON arrays in TEXT columns; lists that are
-- filtered on (incident actors and themes, finding incidents) have their own tables.
-- `position` keeps the order of records as the researcher wrote them (export must reproduce it).

CREATE TABLE cases (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    country     TEXT,
    period      TEXT,
    summary     TEXT,
    published   INTEGER NOT NULL DEFAULT 0,
    -- Bumped by every write to the case, so caches of derived state (trigger status) can be checked.
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE instruments (
    case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    date        TEXT,
    place       TEXT,
    parties     TEXT NOT NULL,
    parent      TEXT,
    url         TEXT,
    notes       TEXT,
    PRIMARY KEY (case_id, id)
) STRICT;

CREATE TABLE provisions (
    case_id       TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    citation      TEXT NOT NULL,
    instrument_id TEXT NOT NULL,
    position      INTEGER NOT NULL,
    heading       TEXT,
    themes        TEXT NOT NULL,
    text          TEXT,
    text_status   TEXT NOT NULL,
    text_source   TEXT,
    translations  TEXT NOT NULL,
    PRIMARY KEY (case_id, citation)
) STRICT;

CREATE TABLE actors (
    case_id   TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id        TEXT NOT NULL,
    position  INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    name      TEXT NOT NULL,
    aliases   TEXT NOT NULL,
    country   TEXT,
    members   TEXT NOT NULL,
    PRIMARY KEY (case_id, id)
) STRICT;

CREATE TABLE sources (
    case_id    TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    position   INTEGER NOT NULL,
    authors    TEXT NOT NULL,
    title      TEXT NOT NULL,
    publisher  TEXT,
    date       TEXT,
    url        TEXT,
    accessed   TEXT,
    note       TEXT,
    PRIMARY KEY (case_id, id)
) STRICT;

CREATE TABLE incidents (
    case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    date        TEXT NOT NULL,
    -- Earliest and latest day as days since 1970-01-01 (latest NULL when ongoing): range filters.
    date_start  INTEGER NOT NULL,
    date_end    INTEGER,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    summary     TEXT,
    place       TEXT,
    sources     TEXT NOT NULL,
    evidence    TEXT NOT NULL,
    PRIMARY KEY (case_id, id)
) STRICT;
CREATE INDEX incidents_by_date ON incidents (case_id, date_start DESC, id);
CREATE INDEX incidents_by_kind ON incidents (case_id, kind, date_start DESC);

CREATE TABLE incident_actors (
    case_id      TEXT NOT NULL,
    incident_id  TEXT NOT NULL,
    position     INTEGER NOT NULL,
    actor_id     TEXT NOT NULL,
    role         TEXT NOT NULL,
    PRIMARY KEY (case_id, incident_id, position),
    FOREIGN KEY (case_id, incident_id) REFERENCES incidents(case_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX incident_actors_by_actor ON incident_actors (case_id, actor_id);

CREATE TABLE incident_themes (
    case_id      TEXT NOT NULL,
    incident_id  TEXT NOT NULL,
    position     INTEGER NOT NULL,
    theme        TEXT NOT NULL,
    PRIMARY KEY (case_id, incident_id, position),
    FOREIGN KEY (case_id, incident_id) REFERENCES incidents(case_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX incident_themes_by_theme ON incident_themes (case_id, theme);

CREATE TABLE findings (
    case_id      TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    position     INTEGER NOT NULL,
    provision    TEXT NOT NULL,
    verdict      TEXT NOT NULL,
    status       TEXT NOT NULL,
    rationale    TEXT NOT NULL,
    author       TEXT,
    reviewed_by  TEXT,
    PRIMARY KEY (case_id, id)
) STRICT;

CREATE TABLE finding_incidents (
    case_id      TEXT NOT NULL,
    finding_id   TEXT NOT NULL,
    position     INTEGER NOT NULL,
    incident_id  TEXT NOT NULL,
    PRIMARY KEY (case_id, finding_id, position),
    FOREIGN KEY (case_id, finding_id) REFERENCES findings(case_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX finding_incidents_by_incident ON finding_incidents (case_id, incident_id);

CREATE TABLE mechanisms (
    case_id            TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id                 TEXT NOT NULL,
    position           INTEGER NOT NULL,
    name               TEXT NOT NULL,
    provision          TEXT NOT NULL,
    counts             TEXT NOT NULL,
    scope_instruments  TEXT NOT NULL,
    scope_provisions   TEXT NOT NULL,
    requested_by       TEXT NOT NULL,
    responsible        TEXT NOT NULL,
    consult            TEXT NOT NULL,
    action             TEXT NOT NULL,
    PRIMARY KEY (case_id, id)
) STRICT;

CREATE TABLE letters (
    case_id          TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id               TEXT NOT NULL,
    position         INTEGER NOT NULL,
    title            TEXT NOT NULL,
    date             TEXT NOT NULL,
    place            TEXT,
    language         TEXT NOT NULL,
    coordinator      TEXT,
    body             TEXT NOT NULL,
    closing          TEXT,
    signatory_order  TEXT NOT NULL,
    addressees       TEXT NOT NULL,
    cc               TEXT NOT NULL,
    PRIMARY KEY (case_id, id)
) STRICT;

CREATE TABLE signatories (
    case_id             TEXT NOT NULL,
    letter_id           TEXT NOT NULL,
    position            INTEGER NOT NULL,
    organisation        TEXT NOT NULL,
    country             TEXT,
    representative      TEXT,
    url                 TEXT,
    state               TEXT NOT NULL,
    ord                 INTEGER,
    signed_text_sha256  TEXT,
    PRIMARY KEY (case_id, letter_id, position),
    FOREIGN KEY (case_id, letter_id) REFERENCES letters(case_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE elections (
    case_id   TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    id        TEXT NOT NULL,
    position  INTEGER NOT NULL,
    json      TEXT NOT NULL,
    PRIMARY KEY (case_id, id)
) STRICT;

-- Evidence files, content-addressed: the key is the SHA-256 of the bytes, checkable with sha256sum.
CREATE TABLE blobs (
    sha256      TEXT PRIMARY KEY,
    size        INTEGER NOT NULL,
    media_type  TEXT,
    data        BLOB NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

-- Append-only record of who changed what.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    case_id   TEXT,
    action    TEXT NOT NULL,
    detail    TEXT NOT NULL
) STRICT;
