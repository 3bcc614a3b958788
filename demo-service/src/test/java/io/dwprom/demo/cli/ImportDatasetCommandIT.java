package io.dwprom.demo.cli;

import io.dwprom.demo.DemoApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged demo's {@code import-dataset} command against a real Pushgateway (Debian's
 * {@code prometheus-pushgateway}, started here on a free loopback port): after the command the gateway serves its
 * metrics; a failed run keeps the last success time; with the gateway down the command still succeeds and says
 * so once. Skips where the Pushgateway is not installed; CI installs it.
 */
class ImportDatasetCommandIT {

    private static final Path PUSHGATEWAY = Path.of("/usr/bin/prometheus-pushgateway");
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String JOB = "{instance=\"\",job=\"import-dataset\"}";

    private static Path work;
    private static Path jar;
    private static Path config;
    private static Process gateway;
    private static int gatewayPort;

    /** How a run of the command ended. */
    private record Run(int exitCode, String output) {
    }

    @BeforeAll
    static void startThePushgateway() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PUSHGATEWAY),
                PUSHGATEWAY + " is not installed (apt-get install prometheus-pushgateway); this test needs it");
        jar = Path.of(System.getProperty("demo.jar", "target/demo-service.jar")).toAbsolutePath();
        assertThat(jar).as("the shaded jar, built by `mvn package` before failsafe runs").exists();
        config = Path.of(System.getProperty("demo.config", "../config.yml")).toAbsolutePath();
        work = Files.createTempDirectory("demo-import-");
        gatewayPort = freePort();
        // An empty persistence file keeps the metrics in memory: Debian's default file is shared by the machine.
        gateway = new ProcessBuilder(PUSHGATEWAY.toString(), "--web.listen-address=127.0.0.1:" + gatewayPort,
                "--persistence.file=")
                .redirectErrorStream(true).redirectOutput(work.resolve("pushgateway.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!gatewayAnswers()) {
            assertThat(gateway.isAlive()).as("the Pushgateway runs (see %s)", work.resolve("pushgateway.log")).isTrue();
            assertThat(System.nanoTime()).as("the Pushgateway answers within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopThePushgateway() throws Exception {
        if (gateway != null) {
            gateway.destroy();
            gateway.waitFor(10, TimeUnit.SECONDS);
        }
        if (work != null) {
            DemoApp.deleteRecursively(work);
        }
    }

    @Test
    void theGatewayServesTheCommandsMetricsAndAFailedRunKeepsTheLastSuccessTime() throws Exception {
        Path dataset = Files.writeString(work.resolve("prompts.csv"), "prompt,answer\nhello,world\n");
        long before = System.currentTimeMillis() / 1000;

        Run imported = importDataset(gatewayPort, "pushed", dataset.toString(), "--name", "prompts");
        String afterSuccess = gatewayMetrics();

        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(imported.output()).contains("Imported " + dataset + " as dataset 1 'prompts' (26 bytes)");
        assertThat(datasetRows("pushed")).isEqualTo(1);
        assertThat(value(afterSuccess, "command_succeeded")).isEqualTo(1);
        assertThat(value(afterSuccess, "command_last_success_timestamp_seconds"))
                .isBetween((double) before, System.currentTimeMillis() / 1000.0 + 1);
        assertThat(value(afterSuccess, "command_duration_seconds")).isPositive();
        assertThat(value(afterSuccess, "datasets_uploaded_total")).isEqualTo(1);
        assertThat(value(afterSuccess, "dataset_upload_size_bytes_sum")).isEqualTo(26);
        assertThat(afterSuccess).doesNotContain("command_last_failure_timestamp_seconds" + JOB)
                .doesNotContain("health_check_healthy");

        Run failed = importDataset(gatewayPort, "pushed", work.resolve("missing.csv").toString());
        String afterFailure = gatewayMetrics();

        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output()).contains("NoSuchFileException");
        assertThat(value(afterFailure, "command_succeeded")).isZero();
        assertThat(value(afterFailure, "command_last_failure_timestamp_seconds"))
                .isGreaterThanOrEqualTo(value(afterSuccess, "command_last_success_timestamp_seconds"));
        assertThat(value(afterFailure, "command_last_success_timestamp_seconds"))
                .as("kept from the successful run").isEqualTo(value(afterSuccess, "command_last_success_timestamp_seconds"));
    }

    @Test
    void withTheGatewayDownTheCommandSucceedsAndSaysSoOnce() throws Exception {
        Path dataset = Files.writeString(work.resolve("offline.csv"), "a,b\n1,2\n");
        int closedPort = freePort();

        Run imported = importDataset(closedPort, "offline", dataset.toString());

        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(datasetRows("offline")).isEqualTo(1);
        assertThat(Pattern.compile("Could not push the metrics of import-dataset to the Pushgateway at "
                + "http://127.0.0.1:" + closedPort).matcher(imported.output()).results().count())
                .as(imported.output()).isEqualTo(1);
    }

    /**
     * Runs {@code import-dataset [options] config.yml file} from the packaged jar, with an H2 file database and a
     * dataset directory named after {@code database}.
     */
    private static Run importDataset(int pushPort, String database, String file, String... options) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-jar", jar.toString(),
                ImportDatasetCommand.NAME));
        command.addAll(List.of(options));
        command.add(config.toString());
        command.add(file);
        Path output = work.resolve(database + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("DB_DRIVER", "org.h2.Driver");
        environment.put("DB_URL", databaseUrl(database));
        environment.put("DB_USER", "sa");
        environment.put("DB_PASSWORD", "");
        environment.put("DATASET_DIR", work.resolve(database + "-datasets").toString());
        environment.put("PUSH_ENABLED", "true");
        environment.put("PUSHGATEWAY_URL", "http://127.0.0.1:" + pushPort);
        Process process = builder.start();
        if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("import-dataset did not end within " + COMMAND_LIMIT + ":\n"
                    + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static String databaseUrl(String database) {
        return "jdbc:h2:file:" + work.resolve(database + "-db");
    }

    private static long datasetRows(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl(database), "sa", "");
             ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM datasets")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String gatewayMetrics() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gatewayPort + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of {@code family}'s sample for the command's group on the gateway's page. */
    private static double value(String metrics, String family) {
        String prefix = family + JOB + " ";
        return metrics.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> Double.parseDouble(line.substring(prefix.length())))
                .orElseThrow(() -> new AssertionError("no " + prefix.trim() + " on the gateway's page:\n" + metrics));
    }

    private static boolean gatewayAnswers() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/-/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
