package io.dwprom.usage;

/**
 * Where a query was found: its file and the place in it, such as {@code panel "Requests / Rate"},
 * {@code record job:http_requests:rate5m}, {@code variable job} or {@code line 12}.
 */
public record QueryOrigin(String file, String place) implements Comparable<QueryOrigin> {
    @Override
    public int compareTo(QueryOrigin o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : place.compareTo(o.place);
    }

    @Override
    public String toString() {
        return file + ": " + place;
    }
}
