#!/bin/sh
# Checks everything in deploy/ with promtool; exits non-zero on the first failure.
#   deploy/check.sh            (from anywhere; needs promtool, from Debian's "prometheus" package)
set -eu

cd "$(dirname "$0")"
PROMTOOL="${PROMTOOL:-promtool}"
command -v "$PROMTOOL" >/dev/null 2>&1 || { echo "check.sh: $PROMTOOL not found (apt-get install prometheus)" >&2; exit 2; }

echo "== promtool check config prometheus.yml"
"$PROMTOOL" check config prometheus.yml
echo "== promtool check rules rules.yml"
"$PROMTOOL" check rules rules.yml
echo "== promtool test rules rules_test.yml"
"$PROMTOOL" test rules rules_test.yml

# The dashboard: valid JSON, and every panel query valid PromQL (promtool parses it as a recording rule).
echo "== grafana-dashboard.json"
if command -v python3 >/dev/null 2>&1; then
  queries="$(mktemp)"
  trap 'rm -f "$queries"' EXIT
  python3 - grafana-dashboard.json >"$queries" <<'PY'
import json, sys
dashboard = json.load(open(sys.argv[1]))
exprs = [t["expr"] for p in dashboard["panels"] for t in p.get("targets", [])]
if not exprs:
    sys.exit("grafana-dashboard.json: no queries")
print("groups:\n  - name: dashboard\n    rules:")
for i, expr in enumerate(exprs):
    # Grafana variables become plain label values, so promtool can parse the query.
    expr = expr.replace("$job", "llm-research-api")
    print("      - record: dashboard:query_%d\n        expr: %s" % (i, json.dumps(expr)))
PY
  "$PROMTOOL" check rules "$queries"
else
  echo "python3 not found: dashboard queries not checked" >&2
fi
echo "deploy/: all checks passed"
