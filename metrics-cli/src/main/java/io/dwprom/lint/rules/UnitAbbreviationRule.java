package io.dwprom.lint.rules;

import io.dwprom.lint.Family;

import java.util.List;
import java.util.Locale;

/** Units should be spelled out: {@code _seconds}, not {@code _s} or {@code _ms}. */
public final class UnitAbbreviationRule extends FamilyRule {
    private static final List<String> ABBREVIATIONS =
            List.of("s", "ms", "us", "ns", "sec", "b", "kb", "mb", "gb", "tb", "pb", "m", "h", "d");

    public UnitAbbreviationRule() {
        super("unit-abbreviation", Severity.WARNING, true);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        String name = family.name().toLowerCase(Locale.ROOT);
        for (String abbreviation : ABBREVIATIONS) {
            if (NameParts.containsWord(name, abbreviation)) {
                reporter.report(family.name(), "metric names should not contain abbreviated units");
            }
        }
    }
}
