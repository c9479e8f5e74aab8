package com.salesai.analysis.llm;

import com.openai.client.OpenAIClient;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.ConversationMetrics;
import com.salesai.schema.events.Evaluation;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates a call with one structured-output request. A transcript whose prompt would exceed the token budget is
 * first summarized chunk by chunk (map: one request per chunk, timestamped notes) and the merged notes are evaluated
 * (reduce). An answer that fails validation throws {@link InvalidModelAnswerException}, which the consumer retries.
 */
public class SalesCoach {
    private static final Logger log = LoggerFactory.getLogger(SalesCoach.class);

    private final OpenAiChat chat;
    private final String promptVersion;
    private final String languageCode;
    private final int tokenBudget;
    private final int chunkTokens;
    private final PromptTemplate evaluationPrompt;
    private final PromptTemplate chunkPrompt;

    public SalesCoach(OpenAIClient client, OpenAiProperties openAi, String languageCode, MeterRegistry meters) {
        this.chat = new OpenAiChat(client, openAi.model(), new PriceTable(openAi.prices()), meters);
        this.promptVersion = openAi.promptVersion();
        this.languageCode = languageCode;
        this.tokenBudget = openAi.tokenBudget();
        this.chunkTokens = openAi.chunkTokens();
        this.evaluationPrompt = PromptTemplate.load(promptVersion);
        this.chunkPrompt = PromptTemplate.load(promptVersion + "-chunk-notes");
    }

    public String promptVersion() {
        return promptVersion;
    }

    public String model() {
        return chat.model();
    }

    public CoachingResult evaluate(CallRecorded call, ConversationMetrics metrics) {
        UsageTally tally = new UsageTally();
        List<String> lines = CallPromptFacts.transcriptLines(call);
        var messages = evaluationMessages(call, metrics, "Transcription :", String.join("\n", lines));
        boolean chunked = messages.estimatedTokens() > tokenBudget;
        if (chunked) {
            log.info("Call {} transcript is about {} tokens, over the {} budget: summarizing in chunks",
                    call.callId(), messages.estimatedTokens(), tokenBudget);
            messages = evaluationMessages(call, metrics,
                    "Notes horodatées (la transcription, trop longue, a été résumée par extraits) :",
                    notesFromChunks(call, lines, tally));
        }
        SalesCoachAnswer answer = chat.ask(call.callId(), "evaluate", messages.system(), messages.user(),
                SalesCoachAnswer.class, tally);
        AnswerValidator.validate(answer);
        Evaluation evaluation = EvaluationMapper.toEvaluation(answer, languageCode);
        return new CoachingResult(evaluation, chat.model(), promptVersion, tally.usage(), tally.costUsd(), chunked);
    }

    private PromptTemplate.Messages evaluationMessages(CallRecorded call, ConversationMetrics metrics,
                                                       String materialHeading, String material) {
        Map<String, String> values = languageValues();
        values.put("title", call.title());
        values.put("startedAt", String.valueOf(call.startedAt()));
        values.put("duration", CallPromptFacts.duration(call));
        values.put("rep", CallPromptFacts.rep(call));
        values.put("participants", CallPromptFacts.participants(call));
        values.put("metrics", CallPromptFacts.metrics(metrics));
        values.put("materialHeading", materialHeading);
        values.put("material", material);
        return evaluationPrompt.render(values);
    }

    private String notesFromChunks(CallRecorded call, List<String> lines, UsageTally tally) {
        List<String> chunks = chunk(lines, chunkTokens * 4);
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Map<String, String> values = languageValues();
            values.put("title", call.title());
            values.put("part", String.valueOf(i + 1));
            values.put("parts", String.valueOf(chunks.size()));
            values.put("material", chunks.get(i));
            var messages = chunkPrompt.render(values);
            ChunkNotes chunkNotes = chat.ask(call.callId(), "chunk-notes", messages.system(), messages.user(),
                    ChunkNotes.class, tally);
            if (chunkNotes.notes() != null) {
                chunkNotes.notes().forEach(n -> notes.add("[" + n.timestamp() + "] " + n.note()));
            }
        }
        return String.join("\n", notes);
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

    private Map<String, String> languageValues() {
        Map<String, String> values = new HashMap<>();
        values.put("languageCode", languageCode);
        values.put("languageName", Locale.forLanguageTag(languageCode).getDisplayLanguage(Locale.FRENCH));
        return values;
    }
}
