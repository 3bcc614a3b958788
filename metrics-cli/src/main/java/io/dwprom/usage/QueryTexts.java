package io.dwprom.usage;

import io.dwprom.promql.Expr;
import io.dwprom.promql.PromQl;
import io.dwprom.promql.PromQlSyntaxException;

import java.util.Set;

/** Parses query text found in an input file; a syntax error becomes an {@link InputProblem} and the run goes on. */
final class QueryTexts {
    private QueryTexts() {
    }

    /** The parsed query, or {@code null} after recording the problem in {@code out}. */
    static Expr parse(String text, QueryOrigin origin, QuerySet out, Set<String> extraFunctions) {
        try {
            return PromQl.parse(text, extraFunctions);
        } catch (PromQlSyntaxException e) {
            out.problem(new InputProblem(origin, e.line(), e.column(), e.detail()));
            return null;
        }
    }

    static Expr parse(String text, QueryOrigin origin, QuerySet out) {
        return parse(text, origin, out, Set.of());
    }
}
