package io.dwprom.scrape.source;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Tells a protobuf scrape from a text one, for files and stdin (a URL's answer says its format in its
 * {@code Content-Type}). Protobuf when the file name ends in {@code .pb} or {@code .bin} (before an optional
 * {@code .gz}), or when the input starts as a delimited {@code MetricFamily} written by any client does: a varint
 * length; the tag of field 1, the name ({@code 0x0A}); the name's length and a name of Prometheus' classic character
 * set ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}); then the end of that first message or the tag of another of its fields
 * (HELP {@code 0x12}, type {@code 0x18}, metric {@code 0x22}, unit {@code 0x2A}).
 *
 * <p>A valid text exposition never starts so. Its first byte would be the length and the second a newline, so its
 * first line would be one character: in valid text {@code #}, a blank, a carriage return or nothing, which makes the
 * message 9, 10, 13, 32 or 35 bytes long (a longer one starts with a byte of 0x80 or more, which no text starts with).
 * The name length that follows would then be at most 33 and the first character of the next line: only a tab,
 * newline, carriage return or space fit. The name would thus start a line, after at most that blank, and be followed
 * by a control character, {@code "} or {@code *}: no text line has one of those right after a metric name, and a
 * line starting with a carriage return is not valid either. The message cannot end right after the name instead:
 * that needs a name length two less than the message length, and no such pair is among those above.
 */
final class ProtobufDetection {
    /** The most read ahead: a length prefix, a tag, a name length, a name and a tag. */
    static final int PEEK_BYTES = 1 << 10;

    private ProtobufDetection() {
    }

    /** Whether the file name says protobuf: {@code .pb}, {@code .bin}, optionally followed by {@code .gz}. */
    static boolean byName(String path) {
        String p = path.endsWith(".gz") ? path.substring(0, path.length() - 3) : path;
        return p.endsWith(".pb") || p.endsWith(".bin");
    }

    /** Whether {@code in} starts as a delimited MetricFamily (see above); its position is left where it was. */
    static boolean sniff(BufferedInputStream in) throws IOException {
        in.mark(PEEK_BYTES);
        byte[] head = in.readNBytes(PEEK_BYTES);
        in.reset();
        return startsAsMetricFamily(head, head.length);
    }

    static boolean startsAsMetricFamily(byte[] b, int n) {
        long[] read = new long[1];
        int p = varint(b, 0, n, read);
        if (p < 0 || p >= n || b[p] != 0x0A) {
            return false;
        }
        long messageEnd = p + read[0];
        int nameStart = varint(b, p + 1, n, read);
        if (nameStart < 0 || read[0] < 1 || nameStart + read[0] > messageEnd || nameStart + read[0] > n) {
            return false;
        }
        int nameEnd = nameStart + (int) read[0];
        for (int i = nameStart; i < nameEnd; i++) {
            if (!isNameChar(b[i], i == nameStart)) {
                return false;
            }
        }
        if (nameEnd == messageEnd) {
            return true;
        }
        if (nameEnd >= n) {
            return false;
        }
        byte tag = b[nameEnd];
        return tag == 0x12 || tag == 0x18 || tag == 0x22 || tag == 0x2A;
    }

    /** Reads a varint at {@code p} into {@code value[0]}; returns the position after it, or -1. */
    private static int varint(byte[] b, int p, int n, long[] value) {
        long v = 0;
        for (int shift = 0; shift < 64 && p < n; shift += 7) {
            int c = b[p++] & 0xff;
            v |= (long) (c & 0x7f) << shift;
            if ((c & 0x80) == 0) {
                value[0] = v;
                return v < 0 ? -1 : p;
            }
        }
        return -1;
    }

    private static boolean isNameChar(byte c, boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || !first && c >= '0' && c <= '9';
    }
}
