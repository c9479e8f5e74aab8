package com.salesai.analysis.settings;

import com.salesai.analysis.config.AnalysisProperties;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsChangeTest {
    private static final AnalysisSettings NEW_ORG = OrgSettings.defaults(new AnalysisProperties("fr", false, 0, null));

    private static AnalysisSettings.Criterion criterion(String key, double weight) {
        return new AnalysisSettings.Criterion(key, "Label " + key, "About " + key, weight);
    }

    private static AnalysisSettings request(String language, AnalysisSettings.Scorecard scorecard) {
        return new AnalysisSettings(language, scorecard, false, null);
    }

    private static AnalysisSettings.Scorecard custom(AnalysisSettings.Criterion... criteria) {
        return new AnalysisSettings.Scorecard("ours", 0, List.of(criteria));
    }

    @Test
    void anOrgWithoutSettingsHasTheDefaultScorecardVersionOneInTheDeploymentsLanguage() {
        assertThat(NEW_ORG.scorecard().name()).isEqualTo("default");
        assertThat(NEW_ORG.scorecard().version()).isEqualTo(1);
        assertThat(NEW_ORG.scorecard().criteria()).extracting(AnalysisSettings.Criterion::key).containsExactly(
                "discovery", "active_listening", "value_proposition", "objection_handling", "next_steps");
        assertThat(NEW_ORG.scorecard().criteria()).extracting(AnalysisSettings.Criterion::label).containsExactly(
                "Découverte", "Écoute active", "Proposition de valeur", "Traitement des objections",
                "Prochaines étapes");
        assertThat(NEW_ORG.language()).isEqualTo("fr");
        assertThat(NEW_ORG.dailyTokenBudget()).isNull();
    }

    @Test
    void aPresetByNameIsThatPresetInTheRequestsLanguageUnderTheNextVersion() {
        var decision = (SettingsChange.Accepted) SettingsChange.decide(NEW_ORG,
                request("en", new AnalysisSettings.Scorecard("meddic", 0, List.of())));

        AnalysisSettings.Scorecard meddic = decision.settings().scorecard();
        assertThat(meddic.name()).isEqualTo("meddic");
        assertThat(meddic.version()).isEqualTo(2);
        assertThat(meddic.criteria()).extracting(AnalysisSettings.Criterion::key).containsExactly("metrics",
                "economic_buyer", "decision_criteria", "decision_process", "identify_pain", "champion");
        assertThat(meddic.criteria().get(1).label()).isEqualTo("Economic buyer");
        assertThat(decision.newScorecardVersion()).isTrue();
    }

    @Test
    void onlyAChangeOfTheScorecardBumpsItsVersion() {
        var meddic = ((SettingsChange.Accepted) SettingsChange.decide(NEW_ORG,
                request("fr", new AnalysisSettings.Scorecard("meddic", 0, List.of())))).settings();

        var sameAgain = (SettingsChange.Accepted) SettingsChange.decide(meddic,
                new AnalysisSettings("fr", meddic.scorecard(), true, 50_000L));
        assertThat(sameAgain.settings().scorecard().version()).isEqualTo(2);
        assertThat(sameAgain.newScorecardVersion()).isFalse();
        assertThat(sameAgain.settings().analyzeInternalMeetings()).isTrue();
        assertThat(sameAgain.settings().dailyTokenBudget()).isEqualTo(50_000L);

        var noScorecard = (SettingsChange.Accepted) SettingsChange.decide(meddic, request("en", null));
        assertThat(noScorecard.settings().scorecard()).isEqualTo(meddic.scorecard());
        assertThat(noScorecard.settings().language()).isEqualTo("en");

        List<AnalysisSettings.Criterion> reweighted = new ArrayList<>(meddic.scorecard().criteria());
        var champion = reweighted.get(5);
        reweighted.set(5, new AnalysisSettings.Criterion(champion.key(), champion.label(), champion.description(), 3));
        var weightChange = (SettingsChange.Accepted) SettingsChange.decide(meddic,
                request("fr", new AnalysisSettings.Scorecard("meddic", 2, reweighted)));
        assertThat(weightChange.settings().scorecard().version()).isEqualTo(3);
        assertThat(weightChange.settings().scorecard().criteria().get(5).weight()).isEqualTo(3.0);
    }

    @Test
    void everyRefusedFieldIsNamed() {
        var decision = (SettingsChange.Invalid) SettingsChange.decide(NEW_ORG, new AnalysisSettings("xx",
                custom(criterion("discovery", 1), criterion("Bad-Key", 1), criterion("discovery", 0)), false, -5L));

        assertThat(decision.errors()).extracting(SettingsChange.FieldError::field).containsExactly("language",
                "dailyTokenBudget", "scorecard.criteria[1].key", "scorecard.criteria[2].key",
                "scorecard.criteria[2].weight");
    }

    @Test
    void aScorecardHasThreeToEightCriteria() {
        var two = (SettingsChange.Invalid) SettingsChange.decide(NEW_ORG,
                request("fr", custom(criterion("a", 1), criterion("b", 1))));
        assertThat(two.errors()).extracting(SettingsChange.FieldError::field).containsExactly("scorecard.criteria");

        List<AnalysisSettings.Criterion> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(criterion("c" + i, 1));
        }
        var tooMany = SettingsChange.decide(NEW_ORG, request("fr", new AnalysisSettings.Scorecard("x", 0, nine)));
        assertThat(tooMany).isInstanceOf(SettingsChange.Invalid.class);

        var three = SettingsChange.decide(NEW_ORG,
                request("fr", custom(criterion("a", 1), criterion("b_2", 0.5), criterion("c", 2))));
        assertThat(three).isInstanceOf(SettingsChange.Accepted.class);
    }
}
