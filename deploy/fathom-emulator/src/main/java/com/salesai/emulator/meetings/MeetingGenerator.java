package com.salesai.emulator.meetings;

import com.salesai.emulator.users.Person;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Builds Fathom meetings (the current API's Meeting JSON) from a {@link MeetingSpec}: the recorder with one or two
 * prospects, or with a colleague for an internal meeting, in French or English. Deterministic per seed, so a
 * seeded meeting is the same on every start.
 */
public final class MeetingGenerator {
    private static final String[][] PROSPECTS = {
            {"Claire Dubois", "globex.fr", "Globex"}, {"Julien Petit", "initech.fr", "Initech"},
            {"Emma Wilson", "umbrella.co.uk", "Umbrella"}, {"Lucas Bernard", "soylent.fr", "Soylent"},
            {"Olivia Brown", "hooli.com", "Hooli"}, {"Nicolas Roux", "vandelay.fr", "Vandelay"},
            {"Sophie Garnier", "stark.fr", "Stark Industries"}, {"James Taylor", "wayne.com", "Wayne Enterprises"}};
    private static final String[] SECOND_PROSPECTS = {"Marc Lefèvre", "Anna Schmidt", "Hugo Fontaine", "Lea Martin"};
    /** {French title, English name}: titles follow the meeting's language, summaries are English. */
    private static final String[][] TOPICS = {{"Discovery", "Discovery"}, {"Démo produit", "Product demo"},
            {"Négociation", "Negotiation"}, {"Point d'étape", "Check-in"}, {"Qualification", "Qualification"}};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param recordingId Fathom's recording id
     * @param createdAt   when Fathom finished processing; the meeting ended a little before
     */
    public ObjectNode meeting(long seed, long recordingId, Instant createdAt, MeetingSpec spec) {
        Random random = new Random(seed);
        boolean french = random.nextInt(10) < 7;
        String[] prospect = PROSPECTS[random.nextInt(PROSPECTS.length)];
        boolean thirdSpeaker = random.nextBoolean();
        String second = SECOND_PROSPECTS[random.nextInt(SECOND_PROSPECTS.length)];
        String[] topic = TOPICS[random.nextInt(TOPICS.length)];
        Person rep = spec.recorder();
        String company = organizationName(rep.emailDomain());
        // Fathom's head of sales on the recorder's domain; internal meetings are with them.
        Person colleague = new Person("Hugo Lambert", "hugo@" + rep.emailDomain(), rep.team());

        Instant recordingEnd = createdAt.minusSeconds(120 + random.nextInt(300));
        // A recording without transcript is typically a short or failed one.
        long durationSeconds = spec.transcript() ? 900 + random.nextInt(2700) : 60 + random.nextInt(180);
        Instant recordingStart = recordingEnd.minusSeconds(durationSeconds);
        Instant scheduledStart = recordingStart.minusSeconds(random.nextInt(240)).truncatedTo(ChronoUnit.SECONDS);
        String url = "https://fathom.video/calls/" + callsIdOf(recordingId);

        ObjectNode meeting = json.createObjectNode();
        String localTopic = french ? topic[0] : topic[1];
        meeting.put("title", spec.titleOrNull() != null ? spec.titleOrNull() : spec.internal()
                ? (french ? "Revue de pipeline " : "Pipeline review ") + company
                : prospect[2] + " x " + company + " - " + localTopic);
        meeting.put("meeting_title", spec.internal() ? "Pipeline review" : prospect[2] + " / " + company);
        meeting.put("meeting_type", meetingType(random, spec.internal(), topic[1]));
        meeting.put("recording_id", recordingId);
        meeting.put("url", url);
        meeting.put("share_url", "https://fathom.video/share/" + Long.toString(recordingId * 7919L, 36));
        meeting.put("meeting_url", meetingUrl(random));
        meeting.put("created_at", createdAt.toString());
        meeting.put("scheduled_start_time", scheduledStart.toString());
        meeting.put("scheduled_end_time", scheduledStart.plus(Duration.ofMinutes(durationSeconds / 60 + 5)).toString());
        meeting.put("recording_start_time", recordingStart.toString());
        meeting.put("recording_end_time", recordingEnd.toString());
        meeting.put("transcript_language", french ? "fr" : "en");
        meeting.put("calendar_invitees_domains_type", spec.internal() ? "only_internal" : "one_or_more_external");
        meeting.put("shared_with", spec.sharedWithTeam() ? "single_team" : "no_teams");

        Map<String, String> emails = new HashMap<>();
        ArrayNode invitees = meeting.putArray("calendar_invitees");
        invitee(invitees, emails, rep.name(), rep.email(), false, spec.transcript());
        if (spec.internal()) {
            invitee(invitees, emails, colleague.name(), colleague.email(), false, spec.transcript());
        } else {
            invitee(invitees, emails, prospect[0], emailOf(prospect[0], prospect[1]), true, spec.transcript());
            if (thirdSpeaker) {
                invitee(invitees, emails, second, emailOf(second, prospect[1]), true, spec.transcript());
            }
        }
        meeting.putObject("recorded_by").put("name", rep.name()).put("email", rep.email())
                .put("email_domain", rep.emailDomain()).put("team", rep.team());

        Dialogue.Conversation conversation = spec.internal()
                ? Dialogue.internal(french, rep.name(), colleague.name(), prospect[2])
                : Dialogue.sales(random, french, rep.name(), prospect[0], prospect[2], thirdSpeaker ? second : null);
        if (spec.closingLineOrNull() != null) {
            List<Dialogue.Line> lines = new ArrayList<>(conversation.lines());
            lines.add(new Dialogue.Line(rep.name(), spec.closingLineOrNull(), Dialogue.Tag.NONE));
            conversation = new Dialogue.Conversation(lines, conversation.objection());
        }
        if (!spec.transcript()) {
            meeting.putNull("transcript");
            meeting.putNull("default_summary");
            meeting.putNull("action_items");
            meeting.putArray("highlights");
        } else {
            Map<Dialogue.Tag, Long> tagged = transcript(meeting.putArray("transcript"), conversation, emails,
                    random, durationSeconds);
            meeting.putObject("default_summary").put("template_name", "general").put("markdown_formatted",
                    spec.internal() ? Dialogue.internalSummary(prospect[2])
                            : Dialogue.salesSummary(prospect[2], topic[1], conversation.objection()));
            ActionItems.add(meeting.putArray("action_items"), random, url, tagged, rep, spec.internal(),
                    spec.internal() ? colleague : new Person(prospect[0], emailOf(prospect[0], prospect[1]), null),
                    prospect[2]);
            highlights(meeting.putArray("highlights"), conversation, tagged);
        }
        meeting.putNull("crm_matches");
        return meeting;
    }

    /** The id in a calls URL: Fathom's is not the recording id, so code must not take one for the other. */
    static String callsIdOf(long recordingId) {
        return Long.toString(recordingId * 1_009L + 31_337_000L);
    }

    /** Segments with their offsets; returns the offset of the first line of each tag. */
    private static Map<Dialogue.Tag, Long> transcript(ArrayNode transcript, Dialogue.Conversation conversation,
                                                      Map<String, String> emails, Random random,
                                                      long durationSeconds) {
        Map<Dialogue.Tag, Long> tagged = new HashMap<>();
        long offset = 3 + random.nextInt(10);
        long step = Math.max(20, durationSeconds / (conversation.lines().size() + 1));
        for (Dialogue.Line line : conversation.lines()) {
            ObjectNode segment = transcript.addObject();
            segment.putObject("speaker").put("display_name", line.speaker())
                    .put("matched_calendar_invitee_email", emails.get(line.speaker()));
            segment.put("text", line.text());
            segment.put("timestamp", hms(offset));
            tagged.putIfAbsent(line.tag(), offset);
            offset += step / 2 + random.nextInt((int) step);
        }
        return tagged;
    }

    /** Human bookmarks on the recording; {@code start_time}/{@code end_time} are seconds, not always whole. */
    private static void highlights(ArrayNode highlights, Dialogue.Conversation conversation,
                                   Map<Dialogue.Tag, Long> tagged) {
        for (Dialogue.Line line : conversation.lines()) {
            if (line.tag() == Dialogue.Tag.NONE || tagged.get(line.tag()) == null) {
                continue;
            }
            double start = tagged.get(line.tag()) + 0.4;
            ObjectNode highlight = highlights.addObject();
            highlight.put("type", line.tag() == Dialogue.Tag.OBJECTION ? "Objection" : "Next steps");
            if (line.tag() == Dialogue.Tag.OBJECTION) {
                highlight.put("summary", Dialogue.objectionSummary(conversation.objection()));
            } else {
                highlight.putNull("summary");
            }
            highlight.put("text", line.text());
            highlight.put("start_time", start);
            highlight.put("end_time", start + 14.5);
        }
    }

    /** An org-defined meeting type name (Fathom's are the org's own), or none. */
    private static String meetingType(Random random, boolean internal, String topicEnglish) {
        if (internal) {
            return "Pipeline review";
        }
        if (random.nextInt(5) == 0) {
            return null;
        }
        return topicEnglish.equals("Product demo") ? "Demo" : "Sales call";
    }

    /** The join URL of the calendar event; null when there was none (an impromptu call). */
    private static String meetingUrl(Random random) {
        int kind = random.nextInt(8);
        if (kind == 0) {
            return null;
        }
        if (kind <= 3) {
            return "https://zoom.us/j/" + (8_000_000_000L + random.nextInt(1_000_000_000));
        }
        if (kind <= 6) {
            return "https://meet.google.com/" + letters(random, 3) + "-" + letters(random, 4) + "-"
                    + letters(random, 3);
        }
        return "https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + letters(random, 24) + "%40thread.v2/0";
    }

    private static String letters(Random random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return out.toString();
    }

    private static void invitee(ArrayNode invitees, Map<String, String> emails, String name, String email,
                                boolean external, boolean matched) {
        emails.put(name, email);
        ObjectNode invitee = invitees.addObject().put("name", name);
        // Fathom matches invitees to transcript speakers, so without a transcript there is nobody to match.
        if (matched) {
            invitee.put("matched_speaker_display_name", name);
        } else {
            invitee.putNull("matched_speaker_display_name");
        }
        invitee.put("email", email).put("email_domain", email.substring(email.indexOf('@') + 1))
                .put("is_external", external);
    }

    /** "acme-sales.test" → "Acme Sales". */
    static String organizationName(String domain) {
        String label = domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain;
        StringBuilder name = new StringBuilder();
        for (String word : label.split("-")) {
            if (!word.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return name.toString();
    }

    static String emailOf(String name, String domain) {
        String local = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace(' ', '.');
        return local + "@" + domain;
    }

    static String hms(long seconds) {
        return "%02d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
