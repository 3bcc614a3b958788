package io.dwprom.churn;

import io.dwprom.churn.Churn.FamilyChurn;
import io.dwprom.churn.Churn.LabelDriver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChurnAnalyzerTest {
    private static SeriesSnapshot snapshot(String family, List<Map<String, String>> series) {
        SeriesSnapshot.Builder b = SeriesSnapshot.builder();
        series.forEach(labels -> b.add(family, family, labels));
        return b.build();
    }

    @Test
    void newValuesOfOneLabelAreItsChurnAndTheRateIsChurnedOverBefore() {
        SeriesSnapshot before = snapshot("jobs", List.of(
                Map.of("experiment", "e1", "status", "ok"), Map.of("experiment", "e2", "status", "ok"),
                Map.of("experiment", "e3", "status", "ok"), Map.of("experiment", "e4", "status", "ok")));
        SeriesSnapshot after = snapshot("jobs", List.of(
                Map.of("experiment", "e1", "status", "ok"), Map.of("experiment", "e2", "status", "ok"),
                Map.of("experiment", "e5", "status", "ok"), Map.of("experiment", "e6", "status", "ok"),
                Map.of("experiment", "e7", "status", "ok")));
        Churn churn = ChurnAnalyzer.compare(before, after);
        assertThat(churn.appeared()).isEqualTo(3);
        assertThat(churn.disappeared()).isEqualTo(2);
        assertThat(churn.ratePercent()).isEqualTo(125.0);
        FamilyChurn f = churn.families().get(0);
        assertThat(f.drivers()).containsExactly(
                new LabelDriver("experiment", 3, 2, 3, 2, List.of("e5", "e6", "e7"), List.of("e3", "e4")));
        assertThat(f.recombined()).isZero();
    }

    @Test
    void driversAreRankedBySeriesAndEveryChangedLabelIsCredited() {
        SeriesSnapshot before = snapshot("up", List.of(
                Map.of("instance", "a:1", "pod", "a"), Map.of("instance", "b:1", "pod", "b")));
        SeriesSnapshot after = snapshot("up", List.of(
                Map.of("instance", "a:1", "pod", "a2"), Map.of("instance", "c:1", "pod", "c")));
        FamilyChurn f = ChurnAnalyzer.compare(before, after).families().get(0);
        assertThat(f.appeared()).isEqualTo(2);
        assertThat(f.disappeared()).isEqualTo(2);
        assertThat(f.drivers()).extracting(LabelDriver::label, LabelDriver::series, LabelDriver::newValues, LabelDriver::goneValues)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pod", 4L, 2, 2),
                        org.assertj.core.groups.Tuple.tuple("instance", 2L, 1, 1));
    }

    @Test
    void aNewCombinationOfKnownValuesIsCountedAsRecombined() {
        SeriesSnapshot before = snapshot("http", List.of(
                Map.of("route", "/a", "status", "200"), Map.of("route", "/b", "status", "500")));
        SeriesSnapshot after = snapshot("http", List.of(
                Map.of("route", "/a", "status", "200"), Map.of("route", "/b", "status", "500"),
                Map.of("route", "/a", "status", "500")));
        FamilyChurn f = ChurnAnalyzer.compare(before, after).families().get(0);
        assertThat(f.appeared()).isEqualTo(1);
        assertThat(f.drivers()).isEmpty();
        assertThat(f.recombined()).isEqualTo(1);
    }

    @Test
    void aLabelThatStartsBeingSetDrivesChurnWithTheAbsentValueGone() {
        SeriesSnapshot before = snapshot("q", List.of(Map.of("a", "1")));
        SeriesSnapshot after = snapshot("q", List.of(Map.of("a", "1", "tenant", "t1")));
        LabelDriver d = ChurnAnalyzer.compare(before, after).families().get(0).drivers().get(0);
        assertThat(d).isEqualTo(new LabelDriver("tenant", 1, 1, 1, 1, List.of("t1"), List.of("")));
    }

    @Test
    void wholeNewAndGoneFamiliesHaveNoDriversAndNoSeriesBeforeMeansInfiniteRate() {
        SeriesSnapshot before = snapshot("old", List.of(Map.of("a", "1")));
        SeriesSnapshot after = snapshot("fresh", List.of(Map.of("a", "1"), Map.of("a", "2")));
        Churn churn = ChurnAnalyzer.compare(before, after);
        assertThat(churn.families()).extracting(FamilyChurn::family, FamilyChurn::isNew, FamilyChurn::isGone)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fresh", true, false),
                        org.assertj.core.groups.Tuple.tuple("old", false, true));
        assertThat(churn.families()).allSatisfy(f -> assertThat(f.drivers()).isEmpty());
        assertThat(churn.ratePercent()).isEqualTo(300.0);
        assertThat(ChurnAnalyzer.compare(SeriesSnapshot.builder().build(), after).ratePercent()).isInfinite();
        assertThat(ChurnAnalyzer.compare(after, after).ratePercent()).isZero();
        assertThat(ChurnAnalyzer.compare(after, after).families()).isEmpty();
    }
}
