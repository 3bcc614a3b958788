package io.dwprom.benchmarks;

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
import java.util.concurrent.TimeUnit;

/**
 * One scrape of the bundle with native histograms enabled ({@link ServedScrape#nativeBundle}, {@code series}
 * sample lines in the text format), through its real servlet, in each format a scraper can ask for: {@code text},
 * {@code openmetrics}, {@code protobuf}. Setup prints the bytes of one scrape. {@link ExpositionPairedBenchmark}
 * compares the formats in one JVM, scrape by scrape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ExpositionFormatsBenchmark {

    @Param({"10000"})
    public int series;

    @Param({"text", "openmetrics", "protobuf"})
    public String format;

    private ServedScrape scrape;

    @Setup
    public void setUp() throws Exception {
        scrape = new ServedScrape(ServedScrape.servlet(ServedScrape.nativeBundle(series)), format);
    }

    @Benchmark
    public long scrape() throws IOException, ServletException {
        return scrape.scrape();
    }
}
