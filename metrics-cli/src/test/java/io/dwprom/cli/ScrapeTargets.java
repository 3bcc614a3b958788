package io.dwprom.cli;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Several loopback HTTP targets serving the same exposition on /metrics, as instances of one job would. */
final class ScrapeTargets implements AutoCloseable {
    private final List<HttpServer> servers = new ArrayList<>();
    private volatile String body;

    ScrapeTargets(int count, String exposition) throws IOException {
        this.body = exposition;
        for (int i = 0; i < count; i++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/metrics", ex -> {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                ex.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            servers.add(server);
        }
    }

    /** From now on every target serves {@code exposition}. */
    void serve(String exposition) {
        body = exposition;
    }

    /** The targets' host:port, which Prometheus and VictoriaMetrics use as their {@code instance} label. */
    List<String> instances() {
        return servers.stream().map(s -> "127.0.0.1:" + s.getAddress().getPort()).toList();
    }

    /** A prometheus.yml scraping every target each second as job {@code job}. */
    String scrapeConfig(String job) {
        return "global: {scrape_interval: 1s, scrape_timeout: 1s}\nscrape_configs:\n  - job_name: " + job
                + "\n    static_configs:\n      - targets: [" + instances().stream().map(i -> "'" + i + "'")
                .collect(Collectors.joining(", ")) + "]\n";
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
    }
}
