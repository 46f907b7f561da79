#!/usr/bin/env bash
# Ingest benchmark: POST /articles/batch (NDJSON) against a plain COPY of the same rows, then a
# streamed NDJSON upload while the service's heap is watched. Not part of the test suite.
#
# usage: ingest-service/src/bench/run-benchmark.sh [articles=50000] [stream-megabytes=1024]
# env:   BENCH_XMX  heap limit of the service under test (default 768m)
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -B -q -pl ingest-service -am install -DskipTests -Dspotless.check.skip=true
./mvnw -B -q -pl ingest-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/ingest-service/target/bench.classpath"
# run from a copy, so that building the module meanwhile does not pull jars from under the run
bench=ingest-service/target/bench
rm -rf "$bench" && mkdir -p "$bench"
cp -r ingest-service/target/quarkus-app ingest-service/target/test-classes "$bench"/
java -Xmx1g -Dbench.xmx="${BENCH_XMX:-768m}" \
  -cp "$bench/test-classes:$(cat ingest-service/target/bench.classpath)" \
  org.newsgraph.ingest.bench.IngestBenchmark "${1:-50000}" "${2:-1024}" \
  "$bench/quarkus-app/quarkus-run.jar"
