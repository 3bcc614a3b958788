package io.dwprom.internal.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Request paths whose requests record nothing. An entry {@code /health} excludes {@code /health} and everything
 * below it ({@code /health/db}), but not {@code /healthy}.
 *
 * <p>A few entries (up to {@value #SCAN_LIMIT}, the usual case) are compared in place one by one, which is the
 * fastest for so few. More are kept in an open-addressing table, and a request path is looked up once per segment
 * boundary ({@code a}, {@code a/b}, {@code a/b/c} for {@code /a/b/c}), hashed as {@link String#hashCode()} while
 * the path is walked: the cost depends on the request path's length, not on the number of entries. Neither way
 * allocates (no substring, no regex).
 */
public final class ExcludedPaths {

    static final int SCAN_LIMIT = 8;

    private final boolean excludesEverything;
    /** The entries when there are at most {@link #SCAN_LIMIT}, else null. */
    private final String[] few;
    /**
     * With more entries: each at the slot its hash leads to (linear probing; null is free). Entries are stored
     * without leading or trailing slash.
     */
    private final String[] table;
    private final int[] hashes;
    private final int mask;

    public ExcludedPaths(List<String> paths) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String path : paths) {
            prefixes.add(normalise(path));
        }
        this.excludesEverything = prefixes.remove("");
        if (prefixes.size() <= SCAN_LIMIT) {
            this.few = prefixes.toArray(String[]::new);
            this.table = null;
            this.hashes = null;
            this.mask = 0;
            return;
        }
        this.few = null;
        int capacity = Integer.highestOneBit(prefixes.size() * 2 - 1) * 2; // at most half full
        this.table = new String[capacity];
        this.hashes = new int[capacity];
        this.mask = capacity - 1;
        for (String prefix : prefixes) {
            int slot = prefix.hashCode() & mask;
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = prefix;
            hashes[slot] = prefix.hashCode();
        }
    }

    /**
     * Whether the part of {@code path} from {@code start} on (with or without its leading slash) is excluded: a
     * request URI past its context path, compared in place.
     */
    public boolean excludes(String path, int start) {
        if (excludesEverything) {
            return true;
        }
        int offset = start < path.length() && path.charAt(start) == '/' ? start + 1 : start;
        return few != null ? scan(path, offset) : lookUpEachSegment(path, offset);
    }

    private boolean scan(String path, int offset) {
        int length = path.length() - offset;
        for (String prefix : few) {
            int prefixLength = prefix.length();
            if (length >= prefixLength && path.regionMatches(offset, prefix, 0, prefixLength)
                    && (length == prefixLength || path.charAt(offset + prefixLength) == '/')) {
                return true;
            }
        }
        return false;
    }

    private boolean lookUpEachSegment(String path, int offset) {
        int hash = 0;
        for (int end = offset; end <= path.length(); end++) {
            boolean boundary = end == path.length() || path.charAt(end) == '/';
            if (boundary && end > offset && contains(path, offset, end - offset, hash)) {
                return true;
            }
            if (end < path.length()) {
                hash = 31 * hash + path.charAt(end);
            }
        }
        return false;
    }

    private boolean contains(String path, int offset, int length, int hash) {
        for (int slot = hash & mask; table[slot] != null; slot = (slot + 1) & mask) {
            String prefix = table[slot];
            if (hashes[slot] == hash && prefix.length() == length && path.regionMatches(offset, prefix, 0, length)) {
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
