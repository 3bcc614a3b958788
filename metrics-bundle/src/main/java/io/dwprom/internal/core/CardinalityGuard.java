package io.dwprom.internal.core;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Limits the label sets of every family to {@code maxLabelSets}. Families ask it for a {@link BoundedChildren}
 * cache, or for a {@link LabelSetBudget} when they keep their own series; once a family is full, further new label
 * sets are recorded into one overflow series whose every label is {@value #OVERFLOW}, counted in
 * {@code dwprom_label_sets_overflowed_total{family}} and logged once per family: never an exception, never
 * unbounded memory.
 */
public final class CardinalityGuard {

    public static final String OVERFLOW = "OVERFLOW";
    public static final String FAMILY = "dwprom_label_sets_overflowed_total";
    private static final Logger LOG = LoggerFactory.getLogger(CardinalityGuard.class);

    private final int maxLabelSets;
    private final Counter overflowed;
    private final ConcurrentMap<String, Boolean> logged = new ConcurrentHashMap<>();

    public CardinalityGuard(CollectorRegistry registry, int maxLabelSets) {
        this.maxLabelSets = maxLabelSets;
        this.overflowed = Counter.build(FAMILY,
                        "Recordings folded into the OVERFLOW series because their family reached its label set limit.")
                .labelNames("family").withoutExemplars().register(registry);
    }

    public int maxLabelSets() {
        return maxLabelSets;
    }

    /** A budget of label sets shared by {@code families}, which all carry the same label sets. */
    public LabelSetBudget budget(String... families) {
        return new LabelSetBudget(this, List.of(families));
    }

    void overflowed(String family) {
        overflowed.labels(family).inc();
        if (logged.putIfAbsent(family, Boolean.TRUE) == null) {
            LOG.warn("Metric family {} reached its limit of {} label sets; new label sets are recorded as {} "
                    + "(counted in {})", family, maxLabelSets, OVERFLOW, FAMILY);
        }
    }
}
