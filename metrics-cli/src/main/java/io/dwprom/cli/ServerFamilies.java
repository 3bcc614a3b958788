package io.dwprom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dwprom.scrape.FamilySuffixes;
import io.dwprom.scrape.parse.Dialect;
import io.dwprom.scrape.parse.MetricType;
import io.dwprom.scrape.source.SourceException;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Groups a server's series names into metric families by its {@code /api/v1/metadata} (the TYPE lines Prometheus
 * keeps from its targets), as a scrape's own TYPE lines group them. Without metadata (VictoriaMetrics keeps none),
 * histograms and summaries are recognised by their sibling names ({@code foo_bucket} beside {@code foo_count}: a
 * histogram {@code foo}; {@code foo_count} beside {@code foo_sum} or {@code foo}: a summary {@code foo}); every
 * other series name is a family of its own.
 */
final class ServerFamilies {
    private final Map<String, MetricType> types;
    private final boolean fromMetadata;

    private ServerFamilies(Map<String, MetricType> types) {
        this.types = types;
        this.fromMetadata = !types.isEmpty();
    }

    /** Reads the server's metadata; a server without the endpoint (404) has none. */
    static ServerFamilies ask(PrometheusApi api) throws IOException {
        Map<String, MetricType> types = new HashMap<>();
        try {
            api.get("/api/v1/metadata").fields().forEachRemaining(e -> {
                JsonNode first = e.getValue().path(0);
                MetricType type = MetricType.fromToken(first.path("type").asText(""));
                if (type != null) {
                    types.put(e.getKey(), type);
                }
            });
        } catch (SourceException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
        }
        return new ServerFamilies(types);
    }

    /** Without metadata: infers histograms and summaries from the series names of one answer. */
    void inferFrom(Set<String> names) {
        if (fromMetadata) {
            return;
        }
        for (String name : names) {
            if (!name.endsWith("_count")) {
                continue;
            }
            String base = name.substring(0, name.length() - "_count".length());
            if (names.contains(base + "_bucket")) {
                types.put(base, MetricType.HISTOGRAM);
            } else if (names.contains(base + "_sum") || names.contains(base)) {
                types.put(base, MetricType.SUMMARY);
            }
        }
    }

    /** The family of series name {@code name}: {@code foo} for {@code foo_bucket} of a histogram {@code foo}. */
    String familyOf(String name) {
        if (types.containsKey(name)) {
            return name;
        }
        return name.substring(0, name.length() - FamilySuffixes.typedSuffix(name, Dialect.OPENMETRICS, types::get).length());
    }

    /** How families were formed, for reports. */
    String description() {
        return fromMetadata
                ? "grouped by the server's /api/v1/metadata (" + types.size() + " typed families), as a scrape's TYPE lines group them"
                : "its /api/v1/metadata is empty: histograms and summaries recognised by their _bucket, _sum and _count "
                        + "names, every other metric name a family";
    }
}
