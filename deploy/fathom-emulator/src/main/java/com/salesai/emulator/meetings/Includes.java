package com.salesai.emulator.meetings;

import tools.jackson.databind.node.ObjectNode;

/**
 * Which optional parts of a meeting to return: Fathom leaves them out unless asked for. Highlights exist on
 * {@code GET /meetings} only; webhooks never carry them.
 */
public record Includes(boolean transcript, boolean summary, boolean actionItems, boolean highlights,
                       boolean crmMatches) {

    public static Includes forWebhook(boolean transcript, boolean summary, boolean actionItems,
                                      boolean crmMatches) {
        return new Includes(transcript, summary, actionItems, false, crmMatches);
    }

    public ObjectNode apply(ObjectNode meeting) {
        ObjectNode copy = meeting.deepCopy();
        if (!transcript) {
            copy.remove("transcript");
        }
        if (!summary) {
            copy.remove("default_summary");
        }
        if (!actionItems) {
            copy.remove("action_items");
        }
        if (!highlights) {
            copy.remove("highlights");
        }
        if (!crmMatches) {
            copy.remove("crm_matches");
        }
        return copy;
    }
}
