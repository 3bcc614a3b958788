package io.dwprom.internal.core;

import java.util.Arrays;

/** A map key over label values: hashed once, compared by array without iterators. */
final class LabelValues {

    private final String[] values;
    private final int hash;

    LabelValues(String[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelValues that && hash == that.hash && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
