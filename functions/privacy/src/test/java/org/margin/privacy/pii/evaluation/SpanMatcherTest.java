package org.margin.privacy.pii.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanMatcherTest {

    private static final String TEXT = "0138 Brisas 6802\n Suite 084\n María Albina\n Uruguay 77212 and more text";
    private static final LabelledText ADDRESS_IN_PIECES = new LabelledText(TEXT, List.of(
            new GoldSpan("STREET_ADDRESS", 0, 4), new GoldSpan("STREET_ADDRESS", 5, 16),
            new GoldSpan("STREET_ADDRESS", 18, 27), new GoldSpan("GPE", 29, 41), new GoldSpan("GPE", 43, 50),
            new GoldSpan("STREET_ADDRESS", 51, 56)), 130);

    @Test
    void coverageLetsOneAddressFindItsPieces() {
        Map<String, Tally> tallies = score(List.of(new Prediction("STREET_ADDRESS", 0, 56)), MatchingRule.COVERAGE);
        Tally address = tallies.get("STREET_ADDRESS");
        assertThat(address.recall()).isEqualTo(1.0);
        assertThat(address.precision()).isEqualTo(1.0);
    }

    @Test
    void strictMatchesOneToOneByOverlap() {
        Map<String, Tally> tallies = score(List.of(new Prediction("STREET_ADDRESS", 0, 56)), MatchingRule.STRICT);
        Tally address = tallies.get("STREET_ADDRESS");
        assertThat(address.recall()).isEqualTo(0.0);
        assertThat(address.precision()).isEqualTo(0.0);
        Map<String, Tally> exact = score(List.of(new Prediction("STREET_ADDRESS", 5, 16)), MatchingRule.STRICT);
        assertThat(exact.get("STREET_ADDRESS").recall()).isEqualTo(0.25);
        assertThat(exact.get("STREET_ADDRESS").precision()).isEqualTo(1.0);
    }

    @Test
    void aPredictionMostlyOutsideGoldIsWrongAndUnclaimedLabelsAreNotScored() {
        Map<String, Tally> tallies = score(List.of(new Prediction("STREET_ADDRESS", 51, 70),
                new Prediction("PERSON", 29, 41)), MatchingRule.COVERAGE);
        assertThat(tallies.get("STREET_ADDRESS").precision()).isEqualTo(0.0);
        assertThat(tallies.get("STREET_ADDRESS").recall()).isEqualTo(0.25);
        assertThat(tallies.get("PERSON").precision()).isEqualTo(0.0);
        assertThat(tallies).doesNotContainKey("GPE");
    }

    @Test
    void fTwoWeighsRecallFourTimesAsMuchAsPrecision() {
        Tally tally = new Tally();
        tally.predicted(true);
        tally.predicted(false);
        tally.gold(true);
        assertThat(tally.f2()).isEqualTo(5 * 0.5 * 1.0 / (4 * 0.5 + 1.0));
    }

    private static Map<String, Tally> score(List<Prediction> predictions, MatchingRule rule) {
        Map<String, Tally> tallies = new HashMap<>();
        SpanMatcher.score(ADDRESS_IN_PIECES, predictions, rule, tallies, (t, s) -> { }, (t, p) -> { });
        return tallies;
    }
}
