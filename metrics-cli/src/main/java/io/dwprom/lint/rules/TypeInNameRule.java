package io.dwprom.lint.rules;

import io.dwprom.lint.Family;
import io.dwprom.scrape.parse.MetricType;

import java.util.List;
import java.util.Locale;

/**
 * Metric names should not repeat their type ({@code _counter}, {@code _gauge_}, ...). promtool 2.42 looks for every type
 * word in every name; promtool 3.x only for the family's own type, and never in an untyped family.
 */
public final class TypeInNameRule extends FamilyRule {
    private static final List<String> TYPE_WORDS = List.of("counter", "gauge", "summary", "histogram", "gauge_histogram");

    private final PromtoolVersion version;

    public TypeInNameRule(PromtoolVersion version) {
        super("type-in-name", Severity.WARNING, true);
        this.version = version;
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        String name = family.name().toLowerCase(Locale.ROOT);
        if (version == PromtoolVersion.V3) {
            String word = ownTypeWord(family.type());
            if (word != null && NameParts.containsWord(name, word)) {
                reporter.report(family.name(), "metric name should not include type '" + word + "'");
            }
            return;
        }
        for (String word : TYPE_WORDS) {
            if (NameParts.containsWord(name, word)) {
                reporter.report(family.name(), "metric name should not include type '" + word + "'");
            }
        }
    }

    /** client_model's name of the type, lower-cased (OpenMetrics' gaugehistogram is its gauge_histogram), or null. */
    private static String ownTypeWord(MetricType type) {
        switch (type) {
            case COUNTER: return "counter";
            case GAUGE: return "gauge";
            case SUMMARY: return "summary";
            case HISTOGRAM: return "histogram";
            case GAUGE_HISTOGRAM:
            case GAUGEHISTOGRAM: return "gauge_histogram";
            default: return null;
        }
    }
}
