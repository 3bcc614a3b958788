"""Summarises a paired benchmark: the bare side against the instrumented ones, measured in one JVM, microseconds apart.

A directory: the rounds JerseyPairedBenchmark writes (one CSV per fork and route). In each round the bare
application ("off"), the bundle's ("dwprom") and the others (Micrometer's, Dropwizard's @Timed) served the same
request, each timed by the CPU time and allocation of the thread that handled it. Per measured iteration it takes the
median of the per-round extras of each instrumented application over the bare one; then the median over all
iterations, with bootstrap 95 % intervals that resample whole forks, and the bundle's extra CPU as a share of each
other's. With the bundle with native histograms ("native") in the rounds, also its extra over the bundle ("dwprom"),
round by round: what native buckets add to a request.

A JSON file: a result of a benchmark with the counters offNanos, dwpromNanos and requestPairs (ExemplarPairedBenchmark):
per measured iteration the dwprom side's time over the off side's and the difference per request, then the medians
with the same intervals; BASELINE_US prints the difference as a share of that many microseconds.

Usage: java -jar benchmarks/target/benchmarks.jar JerseyPaired -jvmArgsAppend -Dpaired.rounds=rounds
       (-jvmArgsAppend '-Dpaired.rounds=rounds -Dpaired.variants=off,dwprom,native' for native buckets)
       python3 benchmarks/scripts/paired_summary.py rounds
       java -jar benchmarks/target/benchmarks.jar ExemplarPaired -rf json -rff paired.json
       python3 benchmarks/scripts/paired_summary.py paired.json [BASELINE_US]
"""
import csv
import glob
import json
import os
import random
import statistics
import sys

from median_ci import median_ci

NATIVE, BUNDLE = "native", "dwprom"

def ratio_ci(numerators, denominators, clusters, rng, rounds=5000):
    """Bootstrap 95 % interval of median(numerators) / median(denominators), resampling whole clusters."""
    groups = {}
    for n, d, c in zip(numerators, denominators, clusters):
        groups.setdefault(c, []).append((n, d))
    groups = list(groups.values())
    boots = []
    for _ in range(rounds):
        sample = [p for g in rng.choices(groups, k=len(groups)) for p in g]
        boots.append(statistics.median(p[0] for p in sample) / statistics.median(p[1] for p in sample))
    boots.sort()
    return boots[int(0.025 * rounds)], boots[int(0.975 * rounds) - 1]


def variants(path):
    """The applications of a rounds file, the bare one first, from its header (off_ns, off_bytes, dwprom_ns, ...)."""
    with open(path) as f:
        header = next(csv.reader(f))
    return [column[:-3] for column in header if column.endswith("_ns")]


def iterations(files, names):
    """(fork, {variant: (median ns, median bytes) of the bare side, or of the extra over it}) per iteration."""
    for fork, path in enumerate(files):
        by_iteration = {}
        with open(path) as f:
            for row in csv.DictReader(f):
                by_iteration.setdefault(row["iteration"], []).append({k: int(v) for k, v in row.items()})
        for rows in by_iteration.values():
            figures = {"off": (statistics.median(r["off_ns"] for r in rows),
                               statistics.median(r["off_bytes"] for r in rows))}
            for v in names[1:]:
                figures[v] = extras(rows, v, "off")
            if NATIVE in names and BUNDLE in names:
                figures[NATIVE + " over " + BUNDLE] = extras(rows, NATIVE, BUNDLE)
            yield fork, len(rows), figures


def extras(rows, variant, baseline):
    """The median extra CPU and allocation of variant over baseline, round by round."""
    return (statistics.median(r[variant + "_ns"] - r[baseline + "_ns"] for r in rows),
            statistics.median(r[variant + "_bytes"] - r[baseline + "_bytes"] for r in rows))


def summarise_counters(path, baseline_us=None):
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


def summarise_rounds(directory):
    rng = random.Random(42)
    routes = sorted({os.path.basename(p).split("-")[1] for p in glob.glob(os.path.join(directory, "paired-*.csv"))})
    for route in routes:
        files = sorted(glob.glob(os.path.join(directory, f"paired-{route}-*.csv")))
        names = variants(files[0])
        rows = list(iterations(files, names))
        forks = [fork for fork, _, _ in rows]
        print(f"route={route}   ({len(rows)} iterations, {len(set(forks))} forks, "
              f"{sum(n for _, n, _ in rows)} rounds)")
        print(f"  bare application: {statistics.median(f['off'][0] for _, _, f in rows):9.0f} ns CPU, "
              f"{statistics.median(f['off'][1] for _, _, f in rows):8.0f} B per request")
        compared = names[1:] + ([NATIVE + " over " + BUNDLE] if NATIVE in names and BUNDLE in names else [])
        for variant in compared:
            cpu = [f[variant][0] for _, _, f in rows]
            alloc = [f[variant][1] for _, _, f in rows]
            lo, hi = median_ci(cpu, forks, rng)
            alo, ahi = median_ci(alloc, forks, rng)
            print(f"  {variant:18} extra CPU {statistics.median(cpu):+7.0f} ns [{lo:+.0f}, {hi:+.0f}]"
                  f"   extra allocation {statistics.median(alloc):+6.0f} B [{alo:+.0f}, {ahi:+.0f}]")
        dwprom = [f["dwprom"][0] for _, _, f in rows]
        for other in [n for n in names[2:] if n != NATIVE]:
            theirs = [f[other][0] for _, _, f in rows]
            lo, hi = ratio_ci(dwprom, theirs, forks, rng)
            print(f"  dwprom extra CPU / {other} extra CPU: "
                  f"{statistics.median(dwprom) / statistics.median(theirs):.2f} [{lo:.2f}, {hi:.2f}]")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    if os.path.isdir(sys.argv[1]):
        summarise_rounds(sys.argv[1])
    else:
        summarise_counters(sys.argv[1], float(sys.argv[2]) if len(sys.argv) == 3 else None)
