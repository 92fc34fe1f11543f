#!/usr/bin/env bash
# The reader's pages on the sample data: size in bytes and median time of 20 requests each.
# Usage: bench/pages.sh [PORT]   (run from the repository root after `mvn -B -DskipTests package`)
set -euo pipefail
port=${1:-18131}
data=$(mktemp -d)
cp target/currents.jar "$data/currents.jar"
java -jar "$data/currents.jar" serve --port "$port" --data "$data/db" > "$data/log" 2>&1 &
pid=$!
trap 'kill -TERM $pid; wait $pid || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/feed.rss" 2>/dev/null | grep -q "<item>" && break
  sleep 1
done
sleep 5   # let the first polls finish
base="http://127.0.0.1:$port"
day=$(curl -fsS "$base/days/" | grep -o 'href="[^"]*/days/20[0-9/]*/"' | head -1 | sed 's/href="//;s/"$//;s#^https\{0,1\}://[^/]*##')
printf '%-34s %9s %9s\n' page bytes median_ms
for path in / /days/ /contexts/ "/contexts/?kind=story" "$day" /contexts/united-states/ \
    "/search?q=united+states" "/search?q=the" "/search.rss?q=tanker"; do
  bytes=$(curl -fsS -o /dev/null -w '%{size_download}' "$base$path")
  times=$(for _ in $(seq 1 20); do curl -fsS -o /dev/null -w '%{time_total}\n' "$base$path"; done | sort -n)
  median=$(echo "$times" | sed -n 10p)
  printf '%-34s %9s %9.1f\n' "$path" "$bytes" "$(echo "$median * 1000" | bc -l)"
done
