#!/usr/bin/env bash
# Ingest split (issue 4): parse + normalize alone, then store alone, on the same corpus feeds, so
# the stage that bounds the end-to-end rate of bench/run.sh is known. No network involved.
# Usage: bench/ingest.sh [FEEDS=400 (50 items each)] [THREADS=2]
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CURRENTS_BENCH_CORPUS:-/tmp/bench-corpus}
[ -f "$CORPUS/MANIFEST.txt" ] || python3 ../shared/bench/gen_corpus.py --out "$CORPUS"
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
CP="target/classes:$(cat target/bench-classpath.txt)"
rm -rf target/bench-classes && mkdir -p target/bench-classes
javac -d target/bench-classes -cp "$CP" bench/src/org/currents/bench/*.java
CURRENTS_LOG_LEVEL=WARN java -Xmx512m -cp "target/bench-classes:$CP" org.currents.bench.IngestBench "$CORPUS" "${1:-400}" "${2:-2}"
