-- A figure both bounded and approximate (`qualifier` more-than and `approximate` true: a source's
-- "more than about 350") is named with both words, "more than about 350 people": the stored
-- figures labels (0010) named the bound alone, and timeline_events, naming figures in SQL for an
-- event without a label, put "about" first ("about more than 350 person"). The labels of events
-- with such a figure are cleared here and written again after the migration, as after 0010's;
-- the view puts the bound first. Its rows and other columns are those of 0015's.

UPDATE events SET figures_label = NULL
WHERE figures_label IS NOT NULL
    AND id IN (SELECT event_id FROM measures WHERE approximate AND qualifier IS NOT NULL);

DROP VIEW timeline_events;

CREATE VIEW timeline_events AS
SELECT
    e.uid AS uid,
    coalesce(e.when_label, (SELECT label FROM event_sql_date_labels WHERE event_id = e.id AND date = 'when')) AS "when",
    coalesce(e.announced_label, (SELECT label FROM event_sql_date_labels WHERE event_id = e.id AND date = 'announced')) AS announced,
    e.kind AS kind,
    e.status AS status,
    e.title AS title,
    (SELECT group_concat(n.name, '; ') FROM (
        SELECT en.name AS name FROM event_entities AS ee JOIN entities AS en ON en.id = ee.entity_id
        WHERE ee.event_id = e.id ORDER BY ee.position) AS n) AS entities,
    CASE WHEN e.measures_json IS NOT NULL AND e.figures_label IS NOT NULL THEN nullif(e.figures_label, '') ELSE
        (SELECT group_concat(f.text, '; ') FROM (
            SELECT m.quantity || ': '
                   || CASE m.qualifier WHEN 'more-than' THEN 'more than ' WHEN 'less-than' THEN 'less than '
                      WHEN 'up-to' THEN 'up to ' WHEN 'at-least' THEN 'at least ' ELSE '' END
                   || CASE WHEN m.approximate THEN 'about ' ELSE '' END
                   || m.value || ' ' || m.unit AS text
            FROM measures AS m WHERE m.event_id = e.id ORDER BY m.id) AS f) END AS figures,
    (SELECT count(*) FROM citations AS c WHERE c.event_id = e.id) AS sources,
    e.when_edtf AS when_edtf,
    e.when_earliest AS earliest,
    e.when_latest AS latest,
    e.when_precision AS precision,
    e.announced_edtf AS announced_edtf,
    (SELECT group_concat(t.tag, ', ') FROM (SELECT tag FROM event_tags WHERE event_id = e.id ORDER BY tag) AS t) AS tags,
    e.summary AS summary
FROM events AS e
ORDER BY e.when_earliest IS NOT NULL, e.when_earliest, e.when_latest IS NULL, e.when_latest, e.uid
;
