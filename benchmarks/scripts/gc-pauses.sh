#!/usr/bin/env bash
# Goal 1, the p99 side: at saturation on loopback, the tail of wrk's latency is set by the young GC pauses
# (every stop holds all in-flight requests), so this compares the GC pauses of the demo with the bundle (A,
# prometheus.enabled=true) and without it (B) under the same wrk load: pauses per 10,000 requests, their
# durations, G1's phase times (gc+phases=debug) and wrk's p99 of the same runs. Rounds alternate A and B.
#
# Builds nothing. Build first (from the repository root):
#   mvn -q -B -pl metrics-bundle -am clean install -DskipTests && mvn -q -B -pl demo-service package -DskipTests
# Needs: wrk, curl, python3, java 17.
#
# Usage: benchmarks/scripts/gc-pauses.sh [path]           (default path: /; e.g. /experiments/1)
# Environment: ROUNDS=6 RECORD=10 WARMUP=30s THREADS=2 CONNECTIONS=16 HEAP=512m OUT=<dir> JAR=... CONFIG=...
set -euo pipefail
ROUTE=${1:-/}
[[ $ROUTE == /* ]] || { echo "usage: $0 [path starting with /]" >&2; exit 2; }
ROUNDS=${ROUNDS:-6}
RECORD=${RECORD:-10}
WARMUP=${WARMUP:-30s}
# shellcheck source=demo-lib.sh
source "$(dirname "$0")/demo-lib.sh"
bench_setup gc-pauses
without_request_log "$CONFIG" "$OUT/config.yml"
gc_log() { echo "-Xlog:gc,gc+phases=debug:file=$OUT/$1-gc.log:uptime"; }

start_demo A "$OUT/config.yml" true "$(gc_log A)"
start_demo B "$OUT/config.yml" false "$(gc_log B)"
echo "results in $OUT" >&2
warm_pair "$ROUTE"

# record NAME ROUND: one wrk run; keeps wrk's output and the GC log lines written during it.
record() {
  local name=$1 round=$2 port before
  eval "port=\$PORT_$name"
  before=$(wc -l <"$OUT/$name-gc.log")
  pinned_wrk -t"$THREADS" -c"$CONNECTIONS" -d"${RECORD}s" --latency "http://127.0.0.1:$port$ROUTE" \
      >"$OUT/wrk-$name-$round.txt"
  tail -n +"$((before + 1))" "$OUT/$name-gc.log" >"$OUT/gc-$name-$round.log"
}
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then record A "$round"; record B "$round"; else record B "$round"; record A "$round"; fi
  echo "  round $round/$ROUNDS done" >&2
done

python3 - "$OUT" "$ROUNDS" "$ROUTE" <<'PY'
import re, statistics, sys
out, rounds, route = sys.argv[1], int(sys.argv[2]), sys.argv[3]
UNIT = {"us": 1e-3, "ms": 1.0, "s": 1e3}
PHASES = {  # G1's log line -> column; "Avg" is the mean over the parallel workers
    "Merge Heap Roots": re.compile(r"Merge Heap Roots: ([\d.]+)ms"),
    "Ext Root Scanning": re.compile(r"Ext Root Scanning \(ms\):.*Avg:\s*([\d.]+)"),
    "Scan Heap Roots": re.compile(r"Scan Heap Roots \(ms\):.*Avg:\s*([\d.]+)"),
    "Object Copy": re.compile(r"Object Copy \(ms\):.*Avg:\s*([\d.]+)"),
    "Post Evacuate": re.compile(r"Post Evacuate Collection Set: ([\d.]+)ms"),
}
PAUSE = re.compile(r"GC\((\d+)\) Pause Young .* ([\d.]+)ms$")

def side(name):
    requests, pauses, phases, p99s = 0, [], {k: [] for k in PHASES}, []
    for r in range(1, rounds + 1):
        text = open(f"{out}/wrk-{name}-{r}.txt").read()
        requests += int(re.search(r"(\d+) requests in", text).group(1))
        value, unit = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
        p99s.append(float(value) * UNIT[unit])
        for line in open(f"{out}/gc-{name}-{r}.log"):
            if m := PAUSE.search(line):
                pauses.append(float(m.group(2)))
            for phase, pattern in PHASES.items():
                if m := pattern.search(line):
                    phases[phase].append(float(m.group(1)))
    return requests, pauses, phases, statistics.median(p99s)

a, b = side("A"), side("B")
print(f"{route}: young GC pauses under wrk, A (bundle on) and B (bundle off); {rounds} alternated rounds each")
print(f"{'':34} {'A':>10} {'B':>10} {'A/B':>7}")
def row(label, va, vb, fmt="{:10.3f}"):
    ratio = f"{va / vb:7.3f}" if vb else "      -"
    print(f"{label:34} {fmt.format(va)} {fmt.format(vb)} {ratio}")
row("requests", a[0], b[0], "{:10.0f}")
row("pauses per 10,000 requests", 1e4 * len(a[1]) / a[0], 1e4 * len(b[1]) / b[0])
row("pause ms, median", statistics.median(a[1]), statistics.median(b[1]))
row("pause ms, mean", statistics.mean(a[1]), statistics.mean(b[1]))
row("pause ms per 1,000 requests", 1e3 * sum(a[1]) / a[0], 1e3 * sum(b[1]) / b[0])
for phase in PHASES:
    row(f"  {phase} ms, median", statistics.median(a[2][phase]), statistics.median(b[2][phase]))
row("wrk p99 ms, median of rounds", a[3], b[3])
PY
