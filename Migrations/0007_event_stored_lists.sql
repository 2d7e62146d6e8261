-- Each event's four lists (entities, tags, figures, sources), kept in its own row as the JSON
-- arrays the CSV, TSV, JSON and NDJSON formats write, so that reading an event reads one row
-- instead of five tables (at a million events, about one page read per event instead of nine).
--
-- They are a copy: the tables stay the truth. timeline writes them whenever it saves an event;
-- any other change to the rows they are made of (an event's entities, tags, figures or citations,
-- or an entity or source they name) sets them back to NULL through the triggers below, and an
-- event whose lists are NULL is read from the tables as before. So they are never stale, whoever
-- writes to the file. `timeline check` compares them with the tables.

ALTER TABLE events ADD COLUMN entities_json TEXT;
ALTER TABLE events ADD COLUMN tags_json TEXT;
ALTER TABLE events ADD COLUMN measures_json TEXT;
ALTER TABLE events ADD COLUMN sources_json TEXT;

-- Each trigger clears the lists of the events a change touches (SQLite has no procedures, so the
-- clearing statement is repeated). Only rows with lists are rewritten.

CREATE TRIGGER event_lists_after_entity_link_insert AFTER INSERT ON event_entities BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE id = NEW.event_id AND entities_json IS NOT NULL;
END;

CREATE TRIGGER event_lists_after_entity_link_update AFTER UPDATE ON event_entities BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE id IN (OLD.event_id, NEW.event_id) AND entities_json IS NOT NULL;
END;

CREATE TRIGGER event_lists_after_entity_link_delete AFTER DELETE ON event_entities BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE id = OLD.event_id AND entities_json IS NOT NULL;
END;

CREATE TRIGGER event_lists_after_tag_insert AFTER INSERT ON event_tags BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE id = NEW.event_id AND entities_json IS NOT NULL;
END;

CREATE TRIGGER event_lists_after_tag_update AFTER UPDATE ON event_tags BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE id IN (OLD.event_id, NEW.event_id) AND entities_json IS NOT NULL;
END;

CREATE TRIGGER event_lists_after_tag_delete AFTER DELETE ON event_tags BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE id = OLD.event_id AND entities_json IS NOT NULL;
END;

CREATE TRIGGER event_lists_after_measure_insert AFTER INSERT ON measures BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE id = NEW.event_id AND entities_json IS NOT NULL;
END;

CREATE TRIGGER event_lists_after_measure_update AFTER UPDATE ON measures BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE id IN (OLD.event_id, NEW.event_id) AND entities_json IS NOT NULL;
END;

CREATE TRIGGER event_lists_after_measure_delete AFTER DELETE ON measures BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE id = OLD.event_id AND entities_json IS NOT NULL;
END;

CREATE TRIGGER event_lists_after_citation_insert AFTER INSERT ON citations BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE id = NEW.event_id AND entities_json IS NOT NULL;
END;

CREATE TRIGGER event_lists_after_citation_update AFTER UPDATE ON citations BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE id IN (OLD.event_id, NEW.event_id) AND entities_json IS NOT NULL;
END;

CREATE TRIGGER event_lists_after_citation_delete AFTER DELETE ON citations BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE id = OLD.event_id AND entities_json IS NOT NULL;
END;

-- An entity's slug and name, and a source's fields, are written into the lists of every event
-- that names them (as an entity, the entity a figure counts, or a cited source or figure's source).

CREATE TRIGGER event_lists_after_entity_update AFTER UPDATE OF id, slug, name ON entities BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE entities_json IS NOT NULL AND id IN (
        SELECT event_id FROM event_entities WHERE entity_id IN (OLD.id, NEW.id)
        UNION SELECT event_id FROM measures WHERE entity_id IN (OLD.id, NEW.id));
END;

CREATE TRIGGER event_lists_after_entity_delete AFTER DELETE ON entities BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE entities_json IS NOT NULL AND id IN (
        SELECT event_id FROM event_entities WHERE entity_id = OLD.id
        UNION SELECT event_id FROM measures WHERE entity_id = OLD.id);
END;

CREATE TRIGGER event_lists_after_source_update
AFTER UPDATE OF id, key, url, title, publisher, published_edtf, language, type, note ON sources BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE entities_json IS NOT NULL AND id IN (
        SELECT event_id FROM citations WHERE source_id IN (OLD.id, NEW.id)
        UNION SELECT event_id FROM measures WHERE source_id IN (OLD.id, NEW.id));
END;

CREATE TRIGGER event_lists_after_source_delete AFTER DELETE ON sources BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE entities_json IS NOT NULL AND id IN (
        SELECT event_id FROM citations WHERE source_id = OLD.id
        UNION SELECT event_id FROM measures WHERE source_id = OLD.id);
END;
