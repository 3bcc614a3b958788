package io.dwprom.benchmarks;

import io.dwprom.internal.Recorders;
import io.dwprom.internal.http.BenchRequests;
import io.dwprom.metrics.Labels;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Gauge;
import io.prometheus.client.exporter.common.TextFormat;
import org.openjdk.jol.info.GraphLayout;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Goal 3, memory: the retained heap per series, measured, not guessed. For each shape it creates {@code n} label
 * sets and reports the growth of the whole object graph reachable from the recorders (JOL {@link GraphLayout}:
 * collectors, children, adders, bucket arrays, the bundle's caches and the label value strings), divided by the
 * growth in rendered sample lines (what Prometheus stores as series) and by label sets. A second figure, heap used
 * after repeated {@code System.gc()} before and after, cross-checks JOL.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.dwprom.benchmarks.SeriesMemory [labelSets]</pre>
 *
 * Label sets are created on one thread, except in the second HTTP shape: the HTTP families keep a row per route
 * and per thread stripe that a thread has written, so that shape writes every route from
 * {@value #WRITER_THREADS} threads in turn, which touches every stripe (the worst case). A simpleclient series
 * written concurrently can likewise grow its {@code DoubleAdder}s by a few hundred bytes of contention cells.
 *
 * <p>Then what native buckets add to a duration series: the same routes, each recorded with the same
 * {@value #NATIVE_OBSERVATIONS} latencies (all 2 ms, or log-normal with a median of 5 ms), into the bundle without
 * and with {@code nativeHistograms.enabled}, at the default {@code maxBuckets} and at a smaller one; the difference
 * per route is the heap of one series' native buckets.
 */
public final class SeriesMemory {

    /** Threads writing each route in the worst-case HTTP shape: well over the stripes of a row. */
    private static final int WRITER_THREADS = 64;

    private static final int NATIVE_OBSERVATIONS = 1_000;

    private SeriesMemory() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        System.out.printf("%-34s %10s %12s %14s %16s %16s%n", "shape", "labelSets", "sampleLines",
                "JOL B/line", "JOL B/labelSet", "heap B/line");

        Recorders http = Fixtures.bundle();
        measure("bundle http (1 route+status)", n, http, http.registry(),
                i -> Fixtures.request(http.http(), "GET", "/route" + i + "/{id}", "200", 100));

        Recorders httpManyThreads = Fixtures.bundle();
        measure("bundle http, " + WRITER_THREADS + " writer threads", n, httpManyThreads,
                httpManyThreads.registry(), i -> fromManyThreads(
                        () -> Fixtures.request(httpManyThreads.http(), "GET", "/route" + i + "/{id}", "200", 100)));

        Recorders counters = Fixtures.bundle();
        measure("bundle helpers counter", n, counters, counters.registry(),
                i -> counters.helpers().incrementCounter("bench_events_total", Labels.of("id", "v" + i)));

        Recorders histograms = Fixtures.bundle();
        measure("bundle helpers histogram", n, histograms, histograms.registry(),
                i -> histograms.helpers().observeHistogram("bench_op_seconds", 0.01, Labels.of("id", "v" + i)));

        Recorders gauges = Fixtures.bundle();
        measure("bundle helpers gauge", n, gauges, gauges.registry(),
                i -> gauges.helpers().setGauge("bench_queue_size", i, Labels.of("id", "v" + i)));

        CollectorRegistry plain = new CollectorRegistry();
        Gauge plainGauge = Gauge.build("plain_queue_size", "h").labelNames("id").register(plain);
        measure("baseline: simpleclient gauge", n, plain, plain, i -> plainGauge.labels("v" + i).set(i));

        System.out.printf("%n%-44s %10s %16s %16s %16s %16s%n", "native buckets of http_request_duration_seconds",
                "routes", "JOL B/route off", "JOL B/route on", "JOL extra B", "heap extra B");
        long[] oneLatency = new long[NATIVE_OBSERVATIONS];
        Arrays.fill(oneLatency, 2_000_000L);
        long[] spread = Fixtures.latencies(NATIVE_OBSERVATIONS);
        int defaultBuckets = Fixtures.defaultNativeSettings().maxBuckets();
        nativeExtra("maxBuckets " + defaultBuckets + ", one latency (2 ms)", n, defaultBuckets, oneLatency);
        nativeExtra("maxBuckets " + defaultBuckets + ", log-normal (median 5 ms)", n, defaultBuckets, spread);
        nativeExtra("maxBuckets 40, log-normal (median 5 ms)", n, 40, spread);
    }

    private static void nativeExtra(String shape, int n, int maxBuckets, long[] latencies) {
        double[] classic = growthPerRoute(Fixtures.bundle(), n, latencies);
        double[] withNative = growthPerRoute(Fixtures.bundleWithNativeHistograms(maxBuckets), n, latencies);
        System.out.printf("%-44s %10d %16.0f %16.0f %16.0f %16.0f%n", shape, n, classic[0], withNative[0],
                withNative[0] - classic[0], withNative[1] - classic[1]);
    }

    /** JOL's and the heap's growth per route of {@code n} routes recorded with {@code latencies}. */
    private static double[] growthPerRoute(Recorders bundle, int n, long[] latencies) {
        IntConsumer route = i -> {
            for (long latency : latencies) {
                BenchRequests.record(bundle.http(), "GET", "/route" + i + "/{id}", "200", latency);
            }
        };
        route.accept(-1);
        long jolBefore = GraphLayout.parseInstance(bundle).totalSize();
        long heapBefore = usedAfterGc();
        for (int i = 0; i < n; i++) {
            route.accept(i);
        }
        long heapAfter = usedAfterGc();
        long jolAfter = GraphLayout.parseInstance(bundle).totalSize();
        return new double[] {(jolAfter - jolBefore) / (double) n, (heapAfter - heapBefore) / (double) n};
    }

    private static void measure(String shape, int n, Object root, CollectorRegistry registry, IntConsumer create)
            throws IOException {
        create.accept(-1); // the family and the bundle's caches exist before the first measured series
        long linesBefore = lines(registry);
        long jolBefore = GraphLayout.parseInstance(root).totalSize();
        long heapBefore = usedAfterGc();
        for (int i = 0; i < n; i++) {
            create.accept(i);
        }
        long heapAfter = usedAfterGc();
        long jolAfter = GraphLayout.parseInstance(root).totalSize();
        long lines = lines(registry) - linesBefore;
        System.out.printf("%-34s %10d %12d %14.0f %16.0f %16.0f%n", shape, n, lines,
                (jolAfter - jolBefore) / (double) lines, (jolAfter - jolBefore) / (double) n,
                (heapAfter - heapBefore) / (double) lines);
    }

    private static void fromManyThreads(Runnable recording) {
        for (int t = 0; t < WRITER_THREADS; t++) {
            Thread writer = new Thread(recording);
            writer.start();
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long lines(CollectorRegistry registry) throws IOException {
        StringWriter text = new StringWriter();
        TextFormat.write004(text, registry.metricFamilySamples());
        return text.toString().lines().filter(line -> !line.startsWith("#")).count();
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
