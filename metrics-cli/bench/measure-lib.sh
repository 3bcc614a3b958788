# Shell functions shared by the benchmark scripts (sourced, not run).

# Runs a command under /usr/bin/time -v; prints "<wall seconds> <peak RSS KiB>".
measure() {
  local log; log="$(mktemp)"
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
              /Maximum resident set size/ { rss = $2 }
              END { printf "%.2f %d\n", wall, rss }' "$log"
  rm -f "$log"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
