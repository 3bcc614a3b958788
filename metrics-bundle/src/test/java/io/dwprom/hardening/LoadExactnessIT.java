package io.dwprom.hardening;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.ScrapedMetrics;
import io.dwprom.testapp.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients, a mix of routes, statuses, 404s and excluded paths, and a scraper that never pauses: afterwards
 * every counter equals the requests sent, exactly, and no request failed. Bounded: 8 threads x 400 requests.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LoadExactnessIT {

    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 400;
    private static final RunningApp APP = RunningApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

    /** What each kind of request should be counted as: method, path label, status. */
    private enum Kind {
        ITEM("GET", "/items/{id}", 200), FAILURE("GET", "/fail", 500), MISSING("GET", "NOT_FOUND", 404),
        UPLOAD("POST", "/items", 200), EXCLUDED("GET", null, 200);

        final String method;
        final String path;
        final int status;

        Kind(String method, String path, int status) {
            this.method = method;
            this.path = path;
            this.status = status;
        }
    }

    @Test
    void everyRequestIsCountedExactlyWhileScrapesRunWithoutPause() throws Exception {
        Map<Kind, LongAdder> sent = new ConcurrentHashMap<>();
        for (Kind kind : Kind.values()) {
            sent.put(kind, new LongAdder());
        }
        AtomicInteger unexpected = new AtomicInteger();
        AtomicBoolean clientsDone = new AtomicBoolean();
        LongAdder scrapes = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            Future<?> scraper = pool.submit(() -> {
                while (!clientsDone.get()) {
                    assertThat(APP.scrape(null).statusCode()).isEqualTo(200);
                    scrapes.increment();
                }
            });
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                        Kind kind = Kind.values()[(thread + i) % Kind.values().length];
                        if (send(kind, i) != kind.status) {
                            unexpected.incrementAndGet();
                        }
                        sent.get(kind).increment();
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get(3, TimeUnit.MINUTES);
            }
            clientsDone.set(true);
            scraper.get(1, TimeUnit.MINUTES);
        } finally {
            clientsDone.set(true);
            pool.shutdownNow();
        }

        ScrapedMetrics scrape = new ScrapedMetrics(APP.scrape());
        assertThat(unexpected.get()).as("requests with an unexpected status").isZero();
        for (Kind kind : Kind.values()) {
            if (kind.path != null) {
                assertThat(scrape.value("http_requests_total", "method", kind.method, "path", kind.path,
                        "status", Integer.toString(kind.status))).as(kind.name()).isEqualTo(sent.get(kind).sum());
            }
        }
        long counted = sent.entrySet().stream().filter(e -> e.getKey().path != null)
                .mapToLong(e -> e.getValue().sum()).sum();
        assertThat(scrape.sum("http_requests_total")).isEqualTo(counted);
        assertThat(scrape.value("http_requests_in_flight")).isZero();
        assertThat(scrape.sum("http_request_size_bytes_sum", "path", "/items")).isEqualTo(sent.get(Kind.UPLOAD).sum() * 1000);
        assertThat(scrapes.sum()).isGreaterThan(5);
        System.out.printf("LoadExactnessIT: %d requests sent, %d counted, %d scrapes during the run%n",
                THREADS * REQUESTS_PER_THREAD, counted, scrapes.sum());
    }

    private static int send(Kind kind, int i) {
        return switch (kind) {
            case ITEM -> APP.get("/items/" + i).statusCode();
            case FAILURE -> APP.get("/fail").statusCode();
            case MISSING -> APP.get("/missing/" + i).statusCode();
            case UPLOAD -> APP.send(HttpRequest.newBuilder(APP.appUri("/items"))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1000]))).statusCode();
            case EXCLUDED -> APP.get("/health").statusCode();
        };
    }
}
