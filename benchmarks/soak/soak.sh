#!/usr/bin/env bash
# Soak test of the packaged demo: hours-long stability of a metrics library, in minutes.
#
#   benchmarks/soak/soak.sh [SECONDS]      default 1800 (30 min); CI runs SECONDS=180 with WARMUP=60 INTERVAL=15
#
# Runs demo-service/target/demo-service.jar (build it with `mvn -q -B package -DskipTests`) on free loopback ports
# under load from wrk (load.lua: routes with random ids, 404s, dataset uploads, hostile paths and methods, and on one
# more connection hostile requests the server refuses before the application), with a
# real Prometheus scraping its admin /prometheus every second (temporary storage, free port). The first WARMUP
# seconds (default 300) are warm-up; then the measured load runs for the rest. Every INTERVAL seconds (default 60)
# it records, after a forced full GC (jcmd GC.run): heap used after it (the old generation's jvm_memory_pool_bytes_used
# in the next scrape: the full GC left every live object there, and new ones go to the young generation),
# RSS, open file descriptors and live threads of the process (/proc), series in the scrape, and Prometheus's
# scrape_duration_seconds averaged over the interval. analyse.py then passes the run when every recorded series is
# flat after warm-up and Prometheus's count of requests matches wrk's (its output says how both are judged), and
# plot.gp draws the series to soak.png. Results in OUT (default: a new temporary directory): samples.tsv,
# wrk-*.txt, verdict.txt, soak.png, the logs. Exit code 0 when the run passed, 1 when it failed, 2 when a tool is
# missing.
#
# Environment: WARMUP, INTERVAL, THREADS (wrk, default 2), CONNECTIONS (default 16), HEAP (demo, default 512m),
# DB (postgres when PostgreSQL answers at 127.0.0.1:5432, in a database of its own, dropped at the end; else h2),
# UNGATED (columns of samples.tsv judged but not failing the run, e.g. scrape_seconds), OUT, JAR, CONFIG.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../scripts/demo-lib.sh
source "$here/../scripts/demo-lib.sh"

DURATION=${1:-1800}
WARMUP=${WARMUP:-300}
INTERVAL=${INTERVAL:-60}
bench_setup soak
for tool in prometheus jcmd gnuplot python3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool not found (apt-get install prometheus gnuplot-nox; a JDK for jcmd)" >&2; exit 2; }
done
(( DURATION > WARMUP + 2 * INTERVAL )) || { echo "SECONDS must exceed WARMUP + 2 * INTERVAL" >&2; exit 2; }

cleanup() {
  [[ -n ${PROM_PID:-} ]] && kill "$PROM_PID" 2>/dev/null
  stop_demos
  [[ -n ${SOAK_DB:-} ]] && psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $SOAK_DB" >/dev/null 2>&1
  true
}
trap cleanup EXIT
trap "exit 143" TERM INT

# The database: the demo's own H2 keeps its rows in the heap, which would grow with the uploads and runs the load
# creates; PostgreSQL keeps them out of the process measured.
DB=${DB:-$(pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && echo postgres || echo h2)}
if [[ $DB == postgres ]]; then
  SOAK_DB=dwprom_soak_$$
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $SOAK_DB" >/dev/null
  export DB_DRIVER=org.postgresql.Driver DB_URL="jdbc:postgresql://127.0.0.1:5432/$SOAK_DB" DB_USER=postgres DB_PASSWORD=
fi
export DATASET_DIR="$OUT/datasets"

without_request_log "$CONFIG" "$OUT/config.yml"
# The heap's pages are touched at start, so that RSS measures what grows outside a heap of fixed size.
start_demo demo "$OUT/config.yml" true -XX:+AlwaysPreTouch
echo "demo: app 127.0.0.1:$PORT_demo, admin $ADMIN_demo, pid $PID_demo, database $DB; results in $OUT"

PROM_PORT=$(free_port)
cat >"$OUT/prometheus.yml" <<YAML
global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}
scrape_configs:
  - job_name: demo
    metrics_path: /prometheus
    static_configs: [{targets: ['127.0.0.1:$ADMIN_demo']}]
YAML
prometheus --config.file="$OUT/prometheus.yml" --storage.tsdb.path="$OUT/tsdb" \
  --web.listen-address="127.0.0.1:$PROM_PORT" >"$OUT/prometheus.log" 2>&1 &
PROM_PID=$!
await_http "http://127.0.0.1:$PROM_PORT/-/ready" "$PROM_PID" "$OUT/prometheus.log" 30 || exit 1

ids=()
for _ in $(seq 1 20); do ids+=("$(create_experiment "$PORT_demo")"); done
export SOAK_IDS
SOAK_IDS=$(IFS=,; echo "${ids[*]}")

# prom_query EXPR [TIME]: the value of an instant query with one result, or empty.
prom_query() {
  curl -fsS "http://127.0.0.1:$PROM_PORT/api/v1/query" --data-urlencode "query=$1" ${2:+--data-urlencode "time=$2"} |
    sed -nE 's/.*"value":\[[^,]*,"([^"]*)"\].*/\1/p'
}

# sample PHASE: one line of samples.tsv.
sample() {
  jcmd "$PID_demo" GC.run >/dev/null
  local scrape heap series rss fds threads duration
  scrape=$(curl -fsS "http://127.0.0.1:$ADMIN_demo/prometheus")
  heap=$(awk '/^jvm_memory_pool_bytes_used\{pool="[^"]*(Old|Tenured) Gen"/ {printf "%.0f", $NF}' <<<"$scrape")
  series=$(grep -vc '^#' <<<"$scrape")
  rss=$(awk '/^VmRSS/ {print $2 * 1024}' "/proc/$PID_demo/status")
  threads=$(awk '/^Threads/ {print $2}' "/proc/$PID_demo/status")
  fds=$(find "/proc/$PID_demo/fd" -mindepth 1 -maxdepth 1 | wc -l)
  duration=$(prom_query "avg_over_time(scrape_duration_seconds{job=\"demo\"}[${INTERVAL}s])")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(( $(date +%s) - START ))" "$1" "$heap" "$rss" "$fds" "$threads" \
    "$series" "${duration:-nan}" >>"$OUT/samples.tsv"
}

# load SECONDS NAME: wrk with load.lua for SECONDS, the application's mix on THREADS x CONNECTIONS and, beside it,
# the mix the server refuses on one connection; counts in wrk-NAME.txt and wrk-NAME-rejected-N.txt, reports in .log.
load() {
  refused_load "$1" "$2" &
  SOAK_WRK_RESULT="$OUT/wrk-$2.txt" pinned_wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" --timeout 10s \
    -s "$here/load.lua" "http://127.0.0.1:$PORT_demo" >"$OUT/wrk-$2.log" 2>&1
  wait
}

# refused_load SECONDS NAME: the refused mix for SECONDS. wrk's HTTP parser sometimes gives up on what the server
# answers a malformed request with ("invalid HTTP method") and wrk exits: it is started again for the time left,
# each run's counts in wrk-NAME-rejected-N.txt (analyse.py adds them up).
refused_load() {
  local end=$((SECONDS + $1)) run=0
  while ((end - SECONDS >= 1)); do
    run=$((run + 1))
    SOAK_WRK_RESULT="$OUT/wrk-$2-rejected-$run.txt" SOAK_MIX=rejected pinned_wrk -t1 -c1 -d"$((end - SECONDS))s" \
      --timeout 10s -s "$here/load.lua" "http://127.0.0.1:$PORT_demo" >>"$OUT/wrk-$2-rejected.log" 2>&1 || true
  done
}

# sample_every PHASE SECONDS: samples until the phase's time is up.
sample_every() {
  local until=$(( $(date +%s) + $2 ))
  while (( $(date +%s) + INTERVAL <= until )); do sleep "$INTERVAL"; sample "$1"; done
}

printf 'seconds\tphase\theap_bytes\trss_bytes\topen_fds\tthreads\tseries\tscrape_seconds\n' >"$OUT/samples.tsv"
START=$(date +%s)
sample start
echo "warm-up: ${WARMUP} s of load"
load "$WARMUP" warmup & wrk_pid=$!
sample_every warmup "$WARMUP"
wait "$wrk_pid"
sleep 3 # two scrapes after the last warm-up request
window_start=$(date +%s)
measured=$(( DURATION - WARMUP ))
echo "measured: ${measured} s of load, a sample every ${INTERVAL} s"
load "$measured" measured & wrk_pid=$!
sample_every measured "$measured"
wait "$wrk_pid"
sleep 3 # two scrapes after the last request
window_end=$(date +%s)
sample end

window=$(( window_end - window_start ))
{
  echo "window_seconds=$window"
  echo "counted_increase=$(prom_query "sum(increase(http_requests_total[${window}s]))" "$window_end")"
  echo "counted_start=$(prom_query 'sum(http_requests_total)' "$window_start")"
  echo "counted_end=$(prom_query 'sum(http_requests_total)' "$window_end")"
  echo "connections=$CONNECTIONS"
  echo "scrape_interval_seconds=1"
  echo "cpus=$(nproc)"
  echo "load_average=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')"
} >"$OUT/counts.txt"

set +e
# shellcheck disable=SC2086
python3 "$here/analyse.py" "$OUT" ${UNGATED:-} | tee "$OUT/verdict.txt"
status=${PIPESTATUS[0]}
set -e
gnuplot -e "dir='$OUT'" "$here/plot.gp" && echo "plot: $OUT/soak.png"
exit $status
