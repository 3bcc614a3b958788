package io.dwprom.internal.exposition;

import java.util.Locale;

/**
 * Whether a scraper's {@code Accept} header prefers the Prometheus protobuf format (delimited
 * {@code io.prometheus.client.MetricFamily} messages) to every text format it names. Prometheus 2.42 started with
 * {@code --enable-feature=native-histograms} sends
 * {@code application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited,
 * application/openmetrics-text;version=1.0.0;q=0.8,...}. Only a media range naming the protobuf type with that
 * {@code proto} and {@code encoding=delimited} counts for it; a wildcard does not. Its quality must be positive and
 * at least that of any other range; a tie goes to protobuf, the range named most precisely.
 */
final class AcceptHeader {

    static final String PROTOBUF_TYPE = "application/vnd.google.protobuf";
    static final String PROTOBUF_PROTO = "io.prometheus.client.MetricFamily";

    private AcceptHeader() {
    }

    static boolean prefersProtobuf(String accept) {
        if (accept == null) {
            return false;
        }
        double protobuf = 0;
        double others = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = 1;
            String proto = null;
            String encoding = null;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].split("=", 2);
                String name = parameter[0].trim().toLowerCase(Locale.ROOT);
                String value = parameter.length == 2 ? parameter[1].trim() : "";
                switch (name) {
                    case "q" -> quality = quality(value);
                    case "proto" -> proto = value;
                    case "encoding" -> encoding = value;
                    default -> {
                        // version, charset, escaping: no bearing on the choice
                    }
                }
            }
            if (type.equals(PROTOBUF_TYPE) && PROTOBUF_PROTO.equals(proto) && "delimited".equals(encoding)) {
                protobuf = Math.max(protobuf, quality);
            } else if (!type.isEmpty()) {
                others = Math.max(others, quality);
            }
        }
        return protobuf > 0 && protobuf >= others;
    }

    private static double quality(String value) {
        try {
            double quality = Double.parseDouble(value);
            return quality >= 0 && quality <= 1 ? quality : 0;
        } catch (NumberFormatException malformed) {
            return 0;
        }
    }
}
