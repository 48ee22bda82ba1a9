-- A restricted evidence item's text, sealed (issue 12 §2), as 0011 does for incidents, actors and
-- sources: its file name, note and capture details (by whom, from where, how, with what, where)
-- are in `sealed` and their columns hold placeholders (`file` a name unique in the case). Its
-- hash, size, media type, dates and links stay in the clear.
-- Never edit once shipped: add a new numbered file instead.
ALTER TABLE evidence ADD COLUMN sealed BLOB;
