package io.dwprom.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.dwprom.scrape.FamilyGrouping;
import io.dwprom.scrape.parse.Dialect;
import io.dwprom.scrape.parse.MetricType;
import io.dwprom.scrape.source.SourceException;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Groups a server's series names into metric families by its {@code /api/v1/metadata} (the TYPE lines Prometheus
 * keeps from its targets), as a scrape's own TYPE lines group them. Without metadata (VictoriaMetrics keeps none),
 * histograms and summaries are recognised by their sibling names ({@code foo_bucket} beside {@code foo_count}: a
 * histogram {@code foo}; {@code foo_count} beside {@code foo_sum} or {@code foo}: a summary {@code foo}); every
 * other series name is a family of its own. Either way, names are grouped by the rules of a scrape's OpenMetrics
 * families ({@link FamilyGrouping}).
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

    /**
     * The grouping of the series names of one answer, {@code names}: by the metadata, or without metadata by the
     * histograms and summaries inferred from this answer's names and earlier ones'.
     */
    FamilyGrouping<String> grouping(Set<String> names) {
        if (!fromMetadata) {
            inferFrom(names);
        }
        FamilyGrouping<String> grouping = new FamilyGrouping<>(Dialect.OPENMETRICS, Function.identity());
        types.forEach(grouping::type);
        return grouping;
    }

    private void inferFrom(Set<String> names) {
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

    /** How families were formed, for reports. */
    String description() {
        return fromMetadata
                ? "grouped by the server's /api/v1/metadata (" + types.size() + " typed families), as a scrape's TYPE lines group them"
                : "its /api/v1/metadata is empty: histograms and summaries recognised by their _bucket, _sum and _count "
                        + "names, every other metric name a family";
    }
}
