package io.dwprom.cli;

import io.dwprom.lint.source.BoundedFiles;
import io.dwprom.lint.source.FetchOptions;
import io.dwprom.lint.source.ScrapeFormat;
import io.dwprom.lint.source.ScrapeProtocol;
import io.dwprom.lint.source.SourceException;

import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Options for reading sources: timeout, size cap, URL authentication, scrape protocols and input format. */
public final class SourceOptions {
    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Overall timeout for a URL, e.g. 10s, 500ms, 2m (default: ${DEFAULT-VALUE}).")
    String timeout = FetchOptions.DEFAULT_TIMEOUT.toSeconds() + "s";

    @Option(names = "--max-bytes", paramLabel = "N",
            description = "Refuse inputs larger than N bytes after decompression (default: ${DEFAULT-VALUE}).")
    long maxBytes = FetchOptions.DEFAULT_MAX_BYTES;

    @Option(names = "--bearer-token-file", paramLabel = "FILE", description = "Send 'Authorization: Bearer <token>' read from FILE.")
    Path bearerTokenFile;

    @Option(names = "--bearer-token-env", paramLabel = "VAR", description = "Send a bearer token read from environment variable VAR.")
    String bearerTokenEnv;

    @Option(names = "--basic-auth-file", paramLabel = "FILE", description = "Send basic auth; FILE holds 'user:password'.")
    Path basicAuthFile;

    @Option(names = "--basic-auth-env", paramLabel = "VAR", description = "Send basic auth; VAR holds 'user:password'.")
    String basicAuthEnv;

    @Option(names = "--fallback-scrape-protocol", paramLabel = "PROTOCOL",
            description = "Format of a scraped URL that answers without a usable Content-Type, as Prometheus 3's"
                    + " fallback_scrape_protocol: PrometheusProto, PrometheusText0.0.4, PrometheusText1.0.0,"
                    + " OpenMetricsText0.0.1, OpenMetricsText1.0.0 (default: none; such an answer is an input error).")
    String fallbackScrapeProtocol;

    @Option(names = "--scrape-protocols", paramLabel = "PROTOCOL[,PROTOCOL...]", split = ",",
            description = "The formats a scraped URL is asked for, preferred first, as Prometheus 3's scrape_protocols"
                    + " (default: OpenMetricsText1.0.0,OpenMetricsText0.0.1,PrometheusText1.0.0,PrometheusText0.0.4;"
                    + " PrometheusProto asks for the protobuf format).")
    List<String> scrapeProtocols;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "Format of a file or stdin: auto, text, protobuf (default: ${DEFAULT-VALUE}: protobuf for"
                    + " *.pb and *.bin, or when the input starts as a delimited MetricFamily message; else text).")
    String inputFormat = "auto";

    FetchOptions toFetchOptions() throws SourceException {
        if (maxBytes < 1) {
            throw new SourceException("--max-bytes must be positive");
        }
        ScrapeProtocol fallback = null;
        if (fallbackScrapeProtocol != null) {
            fallback = protocol("--fallback-scrape-protocol", fallbackScrapeProtocol);
        }
        List<ScrapeProtocol> protocols = ScrapeProtocol.DEFAULTS;
        if (scrapeProtocols != null) {
            protocols = new ArrayList<>();
            for (String name : scrapeProtocols) {
                ScrapeProtocol p = protocol("--scrape-protocols", name.strip());
                if (protocols.contains(p)) {
                    throw new SourceException("--scrape-protocols: " + p.configName() + " is given twice");
                }
                protocols.add(p);
            }
        }
        ScrapeFormat format = null;
        if (!inputFormat.equals("auto")) {
            format = ScrapeFormat.named(inputFormat);
            if (format == null) {
                throw new SourceException("--input-format: unknown format \"" + inputFormat
                        + "\" (use auto, text or protobuf)");
            }
        }
        return new FetchOptions(parseDuration(timeout), maxBytes, authorization(), fallback, protocols, format);
    }

    private static ScrapeProtocol protocol(String option, String name) throws SourceException {
        ScrapeProtocol p = ScrapeProtocol.named(name);
        if (p == null) {
            throw new SourceException(option + ": unknown protocol \"" + name + "\" (use one of "
                    + ScrapeProtocol.names() + ")");
        }
        return p;
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

    static Duration parseDuration(String text) throws SourceException {
        String t = text.trim();
        try {
            if (t.endsWith("ms")) {
                return positive(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))), text);
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            switch (t.charAt(t.length() - 1)) {
                case 's': return positive(Duration.ofSeconds(n), text);
                case 'm': return positive(Duration.ofMinutes(n), text);
                case 'h': return positive(Duration.ofHours(n), text);
                default: return positive(Duration.ofSeconds(Long.parseLong(t)), text);
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new SourceException("invalid duration \"" + text + "\" (use e.g. 10s, 500ms, 2m, 1h)");
        }
    }

    private static Duration positive(Duration d, String text) throws SourceException {
        if (d.isZero() || d.isNegative()) {
            throw new SourceException("duration must be positive: " + text);
        }
        return d;
    }
}
