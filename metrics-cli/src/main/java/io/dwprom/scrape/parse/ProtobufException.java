package io.dwprom.scrape.parse;

/** A malformed protobuf exposition, located by the byte offset of the length-delimited message at fault. */
public final class ProtobufException extends RuntimeException {
    private final long offset;
    private final String detail;

    public ProtobufException(long offset, String detail) {
        super("byte offset " + offset + ": " + detail);
        this.offset = offset;
        this.detail = detail;
    }

    /** The 0-based offset of the message's length prefix in the (decompressed) input. */
    public long offset() {
        return offset;
    }

    /** The message without the location prefix. */
    public String detail() {
        return detail;
    }
}
