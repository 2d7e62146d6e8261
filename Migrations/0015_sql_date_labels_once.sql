-- timeline_events names a date the row has no label for (one another tool changed, 0009) in SQL,
-- for the `when` and the `announced` date alike: the expression was written twice, once over each
-- date's columns, and was a tenth of the schema SQLite parses each time a connection opens it.
-- It is written once now, in the view `event_sql_date_labels` (one row for each date of each
-- event: its `event_id`, `when` or `announced`, and the date named in SQL alone), which timeline_events
-- reads by id only for a date without a label. Its rows and columns are those of 0009's.

DROP VIEW timeline_events;

CREATE VIEW event_sql_date_labels AS
SELECT id AS event_id, date, CASE WHEN a AND p <> 'interval' THEN 'c. ' ELSE '' END || CASE p
        WHEN 'day' THEN CAST(substr(d, 9, 2) AS INTEGER) || ' ' || substr('JanFebMarAprMayJunJulAugSepOctNovDec', m * 3 - 2, 3) || ' ' || y
        WHEN 'month' THEN substr('JanFebMarAprMayJunJulAugSepOctNovDec', m * 3 - 2, 3) || ' ' || y
        WHEN 'quarter' THEN 'Q' || (m - 32) || ' ' || y
        WHEN 'half-year' THEN 'H' || (m - 39) || ' ' || y
        WHEN 'season' THEN CASE m WHEN 21 THEN 'Spring ' WHEN 22 THEN 'Summer ' WHEN 23 THEN 'Autumn ' ELSE 'Winter ' END
            || y || CASE WHEN m IN (21, 22, 23) THEN '' ELSE '–' || substr(CAST(y AS INTEGER) + 1, 3, 2) END
        WHEN 'year' THEN y
        ELSE x END || CASE WHEN u AND p <> 'interval' THEN '?' ELSE '' END AS label
FROM (SELECT *, substr(d, 1, 4) AS y, CAST(substr(d, 6, 2) AS INTEGER) AS m FROM (
    SELECT id, 'when' AS date, when_edtf AS x, rtrim(when_edtf, '~?%') AS d, when_precision AS p,
           when_approximate AS a, when_uncertain AS u FROM events WHERE when_edtf IS NOT NULL
    UNION ALL
    SELECT id, 'announced', announced_edtf, rtrim(announced_edtf, '~?%'), announced_precision,
           announced_approximate, announced_uncertain FROM events WHERE announced_edtf IS NOT NULL));

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
            SELECT m.quantity || ': ' || CASE WHEN m.approximate THEN 'about ' ELSE '' END
                   || CASE m.qualifier WHEN 'more-than' THEN 'more than ' WHEN 'less-than' THEN 'less than '
                      WHEN 'up-to' THEN 'up to ' WHEN 'at-least' THEN 'at least ' ELSE '' END
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
