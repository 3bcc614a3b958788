package io.dwprom.lint.rules;

import io.dwprom.lint.Family;

import java.util.List;
import java.util.Map;

/** Units in names should be base units: seconds, not milliseconds (promtool: "use base unit ..."). */
public final class NonBaseUnitRule extends FamilyRule {
    private static final Map<String, String> BASE_UNIT = Map.ofEntries(
            Map.entry("amperes", "amperes"), Map.entry("bytes", "bytes"), Map.entry("celsius", "celsius"),
            Map.entry("grams", "grams"), Map.entry("joules", "joules"), Map.entry("kelvin", "kelvin"),
            Map.entry("meters", "meters"), Map.entry("metres", "metres"), Map.entry("seconds", "seconds"),
            Map.entry("volts", "volts"),
            Map.entry("minutes", "seconds"), Map.entry("hours", "seconds"), Map.entry("days", "seconds"),
            Map.entry("weeks", "seconds"), Map.entry("kelvins", "kelvin"), Map.entry("fahrenheit", "celsius"),
            Map.entry("rankine", "celsius"), Map.entry("inches", "meters"), Map.entry("yards", "meters"),
            Map.entry("miles", "meters"), Map.entry("bits", "bytes"), Map.entry("calories", "joules"),
            Map.entry("pounds", "grams"), Map.entry("ounces", "grams"));
    private static final List<String> PREFIXES = List.of("pico", "nano", "micro", "milli", "centi", "deci",
            "deca", "hecto", "kilo", "kibi", "mega", "mibi", "giga", "gibi", "tera", "tebi", "peta", "pebi");

    /** The first letters of {@link #PREFIXES}: a word starting otherwise is looked up once, not once per prefix. */
    private static final String PREFIX_INITIALS = "pnmcdhkgt";
    /** The length of the shortest unit ({@code bits}, {@code days}): shorter words are no unit. */
    private static final int SHORTEST_UNIT = 4;
    /** The last letters of the units: a word ending otherwise is no unit, and is not cut out and looked up. */
    private static final String UNIT_ENDINGS = lastLetters(BASE_UNIT.keySet());

    private final PromtoolVersion version;

    public NonBaseUnitRule(PromtoolVersion version) {
        super("non-base-unit", Severity.WARNING, true);
        this.version = version;
    }

    /**
     * As promlint. In 3.x: the first word of the name that is a unit, bare or with a prefix, is the unit reported
     * ({@code x_seconds_milliseconds} passes). In 2.42: the unit is the first word of the name that is a unit; its
     * prefixed forms are tried in the order of {@link #PREFIXES} before the bare one, over all words, so
     * {@code x_seconds_milliseconds} is reported for {@code milliseconds} (with words of two different units, 2.42
     * picks one of them at random: the first is taken here).
     */
    @Override
    protected void check(Family family, Reporter reporter) {
        String name = family.name();
        String unit = null;
        String firstWord = null;
        int start = 0;
        while (unit == null && start <= name.length()) {
            int end = wordEnd(name, start);
            if (end - start >= SHORTEST_UNIT && UNIT_ENDINGS.indexOf(name.charAt(end - 1)) >= 0) {
                firstWord = name.substring(start, end);
                unit = unitOf(firstWord);
            }
            start = end + 1;
        }
        if (unit == null) {
            return;
        }
        if (version == PromtoolVersion.V3) {
            report(name, firstWord, unit, reporter);
            return;
        }
        String word = unit;
        for (String prefix : PREFIXES) {
            if (hasWord(name, prefix + unit)) {
                word = prefix + unit;
                break;
            }
        }
        report(name, word, unit, reporter);
    }

    private static void report(String name, String word, String unit, Reporter reporter) {
        String base = BASE_UNIT.get(unit);
        if (!base.equals(word)) {
            reporter.report(name, "use base unit \"" + base + "\" instead of \"" + word + "\"");
        }
    }

    private static int wordEnd(String name, int start) {
        int end = name.indexOf('_', start);
        return end < 0 ? name.length() : end;
    }

    private static boolean hasWord(String name, String word) {
        int start = 0;
        while (start <= name.length()) {
            int end = wordEnd(name, start);
            if (end - start == word.length() && name.startsWith(word, start)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static String lastLetters(Iterable<String> words) {
        StringBuilder letters = new StringBuilder();
        for (String word : words) {
            char last = word.charAt(word.length() - 1);
            if (letters.indexOf(String.valueOf(last)) < 0) {
                letters.append(last);
            }
        }
        return letters.toString();
    }

    /** The unit of a name component such as "milliseconds" ("seconds"), or {@code null} if it is no unit. */
    private static String unitOf(String word) {
        if (BASE_UNIT.containsKey(word)) {
            return word;
        }
        if (PREFIX_INITIALS.indexOf(word.charAt(0)) < 0) {
            return null;
        }
        for (String prefix : PREFIXES) {
            if (word.startsWith(prefix) && BASE_UNIT.containsKey(word.substring(prefix.length()))) {
                return word.substring(prefix.length());
            }
        }
        return null;
    }
}
