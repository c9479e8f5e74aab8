package com.salesai.bench.payloads;

import com.salesai.schema.events.EventJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic Fathom webhook bodies of about a given size in each of the four formats: a discovery call between a
 * rep and two prospects whose transcript is grown until the body reaches the size. Transcript lines come from a fixed
 * pool of French and English sales sentences, so parsing sees realistic text (accents, punctuation, questions).
 */
public final class FathomPayloads {
    public static final int DEFAULT_SIZE = 60 * 1024;
    /** The recording id in {@link #meetingTemplate}, replaced per request to make every meeting distinct. */
    static final long ID_SENTINEL = 987_654_321_012L;

    private static final JsonMapper JSON = EventJson.mapper();
    /** Who records every call: the org member whose integration sends them, so each is credited as recorder. */
    public static final String RECORDER_NAME = "Alice Martin";
    public static final String RECORDER_EMAIL = "alice@acme-sales.test";
    private static final String[][] SPEAKERS = {
            {RECORDER_NAME, RECORDER_EMAIL},
            {"Claire Dubois", "claire@globex.test"},
            {"Dan Smith", "dan@globex.test"}};
    private static final String[] SENTENCES = {
            "Bonjour Claire, merci d'avoir pris le temps aujourd'hui.",
            "Pouvez-vous me décrire comment vos équipes terrain gèrent les rendez-vous aujourd'hui ?",
            "Nous utilisons surtout des tableurs, et franchement ça devient ingérable avec quarante commerciaux.",
            "Qu'est-ce qui vous a poussé à regarder une solution maintenant plutôt que l'an prochain ?",
            "Le budget est validé pour le deuxième trimestre, mais il faut convaincre la direction financière.",
            "What would success look like for your team six months after the rollout?",
            "Honestly, fewer missed follow-ups and a clear view of the pipeline every Monday.",
            "Euh, je pense que le principal risque c'est l'adoption par les équipes, en fait.",
            "D'accord, et qui d'autre serait impliqué dans la décision finale ?",
            "Our procurement process usually takes about three weeks once legal has reviewed the contract.",
            "Je vous propose une démonstration jeudi prochain avec votre directeur commercial, ça vous va ?",
            "Yes, Thursday works, send me an invite and I'll loop in Marc from finance.",
    };

    private FathomPayloads() {
    }

    /** A body of about {@code size} bytes in {@code format}: legacy-flat, nested, data-wrapped or fathom-meeting. */
    public static byte[] body(String format, int size) {
        return switch (format) {
            case "legacy-flat" -> JSON.writeValueAsBytes(legacyFlat(size));
            case "nested" -> JSON.writeValueAsBytes(nested(size));
            case "data-wrapped" -> dataWrapped(size);
            case "fathom-meeting" -> JSON.writeValueAsBytes(meeting(123_456_789L, size));
            default -> throw new IllegalArgumentException("unknown format " + format);
        };
    }

    /** The pool of transcript sentences (French and English sales talk), for other generated transcripts. */
    public static List<String> sentences() {
        return List.of(SENTENCES);
    }

    public static List<String> formats() {
        return List.of("legacy-flat", "nested", "data-wrapped", "fathom-meeting");
    }

    /** A current-format (fathom-meeting) body split around its recording id, to stamp distinct meetings cheaply. */
    public static MeetingTemplate meetingTemplate(int size) {
        String json = JSON.writeValueAsString(meeting(ID_SENTINEL, size));
        String[] parts = json.split(Long.toString(ID_SENTINEL), -1);
        List<byte[]> bytes = new ArrayList<>();
        for (String part : parts) {
            bytes.add(part.getBytes(StandardCharsets.UTF_8));
        }
        return new MeetingTemplate(bytes);
    }

    private static ObjectNode meeting(long recordingId, int size) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", "Globex x Acme - Discovery");
        root.put("meeting_title", "Acme / Globex discovery call");
        root.put("recording_id", recordingId);
        root.put("url", "https://fathom.video/calls/" + recordingId);
        root.put("share_url", "https://fathom.video/share/" + recordingId);
        root.put("created_at", "2025-03-04T14:50:02Z");
        root.put("scheduled_start_time", "2025-03-04T14:00:00Z");
        root.put("scheduled_end_time", "2025-03-04T14:45:00Z");
        root.put("recording_start_time", "2025-03-04T14:02:10Z");
        root.put("recording_end_time", "2025-03-04T14:47:40Z");
        root.put("transcript_language", "fr");
        ArrayNode invitees = root.putArray("calendar_invitees");
        for (String[] speaker : SPEAKERS) {
            String domain = speaker[1].substring(speaker[1].indexOf('@') + 1);
            invitees.addObject().put("name", speaker[0]).put("email", speaker[1]).put("email_domain", domain)
                    .put("is_external", !domain.equals("acme-sales.test"));
        }
        root.putObject("recorded_by").put("name", SPEAKERS[0][0]).put("email", SPEAKERS[0][1])
                .put("email_domain", "acme-sales.test").put("team", "Sales");
        root.putObject("default_summary").put("markdown_formatted",
                "## Résumé\n- Besoin : suivi des rendez-vous terrain\n- Budget validé T2\n- Démo jeudi prochain");
        ArrayNode actions = root.putArray("action_items");
        actions.addObject().put("description", "Envoyer l'invitation pour la démo de jeudi").put("completed", false)
                .put("recording_timestamp", "00:41:12").putObject("assignee")
                .put("name", SPEAKERS[0][0]).put("email", SPEAKERS[0][1]);
        ArrayNode transcript = root.putArray("transcript");
        Random random = new Random(42);
        int second = 5;
        while (JSON.writeValueAsBytes(root).length < size) {
            for (int i = 0; i < 10; i++) {
                String[] speaker = SPEAKERS[transcript.size() % SPEAKERS.length];
                ObjectNode segment = transcript.addObject();
                segment.putObject("speaker").put("display_name", speaker[0])
                        .put("matched_calendar_invitee_email", speaker[1]);
                segment.put("text", SENTENCES[random.nextInt(SENTENCES.length)]);
                segment.put("timestamp", timestamp(second));
                second += 4 + random.nextInt(12);
            }
        }
        return root;
    }

    private static ObjectNode legacyFlat(int size) {
        ObjectNode root = JSON.createObjectNode();
        root.put("fathom_user_emaill", SPEAKERS[0][1]);
        root.put("fathom_user_name", SPEAKERS[0][0]);
        root.put("meeting_title", "Discovery call with Globex");
        root.put("recording_duration_in_minutes", "45.5");
        root.put("share_url", "https://fathom.video/share/abc123");
        root.put("transcript_plaintext", plaintext(size - 300));
        return root;
    }

    private static ObjectNode nested(int size) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "123456789");
        root.putObject("fathom_user").put("email", SPEAKERS[0][1]).put("name", SPEAKERS[0][0]);
        root.putObject("meeting").put("title", "Discovery call with Globex")
                .put("scheduled_start_time", "2025-03-04T14:00:00Z");
        root.putObject("recording").put("duration_in_minutes", 45.5)
                .put("share_url", "https://fathom.video/share/abc123");
        root.putObject("transcript").put("plaintext", plaintext(size - 300));
        return root;
    }

    /** The nested format as a JSON string in {@code data}; escaping makes it a little larger, so aim below size. */
    private static byte[] dataWrapped(int size) {
        ObjectNode root = JSON.createObjectNode();
        root.put("data", JSON.writeValueAsString(nested(size - size / 40)));
        return JSON.writeValueAsBytes(root);
    }

    /** "00:01:05 Name: text" lines up to about {@code size} UTF-8 bytes. */
    private static String plaintext(int size) {
        StringBuilder text = new StringBuilder();
        Random random = new Random(42);
        int second = 5;
        int line = 0;
        while (text.toString().getBytes(StandardCharsets.UTF_8).length < size) {
            for (int i = 0; i < 20; i++, line++) {
                text.append(timestamp(second)).append(' ').append(SPEAKERS[line % SPEAKERS.length][0]).append(": ")
                        .append(SENTENCES[random.nextInt(SENTENCES.length)]).append('\n');
                second += 4 + random.nextInt(12);
            }
        }
        return text.toString();
    }

    private static String timestamp(int seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
