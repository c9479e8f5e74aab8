package com.salesai.bench.metrics;

import com.salesai.bench.payloads.FathomPayloads;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallSource;
import com.salesai.schema.events.Participant;
import com.salesai.schema.events.Person;
import com.salesai.schema.events.SourceFormat;
import com.salesai.schema.events.TranscriptSegment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A deterministic {@link CallRecorded} of a one-hour discovery call: a rep and two prospects, one segment every
 * {@value #SECONDS_PER_SEGMENT} s on average (about 600 segments, ~7 000 words), sentences from
 * {@link FathomPayloads#sentences()} with questions and French filler words, and monologues of up to 6 segments so
 * the longest-monologue and speaker-switch scans have runs to find.
 */
public final class HourLongCall {
    static final int DURATION_SECONDS = 3_600;
    static final int SECONDS_PER_SEGMENT = 6;
    private static final Person REP = new Person("Alice Martin", "alice@acme-sales.test");
    private static final Person[] SPEAKERS = {REP,
            new Person("Claire Dubois", "claire@globex.test"), new Person("Dan Smith", "dan@globex.test")};

    private HourLongCall() {
    }

    public static CallRecorded create() {
        Random random = new Random(42);
        List<String> sentences = FathomPayloads.sentences();
        List<TranscriptSegment> transcript = new ArrayList<>();
        int offset = 0;
        int speaker = 0;
        int runLeft = 1;
        while (offset < DURATION_SECONDS) {
            if (--runLeft <= 0) {
                speaker = (speaker + 1 + random.nextInt(SPEAKERS.length - 1)) % SPEAKERS.length;
                runLeft = 1 + random.nextInt(6);
            }
            String text = sentences.get(random.nextInt(sentences.size()));
            if (random.nextInt(5) == 0) {
                text = "Euh, du coup, " + text;
            }
            Person who = SPEAKERS[speaker];
            transcript.add(new TranscriptSegment(who.name(), who.email(), text, offset));
            offset += 2 + random.nextInt(2 * SECONDS_PER_SEGMENT - 3);
        }
        Instant start = Instant.parse("2026-03-02T14:00:00Z");
        List<Participant> participants = List.of();
        return new CallRecorded(CallRecorded.SCHEMA_VERSION, new UUID(0, 42), start.plusSeconds(DURATION_SECONDS),
                "bench-call-1h", "org-bench", "user-bench", CallSource.WEBHOOK, SourceFormat.FATHOM_MEETING,
                "123456789", "Discovery call, one hour", REP, start, start, DURATION_SECONDS,
                "https://fathom.video/share/bench", "fr", participants, 2, transcript, null, null, List.of(),
                start.plusSeconds(DURATION_SECONDS + 60), null, Attribution.RECORDER, "user-bench", null, null, List.of(), List.of());
    }
}
