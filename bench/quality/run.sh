#!/usr/bin/env bash
# Event-merging quality (docs/quality.md): builds target/currents.jar when it is missing or older
# than the sources, then runs the evaluation over locally served feeds (127.0.0.1 only).
# Usage: bench/quality/run.sh [evaluate.py options: --variants full,text --keep --min-precision P --min-recall R
#                              --jar FILE (a jar built elsewhere; then nothing is built)]
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/currents.jar
case " $* " in *" --jar "*|*" --jar="*) JAR= ;; esac
if [ -n "$JAR" ] && { [ ! -f "$JAR" ] || [ -n "$(find pom.xml src/main -newer "$JAR" -print -quit)" ]; }; then
    echo "building $JAR ..." >&2
    mvn -B -q -DskipTests package
fi
exec python3 bench/quality/evaluate.py "$@"
