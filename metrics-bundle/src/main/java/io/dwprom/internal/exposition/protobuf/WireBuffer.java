package io.dwprom.internal.exposition.protobuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The protocol buffers wire format written into one growing array: tags, varints, zigzag integers, little-endian
 * doubles, UTF-8 strings and length-delimited messages, each field written as protobuf-java writes it.
 *
 * <p>A nested message's length precedes its content but is known only after it. {@link #beginMessage} reserves
 * one byte for it, the length of most messages here (a label pair, a bucket, an exemplar); {@link #end}
 * writes the length there and, for a longer message, moves the content right by the extra bytes its length takes.
 * A histogram series moves once or twice, and a family once, so each byte is copied a few times at most: cheaper
 * than computing every message's size before writing it.
 */
final class WireBuffer {

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;

    private byte[] bytes;
    private int position;

    WireBuffer(int initialCapacity) {
        this.bytes = new byte[Math.max(64, initialCapacity)];
    }

    int length() {
        return position;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, position);
    }

    /** Starts a message that is field {@code field} of the enclosing one; returns the mark {@link #end} takes. */
    int beginMessage(int field) {
        tag(field, LENGTH_DELIMITED);
        return beginDelimited();
    }

    /** Starts a message preceded by its length only, as each {@code MetricFamily} of a delimited stream is. */
    int beginDelimited() {
        ensure(1);
        return position++;
    }

    /** Ends the message (or string) begun at {@code mark}, writing its length before it. */
    void end(int mark) {
        int length = position - mark - 1;
        int lengthBytes = varintSize(length);
        if (lengthBytes > 1) {
            ensure(lengthBytes - 1);
            System.arraycopy(bytes, mark + 1, bytes, mark + lengthBytes, length);
        }
        position = mark;
        varint(length);
        position = mark + lengthBytes + length;
    }

    void uint64(int field, long value) {
        tag(field, VARINT);
        varint(value);
    }

    /** An {@code int64} or {@code int32} field, and an enum: negative values take ten bytes, as the format says. */
    void int64(int field, long value) {
        uint64(field, value);
    }

    void sint64(int field, long value) {
        uint64(field, (value << 1) ^ (value >> 63));
    }

    void sint32(int field, int value) {
        uint64(field, Integer.toUnsignedLong((value << 1) ^ (value >> 31)));
    }

    void doubleField(int field, double value) {
        tag(field, FIXED64);
        ensure(8);
        long bits = Double.doubleToRawLongBits(value);
        for (int i = 0; i < 8; i++) {
            bytes[position++] = (byte) (bits >>> (8 * i));
        }
    }

    /** A string field in UTF-8: ASCII copied char by char, anything else encoded by the JDK. */
    void string(int field, String value) {
        tag(field, LENGTH_DELIMITED);
        int length = value.length();
        ensure(1 + length);
        int mark = beginDelimited();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                position = mark;
                bytes(value.getBytes(StandardCharsets.UTF_8));
                return;
            }
            bytes[position++] = (byte) c;
        }
        end(mark);
    }

    private void bytes(byte[] value) {
        varint(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, position, value.length);
        position += value.length;
    }

    private void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    private void varint(long value) {
        ensure(10);
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes[position++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        bytes[position++] = (byte) rest;
    }

    private static int varintSize(long value) {
        return value == 0 ? 1 : (63 - Long.numberOfLeadingZeros(value)) / 7 + 1;
    }

    private void ensure(int more) {
        if (position + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + more));
        }
    }
}
