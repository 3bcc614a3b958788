package io.dwprom.registry;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.dwprom.internal.core.NativeBucketIndex;
import io.dwprom.internal.core.NativeHistogramSettings;
import io.dwprom.internal.core.NativeHistograms;
import io.dwprom.internal.core.NativeSeries;
import io.dwprom.testapp.Golden;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NativeTimerTest {

    private static final List<Double> BUCKETS = List.of(0.1, 1.0);

    @Test
    void aTimerWithNativeBucketsKeepsThemBesideItsClassicBucketsAndDropwizardsSample() {
        NativeHistograms natives = NativeHistograms.enabled(new NativeHistogramSettings(0, 160, 0x1p-128));
        CollectorRegistry prometheus = new CollectorRegistry();
        MetricRegistry dropwizard = new MetricRegistry();
        Timer payment = new RegistryFamilies(prometheus, dropwizard, natives).timerWithNativeBuckets(
                "payment_duration_seconds", "Payment time.", "shop.payment", BUCKETS);

        payment.update(Duration.ofMillis(50));
        payment.update(Duration.ofMillis(500));
        payment.update(Duration.ofSeconds(3));

        assertThat(dropwizard.timer("shop.payment").getCount()).isEqualTo(3);
        assertThat(prometheus.getSampleValue("payment_duration_seconds_bucket", new String[]{"le"},
                new String[]{"1.0"})).isEqualTo(2.0);
        assertThat(prometheus.getSampleValue("payment_duration_seconds_sum")).isEqualTo(3.55);
        assertThat(natives.families()).hasSize(1);
        NativeSeries series = natives.families().get(0).nativeSeries().get(0);
        assertThat(series.bucketCounts()).containsExactly(1, 1, 1);
        assertThat(series.buckets().indexes()).containsExactly(NativeBucketIndex.of(0.05, 0),
                NativeBucketIndex.of(0.5, 0), NativeBucketIndex.of(3, 0));
        assertThat(series.buckets().total()).isEqualTo(3);
    }

    @Test
    void theTextOfATimerWithNativeBucketsIsTheSameWhetherTheyAreKeptOrNot() {
        assertThat(recordedText(NativeHistograms.enabled(new NativeHistogramSettings(3, 160, 0x1p-128))))
                .isEqualTo(recordedText(NativeHistograms.disabled()))
                .contains("payment_duration_seconds_count 2.0");
    }

    private static String recordedText(NativeHistograms natives) {
        CollectorRegistry prometheus = new CollectorRegistry();
        Timer payment = new RegistryFamilies(prometheus, new MetricRegistry(), natives).timerWithNativeBuckets(
                "payment_duration_seconds", "Payment time.", "shop.payment", BUCKETS);
        payment.update(Duration.ofMillis(50));
        payment.update(Duration.ofMillis(700));
        return Golden.openMetrics(prometheus).replaceAll("(?m)^payment_duration_seconds_created.*\n", "");
    }
}
