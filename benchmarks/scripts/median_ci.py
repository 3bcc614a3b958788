"""The median of per-pair ratios or differences with a bootstrap 95 % interval, shared by the benchmark scripts.

Pairs measured in the same JVM pair (or fork pair) are not independent: when there are several such clusters,
the bootstrap resamples whole clusters, so the interval includes the differences between JVMs.
"""
import statistics


def median_ci(values, clusters, rng, rounds=5000):
    """(low, high): bootstrap 95 % interval of the median of ``values``; ``clusters`` labels each value's cluster.

    ``rng`` (a ``random.Random``) is passed in so that a script's successive intervals draw from one seeded
    sequence: a summary recomputed from the same results prints the same intervals.
    """
    groups = {}
    for value, cluster in zip(values, clusters):
        groups.setdefault(cluster, []).append(value)
    groups = list(groups.values())

    def resample():
        if len(groups) == 1:
            return rng.choices(values, k=len(values))
        return [v for g in rng.choices(groups, k=len(groups)) for v in g]

    boots = sorted(statistics.median(resample()) for _ in range(rounds))
    return boots[int(0.025 * rounds)], boots[int(0.975 * rounds) - 1]
