#!/usr/bin/env bash
# Fuzzes Jazzer targets (JUnit 5 @FuzzTest classes named *FuzzTest) coverage-guided for a given time each.
#
#   fuzz/run.sh TARGET|all [SECONDS]     e.g. fuzz/run.sh ExpositionParserFuzzTest 600; default 300 s
#   fuzz/run.sh --list                   the targets and their modules
#
# Jazzer fuzzes one @FuzzTest per JVM (it refuses a second in the same run), so each target gets its own Maven
# run, with JAZZER_FUZZ=1. The corpus it grows is kept in <module>/.cifuzz-corpus/ (not committed) and reused by
# the next run; a crashing input is written to the target's seed directory in the test resources
# (<TestClass>Inputs/<method>/), where `mvn verify` replays it from then on. Each run ends with a summary line:
# executions, seconds, coverage (libFuzzer's cov: edges and ft: features) and whether it found something.
# Environment: RUNS (stop after this many executions instead, if sooner), MAX_LEN (largest input in bytes, default
# 4096), TIMEOUT (seconds one input may take before it counts as a hang, default 10), JVM_FLAGS (the fuzzing JVM's,
# default -Xmx1g), INSTRUMENT (classes to instrument, default io.dwprom.**), MVN_FLAGS (default -o: offline once dependencies are downloaded).
set -euo pipefail
cd "$(dirname "$0")/.."

targets() {
  find . -path '*/src/test/java/*' -name '*FuzzTest.java' | sort | while read -r file; do
    module=${file#./}; module=${module%%/src/*}
    echo "$(basename "$file" .java) $module"
  done
}

if [ "${1:-}" = "--list" ]; then targets; exit 0; fi
if [ $# -lt 1 ]; then sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; fi
target=$1
seconds=${2:-300}
log_dir=${FUZZ_LOG_DIR:-target/fuzz}
mkdir -p "$log_dir"

fuzz_one() {
  local name=$1 module=$2 log="$log_dir/$1.log"
  echo "== $name ($module): fuzzing for ${seconds} s, log $log"
  local status=0
  # Jazzer's regular-expression-injection detector is off: the CLI compiles regexes its users write (PromQL's =~
  # and !~ matchers, the configuration's patterns) by design; a regex that is slow to match is a hang, still caught.
  # shellcheck disable=SC2086
  JAZZER_FUZZ=1 mvn -B ${MVN_FLAGS--o} -pl "$module" test -Dtest="$name" -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="${JVM_FLAGS:--Xmx1g}" -Djazzer.max_executions="${RUNS:-0}" \
    -Djazzer.hooks=true -Djazzer.disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexInjection \
    -Djazzer.max_duration="${seconds}s" -Djazzer.instrumentation_includes="${INSTRUMENT:-io.dwprom.**}" \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-max_len=${MAX_LEN:-4096}" \
    -Djazzer.internal.arg.2="-timeout=${TIMEOUT:-10}" -Djazzer.internal.arg.3=-print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  local runs rate cov summary
  runs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -n 1)
  rate=$(grep -a 'stat::average_exec_per_sec' "$log" | awk '{print $2}' | tail -n 1)
  cov=$(grep -aEo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -n 1)
  summary="$name: ${runs:-?} executions (${rate:-?}/s), ${cov:-no coverage line}"
  if [ $status -eq 0 ]; then
    echo "$summary: no finding"
  else
    echo "$summary: FAILED (exit $status)"
    grep -aE 'Test unit written to|FuzzTestFindingException|Caused by|Error:' "$log" | grep -v '^\[INFO\]' | head -n 15 || true
  fi
  return $status
}

failed=0
while read -r name module; do
  if [ "$target" = all ] || [ "$target" = "$name" ]; then
    fuzz_one "$name" "$module" || failed=1
    found=1
  fi
done < <(targets)
if [ -z "${found:-}" ]; then echo "no fuzz target called $target; fuzz/run.sh --list shows them" >&2; exit 2; fi
exit $failed
