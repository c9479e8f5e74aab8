package com.salesai.analysis.flow;

import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.InviteeDomainsType;
import com.salesai.schema.events.CallSource;
import com.salesai.schema.events.Participant;
import com.salesai.schema.events.Person;
import com.salesai.schema.events.SourceFormat;
import com.salesai.schema.events.TranscriptSegment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Hand-built calls for the flow tests; the title doubles as the marker the fake OpenAI matches requests on. */
public final class Calls {
    private Calls() {
    }

    public static CallRecorded call(String title) {
        return call(title, List.of(
                new TranscriptSegment("Alice Martin", "alice@acme.com", "Bonjour Bob, qu'est-ce qui vous amène ?", 0),
                new TranscriptSegment("Bob Durand", "bob@client.fr", "Euh, du coup, nos commerciaux perdent du temps.", 12),
                new TranscriptSegment("Alice Martin", "alice@acme.com", "Combien de temps par semaine ?", 30),
                new TranscriptSegment("Bob Durand", "bob@client.fr", "En fait, environ cinq heures chacun.", 38),
                new TranscriptSegment("Alice Martin", "alice@acme.com", "On fixe une démo jeudi avec votre directeur ?", 50)));
    }

    static CallRecorded longCall(String title, int segments) {
        List<TranscriptSegment> transcript = new ArrayList<>();
        for (int i = 0; i < segments; i++) {
            boolean rep = i % 2 == 0;
            transcript.add(new TranscriptSegment(rep ? "Alice Martin" : "Bob Durand", rep ? "alice@acme.com" : "bob@client.fr",
                    "Segment " + i + " : nous parlons des besoins, des délais, du budget et de la suite du projet.", i * 20));
        }
        return call(title, transcript);
    }

    private static CallRecorded call(String title, List<TranscriptSegment> transcript) {
        String callId = UUID.randomUUID().toString();
        Instant start = Instant.parse("2026-11-20T09:00:00Z");
        return new CallRecorded(CallRecorded.SCHEMA_VERSION, UUID.randomUUID(), start, callId, "org-1", "user-alice",
                CallSource.WEBHOOK, SourceFormat.FATHOM_MEETING, "rec-" + callId, title,
                new Person("Alice Martin", "alice@acme.com"), start, start, 70, "https://fathom.video/share/x", "fr",
                List.of(new Participant("Alice Martin", "alice@acme.com", "acme.com", false),
                        new Participant("Bob Durand", "bob@client.fr", "client.fr", true)),
                1, transcript, null, null, List.of(), start, null, Attribution.RECORDER, "user-alice", null,
                InviteeDomainsType.ONE_OR_MORE_EXTERNAL, List.of());
    }
}
