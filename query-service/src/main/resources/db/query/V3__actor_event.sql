-- The events of each actor (either side; canonical actor ids, as in event_fact), in the order of
-- the events list: newest event date first, undated events last, ties by id. An actor's recent
-- events (the profile, GET /events?actor=) are then one index range of at most a page of rows,
-- whether the actor is in ten events or in a third of all of them; walking the event date index
-- and probing entity.event_actor per event cost up to 50 ms for a mid-frequency actor.
-- Maintained by the refresher from event_delta like dyad_event.
CREATE TABLE actor_event (
    actor_id   text NOT NULL,
    event_date date,
    event_id   uuid NOT NULL
);

-- Filled from the event facts already read: their actors, with the event's date from the entity
-- schema (event_fact.day falls back to the reporting date, the list order does not). A database
-- whose rollups are still empty may not have the entity schema yet; the refresher fills it then.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM event_fact) THEN
    INSERT INTO actor_event (actor_id, event_date, event_id)
    SELECT DISTINCT x.actor_id, e.event_date, f.event_id
      FROM event_fact f
      JOIN entity.event e ON e.id = f.event_id
      CROSS JOIN LATERAL unnest(f.sources || f.targets) AS x(actor_id);
  END IF;
END $$;

CREATE UNIQUE INDEX actor_event_recent_idx
    ON actor_event (actor_id, event_date DESC NULLS LAST, event_id DESC) NULLS NOT DISTINCT;
CREATE INDEX actor_event_event_idx ON actor_event (event_id);
ANALYZE actor_event;
