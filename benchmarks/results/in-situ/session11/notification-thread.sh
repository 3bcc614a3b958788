#!/usr/bin/env bash
# Session 11: CPU time of the demo JVM's notification and service threads per young GC and per request, bundle on,
# two builds alternated (one JVM per build and round: 30 s of wrk to warm up, then 20 s measured). The JVM delivers
# garbage collectors' notifications to their listeners on its notification thread.
# Usage: JAR_OLD=<jar before fix 14> JAR_NEW=<jar with it> CONFIG=<config.yml without the request log, e.g. the
#        config-no-request-log.yml http-overhead.sh leaves in its OUT directory> \
#        ROUNDS=2 notification-thread.sh
set -euo pipefail
: "${JAR_OLD:?}" "${JAR_NEW:?}" "${CONFIG:?}"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
ROUNDS=${ROUNDS:-2}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
threads() { for t in /proc/$1/task/*; do printf '%s\t%s\n' "$(cat $t/comm)" "$(cut -d' ' -f1 $t/schedstat)"; done; }
gcs() { curl -fsS "http://127.0.0.1:$1/prometheus" | awk '/^jvm_gc_collection_seconds_count\{gc="G1 Young/ {print $NF}'; }
run() { # NAME JAR
  local port admin pid
  port=$(free_port); admin=$(free_port)
  java -Xms512m -Xmx512m -Ddw.server.applicationConnectors[0].port=$port -Ddw.server.adminConnectors[0].port=$admin \
    -Ddw.logging.level=WARN -jar "$2" server "$CONFIG" >"$WORK/$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.5; done
  wrk -t2 -c16 -d30s "http://127.0.0.1:$port/" >/dev/null
  threads $pid >"$WORK/before"; g0=$(gcs $admin)
  out=$(wrk -t2 -c16 -d20s --latency "http://127.0.0.1:$port/")
  threads $pid >"$WORK/after"; g1=$(gcs $admin)
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  python3 - "$1" "$n" "$g0" "$g1" "$p99" "$WORK" <<'PY'
import sys, collections
name, n, g0, g1, p99 = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
def load(p):
    d = collections.Counter()
    for line in open(p):
        comm, ns = line.rstrip("\n").split("\t"); d[comm] += int(ns)
    return d
b, a = load(sys.argv[6] + "/before"), load(sys.argv[6] + "/after")
gcs = g1 - g0
for comm in ("Notification Th", "Service Thread"):
    ns = a[comm] - b[comm]
    print(f"{name:5} {comm:17} {ns/1e6:8.2f} ms over {gcs:.0f} young GCs, {n} requests: "
          f"{ns/1e3/max(gcs,1):8.1f} us per GC, {ns/n:6.1f} ns per request; wrk p99 {p99}")
top = sorted(((a[c]-b[c], c) for c in a if not c.startswith(("dw-", "C1 ", "C2 ", "GC ", "G1 "))), reverse=True)[:4]
print(f"{name:5} other threads (ms):", ", ".join(f"{c} {ns/1e6:.1f}" for ns, c in top))
PY
  kill $pid; wait $pid 2>/dev/null || true
}
for r in $(seq 1 "$ROUNDS"); do
  run old "$JAR_OLD"
  run new "$JAR_NEW"
done
