#!/usr/bin/env bash
# Proves the README's quick start as a new user meets it: installs metrics-bundle into the local Maven repository,
# checks that this example's sources and config.yml are the README's quick start word for word, builds the example
# against the installed artifact (it is not a module of the root pom), starts it on free loopback ports, sends a
# request, scrapes the admin endpoint, and gates on the scrape: `metrics-lint lint` without suppressions and
# `promtool check metrics` (metrics-lint check-metrics where promtool is not installed) must both exit 0 with no
# finding. Fails on any WARN or ERROR line in the example's start log. Needs Java 17, Maven, curl, python3.
#   examples/minimal-service/check.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

echo "== mvn install metrics-bundle"
mvn -B -q install -DskipTests -pl metrics-bundle -am
[ -f metrics-cli/target/metrics-cli.jar ] || mvn -B -q package -DskipTests -pl metrics-cli -am

echo "== README quick start against $here"
python3 - README.md "$here" <<'PY'
import pathlib, re, sys
readme, example = pathlib.Path(sys.argv[1]).read_text(), pathlib.Path(sys.argv[2])
section = readme.split("\n## Quick start", 1)[1].split("\n## ", 1)[0]
blocks = re.findall(r"```(java|yaml)\n(.*?)```", section, re.S)
files = {}
for kind, text in blocks:
    if kind == "java":
        name = re.search(r"public class (\w+)", text).group(1)
        files[f"src/main/java/com/example/{name}.java"] = text
    else:
        files["config.yml"] = text
expected = {str(p.relative_to(example)) for p in example.glob("src/main/java/**/*.java")} | {"config.yml"}
if set(files) != expected:
    sys.exit(f"README quick start has {sorted(files)}, the example has {sorted(expected)}")
for name, text in files.items():
    if (example / name).read_text() != text:
        sys.exit(f"README quick start differs from examples/minimal-service/{name}")
print(f"{len(files)} files match")
PY

echo "== build the example"
cd "$here"
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt

# shellcheck source=../../scripts/loopback.sh
source "$root/scripts/loopback.sh"
app_port=$(free_port)
admin_port=$(free_port)
work=$(mktemp -d)
java -Ddw.server.applicationConnectors[0].port="$app_port" -Ddw.server.adminConnectors[0].port="$admin_port" \
     -cp "target/classes:$(cat target/classpath.txt)" com.example.MyApplication server config.yml >"$work/start.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
await_http "http://127.0.0.1:$admin_port/ping" $app "$work/start.log"

echo "== GET /hello/world, then the scrape"
[ "$(curl -sf "http://127.0.0.1:$app_port/hello/world")" = "hello, world" ]
curl -sf "http://127.0.0.1:$admin_port/prometheus" >"$work/scrape.txt"
# The request, the resource's own counter, and its statement (the health check's SELECT 1 has table "unknown").
for series in '^http_requests_total\{method="GET",path="/hello/\{name\}",status="200",\} 1\.0$' \
              '^greetings_total\{kind="hello",\} 1\.0$' \
              '^db_query_duration_seconds_count\{query_type="select",table="dual",\} 1\.0$'; do
  grep -qE "$series" "$work/scrape.txt" || { echo "check.sh: the scrape has no line matching $series" >&2; exit 1; }
done

# A plain application's scrape is clean by default: no suppressions, and promtool's own check exits 0 silent.
echo "== metrics-lint lint (no configuration)"
"$root/metrics-cli/bin/metrics-lint" lint "$work/scrape.txt" \
  || { echo "check.sh: metrics-lint lint found problems in a plain application's scrape" >&2; exit 1; }
if command -v promtool >/dev/null; then
  echo "== promtool check metrics"
  checker=(promtool check metrics)
else
  echo "== promtool not installed (apt-get install prometheus): its drop-in, metrics-lint check-metrics"
  checker=("$root/metrics-cli/bin/metrics-lint" check-metrics)
fi
if ! findings=$("${checker[@]}" <"$work/scrape.txt" 2>&1) || [ -n "$findings" ]; then
  echo "$findings" >&2; echo "check.sh: ${checker[*]} did not pass a plain application's scrape cleanly" >&2; exit 1
fi

if grep -E '^(WARN|ERROR)|\|-(WARN|ERROR)' "$work/start.log"; then
  echo "check.sh: the example's start log has the WARN or ERROR lines above" >&2; exit 1
fi
echo "check.sh: the README's quick start builds, starts, records and lints clean"
