package io.dwprom.usage;

import io.dwprom.promql.PromQl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static io.dwprom.usage.UsageFixtures.family;
import static io.dwprom.usage.UsageFixtures.kept;
import static io.dwprom.usage.UsageFixtures.shown;
import static io.dwprom.usage.UsageFixtures.used;
import static org.assertj.core.api.Assertions.assertThat;

class UsageAnalyzerTest {

    /** Labels of http_requests_total (method, path, status, pod) each aggregation form keeps. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sum by (path) (rate(http_requests_total[5m]))|path",
            "sum(rate(http_requests_total[5m])) by (path, method)|method,path",
            "avg without (pod) (http_requests_total)|method,path,status",
            "max(http_requests_total) without (pod, status)|method,path",
            "count(http_requests_total)|''",
            "group by () (http_requests_total)|''",
            "stddev by (status) (http_requests_total)|status",
            "stdvar(http_requests_total)|''",
            "min by (pod) (http_requests_total)|pod",
            "topk(3, http_requests_total)|method,path,pod,status",
            "count(topk by (path) (1, http_requests_total))|path",
            "bottomk(1, sum by (path, method) (http_requests_total))|method,path",
            "limitk(2, sum by (pod) (http_requests_total))|pod",
            "quantile by (path) (0.9, http_requests_total)|path",
            "count_values by (pod) (\"value\", http_requests_total)|pod",
            "sum by (path) (http_requests_total{status=\"500\"})|path,status",
            "http_requests_total{status=~\"5..\"}|method,path,pod,status",
            "sum by (path) (rate(http_requests_total[5m] offset 1h @ 1609746000))|path",
            "max_over_time(sum by (method) (rate(http_requests_total[1m]))[1h:5m] offset 1d)|method",
            "sum by (host) (label_replace(http_requests_total, \"host\", \"$1\", \"pod\", \"(.*)\"))|pod",
            "count by (x) (label_join(http_requests_total, \"x\", \"-\", \"method\", \"status\"))|method,status",
            "sort_by_label(sum by (path) (http_requests_total), \"path\")|path",
            "absent(http_requests_total{pod=\"p9\"})|pod",
            "scalar(sum(http_requests_total)) * 2|''",
            "sum by (path) (http_requests_total) > 5|path",
            "-sum by (path) (http_requests_total)|path",
            "http_requests_total > bool 5|method,path,pod,status"})
    void aggregationsAndFunctionsKeepTheLabelsTheirResultDependsOn(String query, String labels) {
        UsageReport r = shown(query);
        assertThat(used(r)).containsExactly("http_requests_total");
        assertThat(String.join(",", kept(r, "http_requests_total"))).isEqualTo(labels);
    }

    @Test
    void histogramQuantileKeepsLeAndTheUnusedLabelReportsTheSeriesLeftWithoutIt() {
        UsageReport r = shown("histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))");
        assertThat(kept(r, "http_request_duration_seconds")).containsExactly("le");
        LabelUsage path = family(r, "http_request_duration_seconds").unusedLabels().get(0);
        assertThat(path.name()).isEqualTo("path");
        assertThat(path.seriesIfAggregated()).isEqualTo(5);
        assertThat(path.droppable(10)).isFalse();
    }

    @Test
    void oneToOneMatchingOnKeepsOnlyTheOnLabelsOfBothSides() {
        UsageReport r = shown("node_cpu_seconds_total * on (cpu) jvm_threads");
        assertThat(kept(r, "node_cpu_seconds_total")).containsExactly("cpu");
        assertThat(kept(r, "jvm_threads")).isEmpty();
    }

    @Test
    void ignoringKeepsEveryOtherLabel() {
        UsageReport r = shown("node_cpu_seconds_total / ignoring (mode) sum without (mode) (node_cpu_seconds_total)");
        assertThat(kept(r, "node_cpu_seconds_total")).containsExactly("cpu");
    }

    @Test
    void withoutModifiersBothSidesMatchOnAllLabels() {
        UsageReport r = shown("sum by (queue) (queue_size / queue_size)");
        assertThat(kept(r, "queue_size")).containsExactly("queue");
        UsageReport both = shown("count(payments_total / payments_total)");
        assertThat(kept(both, "payments_total")).containsExactly("method", "region");
    }

    @Test
    void groupLeftKeepsTheManySideAndTheCopiedLabelsOfTheOneSide() {
        UsageReport r = shown("payments_total * on (region) group_left (version) build_info");
        assertThat(kept(r, "payments_total")).containsExactly("method", "region");
        assertThat(kept(r, "build_info")).containsExactly("version");
        UsageReport right = shown("sum by (cpu) (build_info * on () group_right (revision) node_cpu_seconds_total)");
        assertThat(kept(right, "node_cpu_seconds_total")).containsExactly("cpu");
        assertThat(kept(right, "build_info")).containsExactly("revision");
    }

    @Test
    void setOperatorsKeepTheLeftSideAndTheMatchingLabelsOfTheRight() {
        UsageReport and = shown("payments_total and on (region) queue_size");
        assertThat(kept(and, "payments_total")).containsExactly("method", "region");
        assertThat(kept(and, "queue_size")).isEmpty();
        UsageReport unless = shown("sum by (region) (payments_total unless ignoring (method) payments_total)");
        assertThat(kept(unless, "payments_total")).containsExactly("region");
        UsageReport or = shown("sum by (code) (http_errors_total or on (code) jvm_threads)");
        assertThat(kept(or, "http_errors_total")).containsExactly("code");
        assertThat(kept(or, "jvm_threads")).isEmpty();
    }

    @Test
    void regexNameMatcherUsesEveryFamilyItMatches() {
        UsageReport r = shown("count by (__name__) ({__name__=~\"http_.*\"})");
        assertThat(used(r)).containsExactly("http_errors_total", "http_request_duration_seconds", "http_requests_total");
        UsageReport negative = shown("count({__name__=~\"http_.*\", __name__!~\".*_total\"})");
        assertThat(used(negative)).containsExactly("http_request_duration_seconds");
    }

    @Test
    void selectorWithoutNameUsesFamiliesCarryingItsLabels() {
        assertThat(used(shown("count({queue=\"q1\"})"))).containsExactly("queue_size");
    }

    @Test
    void totalsAndRankingOfUnusedFamiliesAndLabels() {
        UsageReport r = shown("sum by (path) (rate(http_requests_total[5m]))", "sum(jvm_threads)");
        assertThat(r.totalSeries()).isEqualTo(31);
        assertThat(r.usedSeries()).isEqualTo(7);
        assertThat(r.unusedSeries()).isEqualTo(24);
        assertThat(r.unusedShare()).isCloseTo(77.42, org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.unusedFamilies()).extracting(FamilyUsage::name).containsExactly("http_request_duration_seconds",
                "node_cpu_seconds_total", "payments_total", "http_errors_total", "queue_size", "build_info",
                "process_open_fds");
        assertThat(r.unusedLabels()).extracting(u -> u.family().name() + "/" + u.label().name() + "=" + u.saved())
                .containsExactly("jvm_threads/state=2", "http_requests_total/method=1", "http_requests_total/status=1",
                        "http_requests_total/pod=0");
        assertThat(family(r, "http_requests_total").users()).containsExactly(new QueryOrigin("test", "query 1"));
    }

    @Test
    void recordingRuleOutputFeedsItsReadersNeedsBackToItsInputs() throws Exception {
        QuerySet set = new QuerySet();
        set.add(Query.recording(new QueryOrigin("rules", "record payments:rate5m"), "payments:rate5m",
                PromQl.parse("rate(payments_total[5m])")));
        set.add(Query.recording(new QueryOrigin("rules", "record region:payments:rate5m"), "region:payments:rate5m",
                PromQl.parse("payments:rate5m")));
        set.add(Query.shown(new QueryOrigin("rules", "alert PaymentsStopped"),
                PromQl.parse("sum by (region) (region:payments:rate5m) == 0")));
        set.add(Query.recording(new QueryOrigin("rules", "record cpu:sum"), "cpu:sum",
                PromQl.parse("sum by (cpu) (node_cpu_seconds_total)")));
        UsageReport r = UsageAnalyzer.analyze(UsageFixtures.scrape(), set);
        assertThat(used(r)).containsExactly("node_cpu_seconds_total", "payments_total");
        assertThat(kept(r, "payments_total")).containsExactly("region");
        assertThat(family(r, "payments_total").unusedLabels()).extracting(LabelUsage::seriesIfAggregated).containsExactly(2);
        assertThat(family(r, "payments_total").users()).extracting(QueryOrigin::place)
                .containsExactly("record payments:rate5m");
        // Nothing reads cpu:sum: it counts as read in full, and is listed.
        assertThat(kept(r, "node_cpu_seconds_total")).containsExactly("cpu");
        assertThat(r.unreadRecordingRules()).extracting(QueryOrigin::place).containsExactly("record cpu:sum");
    }

    @Test
    void recordingRuleReadByRegexNameMatcherIsRead() throws Exception {
        QuerySet set = new QuerySet();
        set.add(Query.recording(new QueryOrigin("rules", "record job:queue:sum"), "job:queue:sum",
                PromQl.parse("sum by (queue) (queue_size)")));
        set.add(Query.shown(new QueryOrigin("q", "line 1"), PromQl.parse("count({__name__=~\"job:.*\"})")));
        UsageReport r = UsageAnalyzer.analyze(UsageFixtures.scrape(), set);
        assertThat(r.unreadRecordingRules()).isEmpty();
        assertThat(used(r)).containsExactly("queue_size");
    }

    @Test
    void labelValuesKeepsItsLabelAndWithoutQueryOnEveryFamilyCarryingIt() throws Exception {
        QuerySet set = new QuerySet();
        set.add(Query.labelValues(new QueryOrigin("d", "variable path"), PromQl.parse("http_requests_total"), "path"));
        set.add(Query.labelValues(new QueryOrigin("d", "variable queue"), null, "queue"));
        UsageReport r = UsageAnalyzer.analyze(UsageFixtures.scrape(), set);
        assertThat(used(r)).containsExactly("http_requests_total");
        assertThat(kept(r, "http_requests_total")).containsExactly("path");
        assertThat(kept(r, "queue_size")).containsExactly("queue");
        assertThat(family(r, "queue_size").used()).isFalse();
    }

    @Test
    void everyFamilyOfTheScrapeIsReported() {
        Set<String> names = new TreeSet<>();
        shown("up").families().forEach(f -> names.add(f.name()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(Arrays.asList("build_info", "http_errors_total",
                "http_request_duration_seconds", "http_requests_total", "jvm_threads", "node_cpu_seconds_total",
                "payments_total", "process_open_fds", "queue_size"));
    }
}
