#!/usr/bin/env bash
# The matcher alone over the quality set, in seconds (see MatchTune); for work on matching.
# Usage: bench/match-tune.sh [THRESHOLD=0.30] [text-only] | grid | orders | permutations (-Dpairs=true in JOPTS lists pairs)
# (WCEP=path/to/events.json when the corpus is not at ../shared/corpus/wcep; JOPTS=JVM flags)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -B -q -DskipTests compile
[ -f target/bench-classpath.txt ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
CP="target/bench-classes:target/classes:$(cat target/bench-classpath.txt)"
mkdir -p target/bench-classes
javac -d target/bench-classes -cp "$CP" bench/src/org/currents/bench/MatchTune.java bench/src/org/currents/bench/MatchTrials.java
java ${JOPTS:-} -cp "$CP" org.currents.bench.MatchTune ${WCEP:-../shared/corpus/wcep/events.json} bench/quality/data "${1:-0.30}" "${@:2}"
