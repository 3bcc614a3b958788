package io.dwprom.lint.rules;

import java.util.Locale;

/** How serious a problem is; ordered from least to most severe. */
public enum Severity {
    INFO, WARNING, ERROR;

    /** Parses "info", "warning" or "error" (case-insensitive). */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity \"" + text + "\" (expected info, warning or error)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
