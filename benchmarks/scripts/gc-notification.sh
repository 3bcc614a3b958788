#!/usr/bin/env bash
# What the listener behind jvm_memory_pool_allocated_bytes_total costs: CPU time of the demo JVM's notification and
# service threads per young GC and per request, with prometheus.jvmAllocationMetrics on against off (the default),
# bundle on in both. The JVM delivers each garbage collection's notification to its listeners on its notification
# thread, right after the pause. One JVM per side and round, rounds alternated: 30 s of wrk to warm up, then 20 s
# measured on GET /. Request log off (as in http-overhead.sh); demo logs and the configuration in OUT.
#
# Builds nothing. Build first (from the repository root):
#   mvn -q -B -pl metrics-bundle -am clean install -DskipTests && mvn -q -B -pl demo-service package -DskipTests
# Usage: benchmarks/scripts/gc-notification.sh        Environment: ROUNDS=2 JAR CONFIG HEAP OUT (see demo-lib.sh)
set -euo pipefail
ROUNDS=${ROUNDS:-2}
# shellcheck source=demo-lib.sh
source "$(dirname "$0")/demo-lib.sh"
bench_setup gc-notification
without_request_log "$CONFIG" "$OUT/config.yml"
threads() { for t in /proc/$1/task/*; do printf '%s\t%s\n' "$(cat "$t/comm")" "$(cut -d' ' -f1 "$t/schedstat")"; done; }
young_gcs() { curl -fsS "http://127.0.0.1:$1/prometheus" | awk '/^jvm_gc_collection_seconds_count\{gc="G1 Young/ {print $NF}'; }
run() { # NAME ALLOCATION_METRICS
  local port admin pid g0 g1 out
  start_demo "$1" "$OUT/config.yml" true -Ddw.prometheus.jvmAllocationMetrics="$2"
  eval "port=\$PORT_$1; admin=\$ADMIN_$1; pid=\$PID_$1"
  pinned_wrk -t"$THREADS" -c"$CONNECTIONS" -d30s "http://127.0.0.1:$port/" >/dev/null
  threads "$pid" >"$OUT/$1.before"; g0=$(young_gcs "$admin")
  out=$(pinned_wrk -t"$THREADS" -c"$CONNECTIONS" -d20s --latency "http://127.0.0.1:$port/")
  threads "$pid" >"$OUT/$1.after"; g1=$(young_gcs "$admin")
  python3 - "$1" "$(echo "$out" | awk '/requests in/ {print $1}')" "$g0" "$g1" \
    "$(echo "$out" | awk '$1=="99%" {print $2}')" "$OUT/$1" <<'PY'
import sys, collections
name, n, g0, g1, p99, prefix = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), *sys.argv[5:]
def load(p):
    d = collections.Counter()
    for line in open(p):
        comm, ns = line.rstrip("\n").split("\t"); d[comm] += int(ns)
    return d
b, a = load(prefix + ".before"), load(prefix + ".after")
gcs = g1 - g0
for comm in ("Notification Th", "Service Thread"):
    ns = a[comm] - b[comm]
    print(f"{name:5} {comm:17} {ns/1e6:8.2f} ms over {gcs:.0f} young GCs, {n} requests: "
          f"{ns/1e3/max(gcs,1):8.1f} us per GC, {ns/n:6.1f} ns per request; wrk p99 {p99}")
PY
  stop_demos
}
echo "on = jvmAllocationMetrics: true (a listener on every collector), off = false (the default)"
for _ in $(seq 1 "$ROUNDS"); do
  run on true
  run off false
done
