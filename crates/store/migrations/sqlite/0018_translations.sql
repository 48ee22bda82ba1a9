-- Records in several languages (issue 16 §2): the language a case's records are written in, and
-- each record's original language and translations, one row per translated record, its body the
-- record's canonical JSON (accord-store's record.rs, kind `translation`), in the order they were
-- added. Never edit once shipped: add a new numbered file instead.
ALTER TABLE cases ADD COLUMN language TEXT;

CREATE TABLE translations (
    case_id    TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    -- case | instrument | provision | actor | source | incident | mechanism
    kind       TEXT NOT NULL,
    -- The record's id; a provision's citation as printed.
    record_id  TEXT NOT NULL,
    position   INTEGER NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, record_id)
) STRICT;
CREATE INDEX translations_by_position ON translations (case_id, position);
