#!/usr/bin/env bash
# Wall time of `bin/metrics-lint lint FILE` and `bin/metrics-lint check-metrics < FILE` against
# `promtool check metrics < FILE` on everyday scrapes: the demo-service and node-exporter fixtures and a generated
# scrape of SERIES series (default 10,000). Each of PAIRS rounds (default 15) runs the three commands once per input,
# in an order rotated every round, so a neighbour's build on a shared machine hits all of them alike; then prints the
# median wall time of each and its ratio to promtool's median, and the median of the per-round ratios.
# LINT names another launcher, e.g. an installation made for another JDK (JDK25 below: the home of a JDK 25):
#   PAIRS=15 SERIES=10000 metrics-cli/bench/startup-vs-promtool.sh
#   JAVA_HOME=$JDK25 metrics-cli/install.sh /tmp/metrics-lint-25 &&
#     JAVA_HOME=$JDK25 LINT=/tmp/metrics-lint-25/metrics-lint metrics-cli/bench/startup-vs-promtool.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lint="${LINT:-$here/../bin/metrics-lint}"
fixtures="$here/../src/test/resources/fixtures"
pairs="${PAIRS:-15}"
series="${SERIES:-10000}"
generated="${TMPDIR:-/tmp}/metrics-lint-bench-${series}.prom"

command -v promtool >/dev/null || { echo "needs promtool (apt-get install prometheus)" >&2; exit 2; }
[[ -f "$here/../target/metrics-cli.jar" ]] || { echo "build first: mvn -pl metrics-cli package -DskipTests" >&2; exit 2; }
[[ -f "$generated" ]] || "$here/generate-scrape.sh" "$series" "$generated"

inputs=("$fixtures/demo-service.prom" "$fixtures/node-exporter.prom" "$generated")
tools=(promtool lint check-metrics)

run() { # TOOL FILE
  case "$1" in
    promtool) promtool check metrics < "$2" ;;
    lint) "$lint" lint "$2" ;;
    check-metrics) "$lint" check-metrics < "$2" ;;
  esac >/dev/null 2>&1 || true
}

# Wall seconds of one run, from bash's own clock (no process started around the command).
wall() {
  local start="$EPOCHREALTIME"
  run "$@"
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f\n", b - a }'
}

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
for i in $(seq "$pairs"); do
  for input in "${inputs[@]}"; do
    for k in 0 1 2; do
      tool="${tools[$(( (i + k) % 3 ))]}"
      echo "$i $(basename "$input") $tool $(wall "$tool" "$input")" >> "$results"
    done
  done
done

echo "$(promtool --version 2>&1 | head -1); $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1); $pairs rounds; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-30s %7s %-14s %9s %9s %s\n' INPUT LINES TOOL "MEDIAN_S" "RATIO" "MEDIAN_PAIR_RATIO"
for input in "${inputs[@]}"; do
  name="$(basename "$input")"
  pt="$(awk -v n="$name" '$2 == n && $3 == "promtool" { print $4 }' "$results" | median)"
  for tool in "${tools[@]}"; do
    m="$(awk -v n="$name" -v t="$tool" '$2 == n && $3 == t { print $4 }' "$results" | median)"
    pr="$(awk -v n="$name" -v t="$tool" '$2 == n && $3 == "promtool" { p[$1] = $4 } $2 == n && $3 == t { x[$1] = $4 }
             END { for (i in x) print x[i] / p[i] }' "$results" | median)"
    printf '%-30s %7d %-14s %9.3f %9.2f %.2f\n' "$name" "$(wc -l < "$input")" "$tool" "$m" "$(awk -v a="$m" -v b="$pt" 'BEGIN { print a / b }')" "$pr"
  done
done
