package com.salesai.schema.fathom;

import com.salesai.schema.events.ActionItem;
import com.salesai.schema.events.Highlight;
import com.salesai.schema.events.InviteeDomainsType;
import com.salesai.schema.events.Participant;
import com.salesai.schema.events.Person;
import com.salesai.schema.events.SourceFormat;
import com.salesai.schema.events.TranscriptSegment;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.salesai.schema.fathom.Payloads.call;
import static com.salesai.schema.fathom.Payloads.resource;
import static org.assertj.core.api.Assertions.assertThat;

class FathomMeetingFormatTest {

    @Test
    void fullMeetingMapsEveryField() {
        NormalizedCall call = call(resource("meeting-full.json"));

        assertThat(call.sourceFormat()).isEqualTo(SourceFormat.FATHOM_MEETING);
        assertThat(call.fathomRecordingId()).isEqualTo("123456789");
        assertThat(call.recordingUrl()).isEqualTo("https://fathom.video/calls/123456789");
        assertThat(call.title()).isEqualTo("Globex x Acme - Discovery");
        assertThat(call.recordedBy()).isEqualTo(new Person("Alice Martin", "alice@acme.com", "Sales"));
        assertThat(call.meetingType()).isEqualTo("Sales call");
        assertThat(call.calendarInviteesDomainsType()).isEqualTo(InviteeDomainsType.ONE_OR_MORE_EXTERNAL);
        assertThat(call.highlights()).containsExactly(
                new Highlight("Objection", "Budget concern", "C'est au-dessus de notre budget", 95.5, 104.0));
        assertThat(call.scheduledStartTime()).isEqualTo(Instant.parse("2025-03-04T14:00:00Z"));
        assertThat(call.recordingStartTime()).isEqualTo(Instant.parse("2025-03-04T14:02:10Z"));
        assertThat(call.durationSeconds()).isEqualTo(2730);
        assertThat(call.shareUrl()).isEqualTo("https://fathom.video/share/xYz-123");
        assertThat(call.language()).isEqualTo("fr");
        assertThat(call.participants()).containsExactly(
                new Participant("Alice Martin", "alice@acme.com", "acme.com", false),
                new Participant("Bob Leroy", "bob@ACME.com", "acme.com", false),
                new Participant("Claire Dubois", "claire@globex.fr", "globex.fr", true),
                new Participant("Dan Smith", "dan@initech.io", "initech.io", true));
        assertThat(call.externalInviteeCount()).isEqualTo(2);
        assertThat(call.transcript()).containsExactly(
                new TranscriptSegment("Alice Martin", "alice@acme.com", "Bonjour Claire, merci d'avoir pris le temps.", 5),
                new TranscriptSegment("Claire Dubois", "claire@globex.fr",
                        "Avec plaisir. Nous cherchons un outil pour nos équipes terrain.", 12),
                new TranscriptSegment("Alice Martin", "alice@acme.com", "Combien de commerciaux sont concernés ?", 63),
                new TranscriptSegment("Claire Dubois", "claire@globex.fr",
                        "Environ quarante, répartis sur trois régions.", 80),
                new TranscriptSegment("Dan Smith", null, "And we need it integrated with our CRM by Q3.", 765),
                new TranscriptSegment("Alice Martin", "alice@acme.com",
                        "Parfait, je vous envoie une proposition vendredi.", 3723));
        assertThat(call.transcriptPlaintext()).isEqualTo("""
                Alice Martin: Bonjour Claire, merci d'avoir pris le temps.
                Claire Dubois: Avec plaisir. Nous cherchons un outil pour nos équipes terrain.
                Alice Martin: Combien de commerciaux sont concernés ?
                Claire Dubois: Environ quarante, répartis sur trois régions.
                Dan Smith: And we need it integrated with our CRM by Q3.
                Alice Martin: Parfait, je vous envoie une proposition vendredi.""");
        assertThat(call.summaryMarkdown())
                .isEqualTo("## Résumé\n- Globex équipe 40 commerciaux\n- Intégration CRM attendue au T3");
        assertThat(call.actionItems()).containsExactly(
                new ActionItem("Envoyer la proposition commerciale", new Person("Alice Martin", "alice@acme.com", "Sales"),
                        3723, false),
                new ActionItem("Partager la liste des intégrations CRM", new Person("Dan Smith", "dan@initech.io"),
                        765, true));
    }

    @Test
    void durationFallsBackToTheScheduleAndTitleToMeetingTitle() {
        NormalizedCall call = call("""
                {"meeting_title":"Weekly","recording_id":"9","recording_start_time":"not a time",
                 "scheduled_start_time":"2025-03-04T14:00:00Z","scheduled_end_time":"2025-03-04T14:30:00Z"}""");

        assertThat(call.title()).isEqualTo("Weekly");
        assertThat(call.recordingStartTime()).isNull();
        assertThat(call.durationSeconds()).isEqualTo(1800);
    }

    @Test
    void unknownRecorderDomainMakesNoInviteeExternalUnlessFlagged() {
        NormalizedCall call = call("""
                {"title":"T","calendar_invitees":[{"name":"A","email":"a@x.com"},
                 {"name":"B","email":"b@y.com","is_external":true},{"email":"c@z.com","is_external":"false"}]}""");

        assertThat(call.participants()).extracting(Participant::external).containsExactly(false, true, false);
        assertThat(call.externalInviteeCount()).isEqualTo(1);
    }

    @Test
    void wrongTypesAreIgnoredFieldByField() {
        NormalizedCall call = call("""
                {"title":"T","recorded_by":"alice","calendar_invitees":{"a":1},"transcript":[1,{"text":"hi"}],
                 "action_items":[{"completed":true},{"description":"Do it","recording_timestamp":"99:99"}]}""");

        assertThat(call.recordedBy()).isNull();
        assertThat(call.participants()).isEmpty();
        assertThat(call.transcript()).containsExactly(new TranscriptSegment(null, null, "hi", null));
        assertThat(call.transcriptPlaintext()).isEqualTo("hi");
        assertThat(call.actionItems()).containsExactly(new ActionItem("Do it", null, null, false));
    }
}
