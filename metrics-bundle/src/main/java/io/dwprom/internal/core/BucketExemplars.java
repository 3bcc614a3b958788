package io.dwprom.internal.core;

import io.prometheus.client.exemplars.Exemplar;
import io.prometheus.client.exemplars.HistogramExemplarSampler;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The latest exemplar of each bucket of one histogram series, offered by {@link HistogramCells#observe} and
 * rendered on the series' {@code _bucket} samples (only the OpenMetrics format writes them). The slots are shared
 * by all threads, not striped: the sampler replaces a bucket's exemplar at most every few seconds, so they are
 * read on the request path and almost never written.
 */
public final class BucketExemplars {

    private final HistogramExemplarSampler sampler;
    private final AtomicReferenceArray<Exemplar> slots;

    BucketExemplars(HistogramExemplarSampler sampler, int buckets) {
        this.sampler = sampler;
        this.slots = new AtomicReferenceArray<>(buckets);
    }

    /** Lets the sampler replace the exemplar of {@code bucket} by one for {@code value}; a lost race keeps the other. */
    void offer(int bucket, double value, double bucketFrom, double bucketTo) {
        Exemplar previous = slots.get(bucket);
        Exemplar next = sampler.sample(value, bucketFrom, bucketTo, previous);
        if (next != null) {
            slots.compareAndSet(bucket, previous, next);
        }
    }

    /** The exemplar of {@code bucket}, or null. */
    Exemplar get(int bucket) {
        return slots.get(bucket);
    }
}
