#!/usr/bin/env bash
# Poll benchmark (issue 4): 10,000 sources on a local server, real scheduler/fetcher/parser/store,
# with the bare-library ceilings measured in the same run.
# Usage: bench/run.sh [SOURCES=10000] [THREADS=16] [CORPUS_FEEDS=2000 (50 items each)]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/build.sh
PORTFILE=$(mktemp)
rm -f "$PORTFILE"
java -Xmx1g -cp "$CP" org.currents.bench.FeedServer "$CORPUS" "$PORTFILE" "${3:-2000}" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do [ -s "$PORTFILE" ] && break; sleep 0.5; done
CURRENTS_LOG_LEVEL=WARN java -Xmx512m -cp "$CP" org.currents.bench.PollBench "$CORPUS" "$(cat "$PORTFILE")" "${1:-10000}" "${2:-16}" "${3:-2000}"
