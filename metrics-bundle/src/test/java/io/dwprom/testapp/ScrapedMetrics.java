package io.dwprom.testapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Samples and TYPE lines of a text-format 0.0.4 scrape, for assertions. Not a validating parser. */
public final class ScrapedMetrics {

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> types = new LinkedHashMap<>();

    public ScrapedMetrics(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                types.put(parts[2], parts[3]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(parse(line));
            }
        }
    }

    /**
     * A scrape taken once every answered request is recorded. A client can have its response before the server
     * has recorded it (the filter records once the servlet has returned), and the recorder lowers the in-flight gauge last.
     * A scrape is not one instant (it reads family after family), so this waits for a scrape that shows none in
     * flight, then returns the next one, which starts after every earlier request finished recording. Waits at
     * most 10 s.
     */
    public static String settled(Supplier<String> scrape) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (new ScrapedMetrics(scrape.get()).value("http_requests_in_flight") > 0
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return scrape.get();
    }

    /** The TYPE of a family as the TYPE line names it (counters with their _total). */
    public String type(String family) {
        return types.get(family);
    }

    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the sample with exactly these labels (alternating names and values), or 0 when absent. */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples(name).stream().filter(s -> s.labels().equals(wanted)).mapToDouble(Sample::value)
                .findFirst().orElse(0);
    }

    /** Sum over every sample of {@code name} whose labels include these. */
    public double sum(String name, String... labels) {
        return samples(name).stream().filter(s -> includes(s.labels(), labels)).mapToDouble(Sample::value).sum();
    }

    private static boolean includes(Map<String, String> actual, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(actual.get(labels[i]))) {
                return false;
            }
        }
        return true;
    }

    private static Sample parse(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        double value = Double.parseDouble(line.substring(space + 1));
        if (brace < 0) {
            return new Sample(line.substring(0, space), Map.of(), value);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int i = brace + 1;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String label = line.substring(i, equals);
            StringBuilder labelValue = new StringBuilder();
            int j = equals + 2;
            for (; line.charAt(j) != '"'; j++) {
                char c = line.charAt(j);
                if (c == '\\') {
                    char next = line.charAt(++j);
                    labelValue.append(next == 'n' ? '\n' : next);
                } else {
                    labelValue.append(c);
                }
            }
            labels.put(label, labelValue.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return new Sample(line.substring(0, brace), labels, value);
    }
}
