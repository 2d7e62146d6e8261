-- timeline_figures again, with `value_number`: the figure as a number SQL compares and sorts by
-- magnitude. `value` stays the exact decimal text (money is never a binary float), but as text,
-- `value > 1000` held for 350 and `ORDER BY value` put 300 after 2,500, in the sqlite3 shell, in
-- Datasette's filters and in sqlite-utils alike. `value_number` is an INTEGER for a whole number,
-- else a REAL (exact to about 15 digits).

DROP VIEW timeline_figures;

CREATE VIEW timeline_figures AS
SELECT
    e.uid AS uid,
    e.title AS event,
    m.quantity AS quantity,
    m.value AS value,
    CAST(m.value AS NUMERIC) AS value_number,
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
