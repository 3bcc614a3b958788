# Shared by http-overhead.sh and profile-diff.sh (sourced, not run): start packaged demos on free loopback ports
# and stop them on exit. Expects JAR, OUT and HEAP to be set by the caller. Optional: DEMO_JAR, for one demo,
# a jar other than JAR (e.g. DEMO_JAR=old.jar start_demo ...); DEMO_CPUS, a CPU list the demos are pinned to
# (taskset -c), as WRK_CPUS pins wrk: DEMO_CPUS=0 WRK_CPUS=1 keeps each demo's threads on one core.

PIDS=()
stop_demos() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; PIDS=(); }
trap stop_demos EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

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

# start_demo NAME CONFIG ENABLED [JVM OPTION...] -> sets PORT_<NAME>, PID_<NAME>; output in $OUT/NAME.log
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
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1; then
      eval "PORT_$name=$port; PID_$name=$pid"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "demo $name died; see $OUT/$name.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "demo $name did not answer in 60 s" >&2; exit 1
}

# pinned_wrk ARGS...: wrk, on the CPUs of WRK_CPUS when set.
pinned_wrk() {
  if [[ -n ${WRK_CPUS:-} ]]; then taskset -c "$WRK_CPUS" wrk "$@"; else wrk "$@"; fi
}

# warm_up URL: wrk for WARMUP, then 5 s rounds until two in a row are within 3 % of each other (at most 12): how
# long the JIT takes differs between machines of one kind (15 s on one, over 50 s on another). Logs the rates.
warm_up() {
  local url=$1 previous=0 rate round
  pinned_wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
  for round in $(seq 1 12); do
    rate=$(pinned_wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$url" | awk '/^Requests\/sec/ {print int($2)}')
    echo "    warm-up round $round: $rate req/s" >&2
    if python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); sys.exit(0 if b and abs(a - b) <= 0.03 * b else 1)" \
         "$rate" "$previous"; then
      return 0
    fi
    previous=$rate
  done
  echo "    warm-up: not steady after 12 rounds; measuring anyway" >&2
}

# create_experiment PORT: an experiment to read; prints its id.
create_experiment() {
  curl -fsS -X POST -H 'Content-Type: application/json' -d '{"name":"bench","description":"x"}' \
       "http://127.0.0.1:$1/experiments" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
