package io.dwprom.lint;

/**
 * Recognises label values that look unbounded: UUIDs, long numbers, hex hashes, e-mail addresses,
 * URL paths carrying IDs and timestamps. Works on raw bytes without allocating.
 */
public final class ValueShape {
    private ValueShape() {
    }

    /** The kind of unbounded value {@code b[from, to)} looks like, or {@code null}. */
    public static String classify(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 7) {
            return null;
        }
        if (b[from] == '/') {
            return pathWithId(b, from, to) ? "URL path with an ID" : null;
        }
        if (isTimestamp(b, from, to)) {
            return "timestamp";
        }
        if (allDigits(b, from, to)) {
            return "long number";
        }
        if (isUuid(b, from, to)) {
            return "UUID";
        }
        if (n >= 16 && isHexWithDigitAndLetter(b, from, to)) {
            return "hex hash";
        }
        if (isEmail(b, from, to)) {
            return "e-mail address";
        }
        return null;
    }

    private static boolean allDigits(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return to > from;
    }

    private static boolean isHex(byte c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isHexWithDigitAndLetter(byte[] b, int from, int to) {
        boolean digit = false;
        boolean letter = false;
        for (int i = from; i < to; i++) {
            if (!isHex(b[i])) {
                return false;
            }
            if (b[i] <= '9') {
                digit = true;
            } else {
                letter = true;
            }
        }
        return digit && letter;
    }

    private static boolean isUuid(byte[] b, int from, int to) {
        if (to - from != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            byte c = b[from + i];
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmail(byte[] b, int from, int to) {
        int at = -1;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == ' ' || c == '/') {
                return false;
            }
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            }
        }
        if (at <= from) {
            return false;
        }
        for (int i = at + 2; i < to - 1; i++) {
            if (b[i] == '.') {
                return true;
            }
        }
        return false;
    }

    /** ISO-8601 date at the start (2024-01-31...) or a 10/13-digit epoch value. */
    private static boolean isTimestamp(byte[] b, int from, int to) {
        int n = to - from;
        if (n >= 10 && allDigits(b, from, from + 4) && b[from + 4] == '-' && allDigits(b, from + 5, from + 7)
                && b[from + 7] == '-' && allDigits(b, from + 8, from + 10)) {
            return true;
        }
        return (n == 10 || n == 13) && allDigits(b, from, to) && (b[from] == '1' || b[from] == '2');
    }

    private static boolean pathWithId(byte[] b, int from, int to) {
        int segStart = from + 1;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || b[i] == '/' || b[i] == '?') {
                if (isIdSegment(b, segStart, i)) {
                    return true;
                }
                if (i < to && b[i] == '?') {
                    return false;
                }
                segStart = i + 1;
            }
        }
        return false;
    }

    private static boolean isIdSegment(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return false;
        }
        return n >= 2 && allDigits(b, from, to) || isUuid(b, from, to) || n >= 8 && isHexWithDigitAndLetter(b, from, to);
    }
}
