package io.dwprom.scrape;

import io.dwprom.scrape.parse.Dialect;
import io.dwprom.scrape.parse.MetricType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class FamilyGroupingTest {

    /**
     * Lines of an exposition, {@code ;}-separated ({@code TYPE name TYPE} with an enum name, {@code HELP name}, or a
     * sample name), and the family and suffix the last one is grouped under ({@code -} for a metadata line).
     */
    @ParameterizedTest(name = "{0}: {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            OPENMETRICS     | TYPE http HISTOGRAM; http_bucket                 | http         | _bucket
            PROMTOOL        | TYPE http HISTOGRAM; http_bucket; http_count     | http         | _count
            OPENMETRICS     | TYPE rpc SUMMARY; rpc_sum                        | rpc          | _sum
            OPENMETRICS     | x_count                                          | x_count      | ''
            OPENMETRICS     | TYPE x GAUGE; x_count                            | x_count      | ''
            OPENMETRICS     | TYPE req COUNTER; req_total                      | req          | _total
            PROMTOOL_3      | TYPE req COUNTER; req_total                      | req_total    | ''
            OPENMETRICS     | TYPE build INFO; build_info                      | build        | _info
            OPENMETRICS     | TYPE q GAUGEHISTOGRAM; q_gcount                  | q            | _gcount
            PROMTOOL_3      | TYPE g GAUGE_HISTOGRAM; g_bucket                 | g            | _bucket
            PROMTOOL        | TYPE g GAUGE_HISTOGRAM; g_bucket                 | g_bucket     | ''
            OPENMETRICS     | a_sum; TYPE a SUMMARY; a_sum                     | a_sum        | ''
            OPENMETRICS     | HELP a_sum; TYPE a SUMMARY; a_sum                | a_sum        | ''
            PROMTOOL        | TYPE s SUMMARY; s_count                          | s            | _count
            PROMTOOL        | TYPE s SUMMARY; HELP s_count                     | s            | -
            PROMTOOL        | TYPE s SUMMARY; TYPE s_count COUNTER             | s            | -
            OPENMETRICS     | TYPE s SUMMARY; HELP s_count                     | s_count      | -
            """)
    void groupsTheLastLineAsTheDialectsParserDoes(Dialect dialect, String lines, String family, String suffix) {
        FamilyGrouping<String> grouping = new FamilyGrouping<>(dialect, Function.identity());
        String last = null;
        for (String line : lines.split(";")) {
            String[] words = line.trim().split(" ");
            if (words[0].equals("TYPE")) {
                last = grouping.type(words[1], MetricType.valueOf(words[2]));
            } else if (words[0].equals("HELP")) {
                last = grouping.metadata(words[1]);
            } else {
                last = grouping.sample(words[0]);
            }
        }
        assertThat(last).isEqualTo(family);
        if (!suffix.equals("-")) {
            assertThat(grouping.suffix()).isEqualTo(suffix);
        }
    }

    @Test
    void aRepeatedSampleNameKeepsItsFamilyAndSuffix() {
        FamilyGrouping<StringBuilder> grouping = new FamilyGrouping<>(Dialect.OPENMETRICS, StringBuilder::new);
        StringBuilder histogram = grouping.type("latency", MetricType.HISTOGRAM);
        String bucket = "latency_bucket";
        assertThat(grouping.sample(bucket)).isSameAs(histogram);
        assertThat(grouping.sample(bucket)).isSameAs(histogram);
        assertThat(grouping.suffix()).isEqualTo("_bucket");
        assertThat(grouping.sample("other")).isNotSameAs(histogram);
        assertThat(grouping.suffix()).isEmpty();
        assertThat(grouping.families()).hasSize(2);
    }

    @Test
    void familiesIncludeThoseOnlyMetadataNamed() {
        FamilyGrouping<String> grouping = new FamilyGrouping<>(Dialect.OPENMETRICS, Function.identity());
        grouping.metadata("described");
        grouping.sample("sampled");
        assertThat(grouping.families()).containsExactlyInAnyOrder("described", "sampled");
    }
}
