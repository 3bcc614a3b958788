package io.dwprom.usage;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of long Prometheus rule files, up to and beyond the rule file cap.
 * Nothing but queries and located problems comes out: no stack overflow, no exhausted heap, no other exception.
 * Inputs are {@link RepeatedInput}s, so that a few bytes reach sizes and depths beyond the fuzzer's input length.
 * Seeds: {@code LongRuleFileFuzzTestInputs/}.
 */
class LongRuleFileFuzzTest {

    @FuzzTest
    void longRuleFilesGiveQueriesOrProblems(byte[] input) throws Exception {
        RepeatedInput.read(input, RepeatedInput.MAX_QUERIES, ".yml", f -> new RuleFileReader().read(f));
    }
}
