package com.salesai.emulator.webhooks;

import com.salesai.emulator.meetings.MeetingSpec;
import com.salesai.emulator.users.Accounts;
import com.salesai.emulator.users.Person;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /emulator/recordings}: a seeded meeting ({@code seedIndex}), or a new one shaped by
 * {@code title}, {@code recordedBy} (a user's email or key, or an outsider {@code {name, email}}; default the
 * first user), {@code sharedWith} (users' emails or keys), {@code sharedWithTeam}, {@code internal},
 * {@code transcript} ({@code null} or {@code false}: none), {@code closingLine} (a last line the recorder says) and
 * {@code deliver} ({@code false}: listed by
 * {@code GET /meetings} but no webhook sent, a lost delivery). Unknown fields are refused, so a typo cannot pass
 * for the default.
 *
 * @param seedIndexOrNull the seeded meeting to deliver again, or null for a new recording
 */
record RecordingOptions(Integer seedIndexOrNull, MeetingSpec spec, boolean deliver) {
    static final String FORMAT = "fathom-meeting";
    private static final Set<String> NEW_RECORDING_FIELDS = Set.of("format", "title", "recordedBy", "sharedWith",
            "sharedWithTeam", "internal", "transcript", "closingLine", "deliver");

    /** @throws IllegalArgumentException for options the emulator cannot honour */
    static RecordingOptions parse(JsonNode options, Accounts accounts) {
        if (!options.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        if (!FORMAT.equals(options.path("format").asString(FORMAT))) {
            throw new IllegalArgumentException("only format \"" + FORMAT + "\" is supported");
        }
        if (options.has("seedIndex")) {
            if (options.propertyNames().stream().anyMatch(f -> !f.equals("seedIndex") && !f.equals("format"))) {
                throw new IllegalArgumentException("a seeded meeting is delivered as seeded: seedIndex takes no"
                        + " other option");
            }
            return new RecordingOptions(options.path("seedIndex").asInt(-1), null, true);
        }
        for (String field : options.propertyNames()) {
            if (!NEW_RECORDING_FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown option " + field);
            }
        }
        Person recorder = options.has("recordedBy") ? person(options.get("recordedBy"), accounts) : accounts.first();
        List<Person> sharedWith = new ArrayList<>();
        for (JsonNode user : options.path("sharedWith")) {
            sharedWith.add(accounts.byEmailOrKey(user.asString())
                    .orElseThrow(() -> new IllegalArgumentException("sharedWith: no user " + user)));
        }
        JsonNode title = options.path("title");
        JsonNode transcript = options.get("transcript");
        if (transcript != null && !transcript.isNull() && !transcript.isBoolean()) {
            throw new IllegalArgumentException("transcript: null or false for none, true (the default) for one");
        }
        boolean withTranscript = transcript == null || transcript.isBoolean() && transcript.asBoolean();
        MeetingSpec spec = new MeetingSpec(title.isString() ? title.asString() : null, recorder, sharedWith,
                options.path("sharedWithTeam").asBoolean(false), options.path("internal").asBoolean(false),
                withTranscript, options.path("closingLine").isString() ? options.path("closingLine").asString() : null);
        return new RecordingOptions(null, spec, options.path("deliver").asBoolean(true));
    }

    /** A user by email or key, or an outsider given as {@code {name, email}}. */
    private static Person person(JsonNode recordedBy, Accounts accounts) {
        if (recordedBy.isString()) {
            return accounts.byEmailOrKey(recordedBy.asString())
                    .orElseThrow(() -> new IllegalArgumentException("recordedBy: no user " + recordedBy
                            + " (give {\"name\",\"email\"} for someone outside)"));
        }
        String email = recordedBy.path("email").asString("");
        if (!email.contains("@")) {
            throw new IllegalArgumentException("recordedBy needs an email");
        }
        return accounts.byEmail(email).orElseGet(() -> new Person(recordedBy.path("name").asString(email),
                email, recordedBy.path("team").isString() ? recordedBy.path("team").asString() : null));
    }
}
