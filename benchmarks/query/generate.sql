-- Synthetic news data for the query-service benchmark, written into the real ingest and entity
-- schemas. psql variables: articles, mentions_per_article, events, actors.
-- Actors are drawn from a Zipf-like law: pg_temp.zipf(n) = floor(n ^ (u^2)), u uniform in [0,1),
-- so actor-1 is drawn about a quarter of the time, the first ten about half the time, and the
-- long tail of tens of thousands shares the rest - a few actors in most events, as in news.
\set ON_ERROR_STOP on
\timing on

CREATE FUNCTION pg_temp.zipf(n int) RETURNS int LANGUAGE sql VOLATILE AS
$$ SELECT least(n, floor(exp(ln(n) * random() ^ 2))::int) $$;

SET synchronous_commit = off;

INSERT INTO entity.actor (id, name, type, country, origin)
SELECT 'actor-' || i, 'Actor ' || i,
       (ARRAY['STATE','PERSON','ORGANIZATION','ARMED_GROUP','GOVERNMENT_BODY','IGO'])[1 + i % 6],
       CASE WHEN i % 5 = 0 THEN NULL ELSE 'C' || chr(65 + i % 26) || chr(65 + (i / 26) % 26) END,
       'REGISTRY'
  FROM generate_series(1, :actors) i;

INSERT INTO entity.actor_alias (actor_id, alias, alias_key)
SELECT 'actor-' || i, 'Alias ' || i, 'alias ' || i FROM generate_series(1, :actors) i;

-- articles over five years, ~300 characters of text each
INSERT INTO ingest.article (url, url_key, source, title, text, text_hash, published_at,
                            published_at_origin, language)
SELECT 'https://bench.example/a/' || i, 'bench.example/a/' || i, 'outlet-' || (i % 40),
       'Report ' || i, t, sha256(convert_to(t, 'UTF8')),
       date '2021-01-01' + (i % 1826), 'METADATA', 'en'
  FROM (SELECT i,
               'Actor ' || pg_temp.zipf(:actors) || ' forces '
               || (ARRAY['clashed with','met','attacked','criticised','signed a deal with',
                         'protested against','negotiated with','shelled'])[1 + i % 8]
               || ' Actor ' || pg_temp.zipf(:actors) || ' near City ' || (i % 997)
               || ', officials said on Monday. The ministry of '
               || (ARRAY['defence','foreign affairs','interior','health'])[1 + i % 4]
               || ' confirmed that talks would resume, while witnesses reported heavy fighting'
               || ' and dozens of casualties in the region. Reference ' || i || '.' AS t
          FROM generate_series(1, :articles) i) s;

INSERT INTO ingest.outbox (article_id, status, updated_at)
SELECT id, CASE WHEN id % 1000 = 0 THEN 'QUEUED' ELSE 'DONE' END, now() - interval '1 day'
  FROM ingest.article;

INSERT INTO entity.article_extraction (article_id, extractor_version, extracted_at)
SELECT id, 'bench', now() - interval '1 day' FROM ingest.article;

INSERT INTO entity.mention (article_id, start_offset, end_offset, text, ner_type, actor_id)
SELECT a, 0, 8, 'Actor', 'ORGANIZATION', 'actor-' || pg_temp.zipf(:actors)
  FROM generate_series(1, :articles) a, generate_series(1, :mentions_per_article) k;

-- events: CAMEO roots skewed towards the first codes; 5% undated; 1-n reporting articles
CREATE TEMP TABLE ev AS
SELECT gen_random_uuid() AS id, i,
       lpad((1 + floor(20 * random() ^ 1.5))::int::text, 2, '0') AS type,
       CASE WHEN i % 20 = 0 THEN NULL ELSE date '2021-01-01' + floor(random() * 1826)::int END AS day,
       1 + floor(-ln(1 - random()) * 2)::int AS articles,
       'actor-' || pg_temp.zipf(:actors) AS source,
       CASE WHEN random() < 0.7 THEN 'actor-' || pg_temp.zipf(:actors) END AS target
  FROM generate_series(1, :events) i;

INSERT INTO entity.event (id, type, label, event_date, date_precision, place, country, factuality,
                          fatalities_min, fatalities_max, article_count, source_count,
                          first_reported_at, confidence, created_at, updated_at)
SELECT id, type, 'Event ' || i, day, CASE WHEN day IS NULL THEN 'UNKNOWN' ELSE 'DAY' END,
       'City ' || (i % 997), 'C' || chr(65 + i % 26) || chr(65 + (i / 26) % 26),
       (ARRAY['ASSERTED','ASSERTED','ASSERTED','ASSERTED','POSSIBLE','NEGATED'])[1 + i % 6],
       CASE WHEN type >= '18' AND i % 3 = 0 THEN i % 40 END,
       CASE WHEN type >= '18' AND i % 3 = 0 THEN i % 40 + i % 7 END,
       articles, greatest(1, articles - 1),
       coalesce(day, date '2023-01-01')::timestamptz + interval '9 hours', 0.7,
       now() - interval '1 day', now() - interval '1 day'
  FROM ev;

INSERT INTO entity.event_actor (event_id, actor_id, role) SELECT id, source, 'SOURCE' FROM ev;
INSERT INTO entity.event_actor (event_id, actor_id, role)
SELECT id, target, 'TARGET' FROM ev WHERE target IS NOT NULL AND target <> source;

INSERT INTO entity.event_mention (article_id, event_id, type, trigger_start, trigger_end,
                                  trigger_text, sentence_start, sentence_end, fatalities,
                                  fatalities_qualifier, extractor_version)
SELECT 1 + floor(random() * :articles)::int, id, type, 15, 22, 'clashed', 0, 80,
       CASE WHEN type >= '18' AND i % 3 = 0 THEN i % 40 END,
       CASE WHEN type >= '18' AND i % 3 = 0 THEN 'AT_LEAST' END, 'bench'
  FROM ev;

VACUUM ANALYZE;
