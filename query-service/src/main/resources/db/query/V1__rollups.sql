-- Rollups over the entity schema, owned by query-service and written only by its refresher
-- (org.newsgraph.query.rollup.RollupRefresher). Each source row's last contribution is kept
-- (event_fact, article_actor) so that a changed row is applied as "minus old, plus new": the
-- aggregate tables are kept exact incrementally and never rebuilt.

-- Where the refresher got to: it re-reads everything changed after (last_started - overlap).
CREATE TABLE refresh_state (
    id            int         PRIMARY KEY CHECK (id = 1),
    last_started  timestamptz,
    refreshed_at  timestamptz
);
INSERT INTO refresh_state (id) VALUES (1);

-- One row per canonical (not merged-away) event: what it last contributed to the rollups.
-- day is the event date, or the day it was first reported when the date is unknown.
CREATE TABLE event_fact (
    event_id   uuid        PRIMARY KEY,
    updated_at timestamptz NOT NULL,
    day        date        NOT NULL,
    type       char(2)     NOT NULL,
    articles   int         NOT NULL,
    sources    text[]      NOT NULL,   -- actor ids after following actor.merged_into
    targets    text[]      NOT NULL
);

-- Events and the articles reporting them per day and CAMEO root: the global timeline.
CREATE TABLE type_day (
    day      date    NOT NULL,
    type     char(2) NOT NULL,
    events   bigint  NOT NULL,
    articles bigint  NOT NULL,
    PRIMARY KEY (day, type)
);

-- The same per actor (either side): actor timelines and event counts.
CREATE TABLE actor_day (
    actor_id text    NOT NULL,
    day      date    NOT NULL,
    type     char(2) NOT NULL,
    events   bigint  NOT NULL,
    articles bigint  NOT NULL,
    PRIMARY KEY (actor_id, day, type)
);

-- Directed source -> target event counts per day and root: dyad series and the network.
CREATE TABLE dyad_day (
    source_id text    NOT NULL,
    target_id text    NOT NULL,
    day       date    NOT NULL,
    type      char(2) NOT NULL,
    events    bigint  NOT NULL,
    PRIMARY KEY (source_id, target_id, day, type)
);
CREATE INDEX dyad_day_day_idx ON dyad_day (day);

-- Events in which two actors take part together (either side), stored in both orders so that
-- an actor's most related actors are one index range scan.
CREATE TABLE actor_pair (
    actor_id text   NOT NULL,
    other_id text   NOT NULL,
    events   bigint NOT NULL,
    PRIMARY KEY (actor_id, other_id)
);
CREATE INDEX actor_pair_top_idx ON actor_pair (actor_id, events DESC, other_id);

-- Which outbox state of each article the rollups reflect: an article is re-read when its
-- ingest.outbox row changed (DONE, SKIPPED, reprocessing all touch outbox.updated_at).
CREATE TABLE article_state (
    article_id bigint      PRIMARY KEY,
    stamp      timestamptz NOT NULL
);

-- The events each article reported, as last read: when an article is re-extracted, the events it
-- left (perhaps deleted since) are re-read too.
CREATE TABLE article_event (
    article_id bigint NOT NULL,
    event_id   uuid   NOT NULL,
    PRIMARY KEY (article_id, event_id)
);

-- Mentions of an actor per article, as last extracted (day: publication, else ingestion date).
CREATE TABLE article_actor (
    article_id bigint NOT NULL,
    actor_id   text   NOT NULL,
    day        date   NOT NULL,
    mentions   int    NOT NULL,
    PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX article_actor_actor_idx ON article_actor (actor_id);

-- Mentions and mentioning articles per actor and day: profile timelines, first/last seen.
CREATE TABLE actor_mention_day (
    actor_id text   NOT NULL,
    day      date   NOT NULL,
    mentions bigint NOT NULL,
    articles bigint NOT NULL,
    PRIMARY KEY (actor_id, day)
);

-- Per-actor totals, recomputed from the day rollups for the actors a refresh touched.
CREATE TABLE actor_total (
    actor_id   text   PRIMARY KEY,
    mentions   bigint NOT NULL,
    articles   bigint NOT NULL,
    events     bigint NOT NULL,
    first_seen date,
    last_seen  date
);
CREATE INDEX actor_total_mentions_idx ON actor_total (mentions DESC, actor_id);

-- Actors merged away and the actor each was merged into: answers "which ids stand for this
-- actor" with an index, where entity.actor has none on merged_into.
CREATE TABLE merged_actor (
    id          text PRIMARY KEY,
    merged_into text NOT NULL
);
CREATE INDEX merged_actor_into_idx ON merged_actor (merged_into);

-- Events between two actors (one a source, the other a target, either way), the pair ordered
-- (actor_a < actor_b), newest first in the index: a dyad's event list is one index range scan
-- even for the two busiest actors, where a join of their event_actor rows is not.
CREATE TABLE dyad_event (
    actor_a  text NOT NULL,
    actor_b  text NOT NULL,
    day      date NOT NULL,
    event_id uuid NOT NULL,
    PRIMARY KEY (actor_a, actor_b, day, event_id)
);
CREATE INDEX dyad_event_event_idx ON dyad_event (event_id);
