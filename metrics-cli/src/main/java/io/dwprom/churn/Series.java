package io.dwprom.churn;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One series: its sample (metric) name and its labels without {@code __name__}, held as one array of strings (the
 * name, then label names and values sorted by name) that a snapshot shares between series: a series costs an array
 * of references, not a map.
 */
public final class Series {
    private final String[] parts;
    private final int hash;

    /** {@code labels} are copied; names and values are used as given (a snapshot passes shared strings). */
    public Series(String name, Map<String, String> labels) {
        String[] p = new String[1 + 2 * labels.size()];
        p[0] = Objects.requireNonNull(name);
        String[] names = labels.keySet().toArray(new String[0]);
        Arrays.sort(names);
        for (int i = 0; i < names.length; i++) {
            p[1 + 2 * i] = names[i];
            p[2 + 2 * i] = labels.get(names[i]);
        }
        this.parts = p;
        this.hash = Arrays.hashCode(p);
    }

    /** A series from {@code parts}: the name, then label names and values sorted by name; the array is kept. */
    Series(String[] parts) {
        this.parts = parts;
        this.hash = Arrays.hashCode(parts);
    }

    /** The sample name, e.g. {@code http_request_duration_seconds_bucket}. */
    public String name() {
        return parts[0];
    }

    /** Label name to value, sorted by name, unmodifiable (made on each call). */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i += 2) {
            labels.put(parts[i], parts[i + 1]);
        }
        return Collections.unmodifiableMap(labels);
    }

    /** How many labels the series has. */
    public int labelCount() {
        return (parts.length - 1) / 2;
    }

    /** The name of label {@code i}, in name order. */
    public String labelName(int i) {
        return parts[1 + 2 * i];
    }

    /** The value of {@code label}, or "" when the series does not have it (as PromQL treats a missing label). */
    public String value(String label) {
        int lo = 0;
        int hi = labelCount() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = parts[1 + 2 * mid].compareTo(label);
            if (c == 0) {
                return parts[2 + 2 * mid];
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && s.hash == hash && Arrays.equals(s.parts, parts);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** {@code name{a="b",...}} for messages. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i += 2) {
            sb.append(i == 1 ? "{" : ",").append(parts[i]).append("=\"").append(parts[i + 1]).append('"');
        }
        return parts.length > 1 ? sb.append('}').toString() : sb.toString();
    }
}
