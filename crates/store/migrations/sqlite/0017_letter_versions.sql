-- Letters in several languages (issue 16 §3): a letter's original is its row in `letters`
-- (`letters.language`); each other language is a version here, with who translated it, when, and
-- the fingerprint of the original it was translated from (a version whose original changed since
-- is out of date). Versions are part of the letter: they are written with it, exported in its
-- bundle file and logged in its record.
CREATE TABLE letter_versions (
    case_id          TEXT NOT NULL,
    letter_id        TEXT NOT NULL,
    lang             TEXT NOT NULL,
    -- Order in which the versions were added.
    position         INTEGER NOT NULL,
    title            TEXT NOT NULL,
    place            TEXT,
    body             TEXT NOT NULL,
    closing          TEXT,
    translated_by    TEXT,
    translated_at    TEXT,
    original_sha256  TEXT,
    PRIMARY KEY (case_id, letter_id, lang),
    FOREIGN KEY (case_id, letter_id) REFERENCES letters(case_id, id) ON DELETE CASCADE
) STRICT;

-- A signatory's signature on one version: the SHA-256 of that version's signed text. A signature
-- on the original stays in `signatories.signed_text_sha256`; one language never counts for another.
CREATE TABLE letter_version_signatures (
    case_id    TEXT NOT NULL,
    letter_id  TEXT NOT NULL,
    lang       TEXT NOT NULL,
    -- The signatory's position (`signatories.position`).
    position   INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    PRIMARY KEY (case_id, letter_id, lang, position),
    FOREIGN KEY (case_id, letter_id, lang)
        REFERENCES letter_versions(case_id, letter_id, lang) ON DELETE CASCADE,
    FOREIGN KEY (case_id, letter_id, position)
        REFERENCES signatories(case_id, letter_id, position) ON DELETE CASCADE
) STRICT;
