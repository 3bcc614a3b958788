#!/usr/bin/env bash
# Goal 1, a third view: the share of the demo's CPU samples spent in the bundle's code, under wrk load, with
# Java Flight Recorder. Inclusive: a sample counts when any frame of its stack is in a bundle package
# (io.dwprom.core/http/db/business/exposition/bundle/system; not io.dwprom.demo, the application itself).
# JFR samples Java threads running Java code; GC and JIT threads are not in the denominator.
#
# Builds nothing. Build first (from the repository root):
#   mvn -q -B -pl metrics-bundle -am install -DskipTests && mvn -q -B -pl demo-service package -DskipTests
# Usage: benchmarks/scripts/profile-demo.sh [path]       (default path: /; e.g. /experiments/1)
# Environment: WARMUP=60s RECORD=30 THREADS=2 CONNECTIONS=16 HEAP=512m OUT=<dir> JAR=... CONFIG=...
set -euo pipefail
ROUTE=${1:-/}
[[ $ROUTE == /* ]] || { echo "usage: $0 [path starting with /]" >&2; exit 2; }
WARMUP=${WARMUP:-60s}
RECORD=${RECORD:-30}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
HEAP=${HEAP:-512m}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/demo-service/target/demo-service.jar}
CONFIG=${CONFIG:-$ROOT/config.yml}
OUT=${OUT:-$(mktemp -d -t profile-demo.XXXXXX)}
mkdir -p "$OUT"
[ -f "$JAR" ] || { echo "missing $JAR: build it first (see the header of this script)" >&2; exit 2; }

python3 - "$CONFIG" "$OUT/config.yml" <<'PY'
import sys
text = open(sys.argv[1]).read()
assert "requestLog" not in text and text.count("\nserver:\n") == 1
open(sys.argv[2], "w").write(text.replace("\nserver:\n", "\nserver:\n  requestLog:\n    appenders: []\n", 1))
PY
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
admin=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xms$HEAP -Xmx$HEAP -Ddw.server.applicationConnectors[0].port=$port -Ddw.server.adminConnectors[0].port=$admin \
     -Ddw.prometheus.enabled=true -Ddw.logging.level=WARN -jar "$JAR" server "$OUT/config.yml" >"$OUT/demo.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.5; done
if [[ $ROUTE == /experiments/* ]]; then
  curl -fsS -X POST -H 'Content-Type: application/json' -d '{"name":"bench","description":"x"}' \
       "http://127.0.0.1:$port/experiments" >/dev/null
fi
echo "warm-up $WARMUP on $ROUTE" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$port$ROUTE" >/dev/null
jcmd "$pid" JFR.start name=bench settings=profile duration="${RECORD}s" filename="$OUT/demo.jfr" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((RECORD + 2))s" --latency "http://127.0.0.1:$port$ROUTE" >"$OUT/wrk.txt"
sleep 3
jfr print --events jdk.ExecutionSample "$OUT/demo.jfr" >"$OUT/samples.txt"
python3 - "$OUT/samples.txt" "$ROUTE" <<'PY'
import collections, re, sys
text, route = open(sys.argv[1]).read(), sys.argv[2]
bundle = re.compile(r"^\s+io\.dwprom\.(core|http|db|business|exposition|bundle|system)\.", re.M)
total = hits = 0
top = collections.Counter()
for sample in text.split("jdk.ExecutionSample")[1:]:
    total += 1
    frames = re.findall(r"^\s+(io\.dwprom\.(?:core|http|db|business|exposition|bundle|system)\.[\w.$]+)", sample, re.M)
    if frames:
        hits += 1
        top[frames[-1]] += 1  # outermost bundle frame: the entry point into the bundle
print(f"{route}: {hits} of {total} CPU samples ({100.0 * hits / max(total, 1):.2f} %) have a bundle frame")
for frame, count in top.most_common(8):
    print(f"  {100.0 * count / max(total, 1):5.2f} %  entered at {frame}")
PY
