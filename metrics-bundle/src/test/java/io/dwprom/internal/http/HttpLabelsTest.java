package io.dwprom.internal.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HttpLabelsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/                                 | /",
            "/experiments                      | /experiments",
            "/experiments,/{id}                | /experiments/{id}",
            "/experiments/,{id}/               | /experiments/{id}",
            "experiments,{id},runs             | /experiments/{id}/runs",
            "/items,/{id: [0-9]+}              | /items/{id}",
            "/items,/{ id : [0-9]{3} }/x       | /items/{id}/x",
            "/parent/{parentId},/child,/{childId} | /parent/{parentId}/child/{childId}"})
    void routeJoinsTemplatesAndDropsParameterRegexes(String templates, String route) {
        List<String> outermostFirst = Arrays.asList(templates.split(","));
        assertThat(HttpLabels.route(outermostFirst)).isEqualTo(route);
    }

    @Test
    void standardMethodsAreKeptAndAnyOtherFoldsIntoOther() {
        assertThat(HttpLabels.method("GET")).isEqualTo("GET");
        assertThat(HttpLabels.method("PATCH")).isEqualTo("PATCH");
        assertThat(HttpLabels.method("FOO")).isEqualTo(HttpLabels.OTHER_METHOD);
        assertThat(HttpLabels.method("get")).isEqualTo(HttpLabels.OTHER_METHOD);
        assertThat(HttpLabels.method(null)).isEqualTo(HttpLabels.OTHER_METHOD);
    }

    @Test
    void statusCodesOutsideTheHttpRangeFoldIntoUnknown() {
        assertThat(HttpLabels.status(200)).isEqualTo("200");
        assertThat(HttpLabels.status(599)).isEqualTo("599");
        assertThat(HttpLabels.status(600)).isEqualTo("unknown");
        assertThat(HttpLabels.status(42)).isEqualTo("unknown");
    }

    @Test
    void unmatchedRequestsGetAFixedPathByStatusClass() {
        assertThat(HttpLabels.unmatchedPath(404)).isEqualTo("NOT_FOUND");
        assertThat(HttpLabels.unmatchedPath(301)).isEqualTo("REDIRECTION");
        assertThat(HttpLabels.unmatchedPath(405)).isEqualTo("UNMATCHED");
        assertThat(HttpLabels.unmatchedPath(500)).isEqualTo("UNMATCHED");
    }
}
