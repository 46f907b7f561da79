-- Actors, their mentions in articles, event mentions, and canonical events.
-- article_id refers to ingest.article(id); there is no foreign key across schemas so that each
-- service migrates its own schema independently.

CREATE TABLE actor (
    id          text        PRIMARY KEY,  -- stable readable slug: 'taliban', 'vladimir-putin'
    name        text        NOT NULL,
    type        text        NOT NULL
                    CHECK (type IN ('STATE', 'PERSON', 'ORGANIZATION', 'ARMED_GROUP', 'GOVERNMENT_BODY', 'IGO')),
    country     char(3),                  -- ISO 3166-1 alpha-3
    parent_id   text        REFERENCES actor (id),
    origin      text        NOT NULL DEFAULT 'REGISTRY' -- REGISTRY | CURATED | PROVISIONAL
                    CHECK (origin IN ('REGISTRY', 'CURATED', 'PROVISIONAL')),
    merged_into text        REFERENCES actor (id),      -- set when merged away; the id keeps answering
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX actor_type_idx ON actor (type);
CREATE INDEX actor_country_idx ON actor (country);

CREATE TABLE actor_alias (
    actor_id text NOT NULL REFERENCES actor (id),
    alias    text NOT NULL,
    alias_key text NOT NULL,              -- normalised: lower case, no accents, single spaces
    language text,
    origin   text NOT NULL DEFAULT 'REGISTRY'
                 CHECK (origin IN ('REGISTRY', 'CURATED', 'PROVISIONAL', 'EXTRACTED')),
    -- ALIAS names the actor; a DEMONYM ("Russian") or METONYM ("the Kremlin") stands for it only
    -- in some contexts, so the extractor must know which is which
    kind     text NOT NULL DEFAULT 'ALIAS' CHECK (kind IN ('ALIAS', 'DEMONYM', 'METONYM')),
    -- the spelling, not the key: 'Erdoğan' and 'Erdogan' share a key and both must reach matchers
    -- that do not fold accents
    PRIMARY KEY (actor_id, kind, alias)
);

CREATE INDEX actor_alias_key_idx ON actor_alias (alias_key);

-- The checksum of the shipped registry last loaded, so that startup re-syncs only when it changed.
CREATE TABLE registry_sync (
    registry  text        PRIMARY KEY,
    checksum  text        NOT NULL,
    actors    int         NOT NULL,
    synced_at timestamptz NOT NULL DEFAULT now()
);

-- Bumped in the same transaction as every change to actor or actor_alias: each replica's
-- in-memory actor directory reloads when it sees a newer revision (only committed changes count).
CREATE TABLE actor_revision (
    id       int    PRIMARY KEY CHECK (id = 1),
    revision bigint NOT NULL
);
INSERT INTO actor_revision (id, revision) VALUES (1, 0);

-- One row per article that was extracted: the version and when, so reprocessing can find stale ones.
CREATE TABLE article_extraction (
    article_id        bigint      PRIMARY KEY,
    extractor_version text        NOT NULL,
    language          text,
    extracted_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE mention (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id bigint NOT NULL,
    start_offset int  NOT NULL,
    end_offset   int  NOT NULL,
    text       text   NOT NULL,
    ner_type   text,
    actor_id   text   REFERENCES actor (id),
    CHECK (start_offset >= 0 AND end_offset >= start_offset)
);

CREATE INDEX mention_article_idx ON mention (article_id);
CREATE INDEX mention_actor_idx ON mention (actor_id);

-- A canonical event: one real-world happening, however many articles report it.
CREATE TABLE event (
    id                 uuid        PRIMARY KEY,
    type               char(2)     NOT NULL,      -- CAMEO root code
    label              text,
    event_date         date,
    date_precision     text        NOT NULL DEFAULT 'UNKNOWN'
                           CHECK (date_precision IN ('DAY', 'MONTH', 'YEAR', 'UNKNOWN')),
    place              text,
    country            char(3),
    lat                double precision,
    lon                double precision,
    factuality         text        NOT NULL DEFAULT 'ASSERTED'
                           CHECK (factuality IN ('ASSERTED', 'POSSIBLE', 'NEGATED')),
    fatalities_min     int,
    fatalities_max     int,
    injuries_min       int,
    injuries_max       int,
    article_count      int         NOT NULL DEFAULT 0,
    source_count       int         NOT NULL DEFAULT 0,
    first_reported_at  timestamptz,
    confidence         real        NOT NULL DEFAULT 0,
    merged_into        uuid        REFERENCES event (id), -- set when absorbed by another event
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX event_date_idx ON event (event_date) WHERE merged_into IS NULL;
CREATE INDEX event_type_idx ON event (type) WHERE merged_into IS NULL;
CREATE INDEX event_country_idx ON event (country) WHERE merged_into IS NULL;
CREATE INDEX event_updated_idx ON event (updated_at);
CREATE INDEX event_articles_idx ON event (article_count DESC, id DESC) WHERE merged_into IS NULL;
CREATE INDEX event_merged_into_idx ON event (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE event_actor (
    event_id uuid NOT NULL REFERENCES event (id),
    actor_id text NOT NULL REFERENCES actor (id),
    role     text NOT NULL CHECK (role IN ('SOURCE', 'TARGET')),
    PRIMARY KEY (event_id, role, actor_id)
);

CREATE INDEX event_actor_actor_idx ON event_actor (actor_id, role);

-- One event as one article reports it, with the evidence for every part.
CREATE TABLE event_mention (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id          bigint   NOT NULL,
    event_id            uuid     NOT NULL REFERENCES event (id),
    type                char(2)  NOT NULL,
    trigger_start       int      NOT NULL,
    trigger_end         int      NOT NULL,
    trigger_text        text     NOT NULL,
    sentence_start      int      NOT NULL,
    sentence_end        int      NOT NULL,
    event_date          date,
    date_precision      text     NOT NULL DEFAULT 'UNKNOWN',
    date_origin         text,             -- TEXT (the event's own time expression) | PUBLICATION
    date_start          int,
    date_end            int,
    place               text,
    country             char(3),
    place_start         int,
    place_end           int,
    fatalities          int,
    fatalities_qualifier text,
    fatalities_start    int,
    fatalities_end      int,
    injuries            int,
    injuries_qualifier  text,
    injuries_start      int,
    injuries_end        int,
    factuality          text     NOT NULL DEFAULT 'ASSERTED',
    historical          boolean  NOT NULL DEFAULT false,
    confidence          real     NOT NULL DEFAULT 0,
    -- content words of the trigger's sentence: a tie-breaker when deciding whether two mentions
    -- report the same happening
    context_terms       text[]   NOT NULL DEFAULT '{}',
    extractor_version   text     NOT NULL
);

CREATE INDEX event_mention_article_idx ON event_mention (article_id);
CREATE INDEX event_mention_event_idx ON event_mention (event_id);
CREATE INDEX event_mention_candidates_idx ON event_mention (factuality, historical, event_date);

CREATE TABLE event_mention_actor (
    event_mention_id bigint NOT NULL REFERENCES event_mention (id) ON DELETE CASCADE,
    actor_id         text   NOT NULL REFERENCES actor (id),
    role             text   NOT NULL CHECK (role IN ('SOURCE', 'TARGET')),
    start_offset     int    NOT NULL,
    end_offset       int    NOT NULL,
    PRIMARY KEY (event_mention_id, role, actor_id, start_offset)
);
