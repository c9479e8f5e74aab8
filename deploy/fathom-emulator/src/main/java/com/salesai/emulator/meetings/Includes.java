package com.salesai.emulator.meetings;

import tools.jackson.databind.node.ObjectNode;

/** Fathom leaves out transcript, summary and action items unless asked for them. */
public final class Includes {
    private Includes() {
    }

    public static ObjectNode apply(ObjectNode meeting, boolean transcript, boolean summary, boolean actionItems) {
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
        return copy;
    }
}
