package io.dwprom.promql;

/** A query that is not valid PromQL, with the 1-based line and column where the parser stopped. */
public final class PromQlSyntaxException extends Exception {
    private final int line;
    private final int column;
    private final String detail;

    public PromQlSyntaxException(int line, int column, String detail) {
        super(line + ":" + column + ": " + detail);
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position. */
    public String detail() {
        return detail;
    }
}
