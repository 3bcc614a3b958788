package io.dwprom.promql;

import java.util.List;

/**
 * The vector matching of a binary operator: {@code on (labels)} ({@code on == true}) or
 * {@code ignoring (labels)}, and for many-to-one/one-to-many matching the labels that
 * {@code group_left (include)}/{@code group_right (include)} copy from the "one" side.
 */
public record VectorMatching(Cardinality cardinality, boolean on, List<String> labels, List<String> include) {
    public VectorMatching {
        labels = List.copyOf(labels);
        include = List.copyOf(include);
    }

    /** How series of the two sides pair up. */
    public enum Cardinality {
        ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY
    }
}
