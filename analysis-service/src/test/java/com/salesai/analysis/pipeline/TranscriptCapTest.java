package com.salesai.analysis.pipeline;

import com.salesai.analysis.flow.Calls;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.TranscriptSegment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptCapTest {
    // segment texts: 39, 47, 30, 36 and 45 characters, 197 in all
    private static final CallRecorded CALL = Calls.call("cap");

    @Test
    void aTranscriptWithinTheCapIsAnalyzedWhole() {
        var capped = new TranscriptCap(198).apply(CALL);
        assertThat(capped.truncated()).isFalse();
        assertThat(capped.call()).isSameAs(CALL);
    }

    @Test
    void beyondTheCapOnlyTheFirstSegmentsAreKeptTheCrossingOneCutAtAWord() {
        var capped = new TranscriptCap(100).apply(CALL);

        assertThat(capped.truncated()).isTrue();
        assertThat(capped.call().transcript()).extracting(TranscriptSegment::text).containsExactly(
                "Bonjour Bob, qu'est-ce qui vous amène ?",
                "Euh, du coup, nos commerciaux perdent du temps.",
                "Combien de");
        assertThat(capped.call().transcript().get(2).offsetSeconds()).isEqualTo(30);
        assertThat(capped.call().callId()).isEqualTo(CALL.callId());
        assertThat(capped.call().title()).isEqualTo(CALL.title());
        assertThat(capped.call().calendarInviteesDomainsType()).isEqualTo(CALL.calendarInviteesDomainsType());
        assertThat(new TranscriptCap(86).apply(CALL).call().transcript()).hasSize(2);
        assertThat(new TranscriptCap(197).apply(CALL).truncated()).isFalse();
    }

    @Test
    void aPlaintextTranscriptIsCutToo() {
        var capped = new TranscriptCap(20).apply(Calls.plaintext("plain", "Alice: Bonjour Bob.\nBob: Bonjour Alice."));

        assertThat(capped.truncated()).isTrue();
        assertThat(capped.call().transcriptPlaintext()).isEqualTo("Alice: Bonjour Bob.");
        assertThat(capped.call().transcript()).isEmpty();
    }

    @Test
    void aCutEndsAtTheLastWhitespaceAndNeverSplitsASurrogatePair() {
        assertThat(TranscriptCap.cut("un deux trois", 9)).isEqualTo("un deux");
        assertThat(TranscriptCap.cut("un deux trois", 7)).isEqualTo("un deux");
        assertThat(TranscriptCap.cut("undeuxtrois", 5)).isEqualTo("undeu");
        assertThat(TranscriptCap.cut("ab\uD83D\uDE00c", 3)).isEqualTo("ab");
        assertThat(TranscriptCap.cut("court", 10)).isEqualTo("court");
    }
}
