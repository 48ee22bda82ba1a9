-- A letter version's addressees and CC in its language (issue 16 §3): the wording of the
-- original's addressees (`[{"name", "title", "organisation", "role"}]`, in the original's order;
-- who they are stays the original's) and of its CC lines (`["..."]`), as JSON arrays. NULL: the
-- version prints the original's, as every version written before this migration does.
ALTER TABLE letter_versions ADD COLUMN addressees TEXT;
ALTER TABLE letter_versions ADD COLUMN cc TEXT;
