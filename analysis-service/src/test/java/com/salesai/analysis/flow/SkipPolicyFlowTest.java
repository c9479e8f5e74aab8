package com.salesai.analysis.flow;

import com.salesai.schema.events.AnalysisMode;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.InviteeDomainsType;
import com.salesai.schema.events.SkipReason;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Calls the policy keeps from the LLM are published skipped, with their reason, and cost no request. */
class SkipPolicyFlowTest extends LlmFlowTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void aCallWithoutTranscriptIsSkippedWithoutARequest() throws Exception {
        CallAnalyzed analyzed = skipped(Calls.of("skip-no-transcript", false, Attribution.RECORDER,
                InviteeDomainsType.ONE_OR_MORE_EXTERNAL), SkipReason.NO_TRANSCRIPT);
        assertThat(analyzed.metrics().available()).isFalse();
    }

    @Test
    void anInternalMeetingIsSkippedWithItsMetrics() throws Exception {
        CallAnalyzed analyzed = skipped(Calls.of("skip-internal-meeting", true, Attribution.RECORDER,
                InviteeDomainsType.ONLY_INTERNAL), SkipReason.INTERNAL_MEETING);
        assertThat(analyzed.metrics().available()).isTrue();
        assertThat(analyzed.metrics().repQuestions()).isEqualTo(3);
    }

    @Test
    void aCallSharedBySomeoneOutsideTheOrgIsSkipped() throws Exception {
        skipped(Calls.of("skip-shared-recording", true, Attribution.SHARED, InviteeDomainsType.ONE_OR_MORE_EXTERNAL),
                SkipReason.RECORDED_OUTSIDE_ORG);
    }

    private CallAnalyzed skipped(CallRecorded call, SkipReason reason) throws Exception {
        double skippedBefore = skippedCount(reason);
        // were a request made, it would be answered: only the skip keeps the call from being evaluated
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing(call.title()))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(4), 1000, 300)));

        send(call);
        CallAnalyzed analyzed = analyzed(call.callId());

        assertThat(analyzed.skipReason()).isEqualTo(reason);
        assertThat(analyzed.mode()).isEqualTo(AnalysisMode.LLM);
        assertThat(analyzed.evaluation()).isNull();
        assertThat(analyzed.llmRequests()).isZero();
        assertThat(analyzed.tokenUsage().totalTokens()).isZero();
        assertThat(Prompts.requests(call.title())).isEmpty();
        assertThat(skippedCount(reason) - skippedBefore).isEqualTo(1);
        return analyzed;
    }

    private double skippedCount(SkipReason reason) {
        var counter = meters.find("analysis.calls.skipped").tag("reason", reason.name().toLowerCase()).counter();
        return counter == null ? 0 : counter.count();
    }
}
