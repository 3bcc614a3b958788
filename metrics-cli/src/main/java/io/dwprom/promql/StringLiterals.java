package io.dwprom.promql;

/** Unquotes PromQL string literals: Go's escapes in "..." and '...', none in `...`. */
final class StringLiterals {
    private StringLiterals() {
    }

    /** The value of a quoted literal; throws {@link IllegalArgumentException} naming a bad escape. */
    static String unquote(String literal) {
        char quote = literal.charAt(0);
        String body = literal.substring(1, literal.length() - 1);
        if (quote == '`' || body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case '\\', '"', '\'' -> sb.append(e);
                case 'x' -> i = appendCodePoint(sb, body, i, 2, 16);
                case 'u' -> i = appendCodePoint(sb, body, i, 4, 16);
                case 'U' -> i = appendCodePoint(sb, body, i, 8, 16);
                default -> {
                    if (e >= '0' && e <= '7') {
                        i = appendCodePoint(sb, body, i - 1, 3, 8);
                    } else {
                        throw new IllegalArgumentException("unknown escape sequence \\" + e);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Appends the code point in the {@code digits} characters after {@code at}; returns the last index used. */
    private static int appendCodePoint(StringBuilder sb, String body, int at, int digits, int radix) {
        int end = at + 1 + digits;
        if (end > body.length()) {
            throw new IllegalArgumentException("escape sequence is too short");
        }
        try {
            sb.appendCodePoint(Integer.parseInt(body.substring(at + 1, end), radix));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid escape sequence \\" + body.substring(at, end));
        }
        return end - 1;
    }
}
