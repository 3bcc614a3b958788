package io.dwprom.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/**
 * Reads a positive size option: a number of bytes ({@code 1048576}) or a number with a 1024-based unit
 * ({@code 512KiB}, {@code 200MiB}, {@code 2GiB}). {@code KB}, {@code MB} and {@code GB} are refused, since tools
 * differ on whether they mean 1000 or 1024.
 */
final class ByteSizeConverter implements ITypeConverter<Long> {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    @Override
    public Long convert(String text) {
        return parse(text);
    }

    static long parse(String text) {
        String t = text.strip();
        long multiplier = 1;
        String number = t.endsWith("B") ? t.substring(0, t.length() - 1) : t;
        for (int i = 0; i < UNITS.length; i++) {
            if (t.endsWith(UNITS[i])) {
                multiplier = 1L << (10 * (i + 1));
                number = t.substring(0, t.length() - UNITS[i].length());
            }
        }
        if (multiplier == 1 && t.endsWith("B") && !number.isEmpty() && "KMGTkmgt".indexOf(number.charAt(number.length() - 1)) >= 0) {
            throw new TypeConversionException("invalid size \"" + text + "\": "
                    + t.substring(number.length() - 1).toUpperCase(Locale.ROOT) + " is ambiguous (use bytes, or KiB, MiB, GiB)");
        }
        try {
            long bytes = Math.multiplyExact(Long.parseLong(number.strip()), multiplier);
            if (bytes < 1) {
                throw new TypeConversionException("size must be positive: \"" + text + "\"");
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("invalid size \"" + text + "\" (use e.g. 1048576, 512KiB, 200MiB, 2GiB)");
        } catch (ArithmeticException e) {
            throw new TypeConversionException("size out of range: \"" + text + "\"");
        }
    }
}
