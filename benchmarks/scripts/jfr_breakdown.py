"""Where a benchmark's time goes: the share of JFR execution samples under each method, from a JMH -prof jfr run.

Counts only samples whose stack holds ROOT (a method, Class.method); prints, for each method in PARENTS, the
share of those samples in each method it calls directly, then the methods with the most samples on top of the stack.

Usage: java -jar benchmarks/target/benchmarks.jar ExpositionFormats -p format=protobuf -f 1 -wi 4 -i 10 \
           -prof jfr:dir=jfr
       jfr print --json --stack-depth 200 --events jdk.ExecutionSample jfr/*/profile.jfr > samples.json
       python3 benchmarks/scripts/jfr_breakdown.py samples.json ExpositionFormatsBenchmark.scrape \
           PrometheusServlet.doGet ProtobufFormat.render SnapshotConversion.of NativeCells.read
"""
import collections
import json
import sys


def stacks(path, root):
    """Each sample's frames as Class.method, innermost first, for samples under root."""
    for event in json.load(open(path))["recording"]["events"]:
        trace = event["values"].get("stackTrace")
        if not trace:
            continue
        names = [f["method"]["type"]["name"].split("/")[-1] + "." + f["method"]["name"] for f in trace["frames"]]
        if root in names:
            yield names


def main(path, root, parents):
    samples = list(stacks(path, root))
    calls = collections.Counter()
    tops = collections.Counter()
    for names in samples:
        tops[names[0]] += 1
        for parent in parents:
            if parent in names:
                at = names.index(parent)
                calls[(parent, names[at - 1] if at > 0 else "(self)")] += 1
    print(f"{len(samples)} samples under {root}")
    for parent in parents:
        print(f"{parent}:")
        for (p, callee), count in sorted(calls.items(), key=lambda item: -item[1]):
            if p == parent and count / len(samples) >= 0.005:
                print(f"  {100 * count / len(samples):5.1f} %  {callee}")
    print("on top of the stack:")
    for name, count in tops.most_common(12):
        print(f"  {100 * count / len(samples):5.1f} %  {name}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
