package io.dwprom.lint.rules;

/** Matching of underscore-separated words inside metric names. */
final class NameParts {
    private NameParts() {
    }

    /** True if {@code name} contains {@code _word_} or ends with {@code _word}. */
    static boolean containsWord(String name, String word) {
        return name.contains("_" + word + "_") || name.endsWith("_" + word);
    }
}
