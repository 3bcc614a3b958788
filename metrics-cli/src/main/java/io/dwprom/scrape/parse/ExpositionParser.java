package io.dwprom.scrape.parse;

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
 * escapes in label values and HELP, {@code NaN}/{@code +Inf}/{@code -Inf}, timestamps, exemplars and quoted (UTF-8)
 * names. In the promtool dialects it accepts what that promtool's text format 0.0.4 parser (expfmt) accepts, and
 * nothing else.
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
    private final boolean promtool3;
    private final boolean utf8Names;
    private final boolean quotedNames;
    private final Sample sample = new Sample();
    private final Sample exemplar = new Sample();
    private NameSlot[] slots = new NameSlot[9];
    /** The bytes of the last name read by {@link #quotableNameEnd}, unquoted and unescaped. */
    private byte[] token = new byte[64];
    private int tokenLength;
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
        this.promtool = dialect.isPromtool();
        this.promtool3 = dialect.isPromtool3();
        this.utf8Names = dialect == Dialect.PROMTOOL_3_UTF8 || dialect == Dialect.OPENMETRICS;
        this.quotedNames = promtool3 || dialect == Dialect.OPENMETRICS;
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
        boolean quoted = quotedNameAt(nameStart, nameEnd);
        if (quoted) {
            nameEnd = quotableNameEnd(nameStart, true);
        }
        if (nameEnd == lineEnd) {
            return;
        }
        if (!isBlank(buf[nameEnd])) {
            throw error(nameEnd, "invalid metric name in comment: " + describe(nameEnd) + " after \"# "
                    + (help ? "HELP" : "TYPE") + " " + printable(nameStart, nameEnd) + "\"");
        }
        String name = quoted ? checkedToken(nameStart, true) : ascii(nameStart, nameEnd);
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
        MetricType metricType = promtool3 ? MetricType.fromPromtool3Token(token) : MetricType.fromPromtoolToken(token);
        if (metricType == null) {
            throw error(rest, "unknown metric type \"" + printable(rest, lineEnd) + "\" (promtool knows counter, gauge,"
                    + " summary, untyped, histogram, gauge_histogram" + (promtool3 ? ", gaugehistogram)" : ")"));
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
        p = skipBlanks(nameAndLabels(p));
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

    /**
     * Reads a sample's metric name and label set from {@code p}: the name before the braces, or (where the dialect
     * reads quoted names) as an element of its own inside them ({@code {"my.metric",a="b"}}). Returns the position
     * after the label set, or after the name when there is none.
     */
    private int nameAndLabels(int p) {
        if (quotedNames && buf[p] == '{') {
            sample.start(null, 0, lineNo);
            int labelsEnd = labels(p + 1, sample);
            if (sample.name() == null) {
                throw error(p, "a label set without a metric name: the name goes before '{', or inside it as an"
                        + " element of its own (as in {\"my.metric\",a=\"b\"})");
            }
            return labelsEnd;
        }
        int nameEnd = metricNameEnd(p);
        if (quotedNameAt(p, nameEnd)) {
            nameEnd = quotableNameEnd(p, true);
            String name = checkedToken(p, true);
            sample.start(name, Hash64.string(name), lineNo);
        } else if (nameEnd == p) {
            throw error(p, "expected a metric name or '#', found " + describe(p));
        } else {
            NameSlot slot = slots[0];
            sample.start(slot.intern(buf, p, nameEnd), slot.hash, lineNo);
        }
        int afterName = skipBlanks(nameEnd);
        return afterName < lineEnd && buf[afterName] == '{' ? labels(afterName + 1, sample) : nameEnd;
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
        boolean quoted = quotedNameAt(nameStart, nameEnd);
        if (quoted) {
            nameEnd = quotableNameEnd(nameStart, true);
        }
        if (nameEnd == nameStart) {
            throw error(nameStart, "expected a metric name after \"# " + keyword + "\", found " + describe(nameStart));
        }
        if (nameEnd < lineEnd && !isBlank(buf[nameEnd])) {
            throw error(nameEnd, "invalid character " + describe(nameEnd) + " in metric name after \"# " + keyword + "\"");
        }
        String name = quoted ? checkedToken(nameStart, true) : ascii(nameStart, nameEnd);
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
                } else if (e == '\\' || e == '"' && (!promtool || promtool3)) {
                    sb.append((char) e);
                } else {
                    throw error(i - 1, "invalid escape sequence '\\" + (char) (e & 0xff) + "' in HELP text (expected "
                            + (promtool && !promtool3 ? "\\\\ or \\n)" : "\\\\, \\n or \\\")"));
                }
                runStart = i + 1;
            }
        }
        String tail = new String(buf, runStart, lineEnd - runStart, StandardCharsets.UTF_8);
        return sb == null ? tail : sb.append(tail).toString();
    }

    private void sampleLine(int p) {
        p = nameAndLabels(p);
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
            boolean quoted = quotedNameAt(p, nameEnd);
            if (quoted) {
                nameEnd = quotableNameEnd(p, false);
                if (tokenLength == 0) {
                    throw error(p, "expected a label name, found an empty quoted name");
                }
            } else if (nameEnd == p) {
                throw error(p, "expected a label name, found " + describe(p));
            }
            if (quotedNames && target.name() == null) {
                int after = skipBlanks(nameEnd);
                if (after >= lineEnd || buf[after] != '=') {
                    p = metricNameInBraces(p, nameEnd, after, quoted, target);
                    continue;
                }
            }
            NameSlot slot = quoted ? null : slot(target == sample ? target.labelCount() + 1 : 0);
            String labelName = quoted ? tokenString() : slot == null ? ascii(p, nameEnd) : slot.intern(buf, p, nameEnd);
            if (labelName.equals("__name__")) {
                throw error(p, "label name \"__name__\" is reserved");
            }
            if (quoted) {
                checkName(labelName, tokenIsUtf8(), p, false);
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

    /**
     * The metric name inside a label set ({@code {"my.metric",a="b"}}, or {@code {name}}): the element at
     * {@code [start, nameEnd)} is not followed by '='. Returns the position after the ',' that follows it, or of the '}'.
     */
    private int metricNameInBraces(int start, int nameEnd, int after, boolean quoted, Sample target) {
        String name = quoted ? tokenString() : ascii(start, nameEnd);
        checkName(name, !quoted || tokenIsUtf8(), start, true);
        if (after >= lineEnd || buf[after] != ',' && buf[after] != '}') {
            throw error(after, "expected ',' or '}' after the metric name " + Names.quoted(name)
                    + " in the label set, found " + describe(after));
        }
        target.name(name, Hash64.string(name));
        return buf[after] == ',' ? after + 1 : after;
    }

    /**
     * Reads a possibly quoted name from {@code p}, as promtool 3.x's parser does: name characters, and any text between
     * double quotes, where {@code \\}, {@code \n} and {@code \"} are escapes (there a quote may open mid-name:
     * {@code a"b.c"} is {@code ab.c}; the name ends after its closing quote). Leaves the unquoted bytes in
     * {@link #token}; returns the position after the name.
     */
    private int quotableNameEnd(int p, boolean metric) {
        tokenLength = 0;
        boolean quoted = false;
        boolean escaped = false;
        int start = p;
        while (true) {
            byte c = buf[p];
            if (escaped) {
                if (c == 'n') {
                    tokenByte((byte) '\n');
                } else if (c == '\\' || c == '"') {
                    tokenByte(c);
                } else {
                    throw error(p - 1, "invalid escape sequence '\\" + printable(p, p + 1) + "' in the quoted name "
                            + printable(start, p + 1) + " (expected \\\\, \\n or \\\")");
                }
                escaped = false;
            } else if (c == '"') {
                quoted = !quoted;
                if (!quoted) {
                    return p + 1;
                }
            } else if (c == '\\') {
                escaped = true;
            } else {
                tokenByte(c);
            }
            p++;
            if (p == lineEnd) {
                if (quoted) {
                    throw error(start, "the quoted " + (metric ? "metric" : "label") + " name " + printable(start, p)
                            + " is not closed before the end of the line");
                }
                return p;
            }
            byte next = buf[p];
            if (!quoted && !(isNameChar(next) || next == '"' || metric && next == ':')) {
                return p;
            }
        }
    }

    /**
     * Whether the name read from {@code start} (its unquoted part ends at {@code nameEnd}) is a quoted name: promtool
     * 3.x lets a quote open anywhere in a name; OpenMetrics only at its start.
     */
    private boolean quotedNameAt(int start, int nameEnd) {
        if (promtool3) {
            return nameEnd < lineEnd && buf[nameEnd] == '"';
        }
        return quotedNames && nameEnd == start && start < lineEnd && buf[start] == '"';
    }

    private void tokenByte(byte b) {
        if (tokenLength == token.length) {
            token = Arrays.copyOf(token, tokenLength * 2);
        }
        token[tokenLength++] = b;
    }

    private boolean tokenIsUtf8() {
        return Utf8.isValid(token, 0, tokenLength);
    }

    private String tokenString() {
        return new String(token, 0, tokenLength, StandardCharsets.UTF_8);
    }

    /** The name in {@link #token} (read from {@code start}), checked as the dialect checks names. */
    private String checkedToken(int start, boolean metric) {
        String name = tokenString();
        checkName(name, tokenIsUtf8(), start, metric);
        return name;
    }

    /**
     * Refuses a name the dialect refuses: promtool 3.x lints with legacy names ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}, no ':'
     * in label names); with UTF-8 names (its {@code --lint=none}, and OpenMetrics) any non-empty UTF-8 name passes.
     */
    private void checkName(String name, boolean validUtf8, int start, boolean metric) {
        boolean valid = utf8Names ? !name.isEmpty() && validUtf8 : Names.isLegacy(name, metric);
        if (!valid) {
            throw error(start, "invalid " + (metric ? "metric" : "label") + " name " + Names.quoted(name)
                    + (utf8Names || name.isEmpty() ? "" : ": promtool 3.x lints with legacy names only (letters, digits, '_'"
                    + (metric ? ", ':'" : "") + ", no leading digit)"));
        }
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
