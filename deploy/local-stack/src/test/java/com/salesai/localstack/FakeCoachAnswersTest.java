package com.salesai.localstack;

import com.salesai.schema.events.EventJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FakeCoachAnswersTest {
    private static final String TRANSCRIPT = """
            [00:00:05] Alice Martin: Bonjour Claire, qu'est-ce qui vous amène aujourd'hui ?
            [00:00:12] Claire Client: Oui.
            [00:01:05] Claire Client: Nos commerciaux perdent cinq heures par semaine sur le CRM.
            [00:02:10] Alice Martin: On fixe une démo jeudi avec votre directeur ?""";
    private static final List<String> DEFAULT = List.of("discovery", "active_listening", "value_proposition",
            "objection_handling", "next_steps");
    private static final List<String> MEDDIC = List.of("metrics", "economic_buyer", "decision_criteria",
            "decision_process", "identify_pain", "champion");
    private static final FakeCoachAnswers WELL_BEHAVED = new FakeCoachAnswers(new FakeCoachAnswers.Switches(false, false));

    private static String prompt(String title, String blockId, String material) {
        return "Titre de l'appel :\n" + fenced("title", title) + "\nTranscription :\n" + fenced(blockId, material);
    }

    private static String fenced(String id, String data) {
        return "<<<DONNÉES_NON_FIABLES id=" + id + ">>>\n" + data + "\n<<<FIN_DONNÉES_NON_FIABLES>>>";
    }

    private static List<String> quotes(JsonNode answer) {
        List<String> quotes = new ArrayList<>();
        answer.path("criteria").properties().forEach(e -> e.getValue().path("evidence").forEach(q ->
                quotes.add(q.path("timestamp").asString() + " " + q.path("quote").asString())));
        return quotes;
    }

    @Test
    void everyQuoteIsARealLineOfTheTranscriptWithItsTimestamp() {
        for (int seed = 0; seed < 20; seed++) {
            JsonNode answer = EventJson.mapper().readTree(
                    WELL_BEHAVED.evaluationJson(prompt("Démo Acme", "transcript", TRANSCRIPT), DEFAULT, seed));

            assertThat(answer.has("overallScore")).isFalse();
            assertThat(quotes(answer)).hasSize(5).allSatisfy(quote -> assertThat(quote).isIn(
                    "00:00:05 Bonjour Claire, qu'est-ce qui vous amène aujourd'hui ?",
                    "00:01:05 Nos commerciaux perdent cinq heures par semaine sur le CRM.",
                    "00:02:10 On fixe une démo jeudi avec votre directeur ?"));
            answer.path("criteria").properties().forEach(e -> {
                if (e.getValue().has("score")) {
                    assertThat(e.getValue().path("score").asInt()).isBetween(3, 5);
                }
            });
        }
    }

    @Test
    void aLongCallIsQuotedFromItsChunkNotesWhichCopyRealLines() {
        JsonNode notes = EventJson.mapper().readTree(WELL_BEHAVED.chunkNotesJson(
                "Extrait 1/2 :\n" + fenced("transcript", TRANSCRIPT)));
        List<String> lines = new ArrayList<>();
        notes.path("notes").forEach(n -> lines.add("[" + n.path("timestamp").asString() + "] " + n.path("note").asString()));
        assertThat(lines).containsExactly("[00:00:05] Bonjour Claire, qu'est-ce qui vous amène aujourd'hui ?",
                "[00:01:05] Nos commerciaux perdent cinq heures par semaine sur le CRM.",
                "[00:02:10] On fixe une démo jeudi avec votre directeur ?");

        JsonNode answer = EventJson.mapper().readTree(WELL_BEHAVED.evaluationJson(
                prompt("Long", "chunk_notes", String.join("\n", lines)), DEFAULT, 3));
        assertThat(quotes(answer)).allSatisfy(quote -> assertThat(TRANSCRIPT).contains(quote.substring(9)));
    }

    @Test
    void aPlaintextTranscriptIsQuotedWithoutItsSpeakers() {
        JsonNode answer = EventJson.mapper().readTree(WELL_BEHAVED.evaluationJson(
                prompt("Plain", "transcript", "Alice Martin: Quel est votre budget cette année ?"), DEFAULT, 1));
        assertThat(quotes(answer)).containsOnly("00:00:00 Quel est votre budget cette année ?");
    }

    @Test
    void inventingAQuoteBacksObjectionHandlingWithAQuoteFromNoTranscript() {
        var inventing = new FakeCoachAnswers(new FakeCoachAnswers.Switches(true, false));
        JsonNode everyCall = EventJson.mapper().readTree(inventing.evaluationJson(prompt("Démo", "transcript", TRANSCRIPT), DEFAULT, 1));
        JsonNode oneCall = EventJson.mapper().readTree(WELL_BEHAVED.evaluationJson(
                prompt("Démo [invent-quote]", "transcript", TRANSCRIPT), DEFAULT, 1));

        for (JsonNode answer : List.of(everyCall, oneCall)) {
            assertThat(answer.path("criteria").path("objection_handling").path("evidence").get(0).path("quote").asString())
                    .isEqualTo(FakeCoachAnswers.INVENTED_QUOTE);
            assertThat(answer.path("criteria").path("discovery").path("evidence").get(0).path("quote").asString()).isNotEqualTo(
                    FakeCoachAnswers.INVENTED_QUOTE);
        }
    }

    @Test
    void anyScorecardIsAnsweredWithOneScorePerCriterionKeyOfTheRequest() {
        JsonNode answer = EventJson.mapper().readTree(WELL_BEHAVED.evaluationJson(
                prompt("MEDDIC", "transcript", TRANSCRIPT), MEDDIC, 2));

        assertThat(answer.path("criteria").propertyNames()).containsExactlyElementsOf(MEDDIC);
        assertThat(quotes(answer)).hasSize(6);
    }

    @Test
    void obeyingAnInjectionScoresEverythingFiveOnTheInjectedSentenceOnly() {
        JsonNode answer = EventJson.mapper().readTree(WELL_BEHAVED.evaluationJson(
                prompt("Démo [inject]", "transcript", TRANSCRIPT), DEFAULT, 1));

        assertThat(quotes(answer)).hasSize(5).containsOnly("00:00:00 " + FakeCoachAnswers.INJECTED_SENTENCE);
        assertThat(answer.path("criteria").path("discovery").path("score").asInt()).isEqualTo(5);
    }

    @Test
    void aSystemPropertyTurnsASwitchOn() {
        System.setProperty("fake-openai.invent-quote", "true");
        try {
            assertThat(FakeCoachAnswers.Switches.fromEnvironment().inventQuote()).isTrue();
        } finally {
            System.clearProperty("fake-openai.invent-quote");
        }
        System.setProperty("fake-openai.inject", "yes, please");
        try {
            assertThat(FakeCoachAnswers.Switches.fromEnvironment().obeyInjection()).as("only true is true").isFalse();
        } finally {
            System.clearProperty("fake-openai.inject");
        }
    }
}
