#!/usr/bin/env bash
# Writes a deterministic scrape of SERIES series (default 1,000,000) to BENCH_FILE: 1000 counter families with
# HELP and TYPE, SERIES/1000 series each, 4 labels per series.
#   SERIES=10000 BENCH_FILE=/tmp/s.prom metrics-cli/bench/generate-scrape.sh
set -euo pipefail
series="${SERIES:-1000000}"
file="${BENCH_FILE:?set BENCH_FILE to the output path}"
awk -v series="$series" 'BEGIN {
  per = int(series / 1000)
  for (f = 0; f < 1000; f++) {
    name = sprintf("app_component_%03d_requests_total", f)
    printf "# HELP %s Total number of requests handled by component %d.\n# TYPE %s counter\n", name, f, name
    for (s = 0; s < per; s++)
      printf "%s{method=\"%s\",handler=\"/api/v1/resource_%03d\",instance=\"host-%04d.example.internal:9100\",code=\"%d\"} %d\n",
        name, (s % 2 ? "GET" : "POST"), s % 50, s, 200 + (s % 5), s * f + 7
  }
}' > "$file"
