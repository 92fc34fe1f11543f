#!/usr/bin/env bash
# The packaged jar's first poll of N corpus feeds (import-opml, then poll --once, -Xmx512m), with a
# GC log: items, seconds, the heap's peak before and after a collection. JOPTS: more JVM flags
# (e.g. -XX:+UseG1GC, which leaves the worker's collector as the JVM sets it, see cli.QuickJvm).
# MODE=serve: the server's first poll instead (serve, until /api/sources shows every feed polled;
# the heap while it polled, items not counted).
# Usage: [MODE=once|serve] bench/jar-heap.sh [FEEDS=2000]   (corpus: /tmp/bench-corpus, or CURRENTS_BENCH_CORPUS)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
CORPUS=${CURRENTS_BENCH_CORPUS:-/tmp/bench-corpus}
[ -f "$CORPUS/MANIFEST.txt" ] || python3 ../shared/bench/gen_corpus.py --out "$CORPUS"
[ -f target/currents.jar ] || mvn -B -q -DskipTests package
[ -f target/bench-classpath.txt ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
WORK=$(mktemp -d /tmp/currents-jar-heap.XXXXXX)
SERVER=
APP=
cleanup() { [ -n "$APP" ] && kill "$APP" 2>/dev/null; [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
CP="target/classes:$(cat target/bench-classpath.txt)"
mkdir -p "$WORK/classes" "$WORK/config"
javac -d "$WORK/classes" -cp "$CP" bench/src/org/currents/bench/*.java
java -Xmx1g -cp "$WORK/classes:$CP" org.currents.bench.FeedServer "$CORPUS" "$WORK/port" "$N" > "$WORK/feed-server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do [ -s "$WORK/port" ] && break; sleep 0.5; done
PORT=$(cat "$WORK/port")
printf 'fetch.allow=127.0.0.1\nfetch.max-per-host=64\npoll.threads=2\n' > "$WORK/config/currents.properties"
{
    echo '<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>bench</title></head><body>'
    for i in $(seq 0 $((N - 1))); do echo "<outline type=\"rss\" text=\"Feed $i\" xmlUrl=\"http://127.0.0.1:$PORT/f/$i\"/>"; done
    echo '</body></opml>'
} > "$WORK/sources.opml"
java -Xmx512m -jar target/currents.jar import-opml "$WORK/sources.opml" --config "$WORK/config" --data "$WORK/data" \
    > "$WORK/import.log" 2>&1
t0=$(date +%s.%N)
if [ "${MODE:-once}" = serve ]; then
    SPORT=$((20000 + RANDOM % 20000))
    # shellcheck disable=SC2086
    CURRENTS_LOG_LEVEL=WARN java -Xmx512m "-Xlog:gc:file=$WORK/gc.log" ${JOPTS:-} -jar target/currents.jar serve \
        --port "$SPORT" --config "$WORK/config" --data "$WORK/data" > "$WORK/serve.log" 2>&1 &
    APP=$!
    polled=0
    while [ "$polled" -lt "$N" ] && kill -0 "$APP" 2>/dev/null; do
        sleep 1
        polled=$(curl -s "http://127.0.0.1:$SPORT/api/sources" | python3 -c \
            'import json, sys; print(sum(1 for s in json.load(sys.stdin) if s["status"]["last_polled"]))' 2>/dev/null || echo 0)
    done
    t1=$(date +%s.%N)
    kill "$APP"; wait "$APP" || true
    echo "[]" > "$WORK/poll.json"
else
    # shellcheck disable=SC2086
    CURRENTS_LOG_LEVEL=WARN java -Xmx512m "-Xlog:gc:file=$WORK/gc.log" ${JOPTS:-} -jar target/currents.jar poll --once --json \
        --config "$WORK/config" --data "$WORK/data" > "$WORK/poll.json" 2> "$WORK/poll.log"
    t1=$(date +%s.%N)
fi
python3 - "$WORK" "$(echo "$t1 - $t0" | bc)" <<'PY'
import json, re, sys
work, secs = sys.argv[1], float(sys.argv[2])
items = sum(o["new"] + o["updated"] for o in json.load(open(work + "/poll.json")))
before, after = [], []
for line in open(work + "/gc.log"):
    m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
    up = re.match(r"\[(\d+\.\d+)s\]", line)
    if m and (not up or float(up.group(1)) <= secs):
        before.append(int(m.group(1)))
        after.append(int(m.group(2)))
rate = f"items {items}  items/s {items / secs:.0f}  " if items else ""
print(f"{rate}seconds {secs:.1f}  heap MB peak before a GC {max(before)}, "
      f"after {max(after)}  collections {len(before)}")
PY
