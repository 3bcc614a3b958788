"""Summarises the rounds JerseyPairedBenchmark writes (one CSV per fork and route): in each round the bare
application, the bundle's and Micrometer's served the same request, microseconds apart, each timed by the CPU time
and allocation of the thread that handled it. Per measured iteration it takes the median of the per-round extras of
each instrumented application over the bare one; then the median over all iterations, with bootstrap 95 % intervals
that resample whole forks, and the bundle's extra CPU as a share of Micrometer's.

Usage: java -jar benchmarks/target/benchmarks.jar JerseyPaired -jvmArgsAppend -Dpaired.rounds=rounds
       python3 benchmarks/scripts/paired_summary.py rounds
"""
import csv
import glob
import os
import random
import statistics
import sys

from median_ci import median_ci

VARIANTS = ("off", "dwprom", "micrometer")


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


def iterations(files):
    """(fork, {variant: (median ns, median bytes) of the bare side, or of the extra over it}) per iteration."""
    for fork, path in enumerate(files):
        by_iteration = {}
        with open(path) as f:
            for row in csv.DictReader(f):
                by_iteration.setdefault(row["iteration"], []).append({k: int(v) for k, v in row.items()})
        for rows in by_iteration.values():
            figures = {"off": (statistics.median(r["off_ns"] for r in rows),
                               statistics.median(r["off_bytes"] for r in rows))}
            for v in VARIANTS[1:]:
                figures[v] = (statistics.median(r[v + "_ns"] - r["off_ns"] for r in rows),
                              statistics.median(r[v + "_bytes"] - r["off_bytes"] for r in rows))
            yield fork, len(rows), figures


def main(directory):
    rng = random.Random(42)
    routes = sorted({os.path.basename(p).split("-")[1] for p in glob.glob(os.path.join(directory, "paired-*.csv"))})
    for route in routes:
        rows = list(iterations(sorted(glob.glob(os.path.join(directory, f"paired-{route}-*.csv")))))
        forks = [fork for fork, _, _ in rows]
        print(f"route={route}   ({len(rows)} iterations, {len(set(forks))} forks, "
              f"{sum(n for _, n, _ in rows)} rounds)")
        print(f"  bare application: {statistics.median(f['off'][0] for _, _, f in rows):9.0f} ns CPU, "
              f"{statistics.median(f['off'][1] for _, _, f in rows):8.0f} B per request")
        for variant in VARIANTS[1:]:
            cpu = [f[variant][0] for _, _, f in rows]
            alloc = [f[variant][1] for _, _, f in rows]
            lo, hi = median_ci(cpu, forks, rng)
            alo, ahi = median_ci(alloc, forks, rng)
            print(f"  {variant:10} extra CPU {statistics.median(cpu):+7.0f} ns [{lo:+.0f}, {hi:+.0f}]"
                  f"   extra allocation {statistics.median(alloc):+6.0f} B [{alo:+.0f}, {ahi:+.0f}]")
        dwprom = [f["dwprom"][0] for _, _, f in rows]
        micrometer = [f["micrometer"][0] for _, _, f in rows]
        lo, hi = ratio_ci(dwprom, micrometer, forks, rng)
        print(f"  dwprom extra CPU / micrometer extra CPU: "
              f"{statistics.median(dwprom) / statistics.median(micrometer):.2f} [{lo:.2f}, {hi:.2f}]")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
