package com.salesai.emulator.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** Fathom's {@code triggered_for} values: which recordings a webhook fires for. */
enum Trigger {
    /** The owner's recordings, private or shared with individuals; on Team plans not those shared with a team. */
    MY_RECORDINGS("my_recordings"),
    /** Recordings other users shared with the owner (on Team plans, not those of teammates). */
    SHARED_EXTERNAL_RECORDINGS("shared_external_recordings"),
    /** Team plans: the owner's recordings shared with a team. */
    MY_SHARED_WITH_TEAM_RECORDINGS("my_shared_with_team_recordings"),
    /** Team plans: recordings of teammates the owner can access through the team. */
    SHARED_TEAM_RECORDINGS("shared_team_recordings");

    private final String value;

    Trigger(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static Optional<Trigger> of(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}
