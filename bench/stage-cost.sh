#!/usr/bin/env bash
# CPU time per item of each ingest stage on one thread (bare ROME + jsoup, parse, normalize, store),
# readable on a busy machine. Usage: bench/stage-cost.sh [FEEDS=200] [PASSES=5] [STORE_THREADS=1]
# (STORE_THREADS > 1: the feeds stored from that many threads at once, as poll threads do)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/build.sh
CURRENTS_LOG_LEVEL=WARN java -Xmx512m -cp "$CP" org.currents.bench.StageCost "$CORPUS" "${1:-200}" "${2:-5}" "${3:-1}"
