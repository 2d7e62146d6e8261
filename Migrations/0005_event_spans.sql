-- An R*Tree over each event's span (earliest to latest day, as day numbers since 1970-01-01),
-- so the range query `earliest <= B AND latest >= A` visits only the events near the range
-- instead of every event that starts before B. Open ends are stored as far-away days.
-- Kept in step with events by triggers; rowid = events.id.

CREATE VIRTUAL TABLE event_spans USING rtree_i32(id, earliest_day, latest_day);

CREATE VIEW event_span_rows AS
SELECT
    id,
    coalesce(CAST(julianday(when_earliest) - 2440587.5 AS INTEGER), -2147483000) AS earliest_day,
    coalesce(CAST(julianday(when_latest) - 2440587.5 AS INTEGER), 2147483000) AS latest_day
FROM events;

INSERT INTO event_spans (id, earliest_day, latest_day) SELECT id, earliest_day, latest_day FROM event_span_rows;

CREATE TRIGGER event_spans_after_event_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_spans (id, earliest_day, latest_day)
    SELECT id, earliest_day, latest_day FROM event_span_rows WHERE id = NEW.id;
END;

CREATE TRIGGER event_spans_after_event_update AFTER UPDATE OF when_earliest, when_latest ON events BEGIN
    DELETE FROM event_spans WHERE id = OLD.id;
    INSERT INTO event_spans (id, earliest_day, latest_day)
    SELECT id, earliest_day, latest_day FROM event_span_rows WHERE id = NEW.id;
END;

CREATE TRIGGER event_spans_after_event_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_spans WHERE id = OLD.id;
END;
