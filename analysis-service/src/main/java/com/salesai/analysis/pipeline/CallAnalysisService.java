package com.salesai.analysis.pipeline;

import com.salesai.analysis.config.AnalysisProperties;
import com.salesai.analysis.injection.InjectionDetector;
import com.salesai.analysis.llm.CoachingResult;
import com.salesai.analysis.llm.SalesCoach;
import com.salesai.analysis.metrics.ConversationMetricsCalculator;
import com.salesai.analysis.settings.AnalysisSettings;
import com.salesai.analysis.settings.OrgSettings;
import com.salesai.schema.events.AnalysisMode;
import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.SkipReason;
import com.salesai.schema.events.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Analyzes one call with its org's analysis settings as they are now, idempotently per (callId, analysis version:
 * the prompt version and the org's scorecard version): a call already analyzed is republished from the store without
 * a second LLM request. Metrics and review flags are computed for every call; the skip policy (the org's internal
 * meetings and daily token budget) then keeps some calls from the LLM, and the transcript cap bounds what the others
 * send. Without an OpenAI key every result is metrics-only.
 */
@Service
class CallAnalysisService {
    static final String METRICS_ONLY_VERSION = "metrics-only";
    private static final Logger log = LoggerFactory.getLogger(CallAnalysisService.class);

    private final ConversationMetricsCalculator metricsCalculator = new ConversationMetricsCalculator();
    private final Optional<SalesCoach> coach;
    private final OrgSettings orgSettings;
    private final DailyTokens dailyTokens;
    private final TranscriptCap transcriptCap;
    private final AnalysisStore store;
    private final AnalysisPublisher publisher;
    private final CallErasure erasure;
    private final AnalysisMeters meters;
    private final Clock clock;

    CallAnalysisService(ObjectProvider<SalesCoach> coach, AnalysisProperties properties, OrgSettings orgSettings,
                        DailyTokens dailyTokens, AnalysisStore store, AnalysisPublisher publisher,
                        CallErasure erasure, AnalysisMeters meters, ObjectProvider<Clock> clock) {
        this.coach = Optional.ofNullable(coach.getIfAvailable());
        this.orgSettings = orgSettings;
        this.dailyTokens = dailyTokens;
        this.transcriptCap = new TranscriptCap(properties.maxTranscriptChars());
        this.store = store;
        this.publisher = publisher;
        this.erasure = erasure;
        this.meters = meters;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        if (this.coach.isEmpty()) {
            log.warn("Analysis mode: metrics-only. No OPENAI_API_KEY configured, calls get conversation metrics "
                    + "and no LLM evaluation (every CallAnalyzed says mode=metrics-only)");
        } else {
            log.info("Analysis mode: llm, model {}, prompt {}", this.coach.get().model(), this.coach.get().promptVersion());
        }
    }

    /**
     * Recovery story: the result is stored first, then published. If publishing fails this throws, the record is
     * redelivered, and the stored result is found and republished, so no result is lost and no LLM request repeated.
     * An erased call is not analyzed; one erased while it was being analyzed is forgotten again after its publish
     * (the erasure's tombstones may have gone out before that publish), so nothing of it stays stored or on the topic.
     */
    void analyze(CallRecorded call) {
        if (erasure.isErased(call.callId())) {
            log.info("Call {} is erased: not analyzed", call.callId());
            return;
        }
        AnalysisSettings settings = orgSettings.current(call.orgId());
        String version = analysisVersion(settings);
        Optional<CallAnalyzed> stored = store.find(call.callId(), version);
        if (stored.isPresent()) {
            log.info("Call {} already analyzed ({}): republishing the stored result", call.callId(), version);
            publisher.publish(stored.get());
            forgetIfErasedMeanwhile(call.callId());
            return;
        }
        long started = System.nanoTime();
        CallAnalyzed analysis = store.storeIfAbsent(version, analysisOf(call, settings));
        publisher.publish(analysis);
        if (forgetIfErasedMeanwhile(call.callId())) {
            return;
        }
        meters.analyzed(analysis);
        log.info("Call {} analyzed: mode={} skipReason={} reviewFlags={} chunked={} truncated={} overallScore={} "
                        + "quotesVerified={}/{} llmRequests={} tokens={} costUsd={} in {} ms",
                call.callId(), modeTag(analysis.mode()), analysis.skipReason(), analysis.reviewFlags(),
                analysis.chunked(), analysis.transcriptTruncated(),
                analysis.evaluation() == null ? null : analysis.evaluation().overallScore(),
                analysis.evaluation() == null ? 0 : analysis.evaluation().quotesVerified(),
                analysis.evaluation() == null ? 0 : analysis.evaluation().quotesTotal(), analysis.llmRequests(),
                analysis.tokenUsage().totalTokens(), analysis.estimatedCostUsd(), (System.nanoTime() - started) / 1_000_000);
    }

    private boolean forgetIfErasedMeanwhile(String callId) {
        if (!erasure.isErased(callId)) {
            return false;
        }
        log.info("Call {} was erased while it was analyzed: its result is forgotten again", callId);
        erasure.forget(callId);
        return true;
    }

    private CallAnalyzed analysisOf(CallRecorded call, AnalysisSettings settings) {
        ConversationMetrics metrics = metricsCalculator.compute(call);
        List<String> reviewFlags = InjectionDetector.suspects(call)
                ? List.of(CallAnalyzed.FLAG_POSSIBLE_PROMPT_INJECTION) : List.of();
        AnalysisMode mode = coach.isPresent() ? AnalysisMode.LLM : AnalysisMode.METRICS_ONLY;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long spentToday = settings.dailyTokenBudget() == null ? 0 : dailyTokens.spent(call.orgId(), today);
        Optional<SkipReason> skip = new SkipPolicy(settings.analyzeInternalMeetings(), settings.dailyTokenBudget(),
                spentToday).reasonToSkip(call);
        if (skip.isPresent() || coach.isEmpty()) {
            Instant now = clock.instant();
            return new CallAnalyzed(CallAnalyzed.SCHEMA_VERSION, UUID.randomUUID(), now, call.callId(), call.orgId(),
                    call.userId(), mode, metrics, null, null, null, TokenUsage.NONE, null, false, now,
                    skip.orElse(null), reviewFlags, false, 0);
        }
        TranscriptCap.Capped capped = transcriptCap.apply(call);
        CoachingResult result = coach.get().evaluate(capped.call(), metrics, capped.truncated(), settings);
        Instant done = clock.instant();
        dailyTokens.add(call.orgId(), today, result.tokenUsage().totalTokens());
        return new CallAnalyzed(CallAnalyzed.SCHEMA_VERSION, UUID.randomUUID(), done, call.callId(), call.orgId(),
                call.userId(), mode, metrics, result.evaluation(), result.model(), result.promptVersion(),
                result.tokenUsage(), result.estimatedCostUsd(), result.chunked(), done, null, reviewFlags,
                capped.truncated(), result.llmRequests());
    }

    /** A result of one scorecard version is not one of another: a call redelivered after a change is scored again. */
    String analysisVersion(AnalysisSettings settings) {
        return coach.isEmpty() ? METRICS_ONLY_VERSION : promptVersion() + "|scorecard-" + settings.scorecard().version();
    }

    String promptVersion() {
        return coach.map(SalesCoach::promptVersion).orElse(METRICS_ONLY_VERSION);
    }

    static String modeTag(AnalysisMode mode) {
        return mode == AnalysisMode.LLM ? "llm" : "metrics-only";
    }
}
