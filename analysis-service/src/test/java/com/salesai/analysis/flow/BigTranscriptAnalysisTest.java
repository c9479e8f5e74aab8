package com.salesai.analysis.flow;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.salesai.analysis.llm.CoachingResult;
import com.salesai.analysis.llm.OpenAiProperties;
import com.salesai.analysis.llm.SalesCoach;
import com.salesai.analysis.metrics.ConversationMetricsCalculator;
import com.salesai.analysis.settings.AnalysisSettings;
import com.salesai.analysis.settings.ScorecardPresets;
import com.salesai.platform.tracing.ClientSpans;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.TranscriptSegment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The largest call the ingest accepts in practice, a 5 MB transcript, at production settings (token budget
 * 100 000, chunks of 30 000 tokens ~ 120 000 characters): metrics cover the whole transcript, and the evaluation is
 * built from requests that each carry one bounded chunk, then the notes only, never the whole transcript.
 */
class BigTranscriptAnalysisTest {
    private static final int TRANSCRIPT_BYTES = 5 * 1024 * 1024;
    private static final int CHUNK_CHARS = 30_000 * 4;
    /** A chunk plus the prompt around it, JSON-escaped: far below the transcript's size. */
    private static final int MAX_REQUEST_BYTES = 2 * CHUNK_CHARS;

    @Test
    void aFiveMegabyteTranscriptIsMeasuredWholeAndEvaluatedThroughBoundedChunks() {
        String title = "big-transcript-" + System.nanoTime();
        CallRecorded call = Calls.longCall(title, 60_000);
        long transcriptBytes = call.transcript().stream().map(TranscriptSegment::text)
                .mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
        assertThat(transcriptBytes).isGreaterThan(TRANSCRIPT_BYTES);
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing(title))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Extrait ")))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.chunkNotes("Bob décrit ses délais"), 30_000, 200)));
        FakeOpenAi.SERVER.stubFor(post(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing(title))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("Notes horodat")))
                .willReturn(FakeOpenAi.completion(FakeOpenAi.evaluation(3), 5_000, 400)));

        ConversationMetrics metrics = new ConversationMetricsCalculator().compute(call);
        CoachingResult result = coach(call, metrics);

        assertThat(metrics.available()).isTrue();
        assertThat(metrics.speakers()).hasSize(2);
        assertThat(metrics.speakers()).allSatisfy(speaker -> assertThat(speaker.words()).isGreaterThan(400_000));
        assertThat(result.chunked()).isTrue();
        // the canned quotes are not in this transcript: every criterion unsupported, capped at 2
        assertThat(result.evaluation().quotesVerified()).isZero();
        assertThat(result.evaluation().overallScore()).isEqualTo(25);
        List<LoggedRequest> chunks = requests(title, "Extrait ");
        // each prompt line is "[HH:MM:SS] Speaker: text": 24 to 30 characters around the text
        long textChars = call.transcript().stream().mapToLong(s -> s.text().length()).sum();
        long segments = call.transcript().size();
        assertThat(chunks).hasSizeBetween((int) ((textChars + 24 * segments) / CHUNK_CHARS),
                (int) ((textChars + 30 * segments) / (CHUNK_CHARS - 200)) + 1);
        assertThat(chunks).allSatisfy(r -> assertThat(r.getBody().length).isLessThan(MAX_REQUEST_BYTES));
        assertThat(requests(title, "Notes horodat")).singleElement()
                .satisfies(r -> assertThat(r.getBody().length).isLessThan(MAX_REQUEST_BYTES));
        assertThat(result.tokenUsage().promptTokens()).isEqualTo(chunks.size() * 30_000L + 5_000);
        assertThat(result.llmRequests()).isEqualTo(chunks.size() + 1);
    }

    private static CoachingResult coach(CallRecorded call, ConversationMetrics metrics) {
        OpenAIClient client = OpenAIOkHttpClient.builder().apiKey("test-key").baseUrl(FakeOpenAi.baseUrl())
                .maxRetries(0).timeout(Duration.ofSeconds(30)).build();
        try {
            OpenAiProperties production = new OpenAiProperties("test-key", FakeOpenAi.baseUrl(), null, null, 0, null,
                    0, 0, 0, null);
            return new SalesCoach(client, production, new SimpleMeterRegistry(), new InMemoryChunkNotes(),
                    ClientSpans.none())
                    .evaluate(call, metrics, false, new AnalysisSettings("fr", ScorecardPresets.defaultScorecard("fr"),
                            false, null));
        } finally {
            client.close();
        }
    }

    private static List<LoggedRequest> requests(String title, String marker) {
        RequestPatternBuilder pattern = postRequestedFor(urlEqualTo(FakeOpenAi.PATH)).withRequestBody(containing(title))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing(marker)));
        return FakeOpenAi.SERVER.findAll(pattern);
    }
}
