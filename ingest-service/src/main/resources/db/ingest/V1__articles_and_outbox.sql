-- Articles as received, and the extraction outbox that hands them on.
--
-- entity-service consumes ingest.outbox directly (same database): it claims rows with
-- FOR UPDATE SKIP LOCKED and writes its results and the row's new status in one transaction.
-- The columns of article and outbox used by entity-service and query-service are a contract:
-- add columns freely, never rename or drop these.

CREATE TABLE article (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url                 text,
    url_key             text,                -- normalised URL, for duplicate detection
    source              text,
    title               text,
    text                text        NOT NULL, -- the cleaned article; annotation offsets refer to it
    text_hash           bytea       NOT NULL, -- SHA-256 of the normalised text
    raw_content         text,                -- the input as received (HTML or plain text)
    raw_content_type    text,
    published_at        date,
    published_at_origin text,                -- METADATA | TEXT | null when undated
    language            text,                -- ISO 639-1; given by the client or the most likely detected
    language_confidence real,                -- of the detected language; null when the client gave it
    languages           jsonb,               -- every detected language with its confidence: {"en": 0.93, ...}
    minhash             int[],               -- MinHash signature of the text's word shingles
    minhash_bands       bigint[],            -- LSH bands of the signature: near-duplicate candidates share one
    near_duplicate_of   bigint      REFERENCES article (id),
    ingested_at         timestamptz NOT NULL DEFAULT now(),
    search              tsvector GENERATED ALWAYS AS
                            (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
);

CREATE UNIQUE INDEX article_url_key_uq ON article (url_key) WHERE url_key IS NOT NULL;
CREATE UNIQUE INDEX article_text_hash_uq ON article (text_hash);
CREATE INDEX article_published_at_idx ON article (published_at);
CREATE INDEX article_source_idx ON article (source);
CREATE INDEX article_search_idx ON article USING gin (search);
CREATE INDEX article_minhash_bands_idx ON article USING gin (minhash_bands);
CREATE INDEX article_near_duplicate_of_idx ON article (near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;

CREATE TABLE outbox (
    article_id   bigint      PRIMARY KEY REFERENCES article (id),
    status       text        NOT NULL DEFAULT 'QUEUED'
                     CHECK (status IN ('QUEUED', 'PROCESSING', 'DONE', 'FAILED', 'SKIPPED')),
    attempts     int         NOT NULL DEFAULT 0,
    available_at timestamptz NOT NULL DEFAULT now(), -- not before: backoff after a failure
    lease_owner  text,
    lease_until  timestamptz,                        -- a PROCESSING row whose lease ran out is claimable
    last_error   text,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX outbox_claimable_idx ON outbox (available_at) WHERE status IN ('QUEUED', 'PROCESSING');
CREATE INDEX outbox_status_idx ON outbox (status);
-- query-service refreshes its rollups from the rows that changed since its last pass
CREATE INDEX outbox_updated_at_idx ON outbox (updated_at);
