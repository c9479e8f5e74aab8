package com.salesai.analysis.evidence;

import com.salesai.analysis.flow.Calls;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.Evaluation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptEvidenceTest {
    private static final TranscriptEvidence TRANSCRIPT = new TranscriptEvidence(List.of(
            "Bonjour Bob, qu'est-ce qui vous amène aujourd’hui ?",
            "Euh, du coup, nos commerciaux perdent beaucoup de temps sur la saisie dans le CRM.",
            "Combien de temps par semaine, à peu près ?",
            "En fait, environ cinq heures chacun. C'est énorme pour une équipe de douze.",
            "On fixe une démo jeudi avec votre directeur ?",
            "Oui, jeudi ça marche."),
            List.of(0, 12, 30, 38, 50, 3725));

    @Test
    void anExactQuoteTakesTheTimestampAndIndexOfItsSegment() {
        assertThat(TRANSCRIPT.verify("Combien de temps par semaine", "00:09:99"))
                .isEqualTo(new Evaluation.Evidence("Combien de temps par semaine", "00:00:30", true, 2));
        assertThat(TRANSCRIPT.verify("jeudi ça marche", null).timestamp()).isEqualTo("01:02:05");
        assertThat(TRANSCRIPT.match("Combien de temps par semaine").kind()).isEqualTo(QuoteMatch.Kind.EXACT);
    }

    @Test
    void punctuationAndQuoteMarksDoNotMatter() {
        assertThat(TRANSCRIPT.match("« Qu’est-ce qui vous amène aujourd'hui ? »"))
                .isEqualTo(new QuoteMatch(QuoteMatch.Kind.EXACT, 0, 1.0));
        assertThat(TRANSCRIPT.match("\"En fait environ cinq heures chacun... C’est énorme\""))
                .isEqualTo(new QuoteMatch(QuoteMatch.Kind.EXACT, 3, 1.0));
    }

    @Test
    void caseDoesNotMatter() {
        assertThat(TRANSCRIPT.match("ON FIXE UNE DÉMO JEUDI")).isEqualTo(new QuoteMatch(QuoteMatch.Kind.EXACT, 4, 1.0));
    }

    @Test
    void accentsAreKeptSoAWordWithoutItsAccentIsAnotherWord() {
        assertThat(QuoteNormalizer.normalize("Démo, ÉNORME !")).isEqualTo("démo énorme");
        assertThat(TRANSCRIPT.match("On fixe une démo jeudi").kind()).isEqualTo(QuoteMatch.Kind.EXACT);
        // 8 words, one of them different: under 0.9, not verified
        assertThat(TRANSCRIPT.match("On fixe une demo jeudi avec votre directeur").found()).isFalse();
        // 14 words ("c'est" is two), one different: not exact, but a fuzzy match of 13/14
        QuoteMatch longer = TRANSCRIPT.match("En fait, environ cinq heures chacun. C'est enorme pour une équipe de douze.");
        assertThat(longer.kind()).isEqualTo(QuoteMatch.Kind.FUZZY);
        assertThat(longer.segmentIndex()).isEqualTo(3);
        assertThat(longer.similarity()).isEqualTo(1 - 1 / 14.0);
    }

    @Test
    void aQuoteSplitAcrossTwoSegmentsTakesTheFirst() {
        assertThat(TRANSCRIPT.verify("la saisie dans le CRM. Combien de temps", "00:00:31"))
                .isEqualTo(new Evaluation.Evidence("la saisie dans le CRM. Combien de temps", "00:00:12", true, 1));
        assertThat(TRANSCRIPT.match("la saisie dans le CRM. Combien de temps").kind()).isEqualTo(QuoteMatch.Kind.EXACT);
    }

    @Test
    void aQuoteOverThreeSegmentsIsNotAnExactMatch() {
        assertThat(TRANSCRIPT.match("directeur ? Oui, jeudi ça marche").kind()).isEqualTo(QuoteMatch.Kind.EXACT);
        assertThat(TRANSCRIPT.match("à peu près En fait environ cinq heures chacun C'est énorme pour une équipe de "
                + "douze On fixe").kind()).isEqualTo(QuoteMatch.Kind.FUZZY);
    }

    @Test
    void oneWordInTenMayDiffer() {
        // "beaucoup" left out: 14 words, distance 1
        QuoteMatch dropped = TRANSCRIPT.match("Euh du coup nos commerciaux perdent de temps sur la saisie dans le CRM");
        assertThat(dropped).isEqualTo(new QuoteMatch(QuoteMatch.Kind.FUZZY, 1, 1 - 1 / 14.0));
        // two words of 14 changed: 0.857
        assertThat(TRANSCRIPT.match("Euh du coup nos vendeurs perdent beaucoup de temps sur la saisie dans Salesforce")
                .found()).isFalse();
    }

    @Test
    void aParaphraseIsNotVerified() {
        Evaluation.Evidence paraphrase = TRANSCRIPT.verify("Nos vendeurs perdent énormément de temps à remplir le CRM",
                "00:00:12");
        assertThat(paraphrase).isEqualTo(new Evaluation.Evidence(
                "Nos vendeurs perdent énormément de temps à remplir le CRM", "00:00:12", false, null));
    }

    @Test
    void anInventedQuoteKeepsTheModelsTimestampUnverified() {
        assertThat(TRANSCRIPT.verify("Nous pouvons vous offrir trois mois gratuits", "00:02:00"))
                .isEqualTo(new Evaluation.Evidence("Nous pouvons vous offrir trois mois gratuits", "00:02:00", false, null));
        assertThat(TRANSCRIPT.verify(" « … » ", "00:00:01").verified()).isFalse();
        assertThat(TRANSCRIPT.verify(null, null).verified()).isFalse();
    }

    @Test
    void aPlaintextTranscriptIsVerifiedAgainstItsLinesWithoutTimestamps() {
        CallRecorded plaintext = Calls.plaintext("plaintext",
                "Alice Martin: Quel est votre budget ?\r\nClaire Client: Environ 20 000 euros.\nAlice Martin: Parfait.");

        TranscriptEvidence evidence = TranscriptEvidence.of(plaintext);

        assertThat(evidence.verify("environ 20 000 euros", "00:00:05"))
                .isEqualTo(new Evaluation.Evidence("environ 20 000 euros", null, true, 1));
        assertThat(evidence.verify("20000 euros", "00:00:05").verified()).isFalse();
    }

    @Test
    void aCallWithSegmentsIsVerifiedAgainstTheirTextsAndOffsets() {
        TranscriptEvidence evidence = TranscriptEvidence.of(Calls.call("segments"));

        assertThat(evidence.verify("On fixe une démo jeudi avec votre directeur ?", null))
                .isEqualTo(new Evaluation.Evidence("On fixe une démo jeudi avec votre directeur ?", "00:00:50", true, 4));
        assertThat(evidence.verify("Alice Martin", null).verified()).as("speaker names are not transcript").isFalse();
    }
}
