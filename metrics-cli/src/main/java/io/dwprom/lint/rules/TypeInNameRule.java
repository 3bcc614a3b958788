package io.dwprom.lint.rules;

import io.dwprom.lint.Family;

import java.util.List;
import java.util.Locale;

/** Metric names should not repeat their type ({@code _counter}, {@code _gauge_}, ...). */
public final class TypeInNameRule extends FamilyRule {
    private static final List<String> TYPE_WORDS = List.of("counter", "gauge", "summary", "histogram", "gauge_histogram");

    public TypeInNameRule() {
        super("type-in-name", Severity.WARNING, true);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        String name = family.name().toLowerCase(Locale.ROOT);
        for (String word : TYPE_WORDS) {
            if (NameParts.containsWord(name, word)) {
                reporter.report(family.name(), "metric name should not include type '" + word + "'");
            }
        }
    }
}
