#!/usr/bin/env bash
# Compares `metrics-lint usage --queries QUERIES FILE` with `metrics-lint lint FILE` on the generated scrape of
# SERIES series (default 1,000,000; see generate-scrape.sh) and QUERIES generated queries (default 500: by/without
# aggregations, topk, vector matching with on/group_left, regex __name__ selectors over 700 of the 1000 families).
# PAIRS alternated runs (default 5), wall time and peak RSS from /usr/bin/time -v, medians and the ratio
# usage / lint (target <= 1.5).
#   SERIES=1000000 QUERIES=500 PAIRS=5 metrics-cli/bench/usage-vs-lint.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/../target/metrics-cli.jar"
series="${SERIES:-1000000}"
queries="${QUERIES:-500}"
pairs="${PAIRS:-5}"
file="${BENCH_FILE:-${TMPDIR:-/tmp}/metrics-lint-bench-${series}.prom}"
java_opts="${METRICS_LINT_JAVA_OPTS:--XX:+UseSerialGC -Xmx512m -Xss512k -XX:TieredStopAtLevel=1 -XX:-UsePerfData}"

[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "build first: mvn -pl metrics-cli package" >&2; exit 2; }
[[ -f "$file" ]] || "$here/generate-scrape.sh" "$series" "$file"
query_file="$(mktemp)"
trap 'rm -f "$query_file"' EXIT
awk -v n="$queries" 'BEGIN {
  for (i = 0; i < n; i++) {
    f = sprintf("app_component_%03d_requests_total", (i * 7) % 700)
    g = sprintf("app_component_%03d_requests_total", (i * 7 + 1) % 700)
    k = i % 5
    if (k == 0) printf "sum by (handler, code) (rate(%s[5m]))\n", f
    else if (k == 1) printf "topk(5, sum by (method) (rate(%s[5m] offset 1h)))\n", f
    else if (k == 2) printf "sum without (instance) (rate(%s[5m]))\n", f
    else if (k == 3) printf "sum by (code) (rate(%s[5m]) / on (method, handler, code) group_left sum by (method, handler, code) (rate(%s[5m])))\n", f, g
    else printf "count(max_over_time({__name__=~\"app_component_%02d[0-6]_requests_total\", code=\"500\"}[10m:1m]))\n", (i / 5) % 70
  }
}' > "$query_file"
echo "input: $file ($(du -h "$file" | cut -f1), $(grep -vc '^#' "$file") series), $(wc -l < "$query_file") queries"

# shellcheck source=measure-lib.sh
source "$here/measure-lib.sh"
# One checked run first (a failing run would look fast), which also warms the page cache for both commands.
# shellcheck disable=SC2086
java $java_opts -jar "$jar" usage --top 3 --queries "$query_file" "$file" | head -n 3

lint_wall=(); lint_rss=(); usage_wall=(); usage_rss=()
for i in $(seq "$pairs"); do
  # Alternate which command runs first (ABBA), so a drift of the machine (or a warm page cache) favours neither.
  # shellcheck disable=SC2086
  if (( i % 2 )); then
    read -r lw lr < <(measure java $java_opts -jar "$jar" lint "$file")
    read -r uw ur < <(measure java $java_opts -jar "$jar" usage --queries "$query_file" "$file")
  else
    read -r uw ur < <(measure java $java_opts -jar "$jar" usage --queries "$query_file" "$file")
    read -r lw lr < <(measure java $java_opts -jar "$jar" lint "$file")
  fi
  lint_wall+=("$lw"); lint_rss+=("$lr"); usage_wall+=("$uw"); usage_rss+=("$ur")
  printf 'pair %d: lint %6.2fs %8d KiB | usage %6.2fs %8d KiB\n' "$i" "$lw" "$lr" "$uw" "$ur"
done

ratios=()
for i in "${!lint_wall[@]}"; do ratios+=("$(awk -v u="${usage_wall[$i]}" -v l="${lint_wall[$i]}" 'BEGIN { printf "%.3f", u / l }')"); done
pr="$(printf '%s\n' "${ratios[@]}" | median)"
lw="$(printf '%s\n' "${lint_wall[@]}" | median)"; lr="$(printf '%s\n' "${lint_rss[@]}" | median)"
uw="$(printf '%s\n' "${usage_wall[@]}" | median)"; ur="$(printf '%s\n' "${usage_rss[@]}" | median)"
awk -v lw="$lw" -v lr="$lr" -v uw="$uw" -v ur="$ur" -v pr="$pr" 'BEGIN {
  printf "median wall:     lint %.2fs, usage %.2fs, ratio %.2f (target <= 1.5); median pair ratio %.2f\n", lw, uw, uw / lw, pr
  printf "median peak RSS: lint %d KiB, usage %d KiB, ratio %.2f\n", lr, ur, ur / lr
}'
