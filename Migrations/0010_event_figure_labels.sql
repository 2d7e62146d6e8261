-- Each event's figures as `timeline list` and `show` write them ("employees laid off: 159 people;
-- deal value: about 3,900,000,000 USD"), kept in its row for the timeline_events view, which
-- showed the stored words and digits ("employees-laid-off: 159 person"): SQL alone cannot group
-- thousands, write a share as a percentage or count units in English.
--
-- The label is written with the stored lists (migration 0007), and is the empty text for an event
-- without figures. It is read only while the event's lists are there: a change to its figures by
-- any other tool clears the lists through their triggers, and the view then names the figures as
-- it did before. `timeline check` compares the labels with the figures, and
-- `timeline check --repair-lists` rewrites them.

ALTER TABLE events ADD COLUMN figures_label TEXT;

DROP VIEW timeline_events;

CREATE VIEW timeline_events AS
SELECT
    e.uid AS uid,
    coalesce(e.when_label, (SELECT CASE WHEN a AND p <> 'interval' THEN 'c. ' ELSE '' END || CASE p
            WHEN 'day' THEN CAST(substr(d, 9, 2) AS INTEGER) || ' ' || substr('JanFebMarAprMayJunJulAugSepOctNovDec', m * 3 - 2, 3) || ' ' || y
            WHEN 'month' THEN substr('JanFebMarAprMayJunJulAugSepOctNovDec', m * 3 - 2, 3) || ' ' || y
            WHEN 'quarter' THEN 'Q' || (m - 32) || ' ' || y
            WHEN 'half-year' THEN 'H' || (m - 39) || ' ' || y
            WHEN 'season' THEN CASE m WHEN 21 THEN 'Spring ' WHEN 22 THEN 'Summer ' WHEN 23 THEN 'Autumn ' ELSE 'Winter ' END
                || y || CASE WHEN m IN (21, 22, 23) THEN '' ELSE '–' || substr(CAST(y AS INTEGER) + 1, 3, 2) END
            WHEN 'year' THEN y
            ELSE x END || CASE WHEN u AND p <> 'interval' THEN '?' ELSE '' END
        FROM (SELECT *, substr(d, 1, 4) AS y, CAST(substr(d, 6, 2) AS INTEGER) AS m FROM (
            SELECT e.when_edtf AS x, rtrim(e.when_edtf, '~?%') AS d, e.when_precision AS p,
                   e.when_approximate AS a, e.when_uncertain AS u))
        WHERE x IS NOT NULL)) AS "when",
    coalesce(e.announced_label, (SELECT CASE WHEN a AND p <> 'interval' THEN 'c. ' ELSE '' END || CASE p
            WHEN 'day' THEN CAST(substr(d, 9, 2) AS INTEGER) || ' ' || substr('JanFebMarAprMayJunJulAugSepOctNovDec', m * 3 - 2, 3) || ' ' || y
            WHEN 'month' THEN substr('JanFebMarAprMayJunJulAugSepOctNovDec', m * 3 - 2, 3) || ' ' || y
            WHEN 'quarter' THEN 'Q' || (m - 32) || ' ' || y
            WHEN 'half-year' THEN 'H' || (m - 39) || ' ' || y
            WHEN 'season' THEN CASE m WHEN 21 THEN 'Spring ' WHEN 22 THEN 'Summer ' WHEN 23 THEN 'Autumn ' ELSE 'Winter ' END
                || y || CASE WHEN m IN (21, 22, 23) THEN '' ELSE '–' || substr(CAST(y AS INTEGER) + 1, 3, 2) END
            WHEN 'year' THEN y
            ELSE x END || CASE WHEN u AND p <> 'interval' THEN '?' ELSE '' END
        FROM (SELECT *, substr(d, 1, 4) AS y, CAST(substr(d, 6, 2) AS INTEGER) AS m FROM (
            SELECT e.announced_edtf AS x, rtrim(e.announced_edtf, '~?%') AS d, e.announced_precision AS p,
                   e.announced_approximate AS a, e.announced_uncertain AS u))
        WHERE x IS NOT NULL)) AS announced,
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
ORDER BY e.when_earliest IS NOT NULL, e.when_earliest, e.when_latest IS NULL, e.when_latest, e.uid;
