#!/usr/bin/env bash
# Starts the packaged demo on free loopback ports, drives a little traffic, and gates on its scrape:
# metrics-lint with deploy/metrics-lint.yaml must exit 0 (it asks for OpenMetrics, exemplars included: one
# request carries a traceparent), `metrics-lint usage` must read every query of deploy/rules.yml and
# deploy/grafana-dashboard.json, and promtool must report nothing but the demo's db_connections_total (its dashboards' name).
# Needs: mvn package done, promtool (Debian's "prometheus").
#   deploy/lint-demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."

jar=demo-service/target/demo-service.jar
[ -f "$jar" ] || { echo "lint-demo.sh: $jar not built (mvn -q -B package -DskipTests)" >&2; exit 2; }
# shellcheck source=../scripts/loopback.sh
source scripts/loopback.sh
app_port=$(free_port)
admin_port=$(free_port)
log=$(mktemp)
DEMO_PORT=$app_port DEMO_ADMIN_PORT=$admin_port java -jar "$jar" server config.yml >"$log" 2>&1 &
demo=$!
trap 'kill $demo 2>/dev/null || true; wait $demo 2>/dev/null || true; rm -f "$log"' EXIT

await_http "http://127.0.0.1:$app_port/" $demo "$log"
base="http://127.0.0.1:$app_port"
trace=4bf92f3577b34da6a3ce929d0e0e4736
curl -sf -XPOST -H 'Content-Type: application/json' -d '{"name":"lint","description":"gate"}' "$base/experiments" >/dev/null
curl -sf -H "traceparent: 00-$trace-00f067aa0ba902b7-01" "$base/experiments/1" >/dev/null
curl -s "$base/experiments/999" >/dev/null
curl -s "$base/no/such/route" >/dev/null
curl -sf -XPOST -H 'Content-Type: application/octet-stream' --data-binary @README.md "$base/datasets?name=readme" >/dev/null

scrape="http://127.0.0.1:$admin_port/prometheus"
openmetrics=$(curl -sf -H 'Accept: application/openmetrics-text; version=1.0.0' "$scrape")
grep -q " # {.*trace_id=\"$trace\"" <<<"$openmetrics" \
  || { echo "lint-demo.sh: the OpenMetrics scrape has no exemplar of trace $trace" >&2; exit 1; }
echo "== metrics-lint lint --config deploy/metrics-lint.yaml $scrape"
metrics-cli/bin/metrics-lint lint --config deploy/metrics-lint.yaml "$scrape"
echo "== metrics-lint usage (deploy/rules.yml, deploy/grafana-dashboard.json): every shipped query must parse"
metrics-cli/bin/metrics-lint usage --top 0 --rules deploy/rules.yml --dashboard deploy/grafana-dashboard.json "$scrape" 2>"$log.usage"
[ ! -s "$log.usage" ] || { cat "$log.usage" >&2; echo "lint-demo.sh: usage could not read every query of deploy/" >&2; exit 1; }
rm -f "$log.usage"
echo "== promtool check metrics"
findings=$(curl -sf "$scrape" | promtool check metrics 2>&1 || true)
echo "$findings"
if [ "$findings" != 'db_connections_total non-counter metrics should not have "_total" suffix' ]; then
  echo "lint-demo.sh: promtool found more than the demo's db_connections_total" >&2
  exit 1
fi
echo "lint-demo.sh: the demo's scrape is clean"
