package io.dwprom.internal.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripedLongsTest {

    @Test
    void additionsFromMoreThreadsThanStripesSumExactly() throws Exception {
        StripedLongs row = new StripedLongs(3);
        int threads = StripedLongs.STRIPES + 5; // some threads share a stripe
        int additions = 20_000;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread writer = new Thread(() -> {
                await(start);
                for (int i = 0; i < additions; i++) {
                    StripedLongs.Stripe stripe = row.currentStripe();
                    stripe.add(0, 1);
                    stripe.add(2, 7);
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }

        long expected = (long) threads * additions;
        assertThat(row.sums()).containsExactly(expected, 0, 7 * expected);
        assertThat(row.sum(0)).isEqualTo(expected);
        assertThat(row.sum(2)).isEqualTo(7 * expected);
    }

    @Test
    void aNewRowReadsZeroWithoutAllocatingStripes() {
        StripedLongs row = new StripedLongs(2);

        assertThat(row.sums()).containsExactly(0, 0);
        assertThat(row.sum(1)).isZero();
    }

    @Test
    void aRowNeedsAtLeastOneCell() {
        assertThatThrownBy(() -> new StripedLongs(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one cell");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
