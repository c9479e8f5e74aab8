package com.salesai.emulator.meetings;

import com.salesai.emulator.users.Person;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * A meeting as Fathom returns it ({@code json}) plus who may see it, which the JSON does not say: Fathom only
 * tells {@code shared_with} as a team count, never with whom a recording was shared.
 */
public record StoredMeeting(ObjectNode json, Person recorder, List<Person> sharedWith, boolean sharedWithTeam) {
    public StoredMeeting {
        sharedWith = List.copyOf(sharedWith);
    }

    public long recordingId() {
        return json.path("recording_id").asLong();
    }

    public Instant createdAt() {
        return Instant.parse(json.path("created_at").asString());
    }

    /** A copy of the JSON, safe to change. */
    public ObjectNode copy() {
        return json.deepCopy();
    }

    public Access accessOf(Person user) {
        if (recorder.sameAs(user)) {
            return Access.RECORDER;
        }
        if (sharedWith.stream().anyMatch(p -> p.sameAs(user))) {
            return Access.SHARED_WITH_USER;
        }
        boolean teammate = recorder.team() != null && recorder.team().equals(user.team())
                && recorder.emailDomain().equals(user.emailDomain());
        return sharedWithTeam && teammate ? Access.TEAM : Access.NONE;
    }
}
