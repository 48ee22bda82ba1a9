-- The instance's keys (`accord keys init`, accord-vault): what is public about them and the data
-- keys wrapped to them. No secret is stored here: the instance key lives in its key file, the
-- recovery key with the people who hold its shares.
-- Never edit once shipped: add a new numbered file instead.
CREATE TABLE vault_keys (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    -- age recipients (age1pq1…): which key file and which shares open the data keys.
    instance_recipient  TEXT NOT NULL,
    recovery_recipient  TEXT NOT NULL,
    -- How many shares rebuild the recovery key, of how many made (1 of 1: it was shown whole).
    recovery_threshold  INTEGER NOT NULL CHECK (recovery_threshold BETWEEN 1 AND 255),
    recovery_shares     INTEGER NOT NULL CHECK (recovery_shares BETWEEN recovery_threshold AND 255),
    created_at          TEXT NOT NULL,
    -- When the data keys were last wrapped to a new instance key (rotate or recover).
    rewrapped_at        TEXT
);

CREATE TABLE vault_data_keys (
    -- Named in the header of everything sealed with the key.
    id          INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 4294967295),
    -- An age file (binary) to the instance and recovery recipients: either unwraps it.
    wrapped     BLOB NOT NULL,
    created_at  TEXT NOT NULL
);
