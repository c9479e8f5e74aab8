package com.salesai.analysis.flow;

import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.Evaluation;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The model's quotes are checked against the transcript before the call is published. */
class EvidenceFlowTest extends LlmFlowTestBase {
    private static final String INVENTED = "Nous vous offrons trois mois gratuits si vous signez aujourd'hui.";

    @Autowired
    MeterRegistry meters;

    @Test
    void anInventedQuoteIsPublishedUnverifiedAndItsCriterionUnsupportedAndCapped() throws Exception {
        double verifiedBefore = quotes("true");
        double unverifiedBefore = quotes("false");
        var call = Calls.call("evidence-invented-quote");
        var answer = FakeOpenAi.evaluation("objection_handling", FakeOpenAi.rubric(5, INVENTED, "00:00:45"));
        // re-punctuated, re-cased and with a wrong timestamp: still the rep's words of 00:00:30
        FakeOpenAi.criteria(answer).put("active_listening", FakeOpenAi.rubric(4, "« COMBIEN de temps, par semaine »", "00:07:00"));
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing("evidence-invented-quote"))
                .willReturn(FakeOpenAi.completion(answer, 1000, 300)));

        send(call);
        CallAnalyzed analyzed = analyzed(call.callId());

        Evaluation evaluation = analyzed.evaluation();
        Evaluation.CriterionScore objections = evaluation.scores().get(3);
        assertThat(objections.label()).as("the default scorecard in the org's language, en").isEqualTo("Objection handling");
        assertThat(objections.supported()).isFalse();
        assertThat(objections.score()).isEqualTo(2);
        assertThat(objections.evidence()).containsExactly(new Evaluation.Evidence(INVENTED, "00:00:45", false, null));
        Evaluation.CriterionScore listening = evaluation.scores().get(1);
        assertThat(listening.supported()).isTrue();
        assertThat(listening.score()).isEqualTo(4);
        assertThat(listening.evidence()).containsExactly(
                new Evaluation.Evidence("« COMBIEN de temps, par semaine »", "00:00:30", true, 2));
        assertThat(evaluation.scores()).extracting(Evaluation.CriterionScore::score).containsExactly(4, 4, 2, 2, 5);
        // computed from the capped scores; the model's own 5 for objections would have made it 75
        assertThat(evaluation.overallScore()).isEqualTo(60);
        assertThat(evaluation.quotesVerified()).isEqualTo(3);
        assertThat(evaluation.quotesTotal()).isEqualTo(4);
        assertThat(quotes("true") - verifiedBefore).isEqualTo(3);
        assertThat(quotes("false") - unverifiedBefore).isEqualTo(1);
    }

    private double quotes(String verified) {
        var counter = meters.find("analysis.evidence.quotes").tag("verified", verified).counter();
        return counter == null ? 0 : counter.count();
    }
}
