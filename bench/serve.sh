#!/usr/bin/env bash
# Serving benchmark (issue 11): the demo's busiest context feed from Currents and the very same
# bytes as a static file from nginx, side by side on loopback, for 200, 304 (If-None-Match) and
# gzip, the 304 again while the poller ingests, and 1,000 connections on the feed.
# Usage: bench/serve.sh [PORT=18110 (nginx: PORT+1)] [SECONDS=10 per run] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-18110}
NGINX_PORT=$((PORT + 1))
DUR=${2:-10}
export DEBIAN_FRONTEND=noninteractive
need=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

mvn -B -q -DskipTests package
W=$(mktemp -d /tmp/currents-serve.XXXXXX)
chmod 755 "$W"
cp -r config feeds "$W/"
cp target/currents.jar "$W/"   # a copy: a rebuild must not pull the jar from under the server
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

cd "$W"
CURRENTS_ADMIN_TOKEN=bench CURRENTS_LOG_LEVEL=WARN java -Xmx512m -jar currents.jar --port "$PORT" > currents.log 2>&1 &
PIDS+=($!)
BASE=http://127.0.0.1:$PORT
for _ in $(seq 1 120); do curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break; sleep 1; done
# The first poll has ended when every source has a status and the contexts are listed.
for _ in $(seq 1 180); do
  curl -fsS "$BASE/api/sources" 2>/dev/null | python3 -c 'import json,sys; s=json.load(sys.stdin); sys.exit(0 if s and all(x["status"]["last_status"] not in ("never", "", None) for x in s) else 1)' \
    && [ "$(curl -fsS "$BASE/api/contexts" 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" -gt 0 ] && break
  sleep 1
done
sleep 2
SLUG=$(curl -fsS "$BASE/api/contexts" | python3 -c 'import json,sys; print(max(json.load(sys.stdin), key=lambda c: c["events"])["slug"])')
FEED=/contexts/$SLUG.atom
mkdir -p www
curl -fsS "$BASE$FEED" -o "www/$SLUG.atom"
ETAG=$(curl -fsS -o /dev/null -w '%header{etag}' "$BASE$FEED")
chmod -R a+rX "$W"

cat > nginx.conf <<CONF
worker_processes auto;
pid $W/nginx.pid;
error_log $W/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $W/nginx-tmp; proxy_temp_path $W/nginx-tmp; fastcgi_temp_path $W/nginx-tmp;
  uwsgi_temp_path $W/nginx-tmp; scgi_temp_path $W/nginx-tmp;
  sendfile on; tcp_nopush on; keepalive_requests 1000000;
  types { application/atom+xml atom; }
  gzip on; gzip_types application/atom+xml; gzip_vary on;
  etag on;
  server { listen 127.0.0.1:$NGINX_PORT; root $W/www; }
}
CONF
mkdir -p nginx-tmp
"$NGINX" -p "$W" -c "$W/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
NGX=http://127.0.0.1:$NGINX_PORT
for _ in $(seq 1 20); do curl -fsS -o /dev/null "$NGX/$SLUG.atom" 2>/dev/null && break; sleep 0.5; done
NGX_ETAG=$(curl -fsS -o /dev/null -w '%header{etag}' "$NGX/$SLUG.atom")
cmp -s <(curl -fsS "$BASE$FEED") <(curl -fsS "$NGX/$SLUG.atom") || { echo "the two servers serve different bytes" >&2; exit 1; }
echo "feed: $FEED, $(stat -c %s "www/$SLUG.atom") bytes ($(curl -fsS -H 'Accept-Encoding: gzip' "$BASE$FEED" | wc -c) gzipped by Currents, $(curl -fsS -H 'Accept-Encoding: gzip' "$NGX/$SLUG.atom" | wc -c) by nginx)"
for check in "$BASE$FEED|$ETAG" "$NGX/$SLUG.atom|$NGX_ETAG"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: ${check#*|}" "${check%|*}")
  [ "$code" = 304 ] || { echo "${check%|*} answered $code, not 304, to its own ETag" >&2; exit 1; }
done

# One wrk run: prints "req/s errors max-latency" (errors: socket errors, timeouts and non-2xx/3xx).
run() {
  local conns=$1; shift
  local out
  out=$(wrk -t2 -c"$conns" -d"${DUR}s" --timeout 10s --latency "$@")
  local rps err max
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  err=$(awk '/Socket errors/ {gsub(",", ""); s += $4 + $6 + $8 + $10} /Non-2xx/ {s += $5} END {print s + 0}' <<<"$out")
  max=$(awk '/Latency/ && !/Distribution/ {print $4; exit}' <<<"$out")
  echo "$rps $err $max"
}
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }

# Warm both up (the JIT, nginx's page cache), untimed.
wrk -t2 -c64 -d3s "$BASE$FEED" >/dev/null
wrk -t2 -c64 -d3s -H "Accept-Encoding: gzip" "$BASE$FEED" >/dev/null
wrk -t2 -c64 -d3s "$NGX/$SLUG.atom" >/dev/null

declare -A R RATIOS
measure() {
  ETAG=$(curl -fsS -o /dev/null -w '%header{etag}' "$BASE$FEED")
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$BASE$FEED")" = 304 ] || echo "warning: no 304" >&2
  printf '%-26s %12s %12s %7s\n' "request (wrk -t2 -c64)" "Currents/s" "nginx/s" "ratio"
  for kind in 200 304 gzip; do
    case $kind in
      200) c=(); n=() ;;
      304) c=(-H "If-None-Match: $ETAG"); n=(-H "If-None-Match: $NGX_ETAG") ;;
      gzip) c=(-H "Accept-Encoding: gzip"); n=(-H "Accept-Encoding: gzip") ;;
    esac
    read -r cr ce _ < <(run 64 "${c[@]}" "$BASE$FEED")
    read -r nr ne _ < <(run 64 "${n[@]}" "$NGX/$SLUG.atom")
    R[$kind]=$cr
    RATIOS[$kind]="${RATIOS[$kind]:-} $(ratio "$cr" "$nr")"
    printf '%-26s %12s %12s %7s   (errors: %s / %s)\n' "$kind" "$cr" "$nr" "$(ratio "$cr" "$nr")" "$ce" "$ne"
  done
}
# While the poller ingests: a source of its own (context "Bench ingest", shared with no other
# event) gets a new item every half second, polled at once through the admin API. Every ingest
# moves the site's version, so each cached document is checked again (its validator read once);
# the busiest feed itself does not change, so its 304s stay 304s.
cat > "$W/feeds/bench-ingest.rss" <<'RSS'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Bench ingest</title><link>https://bench.example/</link><description>x</description>
</channel></rss>
RSS
SOURCE=$(curl -fsS -X POST -H 'Authorization: Bearer bench' -H 'Content-Type: application/json' "$BASE/api/sources" \
  -d '{"feed_url":"file:feeds/bench-ingest.rss","title":"Bench ingest","contexts":["Bench ingest"],"validate":false}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
ingest() {
  local i=0
  while true; do
    i=$((i + 1))
    python3 - "$W/feeds/bench-ingest.rss" "$i" <<'PY'
import secrets, sys
path, i = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
word = secrets.token_hex(6)
item = (f"<item><title>Bench bulletin {i} zq{word}</title><link>https://bench.example/{word}</link>"
        f"<guid>https://bench.example/{word}</guid><description>Bulletin zq{word}.</description>"
        f"<pubDate>Tue, 23 Jan 2018 08:00:00 +0000</pubDate></item>")
open(path, "w", encoding="utf-8").write(text.replace("</channel>", item + "</channel>", 1))
PY
    curl -fsS -o /dev/null -X POST -H 'Authorization: Bearer bench' "$BASE/api/sources/$SOURCE/refresh" || true
    sleep 0.5
  done
}
under_ingest() {
before=$(curl -fsS -o /dev/null -w '%header{etag}' "$BASE/feed.atom")
busy=$(curl -fsS -o /dev/null -w '%header{etag}' "$BASE$FEED")
ingest &
INGEST=$!
PIDS+=($INGEST)
read -r ir ie _ < <(run 64 -H "If-None-Match: $ETAG" "$BASE$FEED")
kill "$INGEST" 2>/dev/null || true
after=$(curl -fsS -o /dev/null -w '%header{etag}' "$BASE/feed.atom")
[ "$before" != "$after" ] || echo "warning: the ingest loop changed nothing" >&2
[ "$busy" = "$(curl -fsS -o /dev/null -w '%header{etag}' "$BASE$FEED")" ] || echo "warning: the busiest feed changed" >&2
RATIOS[ingest]="${RATIOS[ingest]:-} $(ratio "$ir" "${R[304]}")"
printf '%-26s %12s %12s %7s   (errors: %s; all-events feed %s -> %s)\n' "304 while ingesting" "$ir" "(idle ${R[304]})" \
  "$(ratio "$ir" "${R[304]}")" "$ie" "$before" "$after"
}

# 1,000 connections on the busiest feed, plain 200s.
thousand() {
read -r cr ce cmax < <(run 1000 "$BASE$FEED")
read -r nr ne nmax < <(run 1000 "$NGX/$SLUG.atom")
printf '%-26s %12s %12s %7s   (max latency %s / %s; errors %s / %s)\n' "200, wrk -t2 -c1000" "$cr" "$nr" "$(ratio "$cr" "$nr")" \
  "$cmax" "$nmax" "$ce" "$ne"
}

ROUNDS=${3:-3}
for round in $(seq 1 "$ROUNDS"); do
  echo "--- round $round of $ROUNDS"
  measure
  under_ingest
  thousand
done
median() { python3 -c "import statistics, sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }
echo "--- median ratios over $ROUNDS rounds (targets: 200 and gzip >= 0.75, 304 >= 0.90, 304 under ingest >= 0.5 of idle)"
for kind in 200 304 gzip ingest; do
  # shellcheck disable=SC2086
  printf '%-8s %s   (rounds:%s)\n' "$kind" "$(median ${RATIOS[$kind]})" "${RATIOS[$kind]}"
done
