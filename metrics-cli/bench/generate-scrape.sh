#!/usr/bin/env bash
# Writes the benchmarks' deterministic scrape to FILE: 1000 counter families x (SERIES/1000) series with 4 labels
# each (method, handler, instance, code).
#   metrics-cli/bench/generate-scrape.sh SERIES FILE
set -euo pipefail
series="$1"
file="$2"
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
