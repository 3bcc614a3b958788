package io.dwprom.internal.exposition;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code match} of a {@link MappingRule}: {@code *} matches any run of characters within one dotted segment
 * (possibly empty), {@code **} any run of one or more characters across segments, everything else itself.
 *
 * <p>Matching takes time linear in the name per wildcard, whatever the pattern: a table of which suffixes of the
 * name the rest of the pattern can match is filled from the end, then each wildcard takes the longest run that
 * still lets the rest match (the captures a greedy regular expression would give). A regular expression built
 * from the pattern backtracks instead, exponentially in the number of wildcards on a name that almost matches.
 */
final class WildcardPattern {

    private final List<String> literals = new ArrayList<>(); // literal before wildcard i; the last one after all
    private final List<Boolean> crossesSegments = new ArrayList<>();

    WildcardPattern(String match) {
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < match.length(); i++) {
            if (match.charAt(i) == '*') {
                boolean across = i + 1 < match.length() && match.charAt(i + 1) == '*';
                i += across ? 1 : 0;
                literals.add(literal.toString());
                crossesSegments.add(across);
                literal.setLength(0);
            } else {
                literal.append(match.charAt(i));
            }
        }
        literals.add(literal.toString());
    }

    /** What each wildcard matched, in order, or null when {@code name} does not match. */
    List<String> match(String name) {
        int wildcards = crossesSegments.size();
        int n = name.length();
        // fits[w][p]: the pattern from the literal before wildcard w (from the last literal for w == wildcards) on
        // matches name[p, n)
        boolean[][] fits = new boolean[wildcards + 1][];
        fits[wildcards] = new boolean[n + 1];
        String last = literals.get(wildcards);
        if (n >= last.length() && name.startsWith(last, n - last.length())) {
            fits[wildcards][n - last.length()] = true;
        }
        for (int w = wildcards - 1; w >= 0; w--) {
            boolean[] afterWildcard = wildcardFits(name, fits[w + 1], crossesSegments.get(w));
            fits[w] = literalFits(name, literals.get(w), afterWildcard);
        }
        if (!fits[0][0]) {
            return null;
        }
        List<String> captures = new ArrayList<>(wildcards);
        int p = literals.get(0).length();
        for (int w = 0; w < wildcards; w++) {
            int end = longestRun(name, p, fits[w + 1], crossesSegments.get(w));
            captures.add(name.substring(p, end));
            p = end + literals.get(w + 1).length();
        }
        return captures;
    }

    /** fitsAt[p] for "wildcard, then what {@code rest} says": rest[q] for some run name[p, q) the wildcard takes. */
    private static boolean[] wildcardFits(String name, boolean[] rest, boolean across) {
        int n = name.length();
        boolean[] fits = new boolean[n + 1];
        if (across) {
            boolean restLater = false; // rest[q] for some q > p
            for (int p = n; p >= 0; p--) {
                fits[p] = restLater;
                restLater |= rest[p];
            }
        } else {
            fits[n] = rest[n];
            for (int p = n - 1; p >= 0; p--) {
                fits[p] = rest[p] || name.charAt(p) != '.' && fits[p + 1];
            }
        }
        return fits;
    }

    /** fitsAt[p] for "literal, then what {@code rest} says". */
    private static boolean[] literalFits(String name, String literal, boolean[] rest) {
        int n = name.length();
        boolean[] fits = new boolean[n + 1];
        for (int p = 0; p + literal.length() <= n; p++) {
            fits[p] = rest[p + literal.length()] && name.startsWith(literal, p);
        }
        return fits;
    }

    /** The end of the longest run from {@code start} the wildcard may take so that the rest still matches. */
    private static int longestRun(String name, int start, boolean[] restFits, boolean across) {
        int limit = name.length();
        if (!across) {
            int dot = name.indexOf('.', start);
            limit = dot < 0 ? limit : dot;
        }
        int end = limit;
        while (!restFits[end]) {
            end--; // the table guarantees a run: the loop stops at start (or start + 1 across segments) at the latest
        }
        return end;
    }
}
