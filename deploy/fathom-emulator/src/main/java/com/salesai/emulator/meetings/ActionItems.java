package com.salesai.emulator.meetings;

import com.salesai.emulator.users.Person;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Random;

/** Fathom's action items: always in English, with a playback link into the calls URL. */
final class ActionItems {
    private ActionItems() {
    }

    static void add(ArrayNode actions, Random random, String callsUrl, Map<Dialogue.Tag, Long> tagged, Person rep,
                    boolean internal, Person other, String company) {
        long nextStep = tagged.getOrDefault(Dialogue.Tag.NEXT_STEP, 0L);
        if (internal) {
            item(actions, "Update the forecast for " + company + " before Friday", false, false, nextStep,
                    callsUrl, other);
            return;
        }
        item(actions, "Send the commercial proposal to " + other.name(), false, false, nextStep, callsUrl, rep);
        if (random.nextBoolean()) {
            item(actions, "Share customer references from the industry", true, random.nextBoolean(),
                    tagged.getOrDefault(Dialogue.Tag.OBJECTION, 0L), callsUrl, other);
        }
    }

    private static void item(ArrayNode actions, String description, boolean userGenerated, boolean completed,
                             long seconds, String callsUrl, Person assignee) {
        ObjectNode action = actions.addObject();
        action.put("description", description);
        action.put("user_generated", userGenerated);
        action.put("completed", completed);
        action.put("recording_timestamp", MeetingGenerator.hms(seconds));
        action.put("recording_playback_url", callsUrl + "?timestamp=" + seconds);
        action.putObject("assignee").put("name", assignee.name()).put("email", assignee.email())
                .put("team", assignee.team());
    }
}
