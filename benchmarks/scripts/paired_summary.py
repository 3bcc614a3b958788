"""Summarises a JSON result of JerseyPairedBenchmark: per measured iteration, the bundle-on application's time over
the bundle-off one's (both serving the same requests, interleaved) and the difference per request; the medians over
all iterations with bootstrap 95 % intervals that resample whole forks.

Usage: java -jar benchmarks/target/benchmarks.jar JerseyPaired -rf json -rff paired.json
       python3 benchmarks/scripts/paired_summary.py paired.json [BASELINE_US]
BASELINE_US: a request's CPU in the running demo (http-overhead.sh's Jetty-thread figure), to print the difference
as a share of it.
"""
import json
import random
import statistics
import sys

from median_ci import median_ci


def main(path, baseline_us=None):
    rng = random.Random(42)
    print(f"{'benchmark':40} {'off ns':>8} {'on ns':>8} {'on/off':>7} {'95% CI':>17} {'on-off ns':>9} {'95% CI':>17}"
          + (f" {'share of ' + str(baseline_us) + ' us':>18}" if baseline_us else ""))
    for result in json.load(open(path)):
        counters = result["secondaryMetrics"]
        ratios, extras, offs, ons, forks = [], [], [], [], []
        for fork, (off, on, pairs) in enumerate(zip(counters["offNanos"]["rawData"],
                                                    counters["dwpromNanos"]["rawData"],
                                                    counters["requestPairs"]["rawData"])):
            for off_ns, on_ns, n in zip(off, on, pairs):
                ratios.append(on_ns / off_ns)
                extras.append((on_ns - off_ns) / n)
                offs.append(off_ns / n)
                ons.append(on_ns / n)
                forks.append(fork)
        lo, hi = median_ci(ratios, forks, rng)
        elo, ehi = median_ci(extras, forks, rng)
        name = result["benchmark"].rsplit(".", 2)[-2] + " " + ",".join(f"{k}={v}" for k, v in result["params"].items())
        extra = statistics.median(extras)
        line = (f"{name:40} {statistics.median(offs):8.0f} {statistics.median(ons):8.0f} {statistics.median(ratios):7.4f} "
                f"[{lo:.4f}, {hi:.4f}] {extra:+9.1f} [{elo:+.1f}, {ehi:+.1f}]")
        if baseline_us:
            line += f" {extra / (baseline_us * 1000) * 100:7.2f} % [{elo / (baseline_us * 10):.2f}, {ehi / (baseline_us * 10):.2f}]"
        print(line + f"   ({len(ratios)} iterations, {len(set(forks))} forks)")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) == 3 else None)
