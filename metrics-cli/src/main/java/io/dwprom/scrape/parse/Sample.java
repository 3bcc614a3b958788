package io.dwprom.scrape.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One sample line as seen by an {@link ExpositionHandler}. The parser reuses a single instance:
 * names are (cached) strings, label values stay as bytes with a precomputed hash until asked for.
 */
public final class Sample {
    private String name;
    private long nameHash;
    private int labelCount;
    private String[] labelNames = new String[8];
    private long[] labelNameHashes = new long[8];
    private int[] valueStarts = new int[8];
    private int[] valueEnds = new int[8];
    private long[] valueHashes = new long[8];
    private byte[] values = new byte[256];
    private int valuesLength;
    private double value;
    private boolean timestamp;
    private boolean duplicateLabels;
    private long line;

    public String name() {
        return name;
    }

    /** Hash of the metric name, see {@link Hash64#string}. */
    public long nameHash() {
        return nameHash;
    }

    public int labelCount() {
        return labelCount;
    }

    public String labelName(int i) {
        return labelNames[i];
    }

    public long labelNameHash(int i) {
        return labelNameHashes[i];
    }

    /** The unescaped label value (allocates). */
    public String labelValue(int i) {
        return new String(values, valueStarts[i], valueEnds[i] - valueStarts[i], StandardCharsets.UTF_8);
    }

    public long labelValueHash(int i) {
        return valueHashes[i];
    }

    /** The label value parsed as a float, or {@code fallback} if it is not one. */
    public double labelValueAsDouble(int i, double fallback) {
        return Floats.parseOr(values, valueStarts[i], valueEnds[i], fallback);
    }

    /** Whether the label value is a float within double's range, as promtool requires of {@code le} and {@code quantile}. */
    public boolean labelValueIsFloatInRange(int i) {
        try {
            Floats.parseInRange(values, valueStarts[i], valueEnds[i]);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Index of the label called {@code labelName}, or -1. */
    public int indexOfLabel(String labelName) {
        for (int i = 0; i < labelCount; i++) {
            if (labelNames[i].equals(labelName)) {
                return i;
            }
        }
        return -1;
    }

    /** Applies {@code shape} to the raw bytes of label value {@code i}. */
    public <T> T inspectLabelValue(int i, ValueInspector<T> shape) {
        return shape.inspect(values, valueStarts[i], valueEnds[i]);
    }

    public double value() {
        return value;
    }

    public boolean hasTimestamp() {
        return timestamp;
    }

    /** 1-based input line of this sample. */
    public long line() {
        return line;
    }

    /** Label value {@code i} with the exposition format's escapes ({@code \\ \" \n}), as it is written between quotes. */
    public String escapedLabelValue(int i) {
        return labelValue(i).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Renders the sample's series as {@code name{a="b",...}} (allocates; for messages). */
    public String seriesText() {
        StringBuilder sb = new StringBuilder(name);
        if (labelCount > 0) {
            sb.append('{');
            for (int i = 0; i < labelCount; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(labelNames[i]).append("=\"").append(escapedLabelValue(i)).append('"');
            }
            sb.append('}');
        }
        return sb.toString();
    }

    /** Reads raw label-value bytes without copying them. */
    @FunctionalInterface
    public interface ValueInspector<T> {
        T inspect(byte[] bytes, int from, int to);
    }

    void start(String name, long nameHash, long line) {
        this.name = name;
        this.nameHash = nameHash;
        this.line = line;
        this.labelCount = 0;
        this.valuesLength = 0;
        this.timestamp = false;
        this.duplicateLabels = false;
    }

    /** Names the sample once its name is read, when it stands inside the label set (promtool 3.x). */
    void name(String name, long nameHash) {
        this.name = name;
        this.nameHash = nameHash;
    }

    boolean hasLabel(String labelName) {
        for (int i = 0; i < labelCount; i++) {
            if (labelNames[i].equals(labelName)) {
                return true;
            }
        }
        return false;
    }

    void markDuplicateLabel() {
        duplicateLabels = true;
    }

    /** Whether a label name occurs twice (only the promtool dialect lets the parser pass that on). */
    public boolean hasDuplicateLabels() {
        return duplicateLabels;
    }

    /** Adds a label name; its value follows. */
    void addLabelName(String labelName, long hash) {
        if (labelCount == labelNames.length) {
            int n = labelCount * 2;
            labelNames = Arrays.copyOf(labelNames, n);
            labelNameHashes = Arrays.copyOf(labelNameHashes, n);
            valueStarts = Arrays.copyOf(valueStarts, n);
            valueEnds = Arrays.copyOf(valueEnds, n);
            valueHashes = Arrays.copyOf(valueHashes, n);
        }
        labelNames[labelCount] = labelName;
        labelNameHashes[labelCount] = hash;
        valueStarts[labelCount] = valuesLength;
    }

    void appendValueBytes(byte[] src, int from, int to) {
        int n = to - from;
        ensureValueCapacity(n);
        System.arraycopy(src, from, values, valuesLength, n);
        valuesLength += n;
    }

    void appendValueByte(byte b) {
        ensureValueCapacity(1);
        values[valuesLength++] = b;
    }

    /** Finishes the value of the label added last; returns its start for validation. */
    int finishLabelValue() {
        int start = valueStarts[labelCount];
        valueEnds[labelCount] = valuesLength;
        valueHashes[labelCount] = Hash64.bytes(values, start, valuesLength);
        labelCount++;
        return start;
    }

    byte[] valueBuffer() {
        return values;
    }

    int valueBufferLength() {
        return valuesLength;
    }

    void value(double value) {
        this.value = value;
    }

    void timestamp(boolean present) {
        this.timestamp = present;
    }

    private void ensureValueCapacity(int extra) {
        if (valuesLength + extra > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, valuesLength + extra));
        }
    }
}
