"""Summarises a probe-run.sh CSV: per metric, the medians of each side and the median A/B ratio of alternated
pairs with a bootstrap 95 % interval that resamples whole JVM pairs (median_ci.py). Throw-away (session 10).
Usage: python3 probe_summary.py FILE.csv"""
import csv
import os
import random
import statistics
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../scripts"))
from median_ci import median_ci  # noqa: E402

METRICS = ["rps", "wrk_p50", "wrk_p99", "dispatch_mean", "dispatch_p99", "service_mean", "service_p50",
           "service_p99", "service_p999", "server_mean", "server_p50", "server_p99", "server_p999"]

pairs = {}
for row in csv.DictReader(open(sys.argv[1])):
    pairs.setdefault((row["jvm"], row["round"]), {})[row["side"]] = row
pairs = {key: sides for key, sides in pairs.items() if len(sides) == 2}
rng = random.Random(1)
print("%d alternated pairs on %d JVM pairs; A/B ratios, 95 %% CI resampling JVM pairs"
      % (len(pairs), len({jvm for jvm, _ in pairs})))
print("%-14s %10s %10s %8s  %s" % ("metric", "A", "B", "A/B", "95% CI"))
for metric in METRICS:
    keys = [key for key, sides in pairs.items() if float(sides["B"][metric]) > 0]
    ratios = [float(pairs[key]["A"][metric]) / float(pairs[key]["B"][metric]) for key in keys]
    low, high = median_ci(ratios, [jvm for jvm, _ in keys], rng)
    print("%-14s %10.1f %10.1f %8.3f  [%.3f, %.3f]" % (
        metric, statistics.median(float(pairs[k]["A"][metric]) for k in keys),
        statistics.median(float(pairs[k]["B"][metric]) for k in keys), statistics.median(ratios), low, high))
