package io.dwprom.internal.exposition;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of the bridge's naming: for any mapping rules that build (a rule refused with an
 * {@link IllegalArgumentException} is a configuration error reported at start-up) and any Dropwizard name, with
 * the suffixes and labels the Dropwizard exports add, the sample has a valid Prometheus name and a valid label
 * set: valid names, none reserved, none twice, one value each. Seeds: {@code BridgeSampleBuilderFuzzTestInputs/}.
 */
class BridgeSampleBuilderFuzzTest {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** What simpleclient_dropwizard's DropwizardExports passes: name suffixes and its one label. */
    private static final String[] SUFFIXES = {"", "_total", "_count"};
    private static final List<String> QUANTILE = List.of("quantile");

    @FuzzTest
    void everySampleHasAValidNameAndLabelSet(FuzzedDataProvider data) {
        List<MappingRule> rules = new ArrayList<>();
        for (int n = data.consumeInt(0, 3); n > 0; n--) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (int l = data.consumeInt(0, 2); l > 0; l--) {
                labels.put(data.consumeString(12), data.consumeString(12));
            }
            try {
                rules.add(new MappingRule(data.consumeString(48), data.consumeString(24), labels));
            } catch (IllegalArgumentException refusedAtStartUp) {
                // a configuration error with its message, as MappingRule documents
            }
        }
        BridgeSampleBuilder builder = new BridgeSampleBuilder(rules);
        String suffix = data.pickValue(SUFFIXES);
        boolean quantile = data.consumeBoolean();
        String dropwizardName = data.consumeRemainingAsString();

        Sample sample = builder.createSample(dropwizardName, suffix, quantile ? QUANTILE : List.of(),
                quantile ? List.of("0.99") : List.of(), 1.0);

        String where = "\"" + dropwizardName + "\" under " + rules + ": " + sample;
        check(METRIC_NAME.matcher(sample.name).matches(), "invalid metric name in " + where);
        check(sample.labelNames.size() == sample.labelValues.size(), "label names and values differ in " + where);
        for (String label : sample.labelNames) {
            check(LABEL_NAME.matcher(label).matches() && !label.startsWith("__"), "invalid label name in " + where);
        }
        check(new HashSet<>(sample.labelNames).size() == sample.labelNames.size(), "duplicate label name in " + where);
        check(!sample.labelValues.contains(null), "label without a value in " + where);
    }

    private static void check(boolean holds, String failure) {
        if (!holds) {
            throw new AssertionError(failure);
        }
    }
}
