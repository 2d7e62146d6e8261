-- Views for browsing the database in other tools (Datasette, sqlite-utils, the sqlite3 shell):
-- one row per event with its dates at their precision, and one row per citation or figure.
-- The date labels follow `timeline list` (English); intervals show their EDTF text.

CREATE VIEW timeline_events AS
SELECT
    e.uid AS uid,
    CASE WHEN e.when_edtf IS NULL THEN NULL ELSE
        (CASE WHEN e.when_approximate AND e.when_precision <> 'interval' THEN 'c. ' ELSE '' END)
        || CASE e.when_precision
            WHEN 'day' THEN CAST(substr(rtrim(e.when_edtf, '~?%'), 9, 2) AS INTEGER) || ' ' || substr('JanFebMarAprMayJunJulAugSepOctNovDec', (CAST(substr(rtrim(e.when_edtf, '~?%'), 6, 2) AS INTEGER) - 1) * 3 + 1, 3) || ' ' || substr(rtrim(e.when_edtf, '~?%'), 1, 4)
            WHEN 'month' THEN substr('JanFebMarAprMayJunJulAugSepOctNovDec', (CAST(substr(rtrim(e.when_edtf, '~?%'), 6, 2) AS INTEGER) - 1) * 3 + 1, 3) || ' ' || substr(rtrim(e.when_edtf, '~?%'), 1, 4)
            WHEN 'quarter' THEN 'Q' || (CAST(substr(rtrim(e.when_edtf, '~?%'), 6, 2) AS INTEGER) - 32) || ' ' || substr(rtrim(e.when_edtf, '~?%'), 1, 4)
            WHEN 'half-year' THEN 'H' || (CAST(substr(rtrim(e.when_edtf, '~?%'), 6, 2) AS INTEGER) - 39) || ' ' || substr(rtrim(e.when_edtf, '~?%'), 1, 4)
            WHEN 'season' THEN CASE CAST(substr(rtrim(e.when_edtf, '~?%'), 6, 2) AS INTEGER) WHEN 21 THEN 'Spring ' || substr(rtrim(e.when_edtf, '~?%'), 1, 4) WHEN 22 THEN 'Summer ' || substr(rtrim(e.when_edtf, '~?%'), 1, 4)
                WHEN 23 THEN 'Autumn ' || substr(rtrim(e.when_edtf, '~?%'), 1, 4) ELSE 'Winter ' || substr(rtrim(e.when_edtf, '~?%'), 1, 4) || '–' || substr(CAST(substr(rtrim(e.when_edtf, '~?%'), 1, 4) AS INTEGER) + 1, 3, 2) END
            WHEN 'year' THEN substr(rtrim(e.when_edtf, '~?%'), 1, 4)
            ELSE e.when_edtf
        END
        || (CASE WHEN e.when_uncertain AND e.when_precision <> 'interval' THEN '?' ELSE '' END) END AS "when",
    CASE WHEN e.announced_edtf IS NULL THEN NULL ELSE
        (CASE WHEN e.announced_approximate AND e.announced_precision <> 'interval' THEN 'c. ' ELSE '' END)
        || CASE e.announced_precision
            WHEN 'day' THEN CAST(substr(rtrim(e.announced_edtf, '~?%'), 9, 2) AS INTEGER) || ' ' || substr('JanFebMarAprMayJunJulAugSepOctNovDec', (CAST(substr(rtrim(e.announced_edtf, '~?%'), 6, 2) AS INTEGER) - 1) * 3 + 1, 3) || ' ' || substr(rtrim(e.announced_edtf, '~?%'), 1, 4)
            WHEN 'month' THEN substr('JanFebMarAprMayJunJulAugSepOctNovDec', (CAST(substr(rtrim(e.announced_edtf, '~?%'), 6, 2) AS INTEGER) - 1) * 3 + 1, 3) || ' ' || substr(rtrim(e.announced_edtf, '~?%'), 1, 4)
            WHEN 'quarter' THEN 'Q' || (CAST(substr(rtrim(e.announced_edtf, '~?%'), 6, 2) AS INTEGER) - 32) || ' ' || substr(rtrim(e.announced_edtf, '~?%'), 1, 4)
            WHEN 'half-year' THEN 'H' || (CAST(substr(rtrim(e.announced_edtf, '~?%'), 6, 2) AS INTEGER) - 39) || ' ' || substr(rtrim(e.announced_edtf, '~?%'), 1, 4)
            WHEN 'season' THEN CASE CAST(substr(rtrim(e.announced_edtf, '~?%'), 6, 2) AS INTEGER) WHEN 21 THEN 'Spring ' || substr(rtrim(e.announced_edtf, '~?%'), 1, 4) WHEN 22 THEN 'Summer ' || substr(rtrim(e.announced_edtf, '~?%'), 1, 4)
                WHEN 23 THEN 'Autumn ' || substr(rtrim(e.announced_edtf, '~?%'), 1, 4) ELSE 'Winter ' || substr(rtrim(e.announced_edtf, '~?%'), 1, 4) || '–' || substr(CAST(substr(rtrim(e.announced_edtf, '~?%'), 1, 4) AS INTEGER) + 1, 3, 2) END
            WHEN 'year' THEN substr(rtrim(e.announced_edtf, '~?%'), 1, 4)
            ELSE e.announced_edtf
        END
        || (CASE WHEN e.announced_uncertain AND e.announced_precision <> 'interval' THEN '?' ELSE '' END) END AS announced,
    e.kind AS kind,
    e.status AS status,
    e.title AS title,
    (SELECT group_concat(n.name, '; ') FROM (
        SELECT en.name AS name FROM event_entities AS ee JOIN entities AS en ON en.id = ee.entity_id
        WHERE ee.event_id = e.id ORDER BY ee.position) AS n) AS entities,
    (SELECT group_concat(f.text, '; ') FROM (
        SELECT m.quantity || ': ' || CASE WHEN m.approximate THEN 'about ' ELSE '' END
               || CASE m.qualifier WHEN 'more-than' THEN 'more than ' WHEN 'less-than' THEN 'less than '
                  WHEN 'up-to' THEN 'up to ' WHEN 'at-least' THEN 'at least ' ELSE '' END
               || m.value || ' ' || m.unit AS text
        FROM measures AS m WHERE m.event_id = e.id ORDER BY m.id) AS f) AS figures,
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

CREATE VIEW timeline_citations AS
SELECT
    e.uid AS uid,
    e.title AS event,
    c.stance AS stance,
    s.publisher AS publisher,
    s.title AS source_title,
    s.published_edtf AS published,
    s.language AS language,
    s.type AS type,
    s.url AS url,
    c.quote AS quote,
    c.quote_language AS quote_language,
    c.translation AS translation,
    c.note AS note,
    s.key AS source_key
FROM citations AS c
JOIN events AS e ON e.id = c.event_id
JOIN sources AS s ON s.id = c.source_id
ORDER BY e.when_earliest, e.uid, c.id;

CREATE VIEW timeline_figures AS
SELECT
    e.uid AS uid,
    e.title AS event,
    m.quantity AS quantity,
    m.value AS value,
    m.unit AS unit,
    en.slug AS entity,
    m.approximate AS approximate,
    m.qualifier AS qualifier,
    s.key AS source_key,
    s.publisher AS source_publisher,
    m.note AS note
FROM measures AS m
JOIN events AS e ON e.id = m.event_id
LEFT JOIN entities AS en ON en.id = m.entity_id
LEFT JOIN sources AS s ON s.id = m.source_id
ORDER BY e.when_earliest, e.uid, m.id;
