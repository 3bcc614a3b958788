package io.dwprom.internal.core;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link CardinalityGuard}'s limit for collectors that keep their own series instead of simpleclient children
 * (see {@link BoundedChildren} for those): it counts the label sets admitted, refuses any past the limit and
 * reports each refusal for every family that shares these label sets.
 */
public final class LabelSetBudget {

    private final CardinalityGuard guard;
    private final List<String> families;
    private final AtomicInteger admitted = new AtomicInteger();

    LabelSetBudget(CardinalityGuard guard, List<String> families) {
        this.guard = guard;
        this.families = families;
    }

    /** Admits one new label set, or reports it as overflowed and returns false once the limit is reached. */
    public boolean tryAdmit() {
        if (admitted.incrementAndGet() <= guard.maxLabelSets()) {
            return true;
        }
        admitted.decrementAndGet();
        families.forEach(guard::overflowed);
        return false;
    }

    /** Gives back a label set admitted by {@link #tryAdmit()} whose series was not created after all. */
    void release() {
        admitted.decrementAndGet();
    }
}
