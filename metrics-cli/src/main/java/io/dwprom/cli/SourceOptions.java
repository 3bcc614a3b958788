package io.dwprom.cli;

import io.dwprom.scrape.source.BoundedFiles;
import io.dwprom.scrape.source.FetchOptions;
import io.dwprom.scrape.source.ScrapeProtocol;
import io.dwprom.scrape.source.SourceException;

import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Options for reading sources: timeout, size cap, URL authentication, scrape protocols and input format. */
public final class SourceOptions {
    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Overall timeout for a URL, e.g. 10s, 500ms, 2m (default: 10s).")
    Duration timeout = FetchOptions.DEFAULT_TIMEOUT;

    @Option(names = "--max-bytes", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Refuse inputs larger than SIZE after decompression: bytes, or KiB, MiB, GiB (default: 200MiB).")
    long maxBytes = FetchOptions.DEFAULT_MAX_BYTES;

    @Option(names = "--bearer-token-file", paramLabel = "FILE", description = "Send 'Authorization: Bearer <token>' read from FILE.")
    Path bearerTokenFile;

    @Option(names = "--bearer-token-env", paramLabel = "VAR", description = "Send a bearer token read from environment variable VAR.")
    String bearerTokenEnv;

    @Option(names = "--basic-auth-file", paramLabel = "FILE", description = "Send basic auth; FILE holds 'user:password'.")
    Path basicAuthFile;

    @Option(names = "--basic-auth-env", paramLabel = "VAR", description = "Send basic auth; VAR holds 'user:password'.")
    String basicAuthEnv;

    @Option(names = "--fallback-scrape-protocol", paramLabel = "PROTOCOL", converter = ScrapeProtocolConverter.class,
            description = "Format of a scraped URL that answers without a usable Content-Type, as Prometheus 3's"
                    + " fallback_scrape_protocol: PrometheusProto, PrometheusText0.0.4, PrometheusText1.0.0,"
                    + " OpenMetricsText0.0.1, OpenMetricsText1.0.0 (default: none; such an answer is an input error).")
    ScrapeProtocol fallbackScrapeProtocol;

    @Option(names = "--scrape-protocols", paramLabel = "PROTOCOL[,PROTOCOL...]", split = ",",
            converter = ScrapeProtocolConverter.class,
            description = "The formats a scraped URL is asked for, preferred first, as Prometheus 3's scrape_protocols"
                    + " (default: OpenMetricsText1.0.0,OpenMetricsText0.0.1,PrometheusText1.0.0,PrometheusText0.0.4;"
                    + " PrometheusProto asks for the protobuf format).")
    List<ScrapeProtocol> scrapeProtocols;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "Format of a file or stdin: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: protobuf for"
                    + " *.pb and *.bin, or when the input starts as a delimited MetricFamily message; else text).")
    InputFormat inputFormat = InputFormat.auto;

    FetchOptions toFetchOptions() throws SourceException {
        List<ScrapeProtocol> protocols = ScrapeProtocol.DEFAULTS;
        if (scrapeProtocols != null) {
            protocols = new ArrayList<>();
            for (ScrapeProtocol p : scrapeProtocols) {
                if (protocols.contains(p)) {
                    throw new SourceException("--scrape-protocols: " + p.configName() + " is given twice");
                }
                protocols.add(p);
            }
        }
        return new FetchOptions(timeout, maxBytes, authorization(), fallbackScrapeProtocol, protocols, inputFormat.format());
    }

    private String authorization() throws SourceException {
        int given = (bearerTokenFile != null ? 1 : 0) + (bearerTokenEnv != null ? 1 : 0)
                + (basicAuthFile != null ? 1 : 0) + (basicAuthEnv != null ? 1 : 0);
        if (given > 1) {
            throw new SourceException("use only one of --bearer-token-file, --bearer-token-env, --basic-auth-file, --basic-auth-env");
        }
        if (bearerTokenFile != null) {
            return "Bearer " + readSecret(bearerTokenFile);
        }
        if (bearerTokenEnv != null) {
            return "Bearer " + env(bearerTokenEnv);
        }
        String userPassword = basicAuthFile != null ? readSecret(basicAuthFile) : basicAuthEnv != null ? env(basicAuthEnv) : null;
        if (userPassword == null) {
            return null;
        }
        if (userPassword.indexOf(':') < 0) {
            throw new SourceException("basic auth credentials must have the form user:password");
        }
        return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    /** The largest credentials file read: a token or {@code user:password} is far smaller. */
    static final int MAX_CREDENTIALS_BYTES = 64 * 1024;

    private static String readSecret(Path file) throws SourceException {
        return new String(BoundedFiles.read(file, MAX_CREDENTIALS_BYTES, "a credentials file"), StandardCharsets.UTF_8).strip();
    }

    private static String env(String name) throws SourceException {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new SourceException("environment variable " + name + " is not set");
        }
        return value.strip();
    }
}
