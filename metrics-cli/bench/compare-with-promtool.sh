#!/usr/bin/env bash
# Compares `metrics-lint lint FILE` with `promtool check metrics < FILE` on a generated scrape of
# SERIES series (default 1,000,000, ~140 MB) with bin/metrics-lint: PAIRS alternated runs (default 3), wall time and
# peak RSS from /usr/bin/time -v, then medians and ratios (metrics-lint / promtool).
#   SERIES=1000000 PAIRS=3 metrics-cli/bench/compare-with-promtool.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/../target/metrics-cli.jar"
lint="$here/../bin/metrics-lint"
series="${SERIES:-1000000}"
pairs="${PAIRS:-3}"
file="${BENCH_FILE:-${TMPDIR:-/tmp}/metrics-lint-bench-${series}.prom}"

[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
command -v promtool >/dev/null || { echo "needs promtool (apt-get install prometheus)" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "build first: mvn -pl metrics-cli package" >&2; exit 2; }

[[ -f "$file" ]] || "$here/generate-scrape.sh" "$series" "$file"
echo "input: $file ($(du -h "$file" | cut -f1), $(grep -vc '^#' "$file") series)"

# shellcheck source=measure-lib.sh
source "$here/measure-lib.sh"

pt_wall=(); pt_rss=(); ml_wall=(); ml_rss=()
for i in $(seq "$pairs"); do
  # Alternate which tool runs first (ABBA), so a drift of the machine (or a warm page cache) favours neither.
  if (( i % 2 )); then
    read -r w r < <(measure sh -c "promtool check metrics < '$file'")
    read -r w2 r2 < <(measure "$lint" lint "$file")
  else
    read -r w2 r2 < <(measure "$lint" lint "$file")
    read -r w r < <(measure sh -c "promtool check metrics < '$file'")
  fi
  pt_wall+=("$w"); pt_rss+=("$r")
  ml_wall+=("$w2"); ml_rss+=("$r2")
  printf 'pair %d: promtool %6.2fs %8d KiB | metrics-lint %6.2fs %8d KiB\n' "$i" "$w" "$r" "$w2" "$r2"
done

pw="$(printf '%s\n' "${pt_wall[@]}" | median)"; pr="$(printf '%s\n' "${pt_rss[@]}" | median)"
mw="$(printf '%s\n' "${ml_wall[@]}" | median)"; mr="$(printf '%s\n' "${ml_rss[@]}" | median)"
awk -v pw="$pw" -v pr="$pr" -v mw="$mw" -v mr="$mr" 'BEGIN {
  printf "median wall:     promtool %.2fs, metrics-lint %.2fs, ratio %.2f (target <= 0.33)\n", pw, mw, mw / pw
  printf "median peak RSS: promtool %d KiB, metrics-lint %d KiB, ratio %.2f (target <= 0.33)\n", pr, mr, mr / pr
}'
