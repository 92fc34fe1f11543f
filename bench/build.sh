# Sourced by the bench scripts from the repository root: makes the corpus if missing, builds the
# app and the bench classes, and sets CORPUS and CP.
CORPUS=${CURRENTS_BENCH_CORPUS:-/tmp/bench-corpus}
[ -f "$CORPUS/MANIFEST.txt" ] || python3 ../shared/bench/gen_corpus.py --out "$CORPUS"
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
CP="target/bench-classes:target/classes:$(cat target/bench-classpath.txt)"
rm -rf target/bench-classes && mkdir -p target/bench-classes
javac -d target/bench-classes -cp "$CP" bench/src/org/currents/bench/*.java
