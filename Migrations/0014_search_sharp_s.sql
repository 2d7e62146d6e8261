-- German ß and its Swiss and capitalised spelling ss are one letter pair: unicode61 folds case
-- and accents but keeps ß, so `--search Schliessung` missed `Schließung` and the other way round.
-- The index now holds ß (and capital ẞ) as ss, and the CLI folds the search text the same way.
-- Same view as migration 0002's otherwise; the index is rebuilt from it once.

DROP VIEW IF EXISTS event_search_documents;

CREATE VIEW event_search_documents AS
SELECT
    e.id AS id,
    replace(replace(e.title, 'ß', 'ss'), 'ẞ', 'SS') AS title,
    replace(replace(coalesce(e.summary, ''), 'ß', 'ss'), 'ẞ', 'SS') AS summary,
    replace(replace(coalesce((SELECT group_concat(coalesce(c.quote, '') || ' ' || coalesce(c.translation, ''), ' ')
              FROM citations AS c WHERE c.event_id = e.id), ''), 'ß', 'ss'), 'ẞ', 'SS') AS quotes,
    replace(replace(coalesce((SELECT group_concat(n.text, ' ') FROM (
                  SELECT en.name || ' ' || en.slug AS text FROM event_entities AS ee
                  JOIN entities AS en ON en.id = ee.entity_id WHERE ee.event_id = e.id
                  UNION ALL
                  SELECT a.alias FROM event_entities AS ee
                  JOIN entity_aliases AS a ON a.entity_id = ee.entity_id WHERE ee.event_id = e.id
              ) AS n), ''), 'ß', 'ss'), 'ẞ', 'SS') AS names
FROM events AS e;

DELETE FROM event_search;

INSERT INTO event_search (rowid, title, summary, quotes, names)
SELECT id, title, summary, quotes, names FROM event_search_documents;
