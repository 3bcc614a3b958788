#!/usr/bin/env bash
# Installs metrics-lint into DIR: the launcher, the jar, and a class-data archive made in DIR for the JDK that will
# run it ($JAVA_HOME, or java on the PATH), so the installed copy starts as fast as the built tree. DIR may be made
# read-only afterwards; put it, or a symlink to DIR/metrics-lint, on the PATH. Run it again after switching JDKs.
#   metrics-cli/install.sh DIR        (after: mvn -pl metrics-cli -am package -DskipTests)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -eq 1 ]] || { sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
jar="$here/target/metrics-cli.jar"
[[ -f $jar ]] || { echo "install.sh: $jar not built; run: mvn -pl metrics-cli -am package -DskipTests" >&2; exit 2; }
if [[ -n ${JAVA_HOME:-} ]]; then
  java_home="$JAVA_HOME"
else
  java="$(command -v java)" || { echo "install.sh: no java on the PATH and JAVA_HOME is not set" >&2; exit 2; }
  java_home="$(dirname "$(dirname "$(readlink -f "$java")")")"
fi
mkdir -p "$1"
dir="$(cd "$1" && pwd)"
install -m 755 "$here/bin/metrics-lint" "$dir/metrics-lint"
install -m 644 "$jar" "$dir/metrics-cli.jar"
bash "$here/src/build/class-data-archive.sh" "$java_home" "$dir/metrics-cli.jar"
echo "installed: $dir/metrics-lint"
