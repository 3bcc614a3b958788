package io.dwprom.promql;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the PromQL parser the usage analysis reads rules and dashboards with: any text gives
 * an expression, the same each time, or a {@link PromQlSyntaxException} located by line and column; nothing else
 * escapes (no ANTLR runtime error, no index error in the AST builder). Seeds: {@code PromQlFuzzTestInputs/}.
 */
class PromQlFuzzTest {

    private static final Set<String> GRAFANA_FUNCTIONS = Set.of("label_values");

    @FuzzTest
    void anyTextParsesToOneExpressionOrFailsWithALocatedSyntaxError(byte[] input) {
        String query = new String(input, StandardCharsets.UTF_8);
        Expr parsed;
        try {
            parsed = PromQl.parse(query, GRAFANA_FUNCTIONS);
        } catch (PromQlSyntaxException invalid) {
            check(invalid.line() >= 1 && invalid.column() >= 1 && invalid.detail() != null
                    && !invalid.detail().isBlank(), "unlocated syntax error " + invalid.getMessage() + " for " + query);
            return;
        }
        check(parsed != null, "no expression for " + query);
        try {
            check(parsed.equals(PromQl.parse(query, GRAFANA_FUNCTIONS)), "a second parse differs for " + query);
        } catch (PromQlSyntaxException secondTime) {
            throw new AssertionError("parsed once, refused the second time: " + query, secondTime);
        }
    }

    private static void check(boolean holds, String failure) {
        if (!holds) {
            throw new AssertionError(failure);
        }
    }
}
