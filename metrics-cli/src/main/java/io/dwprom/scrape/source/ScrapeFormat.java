package io.dwprom.scrape.source;

/** The format a scrape is read in. */
public enum ScrapeFormat {
    /** The Prometheus text format (0.0.4, 1.0.0) or OpenMetrics (0.0.1, 1.0.0). */
    TEXT,
    /** Length-delimited {@code io.prometheus.client.MetricFamily} protobuf messages. */
    PROTOBUF;

    /** The format named {@code name} ({@code text}, {@code protobuf}, in any case), or {@code null}. */
    public static ScrapeFormat named(String name) {
        for (ScrapeFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }
}
