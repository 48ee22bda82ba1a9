-- Records in several languages (issue 16 §2): the same table and columns as SQLite's 0018.
-- Never edit once shipped: add a new numbered file instead.
ALTER TABLE cases ADD COLUMN language TEXT COLLATE "C";

CREATE TABLE translations (
    case_id    TEXT COLLATE "C" NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind       TEXT COLLATE "C" NOT NULL,
    record_id  TEXT COLLATE "C" NOT NULL,
    position   BIGINT NOT NULL,
    body       TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, kind, record_id)
);
CREATE INDEX translations_by_position ON translations (case_id, position);
