package io.dwprom.internal.http;

import java.util.List;

/**
 * Request paths whose requests record nothing. An entry {@code /health} excludes {@code /health} and everything
 * below it ({@code /health/db}), but not {@code /healthy}. Matching compares characters in place: no regex, no
 * allocation.
 */
public final class ExcludedPaths {

    private final String[] prefixes;

    public ExcludedPaths(List<String> paths) {
        this.prefixes = paths.stream().map(ExcludedPaths::normalise).distinct().toArray(String[]::new);
    }

    /**
     * Whether the part of {@code path} from {@code start} on (with or without its leading slash) is excluded: a
     * request URI past its context path, compared in place.
     */
    public boolean excludes(String path, int start) {
        int offset = start < path.length() && path.charAt(start) == '/' ? start + 1 : start;
        int length = path.length() - offset;
        for (String prefix : prefixes) {
            int prefixLength = prefix.length();
            if (prefixLength == 0) {
                return true;
            }
            if (length >= prefixLength && path.regionMatches(offset, prefix, 0, prefixLength)
                    && (length == prefixLength || path.charAt(offset + prefixLength) == '/')) {
                return true;
            }
        }
        return false;
    }

    /** Stored without leading or trailing slash; {@code /} (everything) becomes the empty prefix. */
    private static String normalise(String path) {
        String trimmed = path.trim();
        int start = trimmed.startsWith("/") ? 1 : 0;
        int end = trimmed.endsWith("/") && trimmed.length() > start ? trimmed.length() - 1 : trimmed.length();
        return trimmed.substring(start, Math.max(start, end));
    }
}
