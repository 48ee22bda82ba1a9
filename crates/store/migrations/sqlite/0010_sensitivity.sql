-- Who may see each incident, actor, source and evidence item (issue 12 §1): 'public' (the
-- published view), 'case' (the members of the case) or 'restricted' (the members named in
-- restricted_to, a JSON array of e-mail addresses, and the case's owners).
-- Never edit once shipped: add a new numbered file instead.
ALTER TABLE incidents ADD COLUMN sensitivity TEXT NOT NULL DEFAULT 'case'
    CHECK (sensitivity IN ('public', 'case', 'restricted'));
ALTER TABLE incidents ADD COLUMN restricted_to TEXT NOT NULL DEFAULT '[]';
ALTER TABLE actors ADD COLUMN sensitivity TEXT NOT NULL DEFAULT 'case'
    CHECK (sensitivity IN ('public', 'case', 'restricted'));
ALTER TABLE actors ADD COLUMN restricted_to TEXT NOT NULL DEFAULT '[]';
ALTER TABLE sources ADD COLUMN sensitivity TEXT NOT NULL DEFAULT 'case'
    CHECK (sensitivity IN ('public', 'case', 'restricted'));
ALTER TABLE sources ADD COLUMN restricted_to TEXT NOT NULL DEFAULT '[]';
ALTER TABLE evidence ADD COLUMN sensitivity TEXT NOT NULL DEFAULT 'case'
    CHECK (sensitivity IN ('public', 'case', 'restricted'));
ALTER TABLE evidence ADD COLUMN restricted_to TEXT NOT NULL DEFAULT '[]';

-- Records stored before sensitivity existed said nothing, so they become 'case', as a bundle
-- record without the field reads. Nothing is raised to 'restricted' here (not even the people an
-- incident names as victims or witnesses, whom an import restricts): a change of sensitivity is a
-- new version of the record, logged and hashed, which SQL cannot write; `accord verify` would find
-- a record that no logged version matches. An operator restricts them through the action layer.
