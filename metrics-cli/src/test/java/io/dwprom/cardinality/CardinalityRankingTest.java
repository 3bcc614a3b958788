package io.dwprom.cardinality;

import io.dwprom.cardinality.CardinalityRanking.FamilyRow;
import io.dwprom.cardinality.CardinalityRanking.LabelRow;
import io.dwprom.lint.ScrapeAnalyzer;
import io.dwprom.scrape.parse.Dialect;
import io.dwprom.scrape.parse.MetricType;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CardinalityRankingTest {

    @Test
    void familiesRankBySeriesAndLabelsByDistinctValuesTiesByName() throws Exception {
        String scrape = """
                # TYPE latency histogram
                latency_bucket{path="/a",le="1"} 1
                latency_bucket{path="/a",le="+Inf"} 1
                latency_count{path="/a"} 1
                latency_sum{path="/a"} 1
                b_up{pod="x"} 1
                b_up{pod="y"} 1
                b_up{pod="z"} 1
                a_up{pod="x"} 1
                a_up{pod="y"} 1
                a_up{pod="z"} 1
                """;
        CardinalityRanking ranking = CardinalityRanking.of(ScrapeAnalyzer.analyze(
                new ByteArrayInputStream(scrape.getBytes(StandardCharsets.UTF_8)), Dialect.OPENMETRICS));

        assertThat(ranking.totalSeries()).isEqualTo(10);
        assertThat(ranking.families()).containsExactly(new FamilyRow("latency", MetricType.HISTOGRAM, 4),
                new FamilyRow("a_up", MetricType.UNTYPED, 3), new FamilyRow("b_up", MetricType.UNTYPED, 3));
        assertThat(ranking.labels()).containsExactly(new LabelRow("a_up", "pod", 3), new LabelRow("b_up", "pod", 3),
                new LabelRow("latency", "le", 2), new LabelRow("latency", "path", 1));
    }
}
