package io.dwprom.business;

import com.codahale.metrics.Clock;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.prometheus.client.Collector;

import java.time.Duration;
import java.util.List;

/**
 * The LLM research domain's meters. They live in Dropwizard's {@link MetricRegistry} under {@value #PREFIX}
 * (so the admin JSON {@code /metrics} and any Dropwizard reporter show them) and are exported to Prometheus by
 * {@link #exports()} under the specification's names:
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
 */
public final class BusinessMetrics {

    /** Dotted prefix of every business metric in the Dropwizard registry. */
    public static final String PREFIX = "business.";

    private final RegistryCounter experimentsCreated;
    private final RegistryCounter experimentsCompleted;
    private final RegistryCounter experimentRuns;
    private final Timer experimentDuration;
    private final RegistryCounter evaluationsProcessed;
    private final RegistryCounter modelsRegistered;
    private final RegistryCounter datasetsUploaded;
    private final Histogram datasetUploadSize;
    private final Collector exports;

    public BusinessMetrics(MetricRegistry registry, List<Double> experimentBuckets, List<Double> datasetBuckets,
                           int maxStatusValues) {
        experimentsCreated = RegistryCounter.unlabelled(registry, "experiments_created",
                "Experiments created.", PREFIX + "experiments.created");
        experimentsCompleted = RegistryCounter.labelled(registry, "experiments_completed",
                "Experiments completed, by final status.", PREFIX + "experiments.completed", "status",
                maxStatusValues);
        experimentRuns = RegistryCounter.labelled(registry, "experiment_runs",
                "Experiment runs, by status.", PREFIX + "experiments.runs", "status", maxStatusValues);
        evaluationsProcessed = RegistryCounter.unlabelled(registry, "evaluations_processed",
                "Evaluations processed.", PREFIX + "evaluations.processed");
        modelsRegistered = RegistryCounter.unlabelled(registry, "models_registered",
                "Models registered.", PREFIX + "models.registered");
        datasetsUploaded = RegistryCounter.unlabelled(registry, "datasets_uploaded",
                "Datasets uploaded.", PREFIX + "datasets.uploaded");

        BucketedReservoir durationReservoir = new BucketedReservoir(experimentBuckets, 1e-9);
        experimentDuration = registry.register(PREFIX + "experiments.duration",
                new Timer(new Meter(), new Histogram(durationReservoir), Clock.defaultClock()));
        BucketedReservoir sizeReservoir = new BucketedReservoir(datasetBuckets, 1);
        datasetUploadSize = registry.register(PREFIX + "datasets.upload-size", new Histogram(sizeReservoir));

        exports = new RegistryFamilyCollector(List.of(experimentsCreated, experimentsCompleted, experimentRuns,
                new RegistryHistogram("experiment_duration_seconds", "Experiment execution time.", durationReservoir),
                evaluationsProcessed, modelsRegistered, datasetsUploaded,
                new RegistryHistogram("dataset_upload_size_bytes", "Size of uploaded datasets.", sizeReservoir)));
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

    /** The Prometheus collector of these families, read from the Dropwizard metrics at every scrape. */
    public Collector exports() {
        return exports;
    }
}
