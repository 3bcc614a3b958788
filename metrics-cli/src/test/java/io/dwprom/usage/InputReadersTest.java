package io.dwprom.usage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.dwprom.usage.UsageFixtures.kept;
import static io.dwprom.usage.UsageFixtures.resource;
import static io.dwprom.usage.UsageFixtures.used;
import static org.assertj.core.api.Assertions.assertThat;

class InputReadersTest {

    @Test
    void dashboardPanelsNestedPanelsOldRowsAndVariablesAreRead() {
        QuerySet set = new DashboardReader().read(resource("dashboard.json"));
        assertThat(set.queries()).extracting(q -> q.origin().place()).containsExactly(
                "panel \"Requests\" A", "panel \"Requests\" B", "panel \"Latency / p90\" A", "panel \"Queue max\" A",
                "panel \"Old layout / Payments\"", "variable path", "variable queue", "variable cpu");
        assertThat(set.problems()).hasSize(1);
        InputProblem broken = set.problems().get(0);
        assertThat(broken.origin().place()).isEqualTo("panel \"Latency / Broken\" A");
        assertThat(broken.line()).isEqualTo(1);
        assertThat(broken.column()).isEqualTo(26);
        assertThat(broken.toString()).startsWith(resource("dashboard.json") + ": panel \"Latency / Broken\" A (query 1:26): ");
    }

    @Test
    void dashboardUsageFollowsPanelsAndVariables() {
        UsageReport r = UsageAnalyzer.analyze(UsageFixtures.scrape(), new DashboardReader().read(resource("dashboard.json")));
        assertThat(used(r)).containsExactly("http_errors_total", "http_request_duration_seconds", "http_requests_total",
                "node_cpu_seconds_total", "payments_total", "queue_size");
        // label_values(http_requests_total{method="GET"}, path) keeps path and the matcher's method.
        assertThat(kept(r, "http_requests_total")).containsExactly("method", "path");
        assertThat(kept(r, "node_cpu_seconds_total")).containsExactly("cpu");
        assertThat(kept(r, "http_request_duration_seconds")).containsExactly("le");
    }

    @Test
    void grafanaVariablesAreReplacedBeforeParsing() {
        assertThat(GrafanaVariables.substitute("rate(x{a=~\"$a\", b=\"${b:csv}\"}[$__rate_interval])"))
                .isEqualTo("rate(x{a=~\".*\", b=\".*\"}[15s])");
        assertThat(GrafanaVariables.substitute("max_over_time(x[$w:$step]) > $threshold"))
                .isEqualTo("max_over_time(x[5m:1m]) > threshold");
        assertThat(GrafanaVariables.substitute("increase(x[$__range]) / $__range_s + y[[[interval]]]"))
                .isEqualTo("increase(x[1d]) / 86400 + y[5m]");
        assertThat(GrafanaVariables.substitute("sum by ($group) (x{a='$v'}) + `$raw`"))
                .isEqualTo("sum by (group) (x{a='.*'}) + `$raw`");
        assertThat(GrafanaVariables.substitute("price{cur=\"$\"}")).isEqualTo("price{cur=\"$\"}");
    }

    @Test
    void ruleFileRecordsAlertsAndProblemsWithPlaces() {
        QuerySet set = new RuleFileReader().read(resource("rules.yml"));
        assertThat(set.queries()).extracting(q -> q.origin().place() + "=" + q.recordName()).containsExactly(
                "group \"recording\", record payments:rate5m=payments:rate5m",
                "group \"recording\", record cpu:sum=cpu:sum",
                "group \"alerts\", alert PaymentsStopped=null");
        assertThat(set.problems()).extracting(InputProblem::toString).containsExactly(
                resource("rules.yml") + ": group \"alerts\", alert Broken (query 3:1): mismatched input '<EOF>' expecting {')', ','}",
                resource("rules.yml") + ": group \"alerts\", alert NoExpr: a rule needs an \"expr\" and exactly one of \"record\" or \"alert\"");
    }

    @Test
    void aYamlThatIsNotARuleFileAndInvalidJsonAreNamedWithTheirPlace() {
        assertThat(new RuleFileReader().read(resource("not-rules.yml")).problems()).extracting(InputProblem::toString)
                .containsExactly(resource("not-rules.yml") + ": top level: not a Prometheus rule file: no top-level \"groups\" list");
        InputProblem json = new DashboardReader().read(resource("invalid.json")).problems().get(0);
        assertThat(json.origin().place()).isEqualTo("line 1, column 29");
        assertThat(json.message()).startsWith("not valid JSON: Unexpected character (']'");
        assertThat(new DashboardReader().read(resource("rules.yml")).problems().get(0).message())
                .startsWith("not valid JSON");
    }

    @Test
    void invalidYamlIsOneLineNamingLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("rules.yml"), "groups: [\n  - x\n");
        assertThat(new RuleFileReader().read(file).problems()).extracting(InputProblem::toString).containsExactly(
                file + ": line 1, column 10: not valid YAML: while parsing a flow node; expected the node content, but found '-'");
    }

    @Test
    void queryFilesHoldOneQueryPerLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("queries.promql");
        Files.writeString(file, "# dashboards of team A\nsum by (path) (http_requests_total)\n\n  jvm_threads\nrate(x[5m]\n");
        QuerySet set = new QueryFileReader().read(file);
        assertThat(set.queries()).extracting(q -> q.origin().place()).containsExactly("line 2", "line 4");
        assertThat(set.problems()).extracting(InputProblem::toString)
                .containsExactly(file + ": line 5 (query 1:11): mismatched input '<EOF>' expecting {')', ','}");
    }
}
