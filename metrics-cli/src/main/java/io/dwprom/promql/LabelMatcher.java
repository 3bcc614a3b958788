package io.dwprom.promql;

import java.util.Objects;
import com.google.re2j.Pattern;


/** One matcher of a selector, e.g. {@code status=~"5.."}; the value is unescaped. */
public final class LabelMatcher {
    /** The label holding the metric name. */
    public static final String METRIC_NAME = "__name__";

    /** The four matcher operators. */
    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String token;

        Op(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        static Op of(String token) {
            for (Op op : values()) {
                if (op.token.equals(token)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("not a matcher operator: " + token);
        }
    }

    private final String name;
    private final Op op;
    private final String value;
    private final Pattern pattern;

    /**
     * A regular expression is RE2's syntax, compiled as Prometheus compiles it: anchored, {@code ^(?:re)$}, with
     * {@code .} matching any character, newlines included; matching takes time linear in the value's length.
     * Throws {@link com.google.re2j.PatternSyntaxException} for what RE2 refuses (a backreference, say).
     */
    public LabelMatcher(String name, Op op, String value) {
        this.name = Objects.requireNonNull(name);
        this.op = Objects.requireNonNull(op);
        this.value = Objects.requireNonNull(value);
        this.pattern = op == Op.REGEX || op == Op.NOT_REGEX ? Pattern.compile("^(?:" + value + ")$", Pattern.DOTALL) : null;
    }

    public String name() {
        return name;
    }

    public Op op() {
        return op;
    }

    public String value() {
        return value;
    }

    /**
     * Whether a label value (the empty string for a missing label) satisfies this matcher; regular
     * expressions must match the whole value, as Prometheus anchors them.
     */
    public boolean matches(String labelValue) {
        return switch (op) {
            case EQUAL -> value.equals(labelValue);
            case NOT_EQUAL -> !value.equals(labelValue);
            case REGEX -> pattern.matches(labelValue);
            case NOT_REGEX -> !pattern.matches(labelValue);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMatcher m && m.name.equals(name) && m.op == op && m.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, op, value);
    }

    @Override
    public String toString() {
        return name + op.token + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
