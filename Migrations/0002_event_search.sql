-- Full-text search over events: titles, summaries, citation quotes and translations, and the
-- names and aliases of the entities involved. Case- and accent-insensitive (`employes` finds
-- `employés`), with prefixes (`licenci*`) and phrases. One row per event, rowid = events.id.

CREATE VIRTUAL TABLE event_search USING fts5(
    title, summary, quotes, names,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- What gets indexed for each event; the triggers below and a rebuild read it.
CREATE VIEW event_search_documents AS
SELECT
    e.id AS id,
    e.title AS title,
    coalesce(e.summary, '') AS summary,
    coalesce((SELECT group_concat(coalesce(c.quote, '') || ' ' || coalesce(c.translation, ''), ' ')
              FROM citations AS c WHERE c.event_id = e.id), '') AS quotes,
    coalesce((SELECT group_concat(n.text, ' ') FROM (
                  SELECT en.name || ' ' || en.slug AS text FROM event_entities AS ee
                  JOIN entities AS en ON en.id = ee.entity_id WHERE ee.event_id = e.id
                  UNION ALL
                  SELECT a.alias FROM event_entities AS ee
                  JOIN entity_aliases AS a ON a.entity_id = ee.entity_id WHERE ee.event_id = e.id
              ) AS n), '') AS names
FROM events AS e;

INSERT INTO event_search (rowid, title, summary, quotes, names)
SELECT id, title, summary, quotes, names FROM event_search_documents;

CREATE TRIGGER event_search_after_event_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_search (rowid, title, summary, quotes, names)
    SELECT id, title, summary, quotes, names FROM event_search_documents WHERE id = NEW.id;
END;

CREATE TRIGGER event_search_after_event_update AFTER UPDATE OF title, summary ON events BEGIN
    DELETE FROM event_search WHERE rowid = OLD.id;
    INSERT INTO event_search (rowid, title, summary, quotes, names)
    SELECT id, title, summary, quotes, names FROM event_search_documents WHERE id = NEW.id;
END;

CREATE TRIGGER event_search_after_event_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER event_search_after_citation_insert AFTER INSERT ON citations BEGIN
    DELETE FROM event_search WHERE rowid = NEW.event_id;
    INSERT INTO event_search (rowid, title, summary, quotes, names)
    SELECT id, title, summary, quotes, names FROM event_search_documents WHERE id = NEW.event_id;
END;

CREATE TRIGGER event_search_after_citation_update AFTER UPDATE ON citations BEGIN
    DELETE FROM event_search WHERE rowid IN (OLD.event_id, NEW.event_id);
    INSERT INTO event_search (rowid, title, summary, quotes, names)
    SELECT id, title, summary, quotes, names FROM event_search_documents WHERE id IN (OLD.event_id, NEW.event_id);
END;

CREATE TRIGGER event_search_after_citation_delete AFTER DELETE ON citations BEGIN
    DELETE FROM event_search WHERE rowid = OLD.event_id;
    INSERT INTO event_search (rowid, title, summary, quotes, names)
    SELECT id, title, summary, quotes, names FROM event_search_documents WHERE id = OLD.event_id;
END;

CREATE TRIGGER event_search_after_event_entity_insert AFTER INSERT ON event_entities BEGIN
    DELETE FROM event_search WHERE rowid = NEW.event_id;
    INSERT INTO event_search (rowid, title, summary, quotes, names)
    SELECT id, title, summary, quotes, names FROM event_search_documents WHERE id = NEW.event_id;
END;

CREATE TRIGGER event_search_after_event_entity_delete AFTER DELETE ON event_entities BEGIN
    DELETE FROM event_search WHERE rowid = OLD.event_id;
    INSERT INTO event_search (rowid, title, summary, quotes, names)
    SELECT id, title, summary, quotes, names FROM event_search_documents WHERE id = OLD.event_id;
END;

CREATE TRIGGER event_search_after_entity_rename AFTER UPDATE OF name, slug ON entities BEGIN
    DELETE FROM event_search WHERE rowid IN (SELECT event_id FROM event_entities WHERE entity_id = NEW.id);
    INSERT INTO event_search (rowid, title, summary, quotes, names)
    SELECT id, title, summary, quotes, names FROM event_search_documents
    WHERE id IN (SELECT event_id FROM event_entities WHERE entity_id = NEW.id);
END;

CREATE TRIGGER event_search_after_alias_insert AFTER INSERT ON entity_aliases BEGIN
    DELETE FROM event_search WHERE rowid IN (SELECT event_id FROM event_entities WHERE entity_id = NEW.entity_id);
    INSERT INTO event_search (rowid, title, summary, quotes, names)
    SELECT id, title, summary, quotes, names FROM event_search_documents
    WHERE id IN (SELECT event_id FROM event_entities WHERE entity_id = NEW.entity_id);
END;

CREATE TRIGGER event_search_after_alias_delete AFTER DELETE ON entity_aliases BEGIN
    DELETE FROM event_search WHERE rowid IN (SELECT event_id FROM event_entities WHERE entity_id = OLD.entity_id);
    INSERT INTO event_search (rowid, title, summary, quotes, names)
    SELECT id, title, summary, quotes, names FROM event_search_documents
    WHERE id IN (SELECT event_id FROM event_entities WHERE entity_id = OLD.entity_id);
END;
