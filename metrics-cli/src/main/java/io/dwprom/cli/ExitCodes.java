package io.dwprom.cli;

/** Process exit codes of metrics-lint. */
public final class ExitCodes {
    /** No findings at or above the failure threshold. */
    public static final int OK = 0;
    /** Findings at or above {@code --fail-on}, or a diff gate exceeded. */
    public static final int FINDINGS = 1;
    /** Usage error or unreadable/malformed input. */
    public static final int INPUT_ERROR = 2;
    /** promtool compatibility: the input could not be parsed. */
    public static final int PROMTOOL_PARSE_ERROR = 1;
    /** promtool compatibility: lint problems were found. */
    public static final int PROMTOOL_PROBLEMS = 3;

    private ExitCodes() {
    }
}
