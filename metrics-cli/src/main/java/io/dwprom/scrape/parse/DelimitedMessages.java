package io.dwprom.scrape.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into length-delimited messages, as protobuf's {@code writeDelimitedTo} writes them: a varint length,
 * then that many bytes. Keeps one message in memory, grown as its bytes arrive (a length prefix that lies costs no
 * more than the bytes that follow it), and knows the byte offset of each; a malformed frame is a
 * {@link ProtobufException} at that offset.
 */
final class DelimitedMessages {
    private static final int MAX_VARINT_BYTES = 10;
    private static final int GROWTH = 1 << 16;

    private final InputStream in;
    private final long maxBytes;
    private byte[] buffer = new byte[1 << 12];
    private int length;
    private long offset;
    private long nextOffset;

    /** @param maxBytes the most the input may hold: a message announced beyond it is refused before it is read */
    DelimitedMessages(InputStream in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Reads the next message; false at the end of the input (which must fall between two messages). */
    boolean next() throws IOException {
        offset = nextOffset;
        long announced = 0;
        int prefix = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (prefix == 0) {
                    return false;
                }
                throw new ProtobufException(offset, "truncated length prefix (the input ends inside a varint)");
            }
            if (prefix == MAX_VARINT_BYTES - 1 && b > 1) {
                throw new ProtobufException(offset, "malformed length prefix (a varint beyond 64 bits)");
            }
            announced |= (long) (b & 0x7f) << (7 * prefix);
            prefix++;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (announced < 0 || offset + prefix + announced > maxBytes) {
            throw new ProtobufException(offset, "a message of " + Long.toUnsignedString(announced)
                    + " bytes goes beyond the input limit of " + maxBytes + " bytes (--max-bytes)");
        }
        if (announced > Integer.MAX_VALUE - 8) {
            throw new ProtobufException(offset, "a message of " + announced + " bytes is larger than one array holds");
        }
        read((int) announced, prefix);
        nextOffset = offset + prefix + announced;
        return true;
    }

    private void read(int announced, int prefix) throws IOException {
        length = 0;
        while (length < announced) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(announced, (long) buffer.length * 2 + GROWTH));
            }
            int n = in.read(buffer, length, Math.min(buffer.length, announced) - length);
            if (n < 0) {
                throw new ProtobufException(offset, "truncated message: the length prefix announces " + announced
                        + " bytes, the input ends after " + length + " (at byte offset " + (offset + prefix + length) + ")");
            }
            length += n;
        }
    }

    /** The current message's bytes, {@code [0, length())}; overwritten by the next call of {@link #next()}. */
    byte[] bytes() {
        return buffer;
    }

    int length() {
        return length;
    }

    /** The 0-based byte offset of the current message's length prefix. */
    long offset() {
        return offset;
    }
}
