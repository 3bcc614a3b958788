package io.dwprom.lint.source;

import java.util.Locale;

/**
 * The scrape protocols of Prometheus 3's {@code fallback_scrape_protocol}, and how a scraped URL's
 * {@code Content-Type} is judged as Prometheus 3 judges it: a media type it recognises is used, a missing,
 * unparsable or unknown one is an error unless a fallback protocol is given.
 */
public enum ScrapeProtocol {
    PROMETHEUS_PROTO("PrometheusProto", "application/vnd.google.protobuf"),
    OPENMETRICS_TEXT_0_0_1("OpenMetricsText0.0.1", "application/openmetrics-text"),
    OPENMETRICS_TEXT_1_0_0("OpenMetricsText1.0.0", "application/openmetrics-text"),
    PROMETHEUS_TEXT_0_0_4("PrometheusText0.0.4", "text/plain"),
    PROMETHEUS_TEXT_1_0_0("PrometheusText1.0.0", "text/plain");

    private final String configName;
    private final String mediaType;

    ScrapeProtocol(String configName, String mediaType) {
        this.configName = configName;
        this.mediaType = mediaType;
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

    /** The names the option takes (the text protocols), for messages. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (ScrapeProtocol p : values()) {
            if (p != PROMETHEUS_PROTO) {
                sb.append(sb.length() == 0 ? "" : ", ").append(p.configName);
            }
        }
        return sb.toString();
    }

    /**
     * The media type a scrape of {@code url} is read as, given its {@code Content-Type} header ({@code null} when
     * absent): the header's own media type when it is one of Prometheus' three, otherwise the fallback's; without a
     * fallback a {@link SourceException} naming the URL and the header. The protobuf format is not read: an answer
     * in it is refused either way.
     */
    static String mediaType(String url, String contentType, ScrapeProtocol fallback) throws SourceException {
        String problem;
        String mediaType = contentType == null ? null : parseMediaType(contentType);
        if (contentType == null || contentType.isEmpty()) {
            problem = "no Content-Type header";
        } else if (mediaType == null) {
            problem = "cannot parse the Content-Type header \"" + contentType + "\"";
        } else if (mediaType.equals("application/openmetrics-text") || mediaType.equals("text/plain")) {
            return mediaType;
        } else if (mediaType.equals(PROMETHEUS_PROTO.mediaType)) {
            throw new SourceException(url + ": Content-Type \"" + contentType
                    + "\": the protobuf exposition format cannot be read (only the text formats)");
        } else {
            problem = "unsupported Content-Type header \"" + contentType + "\"";
        }
        if (fallback == null) {
            throw new SourceException(url + ": " + problem + " (Prometheus 3 refuses such a scrape); "
                    + "--fallback-scrape-protocol says which format to assume (" + names() + ")");
        }
        if (fallback == PROMETHEUS_PROTO) {
            throw new SourceException(url + ": " + problem + ", and the protobuf exposition format of "
                    + "--fallback-scrape-protocol cannot be read (only the text formats)");
        }
        return fallback.mediaType;
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
