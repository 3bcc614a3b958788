package io.dwprom.usage;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesInventoryTest {

    @Test
    void scrapeGroupsHistogramSeriesIntoOneFamilyAndCountsEverySeries() {
        SeriesInventory inv = UsageFixtures.scrape();
        assertThat(inv.totalSeries()).isEqualTo(31);
        assertThat(inv.families()).hasSize(9);
        SeriesFamily h = inv.familyOfSeriesName("http_request_duration_seconds_bucket");
        assertThat(h.name()).isEqualTo("http_request_duration_seconds");
        assertThat(h.seriesCount()).isEqualTo(10);
        assertThat(h.seriesNames()).containsExactly("http_request_duration_seconds_bucket",
                "http_request_duration_seconds_sum", "http_request_duration_seconds_count");
        assertThat(h.labelNames()).containsExactly("path", "le");
        assertThat(inv.familyOfSeriesName("http_request_duration_seconds_sum")).isSameAs(h);
        assertThat(inv.familyOfSeriesName("no_such_metric")).isNull();
    }

    @Test
    void seriesWithoutALabelCountsTheDistinctLabelSetsLeft() {
        SeriesFamily requests = UsageFixtures.scrape().familyOfSeriesName("http_requests_total");
        assertThat(requests.seriesWithout("pod")).isEqualTo(4);
        assertThat(requests.seriesWithout("method")).isEqualTo(3);
        assertThat(requests.seriesWithout("status")).isEqualTo(3);
        assertThat(requests.seriesWithout(Set.of("pod", "path"))).isEqualTo(3);
        assertThat(requests.seriesWithout("not_a_label")).isEqualTo(4);
        SeriesFamily h = UsageFixtures.scrape().familyOfSeriesName("http_request_duration_seconds_bucket");
        assertThat(h.seriesWithout("le")).isEqualTo(6);
        assertThat(h.seriesWithout("path")).isEqualTo(5);
        assertThat(h.distinctValues("le")).isEqualTo(3);
    }

    @Test
    void repeatedSeriesCountOnceAndEmptyValuesAreMissingLabels() throws Exception {
        String text = "a{x=\"1\"} 1\na{x=\"1\"} 2\na{x=\"\"} 3\na 4\na{y=\"2\"} 5\n";
        SeriesInventory inv = SeriesInventory.fromScrape(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        SeriesFamily a = inv.familyOfSeriesName("a");
        assertThat(a.seriesCount()).isEqualTo(3);
        assertThat(a.seriesWithout("y")).isEqualTo(2);
    }

    @Test
    void builderAddsSeriesFromLabelMaps() {
        SeriesInventory inv = SeriesInventory.builder()
                .add("h", "h_bucket", Map.of("le", "1", "path", "/a"))
                .add("h", "h_bucket", Map.of("le", "2", "path", "/a"))
                .add("h", "h_bucket", Map.of("path", "/a", "le", "2"))
                .add("h", "h_count", Map.of("path", "/a"))
                .add("g", "g", Map.of())
                .build();
        assertThat(inv.totalSeries()).isEqualTo(4);
        assertThat(inv.familyOfSeriesName("h_count").seriesWithout("le")).isEqualTo(2);
        assertThat(inv.families()).extracting(SeriesFamily::name).containsExactly("g", "h");
    }

    @Test
    void builderSeriesLackingALabelDoNotInheritThePreviousValue() {
        SeriesInventory inv = SeriesInventory.builder()
                .add("f", "f", Map.of("a", "1", "b", "x"))
                .add("f", "f", Map.of("a", "2"))
                .add("f", "f", Map.of("a", "3"))
                .build();
        SeriesFamily f = inv.familyOfSeriesName("f");
        assertThat(f.distinctValues("b")).isEqualTo(1);
        assertThat(f.seriesWithout("a")).isEqualTo(2);
    }
}
