-- Each event's dates as `timeline list` shows them ("early 2022", "2010s", "c. 2019 – Jun 2021?"),
-- kept in its row for the timeline_events view, which showed intervals, decades and centuries
-- in EDTF: SQL alone cannot name them as timeline does, and a view that called a function of
-- ours would not open in other tools.
--
-- They are a copy, as the stored lists are: timeline writes them with the dates; a date changed
-- by any other tool without its label sets the label back to NULL (the trigger below), and the
-- view then names the date as it did before. `timeline check` compares them with the dates, and
-- `timeline check --repair-lists` rewrites them.

ALTER TABLE events ADD COLUMN when_label TEXT;
ALTER TABLE events ADD COLUMN announced_label TEXT;

CREATE TRIGGER event_labels_after_date_update AFTER UPDATE OF when_edtf, announced_edtf ON events
WHEN (NEW.when_edtf IS NOT OLD.when_edtf AND NEW.when_label IS OLD.when_label)
  OR (NEW.announced_edtf IS NOT OLD.announced_edtf AND NEW.announced_label IS OLD.announced_label)
BEGIN
    UPDATE events SET
        when_label = CASE WHEN NEW.when_edtf IS NOT OLD.when_edtf AND NEW.when_label IS OLD.when_label
                          THEN NULL ELSE when_label END,
        announced_label = CASE WHEN NEW.announced_edtf IS NOT OLD.announced_edtf AND NEW.announced_label IS OLD.announced_label
                               THEN NULL ELSE announced_label END
    WHERE id = NEW.id;
END;

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
