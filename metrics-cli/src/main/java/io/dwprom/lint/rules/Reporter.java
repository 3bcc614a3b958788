package io.dwprom.lint.rules;

/** Where a rule reports its findings; rule id and severity are added by the caller. */
@FunctionalInterface
public interface Reporter {
    void report(String family, String message, long occurrences);

    default void report(String family, String message) {
        report(family, message, 1);
    }
}
