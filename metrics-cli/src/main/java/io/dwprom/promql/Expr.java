package io.dwprom.promql;

import java.util.List;

/**
 * A parsed PromQL expression. The tree keeps what an analysis of a query needs: selectors with their
 * matchers, aggregations with their dialect, binary operators with their vector matching, function calls,
 * literals, and the range/offset/@ modifiers as written.
 */
public sealed interface Expr {

    /** A number literal; Inf and NaN included. */
    record NumberLiteral(double value) implements Expr {
    }

    /** A string literal, unquoted and unescaped. */
    record StringLiteral(String value) implements Expr {
    }

    /**
     * {@code name{matchers}}: {@code metricName} is the bare name before the braces or {@code null};
     * {@code matchers} are the ones inside the braces. {@code offset} ("-5m", "1h") and {@code at} ("1609746000",
     * "start()") are as written, or {@code null}.
     */
    /** {@code line}/{@code column}: where the selector starts in the query text (1-based). */
    record VectorSelector(String metricName, List<LabelMatcher> matchers, String offset, String at, int line,
                          int column) implements Expr {
        public VectorSelector {
            matchers = List.copyOf(matchers);
        }

        public VectorSelector(String metricName, List<LabelMatcher> matchers, String offset, String at) {
            this(metricName, matchers, offset, at, 0, 0);
        }

        /** The selector as written in PromQL, without modifiers: {@code name{matchers}}. */
        public String text() {
            StringBuilder sb = new StringBuilder(metricName == null ? "" : metricName);
            if (metricName == null || !matchers.isEmpty()) {
                sb.append('{');
                for (int i = 0; i < matchers.size(); i++) {
                    sb.append(i == 0 ? "" : ",").append(matchers.get(i));
                }
                sb.append('}');
            }
            return sb.toString();
        }
    }

    /** {@code selector[range]}; the selector carries any offset/@ written after the range. */
    record MatrixSelector(VectorSelector selector, String range) implements Expr {
    }

    /** {@code expr[range:step]}; {@code step} is {@code null} when omitted. */
    record Subquery(Expr expr, String range, String step, String offset, String at) implements Expr {
    }

    /**
     * An aggregation such as {@code sum by (job) (x)} or {@code topk(5, x)}: {@code parameter} is the first
     * argument of topk/bottomk/limitk/limit_ratio/quantile/count_values, else {@code null}; {@code dialect}
     * is {@code null} without by/without.
     */
    record Aggregation(String operator, Expr parameter, Expr argument, Dialect dialect) implements Expr {
    }

    /** {@code by (labels)} ({@code without == false}) or {@code without (labels)}. */
    record Dialect(boolean without, List<String> labels) {
        public Dialect {
            labels = List.copyOf(labels);
        }
    }

    /**
     * A binary operation; {@code operator} is the lower-case token (+, ==, and, atan2, ...). {@code matching}
     * is {@code null} without on/ignoring.
     */
    record Binary(String operator, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching) implements Expr {
    }

    /** A function call; {@code function} as written, which PromQL treats case-sensitively. */
    record Call(String function, List<Expr> arguments) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code -expr} or {@code +expr}. */
    record Unary(String operator, Expr operand) implements Expr {
    }

    /** {@code (expr)}. */
    record Parens(Expr inner) implements Expr {
    }
}
