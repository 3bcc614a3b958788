package io.dwprom.internal.core;

import java.util.List;
import java.util.Locale;

/**
 * Whether {@code _created} samples are rendered, for the bundle's own collectors: simpleclient's switch, the
 * {@code PROMETHEUS_DISABLE_CREATED_SERIES} environment variable, read the same way (simpleclient's reader is not
 * public).
 */
public final class CreatedSeries {

    public static final boolean INCLUDED = !List.of("true", "1", "t").contains(
            String.valueOf(System.getenv("PROMETHEUS_DISABLE_CREATED_SERIES")).toLowerCase(Locale.ROOT));

    private CreatedSeries() {
    }
}
