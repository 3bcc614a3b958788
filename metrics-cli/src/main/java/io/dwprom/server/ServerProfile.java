package io.dwprom.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.dwprom.scrape.source.SourceException;

import java.io.IOException;

/**
 * Which kind of Prometheus-compatible server answers, told apart by its {@code /api/v1/status/tsdb}: Prometheus reports
 * {@code headStats}, VictoriaMetrics {@code totalSeries}; servers without the endpoint (404) are treated like
 * Prometheus. The kind decides where the two differ, and reports say which behaviour was used.
 */
final class ServerProfile {
    /** The server kinds whose answers metrics-lint knows to differ. */
    enum Kind {
        PROMETHEUS("Prometheus"), VICTORIAMETRICS("VictoriaMetrics"), OTHER("Prometheus-compatible server");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final PrometheusApi api;
    private final Kind kind;
    private final JsonNode tsdbStatus;

    private ServerProfile(PrometheusApi api, Kind kind, JsonNode tsdbStatus) {
        this.api = api;
        this.kind = kind;
        this.tsdbStatus = tsdbStatus;
    }

    /** Asks the server's TSDB status once; a 404 means the server lacks it. */
    static ServerProfile detect(PrometheusApi api) throws IOException {
        JsonNode status;
        try {
            status = api.get("/api/v1/status/tsdb");
        } catch (SourceException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
            status = MissingNode.getInstance();
        }
        Kind kind = status.has("headStats") ? Kind.PROMETHEUS : status.has("totalSeries") ? Kind.VICTORIAMETRICS : Kind.OTHER;
        return new ServerProfile(api, kind, status);
    }

    Kind kind() {
        return kind;
    }

    /** The unfiltered TSDB status as first answered; a missing node when the server lacks the endpoint. */
    JsonNode tsdbStatus() {
        return tsdbStatus;
    }

    /** How the kind was recognised, for reports. */
    String description() {
        return switch (kind) {
            case PROMETHEUS -> "Prometheus (/api/v1/status/tsdb has headStats)";
            case VICTORIAMETRICS -> "VictoriaMetrics (/api/v1/status/tsdb has totalSeries)";
            case OTHER -> "Prometheus-compatible server without /api/v1/status/tsdb statistics";
        };
    }

    /**
     * A VictoriaMetrics command-line flag as its {@code /flags} page shows it (only flags set explicitly are listed),
     * else {@code defaultValue}; {@code defaultValue} for other servers or when the page cannot be read.
     */
    String victoriaMetricsFlag(String name, String defaultValue) {
        if (kind != Kind.VICTORIAMETRICS) {
            return defaultValue;
        }
        try {
            for (String line : api.getText("/flags").split("\n")) {
                String prefix = "-" + name + "=";
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            return defaultValue;
        }
        return defaultValue;
    }
}
