package io.dwprom.registry;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.dwprom.metrics.MetricsException;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryFamiliesTest {

    private final CollectorRegistry prometheus = new CollectorRegistry();
    private final MetricRegistry dropwizard = new MetricRegistry();
    private final RegistryFamilies families = new RegistryFamilies(prometheus, dropwizard);

    @Test
    void aCounterCountsInItsDropwizardMeterAndExportsTheSameCount() {
        RegistryCounter orders = families.counter("orders_placed_total", "Orders placed.", "shop.orders.placed");

        orders.inc();
        orders.inc(4);

        assertThat(dropwizard.meter("shop.orders.placed").getCount()).isEqualTo(5);
        assertThat(prometheus.getSampleValue("orders_placed_total")).isEqualTo(5.0);
        assertThat(family("orders_placed").type.name()).isEqualTo("COUNTER");
        assertThat(family("orders_placed").help).isEqualTo("Orders placed.");
    }

    @Test
    void aLabelKeepsAtMostItsBoundOfValuesAndCountsLaterOnesAsOther() {
        LabelledRegistryCounter payments = families.counter("payments", "Payments, by outcome.", "shop.payments",
                "outcome", 2);

        for (String outcome : List.of("paid", "declined", "refunded", "disputed", "paid")) {
            payments.inc(outcome);
        }

        assertThat(dropwizard.getMeters().keySet()).containsExactlyInAnyOrder(
                "shop.payments.paid", "shop.payments.declined", "shop.payments.other");
        assertThat(prometheus.getSampleValue("payments_total", new String[]{"outcome"}, new String[]{"paid"}))
                .isEqualTo(2.0);
        assertThat(prometheus.getSampleValue("payments_total", new String[]{"outcome"}, new String[]{"other"}))
                .isEqualTo(2.0);
        assertThat(family("payments").samples).hasSize(3);
        assertThat(families.owns("shop.payments.other")).isTrue();
    }

    @Test
    void aTimerExportsRealBucketsInSecondsBesideDropwizardsNanosecondSample() {
        Timer checkout = families.timer("checkout_duration_seconds", "Checkout time.", "shop.checkout",
                List.of(0.1, 1.0, 10.0));

        checkout.update(Duration.ofMillis(50));
        checkout.update(Duration.ofMillis(500));
        checkout.update(Duration.ofSeconds(30));

        assertThat(bucket("checkout_duration_seconds", "0.1")).isEqualTo(1.0);
        assertThat(bucket("checkout_duration_seconds", "1.0")).isEqualTo(2.0);
        assertThat(bucket("checkout_duration_seconds", "10.0")).isEqualTo(2.0);
        assertThat(bucket("checkout_duration_seconds", "+Inf")).isEqualTo(3.0);
        assertThat(prometheus.getSampleValue("checkout_duration_seconds_sum")).isCloseTo(30.55, within());
        assertThat(dropwizard.timer("shop.checkout").getSnapshot().getMax()).isEqualTo(Duration.ofSeconds(30).toNanos());
    }

    @Test
    void aHistogramExportsRealBucketsInItsOwnUnit() {
        Histogram sizes = families.histogram("basket_size_items", "Items per basket.", "shop.basket-size",
                List.of(1.0, 5.0));

        sizes.update(3);
        sizes.update(9);

        assertThat(bucket("basket_size_items", "1.0")).isEqualTo(0.0);
        assertThat(bucket("basket_size_items", "5.0")).isEqualTo(1.0);
        assertThat(bucket("basket_size_items", "+Inf")).isEqualTo(2.0);
        assertThat(prometheus.getSampleValue("basket_size_items_count")).isEqualTo(2.0);
        assertThat(prometheus.getSampleValue("basket_size_items_sum")).isEqualTo(12.0);
        assertThat(dropwizard.histogram("shop.basket-size").getCount()).isEqualTo(2);
    }

    @Test
    void everyDefinedDropwizardNameIsOwnedSoTheBridgeSkipsIt() {
        families.counter("orders_placed", "Orders placed.", "shop.orders.placed");
        families.timer("checkout_duration_seconds", "Checkout time.", "shop.checkout", List.of(1.0));
        dropwizard.meter("shop.other");

        assertThat(families.owns("shop.orders.placed")).isTrue();
        assertThat(families.owns("shop.checkout")).isTrue();
        assertThat(families.owns("shop.other")).isFalse();
    }

    @Test
    void aPrometheusNameAnotherCollectorExportsIsAConflictAndRegistersNothing() {
        Counter.build("orders_placed_total", "Someone else's.").register(prometheus);

        assertThatThrownBy(() -> families.counter("orders_placed_total", "Orders placed.", "shop.orders.placed"))
                .isInstanceOfSatisfying(MetricsException.class, e -> assertThat(e.kind())
                        .isEqualTo(MetricsException.Kind.CONFLICTING_DEFINITION))
                .hasMessageContaining("orders_placed");
        assertThat(dropwizard.getNames()).isEmpty();
        assertThat(families.owns("shop.orders.placed")).isFalse();
    }

    @Test
    void aDropwizardNameAlreadyInTheRegistryIsAConflictNamingIt() {
        dropwizard.timer("shop.checkout");

        assertThatThrownBy(() -> families.timer("checkout_duration_seconds", "Checkout time.", "shop.checkout",
                List.of(1.0)))
                .isInstanceOf(MetricsException.class).hasMessageContaining("shop.checkout")
                .hasMessageContaining("checkout_duration_seconds");
        assertThat(Collections.list(prometheus.metricFamilySamples())).isEmpty();
    }

    @Test
    void aNameAmongALabelledCountersValuesIsAConflict() {
        families.counter("payments", "Payments, by outcome.", "shop.payments", "outcome", 5);

        assertThatThrownBy(() -> families.counter("paid", "Paid.", "shop.payments.paid"))
                .isInstanceOf(MetricsException.class).hasMessageContaining("shop.payments.*");
        assertThatThrownBy(() -> families.counter("shop", "Shop.", "shop", "kind", 5))
                .isInstanceOf(MetricsException.class).hasMessageContaining("shop.payments");
    }

    @Test
    void malformedDefinitionsAreRefusedBeforeAnythingIsRegistered() {
        assertThatThrownBy(() -> families.histogram("sizes", "Sizes.", "shop.sizes", List.of(5.0, 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing");
        assertThatThrownBy(() -> families.counter("bad-name", "Bad.", "shop.bad"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> families.counter("runs", "Runs.", "shop.runs", "le", 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> families.counter("runs", "Runs.", "shop.runs", "status", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dropwizard.getNames()).isEmpty();
        assertThat(Collections.list(prometheus.metricFamilySamples())).isEmpty();
    }

    @Test
    void aCounterCannotGoDown() {
        RegistryCounter orders = families.counter("orders_placed", "Orders placed.", "shop.orders.placed");

        assertThatThrownBy(() -> orders.inc(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(orders.count()).isZero();
    }

    private MetricFamilySamples family(String name) {
        return Collections.list(prometheus.metricFamilySamples()).stream().filter(f -> f.name.equals(name))
                .findFirst().orElseThrow();
    }

    private Double bucket(String name, String le) {
        return prometheus.getSampleValue(name + "_bucket", new String[]{"le"}, new String[]{le});
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
