-- How a member is named to readers who are not members of a case (a published case's pages and
-- API): by a display name, by their organisation, or only by their role in the case. E-mail
-- addresses are shown to members of the case only. The default names nobody: the role.
-- Never edit once shipped: add a new numbered file instead.
ALTER TABLE users ADD COLUMN display_name TEXT;
ALTER TABLE users ADD COLUMN organisation TEXT;
ALTER TABLE users ADD COLUMN attribution TEXT NOT NULL DEFAULT 'role'
    CHECK (attribution IN ('name', 'organisation', 'role'));
