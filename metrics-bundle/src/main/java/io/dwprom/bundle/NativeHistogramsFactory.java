package io.dwprom.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.dropwizard.validation.ValidationMethod;
import io.dwprom.internal.config.WholeNumber;
import io.dwprom.internal.core.NativeHistogramSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Native (exponential-bucket) histograms beside the classic buckets of {@code http_request_duration_seconds} and
 * {@code db_query_duration_seconds}. Only the Prometheus protobuf format carries them: when enabled, the endpoint
 * answers in that format to a scraper that prefers it (Prometheus started with
 * {@code --enable-feature=native-histograms}); the text and OpenMetrics formats stay exactly as without them.
 * Values that are not valid fail the start-up naming their key.
 *
 * <table>
 * <caption>Keys under {@code prometheus.nativeHistograms}</caption>
 * <tr><th>key</th><th>default</th><th>description</th></tr>
 * <tr><td>enabled</td><td>false</td><td>keep native buckets and serve the protobuf format</td></tr>
 * <tr><td>initialSchema</td><td>3</td><td>the resolution a series starts at, from -4 to 8: each bucket is
 * {@code 2^(2^-schema)} times as wide as the one before (3: ~1.09, 8: ~1.0027, 0: 2)</td></tr>
 * <tr><td>maxBuckets</td><td>160</td><td>the most buckets a series keeps, at least 8; when the observed range
 * needs more, the series halves its resolution (lowers its schema by one) until it fits. Bounds each series'
 * memory to about 8 bytes a bucket</td></tr>
 * <tr><td>zeroThreshold</td><td>2^-128</td><td>values at or below it count in the zero bucket; positive and
 * finite</td></tr>
 * </table>
 */
public class NativeHistogramsFactory {

    /** The zero threshold of Prometheus' client libraries: below any duration a clock measures. */
    public static final double DEFAULT_ZERO_THRESHOLD = 0x1p-128;

    private boolean enabled = false;
    @Min(-4)
    @Max(8)
    private int initialSchema = 3;
    @Min(NativeHistogramSettings.MIN_BUCKETS)
    private int maxBuckets = 160;
    private double zeroThreshold = DEFAULT_ZERO_THRESHOLD;

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public int getInitialSchema() {
        return initialSchema;
    }

    @JsonProperty
    @JsonDeserialize(using = WholeNumber.class)
    public void setInitialSchema(int initialSchema) {
        this.initialSchema = initialSchema;
    }

    @JsonProperty
    public int getMaxBuckets() {
        return maxBuckets;
    }

    @JsonProperty
    @JsonDeserialize(using = WholeNumber.class)
    public void setMaxBuckets(int maxBuckets) {
        this.maxBuckets = maxBuckets;
    }

    @JsonProperty
    public double getZeroThreshold() {
        return zeroThreshold;
    }

    @JsonProperty
    public void setZeroThreshold(double zeroThreshold) {
        this.zeroThreshold = zeroThreshold;
    }

    @ValidationMethod(message = "nativeHistograms.zeroThreshold must be a positive finite number")
    public boolean isZeroThresholdPositiveAndFinite() {
        return zeroThreshold > 0 && !Double.isInfinite(zeroThreshold);
    }
}
