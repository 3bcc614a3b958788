package io.dwprom.usage;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of Grafana dashboards nested deeply, with many panels, or larger than the cap.
 * Nothing but queries and located problems comes out: no stack overflow, no exhausted heap, no other exception.
 * Inputs are {@link RepeatedInput}s, so that a few bytes reach sizes and depths beyond the fuzzer's input length.
 * Seeds: {@code DeepDashboardFuzzTestInputs/}.
 */
class DeepDashboardFuzzTest {

    @FuzzTest
    void deepDashboardsGiveQueriesOrProblems(byte[] input) throws Exception {
        RepeatedInput.read(input, RepeatedInput.MAX_COUNT, ".json", f -> new DashboardReader().read(f));
    }
}
