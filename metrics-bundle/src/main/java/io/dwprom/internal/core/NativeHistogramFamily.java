package io.dwprom.internal.core;

import java.util.List;

/**
 * A histogram family whose series also keep native buckets. The text formats cannot carry them and render the
 * family's classic buckets only; the protobuf format reads {@link #nativeSeries()} in place of the classic
 * samples.
 */
public interface NativeHistogramFamily {

    String name();

    String help();

    /** Every series of the family, in creation order. */
    List<NativeSeries> nativeSeries();
}
