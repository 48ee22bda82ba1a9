-- The content of restricted records, sealed (issue 12 §2). When the instance has keys, a record
-- whose sensitivity is 'restricted' keeps only its structure in the clear (ids, dates, kind, the
-- links between records, who may see it); its text (an incident's title, summary, place and
-- evidence names; an actor's name, aliases, country and members; a source's authors, title,
-- publisher, url and note) is in `sealed`, encrypted with the instance's data key
-- (XChaCha20-Poly1305, bound to the record's kind, case and id), and the text columns hold
-- placeholders. Without keys `sealed` stays NULL and the text is in the clear, as before.
-- Never edit once shipped: add a new numbered file instead.
ALTER TABLE incidents ADD COLUMN sealed BLOB;
ALTER TABLE actors ADD COLUMN sealed BLOB;
ALTER TABLE sources ADD COLUMN sealed BLOB;
-- A version of a restricted record keeps its canonical JSON sealed here (and `body` NULL); its
-- SHA-256 stays in the clear, since the log commits to it.
ALTER TABLE record_versions ADD COLUMN sealed_body BLOB;
