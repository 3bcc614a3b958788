package io.dwprom.scrape;

import io.dwprom.scrape.parse.Dialect;
import io.dwprom.scrape.parse.MetricType;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Groups the sample names of an exposition into metric families, from the metadata seen so far, as the
 * {@link Dialect}'s parser does: a name that metadata or an earlier sample introduced is a family of its own; else a
 * suffix the type of an earlier family allows ({@code _bucket} of a histogram, {@code _total} of an OpenMetrics
 * counter: {@link FamilySuffixes}) attaches it to that family; else it starts a family. Every analysis of a scrape
 * (lint, cardinality, diff, usage, churn) and of a server's series groups with it.
 *
 * @param <F> what the analysis keeps per family, made by the function given to the constructor
 */
public final class FamilyGrouping<F> {
    private final Dialect dialect;
    private final Function<String, F> newFamily;
    private final Map<String, F> families = new HashMap<>();
    private final Map<String, MetricType> types = new HashMap<>();
    private String lastSampleName;
    private F lastFamily;
    private String lastSuffix = "";

    /**
     * @param newFamily makes the family of a name (a class rather than a lambda on a path run at every start:
     *                  linking a lambda costs milliseconds)
     */
    public FamilyGrouping(Dialect dialect, Function<String, F> newFamily) {
        this.dialect = dialect;
        this.newFamily = newFamily;
    }

    /**
     * The family a HELP or UNIT line (or the promtool dialects' bare declaration) is about, made if new; promtool
     * attaches the metadata of {@code x_count} to an earlier summary {@code x}.
     */
    public F metadata(String name) {
        lastSampleName = null;
        return family(metadataKey(name));
    }

    /** As {@link #metadata}, for a TYPE line: from now on the family's type decides which suffixes attach to it. */
    public F type(String name, MetricType type) {
        lastSampleName = null;
        String key = metadataKey(name);
        types.put(key, type);
        return family(key);
    }

    /** The family of a sample named {@code sampleName}, made if new; {@link #suffix()} tells what attached it. */
    public F sample(String sampleName) {
        // The parser hands consecutive samples of one name the same string: most samples end here.
        if (sampleName == lastSampleName) {
            return lastFamily;
        }
        F f = families.get(sampleName);
        String suffix = "";
        if (f == null) {
            suffix = FamilySuffixes.typedSuffix(sampleName, dialect, types);
            f = family(sampleName.substring(0, sampleName.length() - suffix.length()));
        }
        lastSampleName = sampleName;
        lastFamily = f;
        lastSuffix = suffix;
        return f;
    }

    /** The suffix that attached the last sample's name to its family ({@code _bucket}, ...), or "" for none. */
    public String suffix() {
        return lastSuffix;
    }

    /** Every family made so far, metadata-only ones included, in no particular order. */
    public Collection<F> families() {
        return families.values();
    }

    private String metadataKey(String name) {
        if (dialect.isPromtool() && !families.containsKey(name)) {
            return name.substring(0, name.length() - FamilySuffixes.typedSuffix(name, dialect, types).length());
        }
        return name;
    }

    private F family(String name) {
        F f = families.get(name);
        if (f == null) {
            f = newFamily.apply(name);
            families.put(name, f);
        }
        return f;
    }
}
