package io.dwprom.lint;

import io.dwprom.scrape.parse.Dialect;
import io.dwprom.scrape.parse.ParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScrapeAnalyzerTest {

    private static Scrape analyze(String text, Dialect dialect) throws IOException {
        return ScrapeAnalyzer.analyze(new ByteArrayInputStream(text.replace("|", "\n").getBytes(StandardCharsets.UTF_8)), dialect);
    }

    /** "name:type:series" for each family, in name order. */
    private static String families(String text, Dialect dialect) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Family f : analyze(text, dialect).families()) {
            sb.append(sb.length() == 0 ? "" : " ").append(f.name()).append(':').append(f.type().token()).append(':').append(f.seriesCount());
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "histogram suffixes join the family; # TYPE h histogram|h_bucket{le=\"1\"} 1|h_bucket{le=\"+Inf\"} 1|h_sum 1|h_count 1|;"
                    + " h:histogram:4; h:histogram:4",
            "summary does not own _bucket; # TYPE s summary|s{quantile=\"0.5\"} 1|s_count 1|s_bucket 1|;"
                    + " s:summary:2 s_bucket:untyped:1; s:summary:2 s_bucket:untyped:1",
            "OpenMetrics counter samples; # TYPE c counter|c_total 1|c_created 2|;"
                    + " c_created:untyped:1 c_total:untyped:1; c:counter:2",
            "families without samples are dropped; # TYPE unused gauge|# HELP unused x|up 1|; up:untyped:1; up:untyped:1",
            "suffix before TYPE stays separate; g_count 1|# TYPE g histogram|g_bucket{le=\"+Inf\"} 1|;"
                    + " g:histogram:1 g_count:untyped:1; g:histogram:1 g_count:untyped:1"})
    void samplesAreGroupedIntoFamiliesLikePromtoolOrOpenMetrics(String name, String text, String promtool, String openMetrics)
            throws IOException {
        assertThat(families(text, Dialect.PROMTOOL)).isEqualTo(promtool.trim());
        assertThat(families(text, Dialect.OPENMETRICS)).isEqualTo(openMetrics.trim());
    }

    @Test
    void labelValueCardinalityIsCountedWithoutKeepingValues() throws IOException {
        Scrape scrape = analyze("a{x=\"1\",y=\"k\"} 1|a{x=\"2\",y=\"k\"} 1|a{x=\"3\",y=\"k\"} 1|", Dialect.OPENMETRICS);
        assertThat(scrape.families().get(0).labels()).extracting(l -> l.name() + "=" + l.distinctValues())
                .containsExactly("x=3", "y=1");
    }

    @Test
    void secondHelpLineIsAParseErrorOnItsLine() {
        assertThatThrownBy(() -> analyze("# HELP a x|# HELP a y|a 1|", Dialect.OPENMETRICS))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.detail()).isEqualTo("second HELP line for metric name \"a\"");
                });
    }
}
