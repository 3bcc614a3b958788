package io.dwprom.lint.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Streaming, byte-level parser for the Prometheus text format 0.0.4 and OpenMetrics 1.0, in one of two
 * {@link Dialect}s.
 *
 * <p>Reads the input in chunks, never holding more than one line (capped by {@code maxLineBytes})
 * plus a read buffer, and reports every element to an {@link ExpositionHandler}. In the OpenMetrics dialect it
 * accepts CRLF line endings, blank lines, comments, {@code # HELP}/{@code # TYPE}/{@code # UNIT}, {@code # EOF},
 * escapes in label values and HELP, {@code NaN}/{@code +Inf}/{@code -Inf}, timestamps and exemplars. In the
 * promtool dialect it accepts what Prometheus' text format 0.0.4 parser (expfmt) accepts, and nothing else.
 * Malformed input raises a {@link ParseException} naming line, column and expectation.
 */
public final class ExpositionParser {
    /** Default cap on the length of a single line: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    private static final int READ_CHUNK = 1 << 16;

    private final InputStream in;
    private final ExpositionHandler handler;
    private final int maxLineBytes;
    private final boolean promtool;
    private final Sample sample = new Sample();
    private final Sample exemplar = new Sample();
    private NameSlot[] slots = new NameSlot[9];
    private byte[] buf = new byte[1 << 17];
    private int pos;
    private int limit;
    private boolean streamDone;
    private long lineNo;
    private int lineStart;
    private int lineEnd;
    private boolean afterEof;

    public ExpositionParser(InputStream in, ExpositionHandler handler) {
        this(in, handler, Dialect.OPENMETRICS);
    }

    public ExpositionParser(InputStream in, ExpositionHandler handler, Dialect dialect) {
        this(in, handler, dialect, DEFAULT_MAX_LINE_BYTES);
    }

    public ExpositionParser(InputStream in, ExpositionHandler handler, Dialect dialect, int maxLineBytes) {
        this.in = in;
        this.handler = handler;
        this.promtool = dialect == Dialect.PROMTOOL;
        this.maxLineBytes = maxLineBytes;
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new NameSlot();
        }
    }

    /** Parses the whole stream. */
    public void parse() throws IOException {
        while (true) {
            int nl = indexOfNewline(pos, limit);
            if (nl < 0) {
                if (limit - pos > maxLineBytes) {
                    throw new ParseException(lineNo + 1, 0, "line is longer than the limit of " + maxLineBytes + " bytes");
                }
                if (streamDone) {
                    if (pos < limit && !(promtool && onlyBlanks(pos, limit))) {
                        throw new ParseException(lineNo + 1, limit - pos + 1,
                                "unexpected end of input: the last line is not terminated by a newline (truncated input?)");
                    }
                    return;
                }
                fill();
                continue;
            }
            if (nl - pos > maxLineBytes) {
                throw new ParseException(lineNo + 1, 0, "line is longer than the limit of " + maxLineBytes + " bytes");
            }
            lineNo++;
            int end = !promtool && nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
            line(pos, end);
            pos = nl + 1;
        }
    }

    /** Whether {@code buf[from, to)} holds only blanks and tabs: after the last newline, expfmt's end of input. */
    private boolean onlyBlanks(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isBlank(buf[i])) {
                return false;
            }
        }
        return true;
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buf;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (buf.length - limit < READ_CHUNK) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, limit + READ_CHUNK));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            streamDone = true;
        } else {
            limit += n;
        }
    }

    private void line(int start, int end) {
        lineStart = start;
        lineEnd = end;
        int p = skipBlanks(start);
        if (afterEof) {
            if (p < end) {
                throw error(p, "unexpected content after \"# EOF\"");
            }
            return;
        }
        if (p == end) {
            return;
        }
        if (buf[p] == '#') {
            if (promtool) {
                promtoolComment(p + 1);
            } else {
                comment(p + 1);
            }
        } else if (promtool) {
            promtoolSampleLine(p);
        } else {
            sampleLine(p);
        }
    }

    /**
     * A comment as expfmt reads it: only {@code HELP} and {@code TYPE} mean anything, and only when a metric name
     * and a blank follow (then the family exists, or the summary or histogram it belongs to); the HELP text or TYPE
     * follows the blanks, a TYPE's text is the rest of the line, untrimmed.
     */
    private void promtoolComment(int p) {
        p = skipBlanks(p);
        int kwEnd = tokenEnd(p);
        boolean help = isWord(p, kwEnd, "HELP");
        if (kwEnd == lineEnd || !help && !isWord(p, kwEnd, "TYPE")) {
            return;
        }
        int nameStart = skipBlanks(kwEnd);
        int nameEnd = metricNameEnd(nameStart);
        if (nameEnd == lineEnd) {
            return;
        }
        if (!isBlank(buf[nameEnd])) {
            throw error(nameEnd, "invalid metric name in comment: " + describe(nameEnd) + " after \"# "
                    + (help ? "HELP" : "TYPE") + " " + ascii(nameStart, nameEnd) + "\"");
        }
        String name = ascii(nameStart, nameEnd);
        int rest = skipBlanks(nameEnd);
        if (rest == lineEnd) {
            handler.declare(name, lineNo); // expfmt makes the family (or finds the summary or histogram it belongs to)
            return;
        }
        if (help) {
            handler.help(name, unescapeHelp(rest), lineNo);
            return;
        }
        String token = promtoolTypeToken(rest);
        MetricType metricType = MetricType.fromPromtoolToken(token);
        if (metricType == null) {
            throw error(rest, "unknown metric type \"" + printable(rest, lineEnd) + "\" (promtool knows counter, gauge, summary, untyped,"
                    + " histogram, gauge_histogram)");
        }
        handler.type(name, metricType, lineNo);
    }

    /**
     * The rest of a {@code # TYPE} line as expfmt reads it: every backslash dropped (it reads the text as one with
     * escapes, but recognises none, so {@code gau\ge\} is {@code gauge}).
     */
    private String promtoolTypeToken(int from) {
        byte[] token = new byte[lineEnd - from];
        int n = 0;
        for (int i = from; i < lineEnd; i++) {
            if (buf[i] != '\\') {
                token[n++] = buf[i];
            }
        }
        return new String(token, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * A sample line as expfmt reads it: the value starts right after the name or label set, an optional integer
     * timestamp follows one run of blanks, and nothing at all (not even a blank) may follow the last token.
     */
    private void promtoolSampleLine(int p) {
        int nameEnd = metricNameEnd(p);
        if (nameEnd == p) {
            throw error(p, "expected a metric name or '#', found " + describe(p));
        }
        NameSlot slot = slots[0];
        sample.start(slot.intern(buf, p, nameEnd), slot.hash, lineNo);
        p = skipBlanks(nameEnd);
        if (p < lineEnd && buf[p] == '{') {
            p = skipBlanks(labels(p + 1, sample));
        }
        int valueEnd = tokenEnd(p);
        if (valueEnd == p) {
            throw error(p, "expected a sample value after \"" + sample.name() + "\", found " + describe(p));
        }
        sample.value(parseFloat(p, valueEnd, "sample value"));
        if (valueEnd < lineEnd) {
            int ts = skipBlanks(valueEnd);
            int tsEnd = tokenEnd(ts);
            if (!Floats.isInt64(buf, ts, tsEnd)) {
                throw error(ts, "expected an integer timestamp (milliseconds), found \"" + printable(ts, tsEnd) + "\"");
            }
            if (tsEnd < lineEnd) {
                throw error(tsEnd, "unexpected text after the timestamp (promtool allows not even a blank): "
                        + describe(tsEnd));
            }
            sample.timestamp(true);
        }
        handler.sample(sample);
    }

    private void comment(int p) {
        p = skipBlanks(p);
        int kwEnd = tokenEnd(p);
        if (isWord(p, kwEnd, "EOF") && skipBlanks(kwEnd) == lineEnd) {
            afterEof = true;
            return;
        }
        boolean help = isWord(p, kwEnd, "HELP");
        boolean type = !help && isWord(p, kwEnd, "TYPE");
        boolean unit = !help && !type && isWord(p, kwEnd, "UNIT");
        if (!(help || type || unit) || kwEnd == lineEnd) {
            return; // an ordinary comment
        }
        String keyword = help ? "HELP" : type ? "TYPE" : "UNIT";
        int nameStart = skipBlanks(kwEnd);
        int nameEnd = metricNameEnd(nameStart);
        if (nameEnd == nameStart) {
            throw error(nameStart, "expected a metric name after \"# " + keyword + "\", found " + describe(nameStart));
        }
        if (nameEnd < lineEnd && !isBlank(buf[nameEnd])) {
            throw error(nameEnd, "invalid character " + describe(nameEnd) + " in metric name after \"# " + keyword + "\"");
        }
        String name = ascii(nameStart, nameEnd);
        int rest = skipBlanks(nameEnd);
        if (help) {
            handler.help(name, unescapeHelp(rest), lineNo);
            return;
        }
        int restEnd = trimEnd(rest);
        if (unit) {
            handler.unit(name, new String(buf, rest, restEnd - rest, StandardCharsets.UTF_8), lineNo);
            return;
        }
        String token = ascii(rest, restEnd);
        if (token.isEmpty()) {
            throw error(rest, "expected a metric type after \"# TYPE " + name + "\"");
        }
        MetricType metricType = MetricType.fromToken(token);
        if (metricType == null) {
            throw error(rest, "unknown metric type \"" + token + "\"");
        }
        handler.type(name, metricType, lineNo);
    }

    private String unescapeHelp(int p) {
        StringBuilder sb = null;
        int runStart = p;
        for (int i = p; i < lineEnd; i++) {
            if (buf[i] == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(new String(buf, runStart, i - runStart, StandardCharsets.UTF_8));
                if (i + 1 >= lineEnd) {
                    throw error(i, "incomplete escape sequence at end of HELP text");
                }
                byte e = buf[++i];
                if (e == 'n') {
                    sb.append('\n');
                } else if (e == '\\' || e == '"' && !promtool) {
                    sb.append((char) e);
                } else {
                    throw error(i - 1, "invalid escape sequence '\\" + (char) (e & 0xff) + "' in HELP text (expected "
                            + (promtool ? "\\\\ or \\n)" : "\\\\, \\n or \\\")"));
                }
                runStart = i + 1;
            }
        }
        String tail = new String(buf, runStart, lineEnd - runStart, StandardCharsets.UTF_8);
        return sb == null ? tail : sb.append(tail).toString();
    }

    private void sampleLine(int p) {
        int nameEnd = metricNameEnd(p);
        if (nameEnd == p) {
            throw error(p, "expected a metric name or '#', found " + describe(p));
        }
        NameSlot slot = slots[0];
        sample.start(slot.intern(buf, p, nameEnd), slot.hash, lineNo);
        int afterName = skipBlanks(nameEnd);
        p = afterName < lineEnd && buf[afterName] == '{' ? labels(afterName + 1, sample) : nameEnd;
        int valueStart = skipBlanks(p);
        if (valueStart == p && p < lineEnd) {
            throw error(p, "expected a space before the sample value, found " + describe(p));
        }
        if (valueStart == lineEnd) {
            throw error(valueStart, "expected a sample value after \"" + sample.name() + "\"");
        }
        int valueEnd = tokenEnd(valueStart);
        sample.value(parseFloat(valueStart, valueEnd, "sample value"));
        p = skipBlanks(valueEnd);
        if (p < lineEnd && buf[p] != '#') {
            int tsEnd = tokenEnd(p);
            parseFloat(p, tsEnd, "timestamp");
            sample.timestamp(true);
            p = skipBlanks(tsEnd);
        }
        if (p < lineEnd) {
            if (buf[p] != '#') {
                throw error(p, "unexpected text after the timestamp: " + describe(p));
            }
            exemplarAt(p + 1);
        }
        handler.sample(sample);
    }

    private void exemplarAt(int p) {
        p = skipBlanks(p);
        if (p >= lineEnd || buf[p] != '{') {
            throw error(p, "expected '{' to start an exemplar after '#', found " + describe(p));
        }
        exemplar.start(sample.name(), 0, lineNo);
        p = skipBlanks(labels(p + 1, exemplar));
        if (p == lineEnd) {
            throw error(p, "expected an exemplar value");
        }
        int valueEnd = tokenEnd(p);
        parseFloat(p, valueEnd, "exemplar value");
        p = skipBlanks(valueEnd);
        if (p < lineEnd) {
            int tsEnd = tokenEnd(p);
            parseFloat(p, tsEnd, "exemplar timestamp");
            p = skipBlanks(tsEnd);
            if (p < lineEnd) {
                throw error(p, "unexpected text after the exemplar: " + describe(p));
            }
        }
    }

    /** Parses labels after '{' into {@code target}; returns the position after '}'. */
    private int labels(int p, Sample target) {
        while (true) {
            p = skipBlanks(p);
            if (p >= lineEnd) {
                throw error(p, "unexpected end of line in label set, expected '}'");
            }
            if (buf[p] == '}') {
                return p + 1;
            }
            int nameEnd = labelNameEnd(p);
            if (nameEnd == p) {
                throw error(p, "expected a label name, found " + describe(p));
            }
            NameSlot slot = slot(target == sample ? target.labelCount() + 1 : 0);
            String labelName = slot == null ? ascii(p, nameEnd) : slot.intern(buf, p, nameEnd);
            if (labelName.equals("__name__")) {
                throw error(p, "label name \"__name__\" is reserved");
            }
            long labelHash = slot == null ? Hash64.string(labelName) : slot.hash;
            if (target.hasLabel(labelName)) {
                if (!promtool) {
                    throw error(p, "duplicate label name \"" + labelName + "\"");
                }
                target.markDuplicateLabel(); // expfmt allows a repeated le or quantile: the analyzer knows the type
            }
            target.addLabelName(labelName, labelHash);
            p = skipBlanks(nameEnd);
            if (p >= lineEnd || buf[p] != '=') {
                throw error(p, "expected '=' after label name \"" + labelName + "\", found " + describe(p));
            }
            p = skipBlanks(p + 1);
            if (p >= lineEnd || buf[p] != '"') {
                throw error(p, "expected '\"' to start the value of label \"" + labelName + "\", found " + describe(p));
            }
            p = skipBlanks(labelValue(p + 1, target, labelName));
            if (p < lineEnd && buf[p] == ',') {
                p++;
            } else if (p >= lineEnd || buf[p] != '}') {
                throw error(p, "expected ',' or '}' after the value of label \"" + labelName + "\", found " + describe(p));
            }
        }
    }

    private int labelValue(int p, Sample target, String labelName) {
        byte[] b = buf;
        boolean nonAscii = false;
        int runStart = p;
        while (true) {
            if (p >= lineEnd) {
                throw error(p, "unterminated value of label \"" + labelName + "\", expected a closing '\"'");
            }
            byte c = b[p];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                target.appendValueBytes(b, runStart, p);
                if (p + 1 >= lineEnd) {
                    throw error(p, "incomplete escape sequence in value of label \"" + labelName + "\"");
                }
                byte e = b[p + 1];
                if (e == 'n') {
                    target.appendValueByte((byte) '\n');
                } else if (e == '\\' || e == '"') {
                    target.appendValueByte(e);
                } else {
                    throw error(p, "invalid escape sequence '\\" + (char) (e & 0xff)
                            + "' in value of label \"" + labelName + "\" (expected \\\\, \\n or \\\")");
                }
                p += 2;
                runStart = p;
                continue;
            }
            if (c < 0) {
                nonAscii = true;
            }
            p++;
        }
        target.appendValueBytes(b, runStart, p);
        int start = target.finishLabelValue();
        if (nonAscii && !Utf8.isValid(target.valueBuffer(), start, target.valueBufferLength())) {
            throw error(p, "value of label \"" + labelName + "\" is not valid UTF-8");
        }
        return p + 1;
    }

    private double parseFloat(int from, int to, String what) {
        try {
            return promtool ? Floats.parseInRange(buf, from, to) : Floats.parse(buf, from, to);
        } catch (NumberFormatException e) {
            throw error(from, "expected a float as " + what + ", found \"" + printable(from, to) + "\"");
        }
    }

    private NameSlot slot(int i) {
        if (i >= 64) {
            return null;
        }
        if (i >= slots.length) {
            int old = slots.length;
            slots = Arrays.copyOf(slots, Math.max(i + 1, old * 2));
            for (int j = old; j < slots.length; j++) {
                slots[j] = new NameSlot();
            }
        }
        return slots[i];
    }

    private int metricNameEnd(int p) {
        if (p >= lineEnd || !isNameStart(buf[p]) && buf[p] != ':') {
            return p;
        }
        int i = p + 1;
        while (i < lineEnd && (isNameChar(buf[i]) || buf[i] == ':')) {
            i++;
        }
        return i;
    }

    private int labelNameEnd(int p) {
        if (p >= lineEnd || !isNameStart(buf[p])) {
            return p;
        }
        int i = p + 1;
        while (i < lineEnd && isNameChar(buf[i])) {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNameChar(byte c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    private int skipBlanks(int p) {
        while (p < lineEnd && isBlank(buf[p])) {
            p++;
        }
        return p;
    }

    private int tokenEnd(int p) {
        while (p < lineEnd && !isBlank(buf[p])) {
            p++;
        }
        return p;
    }

    private int trimEnd(int from) {
        int e = lineEnd;
        while (e > from && isBlank(buf[e - 1])) {
            e--;
        }
        return e;
    }

    private boolean isWord(int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (buf[from + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String ascii(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private String describe(int p) {
        if (p >= lineEnd) {
            return "end of line";
        }
        int c = buf[p] & 0xff;
        return c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
    }

    private String printable(int from, int to) {
        int end = Math.min(to, from + 40);
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < end; i++) {
            int c = buf[i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return end < to ? sb.append("...").toString() : sb.toString();
    }

    private ParseException error(int p, String message) {
        return new ParseException(lineNo, p - lineStart + 1, message);
    }

    /** Caches the last name read at one position to avoid a String per line. */
    private static final class NameSlot {
        private byte[] bytes = new byte[64];
        private int length = -1;
        private String value;
        private long hash;

        String intern(byte[] b, int from, int to) {
            int n = to - from;
            if (n == length && holds(b, from, n)) {
                return value;
            }
            if (bytes.length < n) {
                bytes = new byte[Math.max(n, bytes.length * 2)];
            }
            System.arraycopy(b, from, bytes, 0, n);
            length = n;
            value = new String(b, from, n, StandardCharsets.ISO_8859_1);
            hash = Hash64.string(value);
            return value;
        }

        /**
         * Whether the cached name is {@code b[from, from + n)}, compared from its end, where names of one family
         * differ. A plain loop: a name is a few dozen bytes, and much of a run is interpreted, where
         * {@code Arrays.equals} costs several calls per word.
         */
        private boolean holds(byte[] b, int from, int n) {
            byte[] own = bytes;
            for (int i = n - 1; i >= 0; i--) {
                if (own[i] != b[from + i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
