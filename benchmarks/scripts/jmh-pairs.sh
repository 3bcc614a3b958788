#!/usr/bin/env bash
# Goal 1's steadier figure on a noisy machine: one JMH benchmark run as many short alternated fork pairs, A then B,
# then B then A (ABBA), and summarised as the median of the per-pair ratios A/B with a bootstrap 95% confidence
# interval, plus the median difference in ns and in bytes allocated per operation. JMH's own summary compares
# forks run minutes apart; when the machine's speed drifts by 10-30% over minutes (as these 2-core machines' do),
# its errors swamp a difference of a few hundred nanoseconds. Adjacent forks see nearly the same machine.
#
# Builds nothing. Build first (from the repository root): mvn -q -B -pl metrics-bundle,benchmarks -am package -DskipTests
# Needs: java 17, python3.
#
# Usage: benchmarks/scripts/jmh-pairs.sh [BENCHMARK_REGEX]      (default: JerseyApplicationBenchmark)
# Environment: PAIRS=10 A_VARIANT=dwprom B_VARIANT=off (the benchmark's "variant" parameter on each side)
#              JAR=benchmarks/target/benchmarks.jar JAR_B=$JAR (two builds of the benchmarks: before/after a fix)
#              JMH_OPTS="-wi 5 -w 1s -i 5 -r 1s" (each fork; one fork per side and pair) OUT=<dir>
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REGEX=${1:-JerseyApplicationBenchmark}
PAIRS=${PAIRS:-10}
A_VARIANT=${A_VARIANT:-dwprom}
B_VARIANT=${B_VARIANT:-off}
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
JAR_B=${JAR_B:-$JAR}
JMH_OPTS=${JMH_OPTS:--wi 5 -w 1s -i 5 -r 1s}
OUT=${OUT:-$(mktemp -d -t jmh-pairs.XXXXXX)}
[[ $PAIRS =~ ^[1-9][0-9]*$ ]] || { echo "PAIRS must be a positive whole number, not '$PAIRS'" >&2; exit 2; }
for jar in "$JAR" "$JAR_B"; do
  [ -f "$jar" ] || { echo "missing $jar: build it first (see the header of this script)" >&2; exit 2; }
done
mkdir -p "$OUT"
echo "results in $OUT" >&2
echo "# $(date -Is) $(nproc) cores; $REGEX PAIRS=$PAIRS A=$(basename "$JAR"):$A_VARIANT B=$(basename "$JAR_B"):$B_VARIANT" \
     "JMH_OPTS=$JMH_OPTS" >"$OUT/meta.txt"

# fork SIDE PAIR: one JMH fork of one side; its results in $OUT/SIDE-PAIR.csv
fork() {
  local side=$1 pair=$2 jar=$JAR variant=$A_VARIANT
  if [[ $side == B ]]; then jar=$JAR_B variant=$B_VARIANT; fi
  # shellcheck disable=SC2086
  java -jar "$jar" "$REGEX" -p variant="$variant" -f 1 $JMH_OPTS -prof gc -rf csv -rff "$OUT/$side-$pair.csv" \
       >"$OUT/$side-$pair.log" 2>&1 || { echo "JMH failed; see $OUT/$side-$pair.log" >&2; exit 1; }
  echo "  pair $pair/$PAIRS: $side done" >&2
}

for pair in $(seq 1 "$PAIRS"); do
  if (( pair % 2 )); then fork A "$pair"; fork B "$pair"; else fork B "$pair"; fork A "$pair"; fi
done

PYTHONPATH=$(dirname "$0") python3 - "$OUT" "$PAIRS" <<'PY' | tee "$OUT/summary.txt"
import csv, random, statistics, sys
from median_ci import median_ci
out, pairs = sys.argv[1], int(sys.argv[2])
def scores(side, pair):
    with open(f"{out}/{side}-{pair}.csv") as f:
        return {row["Benchmark"]: float(row["Score"]) for row in csv.DictReader(f)}
runs = [(scores("A", p), scores("B", p)) for p in range(1, pairs + 1)]
rng = random.Random(42)
print(open(f"{out}/meta.txt").read().strip())
print(f"{'benchmark':46} {'A ns/op':>9} {'B ns/op':>9} {'A/B':>7} {'95% CI':>17} {'A-B ns':>8} {'95% CI':>17} {'A-B B/op':>9}")
for name in sorted(runs[0][0]):
    if ":" in name:
        continue
    a = [r[0][name] for r in runs]
    b = [r[1][name] for r in runs]
    ratio = [x / y for x, y in zip(a, b)]
    diff = [x - y for x, y in zip(a, b)]
    alloc = [r[0][name + ":gc.alloc.rate.norm"] - r[1][name + ":gc.alloc.rate.norm"] for r in runs]
    lo, hi = median_ci(ratio, range(pairs), rng)
    dlo, dhi = median_ci(diff, range(pairs), rng)
    print(f"{name.rsplit('.', 2)[-2] + '.' + name.rsplit('.', 1)[-1]:46} {statistics.median(a):9.1f} "
          f"{statistics.median(b):9.1f} {statistics.median(ratio):7.4f} [{lo:.4f}, {hi:.4f}] "
          f"{statistics.median(diff):+8.1f} [{dlo:+.1f}, {dhi:+.1f}] {statistics.median(alloc):+9.1f}")
PY
