package com.salesai.dashboard;

import com.salesai.schema.events.ActionItem;
import com.salesai.schema.events.AnalysisMode;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallAnalysisFailed;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallReviewed;
import com.salesai.schema.events.CallSource;
import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.Highlight;
import com.salesai.schema.events.InviteeDomainsType;
import com.salesai.schema.events.Outcome;
import com.salesai.schema.events.Participant;
import com.salesai.schema.events.Person;
import com.salesai.schema.events.SkipReason;
import com.salesai.schema.events.SourceFormat;
import com.salesai.schema.events.TokenUsage;
import com.salesai.schema.events.TranscriptSegment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Builders of realistic call events for tests. */
public final class TestEvents {
    /** The criterion keys of the default scorecard, in its order. */
    public static final List<String> DEFAULT_CRITERIA = List.of("discovery", "active_listening", "value_proposition",
            "objection_handling", "next_steps");

    private TestEvents() {
    }

    public static CallRecorded recorded(String callId, String orgId, String userId, String repName, String title,
                                        Instant startedAt) {
        return recorded(callId, orgId, userId, repName, title, startedAt, null, Attribution.RECORDER);
    }

    /** A recording by {@code repName} of {@code team}, credited to {@code userId} as {@code attribution}. */
    public static CallRecorded recorded(String callId, String orgId, String userId, String repName, String title,
                                        Instant startedAt, String team, Attribution attribution) {
        return new CallRecorded(1, UUID.nameUUIDFromBytes(("rec" + callId).getBytes()), startedAt.plusSeconds(3600),
                callId, orgId, userId, CallSource.WEBHOOK, SourceFormat.NESTED, "rec-" + callId, title,
                new Person(repName, userId + "@acme.test", team), startedAt, startedAt, 1800,
                "https://fathom.video/share/" + callId, "fr",
                List.of(new Participant(repName, userId + "@acme.test", "acme.test", false),
                        new Participant("Claire Client", "claire@customer.test", "customer.test", true)),
                1,
                List.of(new TranscriptSegment(repName, userId + "@acme.test", "Bonjour, parlons budget.", 0),
                        new TranscriptSegment("Claire Client", "claire@customer.test", "Oui, 10k.", 5)),
                repName + ": Bonjour, parlons budget.\nClaire Client: Oui, 10k.", "## Résumé\nBudget discuté",
                List.of(new ActionItem("Envoyer le devis", new Person(repName, userId + "@acme.test"), 30, false)),
                startedAt.plusSeconds(3500), "https://fathom.video/calls/c-" + callId, attribution, userId,
                "Sales call", InviteeDomainsType.ONE_OR_MORE_EXTERNAL,
                List.of(new Highlight("Objection", "Budget", "Oui, 10k.", 5.0, 9.0)), List.of());
    }

    public static CallAnalyzed analyzed(String callId, String orgId, String userId, int score, Outcome outcome,
                                        double repTalkRatio, Instant analyzedAt) {
        var metrics = new ConversationMetrics(true, null, 1800,
                List.of(new ConversationMetrics.SpeakerStats("Rep", userId + "@acme.test", true, 900, repTalkRatio,
                        100, 3, 120, 2)),
                repTalkRatio, new ConversationMetrics.Monologue("Rep", 60, 10), 3, 1, 2.5, 130.0, 2,
                Map.of("euh", 2));
        var evaluation = new Evaluation(
                List.of(new Evaluation.CriterionScore("discovery", "Découverte", 1.0, 4, true,
                        List.of(new Evaluation.Evidence("parlons budget", "00:00:00", true, 0)))),
                score, outcome, "Bon appel", List.of("Écoute"), List.of("Relances"),
                List.of(new Evaluation.NextStep("Envoyer le devis", "rep")), List.of("Budget serré"),
                "Posez plus de questions ouvertes.", "fr", Evaluation.Scorecard.DEFAULT, 1, 1);
        return new CallAnalyzed(1, UUID.nameUUIDFromBytes(("ana" + callId + analyzedAt).getBytes()), analyzedAt,
                callId, orgId, userId, AnalysisMode.LLM, metrics, evaluation, "gpt-5-mini", "v1",
                new TokenUsage(100, 50, 150), new BigDecimal("0.0012"), false, analyzedAt, null, List.of(), false, 1);
    }

    /**
     * The same analysis scored on the default scorecard's five criteria, 4, 3, 2, 2 and 5 in order, each with a quote,
     * weighted as given (overall 55 at equal weights).
     */
    public static CallAnalyzed onFiveCriteria(CallAnalyzed a, int overallScore, double... weights) {
        int[] scores = {4, 3, 2, 2, 5};
        List<Evaluation.CriterionScore> scored = new ArrayList<>();
        for (int i = 0; i < DEFAULT_CRITERIA.size(); i++) {
            String key = DEFAULT_CRITERIA.get(i);
            scored.add(new Evaluation.CriterionScore(key, key.toUpperCase(Locale.ROOT),
                    weights.length == 0 ? 1.0 : weights[i], scores[i], true,
                    List.of(new Evaluation.Evidence("parlons budget", "00:00:00", true, 0))));
        }
        Evaluation e = a.evaluation();
        Evaluation evaluation = new Evaluation(scored, overallScore, e.outcome(), e.summary(), e.strengths(),
                e.improvements(), e.nextSteps(), e.risks(), e.coaching(), e.language(), e.scorecard(), 5, 5);
        return new CallAnalyzed(a.schemaVersion(), a.eventId(), a.occurredAt(), a.callId(), a.orgId(), a.userId(),
                a.mode(), a.metrics(), evaluation, a.model(), a.promptVersion(), a.tokenUsage(),
                a.estimatedCostUsd(), a.chunked(), a.analyzedAt(), a.skipReason(), a.reviewFlags(),
                a.transcriptTruncated(), a.llmRequests());
    }

    /** A review by {@code reviewerId} at {@code at}: criterion key and score pairs, each with a comment. */
    public static CallReviewed reviewed(String callId, String orgId, String reviewerId, Instant at, String note,
                                        Object... criterionAndScore) {
        List<CallReviewed.ReviewedScore> scores = new ArrayList<>();
        for (int i = 0; i < criterionAndScore.length; i += 2) {
            scores.add(new CallReviewed.ReviewedScore((String) criterionAndScore[i], (Integer) criterionAndScore[i + 1],
                    "Revu par " + reviewerId));
        }
        return CallReviewed.of(callId, orgId, new CallReviewed.Reviewer(reviewerId, "User " + reviewerId), at, scores,
                note);
    }

    /** Not sent to the LLM by policy: a skip reason, conversation metrics, no evaluation. */
    public static CallAnalyzed skipped(String callId, String orgId, String userId, SkipReason reason,
                                       Instant analyzedAt) {
        CallAnalyzed full = analyzed(callId, orgId, userId, 0, Outcome.WON, 0.3, analyzedAt);
        return new CallAnalyzed(1, full.eventId(), analyzedAt, callId, orgId, userId, AnalysisMode.LLM,
                full.metrics(), null, null, "v1", TokenUsage.NONE, BigDecimal.ZERO, false, analyzedAt, reason,
                List.of(), false, 0);
    }

    /** The same analysis carrying review flags. */
    public static CallAnalyzed flagged(CallAnalyzed a, String... flags) {
        return new CallAnalyzed(a.schemaVersion(), a.eventId(), a.occurredAt(), a.callId(), a.orgId(), a.userId(),
                a.mode(), a.metrics(), a.evaluation(), a.model(), a.promptVersion(), a.tokenUsage(),
                a.estimatedCostUsd(), a.chunked(), a.analyzedAt(), a.skipReason(), List.of(flags),
                a.transcriptTruncated(), a.llmRequests());
    }

    public static CallAnalysisFailed failed(String callId, String orgId, String userId, Instant failedAt) {
        return new CallAnalysisFailed(1, UUID.nameUUIDFromBytes(("fail" + callId + failedAt).getBytes()), failedAt,
                callId, orgId, userId, "OpenAI 429 after retries", 5, "v1", failedAt);
    }

    public static CallAnalyzed metricsOnly(String callId, String orgId, String userId, double repTalkRatio,
                                           Instant analyzedAt) {
        CallAnalyzed full = analyzed(callId, orgId, userId, 0, Outcome.WON, repTalkRatio, analyzedAt);
        return new CallAnalyzed(1, full.eventId(), analyzedAt, callId, orgId, userId, AnalysisMode.METRICS_ONLY,
                full.metrics(), null, null, "v1", TokenUsage.NONE, BigDecimal.ZERO, false, analyzedAt, null, List.of(),
                false, 0);
    }
}
