package io.dwprom.demo.core;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Timer;
import io.dwprom.registry.LabelledRegistryCounter;
import io.dwprom.registry.RegistryCounter;
import io.dwprom.registry.RegistryFamilies;

import java.time.Duration;
import java.util.List;

/**
 * The LLM research API's own families. They live in Dropwizard's {@code MetricRegistry} under {@value #PREFIX}
 * (so the admin JSON {@code /metrics} and any Dropwizard reporter show them) and are exported by the bundle's
 * {@link RegistryFamilies} under these Prometheus names:
 *
 * <table>
 * <caption>Families</caption>
 * <tr><th>Prometheus name</th><th>type</th><th>labels</th><th>Dropwizard name</th></tr>
 * <tr><td>experiments_created_total</td><td>counter</td><td>-</td><td>business.experiments.created</td></tr>
 * <tr><td>experiments_completed_total</td><td>counter</td><td>status</td><td>business.experiments.completed.STATUS</td></tr>
 * <tr><td>experiment_runs_total</td><td>counter</td><td>status</td><td>business.experiments.runs.STATUS</td></tr>
 * <tr><td>experiment_duration_seconds</td><td>histogram</td><td>-</td><td>business.experiments.duration (timer)</td></tr>
 * <tr><td>evaluations_processed_total</td><td>counter</td><td>-</td><td>business.evaluations.processed</td></tr>
 * <tr><td>models_registered_total</td><td>counter</td><td>-</td><td>business.models.registered</td></tr>
 * <tr><td>datasets_uploaded_total</td><td>counter</td><td>-</td><td>business.datasets.uploaded</td></tr>
 * <tr><td>dataset_upload_size_bytes</td><td>histogram</td><td>-</td><td>business.datasets.upload-size</td></tr>
 * </table>
 *
 * A {@code status} label keeps at most {@code maxStatusValues} distinct values; later ones count as {@code other}.
 * The buckets and the bound come from the demo's {@code business} configuration section.
 */
public final class BusinessMetrics {

    /** Dotted prefix of every business metric in the Dropwizard registry. */
    public static final String PREFIX = "business.";

    private final RegistryCounter experimentsCreated;
    private final LabelledRegistryCounter experimentsCompleted;
    private final LabelledRegistryCounter experimentRuns;
    private final Timer experimentDuration;
    private final RegistryCounter evaluationsProcessed;
    private final RegistryCounter modelsRegistered;
    private final RegistryCounter datasetsUploaded;
    private final Histogram datasetUploadSize;

    /** Defines the families in {@code families}; call once per application. */
    public BusinessMetrics(RegistryFamilies families, List<Double> experimentBuckets, List<Double> datasetBuckets,
                           int maxStatusValues) {
        experimentsCreated = families.counter("experiments_created_total", "Experiments created.",
                PREFIX + "experiments.created");
        experimentsCompleted = families.counter("experiments_completed_total",
                "Experiments completed, by final status.", PREFIX + "experiments.completed", "status",
                maxStatusValues);
        experimentRuns = families.counter("experiment_runs_total", "Experiment runs, by status.",
                PREFIX + "experiments.runs", "status", maxStatusValues);
        experimentDuration = families.timer("experiment_duration_seconds", "Experiment execution time.",
                PREFIX + "experiments.duration", experimentBuckets);
        evaluationsProcessed = families.counter("evaluations_processed_total", "Evaluations processed.",
                PREFIX + "evaluations.processed");
        modelsRegistered = families.counter("models_registered_total", "Models registered.",
                PREFIX + "models.registered");
        datasetsUploaded = families.counter("datasets_uploaded_total", "Datasets uploaded.",
                PREFIX + "datasets.uploaded");
        datasetUploadSize = families.histogram("dataset_upload_size_bytes", "Size of uploaded datasets.",
                PREFIX + "datasets.upload-size", datasetBuckets);
    }

    public void experimentCreated() {
        experimentsCreated.inc();
    }

    public void experimentCompleted(String status) {
        experimentsCompleted.inc(status);
    }

    public void experimentRun(String status) {
        experimentRuns.inc(status);
    }

    public void experimentDuration(Duration duration) {
        experimentDuration.update(duration);
    }

    public void evaluationProcessed() {
        evaluationsProcessed.inc();
    }

    public void modelRegistered() {
        modelsRegistered.inc();
    }

    /** Counts an upload and observes its size. */
    public void datasetUploaded(long sizeBytes) {
        datasetsUploaded.inc();
        datasetUploadSize.update(sizeBytes);
    }
}
