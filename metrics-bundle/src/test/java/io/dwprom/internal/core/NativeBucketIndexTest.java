package io.dwprom.internal.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NativeBucketIndexTest {

    @ParameterizedTest(name = "{0} at schema {1} is in bucket {2}")
    @CsvSource({
            // schema 0: bucket i holds (2^(i-1), 2^i]
            "1, 0, 0", "2, 0, 1", "3, 0, 2", "4, 0, 2", "0.5, 0, -1", "0.75, 0, 0", "1024, 0, 10",
            // schema 3: eight buckets per power of two; powers of two end their buckets
            "1, 3, 0", "2, 3, 8", "0.5, 3, -8", "1.05, 3, 1", "1.1, 3, 2", "1.5, 3, 5", "1.99, 3, 8",
            // schema -1: bucket i holds (4^(i-1), 4^i]
            "1, -1, 0", "2, -1, 1", "4, -1, 1", "5, -1, 2", "0.25, -1, -1", "0.3, -1, 0",
            // schema -4: one bucket per factor 65536
            "1e-9, -4, -1", "1, -4, 0", "65536, -4, 1", "65537, -4, 2",
            // schema 8, the finest
            "1, 8, 0", "2, 8, 256", "1.003, 8, 2"
    })
    void aValueFallsInTheBucketWhoseBoundsHoldIt(double value, int schema, int index) {
        assertThat(NativeBucketIndex.of(value, schema)).isEqualTo(index);
    }

    @Test
    void everyValueLiesWithinTheBoundsOfItsBucket() {
        for (int schema = NativeBucketIndex.MIN_SCHEMA; schema <= NativeBucketIndex.MAX_SCHEMA; schema++) {
            for (double value = 1e-9; value < 1e4; value *= 1.0031) {
                int index = NativeBucketIndex.of(value, schema);
                assertThat(value).as("%s at schema %s", value, schema)
                        .isLessThanOrEqualTo(NativeBucketIndex.upperBound(index, schema) * (1 + 1e-12))
                        .isGreaterThan(NativeBucketIndex.upperBound(index - 1, schema) * (1 - 1e-12));
            }
        }
    }

    @Test
    void subnormalValuesGetTheBucketsBelowTheNormalRange() {
        assertThat(NativeBucketIndex.of(Double.MIN_VALUE, 0)).isEqualTo(-1074);
        assertThat(NativeBucketIndex.of(Double.MIN_VALUE * 3, 0)).isEqualTo(-1072);
    }

    @Test
    void aCoarserBucketHoldsThePairOfFinerBucketsItMerges() {
        assertThat(NativeBucketIndex.coarser(1, 1)).isEqualTo(1);
        assertThat(NativeBucketIndex.coarser(2, 1)).isEqualTo(1);
        assertThat(NativeBucketIndex.coarser(3, 1)).isEqualTo(2);
        assertThat(NativeBucketIndex.coarser(0, 1)).isEqualTo(0);
        assertThat(NativeBucketIndex.coarser(-1, 1)).isEqualTo(0);
        assertThat(NativeBucketIndex.coarser(-2, 1)).isEqualTo(-1);
        for (double value = 1e-6; value < 1e6; value *= 1.9) {
            assertThat(NativeBucketIndex.coarser(NativeBucketIndex.of(value, 5), 3))
                    .isEqualTo(NativeBucketIndex.of(value, 2));
        }
    }
}
