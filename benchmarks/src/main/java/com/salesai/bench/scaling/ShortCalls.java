package com.salesai.bench.scaling;

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
import java.util.UUID;

/**
 * Distinct short calls (a 5-minute, 30-segment rep/customer dialogue) as ingest publishes them, so the analysis
 * time is dominated by the fake OpenAI's latency rather than by the transcript.
 */
final class ShortCalls {
    static final int SEGMENTS = 30;
    private static final Person REP = new Person("Alice Martin", "alice@acme-sales.test");
    private static final Person CUSTOMER = new Person("Claire Dubois", "claire@globex.test");
    private static final String[] LINES = {
            "Bonjour Claire, merci de prendre le temps aujourd'hui.",
            "Quels sont vos principaux défis de prospection en ce moment ?",
            "Nous perdons beaucoup de temps à qualifier les leads entrants.",
            "Combien de personnes travaillent sur ce sujet dans votre équipe ?",
            "Une dizaine, et le suivi reste assez manuel, euh, honnêtement.",
            "Je vous propose une démo la semaine prochaine avec votre directeur commercial."};

    private ShortCalls() {
    }

    static CallRecorded call(int n, String runId) {
        Instant start = Instant.parse("2026-03-02T09:00:00Z").plusSeconds(600L * n);
        List<TranscriptSegment> transcript = new ArrayList<>(SEGMENTS);
        for (int s = 0; s < SEGMENTS; s++) {
            Person who = s % 2 == 0 ? REP : CUSTOMER;
            transcript.add(new TranscriptSegment(who.name(), who.email(), LINES[(s + n) % LINES.length], s * 10));
        }
        List<Participant> participants = List.of(new Participant(REP.name(), REP.email(), "acme-sales.test", false),
                new Participant(CUSTOMER.name(), CUSTOMER.email(), "globex.test", true));
        String callId = UUID.nameUUIDFromBytes((runId + ":" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        return new CallRecorded(CallRecorded.SCHEMA_VERSION, UUID.randomUUID(), start.plusSeconds(360), callId,
                "org-bench", "rep-bench", CallSource.WEBHOOK, SourceFormat.FATHOM_MEETING,
                Long.toString(7_000_000L + n),
                "Discovery call " + n, REP, start, start, SEGMENTS * 10, "https://fathom.video/share/bench-" + n, "fr",
                participants, 1, transcript, null, null, List.of(), start.plusSeconds(400), null, Attribution.RECORDER,
                "rep-bench", null, null, List.of(), List.of());
    }
}
