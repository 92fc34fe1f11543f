#!/usr/bin/env bash
# Ingest split (issue 4): parse + normalize alone, then store alone, on the same corpus feeds, so
# the stage that bounds the end-to-end rate of bench/run.sh is known. No network involved.
# Usage: bench/ingest.sh [FEEDS=400 (50 items each)] [THREADS=2]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/build.sh
CURRENTS_LOG_LEVEL=WARN java -Xmx512m -cp "$CP" org.currents.bench.IngestBench "$CORPUS" "${1:-400}" "${2:-2}"
