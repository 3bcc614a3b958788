#!/usr/bin/env bash
# Throw-away experiment (session 10): wrk at saturation on the probe build (probe.patch), bundle on (A) against
# off (B), both with the latency probe, alternated 5 s rounds on JVMS fresh pairs; per round, wrk's p50/p99 and
# the probe's server-side stages. ENABLED_B=true makes it an A/A run (bundle on in both).
# Usage: JAR=/tmp/bench/demo-probe.jar JVMS=3 ROUNDS=6 probe-run.sh /  > out.csv
set -euo pipefail
ROUTE=${1:-/}
JVMS=${JVMS:-3}
ROUNDS=${ROUNDS:-6}
WARMUP=${WARMUP:-20s}
source "$(dirname "$0")/../../../scripts/demo-lib.sh"
bench_setup probe
without_request_log "$CONFIG" "$OUT/config.yml"
round() { # NAME JVM ROUND
  local name=$1 port admin wrk_out
  eval "port=\$PORT_$name; admin=\$ADMIN_$name"
  curl -fsS "http://127.0.0.1:$admin/probe" >/dev/null
  wrk_out=$(pinned_wrk -t"$THREADS" -c"$CONNECTIONS" -d5s --latency "http://127.0.0.1:$port$ROUTE")
  python3 - "$name" "$2" "$3" "$wrk_out" "$(curl -fsS "http://127.0.0.1:$admin/probe")" <<'PY'
import re, sys
name, jvm, rnd, wrk, probe = sys.argv[1:]
def us(v):
    m = re.match(r"([\d.]+)(us|ms|s)", v); x = float(m.group(1))
    return x * {"us": 1, "ms": 1000, "s": 1e6}[m.group(2)]
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", wrk, re.M))
rate = re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1)
fields = [name, jvm, rnd, rate, "%.0f" % us(lat["50"]), "%.0f" % us(lat["99"])]
for line in probe.strip().splitlines():
    fields += line.split()[1:]  # count mean p50 p90 p99 p999
print(",".join(fields), flush=True)
PY
}
echo "side,jvm,round,rps,wrk_p50,wrk_p99,dispatch_n,dispatch_mean,dispatch_p50,dispatch_p90,dispatch_p99,dispatch_p999,service_n,service_mean,service_p50,service_p90,service_p99,service_p999,server_n,server_mean,server_p50,server_p90,server_p99,server_p999"
for jvm in $(seq 1 "$JVMS"); do
  start_demo A "$OUT/config.yml" true -Ddwprom.probe=true
  start_demo B "$OUT/config.yml" "${ENABLED_B:-false}" -Ddwprom.probe=true
  warm_pair "$ROUTE" 2>/dev/null
  for r in $(seq 1 "$ROUNDS"); do
    if (( r % 2 )); then round A "$jvm" "$r"; round B "$jvm" "$r"; else round B "$jvm" "$r"; round A "$jvm" "$r"; fi
  done
  stop_demos
done
