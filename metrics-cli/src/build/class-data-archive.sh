#!/usr/bin/env bash
# Creates the class-data archive bin/metrics-lint starts with, next to JAR, from one training run of `lint` and
# `check-metrics` on each SAMPLE (io.dwprom.cli.ClassDataTraining):
#   - under JDK 25 or later, an AOT cache, metrics-lint.aot (JEP 483/514/515: classes loaded ahead of time, with the
#     training run's method profiles);
#   - under an earlier JDK, a static class-data sharing archive, metrics-lint.jsa, of the JDK's and metrics-lint's
#     classes those commands load, parsed, verified and laid out for mapping.
# The JVM uses either only under the JDK build that made it and with the jar at the same path, size and time, and
# otherwise starts without it.
#   class-data-archive.sh JAVA_HOME JAR [SAMPLE...]   (run by `mvn package`, and by install.sh for an installation;
#                                                      the samples default to the demo-service and node-exporter scrapes)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
java_home="$1"; jar="$2"; shift 2
fixtures="$here/../test/resources/fixtures"
[[ $# -gt 0 ]] || set -- "$fixtures/demo-service.prom" "$fixtures/node-exporter.prom"
dir="$(cd "$(dirname "$jar")" && pwd)"
jar="$dir/$(basename "$jar")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -f "$dir/metrics-lint.jsa" "$dir/metrics-lint.aot"
java="$java_home/bin/java"
feature="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_home/release")"
train=(-cp "$jar" io.dwprom.cli.ClassDataTraining "$@")
# bin/metrics-lint's own options for the archive made here, read from it: an archive is only used under the collector
# and heap layout it was made with.
options() {
  read -r -a opts <<< "$(sed -n "s/^$1=\"\(.*\)\"\$/\1/p" "$here/../../bin/metrics-lint")"
  [[ ${#opts[@]} -gt 0 ]] || { echo "class-data-archive.sh: no $1=\"...\" line in bin/metrics-lint" >&2; exit 1; }
}
if [[ "${feature:-0}" -ge 25 ]]; then
  archive="$dir/metrics-lint.aot"
  options aot_options
  # Classes loaded and verified ahead of time but not linked (-AOTClassLinking): on a run as short as metrics-lint's,
  # linked ones start 3-4 ms slower (JDK 25.0.3, BENCHMARKS.md).
  "$java" "${opts[@]}" -XX:-AOTClassLinking -XX:AOTCacheOutput="$archive" "${train[@]}" > "$work/dump.log" 2>&1 || true
else
  archive="$dir/metrics-lint.jsa"
  options cds_options
  "$java" "${opts[@]}" -XX:DumpLoadedClassList="$work/classes" "${train[@]}" > "$work/train.log" 2>&1 || true
  "$java" "${opts[@]}" -Xshare:dump -XX:SharedClassListFile="$work/classes" -XX:SharedArchiveFile="$archive" \
    -cp "$jar" > "$work/dump.log" 2>&1 || true
fi
[[ -f "$archive" ]] || { cat "$work"/*.log >&2; echo "class-data archive not created" >&2; exit 1; }
echo "class-data archive: $archive ($(du -h "$archive" | cut -f1)) for Java $(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$java_home/release")"
