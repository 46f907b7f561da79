-- Feeds (RSS, Atom, news sitemaps) that ingest-service polls, and the entries it has seen in each.
--
-- A replica claims a due source with FOR UPDATE SKIP LOCKED and holds it by a lease until its
-- poll is recorded, so two replicas never poll one source at the same time.

CREATE TABLE source (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url                  text        NOT NULL,
    url_key              text        NOT NULL,  -- normalised URL: one source per feed
    name                 text        NOT NULL,  -- the articles' source
    interval_millis      bigint      NOT NULL CHECK (interval_millis > 0),
    language             text,                  -- ISO 639-1, given to every article
    country              text,                  -- ISO 3166-1 alpha-3
    paused               boolean     NOT NULL DEFAULT false,
    format               text,                  -- RSS | ATOM | SITEMAP, as of the last poll that read it
    created_at           timestamptz NOT NULL DEFAULT now(),
    next_poll_at         timestamptz NOT NULL DEFAULT now(),
    lease_owner          text,
    lease_until          timestamptz,
    etag                 text,                  -- validators of the last full answer, for a conditional GET
    last_modified        text,
    last_polled_at       timestamptz,
    last_success_at      timestamptz,
    last_new_article_at  timestamptz,
    last_error           text,
    last_error_at        timestamptz,
    consecutive_failures int         NOT NULL DEFAULT 0,  -- the backoff doubles with each
    polls                bigint      NOT NULL DEFAULT 0,
    failures             bigint      NOT NULL DEFAULT 0,
    articles             bigint      NOT NULL DEFAULT 0,  -- new articles stored from it
    page_failures        bigint      NOT NULL DEFAULT 0   -- entries whose page could not be read
);

CREATE UNIQUE INDEX source_url_key_uq ON source (url_key);
CREATE INDEX source_due_idx ON source (next_poll_at) WHERE NOT paused;

-- One row per entry of a source that was fetched (or tried): an entry whose URL or GUID is here
-- with an article, or with its attempts used up, is not fetched again.
CREATE TABLE source_entry (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id     bigint      NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    url_key       text        NOT NULL,
    guid          text,
    article_id    bigint      REFERENCES article (id),
    attempts      int         NOT NULL DEFAULT 0,
    last_error    text,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX source_entry_url_key_uq ON source_entry (source_id, url_key);
CREATE INDEX source_entry_guid_idx ON source_entry (source_id, guid) WHERE guid IS NOT NULL;
CREATE INDEX source_entry_article_idx ON source_entry (article_id) WHERE article_id IS NOT NULL;
