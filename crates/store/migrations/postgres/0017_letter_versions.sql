-- Letters in several languages (issue 16 §3); the same tables as SQLite's 0017 (see there).
CREATE TABLE letter_versions (
    case_id          TEXT COLLATE "C" NOT NULL,
    letter_id        TEXT COLLATE "C" NOT NULL,
    lang             TEXT COLLATE "C" NOT NULL,
    position         BIGINT NOT NULL,
    title            TEXT COLLATE "C" NOT NULL,
    place            TEXT COLLATE "C",
    body             TEXT COLLATE "C" NOT NULL,
    closing          TEXT COLLATE "C",
    translated_by    TEXT COLLATE "C",
    translated_at    TEXT COLLATE "C",
    original_sha256  TEXT COLLATE "C",
    PRIMARY KEY (case_id, letter_id, lang),
    FOREIGN KEY (case_id, letter_id) REFERENCES letters(case_id, id) ON DELETE CASCADE
);

CREATE TABLE letter_version_signatures (
    case_id    TEXT COLLATE "C" NOT NULL,
    letter_id  TEXT COLLATE "C" NOT NULL,
    lang       TEXT COLLATE "C" NOT NULL,
    position   BIGINT NOT NULL,
    sha256     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, letter_id, lang, position),
    FOREIGN KEY (case_id, letter_id, lang)
        REFERENCES letter_versions(case_id, letter_id, lang) ON DELETE CASCADE,
    FOREIGN KEY (case_id, letter_id, position)
        REFERENCES signatories(case_id, letter_id, position) ON DELETE CASCADE
);
