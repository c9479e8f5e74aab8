package com.salesai.emulator.meetings;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds realistic Fathom meetings (the current API's meeting JSON): a rep of Acme Sales with one or two prospects,
 * in French or English, with discovery questions, an objection, its handling and next steps. Deterministic per
 * seed, so a seeded meeting is the same on every start.
 */
public final class MeetingGenerator {
    static final String REP_DOMAIN = "acme-sales.fr";
    private static final String[][] REPS = {
            {"Camille Laurent", "camille.laurent@" + REP_DOMAIN},
            {"Thomas Moreau", "thomas.moreau@" + REP_DOMAIN},
            {"Sarah Benali", "sarah.benali@" + REP_DOMAIN}};
    private static final String[][] PROSPECTS = {
            {"Claire Dubois", "globex.fr", "Globex"}, {"Julien Petit", "initech.fr", "Initech"},
            {"Emma Wilson", "umbrella.co.uk", "Umbrella"}, {"Lucas Bernard", "soylent.fr", "Soylent"},
            {"Olivia Brown", "hooli.com", "Hooli"}, {"Nicolas Roux", "vandelay.fr", "Vandelay"},
            {"Sophie Garnier", "stark.fr", "Stark Industries"}, {"James Taylor", "wayne.com", "Wayne Enterprises"}};
    private static final String[] SECOND_PROSPECTS = {"Marc Lefèvre", "Anna Schmidt", "Hugo Fontaine", "Lea Martin"};
    private static final String[] TOPICS = {"Discovery", "Démo produit", "Négociation", "Point d'étape", "Qualification"};

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param recordingId Fathom's recording id
     * @param createdAt   when Fathom finished processing; the meeting ended a little before
     * @param titleOrNull a title, or null for a generated one
     */
    public ObjectNode meeting(long seed, long recordingId, Instant createdAt, String titleOrNull) {
        Random random = new Random(seed);
        boolean french = random.nextInt(10) < 7;
        String[] rep = REPS[random.nextInt(REPS.length)];
        String[] prospect = PROSPECTS[random.nextInt(PROSPECTS.length)];
        String prospectEmail = emailOf(prospect[0], prospect[1]);
        boolean thirdSpeaker = random.nextBoolean();
        String second = SECOND_PROSPECTS[random.nextInt(SECOND_PROSPECTS.length)];
        String secondEmail = emailOf(second, prospect[1]);
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        String title = titleOrNull != null ? titleOrNull : prospect[2] + " x Acme Sales - " + topic;

        Instant recordingEnd = createdAt.minusSeconds(120 + random.nextInt(300));
        long durationSeconds = 900 + random.nextInt(2700);
        Instant recordingStart = recordingEnd.minusSeconds(durationSeconds);
        Instant scheduledStart = recordingStart.minusSeconds(random.nextInt(240)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        ObjectNode meeting = json.createObjectNode();
        meeting.put("title", title);
        meeting.put("meeting_title", prospect[2] + " / Acme Sales");
        meeting.put("recording_id", recordingId);
        meeting.put("url", "https://fathom.video/calls/" + recordingId);
        meeting.put("share_url", "https://fathom.video/share/" + Long.toString(recordingId * 7919L, 36));
        meeting.put("created_at", createdAt.toString());
        meeting.put("scheduled_start_time", scheduledStart.toString());
        meeting.put("scheduled_end_time", scheduledStart.plus(Duration.ofMinutes(durationSeconds / 60 + 5)).toString());
        meeting.put("recording_start_time", recordingStart.toString());
        meeting.put("recording_end_time", recordingEnd.toString());
        meeting.put("meeting_type", "external");
        meeting.put("transcript_language", french ? "fr" : "en");
        meeting.put("calendar_invitees_domains_type", "one_or_more_external");

        ArrayNode invitees = meeting.putArray("calendar_invitees");
        invitee(invitees, rep[0], rep[1], REP_DOMAIN, false);
        invitee(invitees, prospect[0], prospectEmail, prospect[1], true);
        if (thirdSpeaker) {
            invitee(invitees, second, secondEmail, prospect[1], true);
        }
        ObjectNode recordedBy = meeting.putObject("recorded_by");
        recordedBy.put("name", rep[0]).put("email", rep[1]).put("email_domain", REP_DOMAIN).put("team", "Sales");

        List<String[]> lines = Dialogue.lines(random, french, rep[0], prospect[0], prospect[2],
                thirdSpeaker ? second : null);
        ArrayNode transcript = meeting.putArray("transcript");
        long offset = 3 + random.nextInt(10);
        long step = Math.max(20, durationSeconds / (lines.size() + 1));
        for (String[] line : lines) {
            ObjectNode segment = transcript.addObject();
            ObjectNode speaker = segment.putObject("speaker");
            speaker.put("display_name", line[0]);
            String email = line[0].equals(rep[0]) ? rep[1] : line[0].equals(prospect[0]) ? prospectEmail : secondEmail;
            speaker.put("matched_calendar_invitee_email", email);
            segment.put("text", line[1]);
            segment.put("timestamp", hms(offset));
            offset += step / 2 + random.nextInt((int) step);
        }

        ObjectNode summary = meeting.putObject("default_summary");
        summary.put("template_name", "general");
        summary.put("markdown_formatted", Dialogue.summary(french, prospect[2], topic));
        ArrayNode actions = meeting.putArray("action_items");
        ObjectNode action = actions.addObject();
        action.put("description", french ? "Envoyer la proposition commerciale à " + prospect[0]
                : "Send the commercial proposal to " + prospect[0]);
        action.put("user_generated", false);
        action.put("completed", false);
        action.put("recording_timestamp", hms(offset - step));
        action.put("recording_playback_url", "https://fathom.video/calls/" + recordingId + "?timestamp=" + (offset - step));
        action.putObject("assignee").put("name", rep[0]).put("email", rep[1]).put("team", "Sales");
        if (random.nextBoolean()) {
            ObjectNode followUp = actions.addObject();
            followUp.put("description", french ? "Partager les références clients du secteur"
                    : "Share customer references from the industry");
            followUp.put("user_generated", true);
            followUp.put("completed", random.nextBoolean());
            followUp.put("recording_timestamp", hms(offset / 2));
            followUp.putObject("assignee").put("name", prospect[0]).put("email", prospectEmail);
        }
        meeting.putNull("crm_matches");
        return meeting;
    }

    private static void invitee(ArrayNode invitees, String name, String email, String domain, boolean external) {
        invitees.addObject().put("name", name).put("matched_speaker_display_name", name).put("email", email)
                .put("email_domain", domain).put("is_external", external);
    }

    private static String emailOf(String name, String domain) {
        String local = java.text.Normalizer.normalize(name.toLowerCase(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace(' ', '.');
        return local + "@" + domain;
    }

    static String hms(long seconds) {
        return "%02d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** The lines of a sales conversation, as {speaker, text} pairs. */
    static final class Dialogue {
        private Dialogue() {
        }

        static List<String[]> lines(Random random, boolean french, String rep, String prospect, String company,
                                    String second) {
            List<String[]> lines = new ArrayList<>();
            if (french) {
                lines.add(new String[]{rep, "Bonjour " + first(prospect) + ", merci de prendre ce temps avec moi."});
                lines.add(new String[]{prospect, "Avec plaisir, on a une demi-heure devant nous."});
                lines.add(new String[]{rep, "Pour commencer, comment vos équipes gèrent-elles le suivi des appels aujourd'hui ?"});
                lines.add(new String[]{prospect, "Honnêtement, chacun prend ses notes dans son coin, et on perd beaucoup d'informations."});
                lines.add(new String[]{rep, "Et quel impact cela a-t-il sur vos prévisions de ventes ?"});
                lines.add(new String[]{prospect, "On découvre trop tard les affaires bloquées, en gros une sur trois."});
                if (second != null) {
                    lines.add(new String[]{second, "Côté direction, on voudrait surtout coacher les nouveaux commerciaux plus vite."});
                    lines.add(new String[]{rep, "Combien de nouveaux commerciaux arrivent cette année ?"});
                    lines.add(new String[]{second, "Une dizaine, répartis sur trois régions."});
                }
                lines.add(new String[]{prospect, pick(random,
                        "C'est intéressant, mais le prix nous paraît élevé pour notre budget actuel.",
                        "On travaille déjà avec un concurrent, je ne suis pas sûr de vouloir changer.",
                        "Le timing est compliqué, on est en pleine réorganisation.")});
                lines.add(new String[]{rep, "Je comprends. Si on regarde le temps gagné par commercial, le retour sur investissement se fait en moins de six mois. Est-ce que ce critère compte pour vous ?"});
                lines.add(new String[]{prospect, "Oui, si vous pouvez le démontrer chiffres à l'appui."});
                lines.add(new String[]{rep, "Je vous propose d'envoyer une proposition vendredi et de caler une démo avec " + company + " mardi prochain, ça vous va ?"});
                lines.add(new String[]{prospect, "D'accord, mardi après-midi fonctionne pour nous."});
            } else {
                lines.add(new String[]{rep, "Hi " + first(prospect) + ", thanks for making the time today."});
                lines.add(new String[]{prospect, "Sure, happy to chat."});
                lines.add(new String[]{rep, "How does your team review sales calls today?"});
                lines.add(new String[]{prospect, "Mostly ad hoc. Managers listen to a few recordings when they can."});
                lines.add(new String[]{rep, "What does that cost you when a deal slips?"});
                lines.add(new String[]{prospect, "We usually find out at the end of the quarter, which is too late."});
                if (second != null) {
                    lines.add(new String[]{second, "From the leadership side, ramping new reps faster is the priority."});
                    lines.add(new String[]{rep, "How many new reps are you hiring this year?"});
                    lines.add(new String[]{second, "About twelve across two regions."});
                }
                lines.add(new String[]{prospect, pick(random,
                        "To be honest, the price seems high for where we are right now.",
                        "We already use another vendor, so switching is a hard sell internally.",
                        "Timing is tricky, we are in the middle of a reorg.")});
                lines.add(new String[]{rep, "That makes sense. Teams like yours usually recover the cost within two quarters through shorter ramp time. Would a short business case help?"});
                lines.add(new String[]{prospect, "Yes, numbers would help me make the case."});
                lines.add(new String[]{rep, "Great, I'll send a proposal on Friday and set up a demo with " + company + " next Tuesday. Does that work?"});
                lines.add(new String[]{prospect, "Tuesday afternoon works."});
            }
            return lines;
        }

        static String summary(boolean french, String company, String topic) {
            return french
                    ? "## " + topic + " avec " + company + "\n- Suivi des appels non structuré aujourd'hui\n"
                    + "- Objection levée sur le prix / le timing\n- Prochaine étape : proposition vendredi, démo mardi"
                    : "## " + topic + " with " + company + "\n- Call reviews are ad hoc today\n"
                    + "- Objection raised on price / timing\n- Next step: proposal Friday, demo Tuesday";
        }

        private static String first(String name) {
            return name.substring(0, name.indexOf(' '));
        }

        private static String pick(Random random, String... options) {
            return options[random.nextInt(options.length)];
        }
    }
}
