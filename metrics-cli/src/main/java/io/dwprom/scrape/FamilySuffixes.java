package io.dwprom.scrape;

import io.dwprom.scrape.parse.Dialect;
import io.dwprom.scrape.parse.MetricType;

import java.util.Map;

/** Which sample-name suffixes attach a sample to an already typed family ({@code _bucket} to a histogram, ...). */
final class FamilySuffixes {
    private static final String[] SUMMARY_SUFFIXES = {"_count", "_sum"};
    private static final String[] HISTOGRAM_SUFFIXES = {"_count", "_sum", "_bucket"};
    private static final String[] COUNTER_SUFFIXES = {"_total", "_created"};
    private static final String[] CREATED_SUFFIX = {"_created"};
    private static final String[] INFO_SUFFIX = {"_info"};
    private static final String[] GAUGE_HISTOGRAM_SUFFIXES = {"_gcount", "_gsum", "_bucket"};

    private FamilySuffixes() {
    }

    /**
     * The suffix that attaches {@code sampleName} to a family already seen, or "" when it starts a family
     * of its own; {@code typeOf} holds the declared types of the families seen.
     */
    static String typedSuffix(String sampleName, Dialect dialect, Map<String, MetricType> typeOf) {
        String s = matching(sampleName, SUMMARY_SUFFIXES, MetricType.SUMMARY, typeOf);
        if (s.isEmpty()) {
            s = matching(sampleName, HISTOGRAM_SUFFIXES, MetricType.HISTOGRAM, typeOf);
        }
        if (s.isEmpty() && dialect.isPromtool3()) {
            s = matching(sampleName, HISTOGRAM_SUFFIXES, MetricType.GAUGE_HISTOGRAM, typeOf);
        }
        if (!s.isEmpty() || dialect != Dialect.OPENMETRICS) {
            return s;
        }
        s = matching(sampleName, COUNTER_SUFFIXES, MetricType.COUNTER, typeOf);
        if (s.isEmpty()) {
            s = matching(sampleName, CREATED_SUFFIX, MetricType.SUMMARY, typeOf);
        }
        if (s.isEmpty()) {
            s = matching(sampleName, CREATED_SUFFIX, MetricType.HISTOGRAM, typeOf);
        }
        if (s.isEmpty()) {
            s = matching(sampleName, INFO_SUFFIX, MetricType.INFO, typeOf);
        }
        if (s.isEmpty()) {
            s = matching(sampleName, GAUGE_HISTOGRAM_SUFFIXES, MetricType.GAUGEHISTOGRAM, typeOf);
        }
        return s;
    }

    private static String matching(String sampleName, String[] suffixes, MetricType type,
                                   Map<String, MetricType> typeOf) {
        for (String suffix : suffixes) {
            if (sampleName.length() > suffix.length() && sampleName.endsWith(suffix)
                    && typeOf.get(sampleName.substring(0, sampleName.length() - suffix.length())) == type) {
                return suffix;
            }
        }
        return "";
    }
}
