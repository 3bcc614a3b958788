package io.dwprom.testapp;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a registry's whole text exposition with a file under {@code src/test/resources/golden}. The
 * {@code _created} series carry the wall clock and are left out. Run with {@code -Dgolden.update=true} to rewrite
 * the files after a deliberate change, then review the diff. Families are sorted by name.
 */
public final class Golden {

    private static final Pattern CREATED_SERIES = Pattern.compile("^(# (HELP|TYPE) )?[a-zA-Z_:][a-zA-Z0-9_:]*_created[ {]");

    private Golden() {
    }

    public static void assertExpositionMatches(CollectorRegistry registry, String goldenFile) {
        String actual = render(registry);
        Path file = Path.of("src/test/resources/golden", goldenFile);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The registry's whole OpenMetrics exposition, as an OpenMetrics scrape gets it. */
    public static String openMetrics(CollectorRegistry registry) {
        StringWriter text = new StringWriter();
        try {
            TextFormat.writeOpenMetrics100(text, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String render(CollectorRegistry registry) {
        StringWriter text = new StringWriter();
        try {
            List<MetricFamilySamples> families = Collections.list(registry.metricFamilySamples());
            families.sort(Comparator.comparing(family -> family.name)); // registry order follows identity hashes
            TextFormat.write004(text, Collections.enumeration(families));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().lines().filter(line -> !CREATED_SERIES.matcher(line).find())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
