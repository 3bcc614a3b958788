#!/usr/bin/env bash
# Session 11: CPU time of the demo JVM's notification and service threads per young GC and per request, bundle on,
# two builds alternated (one JVM per build and round: 30 s of wrk to warm up, then 20 s measured). The JVM delivers
# garbage collectors' notifications to their listeners on its notification thread. Request log off (as in
# http-overhead.sh); demo logs and the configurations in OUT.
# Usage: JAR_OLD=<jar before fix 14> JAR_NEW=<jar with it> ROUNDS=2 notification-thread.sh
set -euo pipefail
: "${JAR_OLD:?}" "${JAR_NEW:?}"
ROUNDS=${ROUNDS:-2}
JAR=$JAR_NEW
# shellcheck source=../../../scripts/demo-lib.sh
source "$(dirname "$0")/../../../scripts/demo-lib.sh"
bench_setup notification-thread
without_request_log "$CONFIG" "$OUT/new.yml"
# The build before fix 14 rejects the key that fix introduced (and registers the allocation counter regardless).
grep -v jvmAllocationMetrics "$OUT/new.yml" >"$OUT/old.yml"
threads() { for t in /proc/$1/task/*; do printf '%s\t%s\n' "$(cat "$t/comm")" "$(cut -d' ' -f1 "$t/schedstat")"; done; }
young_gcs() { curl -fsS "http://127.0.0.1:$1/prometheus" | awk '/^jvm_gc_collection_seconds_count\{gc="G1 Young/ {print $NF}'; }
run() { # NAME JAR
  local port admin pid g0 g1 out
  DEMO_JAR=$2 start_demo "$1" "$OUT/$1.yml" true
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
top = sorted(((a[c]-b[c], c) for c in a if not c.startswith(("dw-", "C1 ", "C2 ", "GC ", "G1 "))), reverse=True)[:4]
print(f"{name:5} other threads (ms):", ", ".join(f"{c} {ns/1e6:.1f}" for ns, c in top))
PY
  stop_demos
}
for r in $(seq 1 "$ROUNDS"); do
  run old "$JAR_OLD"
  run new "$JAR_NEW"
done
