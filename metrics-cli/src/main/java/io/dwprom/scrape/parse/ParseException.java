package io.dwprom.scrape.parse;

/** Malformed exposition input, located by 1-based line and column (column 0 when not applicable). */
public final class ParseException extends RuntimeException {
    private final long line;
    private final int column;
    private final String detail;

    public ParseException(long line, int column, String detail) {
        super(column > 0 ? "line " + line + ", column " + column + ": " + detail : "line " + line + ": " + detail);
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    public long line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the location prefix. */
    public String detail() {
        return detail;
    }
}
