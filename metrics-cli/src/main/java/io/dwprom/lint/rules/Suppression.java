package io.dwprom.lint.rules;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Silences one rule for families matching a glob ({@code *} and {@code ?}); a reason is mandatory.
 */
public record Suppression(String family, String rule, String reason) {

    public Suppression {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(rule, "rule");
        if (family.isBlank() || rule.isBlank()) {
            throw new IllegalArgumentException("a suppression needs a family (name or glob) and a rule id");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("the suppression of rule \"" + rule + "\" for \"" + family + "\" needs a reason");
        }
    }

    public boolean matches(Problem problem) {
        return (rule.equals("*") || rule.equals(problem.rule())) && glob(family).matcher(problem.family()).matches();
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
