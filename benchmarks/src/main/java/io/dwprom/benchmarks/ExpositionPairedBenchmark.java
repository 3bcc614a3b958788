package io.dwprom.benchmarks;

import io.dwprom.internal.exposition.PrometheusServlet;
import jakarta.servlet.ServletException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * A scrape in {@code format} against a text 0.0.4 scrape of the same registry ({@link ServedScrape#nativeBundle},
 * {@code series} sample lines, native histograms enabled), alternated scrape by scrape in one JVM and timed in the
 * thread's CPU time ({@link PairedNanos#measure}: {@code off} is the text scrape, {@code dwprom} the other format),
 * so that the ratio holds while other processes change the machine's speed. {@code format=text} is the A/A check.
 * {@code benchmarks/scripts/paired_summary.py} reads the counters. Run with {@code -t 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class ExpositionPairedBenchmark {

    @Param({"10000"})
    public int series;

    @Param({"protobuf", "openmetrics", "text"})
    public String format;

    private Runnable text;
    private Runnable other;

    @Setup
    public void setUp() throws Exception {
        PrometheusServlet servlet = ServedScrape.servlet(ServedScrape.nativeBundle(series));
        text = scrapes(new ServedScrape(servlet, "text"));
        other = scrapes(new ServedScrape(servlet, format));
    }

    private static Runnable scrapes(ServedScrape scrape) {
        return () -> {
            try {
                scrape.scrape();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ServletException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Benchmark
    public void scrapePair(PairedNanos nanos) {
        nanos.measure(text, other, 1);
    }
}
