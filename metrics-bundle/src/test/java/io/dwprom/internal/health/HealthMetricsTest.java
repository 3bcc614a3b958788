package io.dwprom.internal.health;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import io.dropwizard.health.HealthCheckType;
import io.dropwizard.health.HealthStateAggregator;
import io.dropwizard.health.HealthStateView;
import io.dwprom.testapp.Golden;
import io.dwprom.testapp.ScrapedMetrics;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HealthMetricsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final HealthCheckRegistry checks = new HealthCheckRegistry();
    private final CollectorRegistry collectors = new CollectorRegistry();
    private final ExecutorService threads = HealthCheckThreads.create();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHungChecksAndStopTheThreads() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void eachCheckIsAGaugeOfOneOrZeroAndOneFailingCheckMakesTheOverallStateZero() {
        checks.register("database", new Counting(HealthCheck.Result::healthy));
        checks.register("search-index", new Counting(() -> HealthCheck.Result.unhealthy("index is read-only")));
        register(null, Duration.ofHours(1));

        Golden.assertExpositionMatches(collectors, "health.txt");
    }

    @Test
    void everyCheckHealthyMakesTheOverallStateOne() {
        checks.register("database", new Counting(HealthCheck.Result::healthy));
        register(null, Duration.ofHours(1));

        ScrapedMetrics scrape = scrape();

        assertThat(scrape.value(HealthMetrics.CHECK_HEALTHY, "check", "database")).isEqualTo(1);
        assertThat(scrape.value(HealthMetrics.OVERALL_HEALTHY)).isEqualTo(1);
    }

    @Test
    void aCheckThatThrowsIsUnhealthyAndTheScrapeStillSucceeds() {
        checks.register("cache", new Counting(() -> {
            throw new IllegalStateException("cache client not started");
        }));
        checks.register("queue", new Counting(() -> {
            throw new StackOverflowError();
        }));
        register(null, Duration.ofHours(1));

        ScrapedMetrics scrape = scrape();

        assertThat(scrape.samples(HealthMetrics.CHECK_HEALTHY)).hasSize(2)
                .allSatisfy(sample -> assertThat(sample.value()).isZero());
        assertThat(scrape.value(HealthMetrics.OVERALL_HEALTHY)).isZero();
    }

    @Test
    void aCheckThatHangsIsReportedUnhealthyWhileItIsStillRunningAndRunsOnlyOnceAcrossScrapes() {
        Counting hung = new Counting(() -> {
            release.await();
            return HealthCheck.Result.healthy();
        });
        checks.register("remote-api", hung);
        checks.register("database", new Counting(HealthCheck.Result::healthy));
        register(null, Duration.ZERO);

        ScrapedMetrics first = scrape();
        ScrapedMetrics second = scrape();

        assertThat(release.getCount()).as("the hung check is still blocked").isEqualTo(1);
        for (ScrapedMetrics scrape : List.of(first, second)) {
            assertThat(scrape.value(HealthMetrics.CHECK_HEALTHY, "check", "remote-api")).isZero();
            assertThat(scrape.value(HealthMetrics.CHECK_HEALTHY, "check", "database")).isEqualTo(1);
            assertThat(scrape.value(HealthMetrics.OVERALL_HEALTHY)).isZero();
        }
        assertThat(hung.runs()).as("runs of the hung check").isEqualTo(1);
    }

    @Test
    void aCheckThatAnswersHealthyButLaterThanTheTimeoutIsUnhealthy() throws Exception {
        checks.register("slow", new Counting(() -> {
            Thread.sleep(TIMEOUT.toMillis() * 2);
            return HealthCheck.Result.healthy();
        }));
        register(null, Duration.ofHours(1));

        assertThat(scrape().value(HealthMetrics.CHECK_HEALTHY, "check", "slow")).isZero();
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).as("the late run has recorded its outcome").isTrue();

        assertThat(scrape().value(HealthMetrics.CHECK_HEALTHY, "check", "slow")).isZero();
    }

    @Test
    void aResultIsReusedForTheCacheTimeAndRunAgainWhenTheCacheTimeIsZero() {
        Counting cached = new Counting(HealthCheck.Result::healthy);
        checks.register("cached", cached);
        register(null, Duration.ofHours(1));
        scrape();
        scrape();

        CollectorRegistry uncachedCollectors = new CollectorRegistry();
        HealthCheckRegistry uncachedChecks = new HealthCheckRegistry();
        Counting uncached = new Counting(HealthCheck.Result::healthy);
        uncachedChecks.register("uncached", uncached);
        HealthMetrics.register(uncachedCollectors, uncachedChecks, null, threads, TIMEOUT, Duration.ZERO);
        render(uncachedCollectors);
        render(uncachedCollectors);

        assertThat(cached.runs()).isEqualTo(1);
        assertThat(uncached.runs()).isEqualTo(2);
    }

    @Test
    void scheduledChecksReportDropwizardsStateAndAreNeverRunByAScrape() {
        Counting scheduledDatabase = new Counting(HealthCheck.Result::healthy);
        Counting scheduledOptional = new Counting(HealthCheck.Result::healthy);
        checks.register("database", scheduledDatabase);
        checks.register("recommendations", scheduledOptional);
        checks.register("deadlocks", new Counting(HealthCheck.Result::healthy));
        register(aggregator(new HealthStateView("database", true, HealthCheckType.READY, true),
                new HealthStateView("recommendations", false, HealthCheckType.READY, false)), Duration.ZERO);

        ScrapedMetrics scrape = scrape();

        assertThat(scrape.value(HealthMetrics.CHECK_HEALTHY, "check", "database")).isEqualTo(1);
        assertThat(scrape.value(HealthMetrics.CHECK_HEALTHY, "check", "recommendations")).isZero();
        assertThat(scrape.value(HealthMetrics.CHECK_HEALTHY, "check", "deadlocks")).isEqualTo(1);
        assertThat(scrape.value(HealthMetrics.OVERALL_HEALTHY)).as("a non-critical check does not decide").isEqualTo(1);
        assertThat(scheduledDatabase.runs() + scheduledOptional.runs()).isZero();
    }

    @Test
    void aCriticalScheduledCheckThatFailsMakesTheOverallStateZero() {
        checks.register("database", new Counting(HealthCheck.Result::healthy));
        register(aggregator(new HealthStateView("database", false, HealthCheckType.ALIVE, true)), Duration.ZERO);

        assertThat(scrape().value(HealthMetrics.OVERALL_HEALTHY)).isZero();
    }

    @Test
    void aScrapeThatAsksForOtherFamiliesRunsNoCheck() throws IOException {
        Counting check = new Counting(HealthCheck.Result::healthy);
        checks.register("database", check);
        register(null, Duration.ZERO);

        StringWriter text = new StringWriter();
        TextFormat.write004(text, collectors.filteredMetricFamilySamples(name -> name.startsWith("http_")));

        assertThat(text.toString()).isEmpty();
        assertThat(check.runs()).isZero();
    }

    @Test
    void registeringRunsNoCheck() {
        Counting check = new Counting(HealthCheck.Result::healthy);
        checks.register("database", check);

        register(null, Duration.ZERO);

        assertThat(check.runs()).isZero();
    }

    private void register(HealthStateAggregator scheduler, Duration cacheFor) {
        HealthMetrics.register(collectors, checks, scheduler, threads, TIMEOUT, cacheFor);
    }

    private ScrapedMetrics scrape() {
        return new ScrapedMetrics(render(collectors));
    }

    private static String render(CollectorRegistry registry) {
        StringWriter text = new StringWriter();
        try {
            TextFormat.write004(text, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static HealthStateAggregator aggregator(HealthStateView... views) {
        return new HealthStateAggregator() {
            @Override
            public Collection<HealthStateView> healthStateViews() {
                return List.of(views);
            }

            @Override
            public Optional<HealthStateView> healthStateView(String name) {
                return healthStateViews().stream().filter(view -> view.getName().equals(name)).findFirst();
            }
        };
    }

    @FunctionalInterface
    private interface Body {
        HealthCheck.Result check() throws Exception;
    }

    /** A check that counts how often it ran. */
    private static final class Counting extends HealthCheck {

        private final Body body;
        private final AtomicInteger runs = new AtomicInteger();

        Counting(Body body) {
            this.body = body;
        }

        @Override
        protected Result check() throws Exception {
            runs.incrementAndGet();
            return body.check();
        }

        int runs() {
            return runs.get();
        }
    }
}
