#!/usr/bin/env bash
# Goal 1 of BENCHMARKS.md: HTTP throughput and p99 latency of the demo with the bundle against the same demo
# without it, on loopback, many short alternated wrk pairs, median ratio with a bootstrap 95% confidence interval.
# Also the per-request CPU time of the demo JVM and how often its request threads were preempted (from /proc), and
# the cost of Dropwizard's default request log.
#
# Builds nothing. Build first (from the repository root):
#   mvn -q -B -pl metrics-bundle -am clean install -DskipTests && mvn -q -B -pl demo-service package -DskipTests
# Needs: wrk (apt-get install wrk), curl, python3, java 17.
#
# Usage: benchmarks/scripts/http-overhead.sh [overhead|requestlog|calibrate|versus|all|summary]   (default: all)
# Environment: PAIRS=20 JVMS=1 DURATION=5s THREADS=2 CONNECTIONS=16 WARMUP=15s HEAP=512m OUT=<dir>
#              PACE_MS: each connection waits that many milliseconds after a response before its next request
#              (wrk's Lua delay hook; unset: none, wrk at saturation). The demos then run below saturation, and
#              p50 and p99 are the latencies a request meets at that load rather than the length of a queue; the
#              throughput ratio is then set by the pacing (close to 1), CPU per request stays comparable.
#              Warm-ups are never paced.
#              WARMUP: the first warm-up run of each demo and route; 5 s runs follow until three agree within 3 %
#              ROUTES="root experiments" (overhead, calibrate: which of GET / and GET /experiments/{id})
#              JVMS: in overhead and calibrate modes, start that many fresh pairs of demos one after the other,
#              PAIRS pairs each. Two JVMs of one jar differ by a few percent through their JIT decisions alone
#              (see calibrate), so the confidence interval resamples whole JVM pairs when JVMS > 1.
#              JAR=demo-service/target/demo-service.jar CONFIG=config.yml
#              JAVA_OPTS: extra JVM options for every demo started (e.g. -XX:CompileCommand=... for an experiment)
#              JAR_B: versus mode, the other jar. DEMO_CPUS, WRK_CPUS: pin the demos and wrk (taskset -c lists)
#
# overhead:   A = prometheus.enabled=true, B = prometheus.enabled=false; request log off in both.
# requestlog: A = Dropwizard's default request log (console appender, stdout to a file), B = request log off;
#             prometheus disabled in both, so the figure is the request log's alone.
# calibrate:  A and B both prometheus.enabled=true (A/A): the resolution of the method itself.
# versus:     A = JAR, B = JAR_B, bundle on in both: one bundle version against another, before/after a fix.
# Both servers run at once; only one is loaded at a time. Each pair runs A then B, the next pair B then A
# (ABBA), so a drift of the machine hits both sides alike. Ratios are A/B per pair.
set -euo pipefail

MODE=${1:-all}
PAIRS=${PAIRS:-20}
JVMS=${JVMS:-1}
JVM=1
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-15s}
ROUTES=${ROUTES:-root experiments}
# shellcheck source=demo-lib.sh
source "$(dirname "$0")/demo-lib.sh"
bench_setup http-overhead
read -ra EXTRA_JVM_OPTIONS <<<"${JAVA_OPTS:-}"
PACING=()
if [[ -n ${PACE_MS:-} ]]; then
  [[ $PACE_MS =~ ^[1-9][0-9]*$ ]] || { echo "PACE_MS must be a whole number of milliseconds, not '$PACE_MS'" >&2; exit 2; }
  printf 'function delay()\n  return %s\nend\n' "$PACE_MS" >"$OUT/pace.lua"
  PACING=(-s "$OUT/pace.lua")
fi

# The same configuration with the request log switched off, for the runs that must not pay it.
NOLOG_CONFIG=$OUT/config-no-request-log.yml
without_request_log "$CONFIG" "$NOLOG_CONFIG"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Nanoseconds on CPU of each thread of a JVM (/proc/<pid>/task/*/schedstat), one "tid group ns" per line; group
# is "request" for Jetty's threads (named dw-*), "jit", "gc" or "other". Finer than the 10 ms ticks of /proc/stat.
# Request threads also get a fourth field: how often the scheduler preempted them (involuntary context switches).
thread_cpu() {
  local task comm
  for task in /proc/"$1"/task/*; do
    comm=$(cat "$task/comm" 2>/dev/null) || continue
    case $comm in
      dw-*) echo "${task##*/} request $(cut -d' ' -f1 "$task/schedstat") $(preemptions "$task")" ;;
      C1\ Compiler*|C2\ Compiler*) echo "${task##*/} jit $(cut -d' ' -f1 "$task/schedstat")" ;;
      GC\ *|G1\ *|VM\ Periodic*|VM\ Thread) echo "${task##*/} gc $(cut -d' ' -f1 "$task/schedstat")" ;;
      *) echo "${task##*/} other $(cut -d' ' -f1 "$task/schedstat" 2>/dev/null || echo 0)" ;;
    esac
  done
}

# preemptions TASK_DIR: the thread's involuntary context switches so far.
preemptions() {
  local key value
  while read -r key value; do
    [[ $key == nonvoluntary_ctxt_switches: ]] && { echo "$value"; return; }
  done <"$1/status"
  echo 0
}

# run_wrk LABEL PID URL -> appends "label,rps,p50_us,p99_us,requests,cpu_ticks,request_ns,jit_ns,gc_ns,preempted" to
# $OUT/runs.csv (request_ns, jit_ns, gc_ns: CPU of Jetty's threads, of the JIT compilers and of GC/VM threads during
# the run; preempted: how often Jetty's threads were preempted during it)
run_wrk() {
  local label=$1 pid=$2 url=$3 before after
  before=$(cpu_ticks "$pid")
  thread_cpu "$pid" >"$OUT/threads.before"
  pinned_wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${PACING[@]}" "$url" >"$OUT/wrk.last" 2>&1
  thread_cpu "$pid" >"$OUT/threads.after"
  after=$(cpu_ticks "$pid")
  python3 - "$label" "$OUT/wrk.last" "$((after - before))" "$OUT/threads.before" "$OUT/threads.after" \
      >>"$OUT/runs.csv" <<'PY'
import re, sys
label, path, ticks = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path).read()
unit = {"us": 1, "ms": 1e3, "s": 1e6}
def latency(pct):
    m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)\s*$" % pct, text, re.M)
    return float(m.group(1)) * unit[m.group(2)]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
requests = int(re.search(r"(\d+) requests in", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: .*", text)
if errors:
    print("wrk reported errors: " + errors.group(0), file=sys.stderr)
def threads(path):
    return {tid: (group, int(ns), int(preempted[0]) if preempted else 0)
            for tid, group, ns, *preempted in (line.split() for line in open(path))}
before, after = threads(sys.argv[4]), threads(sys.argv[5])
by_group = {"request": 0, "jit": 0, "gc": 0, "other": 0}
preempted = 0
for tid, (group, ns, switches) in after.items():
    _, ns_before, switches_before = before.get(tid, (group, 0, 0))
    by_group[group] += ns - ns_before
    preempted += switches - switches_before
print(f"{label},{rps:.1f},{latency(50):.0f},{latency(99):.0f},{requests},{ticks},"
      f"{by_group['request']},{by_group['jit']},{by_group['gc']},{preempted}")
PY
}

# pairs NAME_A NAME_B ROUTE_LABEL PATH
pairs() {
  local a=$1 b=$2 route=$3 path=$4 i
  local port_a port_b pid_a pid_b
  eval "port_a=\$PORT_$a; port_b=\$PORT_$b; pid_a=\$PID_$a; pid_b=\$PID_$b"
  echo "warm-up $route ($WARMUP each, then until steady)" >&2
  # In the order the demos started (see in_order).
  local urls=("http://127.0.0.1:$port_a$path" "http://127.0.0.1:$port_b$path") pids=("$pid_a" "$pid_b") first=0
  (( JVM % 2 )) || first=1
  warm_in_turn "${urls[first]}" "${pids[first]}" "${urls[1 - first]}" "${pids[1 - first]}"
  for i in $(seq 1 "$PAIRS"); do
    if (( i % 2 )); then
      run_wrk "$route,$JVM:$i,A" "$pid_a" "http://127.0.0.1:$port_a$path"
      run_wrk "$route,$JVM:$i,B" "$pid_b" "http://127.0.0.1:$port_b$path"
    else
      run_wrk "$route,$JVM:$i,B" "$pid_b" "http://127.0.0.1:$port_b$path"
      run_wrk "$route,$JVM:$i,A" "$pid_a" "http://127.0.0.1:$port_a$path"
    fi
    echo "  $route JVMs $JVM/$JVMS pair $i/$PAIRS: $(tail -2 "$OUT/runs.csv" | cut -d, -f3,4 | tr '\n' ' ')" >&2
  done
}

# in_order START_A START_B: runs the two start functions, A's first in odd JVM pairs and B's first in even ones
# (pairs warms them in the same order). In an A/A run on the database route the demo started and warmed first was
# slower by ~19 us per request on one machine: one order throughout would charge that to one side.
in_order() { if (( JVM % 2 )); then "$1"; "$2"; else "$2"; "$1"; fi; }

# route_pairs NAME_A NAME_B: the pairs of every route in ROUTES on two running demos, one experiment created in each.
route_pairs() {
  local port_a port_b id_a id_b
  eval "port_a=\$PORT_$1; port_b=\$PORT_$2"
  id_a=$(create_experiment "$port_a"); id_b=$(create_experiment "$port_b")
  [[ $id_a == "$id_b" ]] || { echo "experiment ids differ ($id_a, $id_b)" >&2; exit 1; }
  if [[ " $ROUTES " == *" root "* ]]; then pairs "$1" "$2" "GET /" "/"; fi
  if [[ " $ROUTES " == *" experiments "* ]]; then pairs "$1" "$2" "GET /experiments/{id}" "/experiments/$id_a"; fi
}

summarise() {
  PYTHONPATH=$(dirname "$0") python3 - "$OUT/runs.csv" "$1" "$2" <<'PY'
import csv, random, statistics, sys
from median_ci import median_ci
path, title, labels = sys.argv[1], sys.argv[2], sys.argv[3].split("/")
rows = {}
for route, pair, side, rps, p50, p99, n, ticks, *threads in csv.reader(open(path)):
    rows.setdefault(route, {}).setdefault(pair if ":" in pair else "1:" + pair, {})[side] = \
        (float(rps), float(p50), float(p99), int(n), int(ticks), *map(int, threads))
rng = random.Random(42)
ci = lambda values, clusters: median_ci(values, clusters, rng)
first = next(iter(rows.values()))
print(f"\n== {title}: A = {labels[0]}, B = {labels[1]}; {len(first)} alternated pairs per route, "
      f"on {len({k.split(':')[0] for k in first})} pair(s) of JVMs")
print(f"{'route':24} {'A req/s':>9} {'B req/s':>9} {'thr A/B':>8} {'95% CI':>17} {'A>B':>6} "
      f"{'p50 A/B':>8} {'p99 A/B':>8} {'95% CI':>17} {'CPU us/req A':>13} {'B':>7} {'CPU A/B':>8} {'95% CI':>17}")
for route, pairs in rows.items():
    keys = [k for k, p in pairs.items() if "A" in p and "B" in p]
    full = [pairs[k] for k in keys]
    jvm = [k.split(":")[0] for k in keys]
    thr = [p["A"][0] / p["B"][0] for p in full]
    p50 = [p["A"][1] / p["B"][1] for p in full]
    p99 = [p["A"][2] / p["B"][2] for p in full]
    # 100 clock ticks per second; CPU of the demo JVM per request served.
    cpu = lambda side: statistics.median(p[side][4] * 1e4 / p[side][3] for p in full)
    cpu_ratio = [(p["A"][4] / p["A"][3]) / (p["B"][4] / p["B"][3]) for p in full]
    clo, chi = ci(cpu_ratio, jvm)
    wins = sum(1 for r in thr if r > 1)
    lo, hi = ci(thr, jvm); plo, phi = ci(p99, jvm)
    print(f"{route:24} {statistics.median(p['A'][0] for p in full):9.0f} {statistics.median(p['B'][0] for p in full):9.0f} "
          f"{statistics.median(thr):8.4f} [{lo:.4f}, {hi:.4f}] {wins:3d}/{len(full):<2d} "
          f"{statistics.median(p50):8.4f} {statistics.median(p99):8.4f} [{plo:.4f}, {phi:.4f}] {cpu('A'):13.1f} {cpu('B'):7.1f} "
          f"{statistics.median(cpu_ratio):8.4f} [{clo:.4f}, {chi:.4f}]")
    if all(len(p[side]) > 5 for p in full for side in "AB"):
        # Finer CPU per request (ns on CPU from schedstat), split by thread group; the request threads' share
        # is the one the bundle's code runs in, free of JIT and GC noise.
        for index, group in ((5, "Jetty request threads"), (6, "JIT compiler threads"), (7, "GC and VM threads")):
            per_request = lambda side: [p[side][index] / p[side][3] / 1000 for p in full]
            diff = [a - b for a, b in zip(per_request("A"), per_request("B"))]
            dlo, dhi = ci(diff, jvm)
            print(f"  {group:22} CPU us/request: A {statistics.median(per_request('A')):7.2f}  "
                  f"B {statistics.median(per_request('B')):7.2f}  A-B {statistics.median(diff):+6.2f} "
                  f"[{dlo:+.2f}, {dhi:+.2f}]")
    if all(len(p[side]) > 8 for p in full for side in "AB"):
        # A request preempted mid-way waits out another thread's time slice, which is the size of the tail at
        # saturation; CSVs without that column are summarised without it.
        preempted = lambda side: [p[side][8] / p[side][3] for p in full]
        ratio = [a / b for a, b in zip(preempted("A"), preempted("B"))]
        rlo, rhi = ci(ratio, jvm)
        print(f"  {'Jetty request threads':22} preempted per request: A {statistics.median(preempted('A')):.4f}  "
              f"B {statistics.median(preempted('B')):.4f}  A/B {statistics.median(ratio):.4f} [{rlo:.4f}, {rhi:.4f}]")
PY
}

if [[ $MODE == summary ]]; then
  # Recomputes the summaries of a recorded run: OUT=<its results directory> http-overhead.sh summary
  [ -f "$OUT/overhead.csv" ] && cp "$OUT/overhead.csv" "$OUT/runs.csv" && \
    summarise "bundle overhead" "prometheus.enabled=true/prometheus.enabled=false"
  [ -f "$OUT/calibrate.csv" ] && cp "$OUT/calibrate.csv" "$OUT/runs.csv" && \
    summarise "A/A calibration" "prometheus.enabled=true/prometheus.enabled=true (a second JVM)"
  [ -f "$OUT/versus.csv" ] && cp "$OUT/versus.csv" "$OUT/runs.csv" && \
    summarise "bundle versus bundle" "JAR/JAR_B, prometheus.enabled=true in both"
  [ -f "$OUT/requestlog.csv" ] && cp "$OUT/requestlog.csv" "$OUT/runs.csv" && \
    summarise "Dropwizard default request log" "request log on (console, to a file)/request log off"
  exit 0
fi

echo "results in $OUT" >&2
{ echo "# $(date -Is) $(nproc) cores; PAIRS=$PAIRS DURATION=$DURATION wrk -t$THREADS -c$CONNECTIONS" \
    "${PACE_MS:+paced: $PACE_MS ms between a response and the next request on its connection}"; } >"$OUT/meta.txt"

start_on() { start_demo ON "$NOLOG_CONFIG" true "${EXTRA_JVM_OPTIONS[@]}"; }
start_off() { start_demo OFF "$NOLOG_CONFIG" false "${EXTRA_JVM_OPTIONS[@]}"; }
start_on1() { start_demo ON1 "$NOLOG_CONFIG" true "${EXTRA_JVM_OPTIONS[@]}"; }
start_on2() { start_demo ON2 "$NOLOG_CONFIG" true "${EXTRA_JVM_OPTIONS[@]}"; }
start_new() { start_demo NEW "$NOLOG_CONFIG" true "${EXTRA_JVM_OPTIONS[@]}"; }
start_old() { DEMO_JAR=$JAR_B start_demo OLD "$NOLOG_CONFIG" true "${EXTRA_JVM_OPTIONS[@]}"; }

if [[ $MODE == overhead || $MODE == all ]]; then
  : >"$OUT/runs.csv"
  for JVM in $(seq 1 "$JVMS"); do
    in_order start_on start_off
    route_pairs ON OFF
    stop_demos
  done
  cp "$OUT/runs.csv" "$OUT/overhead.csv"
  summarise "bundle overhead" "prometheus.enabled=true/prometheus.enabled=false" | tee "$OUT/overhead.txt"
fi

if [[ $MODE == calibrate ]]; then
  # A/A: two identical demos (bundle on in both). Whatever ratio this shows is the resolution of the method:
  # two JVMs of the same jar differ by their JIT decisions, not only by the machine's noise.
  : >"$OUT/runs.csv"
  for JVM in $(seq 1 "$JVMS"); do
    in_order start_on1 start_on2
    route_pairs ON1 ON2
    stop_demos
  done
  cp "$OUT/runs.csv" "$OUT/calibrate.csv"
  summarise "A/A calibration" "prometheus.enabled=true/prometheus.enabled=true (a second JVM)" | tee "$OUT/calibrate.txt"
fi

if [[ $MODE == versus ]]; then
  [ -f "${JAR_B:-}" ] || { echo "versus mode needs JAR_B, the jar to compare JAR with" >&2; exit 2; }
  : >"$OUT/runs.csv"
  for JVM in $(seq 1 "$JVMS"); do
    in_order start_new start_old
    route_pairs NEW OLD
    stop_demos
  done
  cp "$OUT/runs.csv" "$OUT/versus.csv"
  summarise "bundle versus bundle" "$(basename "$JAR")/$(basename "$JAR_B"), prometheus.enabled=true in both" \
    | tee "$OUT/versus.txt"
fi

if [[ $MODE == requestlog || $MODE == all ]]; then
  : >"$OUT/runs.csv"
  start_demo LOG "$CONFIG" false "${EXTRA_JVM_OPTIONS[@]}"
  start_demo NOLOG "$NOLOG_CONFIG" false "${EXTRA_JVM_OPTIONS[@]}"
  pairs LOG NOLOG "GET /" "/"
  cp "$OUT/runs.csv" "$OUT/requestlog.csv"
  summarise "Dropwizard default request log" "request log on (console, to a file)/request log off" | tee "$OUT/requestlog.txt"
fi
