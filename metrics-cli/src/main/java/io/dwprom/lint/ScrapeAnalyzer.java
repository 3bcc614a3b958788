package io.dwprom.lint;

import io.dwprom.scrape.FamilyGrouping;
import io.dwprom.scrape.parse.Dialect;
import io.dwprom.scrape.parse.Exposition;
import io.dwprom.scrape.parse.ExpositionHandler;
import io.dwprom.scrape.parse.Hash64;
import io.dwprom.scrape.parse.MetricType;
import io.dwprom.scrape.parse.ParseException;
import io.dwprom.scrape.parse.Sample;
import io.dwprom.scrape.source.ScrapeReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Streams an {@link Exposition} (text or protobuf) and condenses it into a {@link Scrape}:
 * families, series hashes, label statistics and histogram/summary sanity findings.
 */
public final class ScrapeAnalyzer implements ExpositionHandler {
    private static final Comparator<Family> BY_NAME = new Comparator<>() {
        @Override
        public int compare(Family a, Family b) {
            return a.name().compareTo(b.name());
        }
    };

    /** A class rather than a method reference: linking a lambda costs milliseconds at every start. */
    private static final Sample.ValueInspector<String> UNBOUNDED_SHAPE = new Sample.ValueInspector<>() {
        @Override
        public String inspect(byte[] bytes, int from, int to) {
            return ValueShape.classify(bytes, from, to);
        }
    };

    private final Dialect dialect;
    private final SeriesListener listener;
    private final FamilyGrouping<Family> families;

    private ScrapeAnalyzer(Dialect dialect, SeriesListener listener) {
        this.dialect = dialect;
        this.listener = listener;
        this.families = new FamilyGrouping<>(dialect, new NewFamily());
    }

    /** Parses and analyses {@code in}; throws {@link ParseException} on malformed input. */
    public static Scrape analyze(InputStream in, Dialect dialect) throws IOException {
        return analyze(in, dialect, SeriesListener.NONE);
    }

    /** As {@link #analyze(InputStream, Dialect)}, also telling {@code listener} about each distinct series. */
    public static Scrape analyze(InputStream in, Dialect dialect, SeriesListener listener) throws IOException {
        return analyze(Exposition.text(in), dialect, listener);
    }

    /** As {@link #analyze(InputStream, Dialect, SeriesListener)}, for an exposition in any format. */
    public static Scrape analyze(Exposition exposition, Dialect dialect, SeriesListener listener) throws IOException {
        ScrapeAnalyzer analyzer = new ScrapeAnalyzer(dialect, listener);
        exposition.read(analyzer, dialect);
        return analyzer.result();
    }

    /** The analysis for {@link ScrapeReader#read}: a source read into a {@link Scrape} in {@code dialect}. */
    public static ScrapeReader.Analysis<Scrape> analysis(Dialect dialect) {
        return new SourceAnalysis(dialect, SeriesListener.NONE);
    }

    /** As {@link #analysis(Dialect)}, also telling {@code listener} about each distinct series. */
    public static ScrapeReader.Analysis<Scrape> analysis(Dialect dialect, SeriesListener listener) {
        return new SourceAnalysis(dialect, listener);
    }

    private Scrape result() {
        List<Family> withSamples = new ArrayList<>();
        for (Family f : families.families()) {
            if (f.samples() > 0) {
                f.finish();
                withSamples.add(f);
            }
        }
        withSamples.sort(BY_NAME);
        return new Scrape(withSamples);
    }

    @Override
    public void help(String family, String text, long line) {
        Family f = families.metadata(family);
        if (text.isEmpty()) {
            return;
        }
        if (f.hasHelp()) {
            throw new ParseException(line, 0, "second HELP line for metric name \"" + family + "\"");
        }
        f.help(text);
    }

    @Override
    public void type(String family, MetricType type, long line) {
        Family f = families.type(family, type);
        if (f.typeDeclared() || f.samples() > 0) {
            throw new ParseException(line, 0, "second TYPE line for metric name \"" + family + "\", or TYPE reported after samples");
        }
        f.declareType(type);
    }

    @Override
    public void declare(String family, long line) {
        families.metadata(family);
    }

    @Override
    public void unit(String family, String unit, long line) {
        families.metadata(family).unit(unit);
    }

    @Override
    public void sample(Sample s) {
        sample(s, false);
    }

    /** A native histogram is one series of its family, with none of the classic buckets' checks. */
    @Override
    public void nativeHistogram(Sample s) {
        sample(s, true);
    }

    private void sample(Sample s, boolean nativeHistogram) {
        Family f = families.sample(s.name());
        String suffix = families.suffix();
        if (suffix.equals("_total")) {
            f.markTotalSuffix();
        }
        f.countSample();
        MetricType type = f.type();
        boolean bucketed = type.isHistogram() || type == MetricType.GAUGE_HISTOGRAM && dialect.isPromtool3();
        String special = nativeHistogram ? null : bucketed ? "le"
                : type == MetricType.SUMMARY ? "quantile" : null;
        if (dialect.isPromtool()) {
            checkAsPromtool(f, s, special);
        }
        long labelsHash = 0;
        long orderedLabels = 0;
        long signature = 0;
        int specialIndex = -1;
        int n = s.labelCount();
        for (int i = 0; i < n; i++) {
            String labelName = s.labelName(i);
            long pair = Hash64.pair(s.labelNameHash(i), s.labelValueHash(i));
            labelsHash += pair;
            orderedLabels = Hash64.mix(orderedLabels + pair);
            boolean isSpecial = labelName.equals(special);
            if (isSpecial) {
                specialIndex = i;
            } else {
                signature += pair;
            }
            LabelStats stats = f.label(i, labelName);
            if (stats.addValue(s.labelValueHash(i)) && !isSpecial && stats.unboundedKind() == null) {
                String kind = s.inspectLabelValue(i, UNBOUNDED_SHAPE);
                if (kind != null) {
                    stats.markUnbounded(kind, s.labelValue(i));
                }
            }
        }
        if (f.addSeries(Hash64.series(s.nameHash(), labelsHash))) {
            listener.series(f.name(), s);
        } else {
            f.duplicate(s.seriesText() + " (line " + s.line() + ")");
        }
        if (special == null && dialect.isPromtool3()) {
            f.promtoolLabelList(orderedLabels);
        }
        boolean newSignature = special == null || f.addSignature(signature);
        if (newSignature) {
            for (int i = 0; i < n; i++) {
                if (i != specialIndex) {
                    f.label(i, s.labelName(i)).countPromtoolMetric();
                }
            }
        }
        if (special != null) {
            if (bucketed && dialect.isPromtool3()) {
                checkHistogramCountsAsPromtool3(f, s, suffix, specialIndex);
            }
            if (f.promtoolMetric(signature, newSignature) && specialIndex >= 0 && !"_count".equals(suffix)
                    && !"_sum".equals(suffix) && !Double.isNaN(s.labelValueAsDouble(specialIndex, Double.NaN))) {
                f.countFirstMetricPoint();
            }
            checkSanity(f, s, suffix, specialIndex, signature);
        }
    }

    /**
     * What promtool's parser refuses once it knows the family's type: a label name twice (a histogram's {@code le}
     * or a summary's {@code quantile} may repeat: it keeps the last), and an {@code le}/{@code quantile} value that
     * is not a float.
     */
    private static void checkAsPromtool(Family f, Sample s, String special) {
        int n = s.labelCount();
        for (int i = 0; i < n; i++) {
            String name = s.labelName(i);
            if (name.equals(special)) {
                if (!s.labelValueIsFloatInRange(i)) {
                    throw new ParseException(s.line(), 0, "expected a float as the value of label \"" + special + "\" of "
                            + f.type().token() + " \"" + f.name() + "\", found \"" + s.escapedLabelValue(i) + "\"");
                }
            } else if (s.hasDuplicateLabels()) {
                for (int j = i + 1; j < n; j++) {
                    if (name.equals(s.labelName(j))) {
                        throw new ParseException(s.line(), 0, "duplicate label name \"" + name + "\"");
                    }
                }
            }
        }
    }

    /**
     * promtool 3.x's parser refuses a negative {@code _count} of a histogram or gauge histogram, and a negative bucket
     * (a sample with a numeric {@code le}, other than {@code _sum}); it reads any other count, fractional ones too.
     */
    private static void checkHistogramCountsAsPromtool3(Family f, Sample s, String suffix, int leIndex) {
        if (!(s.value() < 0) || suffix.equals("_sum")) {
            return;
        }
        if (suffix.equals("_count")) {
            throw new ParseException(s.line(), 0, "negative count " + s.value() + " for histogram \"" + f.name() + "\"");
        }
        if (leIndex >= 0 && !Double.isNaN(s.labelValueAsDouble(leIndex, Double.NaN))) {
            throw new ParseException(s.line(), 0, "negative bucket population " + s.value() + " for histogram \""
                    + f.name() + "\"");
        }
    }

    private void checkSanity(Family f, Sample s, String suffix, int specialIndex, long signature) {
        if (f.type() == MetricType.SUMMARY) {
            if (suffix.isEmpty()) {
                double q = specialIndex < 0 ? Double.NaN : s.labelValueAsDouble(specialIndex, Double.NaN);
                if (!(q >= 0 && q <= 1)) {
                    f.sanityProblem("summary sample " + s.seriesText() + " (line " + s.line()
                            + ") needs a \"quantile\" label between 0 and 1");
                }
            }
            return;
        }
        BucketSeries series = f.bucketSeries(signature, s.line());
        if (suffix.equals("_bucket")) {
            double le = specialIndex < 0 ? Double.NaN : s.labelValueAsDouble(specialIndex, Double.NaN);
            if (Double.isNaN(le)) {
                f.sanityProblem("bucket " + s.seriesText() + " (line " + s.line() + ") needs a numeric \"le\" label");
            } else {
                String problem = series.bucket(le, s.value());
                if (problem != null) {
                    f.sanityProblem(problem + " in " + s.seriesText() + " (line " + s.line() + ")");
                }
            }
        } else if (suffix.equals("_count") || suffix.equals("_gcount")) {
            series.count(s.value());
        }
    }

    /** A named class rather than a lambda, which would bootstrap invokedynamic at start. */
    private static final class SourceAnalysis implements ScrapeReader.Analysis<Scrape> {
        private final Dialect dialect;
        private final SeriesListener listener;

        SourceAnalysis(Dialect dialect, SeriesListener listener) {
            this.dialect = dialect;
            this.listener = listener;
        }

        @Override
        public Scrape analyze(Exposition exposition) throws IOException {
            return ScrapeAnalyzer.analyze(exposition, dialect, listener);
        }
    }

    /** Makes the analysis' family of a name; a class rather than a lambda, as above. */
    private static final class NewFamily implements Function<String, Family> {
        @Override
        public Family apply(String name) {
            return new Family(name);
        }
    }
}
