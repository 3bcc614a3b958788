package io.dwprom.usage;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.dwprom.promql.Expr;
import io.dwprom.promql.PromQl;
import io.dwprom.promql.PromQlSyntaxException;

/**
 * Coverage-guided fuzzing of PromQL nested deeper than the parser's depth cap: a query parses, compares equal
 * to a second parse and is analysed, or fails with a located {@link PromQlSyntaxException}.
 * Nothing but queries and located problems comes out: no stack overflow, no exhausted heap, no other exception.
 * Inputs are {@link RepeatedInput}s, so that a few bytes reach sizes and depths beyond the fuzzer's input length.
 * Seeds: {@code DeepQueryFuzzTestInputs/}.
 */
class DeepQueryFuzzTest {

    @FuzzTest
    void deepQueriesParseOrFailWithALocatedError(byte[] input) throws Exception {
        RepeatedInput q = RepeatedInput.of(input, RepeatedInput.MAX_COUNT);
        Expr parsed;
        try {
            parsed = PromQl.parse(q.text());
        } catch (PromQlSyntaxException invalid) {
            RepeatedInput.check(invalid.line() >= 1 && invalid.column() >= 1 && !invalid.detail().isBlank(),
                    "unlocated syntax error " + invalid.getMessage());
            return;
        }
        RepeatedInput.check(parsed.equals(PromQl.parse(q.text())) && !parsed.toString().isEmpty(), "unstable expression");
        QuerySet set = new QuerySet();
        set.add(Query.shown(new QueryOrigin("fuzz", "line 1"), parsed));
        UsageAnalyzer.analyze(UsageFixtures.scrape(), set);
    }
}
