package com.salesai.analysis.flow;

import com.salesai.analysis.settings.AnalysisSettings;
import com.salesai.analysis.settings.OrgSettings;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.Evaluation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** An org's own scorecard reaches the request's schema, the prompt and the result; earlier calls and other orgs keep theirs. */
class OrgScorecardFlowTest extends LlmFlowTestBase {
    private static final List<String> MEDDIC = List.of("metrics", "economic_buyer", "decision_criteria",
            "decision_process", "identify_pain", "champion");
    private static final String SCHEMA = "$.response_format.json_schema.schema.properties.criteria";

    @Autowired
    OrgSettings orgSettings;

    @Test
    void anOrgSwitchedToMeddicHasItsNextCallScoredOnMeddicAndNothingElseChanges() throws Exception {
        var before = Calls.inOrg("org-meddic", "scorecard-before-switch");
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing(before.title()))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(4), 1000, 300)));
        send(before);
        assertThat(analyzed(before.callId()).evaluation().scorecard()).isEqualTo(new Evaluation.Scorecard("default", 1));

        orgSettings.change("org-meddic", new AnalysisSettings("fr", new AnalysisSettings.Scorecard("meddic", 0,
                List.of()), false, null), "hugo");

        var after = Calls.inOrg("org-meddic", "scorecard-after-switch");
        Map<String, Object> meddic = new LinkedHashMap<>();
        MEDDIC.forEach(key -> meddic.put(key, FakeOpenAi.rubric(4, "qu'est-ce qui vous amène ?", "00:00:00")));
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing(after.title()))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.answer(meddic), 1000, 300)));
        var otherOrg = Calls.inOrg("org-untouched", "scorecard-other-org");
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing(otherOrg.title()))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(4), 1000, 300)));
        send(after);
        send(otherOrg);

        var request = postRequestedFor(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing(after.title()))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("economic_buyer (Décideur économique)")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("en français (code de langue fr)")));
        for (String key : MEDDIC) {
            request = request.withRequestBody(matchingJsonPath(SCHEMA + ".properties." + key))
                    .withRequestBody(matchingJsonPath(SCHEMA + ".required", containing(key)));
        }
        CallAnalyzed scored = analyzed(after.callId());
        FakeOpenAi.SERVER.verify(1, request.withRequestBody(notContaining("\"discovery\"")));
        assertThat(scored.evaluation().scorecard()).isEqualTo(new Evaluation.Scorecard("meddic", 2));
        assertThat(scored.evaluation().scores()).extracting(Evaluation.CriterionScore::criterion)
                .containsExactlyElementsOf(MEDDIC);
        assertThat(scored.evaluation().scores().get(1).label()).isEqualTo("Décideur économique");
        assertThat(scored.evaluation().language()).isEqualTo("fr");

        assertThat(analyzed(before.callId()).evaluation().scorecard()).as("the earlier call keeps its scorecard")
                .isEqualTo(new Evaluation.Scorecard("default", 1));
        CallAnalyzed other = analyzed(otherOrg.callId());
        assertThat(other.evaluation().scorecard()).isEqualTo(new Evaluation.Scorecard("default", 1));
        assertThat(other.evaluation().scores()).hasSize(5);
        FakeOpenAi.SERVER.verify(1, postRequestedFor(urlEqualTo(FakeOpenAi.PATH))
                .withRequestBody(containing(otherOrg.title()))
                .withRequestBody(matchingJsonPath(SCHEMA + ".properties.discovery")));
    }
}
