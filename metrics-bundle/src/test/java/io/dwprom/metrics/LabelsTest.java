package io.dwprom.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelsTest {

    @Test
    void labelsAreSortedByNameWithTheirValues() {
        Labels labels = Labels.of("zone", "eu", "app", "api", "method", "GET");

        assertThat(labels.names()).containsExactly("app", "method", "zone");
        assertThat(labels.valuesArray()).containsExactly("api", "GET", "eu");
        assertThat(labels).isEqualTo(Labels.of("method", "GET", "app", "api", "zone", "eu"));
        assertThat(labels.toString()).isEqualTo("{app=\"api\", method=\"GET\", zone=\"eu\"}");
    }

    @Test
    void aRepeatedNameAnOddCountOrANullIsRejected() {
        assertThatThrownBy(() -> Labels.of("a", "1", "b", "2", "a", "3")).hasMessageContaining("'a' given twice");
        assertThatThrownBy(() -> Labels.of("a")).hasMessageContaining("odd count");
        assertThatThrownBy(() -> Labels.of("a", null)).hasMessageContaining("value of label a");
    }

    @Test
    void noPairsIsTheEmptySet() {
        assertThat(Labels.of()).isSameAs(Labels.empty());
        assertThat(Labels.empty().names()).isEmpty();
    }
}
