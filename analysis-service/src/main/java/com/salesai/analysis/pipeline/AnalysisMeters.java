package com.salesai.analysis.pipeline;

import com.salesai.schema.events.CallAnalyzed;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.SkipReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** What a first analysis (not a republication) counts: mode, skip reason, review flags, verified quotes. */
@Component
class AnalysisMeters {
    private final MeterRegistry meters;

    AnalysisMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    void analyzed(CallAnalyzed analysis) {
        analysis.reviewFlags().forEach(flag -> Counter.builder("analysis.review.flags").tag("flag", flag)
                .description("Review flags raised on calls").register(meters).increment());
        if (analysis.skipReason() != null) {
            Counter.builder("analysis.calls.skipped").tag("reason", wireName(analysis.skipReason()))
                    .description("Calls not sent to the LLM by policy").register(meters).increment();
            return;
        }
        Counter.builder("analysis.calls.analyzed").tag("mode", CallAnalysisService.modeTag(analysis.mode()))
                .description("Calls analyzed (first analysis, not republications)").register(meters).increment();
        Evaluation evaluation = analysis.evaluation();
        if (evaluation != null) {
            quotes(true).increment(evaluation.quotesVerified());
            quotes(false).increment(evaluation.quotesTotal() - evaluation.quotesVerified());
        }
    }

    private Counter quotes(boolean verified) {
        return Counter.builder("analysis.evidence.quotes").tag("verified", String.valueOf(verified))
                .description("Evidence quotes found in the transcript (verified) or not").register(meters);
    }

    /** no_transcript, internal_meeting, ...: the reason as the events spell it. */
    static String wireName(SkipReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }
}
