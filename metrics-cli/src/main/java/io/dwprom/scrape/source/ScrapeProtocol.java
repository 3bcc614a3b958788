package io.dwprom.scrape.source;

import java.util.List;
import java.util.Locale;

/**
 * The scrape protocols of Prometheus 3's {@code scrape_protocols} and {@code fallback_scrape_protocol}: the
 * {@code Accept} header a list of them makes, and how a scraped URL's {@code Content-Type} is judged as Prometheus 3
 * judges it: a media type it recognises is used, a missing, unparsable or unknown one is an error unless a fallback
 * protocol is given.
 */
public enum ScrapeProtocol {
    PROMETHEUS_PROTO("PrometheusProto", "application/vnd.google.protobuf",
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited"),
    OPENMETRICS_TEXT_0_0_1("OpenMetricsText0.0.1", "application/openmetrics-text",
            "application/openmetrics-text;version=0.0.1"),
    OPENMETRICS_TEXT_1_0_0("OpenMetricsText1.0.0", "application/openmetrics-text",
            "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8"),
    PROMETHEUS_TEXT_0_0_4("PrometheusText0.0.4", "text/plain", "text/plain;version=0.0.4"),
    PROMETHEUS_TEXT_1_0_0("PrometheusText1.0.0", "text/plain", "text/plain;version=1.0.0;escaping=allow-utf-8");

    /** Prometheus 3's default {@code scrape_protocols}: the text formats, newest first, no protobuf. */
    public static final List<ScrapeProtocol> DEFAULTS = List.of(OPENMETRICS_TEXT_1_0_0, OPENMETRICS_TEXT_0_0_1,
            PROMETHEUS_TEXT_1_0_0, PROMETHEUS_TEXT_0_0_4);

    private final String configName;
    private final String mediaType;
    private final String accept;

    ScrapeProtocol(String configName, String mediaType, String accept) {
        this.configName = configName;
        this.mediaType = mediaType;
        this.accept = accept;
    }

    /** The name as Prometheus' configuration spells it, e.g. {@code PrometheusText0.0.4}. */
    public String configName() {
        return configName;
    }

    /** The protocol named {@code name} as in Prometheus' configuration, or {@code null}. */
    public static ScrapeProtocol named(String name) {
        for (ScrapeProtocol p : values()) {
            if (p.configName.equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The names the options take, for messages. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (ScrapeProtocol p : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.configName);
        }
        return sb.toString();
    }

    /**
     * The {@code Accept} header Prometheus 3 sends for {@code protocols} (its {@code acceptHeader}): each protocol's
     * media type, the 1.0.0 text formats with {@code escaping=allow-utf-8}, weighted {@code q=0.6} down in the order
     * given, then any media type one step lower.
     */
    public static String acceptHeader(List<ScrapeProtocol> protocols) {
        StringBuilder sb = new StringBuilder();
        int weight = values().length + 1;
        for (ScrapeProtocol p : protocols) {
            sb.append(p.accept).append(";q=0.").append(weight--).append(',');
        }
        return sb.append("*/*;q=0.").append(weight).toString();
    }

    /**
     * The format a scrape of {@code url} is read in, given its {@code Content-Type} header ({@code null} when
     * absent): the header's own when its media type is one of Prometheus' three, otherwise the fallback's; without a
     * fallback a {@link SourceException} naming the URL and the header.
     */
    static ScrapeFormat format(String url, String contentType, ScrapeProtocol fallback) throws SourceException {
        String problem;
        String mediaType = contentType == null ? null : parseMediaType(contentType);
        if (contentType == null || contentType.isEmpty()) {
            problem = "no Content-Type header";
        } else if (mediaType == null) {
            problem = "cannot parse the Content-Type header \"" + contentType + "\"";
        } else if (mediaType.equals("application/openmetrics-text") || mediaType.equals("text/plain")) {
            return ScrapeFormat.TEXT;
        } else if (mediaType.equals(PROMETHEUS_PROTO.mediaType)) {
            return ScrapeFormat.PROTOBUF;
        } else {
            problem = "unsupported Content-Type header \"" + contentType + "\"";
        }
        if (fallback == null) {
            throw new SourceException(url + ": " + problem + " (Prometheus 3 refuses such a scrape); "
                    + "--fallback-scrape-protocol says which format to assume (" + names() + ")");
        }
        return fallback == PROMETHEUS_PROTO ? ScrapeFormat.PROTOBUF : ScrapeFormat.TEXT;
    }

    /**
     * The media type of a {@code Content-Type} value in lower case, or {@code null} when Go's
     * {@code mime.ParseMediaType} refuses it: a token, optionally {@code /} and a token, then parameters
     * {@code ; name=value} (a token or a quoted string), a trailing {@code ;} allowed, each name once.
     */
    static String parseMediaType(String value) {
        int semicolon = value.indexOf(';');
        String type = (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        String first = slash < 0 ? type : type.substring(0, slash);
        if (!isToken(first) || slash >= 0 && !isToken(type.substring(slash + 1))) {
            return null;
        }
        if (semicolon < 0) {
            return type;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        int i = semicolon;
        int n = value.length();
        while (i < n) {
            // at a ';'
            i = skipSpace(value, i + 1);
            if (i == n) {
                return type; // a trailing ';'
            }
            int nameStart = i;
            while (i < n && isTokenChar(value.charAt(i))) {
                i++;
            }
            if (i == nameStart || i == n || value.charAt(i) != '=') {
                return null;
            }
            if (!names.add(value.substring(nameStart, i).toLowerCase(Locale.ROOT))) {
                return null;
            }
            i++;
            if (i < n && value.charAt(i) == '"') {
                i++;
                while (i < n && value.charAt(i) != '"') {
                    i += value.charAt(i) == '\\' ? 2 : 1;
                }
                if (i >= n) {
                    return null;
                }
                i++;
            } else {
                int valueStart = i;
                while (i < n && isTokenChar(value.charAt(i))) {
                    i++;
                }
                if (i == valueStart) {
                    return null;
                }
            }
            i = skipSpace(value, i);
            if (i < n && value.charAt(i) != ';') {
                return null;
            }
        }
        return type;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(char c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
    }
}
