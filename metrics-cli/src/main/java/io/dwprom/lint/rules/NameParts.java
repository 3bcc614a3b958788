package io.dwprom.lint.rules;

/** Matching of underscore-separated words inside metric names. */
final class NameParts {
    private NameParts() {
    }

    /**
     * True if {@code name} contains {@code _word_} or ends with {@code _word}: compared in place after each
     * underscore, without building the two patterns (a lint checks every family against dozens of words).
     */
    static boolean containsWord(String name, String word) {
        int n = name.length();
        int w = word.length();
        for (int i = name.indexOf('_'); i >= 0 && i + 1 + w <= n; i = name.indexOf('_', i + 1)) {
            int end = i + 1 + w;
            if ((end == n || name.charAt(end) == '_') && name.regionMatches(i + 1, word, 0, w)) {
                return true;
            }
        }
        return false;
    }
}
