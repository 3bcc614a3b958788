#!/usr/bin/env python3
"""Judges a soak run (soak.sh): flatness of every recorded series after warm-up, and the request count.

Flat: over the measured window (after warm-up), the least-squares line of a series rises by at most FLAT (5 %) of
the series' mean, or its slope is within two standard errors of zero (indistinguishable from noise). A leak only
ever raises a series; a falling one (the scrape's time as the other work on a shared machine ends) is reported as
falling, not failed. The slope is also printed per hour.
Count: Prometheus's count of the requests in the measured window must match what wrk reports. The exact difference
of sum(http_requests_total) between the window's ends may exceed wrk's count by the requests in flight when wrk
stopped (at most one per connection: served, but not counted by wrk) plus wrk's socket errors; the value of
sum(increase(http_requests_total[window])) may differ by what Prometheus extrapolates at the window's edges, at most
the mean request rate times two scrape intervals.

The requests of the refused mix (wrk-measured-rejected-N.txt) are answered by Jetty before the application's servlet
context and so cannot be in the count: the exact difference leaves no room for them.

Usage: analyse.py OUT_DIR [COLUMN...] (OUT_DIR with samples.tsv, counts.txt, wrk-measured*.txt); each COLUMN named
(e.g. scrape_seconds) is judged and printed but does not fail the run. Exit code 0 when the run passed.
"""
import glob
import math
import sys

FLAT = 0.05
COLUMNS = [("heap_bytes", "heap used after GC", "MiB", 2**20), ("rss_bytes", "RSS", "MiB", 2**20),
           ("open_fds", "open file descriptors", "", 1), ("threads", "live threads", "", 1),
           ("series", "series in the scrape", "", 1), ("scrape_seconds", "scrape duration", "ms", 1e-3)]


def key_values(path):
    with open(path) as f:
        return dict(line.strip().split("=", 1) for line in f if "=" in line)


def refused_counts(out):
    """The refused mix's counts over the measured window, added up over its wrk runs (soak.sh restarts one that
    gives up early)."""
    total = {}
    paths = sorted(glob.glob(f"{out}/wrk-measured-rejected-*.txt"))
    for path in paths:
        for key, value in key_values(path).items():
            if key == "requests" or key.startswith("status_"):
                total[key] = total.get(key, 0) + int(value)
    return total, len(paths)


def slope(xs, ys):
    """Least-squares slope and its standard error."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    residual = sum((y - my - b * (x - mx)) ** 2 for x, y in zip(xs, ys))
    se = math.sqrt(residual / (n - 2) / sxx) if n > 2 else float("inf")
    return b, se


def main(out, ungated):
    with open(f"{out}/samples.tsv") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
    measured = [r for r in rows if r["phase"] == "measured"]
    passed = True
    print(f"{len(rows)} samples, {len(measured)} after warm-up, over {rows[-1]['seconds']} s")
    span = float(measured[-1]["seconds"]) - float(measured[0]["seconds"])
    print(f"{'series':24} {'mean':>12} {'slope/hour':>14} {'2 SE/hour':>12} {'change over window':>19}  verdict")
    for column, name, unit, scale in COLUMNS:
        points = [(float(r["seconds"]), float(r[column])) for r in measured if r[column] not in ("", "nan")]
        if len(points) < 3:
            print(f"{name:24} too few samples"); passed = False; continue
        xs, ys = zip(*points)
        b, se = slope(xs, ys)
        mean = sum(ys) / len(ys)
        per_hour, noise = b * 3600, 2 * se * 3600
        change = b * span / mean if mean else 0.0
        flat = change <= FLAT or b <= 2 * se
        passed &= flat or column in ungated
        shape = "NOT FLAT" if not flat else "falling" if change < -FLAT and b < -2 * se else "flat"
        shape += " (not gated)" if column in ungated else ""
        print(f"{name:24} {mean / scale:>10.2f}{unit:>2} {per_hour / scale:>+12.3f}{unit:>2} "
              f"{noise / scale:>10.3f}{unit:>2} {change:>+18.2%}  {shape}")

    counts, wrk = key_values(f"{out}/counts.txt"), key_values(f"{out}/wrk-measured.txt")
    sent = int(wrk["requests"])
    socket_errors = sum(int(wrk[f"errors_{k}"]) for k in ("connect", "read", "write", "timeout"))
    delta = float(counts["counted_end"]) - float(counts["counted_start"])
    increase = float(counts["counted_increase"])
    window = float(counts["window_seconds"])
    in_flight = int(counts["connections"]) + socket_errors
    edge = 2 * float(counts["scrape_interval_seconds"]) * sent / window
    exact_ok = 0 <= delta - sent <= in_flight
    increase_ok = abs(increase - sent) <= edge
    passed &= exact_ok and increase_ok
    statuses = ", ".join(f"{k[7:]} {v}" for k, v in sorted(wrk.items()) if k.startswith("status_"))
    print(f"requests wrk counted in the window: {sent} ({statuses}; socket errors {socket_errors}), "
          f"{sent / window:.0f}/s over {window:.0f} s")
    refused, runs = refused_counts(out)
    refused_statuses = ", ".join(f"{k[7:]} {v}" for k, v in sorted(refused.items()) if k.startswith("status_"))
    print(f"requests refused by the server before the application (not to be counted): {refused.get('requests', 0)} "
          f"({refused_statuses}; {runs} wrk run{'s' if runs != 1 else ''})")
    print(f"sum(http_requests_total) difference: {delta:.0f} (wrk + {delta - sent:.0f}; allowed 0..{in_flight}) "
          f"{'matches' if exact_ok else 'DOES NOT MATCH'}")
    print(f"sum(increase(http_requests_total[{window:.0f}s])): {increase:.0f} ({(increase - sent) / sent:+.4%}; "
          f"allowed ±{edge:.0f}) {'matches' if increase_ok else 'DOES NOT MATCH'}")
    print(f"machine: {counts.get('cpus')} CPUs, load average {counts.get('load_average')} at the end")
    print("PASSED" if passed else "FAILED")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], set(sys.argv[2:])))
