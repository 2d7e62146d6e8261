-- Entities are looked up by slug or name ignoring case (`--entity "care medical"`, a company
-- column in an imported spreadsheet). Without these indexes each lookup reads every entity.

CREATE INDEX entities_by_slug_nocase ON entities (slug COLLATE NOCASE);
CREATE INDEX entities_by_name_nocase ON entities (name COLLATE NOCASE);
