package io.dwprom.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable set of label name/value pairs, kept sorted by name so that the same labels given in another
 * order address the same series.
 */
public final class Labels {

    private static final Labels EMPTY = new Labels(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;

    private Labels(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    public static Labels empty() {
        return EMPTY;
    }

    /**
     * Labels from alternating names and values: {@code Labels.of("status", "success", "type", "batch")}.
     *
     * @throws IllegalArgumentException on an odd count, a null, or a repeated name
     */
    public static Labels of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Labels.of takes name/value pairs, got an odd count: "
                    + Arrays.toString(namesAndValues));
        }
        int count = namesAndValues.length / 2;
        if (count == 0) {
            return EMPTY;
        }
        // Insertion sort into two arrays: label sets are small, and this is on the helpers' recording path.
        String[] names = new String[count];
        String[] values = new String[count];
        for (int pair = 0; pair < count; pair++) {
            String name = Objects.requireNonNull(namesAndValues[2 * pair], "label name");
            String value = Objects.requireNonNull(namesAndValues[2 * pair + 1], () -> "value of label " + name);
            int at = pair;
            while (at > 0 && names[at - 1].compareTo(name) > 0) {
                names[at] = names[at - 1];
                values[at] = values[at - 1];
                at--;
            }
            if (at > 0 && names[at - 1].equals(name)) {
                throw new IllegalArgumentException("Label '" + name + "' given twice");
            }
            names[at] = name;
            values[at] = value;
        }
        return new Labels(names, values);
    }

    /** Label names, sorted. */
    public List<String> names() {
        return List.of(names);
    }

    String[] namesArray() {
        return names;
    }

    String[] valuesArray() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Labels that && Arrays.equals(names, that.names) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            text.append(i == 0 ? "" : ", ").append(names[i]).append("=\"").append(values[i]).append('"');
        }
        return text.append('}').toString();
    }
}
