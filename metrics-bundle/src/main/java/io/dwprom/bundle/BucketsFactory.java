package io.dwprom.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dwprom.internal.config.IncreasingBounds;
import io.dwprom.internal.core.Buckets;

import java.util.List;

/**
 * Histogram bucket upper bounds: each list non-empty, its bounds finite, positive and strictly increasing; a list
 * that is not fails the start-up naming its key.
 *
 * <table>
 * <caption>Keys under {@code prometheus.buckets}</caption>
 * <tr><th>key</th><th>default</th><th>family</th></tr>
 * <tr><td>httpDurationSeconds</td><td>0.001 ... 10 (12)</td><td>http_request_duration_seconds</td></tr>
 * <tr><td>httpSizeBytes</td><td>100 ... 1e7 (6)</td><td>http_request_size_bytes, http_response_size_bytes</td></tr>
 * <tr><td>dbQueryDurationSeconds</td><td>0.0001 ... 1 (11)</td><td>db_query_duration_seconds</td></tr>
 * </table>
 */
public class BucketsFactory {

    @IncreasingBounds
    private List<Double> httpDurationSeconds = Buckets.HTTP_DURATION_SECONDS;
    @IncreasingBounds
    private List<Double> httpSizeBytes = Buckets.HTTP_SIZE_BYTES;
    @IncreasingBounds
    private List<Double> dbQueryDurationSeconds = Buckets.DB_QUERY_SECONDS;

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
}
