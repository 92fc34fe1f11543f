#!/usr/bin/env bash
# Ingest end to end against the parser's speed, on H2 and PostgreSQL, with the store's size.
# For each database and feed set: IngestCompare (App wiring, Poller.pollAll(THREADS) over FeedServer, best of 5 passes
# on 127.0.0.1, the bare ROME + jsoup ceiling in the same JVM, size after a clean shutdown, heap),
# then IngestBench (parse + normalize alone, store alone, same feeds); then the packaged jar's
# import-opml + poll --once on the first feed set. Prints one table. Every JVM runs with -Xmx512m.
# "New items" are items never seen before: those that started an event plus those that joined one
# (the corpus has near-duplicates the matcher merges).
# Usage: bench/ingest-compare.sh [THREADS=2] [FEED_SETS="200 2000" (50 items each)] [DBS="h2 postgres"]
# PostgreSQL: 127.0.0.1:5432, database test, user postgres (CURRENTS_BENCH_PG_URL, _PG_USER to change);
# each run gets a fresh schema (currentSchema=...), dropped when it ends.
# BENCH_JFR=1 records each Java run with JFR into target/ingest-compare/*.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${1:-2}
SETS=${2:-"200 2000"}
DBS=${3:-"h2 postgres"}
PG_URL=${CURRENTS_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
PG_USER=${CURRENTS_BENCH_PG_USER:-postgres}
SCHEMAS=()
SERVER=
BUILD=
JAR_DIR=
cleanup() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
    [ -n "$BUILD" ] && rm -rf "$BUILD"
    [ -n "$JAR_DIR" ] && rm -rf "$JAR_DIR"
    for s in "${SCHEMAS[@]}"; do psql_ -c "DROP SCHEMA IF EXISTS $s CASCADE" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
CORPUS=${CURRENTS_BENCH_CORPUS:-/tmp/bench-corpus}
[ -f "$CORPUS/MANIFEST.txt" ] || python3 ../shared/bench/gen_corpus.py --out "$CORPUS"
OUT=target/ingest-compare
mkdir -p "$OUT"
# Built from a private copy of the working tree: a build or test run beside it (mvn rewrites
# target/classes) would otherwise change the classes under the running JVMs, and ours theirs.
BUILD=$(mktemp -d /tmp/currents-bench-build.XXXXXX)
# config/ and feeds/: the package phase polls the sample feeds once for the class data archive (pom.xml).
cp -r pom.xml src config feeds "$BUILD/"
REV="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ', with uncommitted changes to src')"
mvn -B -q -f "$BUILD/pom.xml" -Dmaven.test.skip=true package
mvn -B -q -f "$BUILD/pom.xml" dependency:build-classpath -Dmdep.outputFile="$BUILD/classpath.txt"
mkdir -p "$BUILD/bench-classes"
CP="$BUILD/bench-classes:$BUILD/target/classes:$(cat "$BUILD/classpath.txt")"
javac -d "$BUILD/bench-classes" -cp "$CP" bench/src/org/currents/bench/*.java
JAR=$BUILD/target/currents.jar
MAX=0
for n in $SETS; do [ "$n" -gt "$MAX" ] && MAX=$n; done

psql_() {
    local PGOPTIONS='--client-min-messages=warning'
    export PGOPTIONS
    local rest=${PG_URL#jdbc:postgresql://}
    psql -X -q -h "${rest%%:*}" -p "$(echo "$rest" | sed 's/^[^:]*:\([0-9]*\).*/\1/')" -U "$PG_USER" -d "${rest##*/}" "$@"
}

PORTFILE=$(mktemp)
rm -f "$PORTFILE"
java -Xmx1g -cp "$CP" org.currents.bench.FeedServer "$CORPUS" "$PORTFILE" "$MAX" > "$OUT/feed-server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do [ -s "$PORTFILE" ] && break; sleep 0.5; done
PORT=$(cat "$PORTFILE")
rm -f "$PORTFILE"

# Runs a bench class with -Xmx512m on the given database; its output goes to $OUT/<name>.log and the console.
run() {
    local name=$1 db=$2; shift 2
    local jfr=()
    [ "${BENCH_JFR:-0}" = 1 ] && jfr=("-XX:StartFlightRecording=filename=$OUT/$name.jfr,settings=profile")
    if [ "$db" = postgres ]; then
        local schema="bench_$$_${name//-/_}"
        SCHEMAS+=("$schema")
        psql_ -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema" >/dev/null
        CURRENTS_DB_URL="$PG_URL?currentSchema=$schema" CURRENTS_DB_USER=$PG_USER CURRENTS_LOG_LEVEL=WARN \
            java -Xmx512m "${jfr[@]}" -cp "$CP" "$@" 2>&1 | tee "$OUT/$name.log"
        psql_ -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null
    else
        CURRENTS_LOG_LEVEL=WARN java -Xmx512m "${jfr[@]}" -cp "$CP" "$@" 2>&1 | tee "$OUT/$name.log"
    fi
    grep -q '^RESULT' "$OUT/$name.log" || { echo "bench/ingest-compare.sh: $name gave no result; see $OUT/$name.log" >&2; exit 1; }
}
val() { grep '^RESULT' "$OUT/$1.log" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

for db in $DBS; do
    for n in $SETS; do
        echo "== $db, $n feeds: end to end"
        run "e2e-$db-$n" "$db" org.currents.bench.IngestCompare "$CORPUS" "$PORT" "$n" "$THREADS"
        echo "== $db, $n feeds: parse + normalize alone, store alone"
        run "split-$db-$n" "$db" org.currents.bench.IngestBench "$CORPUS" "$n" "$THREADS"
    done
done

# The packaged jar as an operator runs it: import an OPML of the first feed set, then poll --once (H2 default).
FIRST=${SETS%% *}
JAR_DIR=$(mktemp -d)
mkdir -p "$JAR_DIR/config"
printf 'fetch.allow=127.0.0.1\nfetch.max-per-host=64\npoll.threads=%s\n' "$THREADS" > "$JAR_DIR/config/currents.properties"
{
    echo '<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>bench</title></head><body>'
    for i in $(seq 0 $((FIRST - 1))); do
        echo "<outline type=\"rss\" text=\"Feed $i\" xmlUrl=\"http://127.0.0.1:$PORT/f/$i\"/>"
    done
    echo '</body></opml>'
} > "$JAR_DIR/sources-bench.opml"
jar() {
    env -u CURRENTS_DB_URL -u CURRENTS_DB_USER CURRENTS_LOG_LEVEL=WARN \
        java -Xmx512m -jar "$JAR" "$@" --config "$JAR_DIR/config" --data "$JAR_DIR/data"
}
echo "== java -jar target/currents.jar import-opml ($FIRST feeds), then poll --once"
t0=$(date +%s.%N)
jar import-opml "$JAR_DIR/sources-bench.opml" > "$OUT/jar-import.log" 2>&1 || { cat "$OUT/jar-import.log"; exit 1; }
t1=$(date +%s.%N)
jar poll --once --json > "$OUT/jar-poll.json" 2> "$OUT/jar-poll.log" || { tail -20 "$OUT/jar-poll.log"; exit 1; }
t2=$(date +%s.%N)
# New items: those that made an event plus those that joined one, as in the table.
JAR_ITEMS=$(python3 -c 'import json,sys; print(sum(o["new"] + o["updated"] for o in json.load(open(sys.argv[1]))))' "$OUT/jar-poll.json")
JAR_BYTES=$(stat -c %s "$JAR_DIR/data/currents.mv.db")
rm -rf "$JAR_DIR"

# The table.
echo
echo "Ingest, $THREADS threads, -Xmx512m ($REV, $(date -u '+%F %H:%M'))"
printf '| %-8s | %7s | %9s | %9s | %9s | %9s | %5s | %8s | %9s | %8s | %5s | %9s | %6s | %11s | %6s |\n' database items "new items" \
    "e2e /s" "1st pass" "bare /s" ratio "100k/10k" "parse /s" "store /s" ratio "DB MB" "x corp" "heap MB" others
printf '| %-8s | %7s | %9s | %9s | %9s | %9s | %5s | %8s | %9s | %8s | %5s | %9s | %6s | %11s | %6s |\n' --- ---: ---: ---: ---: ---: ---: ---: ---: ---: ---: ---: ---: ---: ---:
for db in $DBS; do
    small=
    for n in $SETS; do
        e=e2e-$db-$n s=split-$db-$n
        e2e=$(val "$e" e2e)
        [ -z "$small" ] && small=$e2e
        awk -v db="$db" -v offered="$(val "$s" items)" -v items="$(val "$e" items)" -v e2e="$e2e" -v e2e1="$(val "$e" e2e_first)" -v bare="$(val "$e" bare)" -v small="$small" \
            -v first="$([ "$n" = "$FIRST" ] && echo 1 || echo 0)" -v parse="$(val "$s" parse)" -v store="$(val "$s" store)" \
            -v bytes="$(val "$e" db_bytes)" -v corpus="$(val "$e" corpus_bytes)" -v heap="$(val "$e" heap_mb)" \
            -v live="$(val "$e" live_mb)" -v others="$(val "$e" cpu_others)" 'BEGIN {
                printf "| %-8s | %7d | %9d | %9.0f | %9.0f | %9.0f | %5.2f | %8s | %9.0f | %8.0f | %5.2f | %9s | %6.2f | %5d / %3d | %6.2f |\n",
                    db, offered, items, e2e, e2e1, bare, e2e / bare, first ? "" : sprintf("%.2f", e2e / small), parse, store,
                    store / parse, sprintf("%.1f", bytes / 1048576), bytes / corpus, heap, live, others }'
    done
done
BARE=$(val "e2e-${DBS%% *}-$FIRST" bare)
BARE1=$(val "e2e-${DBS%% *}-$FIRST" bare_first)
awk -v n="$FIRST" -v ev="$JAR_ITEMS" -v ti="$t0" -v tm="$t1" -v te="$t2" -v bare="$BARE" -v bare1="$BARE1" -v bytes="$JAR_BYTES" 'BEGIN {
    printf "java -Xmx512m -jar: import-opml %d feeds %.1f s; poll --once %.1f s, %d new items = %.0f items/s = %.2f of bare (%.0f /s), %.2f of bare'"'"'s first pass in a new JVM (%.0f /s); H2 file %.1f MB after it exits\n",
        n, tm - ti, te - tm, ev, ev / (te - tm), ev / (te - tm) / bare, bare, ev / (te - tm) / bare1, bare1, bytes / 1048576 }'
echo "items: in the feeds; new items: stored as reports; e2e and bare: best of 5 passes each (ours each into a new database); 1st pass: our first"
echo "heap MB: peak used sampled every 20 ms / peak heap right after a GC; others: cores busy with other processes during the end-to-end run; logs in $OUT/"
