package io.dwprom.usage;

/**
 * An input that could not be used: a file that is not a rule file or dashboard, or a query that does not
 * parse. {@code line}/{@code column} are the position inside the query (1-based), or 0 when not about a query.
 */
public record InputProblem(QueryOrigin origin, int line, int column, String message) {
    @Override
    public String toString() {
        return origin + (line > 0 ? " (query " + line + ":" + column + ")" : "") + ": " + message;
    }
}
