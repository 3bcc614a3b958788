#!/usr/bin/env bash
# Proves the bundle on an application that was not shaped around it (Hibernate, assets, a view, a servlet filter,
# plain JDBC): installs metrics-bundle into the local Maven repository, builds this example against the installed
# artifact (it is not a module of the root pom), starts it on free loopback ports, sends a fixed set of requests,
# scrapes the admin endpoint and checks the HTTP and database families against what the application did, and that
# the scrape is clean for metrics-lint (no suppressions) and promtool (metrics-lint check-metrics where promtool is
# not installed). Needs Java 17, Maven, curl, python3.
#   examples/hibernate-service/check.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

echo "== mvn install metrics-bundle"
mvn -B -q install -DskipTests -pl metrics-bundle -am
[ -f metrics-cli/target/metrics-cli.jar ] || mvn -B -q package -DskipTests -pl metrics-cli -am

echo "== build the example"
cd "$here"
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt

# shellcheck source=../../scripts/loopback.sh
source "$root/scripts/loopback.sh"
app_port=$(free_port)
admin_port=$(free_port)
work=$(mktemp -d)
java -Ddw.server.applicationConnectors[0].port="$app_port" -Ddw.server.adminConnectors[0].port="$admin_port" \
     -cp "target/classes:$(cat target/classpath.txt)" com.example.people.PeopleApplication server config.yml \
     >"$work/start.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
await_http "http://127.0.0.1:$admin_port/ping" $app "$work/start.log"

app_url="http://127.0.0.1:$app_port"
admin_url="http://127.0.0.1:$admin_port"
scrape() { curl -sf "$admin_url/prometheus" >"$1"; }
statistics() { curl -sf -X POST "$admin_url/tasks/hibernate-statistics" >"$1"; }

scrape "$work/before.txt"
statistics "$work/statistics-before.txt"

# request METHOD PATH EXPECTED_STATUS [curl arguments...]: sends one request, prints it with the status it got and
# the one expected, and notes it in requests.tsv (every request gets an answer, so each must be counted once).
: >"$work/requests.tsv"
request() {
  local method=$1 path=$2 expected=$3
  shift 3
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -X "$method" "$@" "$app_url$path")
  printf '  %-7s %-28s -> %s (expected %s)\n' "$method" "$path" "$status" "$expected"
  printf '%s\t%s\t%s\t%s\n' "$method" "$path" "$status" "$expected" >>"$work/requests.tsv"
}
json=(-H 'Content-Type: application/json')

echo "== requests"
request GET    /people               200
request POST   /people               200 "${json[@]}" -d '{"name":"Ada","jobTitle":"engineer"}'
request POST   /people               200 "${json[@]}" -d '{"name":"Grace","jobTitle":"admiral"}'
request POST   /people               409 "${json[@]}" -d '{"name":"Ada","jobTitle":"again"}'   # unique name: refused by the database
request GET    /people/1             200
request PUT    /people/2             200 "${json[@]}" -d '{"name":"Grace H.","jobTitle":"engineer"}'
request GET    /people/99            404
request DELETE /people/2             204
request GET    /directory            200                                                   # the Freemarker view
request GET    /reports/job-titles   200                                                   # plain JDBC
request GET    /assets/hello.txt     200
request GET    /assets/missing.txt   404
request GET    /secret               401                                                   # the servlet filter
request GET    /secret               200 -H 'X-Api-Key: let-me-in'
request TRACE  /people               405
request BREW   /people               405                                                   # a non-standard method
request GET    /no-such-route        404

# Recording follows the response: wait until nothing is in flight, then scrape once more.
for _ in $(seq 1 50); do
  scrape "$work/after.txt"
  grep -qE '^http_requests_in_flight(\{\})? 0\.0$' "$work/after.txt" && break
  sleep 0.2
done
scrape "$work/after.txt"
statistics "$work/statistics-after.txt"

echo "== checks"
failed=0
python3 - "$work" <<'PY' || failed=1
import re, sys, pathlib
work = pathlib.Path(sys.argv[1])

def samples(name):
    text = (work / name).read_text()
    out = []
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        m = re.match(r'([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)', line)
        labels = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(3) or ""))
        out.append((m.group(1), labels, float(m.group(4))))
    return out

before, after = samples("before.txt"), samples("after.txt")

def total(scrape, name, **want):
    return sum(v for n, l, v in scrape if n == name and all(l.get(k) == w for k, w in want.items()))

def delta(name, **want):
    return total(after, name, **want) - total(before, name, **want)

def stats(name):
    return dict(line.split() for line in (work / name).read_text().splitlines() if line.strip())

problems = []
requests = [line.split("\t") for line in (work / "requests.tsv").read_text().splitlines()]
wrong = [r for r in requests if r[2] != r[3]]
for method, path, got, expected in wrong:
    problems.append(f"{method} {path} answered {got}, expected {expected}")

print(f"http_requests_total: {len(requests)} requests answered; counted by the bundle:")
for n, l, v in after:
    if n == "http_requests_total":
        was = total(before, n, **l)
        if v != was:
            print(f"  {l.get('method')} {l.get('path')} {l.get('status')}: +{v - was:.0f}")
# The bundle labels a non-standard method OTHER (HttpLabels).
standard = {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}
label = lambda method: method if method in standard else "OTHER"
answered_by = {}
for method, path, got, expected in requests:
    answered_by[(label(method), got)] = answered_by.get((label(method), got), 0) + 1
missing = []
for (method, status), answered in sorted(answered_by.items()):
    seen = delta("http_requests_total", method=method, status=status)
    if seen != answered:
        paths = ", ".join(r[0] + " " + r[1] for r in requests if label(r[0]) == method and r[2] == status)
        missing.append(f"  {method} {status}: {answered} answered ({paths}), {seen:.0f} counted")
if missing:
    print("answered requests not counted as often, by method and status:")
    print("\n".join(missing))
counted = delta("http_requests_total")
print(f"  sum(http_requests_total) increased by {counted:.0f}, expected {len(requests)} (one per answered request)")
if counted != len(requests):
    problems.append(f"sum(http_requests_total) increased by {counted:.0f}, not by the {len(requests)} answered requests")

# The statements each request makes on table people: Hibernate's (IDENTITY ids: an insert runs at persist), and the
# report's one plain-JDBC select.
expected = {
    "select": 1 + 1 + 1 + 1 + 1 + 1 + 1,  # list, read, update's read, read of 99, delete's read, view, report
    "insert": 3,                          # Ada, Grace, and the refused duplicate
    "update": 1,
    "delete": 1,
}
print("db_query_duration_seconds_count{table=\"people\"}:")
for kind, want in expected.items():
    got = delta("db_query_duration_seconds_count", query_type=kind, table="people")
    print(f"  {kind}: +{got:.0f}, expected {want}")
    if got != want:
        problems.append(f"{kind} statements on people: +{got:.0f}, expected {want}")

violations = delta("db_query_errors_total", query_type="insert", error_type="integrity_constraint_violation")
print(f"db_query_errors_total{{query_type=\"insert\",error_type=\"integrity_constraint_violation\"}}: +{violations:.0f}, expected 1")
if violations != 1:
    problems.append(f"the refused insert: +{violations:.0f} integrity_constraint_violation errors, expected 1")

print("db_query_duration_seconds_count, every series that changed:")
for n, l, v in after:
    if n == "db_query_duration_seconds_count" and v != total(before, n, **l):
        print(f"  {l.get('query_type')} {l.get('table')}: +{v - total(before, n, **l):.0f}")

prepared = int(stats("statistics-after.txt")["prepared_statements"]) - int(stats("statistics-before.txt")["prepared_statements"])
timed = delta("db_query_duration_seconds_count", table="people")
report = 1
print(f"statements timed on people: {timed:.0f}; Hibernate prepared {prepared}, the report ran {report}")
if timed != prepared + report:
    problems.append(f"{timed:.0f} statements timed on people, but Hibernate prepared {prepared} and the report ran {report}")

if problems:
    print("FAILED:\n  " + "\n  ".join(problems))
    sys.exit(1)
print("all checks passed")
PY

echo "== metrics-lint lint (no suppressions)"
"$root/metrics-cli/bin/metrics-lint" lint "$work/after.txt" || failed=1
if command -v promtool >/dev/null; then
  echo "== promtool check metrics"
  promtool check metrics <"$work/after.txt" || failed=1
else
  echo "== promtool not installed: metrics-lint check-metrics instead (apt-get install prometheus)"
  "$root/metrics-cli/bin/metrics-lint" check-metrics <"$work/after.txt" || failed=1
fi

if [ "$failed" = 1 ]; then
  echo "check.sh: hibernate-service failed the checks above; the WARN and ERROR lines of its log (the refused" >&2
  echo "duplicate insert logs two from Hibernate's SqlExceptionHelper):" >&2
  grep -E '^(WARN|ERROR)|\|-(WARN|ERROR)' "$work/start.log" | head -20 >&2 || true
  exit 1
fi
echo "check.sh: hibernate-service builds, starts, and records every request and statement once"
