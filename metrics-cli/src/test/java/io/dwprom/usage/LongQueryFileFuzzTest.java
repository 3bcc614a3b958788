package io.dwprom.usage;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of long query files, up to and beyond the query file cap.
 * Nothing but queries and located problems comes out: no stack overflow, no exhausted heap, no other exception.
 * Inputs are {@link RepeatedInput}s, so that a few bytes reach sizes and depths beyond the fuzzer's input length.
 * Seeds: {@code LongQueryFileFuzzTestInputs/}.
 */
class LongQueryFileFuzzTest {

    @FuzzTest
    void longQueryFilesGiveQueriesOrProblems(byte[] input) throws Exception {
        RepeatedInput.read(input, RepeatedInput.MAX_QUERIES, ".promql", f -> new QueryFileReader().read(f));
    }
}
