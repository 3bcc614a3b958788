#!/usr/bin/env bash
# Runs the whole JMH suite with the settings used in BENCHMARKS.md, 1 and 2 threads, plus the series memory
# probe; keeps JSON and text output in OUT. Builds nothing. Build first (from the repository root):
#   mvn -q -B -pl metrics-bundle -am clean install -DskipTests && mvn -q -B -pl benchmarks clean package
# Usage: benchmarks/scripts/jmh-all.sh        Environment: OUT=<dir> JMH_OPTS="-f 1 -wi 5 -w 1s -i 5 -r 1s"
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$ROOT/benchmarks/target/benchmarks.jar
OUT=${OUT:-$(mktemp -d -t jmh.XXXXXX)}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 5 -w 1s -i 5 -r 1s}
[ -f "$JAR" ] || { echo "missing $JAR: build it first (see the header of this script)" >&2; exit 2; }
mkdir -p "$OUT"
echo "results in $OUT" >&2
uptime >"$OUT/load.txt"
for threads in 1 2; do
  # shellcheck disable=SC2086
  java -jar "$JAR" 'Recording|HttpRecorder|SqlLogger' $JMH_OPTS -t "$threads" -prof gc \
       -rf json -rff "$OUT/t$threads.json" | tee "$OUT/t$threads.txt" | grep -E '^[A-Z][A-Za-z]+Benchmark\.' >&2
  uptime >>"$OUT/load.txt"
  # The whole request through Jersey: three forks, as two JVMs differ by their JIT decisions.
  java -jar "$JAR" JerseyApplication -f 3 -wi 5 -w 1s -i 5 -r 1s -t "$threads" -prof gc \
       -rf json -rff "$OUT/jersey-t$threads.json" | tee "$OUT/jersey-t$threads.txt" | grep -E '^[A-Z][A-Za-z]+Benchmark\.' >&2
  uptime >>"$OUT/load.txt"
done
# shellcheck disable=SC2086
java -jar "$JAR" Scrape $JMH_OPTS -prof gc -rf json -rff "$OUT/scrape.json" | tee "$OUT/scrape.txt" \
     | grep -E '^[A-Z][A-Za-z]+Benchmark\.|setup\]' >&2
uptime >>"$OUT/load.txt"
java -Djol.magicFieldOffset=true -cp "$JAR" io.dwprom.benchmarks.SeriesMemory 1000 2>/dev/null \
     | grep -v '^#' | tee "$OUT/memory.txt" >&2
