package io.dwprom.scrape;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LongHashSetTest {

    @Test
    void behavesLikeASetOfLongsIncludingZeroAcrossGrowth() {
        LongHashSet set = new LongHashSet();
        Set<Long> reference = new HashSet<>();
        Random random = new Random(1);
        for (int i = 0; i < 50_000; i++) {
            long key = i % 7 == 0 ? random.nextInt(100) : random.nextLong();
            assertThat(set.add(key)).isEqualTo(reference.add(key));
        }
        assertThat(set.add(0L)).isEqualTo(reference.add(0L));
        assertThat(set.size()).isEqualTo(reference.size());
        reference.forEach(k -> assertThat(set.contains(k)).isTrue());
        assertThat(set.contains(Long.MIN_VALUE + 12345)).isFalse();
    }
}
