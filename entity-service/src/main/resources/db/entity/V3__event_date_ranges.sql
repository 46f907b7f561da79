-- The days an event's dated reports reach (each report's date at its precision; a date taken from
-- the publication date stands for the week before it). The search for the events a new report could
-- join asks for ranges that overlap the report's own, through the GiST index, so that its cost does
-- not grow with the history; undated events are found through their actors or country instead.
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
-- undated events, found through their country (through their actors: event_actor_actor_idx)
CREATE INDEX event_undated_country_idx ON event (country) WHERE merged_into IS NULL AND date_from IS NULL;
-- undated reports of an actor, which a dated report of that actor may take into its own event
CREATE INDEX event_mention_actor_actor_idx ON event_mention_actor (actor_id, event_mention_id);
