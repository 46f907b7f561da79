-- A history of canonical events for the placement benchmark, written into the real entity schema.
-- psql variables: events, actors. Five years of dates; CAMEO roots skewed towards the violent
-- ones (the busiest type group); actors drawn Zipf-like (pg_temp.zipf, as in benchmarks/query);
-- two reports per event, dated by their text at DAY precision, one in twenty undated.
\set ON_ERROR_STOP on
\timing on

CREATE FUNCTION pg_temp.zipf(n int) RETURNS int LANGUAGE sql VOLATILE AS
$$ SELECT least(n, floor(exp(ln(n) * random() ^ 2))::int) $$;

SET synchronous_commit = off;

-- the first fifty actors are states, one country each; the others armed groups
INSERT INTO entity.actor (id, name, type, country, origin)
SELECT 'bench-' || i, 'Bench actor ' || i, CASE WHEN i <= 50 THEN 'STATE' ELSE 'ARMED_GROUP' END,
       'C' || chr(65 + i % 26) || chr(65 + (i / 26) % 26), 'REGISTRY'
  FROM generate_series(1, :actors) i;

CREATE TEMP TABLE ev AS
SELECT gen_random_uuid() AS id, i,
       CASE WHEN random() < 0.5 THEN (ARRAY['18','19','20'])[1 + i % 3]
            ELSE lpad((1 + floor(17 * random()))::int::text, 2, '0') END AS type,
       CASE WHEN i % 20 = 0 THEN NULL ELSE date '2021-01-01' + floor(random() * 1826)::int END AS day,
       'bench-' || pg_temp.zipf(:actors) AS source,
       'bench-' || pg_temp.zipf(:actors) AS target,
       'C' || chr(65 + i % 26) || chr(65 + (i / 26) % 26) AS country
  FROM generate_series(1, :events) i;

INSERT INTO entity.event (id, type, label, event_date, date_precision, country, factuality,
                          article_count, source_count, confidence, date_from, date_to, created_at)
SELECT id, type, 'Bench event ' || i, day, CASE WHEN day IS NULL THEN 'UNKNOWN' ELSE 'DAY' END,
       country, 'ASSERTED', 2, 2, 0.8, day, day, now() - interval '1 day' + i * interval '1 ms'
  FROM ev;

INSERT INTO entity.event_mention (article_id, event_id, type, trigger_start, trigger_end,
    trigger_text, sentence_start, sentence_end, event_date, date_precision, date_origin, country,
    factuality, historical, confidence, context_terms, extractor_version)
SELECT 1000000 + 2 * i + k, id, type, 10, 18, 'attacked', 0, 80, day,
       CASE WHEN day IS NULL THEN 'UNKNOWN' ELSE 'DAY' END, CASE WHEN day IS NULL THEN NULL ELSE 'TEXT' END,
       country, 'ASSERTED', false, 0.8, ARRAY['town' || (i % 500), 'forces'], 'bench'
  FROM ev, generate_series(0, 1) k;

INSERT INTO entity.event_mention_actor (event_mention_id, actor_id, role, start_offset, end_offset)
SELECT em.id, ev.source, 'SOURCE', 0, 8 FROM entity.event_mention em JOIN ev ON ev.id = em.event_id
UNION ALL
SELECT em.id, ev.target, 'TARGET', 20, 28 FROM entity.event_mention em JOIN ev ON ev.id = em.event_id
 WHERE ev.target <> ev.source;

INSERT INTO entity.event_actor (event_id, actor_id, role)
SELECT id, source, 'SOURCE' FROM ev
UNION SELECT id, target, 'TARGET' FROM ev WHERE target <> source;

ANALYZE;
