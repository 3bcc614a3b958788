package io.dwprom.lint.config;

import io.dwprom.lint.rules.Limits;
import io.dwprom.lint.rules.Severity;
import io.dwprom.lint.rules.Suppression;

import java.util.List;
import java.util.Map;

/** Thresholds, severity overrides and suppressions, as read from a YAML config file. */
public record LintConfig(Limits limits, Severity failOn, Map<String, Severity> severities, List<Suppression> suppressions) {
    public static final LintConfig DEFAULT = new LintConfig(Limits.DEFAULT, Severity.ERROR, Map.of(), List.of());
}
