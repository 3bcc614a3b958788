package io.dwprom.scrape.parse;

/** Prometheus' legacy name rules and the quoted form of a name, for checks and messages. */
public final class Names {
    private Names() {
    }

    /**
     * Whether {@code name} is a legacy Prometheus name: {@code [a-zA-Z_:][a-zA-Z0-9_:]*} for a metric, the same
     * without ':' for a label. Other names need UTF-8 name support, and quotes in the exposition.
     */
    public static boolean isLegacy(String name, boolean metric) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean legacy = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || metric && c == ':'
                    || i > 0 && c >= '0' && c <= '9';
            if (!legacy) {
                return false;
            }
        }
        return true;
    }

    /** {@code name} between double quotes, escaped as a quoted name is, control characters as {@code \xHH}. */
    public static String quoted(String name) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
