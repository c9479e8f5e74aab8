package com.salesai.analysis.flow;

import com.salesai.schema.events.Attribution;
import com.salesai.schema.events.CallRecorded;
import com.salesai.schema.events.CallSource;
import com.salesai.schema.events.Highlight;
import com.salesai.schema.events.InviteeDomainsType;
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
    private static final List<TranscriptSegment> DISCOVERY = List.of(
            new TranscriptSegment("Alice Martin", "alice@acme.com", "Bonjour Bob, qu'est-ce qui vous amène ?", 0),
            new TranscriptSegment("Bob Durand", "bob@client.fr", "Euh, du coup, nos commerciaux perdent du temps.", 12),
            new TranscriptSegment("Alice Martin", "alice@acme.com", "Combien de temps par semaine ?", 30),
            new TranscriptSegment("Bob Durand", "bob@client.fr", "En fait, environ cinq heures chacun.", 38),
            new TranscriptSegment("Alice Martin", "alice@acme.com", "On fixe une démo jeudi avec votre directeur ?", 50));

    private Calls() {
    }

    public static CallRecorded call(String title) {
        return call(title, DISCOVERY);
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

    /** The discovery call with one more segment by Bob, saying {@code sentence} at 00:01:00. */
    static CallRecorded saying(String title, String sentence) {
        List<TranscriptSegment> transcript = new ArrayList<>(DISCOVERY);
        transcript.add(new TranscriptSegment("Bob Durand", "bob@client.fr", sentence, 60));
        return call(title, transcript);
    }

    static CallRecorded withHighlights(String title, List<Highlight> highlights) {
        return build(title, DISCOVERY, null, Attribution.RECORDER, InviteeDomainsType.ONE_OR_MORE_EXTERNAL, highlights);
    }

    /**
     * The discovery call, or without any transcript (Fathom's {@code transcript: null}); {@code shared}: recorded by
     * someone who is not a member; {@code invitees} as Fathom's {@code calendar_invitees_domains_type}.
     */
    public static CallRecorded of(String title, boolean withTranscript, Attribution attribution,
                                  InviteeDomainsType invitees) {
        return build(title, withTranscript ? DISCOVERY : List.of(), null, attribution, invitees, List.of());
    }

    public static CallRecorded plaintext(String title, String plaintext) {
        return build(title, List.of(), plaintext, Attribution.RECORDER, InviteeDomainsType.ONE_OR_MORE_EXTERNAL, List.of());
    }

    private static CallRecorded call(String title, List<TranscriptSegment> transcript) {
        return build(title, transcript, null, Attribution.RECORDER, InviteeDomainsType.ONE_OR_MORE_EXTERNAL, List.of());
    }

    /** {@link #call} of the organization {@code orgId}. */
    static CallRecorded inOrg(String orgId, String title) {
        return build(orgId, title, DISCOVERY, null, Attribution.RECORDER, InviteeDomainsType.ONE_OR_MORE_EXTERNAL,
                List.of());
    }

    private static CallRecorded build(String title, List<TranscriptSegment> transcript, String plaintext,
                                      Attribution attribution, InviteeDomainsType invitees, List<Highlight> highlights) {
        return build("org-1", title, transcript, plaintext, attribution, invitees, highlights);
    }

    private static CallRecorded build(String orgId, String title, List<TranscriptSegment> transcript,
                                      String plaintext, Attribution attribution, InviteeDomainsType invitees,
                                      List<Highlight> highlights) {
        String callId = UUID.randomUUID().toString();
        Instant start = Instant.parse("2026-11-20T09:00:00Z");
        return new CallRecorded(CallRecorded.SCHEMA_VERSION, UUID.randomUUID(), start, callId, orgId, "user-alice",
                CallSource.WEBHOOK, SourceFormat.FATHOM_MEETING, "rec-" + callId, title,
                new Person("Alice Martin", "alice@acme.com"), start, start, 70, "https://fathom.video/share/x", "fr",
                List.of(new Participant("Alice Martin", "alice@acme.com", "acme.com", false),
                        new Participant("Bob Durand", "bob@client.fr", "client.fr", true)),
                1, transcript, plaintext, null, List.of(), start, null, attribution, "user-alice", null, invitees,
                highlights, List.of());
    }
}
