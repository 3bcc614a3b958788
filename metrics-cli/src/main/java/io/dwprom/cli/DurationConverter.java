package io.dwprom.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration option as Prometheus writes durations: units from largest to smallest, each at most once
 * ({@code 1y}, {@code 2w}, {@code 1d12h}, {@code 1h30m}, {@code 10s}, {@code 500ms}; a year is 365 days, a week 7),
 * or whole seconds ({@code 30}). It must be positive.
 */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PROMETHEUS_DURATION = Pattern.compile(
            "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MILLIS = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1};

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    static Duration parse(String text) {
        String t = text.strip();
        try {
            Duration d = t.chars().allMatch(Character::isDigit) && !t.isEmpty()
                    ? Duration.ofSeconds(Long.parseLong(t)) : prometheusDuration(t);
            if (d.isZero()) {
                throw new TypeConversionException("duration must be positive: \"" + text + "\"");
            }
            return d;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("duration out of range: \"" + text + "\"");
        }
    }

    /** {@code d} as Prometheus writes durations, e.g. {@code 1h30m} or {@code 500ms}. */
    static String format(Duration d) {
        long millis = d.toMillis();
        StringBuilder sb = new StringBuilder();
        String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
        for (int unit = 0; unit < UNIT_MILLIS.length; unit++) {
            if (millis >= UNIT_MILLIS[unit]) {
                sb.append(millis / UNIT_MILLIS[unit]).append(units[unit]);
                millis %= UNIT_MILLIS[unit];
            }
        }
        return sb.length() == 0 ? "0s" : sb.toString();
    }

    private static Duration prometheusDuration(String t) {
        Matcher m = PROMETHEUS_DURATION.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new TypeConversionException("invalid duration \"" + t + "\" (use e.g. 500ms, 10s, 2m, 1h30m, 1d, 1w)");
        }
        long millis = 0;
        for (int unit = 0; unit < UNIT_MILLIS.length; unit++) {
            String count = m.group(unit + 1);
            if (count != null) {
                millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(count), UNIT_MILLIS[unit]));
            }
        }
        return Duration.ofMillis(millis);
    }
}
