package com.salesai.bench.metrics;

import com.salesai.analysis.evidence.TranscriptEvidence;
import com.salesai.analysis.injection.InjectionDetector;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.Evaluation;
import com.salesai.schema.events.TranscriptSegment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * analysis-service's per-call checks of the transcript on one hour ({@link HourLongCall}): the evidence check of an
 * evaluation's quotes (the transcript normalized once, then each quote verified) and the prompt-injection scan.
 */
@State(Scope.Benchmark)
public class TranscriptChecksBench {
    private CallRecorded call;
    private List<String> quotes;

    @Setup
    public void prepare() {
        call = HourLongCall.create();
        quotes = quotes(call);
    }

    /** 12 quotes as a model gives them: 8 copied (case and punctuation changed), 2 across segments, 2 paraphrased. */
    static List<String> quotes(CallRecorded call) {
        List<TranscriptSegment> segments = call.transcript();
        List<String> quotes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String text = segments.get(37 + 61 * i).text();
            quotes.add(i % 2 == 0 ? text.toUpperCase(Locale.ROOT) : "« " + text.replace(",", "") + " »");
        }
        for (int i = 0; i < 2; i++) {
            String[] first = segments.get(100 + 200 * i).text().split(" ");
            String[] next = segments.get(101 + 200 * i).text().split(" ");
            quotes.add(first[first.length - 2] + " " + first[first.length - 1] + " " + next[0] + " " + next[1]);
        }
        quotes.add("le client a dit que le budget était validé pour le prochain trimestre");
        quotes.add("we would need a discount before signing anything this quarter");
        return List.copyOf(quotes);
    }

    @Benchmark
    public List<Evaluation.Evidence> evidence() {
        TranscriptEvidence transcript = TranscriptEvidence.of(call);
        return quotes.stream().map(quote -> transcript.verify(quote, null)).toList();
    }

    @Benchmark
    public boolean injection() {
        return InjectionDetector.suspects(call);
    }
}
