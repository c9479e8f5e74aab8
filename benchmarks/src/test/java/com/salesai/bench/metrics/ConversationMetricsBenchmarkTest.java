package com.salesai.bench.metrics;

import com.salesai.analysis.evidence.TranscriptEvidence;
import com.salesai.analysis.metrics.ConversationMetricsCalculator;
import com.salesai.bench.RunContext;
import com.salesai.bench.report.Figure;
import com.salesai.bench.report.Section;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.ConversationMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated call spans an hour and yields real metrics; the JMH harness runs on one 100 ms iteration. */
class ConversationMetricsBenchmarkTest {

    @Test
    void generatedCallIsAnHourOfTalkWithMetrics() {
        CallRecorded call = HourLongCall.create();
        ConversationMetrics metrics = new ConversationMetricsCalculator().compute(call);

        assertThat(call.transcript()).hasSizeGreaterThan(400);
        assertThat(call.transcript().get(call.transcript().size() - 1).offsetSeconds()).isBetween(3_500, 3_600);
        assertThat(metrics.available()).isTrue();
        assertThat(metrics.speakers()).hasSize(3);
        assertThat(metrics.repTalkRatio()).isBetween(0.1, 0.9);
        assertThat(metrics.fillerWordCount()).isPositive();
        assertThat(metrics.repQuestions()).isPositive();
    }

    @Test
    void quickRunYieldsAFigurePerCheckWithItsGoal(@TempDir Path work) throws Exception {
        Section section = new ConversationMetricsBenchmark().run(new RunContext(work, work, true));

        assertThat(section.figures()).extracting(Figure::name).containsExactlyInAnyOrder("metrics of a 1-hour call",
                "evidence check of 12 quotes, 1-hour call", "prompt-injection scan, 1-hour call");
        assertThat(section.figures()).allSatisfy(figure -> {
            assertThat(figure.value()).isPositive();
            assertThat(figure.goal()).isNotNull();
        });
    }

    @Test
    void theQuotesAreFoundInTheTranscriptExceptTheParaphrases() {
        CallRecorded call = HourLongCall.create();
        TranscriptEvidence transcript = TranscriptEvidence.of(call);

        assertThat(TranscriptChecksBench.quotes(call)).hasSize(12)
                .filteredOn(quote -> transcript.verify(quote, null).verified()).hasSize(10);
    }
}
