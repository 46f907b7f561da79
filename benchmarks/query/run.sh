#!/usr/bin/env bash
# The query-service benchmark, rerunnable: a synthetic dataset in an embedded PostgreSQL, the
# service against it, and a fixed-arrival-rate load per endpoint.
#
#   benchmarks/query/run.sh all          # db + generate + serve + load, then stops what it started
#   benchmarks/query/run.sh db|generate|serve|load|stop
#
# Settings (environment): ARTICLES (1000000), MENTIONS_PER_ARTICLE (10), EVENTS (1000000),
# ACTORS (50000), RATE (200 requests/s), SECONDS_PER (30 s per scenario), WARMUP_SECONDS (60 s per
# scenario at half the rate before measuring, 0: none), BENCH_PG_PORT (15499),
# BENCH_HTTP_PORT (18083), BENCH_DIR (/tmp/newsgraph-bench).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benchmarks/query"
PG_PORT=${BENCH_PG_PORT:-15499}
HTTP_PORT=${BENCH_HTTP_PORT:-18083}
DIR=${BENCH_DIR:-/tmp/newsgraph-bench}
JDBC="jdbc:postgresql://localhost:$PG_PORT/newsgraph"
PSQL=(psql -X -q -h localhost -p "$PG_PORT" -U postgres -d newsgraph)
mkdir -p "$DIR"

db() {
  if [ ! -d "$ROOT/dev-database/target/lib" ]; then
    (cd "$ROOT" && ./mvnw -B -q -pl dev-database -am package -DskipTests)
  fi
  java -cp "$ROOT/dev-database/target/classes:$ROOT/dev-database/target/lib/*" \
    org.newsgraph.devdb.EmbeddedDatabaseMain "$PG_PORT" "$DIR/pgdata" > "$DIR/db.log" 2>&1 &
  echo $! > "$DIR/db.pid"
  for _ in $(seq 120); do grep -q '^ready' "$DIR/db.log" && return 0; sleep 1; done
  echo "database did not start, see $DIR/db.log" >&2; exit 1
}

migrate() {
  # the real migrations of the services that own these schemas, in version order
  for schema in ingest entity; do
    "${PSQL[@]}" -c "CREATE SCHEMA IF NOT EXISTS $schema"
    for f in $(ls "$ROOT/$schema-service/src/main/resources/db/$schema"/V*.sql | sort -V); do
      PGOPTIONS="-c search_path=$schema" "${PSQL[@]}" -v ON_ERROR_STOP=1 -f "$f"
    done
  done
}

generate() {
  migrate
  PGOPTIONS="-c search_path=public" "${PSQL[@]}" \
    -v articles="${ARTICLES:-1000000}" -v mentions_per_article="${MENTIONS_PER_ARTICLE:-10}" \
    -v events="${EVENTS:-1000000}" -v actors="${ACTORS:-50000}" -f "$HERE/generate.sql"
}

serve() {
  if [ ! -f "$ROOT/query-service/target/quarkus-app/quarkus-run.jar" ]; then
    (cd "$ROOT" && ./mvnw -B -q -pl query-service -am package -DskipTests)
  fi
  QUARKUS_DATASOURCE_JDBC_URL="$JDBC" QUARKUS_HTTP_PORT="$HTTP_PORT" \
    java -Xmx1g -jar "$ROOT/query-service/target/quarkus-app/quarkus-run.jar" > "$DIR/service.log" 2>&1 &
  echo $! > "$DIR/service.pid"
  # the first refresh reads the whole history into the rollups
  local start=$SECONDS
  until curl -sf "http://localhost:$HTTP_PORT/stats" | grep -q '"rollupsAsOf":"'; do
    sleep 5
    kill -0 "$(cat "$DIR/service.pid")" || { echo "service died, see $DIR/service.log" >&2; exit 1; }
  done
  echo "rollups built in $((SECONDS - start)) s"
}

load() {
  # JIT warm-up first: a fresh JVM keeps its C2 compiler busy for minutes (measured: ~20 s of CPU
  # in the first few thousand requests), which is not the steady state the goal is about
  if [ "${WARMUP_SECONDS:-60}" -gt 0 ]; then
    for scenario in profile events dyad timeline; do
      java "$HERE/LoadTest.java" "http://localhost:$HTTP_PORT" $(( ${RATE:-200} / 2 )) \
        "${WARMUP_SECONDS:-60}" "${ACTORS:-50000}" "$scenario" | sed 's/^/warm-up: /'
    done
  fi
  for scenario in profile events dyad timeline; do
    java "$HERE/LoadTest.java" "http://localhost:$HTTP_PORT" "${RATE:-200}" "${SECONDS_PER:-30}" \
      "${ACTORS:-50000}" "$scenario"
  done
}

stop() {
  for p in service db; do
    if [ -f "$DIR/$p.pid" ]; then kill "$(cat "$DIR/$p.pid")" 2>/dev/null || true; rm -f "$DIR/$p.pid"; fi
  done
}

case "${1:-all}" in
  db) db ;;
  generate) generate ;;
  serve) serve ;;
  load) load ;;
  stop) stop ;;
  all) trap stop EXIT; db; generate; serve; load ;;
  *) echo "usage: $0 [all|db|generate|serve|load|stop]" >&2; exit 2 ;;
esac
