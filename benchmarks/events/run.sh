#!/usr/bin/env bash
# The canonical-event placement benchmark, rerunnable: a history of EVENTS canonical events in an
# embedded PostgreSQL, then new reports placed into it by 1, 2 and 4 workers (and by 4 workers
# behind one global lock, the baseline), each report in its own transaction.
#
#   benchmarks/events/run.sh all        # db + generate + place, then stops the database
#   benchmarks/events/run.sh db|generate|place|stop
#
# Settings (environment): EVENTS (100000), ACTORS (2000), REPORTS (2000 per round), ROUNDS (2 per
# setting), BENCH_PG_PORT (15498), BENCH_DIR (/tmp/newsgraph-events-bench).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benchmarks/events"
PG_PORT=${BENCH_PG_PORT:-15498}
DIR=${BENCH_DIR:-/tmp/newsgraph-events-bench}
JDBC="jdbc:postgresql://localhost:$PG_PORT/newsgraph"
PSQL=(psql -X -q -h localhost -p "$PG_PORT" -U postgres -d newsgraph)
mkdir -p "$DIR"

db() {
  if [ ! -d "$ROOT/dev-database/target/lib" ]; then
    (cd "$ROOT" && ./mvnw -B -q -pl dev-database -am package -DskipTests)
  fi
  rm -rf "$DIR/pgdata"
  java -cp "$ROOT/dev-database/target/classes:$ROOT/dev-database/target/lib/*" \
    org.newsgraph.devdb.EmbeddedDatabaseMain "$PG_PORT" "$DIR/pgdata" > "$DIR/db.log" 2>&1 &
  echo $! > "$DIR/db.pid"
  for _ in $(seq 120); do grep -q '^ready' "$DIR/db.log" && return 0; sleep 1; done
  echo "database did not start, see $DIR/db.log" >&2; exit 1
}

generate() {
  # the real migrations of the services that own these schemas, in version order
  for schema in ingest entity; do
    "${PSQL[@]}" -c "CREATE SCHEMA IF NOT EXISTS $schema"
    for f in $(ls "$ROOT/$schema-service/src/main/resources/db/$schema"/V*.sql | sort -V); do
      PGOPTIONS="-c search_path=$schema" "${PSQL[@]}" -v ON_ERROR_STOP=1 -f "$f"
    done
  done
  PGOPTIONS="-c search_path=public" "${PSQL[@]}" \
    -v events="${EVENTS:-100000}" -v actors="${ACTORS:-2000}" -f "$HERE/generate.sql"
}

place() {
  (cd "$ROOT" && ./mvnw -B -q -pl entity-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test)
  java -Xmx512m -cp "$ROOT/entity-service/target/test-classes:$ROOT/entity-service/target/classes:$(cat "$ROOT/entity-service/target/cp.txt")" \
    org.newsgraph.entity.event.PlacementBenchmark "$JDBC" "${REPORTS:-2000}" "${ROUNDS:-2}"
}

stop() {
  if [ -f "$DIR/db.pid" ]; then kill "$(cat "$DIR/db.pid")" 2>/dev/null || true; rm -f "$DIR/db.pid"; fi
}

case "${1:-all}" in
  db) db ;;
  generate) generate ;;
  place) place ;;
  stop) stop ;;
  all) trap stop EXIT; db; generate; place ;;
  *) echo "usage: $0 [all|db|generate|place|stop]" >&2; exit 2 ;;
esac
