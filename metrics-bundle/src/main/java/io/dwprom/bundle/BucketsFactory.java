package io.dwprom.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import io.dwprom.core.Buckets;
import jakarta.validation.constraints.NotEmpty;

import java.util.List;
import java.util.Map;

/**
 * Histogram bucket upper bounds, each list strictly increasing and positive.
 *
 * <table>
 * <caption>Keys under {@code prometheus.buckets}</caption>
 * <tr><th>key</th><th>default</th><th>family</th></tr>
 * <tr><td>httpDurationSeconds</td><td>0.001 ... 10 (12)</td><td>http_request_duration_seconds</td></tr>
 * <tr><td>httpSizeBytes</td><td>100 ... 1e7 (6)</td><td>http_request_size_bytes, http_response_size_bytes</td></tr>
 * <tr><td>dbQueryDurationSeconds</td><td>0.0001 ... 1 (11)</td><td>db_query_duration_seconds</td></tr>
 * <tr><td>experimentDurationSeconds</td><td>1 ... 3600 (9)</td><td>experiment_duration_seconds</td></tr>
 * <tr><td>datasetUploadSizeBytes</td><td>1024 ... 1073741824 (7)</td><td>dataset_upload_size_bytes</td></tr>
 * </table>
 */
public class BucketsFactory {

    @NotEmpty
    private List<Double> httpDurationSeconds = Buckets.HTTP_DURATION_SECONDS;
    @NotEmpty
    private List<Double> httpSizeBytes = Buckets.HTTP_SIZE_BYTES;
    @NotEmpty
    private List<Double> dbQueryDurationSeconds = Buckets.DB_QUERY_SECONDS;
    @NotEmpty
    private List<Double> experimentDurationSeconds = Buckets.EXPERIMENT_SECONDS;
    @NotEmpty
    private List<Double> datasetUploadSizeBytes = Buckets.DATASET_SIZE_BYTES;

    @JsonProperty
    public List<Double> getHttpDurationSeconds() {
        return httpDurationSeconds;
    }

    @JsonProperty
    public void setHttpDurationSeconds(List<Double> httpDurationSeconds) {
        this.httpDurationSeconds = httpDurationSeconds;
    }

    @JsonProperty
    public List<Double> getHttpSizeBytes() {
        return httpSizeBytes;
    }

    @JsonProperty
    public void setHttpSizeBytes(List<Double> httpSizeBytes) {
        this.httpSizeBytes = httpSizeBytes;
    }

    @JsonProperty
    public List<Double> getDbQueryDurationSeconds() {
        return dbQueryDurationSeconds;
    }

    @JsonProperty
    public void setDbQueryDurationSeconds(List<Double> dbQueryDurationSeconds) {
        this.dbQueryDurationSeconds = dbQueryDurationSeconds;
    }

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

    @ValidationMethod(message = "every bucket list must be positive and strictly increasing")
    public boolean isEveryBucketListIncreasing() {
        return Map.of("httpDurationSeconds", httpDurationSeconds, "httpSizeBytes", httpSizeBytes,
                        "dbQueryDurationSeconds", dbQueryDurationSeconds,
                        "experimentDurationSeconds", experimentDurationSeconds,
                        "datasetUploadSizeBytes", datasetUploadSizeBytes)
                .values().stream().allMatch(BucketsFactory::isPositiveAndIncreasing);
    }

    private static boolean isPositiveAndIncreasing(List<Double> bounds) {
        if (bounds == null || bounds.isEmpty()) {
            return true; // reported by @NotEmpty
        }
        for (int i = 0; i < bounds.size(); i++) {
            Double bound = bounds.get(i);
            if (bound == null || !(bound > 0) || bound.isInfinite() || (i > 0 && !(bound > bounds.get(i - 1)))) {
                return false;
            }
        }
        return true;
    }
}
