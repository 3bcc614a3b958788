#!/usr/bin/env bash
# Goal 1, where the in-situ overhead goes: a differential CPU profile of the demo with the bundle (A,
# prometheus.enabled=true) and without it (B), under the same wrk load, with async-profiler (sampling every
# INTERVAL of CPU time, Java and native frames, all threads). Prints, per request, the CPU time of every
# method whose inclusive time differs most between A and B: the frames that explain A's extra cost.
#
# Builds nothing. Build first (from the repository root):
#   mvn -q -B -pl metrics-bundle -am clean install -DskipTests && mvn -q -B -pl demo-service package -DskipTests
# Needs: wrk, curl, python3, java 17 (jcmd), and async-profiler's library: set ASYNC_PROFILER to
# libasyncProfiler.so, or let the script take it from Maven Central (tools.profiler:async-profiler:3.0).
#
# Usage: benchmarks/scripts/profile-diff.sh [path]           (default path: /; e.g. /experiments/1)
# Environment: ROUNDS=3 RECORD=10 WARMUP=45s INTERVAL=100us THREADS=2 CONNECTIONS=16 HEAP=512m TOP=25
#              OUT=<dir> JAR=... CONFIG=...
#              JAR_B: profile B = this jar with the bundle on (one bundle version against another) instead of
#              JAR with the bundle off
set -euo pipefail
ROUTE=${1:-/}
[[ $ROUTE == /* ]] || { echo "usage: $0 [path starting with /]" >&2; exit 2; }
ROUNDS=${ROUNDS:-3}
RECORD=${RECORD:-10}
WARMUP=${WARMUP:-45s}
INTERVAL=${INTERVAL:-100us}
TOP=${TOP:-25}
# shellcheck source=demo-lib.sh
source "$(dirname "$0")/demo-lib.sh"
bench_setup profile-diff

if [ -z "${ASYNC_PROFILER:-}" ]; then
  mvn -q -B dependency:get -Dartifact=tools.profiler:async-profiler:3.0 >&2
  unzip -o -q "$HOME/.m2/repository/tools/profiler/async-profiler/3.0/async-profiler-3.0.jar" \
        'linux-x64/*' -d "$OUT/async-profiler"
  ASYNC_PROFILER=$OUT/async-profiler/linux-x64/libasyncProfiler.so
fi
[ -f "$ASYNC_PROFILER" ] || { echo "missing $ASYNC_PROFILER" >&2; exit 2; }

without_request_log "$CONFIG" "$OUT/config.yml"
PROFILING=(-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints)

start_demo A "$OUT/config.yml" true "${PROFILING[@]}"
if [[ -n ${JAR_B:-} ]]; then
  DEMO_JAR=$JAR_B start_demo B "$OUT/config.yml" true "${PROFILING[@]}"
  B_LABEL="$(basename "$JAR_B"), bundle on"
else
  start_demo B "$OUT/config.yml" false "${PROFILING[@]}"
  B_LABEL="bundle off"
fi
warm_pair "$ROUTE"

# profile NAME ROUND: one recording of RECORD seconds under wrk; writes collapsed stacks and the request count.
profile() {
  local name=$1 round=$2 pid port
  eval "pid=\$PID_$name; port=\$PORT_$name"
  # quoted: jcmd would otherwise split the options at "="
  jcmd "$pid" JVMTI.agent_load "$ASYNC_PROFILER" "\"start,event=cpu,interval=$INTERVAL\"" | grep -q "return code: 0" \
      || { echo "async-profiler failed in demo $name; see $OUT/$name.log" >&2; exit 1; }
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${RECORD}s" "http://127.0.0.1:$port$ROUTE" >"$OUT/wrk-$name-$round.txt"
  jcmd "$pid" JVMTI.agent_load "$ASYNC_PROFILER" "\"stop,collapsed,file=$OUT/$name-$round.collapsed\"" | grep -q "return code: 0" \
      || { echo "async-profiler failed in demo $name; see $OUT/$name.log" >&2; exit 1; }
  grep -o '[0-9]* requests in' "$OUT/wrk-$name-$round.txt" | cut -d' ' -f1 >"$OUT/$name-$round.requests"
}
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then profile A "$round"; profile B "$round"; else profile B "$round"; profile A "$round"; fi
  echo "  round $round/$ROUNDS: A $(cat "$OUT/A-$round.requests") requests, B $(cat "$OUT/B-$round.requests")" >&2
done

python3 - "$OUT" "$ROUNDS" "$INTERVAL" "$TOP" "$ROUTE" "$B_LABEL" <<'PY'
import collections, re, sys
out, rounds, interval, top, route, b_label = (sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]),
                                              sys.argv[5], sys.argv[6])
number, unit = re.fullmatch(r"(\d+)(ns|us|ms)", interval).groups()
ns_per_sample = int(number) * {"ns": 1, "us": 1000, "ms": 1000000}[unit]

# Generated classes are numbered per JVM: name them alike so that A and B frames match.
GENERATED = re.compile(r"\$\$Lambda\$\d+\.0x[0-9a-f]+|GeneratedMethodAccessor\d+")
BUNDLE = re.compile(r"(^|;)io/dwprom/(core|http|db|business|exposition|bundle|system)/")

# What the bundle's wrappers pass calls to: work the wrapped object does with the bundle off as well.
DELEGATES = ("CommittingOutputStream.write", "DefaultStatementBuilder.", "DataSourceProxy.getConnection",
             "InstrumentedSqlLogger.")

def own_bundle_frame(stack):
    """For a sample in the bundle's own code, "deepest bundle frame -> the frame it calls", else None. Not the
    bundle's own: a wrapper passing a call to what it wraps (DELEGATES), an interceptor's proceed() (the whole
    serialisation below it)."""
    frames = stack.split(";")
    last = max((i for i, f in enumerate(frames) if BUNDLE.search(";" + f)), default=-1)
    if last < 0 or any("InterceptorExecutor.proceed" in f for f in frames[last + 1:]):
        return None
    callee = frames[last + 1] if last + 1 < len(frames) else "(self)"
    if any(delegate in callee for delegate in DELEGATES):
        return None
    return frames[last].rsplit("/", 1)[-1] + " -> " + callee.rsplit("/", 1)[-1]

def load(side):
    """Inclusive CPU us per request of every frame (counted once per stack), the total, and the bundle's share."""
    inclusive, total, in_bundle, requests = collections.Counter(), 0, collections.Counter(), 0
    for r in range(1, rounds + 1):
        requests += int(open(f"{out}/{side}-{r}.requests").read())
        for line in open(f"{out}/{side}-{r}.collapsed"):
            stack, count = line.rstrip("\n").rsplit(" ", 1)
            count = int(count)
            total += count
            frame = own_bundle_frame(stack)
            if frame:
                in_bundle[frame] += count
            for frame in set(GENERATED.sub("<generated>", stack).split(";")):
                inclusive[frame] += count
    scale = ns_per_sample / requests / 1000.0  # us per request
    return ({f: c * scale for f, c in inclusive.items()}, total * scale,
            {f: c * scale for f, c in in_bundle.items()}, requests)

a, a_total, a_bundle, a_requests = load("A")
b, b_total, b_bundle, b_requests = load("B")
print(f"{route}: CPU per request (all threads), A (bundle on) {a_total:.2f} us, B ({b_label}) {b_total:.2f} us, "
      f"A-B {a_total - b_total:+.2f} us; {a_requests} and {b_requests} requests profiled")
for side, bundle, side_total in (("A", a_bundle, a_total), ("B", b_bundle, b_total)):
    own = sum(bundle.values())
    if own:
        print(f"samples in the bundle's own code in {side}: {own:.3f} us per request ({100 * own / side_total:.2f} %)")
        for frame, us in sorted(bundle.items(), key=lambda item: -item[1])[:10]:
            print(f"  {us:8.3f}  {frame[:140]}")
print(f"\nframes with the largest inclusive difference (us per request): A, B, A-B")
diffs = sorted(set(a) | set(b), key=lambda f: -abs(a.get(f, 0) - b.get(f, 0)))
for f in diffs[:top]:
    print(f"  {a.get(f, 0):8.3f} {b.get(f, 0):8.3f} {a.get(f, 0) - b.get(f, 0):+8.3f}  {f[:150]}")
PY
