package io.dwprom.push;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.dwprom.bundle.PushFactory;
import io.dwprom.internal.health.HealthMetrics;
import io.dwprom.internal.push.CommandMetrics;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandPushTest {

    /** One request the fake gateway received. */
    private record Received(String method, String path, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CollectorRegistry registry = new CollectorRegistry();
    private HttpServer gateway;

    @AfterEach
    void stopTheGateway() {
        if (gateway != null) {
            gateway.stop(0);
        }
    }

    @Test
    void aSuccessfulRunPostsTheRegistryAndItsSuccessTimeUnderTheJobAndGroupingKey() throws Exception {
        Counter rows = Counter.build("rows_imported_total", "Rows.").register(registry);
        PushFactory config = config(startGateway(), "", Map.of("instance", "nightly"));
        long before = System.currentTimeMillis() / 1000;

        CommandPush.create("import-dataset", config, registry).run(() -> rows.inc(5));

        assertThat(received).hasSize(1);
        Received push = received.get(0);
        assertThat(push.method()).isEqualTo("POST");
        assertThat(push.path()).isEqualTo("/metrics/job/import-dataset/instance/nightly");
        assertThat(push.body()).contains("rows_imported_total 5.0", "command_succeeded 1.0",
                "# TYPE command_duration_seconds gauge");
        assertThat(push.body()).doesNotContain(CommandMetrics.LAST_FAILURE);
        double lastSuccess = Double.parseDouble(push.body().lines()
                .filter(line -> line.startsWith(CommandMetrics.LAST_SUCCESS + " ")).findFirst().orElseThrow()
                .split(" ")[1]);
        assertThat(lastSuccess).isBetween((double) before, System.currentTimeMillis() / 1000.0 + 1);
    }

    @Test
    void aFailedRunPushesItsFailureTimeButNoSuccessTimeAndRethrowsItsOwnException() throws Exception {
        PushFactory config = config(startGateway(), "imports", Map.of());
        IllegalStateException failure = new IllegalStateException("file not found");

        assertThatThrownBy(() -> CommandPush.create("import-dataset", config, registry).run(() -> {
            throw failure;
        })).isSameAs(failure);

        assertThat(received).singleElement().satisfies(push -> {
            assertThat(push.path()).isEqualTo("/metrics/job/imports");
            assertThat(push.body()).contains("command_succeeded 0.0", CommandMetrics.LAST_FAILURE + " ");
            assertThat(push.body()).doesNotContain(CommandMetrics.LAST_SUCCESS);
        });
    }

    @Test
    void theHealthGaugesAreNotPushed() throws Exception {
        HealthMetrics.register(registry, new com.codahale.metrics.health.HealthCheckRegistry(), null, Runnable::run,
                java.time.Duration.ofSeconds(1), java.time.Duration.ZERO);
        Gauge.build("queue_depth", "Depth.").register(registry).set(3);

        CommandPush.create("import-dataset", config(startGateway(), "", Map.of()), registry).run(() -> { });

        assertThat(received.get(0).body()).contains("queue_depth 3.0").doesNotContain("health_");
    }

    @Test
    void aPushToAGatewayThatIsDownIsLoggedOnceAndNeitherThrowsNorHidesTheCommandsOwnResult() throws Exception {
        PushFactory config = config(closedPort(), "", Map.of());
        CommandPush push = CommandPush.create("import-dataset", config, registry);
        IllegalArgumentException failure = new IllegalArgumentException("bad file");
        Logger logger = (Logger) LoggerFactory.getLogger(CommandPush.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            push.run(() -> { });
            assertThat(log.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).startsWith("Could not push the metrics of import-dataset "
                        + "to the Pushgateway at " + config.getUrl()).contains("Connection refused");
            });
            assertThatThrownBy(() -> push.run(() -> {
                throw failure;
            })).isSameAs(failure);
            assertThat(log.list).hasSize(2);
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void aDisabledPushSendsNothing() throws Exception {
        int port = startGateway();
        PushFactory config = config(port, "", Map.of());
        config.setEnabled(false);
        boolean[] ran = {false};

        CommandPush.create("import-dataset", config, registry).run(() -> ran[0] = true);

        assertThat(ran[0]).isTrue();
        assertThat(received).isEmpty();
    }

    private PushFactory config(int port, String job, Map<String, String> groupingKey) {
        PushFactory config = new PushFactory();
        config.setEnabled(true);
        config.setUrl("http://127.0.0.1:" + port);
        config.setJob(job);
        config.setGroupingKey(groupingKey);
        return config;
    }

    private int startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        gateway.start();
        return gateway.getAddress().getPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
