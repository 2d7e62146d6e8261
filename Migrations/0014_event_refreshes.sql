-- The triggers that keep each event's stored lists (0007) and search entry (0002, 0011) current
-- when another tool changes the tables, in about half the text. SQLite parses every trigger of a
-- database each time a connection opens it, so their text is paid by every `timeline` command:
-- the 29 triggers these replace, each repeating its clearing or indexing statements, were more
-- than a third of the schema.
--
-- What a trigger did is now said once, by the trigger on the view `event_refreshes`: a row
-- inserted into it (an event's id, then 1 or 0 for its lists and for its search entry) clears
-- that event's lists and rebuilds its search entry. The view is always empty. Each trigger on a
-- table inserts the events its change touches, as the ones it replaces cleared or indexed them,
-- one trigger for each table and kind of change. Inserting into the view by hand does the same
-- (`INSERT INTO event_refreshes (event_id) VALUES (42)`: both); `timeline check --repair-lists`
-- rewrites what it cleared.

DROP TRIGGER IF EXISTS event_lists_after_entity_link_insert;
DROP TRIGGER IF EXISTS event_lists_after_entity_link_update;
DROP TRIGGER IF EXISTS event_lists_after_entity_link_delete;
DROP TRIGGER IF EXISTS event_lists_after_tag_insert;
DROP TRIGGER IF EXISTS event_lists_after_tag_update;
DROP TRIGGER IF EXISTS event_lists_after_tag_delete;
DROP TRIGGER IF EXISTS event_lists_after_measure_insert;
DROP TRIGGER IF EXISTS event_lists_after_measure_update;
DROP TRIGGER IF EXISTS event_lists_after_measure_delete;
DROP TRIGGER IF EXISTS event_lists_after_citation_insert;
DROP TRIGGER IF EXISTS event_lists_after_citation_update;
DROP TRIGGER IF EXISTS event_lists_after_citation_delete;
DROP TRIGGER IF EXISTS event_lists_after_entity_update;
DROP TRIGGER IF EXISTS event_lists_after_entity_delete;
DROP TRIGGER IF EXISTS event_lists_after_source_update;
DROP TRIGGER IF EXISTS event_lists_after_source_delete;
DROP TRIGGER IF EXISTS event_search_after_event_insert;
DROP TRIGGER IF EXISTS event_search_after_event_update;
DROP TRIGGER IF EXISTS event_search_after_event_delete;
DROP TRIGGER IF EXISTS event_search_after_citation_insert;
DROP TRIGGER IF EXISTS event_search_after_citation_update;
DROP TRIGGER IF EXISTS event_search_after_citation_delete;
DROP TRIGGER IF EXISTS event_search_after_event_entity_insert;
DROP TRIGGER IF EXISTS event_search_after_event_entity_update;
DROP TRIGGER IF EXISTS event_search_after_event_entity_delete;
DROP TRIGGER IF EXISTS event_search_after_entity_rename;
DROP TRIGGER IF EXISTS event_search_after_alias_insert;
DROP TRIGGER IF EXISTS event_search_after_alias_update;
DROP TRIGGER IF EXISTS event_search_after_alias_delete;

CREATE VIEW event_refreshes (event_id, lists, search) AS SELECT NULL, NULL, NULL WHERE 0;

-- Only rows with lists are rewritten; an event's search entry is deleted, then made again from
-- its row when it still has one. A flag left out is 1.
CREATE TRIGGER event_refresh INSTEAD OF INSERT ON event_refreshes BEGIN
    UPDATE events SET entities_json = NULL, tags_json = NULL, measures_json = NULL, sources_json = NULL
    WHERE coalesce(NEW.lists, 1) AND id = NEW.event_id AND entities_json IS NOT NULL;
    DELETE FROM event_search WHERE coalesce(NEW.search, 1) AND rowid = NEW.event_id;
    INSERT INTO event_search (rowid, title, summary, quotes, names)
    SELECT id, title, summary, quotes, names FROM event_search_documents WHERE coalesce(NEW.search, 1) AND id = NEW.event_id;
END;

CREATE TRIGGER event_refresh_after_event_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_refreshes VALUES (NEW.id, 0, 1);
END;
CREATE TRIGGER event_refresh_after_event_update AFTER UPDATE OF title, summary ON events BEGIN
    INSERT INTO event_refreshes VALUES (NEW.id, 0, 1);
END;
CREATE TRIGGER event_refresh_after_event_delete AFTER DELETE ON events BEGIN
    INSERT INTO event_refreshes VALUES (OLD.id, 0, 1);
END;

CREATE TRIGGER event_refresh_after_citation_insert AFTER INSERT ON citations BEGIN
    INSERT INTO event_refreshes VALUES (NEW.event_id, 1, 1);
END;
CREATE TRIGGER event_refresh_after_citation_update AFTER UPDATE ON citations BEGIN
    INSERT INTO event_refreshes SELECT OLD.event_id, 1, 1 UNION SELECT NEW.event_id, 1, 1;
END;
CREATE TRIGGER event_refresh_after_citation_delete AFTER DELETE ON citations BEGIN
    INSERT INTO event_refreshes VALUES (OLD.event_id, 1, 1);
END;

CREATE TRIGGER event_refresh_after_entity_link_insert AFTER INSERT ON event_entities BEGIN
    INSERT INTO event_refreshes VALUES (NEW.event_id, 1, 1);
END;
CREATE TRIGGER event_refresh_after_entity_link_update AFTER UPDATE ON event_entities BEGIN
    INSERT INTO event_refreshes SELECT OLD.event_id, 1, 1 UNION SELECT NEW.event_id, 1, 1;
END;
CREATE TRIGGER event_refresh_after_entity_link_delete AFTER DELETE ON event_entities BEGIN
    INSERT INTO event_refreshes VALUES (OLD.event_id, 1, 1);
END;

CREATE TRIGGER event_refresh_after_tag_insert AFTER INSERT ON event_tags BEGIN
    INSERT INTO event_refreshes VALUES (NEW.event_id, 1, 0);
END;
CREATE TRIGGER event_refresh_after_tag_update AFTER UPDATE ON event_tags BEGIN
    INSERT INTO event_refreshes SELECT OLD.event_id, 1, 0 UNION SELECT NEW.event_id, 1, 0;
END;
CREATE TRIGGER event_refresh_after_tag_delete AFTER DELETE ON event_tags BEGIN
    INSERT INTO event_refreshes VALUES (OLD.event_id, 1, 0);
END;

CREATE TRIGGER event_refresh_after_measure_insert AFTER INSERT ON measures BEGIN
    INSERT INTO event_refreshes VALUES (NEW.event_id, 1, 0);
END;
CREATE TRIGGER event_refresh_after_measure_update AFTER UPDATE ON measures BEGIN
    INSERT INTO event_refreshes SELECT OLD.event_id, 1, 0 UNION SELECT NEW.event_id, 1, 0;
END;
CREATE TRIGGER event_refresh_after_measure_delete AFTER DELETE ON measures BEGIN
    INSERT INTO event_refreshes VALUES (OLD.event_id, 1, 0);
END;

-- An entity's name and slug are in the search entries of its events; its figures name it too.
-- (Deleting one its events still name is refused with the foreign keys on; with them off, as in
-- the sqlite3 shell, those events' entries lose its name, which 0002's triggers left in them, and
-- get it back when a row of that id is inserted again. A new entity's id names no event: one
-- indexed lookup. Figures are not looked up on insert, measures having no index by entity: their
-- events' lists were cleared when the entity went.)
CREATE TRIGGER event_refresh_after_entity_insert AFTER INSERT ON entities BEGIN
    INSERT INTO event_refreshes SELECT event_id, 1, 1 FROM event_entities WHERE entity_id = NEW.id;
END;
CREATE TRIGGER event_refresh_after_entity_update AFTER UPDATE OF id, slug, name ON entities BEGIN
    INSERT INTO event_refreshes SELECT event_id, 1, 1 FROM event_entities WHERE entity_id IN (OLD.id, NEW.id)
    UNION SELECT event_id, 1, 0 FROM measures WHERE entity_id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER event_refresh_after_entity_delete AFTER DELETE ON entities BEGIN
    INSERT INTO event_refreshes SELECT event_id, 1, 1 FROM event_entities WHERE entity_id = OLD.id
    UNION SELECT event_id, 1, 0 FROM measures WHERE entity_id = OLD.id;
END;

CREATE TRIGGER event_refresh_after_alias_insert AFTER INSERT ON entity_aliases BEGIN
    INSERT INTO event_refreshes SELECT event_id, 0, 1 FROM event_entities WHERE entity_id = NEW.entity_id;
END;
CREATE TRIGGER event_refresh_after_alias_update AFTER UPDATE OF alias, entity_id ON entity_aliases BEGIN
    INSERT INTO event_refreshes SELECT event_id, 0, 1 FROM event_entities WHERE entity_id IN (OLD.entity_id, NEW.entity_id);
END;
CREATE TRIGGER event_refresh_after_alias_delete AFTER DELETE ON entity_aliases BEGIN
    INSERT INTO event_refreshes SELECT event_id, 0, 1 FROM event_entities WHERE entity_id = OLD.entity_id;
END;

CREATE TRIGGER event_refresh_after_source_update
AFTER UPDATE OF id, key, url, title, publisher, published_edtf, language, type, note ON sources BEGIN
    INSERT INTO event_refreshes SELECT event_id, 1, 0 FROM citations WHERE source_id IN (OLD.id, NEW.id)
    UNION SELECT event_id, 1, 0 FROM measures WHERE source_id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER event_refresh_after_source_delete AFTER DELETE ON sources BEGIN
    INSERT INTO event_refreshes SELECT event_id, 1, 0 FROM citations WHERE source_id = OLD.id
    UNION SELECT event_id, 1, 0 FROM measures WHERE source_id = OLD.id;
END;
