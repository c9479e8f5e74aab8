package com.salesai.analysis.scoring;

import com.salesai.schema.events.Evaluation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OverallScoreTest {

    private static List<Evaluation.CriterionScore> scores(int... values) {
        List<Evaluation.CriterionScore> scores = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            scores.add(new Evaluation.CriterionScore("c" + i, null, 1.0, values[i], true, List.of()));
        }
        return scores;
    }

    @Test
    void equalWeightsGiveTheMeanDistanceFromOneOverFour() {
        assertThat(OverallScore.of(scores(1, 1, 1, 1, 1))).isZero();
        assertThat(OverallScore.of(scores(5, 5, 5, 5, 5))).isEqualTo(100);
        assertThat(OverallScore.of(scores(3, 3, 3, 3, 3))).isEqualTo(50);
        assertThat(OverallScore.of(scores(4, 4, 2, 2, 5))).isEqualTo(60);
        assertThat(OverallScore.of(scores(2, 1, 1, 1, 1))).isEqualTo(5);
        // 100 * 9 / 20 = 45; 100 * 13 / 20 = 65
        assertThat(OverallScore.of(scores(3, 2, 2, 3, 4))).isEqualTo(45);
        assertThat(OverallScore.of(scores(5, 4, 3, 3, 3))).isEqualTo(65);
    }

    @Test
    void halvesRoundUp() {
        assertThat(OverallScore.of(scores(3, 2))).isEqualTo(38); // 100 * 3 / 8 = 37.5
        assertThat(OverallScore.of(scores(4, 3))).isEqualTo(63); // 62.5
    }

    @Test
    void weightsCount() {
        var heavyDiscovery = List.of(
                new Evaluation.CriterionScore("discovery", null, 3.0, 5, true, List.of()),
                new Evaluation.CriterionScore("next_steps", null, 1.0, 1, true, List.of()));
        assertThat(OverallScore.of(heavyDiscovery)).isEqualTo(75);
    }

    @Test
    void noCriteriaHaveNoOverallScore() {
        assertThatThrownBy(() -> OverallScore.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
