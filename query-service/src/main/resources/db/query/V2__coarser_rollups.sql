-- Coarser rollups for the busiest actors: actor_day keeps one row per CAMEO root, so an actor in
-- a third of all events has ~36,000 rows to add up for an unfiltered timeline; without the root
-- it has one per day. The dyad series needs months only. Both are filled from the finer rollups
-- here and maintained by the refresher from then on.

CREATE TABLE actor_day_all (
    actor_id text   NOT NULL,
    day      date   NOT NULL,
    events   bigint NOT NULL,
    articles bigint NOT NULL,
    PRIMARY KEY (actor_id, day)
);
INSERT INTO actor_day_all (actor_id, day, events, articles)
SELECT actor_id, day, sum(events), sum(articles) FROM actor_day GROUP BY 1, 2;

CREATE TABLE dyad_month (
    source_id text    NOT NULL,
    target_id text    NOT NULL,
    month     date    NOT NULL,
    type      char(2) NOT NULL,
    events    bigint  NOT NULL,
    PRIMARY KEY (source_id, target_id, month, type)
);
INSERT INTO dyad_month (source_id, target_id, month, type, events)
SELECT source_id, target_id, date_trunc('month', day::timestamp)::date, type, sum(events)
  FROM dyad_day GROUP BY 1, 2, 3, 4;
