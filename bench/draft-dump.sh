#!/usr/bin/env bash
# Every field of the parsed feeds and event drafts of the real-feed corpus and of every 5th bench
# corpus feed, written to one file, to compare two builds byte for byte: a change that makes parse
# or normalize cheaper must leave the file as it was.
# Usage: bench/draft-dump.sh OUT_FILE, here and in a worktree of main; then cmp the two files
# (CURRENTS_SHARED: the shared folder, ../shared by default).
set -euo pipefail
OUT=$(realpath "$1")
cd "$(dirname "$0")/.."
. bench/build.sh
CURRENTS_LOG_LEVEL=ERROR java -Xmx1g -cp "$CP" org.currents.bench.DraftDump "$OUT" "${CURRENTS_SHARED:-../shared}/corpus/real-feeds" "$CORPUS"
