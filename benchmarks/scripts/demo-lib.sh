# Shared by the demo benchmarks (http-overhead.sh, profile-diff.sh, gc-notification.sh; sourced, not run): start packaged demos on free loopback ports
# and stop them on exit. Expects JAR, OUT and HEAP to be set by the caller (bench_setup sets them). Optional: DEMO_JAR, for one demo,
# a jar other than JAR (e.g. DEMO_JAR=old.jar start_demo ...); DEMO_CPUS, a CPU list the demos are pinned to
# (taskset -c), as WRK_CPUS pins wrk: DEMO_CPUS=0 WRK_CPUS=1 keeps each demo's threads on one core.

# bench_setup NAME: what every demo benchmark shares: THREADS, CONNECTIONS and HEAP defaults, JAR and CONFIG
# defaulting to the packaged demo and its config.yml, OUT defaulting to a new temporary directory named after NAME;
# exits 2 when the jar, the configuration or wrk is missing.
bench_setup() {
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  THREADS=${THREADS:-2}
  CONNECTIONS=${CONNECTIONS:-16}
  HEAP=${HEAP:-512m}
  JAR=${JAR:-$root/demo-service/target/demo-service.jar}
  CONFIG=${CONFIG:-$root/config.yml}
  OUT=${OUT:-$(mktemp -d -t "$1.XXXXXX")}
  mkdir -p "$OUT"
  [ -f "$JAR" ] || { echo "missing $JAR: build it first (see the header of this script)" >&2; exit 2; }
  [ -f "$CONFIG" ] || { echo "missing $CONFIG" >&2; exit 2; }
  command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 2; }
}

PIDS=()
stop_demos() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; PIDS=(); }
trap stop_demos EXIT

# shellcheck source=../../scripts/loopback.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/loopback.sh"

# without_request_log SOURCE TARGET: the same configuration with Dropwizard's request log off (appenders: []).
without_request_log() {
  python3 - "$1" "$2" <<'PY'
import sys
text = open(sys.argv[1]).read()
assert "requestLog" not in text, "config already has a requestLog section; adapt this script"
assert text.count("\nserver:\n") == 1, "expected one top-level 'server:' section"
open(sys.argv[2], "w").write(text.replace("\nserver:\n", "\nserver:\n  requestLog:\n    appenders: []\n", 1))
PY
}

# start_demo NAME CONFIG ENABLED [JVM OPTION...] -> sets PORT_<NAME>, ADMIN_<NAME> (the admin port), PID_<NAME>;
# output in $OUT/NAME.log
start_demo() {
  local name=$1 config=$2 enabled=$3 port admin pid pin=()
  shift 3
  port=$(free_port); admin=$(free_port)
  [[ -n ${DEMO_CPUS:-} ]] && pin=(taskset -c "$DEMO_CPUS")
  "${pin[@]}" java -Xms"$HEAP" -Xmx"$HEAP" "$@" -Ddw.server.applicationConnectors[0].port="$port" \
       -Ddw.server.adminConnectors[0].port="$admin" -Ddw.prometheus.enabled="$enabled" -Ddw.logging.level=WARN \
       -jar "${DEMO_JAR:-$JAR}" server "$config" >"$OUT/$name.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  await_http "http://127.0.0.1:$port/" "$pid" "$OUT/$name.log" || exit 1
  eval "PORT_$name=$port; ADMIN_$name=$admin; PID_$name=$pid"
}

# pinned_wrk ARGS...: wrk, on the CPUs of WRK_CPUS when set.
pinned_wrk() {
  if [[ -n ${WRK_CPUS:-} ]]; then taskset -c "$WRK_CPUS" wrk "$@"; else wrk "$@"; fi
}

# jit_cpu_ms PID: CPU time so far of the JVM's JIT compiler threads, in milliseconds.
jit_cpu_ms() {
  local task ns=0
  for task in /proc/"$1"/task/*; do
    [[ $(cat "$task/comm" 2>/dev/null) == C[12]\ CompilerThre* ]] && ns=$((ns + $(cut -d' ' -f1 "$task/schedstat")))
  done
  echo $((ns / 1000000))
}

# warm_up URL PID: wrk for WARMUP, then 5 s runs until the last three rates agree within 3 % and the JIT compiled
# for under 100 ms during the last (at most 36 runs). How long the JIT takes differs between machines of one kind
# (15 s on one, minutes on another), and on a slow one the rate can stay flat for a while mid-compilation.
warm_up() {
  local url=$1 pid=$2 rates=() round jit_before jit_ms
  pinned_wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
  for round in $(seq 1 36); do
    jit_before=$(jit_cpu_ms "$pid")
    rates+=("$(pinned_wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$url" | awk '/^Requests\/sec/ {print int($2)}')")
    jit_ms=$(( $(jit_cpu_ms "$pid") - jit_before ))
    echo "    warm-up run $round: ${rates[-1]} req/s, JIT ${jit_ms} ms" >&2
    if (( round >= 3 && jit_ms < 100 )) && python3 -c 'import sys; r = [float(x) for x in sys.argv[1:]]; sys.exit(0 if min(r) > 0 and max(r) <= 1.03 * min(r) else 1)' \
         "${rates[@]: -3}"; then
      return 0
    fi
  done
  echo "    warm-up: not steady after 36 runs; measuring anyway" >&2
}

# create_experiment PORT: an experiment to read; prints its id.
create_experiment() {
  curl -fsS -X POST -H 'Content-Type: application/json' -d '{"name":"bench","description":"x"}' \
       "http://127.0.0.1:$1/experiments" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

# warm_in_turn URL_1 PID_1 URL_2 PID_2: warms the first demo, then the second, then gives the first one more 5 s
# run: it sat idle while the second warmed, long enough for Jetty to end its idle threads (after 60 s).
warm_in_turn() {
  warm_up "$1" "$2"
  warm_up "$3" "$4"
  pinned_wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$1" >/dev/null
}

# warm_pair ROUTE: warm_in_turn on the running demos A and B at ROUTE (a path), one experiment created in each
# first when the route reads one.
warm_pair() {
  local route=$1
  if [[ $route == /experiments/* ]]; then
    create_experiment "$PORT_A" >/dev/null; create_experiment "$PORT_B" >/dev/null
  fi
  echo "warm-up $WARMUP each on $route, then until steady" >&2
  warm_in_turn "http://127.0.0.1:$PORT_A$route" "$PID_A" "http://127.0.0.1:$PORT_B$route" "$PID_B"
}
