package com.salesai.schema.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTest {

    private final JsonMapper mapper = EventJson.mapper();
    private static final Instant AT = Instant.parse("2025-01-23T10:00:00Z");
    private static final UUID EVENT_ID = UUID.fromString("7f0c7b8e-3c1d-4b7a-9d2e-1a2b3c4d5e6f");

    static CallRecorded sampleCall() {
        return new CallRecorded(1, EVENT_ID, AT, "call-1", "org-1", "user-1", CallSource.WEBHOOK,
                SourceFormat.FATHOM_MEETING, "123456", "Discovery call with Acme",
                new Person("Alice Martin", "alice@seller.com", "Sales"), AT, AT.plusSeconds(60), 2730,
                "https://fathom.video/share/abc", "fr",
                List.of(new Participant("Bob", "bob@acme.com", "acme.com", true)), 1,
                List.of(new TranscriptSegment("Alice Martin", "alice@seller.com", "Bonjour Bob ?", 0)),
                "Alice Martin: Bonjour Bob ?", "## Summary", List.of(new ActionItem("Send the proposal",
                new Person("Alice Martin", "alice@seller.com"), 120, false)), AT.plusSeconds(3000),
                "https://fathom.video/calls/xyz123", Attribution.RECORDER, "user-1", "Sales call",
                InviteeDomainsType.ONE_OR_MORE_EXTERNAL,
                List.of(new Highlight("Objection", "Le prix", "C'est trop cher", 95.0, 104.5)), List.of("title"));
    }

    @Test
    void callRecordedRoundTripsWithDesignFieldNames() {
        CallRecorded call = sampleCall();

        String json = mapper.writeValueAsString(call);

        assertThat(json).contains("\"schemaVersion\":1", "\"source\":\"webhook\"", "\"attribution\":\"recorder\"",
                "\"calendarInviteesDomainsType\":\"one_or_more_external\"", "\"team\":\"Sales\"",
                "\"sourceFormat\":\"fathom-meeting\"", "\"recordingStartTime\":\"2025-01-23T10:01:00Z\"",
                "\"externalInviteeCount\":1", "\"offsetSeconds\":0").doesNotContain("startedAt");
        assertThat(mapper.readValue(json, CallRecorded.class)).isEqualTo(call);
    }

    @Test
    void anOlderCallRecordedCarryingBothTranscriptsIsReadAsItsSegments() {
        String older = """
                {"schemaVersion":1,"callId":"call-1","orgId":"org-1","userId":"user-1",
                 "transcript":[{"speaker":"Alice","text":"Bonjour Bob ?","offsetSeconds":0}],
                 "transcriptPlaintext":"Alice: Bonjour Bob ?"}""";

        CallRecorded call = mapper.readValue(older, CallRecorded.class);

        assertThat(call.transcript()).extracting(TranscriptSegment::text).containsExactly("Bonjour Bob ?");
        assertThat(call.transcriptPlaintext()).isNull();
        assertThat(mapper.writeValueAsString(call)).doesNotContain("transcriptPlaintext");
    }

    @Test
    void callAnalyzedRoundTrips() {
        var metrics = new ConversationMetrics(true, null, 2730,
                List.of(new ConversationMetrics.SpeakerStats("Alice", "alice@seller.com", true, 1200, 0.44, 3000,
                        12, 150, 7)), 0.44, new ConversationMetrics.Monologue("Alice", 150, 300), 12, 4, 2.5,
                140.0, 7, Map.of("euh", 5, "um", 2));
        var evaluation = new Evaluation(List.of(new Evaluation.CriterionScore("active_listening",
                "Écoute active", 1.0, 4, true,
                List.of(new Evaluation.Evidence("Si je comprends bien...", "00:05:12", true, 7)))), 75,
                Outcome.NO_DECISION, "Bon appel", List.of("écoute"), List.of("closing"),
                List.of(new Evaluation.NextStep("Envoyer", "Alice")), List.of("budget"), "Continuez ainsi", "fr",
                Evaluation.Scorecard.DEFAULT, 1, 1);
        var analyzed = new CallAnalyzed(1, UUID.randomUUID(), AT, "call-1", "org-1", "user-1", AnalysisMode.LLM,
                metrics, evaluation, "gpt-5-mini", "sales-coach-v1", new TokenUsage(1000, 200, 1200),
                new BigDecimal("0.0125"), false, AT, null,
                List.of(CallAnalyzed.FLAG_POSSIBLE_PROMPT_INJECTION), false, 1);

        String json = mapper.writeValueAsString(analyzed);

        assertThat(json).contains("\"mode\":\"llm\"", "\"outcome\":\"no_decision\"",
                "\"criterion\":\"active_listening\"", "\"verified\":true", "\"supported\":true",
                "\"reviewFlags\":[\"possible_prompt_injection\"]");
        assertThat(mapper.readValue(json, CallAnalyzed.class)).isEqualTo(analyzed);
    }

    @Test
    void metricsOnlyAnalysisHasNoEvaluation() {
        var analyzed = new CallAnalyzed(1, UUID.randomUUID(), AT, "c", "o", "u", AnalysisMode.METRICS_ONLY,
                ConversationMetrics.unavailable("no speaker names in the transcript"), null, null, null,
                TokenUsage.NONE, BigDecimal.ZERO, false, AT, SkipReason.NO_TRANSCRIPT, List.of(), false, 0);

        String json = mapper.writeValueAsString(analyzed);

        assertThat(json).contains("\"mode\":\"metrics-only\"", "\"available\":false",
                "\"skipReason\":\"no_transcript\"");
        assertThat(mapper.readValue(json, CallAnalyzed.class)).isEqualTo(analyzed);
    }

    @Test
    void failureAndIntegrationEventsRoundTrip() {
        var failed = new CallAnalysisFailed(1, UUID.randomUUID(), AT, "c", "o", "u", "OpenAI 500 after 4 attempts",
                4, "sales-coach-v1", AT);
        var changed = new IntegrationChanged(1, UUID.randomUUID(), AT, "u", "o", "u@x.com", "U", "fathom",
                IntegrationStatus.ACTIVE, "wh_1", "v1:k1:AAAA", 3, AT, "v1:k1:BBBB", AT.plusSeconds(86400),
                "u.fathom@x.com");

        assertThat(mapper.readValue(mapper.writeValueAsString(failed), CallAnalysisFailed.class)).isEqualTo(failed);
        String json = mapper.writeValueAsString(changed);
        assertThat(json).contains("\"status\":\"active\"", "\"encryptedWebhookSecret\":\"v1:k1:AAAA\"",
                "\"fathomEmail\":\"u.fathom@x.com\"");
        assertThat(changed.recorderEmail()).isEqualTo("u.fathom@x.com");
        assertThat(mapper.readValue(json, IntegrationChanged.class)).isEqualTo(changed);
    }

    @Test
    void callReviewedCarriesTheDesignsFieldsAndRoundTrips() {
        var reviewed = CallReviewed.of("call-1", "org-1", new CallReviewed.Reviewer("hugo", "Hugo Bernard"), AT,
                List.of(new CallReviewed.ReviewedScore("discovery", 2, "Aucune question sur le budget")),
                "Revoyez la découverte");

        String json = mapper.writeValueAsString(reviewed);

        assertThat(json).contains("\"schemaVersion\":1", "\"occurredAt\":\"2025-01-23T10:00:00Z\"",
                "\"reviewedBy\":{\"userId\":\"hugo\",\"name\":\"Hugo Bernard\"}", "\"at\":\"2025-01-23T10:00:00Z\"",
                "\"scores\":[{\"criterion\":\"discovery\",\"score\":2,\"comment\":\"Aucune question sur le budget\"}]",
                "\"note\":\"Revoyez la découverte\"", "\"eventId\":");
        assertThat(mapper.readValue(json, CallReviewed.class)).isEqualTo(reviewed);
        assertThat(mapper.readValue("{\"callId\":\"c\"}", CallReviewed.class).scores()).isEmpty();
    }

    @Test
    void v1ConsumerIgnoresAnUnknownAddedField() {
        String json = mapper.writeValueAsString(sampleCall());
        String withNewField = json.replaceFirst("\\{", "{\"sentimentScore\":0.8,\"nested\":{\"x\":[1,2]},");

        CallRecorded read = mapper.readValue(withNewField, CallRecorded.class);

        assertThat(read).isEqualTo(sampleCall());
    }

    @Test
    void unknownFieldsAreIgnoredEvenByAPlainMapper() {
        String json = "{\"schemaVersion\":1,\"callId\":\"c\",\"attempts\":3,\"status\":\"x\",\"futureField\":true}";

        CallAnalysisFailed read = JsonMapper.builder().build().readValue(json, CallAnalysisFailed.class);

        assertThat(read.callId()).isEqualTo("c");
        assertThat(read.attempts()).isEqualTo(3);
    }

    @Test
    void eventMapperReadsAnAbsentPrimitiveAsItsDefault() {
        String json = "{\"schemaVersion\":1,\"callId\":\"c\",\"mode\":\"llm\"}";

        CallAnalyzed read = mapper.readValue(json, CallAnalyzed.class);

        assertThat(read.chunked()).isFalse();
        assertThat(read.mode()).isEqualTo(AnalysisMode.LLM);
    }
}
