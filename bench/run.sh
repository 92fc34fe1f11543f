#!/usr/bin/env bash
# Poll benchmark (issue 4): 10,000 sources on a local server, real scheduler/fetcher/parser/store,
# with the bare-library ceilings measured in the same run.
# Usage: bench/run.sh [SOURCES=10000] [THREADS=16] [CORPUS_FEEDS=2000 (50 items each)]
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CURRENTS_BENCH_CORPUS:-/tmp/bench-corpus}
[ -f "$CORPUS/MANIFEST.txt" ] || python3 ../shared/bench/gen_corpus.py --out "$CORPUS"
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
CP="target/classes:$(cat target/bench-classpath.txt)"
rm -rf target/bench-classes && mkdir -p target/bench-classes
javac -q -d target/bench-classes -cp "$CP" bench/src/org/currents/bench/*.java 2>/dev/null || javac -d target/bench-classes -cp "$CP" bench/src/org/currents/bench/*.java
PORTFILE=$(mktemp)
rm -f "$PORTFILE"
java -Xmx1g -cp "target/bench-classes:$CP" org.currents.bench.FeedServer "$CORPUS" "$PORTFILE" "${3:-2000}" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do [ -s "$PORTFILE" ] && break; sleep 0.5; done
CURRENTS_LOG_LEVEL=WARN java -Xmx512m -cp "target/bench-classes:$CP" org.currents.bench.PollBench "$CORPUS" "$(cat "$PORTFILE")" "${1:-10000}" "${2:-16}" "${3:-2000}"
