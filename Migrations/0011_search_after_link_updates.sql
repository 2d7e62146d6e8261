-- The search index follows an event's entities and their aliases when another tool updates
-- those rows in place (`UPDATE event_entities SET entity_id = …`, `UPDATE entity_aliases SET
-- alias = …`), as it did when they were added or removed: migration 0002 had triggers for
-- inserts and deletes only, so such an update left the event found by the old name.
-- `timeline check` finds entries left stale so, and `timeline check --repair-lists` rewrites them.

CREATE TRIGGER event_search_after_event_entity_update AFTER UPDATE OF event_id, entity_id ON event_entities BEGIN
    DELETE FROM event_search WHERE rowid IN (OLD.event_id, NEW.event_id);
    INSERT INTO event_search (rowid, title, summary, quotes, names)
    SELECT id, title, summary, quotes, names FROM event_search_documents WHERE id IN (OLD.event_id, NEW.event_id);
END;

CREATE TRIGGER event_search_after_alias_update AFTER UPDATE OF alias, entity_id ON entity_aliases BEGIN
    DELETE FROM event_search WHERE rowid IN (
        SELECT event_id FROM event_entities WHERE entity_id IN (OLD.entity_id, NEW.entity_id));
    INSERT INTO event_search (rowid, title, summary, quotes, names)
    SELECT id, title, summary, quotes, names FROM event_search_documents
    WHERE id IN (SELECT event_id FROM event_entities WHERE entity_id IN (OLD.entity_id, NEW.entity_id));
END;
