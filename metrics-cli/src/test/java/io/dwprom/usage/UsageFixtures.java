package io.dwprom.usage;

import io.dwprom.promql.PromQl;
import io.dwprom.promql.PromQlSyntaxException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** The usage tests' scrape (src/test/resources/usage/scrape.prom) and helpers to judge queries against it. */
final class UsageFixtures {
    private UsageFixtures() {
    }

    static SeriesInventory scrape() {
        try (InputStream in = UsageFixtures.class.getResourceAsStream("/usage/scrape.prom")) {
            return SeriesInventory.fromScrape(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(UsageFixtures.class.getResource("/usage/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report for queries shown as they are (panels, alerts, query files). */
    static UsageReport shown(String... queries) {
        QuerySet set = new QuerySet();
        int n = 0;
        for (String q : queries) {
            try {
                set.add(Query.shown(new QueryOrigin("test", "query " + ++n), PromQl.parse(q)));
            } catch (PromQlSyntaxException e) {
                throw new IllegalArgumentException(q + ": " + e.getMessage(), e);
            }
        }
        return UsageAnalyzer.analyze(scrape(), set);
    }

    static FamilyUsage family(UsageReport report, String name) {
        return report.families().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no family " + name));
    }

    static Set<String> kept(UsageReport report, String family) {
        Set<String> kept = new TreeSet<>();
        family(report, family).labels().stream().filter(LabelUsage::kept).forEach(l -> kept.add(l.name()));
        return kept;
    }

    static Set<String> used(UsageReport report) {
        Set<String> used = new TreeSet<>();
        report.usedFamilies().forEach(f -> used.add(f.name()));
        return used;
    }
}
