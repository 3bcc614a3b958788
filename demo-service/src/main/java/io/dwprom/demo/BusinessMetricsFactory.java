package io.dwprom.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import io.dwprom.demo.core.BusinessMetrics;
import io.dwprom.internal.core.Buckets;
import io.dwprom.registry.RegistryFamilies;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import java.util.List;

/**
 * The {@code business} section: buckets and bounds of the demo's own families ({@link BusinessMetrics}).
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th><th>description</th></tr>
 * <tr><td>experimentDurationSeconds</td><td>1, 5, 10, 30, 60, 300, 600, 1800, 3600</td><td>buckets of
 * {@code experiment_duration_seconds}: 9, 1 s to 1 h</td></tr>
 * <tr><td>datasetUploadSizeBytes</td><td>1 KiB ... 1 GiB, ×10 (7)</td><td>buckets of
 * {@code dataset_upload_size_bytes}</td></tr>
 * <tr><td>maxStatusValues</td><td>50</td><td>distinct {@code status} values of
 * {@code experiments_completed_total} and {@code experiment_runs_total}; later ones count as {@code other}</td></tr>
 * </table>
 *
 * Bucket lists must be positive and strictly increasing.
 */
public class BusinessMetricsFactory {

    /** Experiment duration: 9 buckets from 1 s to 1 h. */
    public static final List<Double> EXPERIMENT_SECONDS =
            List.of(1.0, 5.0, 10.0, 30.0, 60.0, 300.0, 600.0, 1800.0, 3600.0);

    /** Dataset upload size: 7 buckets from 1 KiB to 1 GiB. */
    public static final List<Double> DATASET_SIZE_BYTES =
            List.of(1024.0, 10240.0, 102400.0, 1048576.0, 10485760.0, 104857600.0, 1073741824.0);

    @NotEmpty
    private List<Double> experimentDurationSeconds = EXPERIMENT_SECONDS;
    @NotEmpty
    private List<Double> datasetUploadSizeBytes = DATASET_SIZE_BYTES;
    @Min(1)
    private int maxStatusValues = 50;

    @JsonProperty
    public List<Double> getExperimentDurationSeconds() {
        return experimentDurationSeconds;
    }

    @JsonProperty
    public void setExperimentDurationSeconds(List<Double> experimentDurationSeconds) {
        this.experimentDurationSeconds = experimentDurationSeconds;
    }

    @JsonProperty
    public List<Double> getDatasetUploadSizeBytes() {
        return datasetUploadSizeBytes;
    }

    @JsonProperty
    public void setDatasetUploadSizeBytes(List<Double> datasetUploadSizeBytes) {
        this.datasetUploadSizeBytes = datasetUploadSizeBytes;
    }

    @JsonProperty
    public int getMaxStatusValues() {
        return maxStatusValues;
    }

    @JsonProperty
    public void setMaxStatusValues(int maxStatusValues) {
        this.maxStatusValues = maxStatusValues;
    }

    @ValidationMethod(message = "every bucket list must be positive and strictly increasing")
    public boolean isEveryBucketListIncreasing() {
        return (experimentDurationSeconds == null || Buckets.isPositiveAndIncreasing(experimentDurationSeconds))
                && (datasetUploadSizeBytes == null || Buckets.isPositiveAndIncreasing(datasetUploadSizeBytes));
    }

    /** The demo's families, defined in {@code families}. */
    public BusinessMetrics build(RegistryFamilies families) {
        return new BusinessMetrics(families, experimentDurationSeconds, datasetUploadSizeBytes, maxStatusValues);
    }
}
