#!/usr/bin/env bash
# Creates the class-data sharing (AppCDS) archive bin/metrics-lint starts with: one run of metrics-cli.jar linting
# SAMPLE, whose loaded classes (those of check-metrics nearly all among them) the JVM archives at exit, parsed,
# verified and laid out for mapping. Beside it, metrics-lint.jsa.jdk names the JDK build that made it: an archive is
# valid for that build only, so bin/metrics-lint uses it only under the same one.
#   class-data-archive.sh JAVA_HOME JAR SAMPLE   (run by `mvn package`; writes next to JAR)
set -euo pipefail
java_home="$1"; jar="$2"; sample="$3"
dir="$(cd "$(dirname "$jar")" && pwd)"
jar="$dir/$(basename "$jar")"
archive="$dir/metrics-lint.jsa"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
rm -f "$archive" "$archive.jdk"
# The same options as bin/metrics-lint: an archive is only mapped under a compatible GC and heap layout.
"$java_home/bin/java" -XX:+UseSerialGC -Xmx512m -Xss512k -XX:TieredStopAtLevel=1 -XX:-UsePerfData \
  -XX:ArchiveClassesAtExit="$archive" -jar "$jar" lint "$sample" > /dev/null 2> "$log" || true
[[ -f "$archive" ]] || { cat "$log" >&2; echo "class-data archive not created" >&2; exit 1; }
grep '^JAVA_RUNTIME_VERSION=' "$java_home/release" > "$archive.jdk"
echo "class-data archive: $archive ($(du -h "$archive" | cut -f1)) for $(cat "$archive.jdk")"
