package com.salesai.analysis.llm;

import com.openai.client.OpenAIClient;
import com.openai.models.ResponseFormatJsonSchema;
import com.salesai.analysis.evidence.TranscriptEvidence;
import com.salesai.analysis.settings.AnalysisSettings;
import com.salesai.platform.tracing.ClientSpans;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.Evaluation;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Evaluates a call with one structured-output request. A transcript whose prompt would exceed the token budget is
 * first summarized chunk by chunk (map: one request per chunk, timestamped notes, kept in the {@link ChunkNotesStore}
 * so a retry reuses them) and the merged notes are evaluated (reduce). Everything from the call enters the prompt
 * fenced as untrusted data ({@link UntrustedData}). An answer that fails validation is asked for once more; a second
 * invalid answer throws {@link InvalidModelAnswerException}, which fails the call. The quotes of the answer are then
 * verified against the transcript.
 */
public class SalesCoach {
    private static final Logger log = LoggerFactory.getLogger(SalesCoach.class);
    private static final String TRANSCRIPT_HEADING = "Transcription :";
    private static final String NOTES_HEADING =
            "Notes horodatées (la transcription, trop longue, a été résumée par extraits) :";
    private static final String TRUNCATION_NOTE = """

            Attention : la transcription dépasse la longueur analysée ; seule sa première partie est fournie. \
            Évalue cette partie et dis dans le résumé que la fin de l'appel n'a pas été analysée.
            """;

    private final OpenAiChat chat;
    private final ChunkNotesStore chunkNotesStore;
    private final String promptVersion;
    private final ResponseFormats formats = new ResponseFormats();
    private final int tokenBudget;
    private final int chunkTokens;
    private final PromptTemplate evaluationPrompt;
    private final PromptTemplate chunkPrompt;
    private final DistributionSummary requestsPerCall;

    /** {@code spans}: each OpenAI request in a client span that continues the current trace into it. */
    public SalesCoach(OpenAIClient client, OpenAiProperties openAi, MeterRegistry meters,
                      ChunkNotesStore chunkNotesStore, ClientSpans spans) {
        this.chat = new OpenAiChat(client, openAi.model(), openAi.maxCompletionTokens(),
                new PriceTable(openAi.prices()), meters, spans);
        this.chunkNotesStore = chunkNotesStore;
        this.promptVersion = openAi.promptVersion();
        this.tokenBudget = openAi.tokenBudget();
        this.chunkTokens = openAi.chunkTokens();
        this.evaluationPrompt = PromptTemplate.load(promptVersion);
        this.chunkPrompt = PromptTemplate.load(promptVersion + "-chunk-notes");
        this.requestsPerCall = DistributionSummary.builder("analysis.llm.requests.per.call")
                .description("LLM requests one analysis of a call made (chunk notes, evaluation, its one retry)")
                .register(meters);
    }

    public String promptVersion() {
        return promptVersion;
    }

    public String model() {
        return chat.model();
    }

    /**
     * {@code truncated}: the call holds only the first part of its transcript, and the prompt says so. The call is
     * scored on the scorecard of {@code settings}, its texts written in their language.
     */
    public CoachingResult evaluate(CallRecorded call, ConversationMetrics metrics, boolean truncated,
                                   AnalysisSettings settings) {
        UsageTally tally = new UsageTally();
        try {
            List<String> lines = CallPromptFacts.transcriptLines(call);
            var messages = evaluationMessages(call, metrics, truncated, settings, TRANSCRIPT_HEADING,
                    UntrustedData.fence("transcript", String.join("\n", lines)));
            boolean chunked = messages.estimatedTokens() > tokenBudget;
            if (chunked) {
                log.info("Call {} transcript is about {} tokens, over the {} budget: summarizing in chunks",
                        call.callId(), messages.estimatedTokens(), tokenBudget);
                messages = evaluationMessages(call, metrics, truncated, settings, NOTES_HEADING,
                        UntrustedData.fence("chunk_notes", notesFromChunks(call, lines, settings.language(), tally)));
            }
            SalesCoachAnswer answer = askValid(call.callId(), "evaluate", messages, SalesCoachAnswer.class,
                    formats.evaluation(settings.scorecard()), a -> AnswerValidator.validate(a, settings.scorecard()),
                    tally);
            Evaluation evaluation = EvaluationMapper.toEvaluation(answer, settings, TranscriptEvidence.of(call));
            return new CoachingResult(evaluation, chat.model(), promptVersion, tally.usage(), tally.costUsd(), chunked,
                    tally.requests());
        } finally {
            requestsPerCall.record(tally.requests());
        }
    }

    private PromptTemplate.Messages evaluationMessages(CallRecorded call, ConversationMetrics metrics,
                                                       boolean truncated, AnalysisSettings settings,
                                                       String materialHeading, String material) {
        Map<String, String> values = languageValues(settings.language());
        values.put("scorecardName", settings.scorecard().name());
        values.put("criteria", criteriaLines(settings.scorecard()));
        values.put("title", UntrustedData.fence("title", call.title()));
        values.put("startedAt", String.valueOf(call.startedAt()));
        values.put("duration", CallPromptFacts.duration(call));
        values.put("rep", UntrustedData.fence("rep", CallPromptFacts.rep(call)));
        values.put("participants", UntrustedData.fence("participants", CallPromptFacts.participants(call)));
        values.put("metrics", UntrustedData.fence("metrics", CallPromptFacts.metrics(metrics)));
        String highlights = CallPromptFacts.highlights(call);
        values.put("highlights", highlights == null ? "(aucun)" : UntrustedData.fence("highlights", highlights));
        values.put("truncation", truncated ? TRUNCATION_NOTE : "");
        values.put("materialHeading", materialHeading);
        values.put("material", material);
        return evaluationPrompt.render(values);
    }

    private String notesFromChunks(CallRecorded call, List<String> lines, String languageCode, UsageTally tally) {
        List<String> chunks = chunk(lines, chunkTokens * 4);
        List<String> notes = new ArrayList<>();
        int reused = 0;
        for (int i = 0; i < chunks.size(); i++) {
            var key = new ChunkNotesStore.Key(call.callId(), promptVersion, i);
            String digest = digest(chunks.get(i), languageCode);
            var stored = chunkNotesStore.find(key, digest);
            if (stored.isPresent()) {
                notes.addAll(stored.get());
                reused++;
                continue;
            }
            Map<String, String> values = languageValues(languageCode);
            values.put("title", UntrustedData.fence("title", call.title()));
            values.put("part", String.valueOf(i + 1));
            values.put("parts", String.valueOf(chunks.size()));
            values.put("material", UntrustedData.fence("transcript", chunks.get(i)));
            ChunkNotes chunkNotes = askValid(call.callId(), "chunk-notes", chunkPrompt.render(values), ChunkNotes.class,
                    formats.of(ChunkNotes.class), answer -> { }, tally);
            List<String> chunkLines = chunkNotes.notes() == null ? List.of() : chunkNotes.notes().stream()
                    .map(n -> "[" + n.timestamp() + "] " + n.note()).toList();
            chunkNotesStore.save(key, digest, chunkLines);
            notes.addAll(chunkLines);
        }
        if (reused > 0) {
            log.info("Call {}: reused the stored notes of {} of {} chunks", call.callId(), reused, chunks.size());
        }
        return String.join("\n", notes);
    }

    /** One request, and one more if its answer is invalid (schema, refusal, {@code validate}); then it fails. */
    private <T> T askValid(String callId, String step, PromptTemplate.Messages messages, Class<T> answerType,
                           ResponseFormatJsonSchema format, Consumer<T> validate, UsageTally tally) {
        try {
            return validated(chat.ask(callId, step, messages.system(), messages.user(), answerType, format, tally), validate);
        } catch (InvalidModelAnswerException first) {
            log.warn("Call {}: the {} answer is invalid ({}); asking once more", callId, step, first.getMessage());
            try {
                return validated(chat.ask(callId, step, messages.system(), messages.user(), answerType, format, tally), validate);
            } catch (InvalidModelAnswerException second) {
                throw new InvalidModelAnswerException("the " + step + " answer was invalid twice; last: "
                        + second.getMessage());
            }
        }
    }

    private static <T> T validated(T answer, Consumer<T> validate) {
        validate.accept(answer);
        return answer;
    }

    /** Whole lines per chunk, each chunk at most {@code maxChars} unless a single line is longer. */
    static List<String> chunk(List<String> lines, int maxChars) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (current.length() > 0 && current.length() + line.length() + 1 > maxChars) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            current.append(line).append('\n');
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** The chunk's text and the notes' language: notes taken on other text or in another language are not reused. */
    private static String digest(String chunk, String languageCode) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(languageCode.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            return HexFormat.of().formatHex(sha256.digest(chunk.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** One line per criterion: its key, label and description, for the model to score it under that key. */
    static String criteriaLines(AnalysisSettings.Scorecard scorecard) {
        StringBuilder lines = new StringBuilder();
        for (AnalysisSettings.Criterion c : scorecard.criteria()) {
            lines.append("  - ").append(c.key()).append(" (").append(c.label()).append(')');
            if (!c.description().isBlank()) {
                lines.append(" : ").append(c.description());
            }
            lines.append('\n');
        }
        return lines.toString().stripTrailing();
    }

    private static Map<String, String> languageValues(String languageCode) {
        Map<String, String> values = new HashMap<>();
        values.put("languageCode", languageCode);
        values.put("languageName", Locale.forLanguageTag(languageCode).getDisplayLanguage(Locale.FRENCH));
        return values;
    }
}
