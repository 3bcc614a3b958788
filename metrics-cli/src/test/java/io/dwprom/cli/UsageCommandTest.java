package io.dwprom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UsageCommandTest {
    @TempDir
    Path dir;

    private static String resource(String name) {
        try {
            return Path.of(UsageCommandTest.class.getResource("/usage/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void textReportShowsTotalsUnusedFamiliesUnusedLabelsAndUnreadRules() {
        CliRun r = CliRun.run("usage", "--rules", resource("rules.yml"), "--dashboard", resource("dashboard.json"),
                resource("scrape.prom"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("31 series in 9 families, judged against 11 queries")
                .contains("in use: 26 series (83.9%) in 6 families")
                .contains("unused: 5 series (16.1%) in 3 families")
                .containsPattern("jvm_threads\\s+3\\s+9\\.7%")
                .containsPattern("build_info\\s+1\\s+3\\.2%")
                .containsPattern("process_open_fds\\s+1\\s+3\\.2%")
                .containsPattern("http_request_duration_seconds\\s+path\\s+2\\s+10\\s+5")
                .containsPattern("payments_total\\s+method\\s+2\\s+4\\s+2")
                .contains("group \"recording\", record cpu:sum")
                .contains("3 input problem(s)");
        assertThat(r.err()).contains(resource("dashboard.json") + ": panel \"Latency / Broken\" A (query 1:26): ")
                .contains(resource("rules.yml") + ": group \"alerts\", alert Broken (query 3:1): ");
    }

    @Test
    void jsonReportCarriesTotalsFamiliesAndProblems() throws Exception {
        CliRun r = CliRun.run("usage", "--format", "json", "--dashboard", resource("dashboard.json"), resource("scrape.prom"));
        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("series").path("total").asInt()).isEqualTo(31);
        assertThat(json.path("series").path("used").asInt()).isEqualTo(26);
        assertThat(json.path("unusedFamilies").get(0).path("family").asText()).isEqualTo("jvm_threads");
        assertThat(json.path("problems").get(0).path("column").asInt()).isEqualTo(26);
        JsonNode requests = json.path("families").get(3);
        assertThat(requests.path("family").asText()).isEqualTo("http_requests_total");
        assertThat(requests.path("usedBy").get(0).asText()).endsWith("dashboard.json: panel \"Requests\" A");
    }

    @Test
    void gateExitsOneOverTheUnusedShare() {
        CliRun over = CliRun.run("usage", "--max-unused-share", "10", "--rules", resource("rules.yml"), resource("scrape.prom"));
        assertThat(over.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(over.err()).contains("over --max-unused-share 10");
        CliRun under = CliRun.run("usage", "--max-unused-share", "90", "--rules", resource("rules.yml"), resource("scrape.prom"));
        assertThat(under.exitCode()).isZero();
    }

    @Test
    void nothingToAnalyseExitsTwoNamingEachFile() throws Exception {
        Path broken = Files.writeString(dir.resolve("q.promql"), "sum(\n");
        CliRun r = CliRun.run("usage", "--queries", broken.toString(), "--rules", resource("not-rules.yml"),
                "--dashboard", resource("invalid.json"), resource("scrape.prom"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).contains(broken + ": line 1 (query 1:5): mismatched input '<EOF>'")
                .contains(resource("not-rules.yml") + ": top level: not a Prometheus rule file")
                .contains(resource("invalid.json") + ": line 1, column 29: not valid JSON")
                .contains("no query could be analysed");
        assertThat(CliRun.run("usage", resource("scrape.prom")).exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        CliRun noScrape = CliRun.run("usage", "--rules", resource("rules.yml"), dir.resolve("missing.prom").toString());
        assertThat(noScrape.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(noScrape.err()).contains("missing.prom");
    }

    @Test
    void badInputFilesAreReportedAndTheRunGoesOn() {
        CliRun r = CliRun.run("usage", "--rules", resource("rules.yml"), "--dashboard", resource("invalid.json"),
                resource("scrape.prom"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains(resource("invalid.json") + ": line 1, column 29: not valid JSON");
        assertThat(r.out()).contains("judged against 3 queries");
    }

    @Test
    void emitRelabelWritesADropRuleForEveryUnusedSeriesName() throws Exception {
        Path out = dir.resolve("relabel.yml");
        CliRun r = CliRun.run("usage", "--emit-relabel", out.toString(), "--rules", resource("rules.yml"),
                resource("scrape.prom"));
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(out)).contains("# metric_relabel_configs. Series kept: 8 of 31.")
                .contains("regex: 'http_request_duration_seconds_bucket|http_request_duration_seconds_sum|"
                        + "http_request_duration_seconds_count|http_requests_total|jvm_threads|http_errors_total|"
                        + "queue_size|build_info|process_open_fds'\n  action: drop\n");
        assertThat(CliRun.run("usage", "--relabel-labels", "--rules", resource("rules.yml"), resource("scrape.prom"))
                .exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
    }

    private Path queries(String text) throws Exception {
        Path q = dir.resolve("queries.promql");
        Files.writeString(q, text);
        return q;
    }

    private Path rules(String text) throws Exception {
        Path r = dir.resolve("rules.yml");
        Files.writeString(r, text);
        return r;
    }

    @Test
    void familiesAndLabelsQueriedButMissingAreNamedWithFileRuleAndPosition() throws Exception {
        Path q = queries("# present: no finding\nsum by (path) (rate(http_requests_total{status=\"500\",job=\"api\"}[5m]))"
                + " or histogram_quantile(0.9, sum by (path) (rate(http_request_duration_seconds[5m])))\n"
                + "rate(http_requests_totl[5m]) / on (path)   rate(http_request_duration_seconds_count{pth=\"/a\"}[5m])\n"
                + "{__name__=~\"nope_.*\"}\n"
                + "http_request_duration_seconds_bucket{le=\"1\"} + jvm_threads{state=\"new\",instance=\"x\"}\n");
        Path rules = rules("groups:\n- name: g\n  rules:\n  - record: job:errors:rate5m\n"
                + "    expr: sum(rate(http_errors_total{codee=\"500\"}[5m]))\n"
                + "  - alert: Errors\n    expr: job:errors:rate5m > 1 and absent(gone_metric)\n"
                + "  - alert: Down\n    expr: up == 0 or scrape_samples_scraped == 0 or ALERTS{alertname=\"Errors\"}\n");
        CliRun r = CliRun.run("usage", "--queries", q.toString(), "--rules", rules.toString(), resource("scrape.prom"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Queried but missing from the series (5):")
                .contains("  " + q + ": line 3 (query 1:6): family http_requests_totl, selected by http_requests_totl")
                .contains("  " + q + ": line 3 (query 1:49): label pth of family http_request_duration_seconds,"
                        + " selected by http_request_duration_seconds_count{pth=\"/a\"}")
                .contains("  " + q + ": line 4 (query 1:1): no family, selected by {__name__=~\"nope_.*\"}")
                .contains("  " + rules + ": group \"g\", record job:errors:rate5m (query 1:10): label codee of family"
                        + " http_errors_total")
                .contains("  " + rules + ": group \"g\", alert Errors (query 1:34): family gone_metric")
                .doesNotContain("job:errors:rate5m, selected").doesNotContain("label job").doesNotContain("label instance")
                .doesNotContain("label le").doesNotContain("Down");
    }

    @Test
    void aDashboardPanelQueryingARenamedFamilyIsMissingWithItsPanelAndPosition() throws Exception {
        Path dashboard = dir.resolve("dashboard.json");
        Files.writeString(dashboard, "{\"panels\": [{\"title\": \"Old latency\", \"targets\": [{\"refId\": \"A\","
                + " \"expr\": \"histogram_quantile(0.9, rate(http_latency_seconds_bucket{job=\\\"$job\\\"}[5m]))\"}]}]}");
        CliRun r = CliRun.run("usage", "--fail-on-missing", "--dashboard", dashboard.toString(), resource("scrape.prom"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("Queried but missing from the series (1):")
                .contains("  " + dashboard + ": panel \"Old latency\" A (query 1:30): family http_latency_seconds_bucket, selected by http_latency_seconds_bucket{job=\".*\"}");
    }

    @Test
    void missingNamesAreInTheJsonAndFailOnMissingExitsOne() throws Exception {
        Path q = queries("rate(http_requests_totl[5m])\njvm_threads{stat=\"new\"}\n");
        CliRun r = CliRun.run("usage", "--format", "json", "--fail-on-missing", "--queries", q.toString(),
                resource("scrape.prom"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("2 queried name(s) missing from the series (--fail-on-missing)");
        JsonNode missing = new ObjectMapper().readTree(r.out()).path("missing");
        assertThat(missing).hasSize(2);
        assertThat(missing.get(0).path("kind").asText()).isEqualTo("family");
        assertThat(missing.get(0).path("family").asText()).isEqualTo("http_requests_totl");
        assertThat(missing.get(0).path("file").asText()).isEqualTo(q.toString());
        assertThat(missing.get(0).path("place").asText()).isEqualTo("line 1");
        assertThat(missing.get(0).path("line").asInt()).isEqualTo(1);
        assertThat(missing.get(0).path("column").asInt()).isEqualTo(6);
        assertThat(missing.get(1).path("kind").asText()).isEqualTo("label");
        assertThat(missing.get(1).path("family").asText()).isEqualTo("jvm_threads");
        assertThat(missing.get(1).path("label").asText()).isEqualTo("stat");
        assertThat(missing.get(1).path("selector").asText()).isEqualTo("jvm_threads{stat=\"new\"}");

        Path present = queries("rate(http_requests_total[5m])\n");
        CliRun clean = CliRun.run("usage", "--fail-on-missing", "--queries", present.toString(), resource("scrape.prom"));
        assertThat(clean.exitCode()).isZero();
        assertThat(clean.out()).doesNotContain("missing from the series");
    }
}
