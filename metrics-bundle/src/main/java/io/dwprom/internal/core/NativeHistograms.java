package io.dwprom.internal.core;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether the histograms that support native buckets keep them, with which settings, and the families that do,
 * for the protobuf format to find. One per application, beside its {@code CollectorRegistry}.
 */
public final class NativeHistograms {

    private final NativeHistogramSettings settings;
    private final List<NativeHistogramFamily> families = new CopyOnWriteArrayList<>();

    private NativeHistograms(NativeHistogramSettings settings) {
        this.settings = settings;
    }

    /** Native buckets kept with {@code settings}. */
    public static NativeHistograms enabled(NativeHistogramSettings settings) {
        return new NativeHistograms(settings);
    }

    /** Classic buckets only, as without this feature. */
    public static NativeHistograms disabled() {
        return new NativeHistograms(null);
    }

    public boolean isEnabled() {
        return settings != null;
    }

    /** The settings, when enabled. */
    public Optional<NativeHistogramSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /** Makes a family with native buckets known to the protobuf format. */
    public void register(NativeHistogramFamily family) {
        families.add(family);
    }

    /** The families with native buckets, in registration order. */
    public List<NativeHistogramFamily> families() {
        return List.copyOf(families);
    }
}
