package io.dwprom.lint.rules;

import io.dwprom.lint.Family;

/** Families should declare their type with a {@code # TYPE} line. */
public final class TypeMissingRule extends FamilyRule {
    public TypeMissingRule() {
        super("type-missing", Severity.INFO, false);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        if (!family.typeDeclared()) {
            reporter.report(family.name(), "no TYPE line; the family is untyped");
        }
    }
}
