package io.dwprom.internal.exposition;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptHeaderTest {

    @ParameterizedTest(name = "{0} -> protobuf: {1}")
    @CsvSource(delimiter = '|', value = {
            ProtobufExpositionTest.PROMETHEUS_2_42_NATIVE + "|true",
            ProtobufExpositionTest.PROMETHEUS_2_42 + "|false",
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,"
                    + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2|true",
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited|true",
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.4,"
                    + "text/plain;q=0.5|false",
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=text|false",
            "application/vnd.google.protobuf;proto=other.Message;encoding=delimited|false",
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0|false",
            "text/plain;version=0.0.4|false",
            "application/openmetrics-text;version=1.0.0|false",
            "*/*|false",
            "|false"
    })
    void protobufIsChosenOnlyWhenNamedAndPreferred(String accept, boolean protobuf) {
        assertThat(AcceptHeader.prefersProtobuf(accept)).isEqualTo(protobuf);
    }

    @ParameterizedTest
    @NullSource
    void noHeaderMeansText(String accept) {
        assertThat(AcceptHeader.prefersProtobuf(accept)).isFalse();
    }
}
