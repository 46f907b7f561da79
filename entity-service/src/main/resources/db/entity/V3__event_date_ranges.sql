-- The days an event's dated reports reach (each report's date at its precision; a date taken from
-- the publication date stands for the week before it). The search for the events a new report could
-- join asks for ranges that overlap the report's own, through the GiST index, so that its cost does
-- not grow with the history; undated events are found through their actors' and country's newest.
ALTER TABLE event ADD COLUMN date_from date, ADD COLUMN date_to date;

UPDATE event e SET date_from = r.date_from, date_to = r.date_to
FROM (
    SELECT em.event_id,
           min(CASE
                 WHEN em.date_origin = 'TEXT' AND em.date_precision = 'MONTH' THEN date_trunc('month', em.event_date)::date
                 WHEN em.date_origin = 'TEXT' AND em.date_precision = 'YEAR' THEN date_trunc('year', em.event_date)::date
                 WHEN em.date_origin = 'TEXT' AND em.date_precision = 'DAY' THEN em.event_date
                 ELSE em.event_date - 7
               END) AS date_from,
           max(CASE
                 WHEN em.date_origin = 'TEXT' AND em.date_precision = 'MONTH' THEN (date_trunc('month', em.event_date) + interval '1 month - 1 day')::date
                 WHEN em.date_origin = 'TEXT' AND em.date_precision = 'YEAR' THEN (date_trunc('year', em.event_date) + interval '1 year - 1 day')::date
                 ELSE em.event_date
               END) AS date_to
    FROM event_mention em
    WHERE em.event_date IS NOT NULL AND NOT (em.historical AND em.date_origin IS DISTINCT FROM 'TEXT')
    GROUP BY em.event_id
) r
WHERE r.event_id = e.id;

CREATE INDEX event_date_range_idx ON event USING gist (daterange(date_from, date_to, '[]'))
    WHERE merged_into IS NULL AND date_from IS NOT NULL;
-- the newest events of a country, and the newest undated reports: where a report looks for the
-- events without a date that it might join
CREATE INDEX event_country_created_idx ON event (country, created_at) WHERE merged_into IS NULL;
CREATE INDEX event_mention_undated_idx ON event_mention (factuality, id) WHERE event_date IS NULL;
