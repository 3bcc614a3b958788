package io.dwprom.lint.rules;

import io.dwprom.lint.Family;

/** A family with an OpenMetrics {@code # UNIT} must carry that unit as its name suffix. */
public final class UnitSuffixRule extends FamilyRule {
    public UnitSuffixRule() {
        super("unit-suffix", Severity.ERROR, false);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        String unit = family.unit();
        if (unit == null || unit.isEmpty()) {
            return;
        }
        String name = family.name();
        String base = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
        if (!base.endsWith("_" + unit)) {
            reporter.report(name, "declares # UNIT \"" + unit + "\" but its name does not end in \"_" + unit + "\"");
        }
    }
}
